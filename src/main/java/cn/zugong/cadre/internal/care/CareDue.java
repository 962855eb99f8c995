package cn.zugong.cadre.internal.care;

import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.Escalation;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 暖心回访 due dates and 督办 (ADR 077), on the official working-day calendar like 流动党员 contacts (ADR 070): a
 * visit falls due {@code visit_months} after the last one (the first one month after the decision), moved to the next
 * working day; a missed visit is 提醒 from the first day past it, 黄牌督办 after {@code yellow} working days and
 * 红牌督办 after {@code red} (zugong.cadre.care.escalation.yellow / red; 10 and 20 by default).
 */
@Component
class CareDue {

    private final WorkCalendar calendar;
    private final int yellow;
    private final int red;

    CareDue(WorkCalendar calendar, @Value("${zugong.cadre.care.escalation.yellow:10}") int yellow,
            @Value("${zugong.cadre.care.escalation.red:20}") int red) {
        this.calendar = calendar;
        this.yellow = yellow;
        this.red = red;
    }

    LocalDate firstDue(LocalDate decidedOn) {
        return calendar.onOrNextWorkday(decidedOn.plusMonths(1));
    }

    LocalDate nextDue(LocalDate visitedOn, int months) {
        return calendar.onOrNextWorkday(visitedOn.plusMonths(months));
    }

    int overdue(LocalDate due, LocalDate today) {
        return due == null || !due.isBefore(today) ? 0 : Math.max(calendar.workdaysBetween(due, today), 0);
    }

    Escalation level(LocalDate due, LocalDate today) {
        if (due == null || !due.isBefore(today)) {
            return Escalation.NONE;
        }
        int days = overdue(due, today);
        if (days >= red) {
            return Escalation.RED_CARD;
        }
        return days >= yellow ? Escalation.YELLOW_CARD : Escalation.REMINDER;
    }

    /** The last day of a 公示 of {@code workdays} working days starting on {@code from} (or the next working day). */
    LocalDate publicityUntil(LocalDate from, int workdays) {
        LocalDate first = calendar.onOrNextWorkday(from);
        return workdays <= 1 ? first : calendar.plusWorkdays(first, workdays - 1);
    }
}
