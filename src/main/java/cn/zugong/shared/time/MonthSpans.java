package cn.zugong.shared.time;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A date range [from, to] split for a table kept by month: the whole months it covers ({@code firstMonth} to
 * {@code lastMonth}, first days; empty when {@code firstMonth} is after {@code lastMonth}) and at most two partial
 * months at its ends, each a day range inside one month ({@code headFrom}–{@code headTo} in {@code headMonth},
 * {@code tailFrom}–{@code tailTo} in {@code tailMonth}; an absent edge is an empty range, from after to). Summing
 * the monthly rows of the whole months and the detail rows of the edges counts every day of the range once.
 */
public record MonthSpans(LocalDate firstMonth, LocalDate lastMonth,
                         LocalDate headMonth, LocalDate headFrom, LocalDate headTo,
                         LocalDate tailMonth, LocalDate tailFrom, LocalDate tailTo) {

    public static MonthSpans of(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        YearMonth a = YearMonth.from(from);
        YearMonth b = YearMonth.from(to);
        boolean headPartial = from.getDayOfMonth() != 1;
        boolean tailPartial = !to.equals(b.atEndOfMonth());
        if (a.equals(b) && (headPartial || tailPartial)) {
            return new MonthSpans(a.plusMonths(1).atDay(1), a.atDay(1), a.atDay(1), from, to,
                    a.atDay(1), to.plusDays(1), to);
        }
        YearMonth first = headPartial ? a.plusMonths(1) : a;
        YearMonth last = tailPartial ? b.minusMonths(1) : b;
        LocalDate headTo = headPartial ? a.atEndOfMonth() : from.minusDays(1);
        LocalDate tailFrom = tailPartial ? b.atDay(1) : to.plusDays(1);
        return new MonthSpans(first.atDay(1), last.atDay(1), a.atDay(1), from, headTo, b.atDay(1), tailFrom, to);
    }
}
