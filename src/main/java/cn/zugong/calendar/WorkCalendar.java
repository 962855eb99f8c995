package cn.zugong.calendar;

import cn.zugong.calendar.internal.CalendarDays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Working days on the official calendar: a day listed in the calendar data is what the list says (holiday
 * or 调休 working day); any other day is a working day when it is Monday to Friday.
 */
@Service
public class WorkCalendar {

    private final CalendarDays days;

    WorkCalendar(CalendarDays days) {
        this.days = days;
    }

    public boolean isWorkday(LocalDate day) {
        Map<LocalDate, Boolean> exceptions = days.exceptions();
        Boolean listed = exceptions.get(day);
        if (listed != null) {
            return listed;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int workdaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkday(d)) {
                n++;
            }
        }
        return n;
    }

    /** The {@code n}-th working day after {@code from} (n ≥ 1); {@code from} itself when n is 0. */
    public LocalDate plusWorkdays(LocalDate from, int n) {
        LocalDate d = from;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkday(d)) {
                left--;
            }
        }
        return d;
    }

    /** The day itself when it is a working day, otherwise the next working day (a deadline never falls on a holiday). */
    public LocalDate onOrNextWorkday(LocalDate day) {
        LocalDate d = day;
        while (!isWorkday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
