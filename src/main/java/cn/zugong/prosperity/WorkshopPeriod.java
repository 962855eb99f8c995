package cn.zugong.prosperity;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A range of ledger months, both ends included. {@code from} null means 累计: every month up to {@code to} (the
 * ledger starts with the first workshop).
 */
public record WorkshopPeriod(YearMonth from, YearMonth to) {

    /** The earliest month a ledger may hold (the database refuses earlier ones). */
    public static final YearMonth FIRST = YearMonth.of(2000, 1);

    public WorkshopPeriod {
        if (to == null) {
            throw new IllegalArgumentException("the period needs its last month");
        }
        if (from != null && from.isAfter(to)) {
            throw new IllegalArgumentException("the period starts after it ends: " + from + " > " + to);
        }
    }

    public static WorkshopPeriod cumulative(YearMonth to) {
        return new WorkshopPeriod(null, to);
    }

    public boolean cumulative() {
        return from == null;
    }

    public int fromKey() {
        return key(from == null ? FIRST : from);
    }

    public int toKey() {
        return key(to);
    }

    /** The first day of the period (the ledger's first possible month when cumulative). */
    public LocalDate startDate() {
        return (from == null ? FIRST : from).atDay(1);
    }

    public LocalDate endDate() {
        return to.atEndOfMonth();
    }

    /** 2026年1月—2026年10月, or 累计（截至2026年10月）. */
    public String label() {
        return from == null ? "累计（截至" + text(to) + "）" : text(from) + "—" + text(to);
    }

    /** A month as the ledger stores it: yyyymm. */
    public static int key(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    public static YearMonth month(int key) {
        return YearMonth.of(key / 100, key % 100);
    }

    private static String text(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }
}
