package cn.zugong.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    final WorkingCalendar calendar = WorkingCalendar.china();

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void holidaysAreOffAndMakeUpWeekendsAreWorked() {
        assertThat(calendar.isWorkingDay(d("2026-10-01"))).as("国庆, a Thursday").isFalse();
        assertThat(calendar.isWorkingDay(d("2026-10-10"))).as("国庆调休, a Saturday").isTrue();
        assertThat(calendar.isWorkingDay(d("2026-02-14"))).as("春节调休, a Saturday").isTrue();
        assertThat(calendar.isWorkingDay(d("2026-02-17"))).as("春节, a Tuesday").isFalse();
        assertThat(calendar.isWorkingDay(d("2026-01-04"))).as("元旦调休, a Sunday").isTrue();
        assertThat(calendar.isWorkingDay(d("2026-11-21"))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(d("2026-11-23"))).as("an ordinary Monday").isTrue();
        assertThat(calendar.isWorkingDay(d("2027-03-06"))).as("a Saturday of a year without data").isFalse();
    }

    @Test
    void countsWorkingDaysAcrossTheNationalDayWeek() {
        // 9/30 (Wed) → 10/12 (Mon): 10/1–10/7 off, 10/8 Thu, 10/9 Fri, 10/10 Sat worked, 10/12 Mon
        assertThat(calendar.workingDaysBetween(d("2026-09-30"), d("2026-10-12"))).isEqualTo(4);
        assertThat(calendar.plusWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
        assertThat(calendar.plusWorkingDays(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
        assertThat(calendar.workingDaysBetween(d("2026-10-12"), d("2026-10-12"))).isZero();
        assertThat(calendar.workingDaysBetween(d("2026-10-12"), d("2026-10-01"))).isZero();
    }

    @Test
    void tenthWorkingDayOfAMonth() {
        // February 2026: 2–6, 9–13 are the first ten working days (the 14th is a make-up Saturday, the 11th)
        assertThat(calendar.nthWorkingDayOfMonth(d("2026-02-20"), 10)).isEqualTo(d("2026-02-13"));
        assertThat(calendar.nthWorkingDayOfMonth(d("2026-02-20"), 11)).isEqualTo(d("2026-02-14"));
        assertThat(calendar.nthWorkingDayOfMonth(d("2026-02-20"), 12)).isEqualTo(d("2026-02-24"));
        // October 2026: 8, 9, 10 (Sat, worked), 12 …
        assertThat(calendar.nthWorkingDayOfMonth(d("2026-10-01"), 1)).isEqualTo(d("2026-10-08"));
        assertThat(calendar.nthWorkingDayOfMonth(d("2026-10-01"), 3)).isEqualTo(d("2026-10-10"));
    }
}
