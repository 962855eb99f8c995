package cn.zugong.party.internal.mobile;

import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.Escalation;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 督办 of overdue contacts (ADR 070): days overdue count working days on the official calendar (a due date on a
 * Saturday is not overdue on the Sunday); the level rises with them, named as the closure workflow names its levels
 * (提醒, 黄牌督办, 红牌督办). The thresholds are configuration: zugong.party.mobile.escalation.yellow / red
 * (working days; 10 and 20 by default).
 */
@Component
class MobileDue {

    private final WorkCalendar calendar;
    private final int yellow;
    private final int red;

    MobileDue(WorkCalendar calendar,
              @Value("${zugong.party.mobile.escalation.yellow:10}") int yellow,
              @Value("${zugong.party.mobile.escalation.red:20}") int red) {
        this.calendar = calendar;
        this.yellow = yellow;
        this.red = red;
    }

    int overdue(LocalDate due, LocalDate today) {
        return due == null ? 0 : calendar.workdaysBetween(due, today);
    }

    /**
     * The level of a contact overdue by that many working days: 提醒 from the first day past the due date (even a
     * weekend's), 黄牌督办 from {@code yellow} working days, 红牌督办 from {@code red}.
     */
    Escalation level(int workdaysOverdue) {
        if (workdaysOverdue >= red) {
            return Escalation.RED_CARD;
        }
        return workdaysOverdue >= yellow ? Escalation.YELLOW_CARD : Escalation.REMINDER;
    }

    /**
     * The latest due date that is at least {@code n} working days overdue today: a due date on or before it has
     * reached the level of n (so the figures count each level with one date comparison in SQL).
     */
    LocalDate cutoff(LocalDate today, int n) {
        LocalDate d = today;
        int count = 0;
        while (count < n) {
            if (calendar.isWorkday(d)) {
                count++;
            }
            d = d.minusDays(1);
        }
        return d;
    }

    LocalDate cutoff(LocalDate today, Escalation level) {
        return cutoff(today, switch (level) {
            case RED_CARD -> red;
            case YELLOW_CARD -> yellow;
            case REMINDER, NONE -> 0;
        });
    }
}
