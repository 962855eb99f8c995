package cn.zugong.shared.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The period figures are counted over, the same way on every figures page: a year, a quarter, a month or custom
 * from–to dates (both inclusive), with its Chinese label.
 */
public record ReportPeriod(String type, int year, int quarter, int month, LocalDate from, LocalDate to) {

    /** Reads the page's parameters; missing or bad values fall back to the year to date. */
    public static ReportPeriod of(String type, Integer year, Integer quarter, Integer month, String from, String to,
                      LocalDate today) {
        int y = year == null || year < 2000 || year > 2100 ? today.getYear() : year;
        int q = quarter == null || quarter < 1 || quarter > 4 ? (today.getMonthValue() + 2) / 3 : quarter;
        int m = month == null || month < 1 || month > 12 ? today.getMonthValue() : month;
        String t = type == null ? "year" : type;
        return switch (t) {
            case "quarter" -> new ReportPeriod(t, y, q, m, LocalDate.of(y, q * 3 - 2, 1),
                    YearMonth.of(y, q * 3).atEndOfMonth());
            case "month" -> new ReportPeriod(t, y, q, m, LocalDate.of(y, m, 1), YearMonth.of(y, m).atEndOfMonth());
            case "custom" -> custom(y, q, m, from, to, today);
            default -> new ReportPeriod("year", y, q, m, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        };
    }

    /**
     * The period of a year / quarter / month filter (the finest one given wins; out-of-range values are ignored);
     * no year means every year up to today.
     */
    public static ReportPeriod of(Integer year, Integer quarter, Integer month, LocalDate today) {
        if (year == null) {
            return custom(today.getYear(), 1, 1, "2000-01-01", today.toString(), today);
        }
        boolean byMonth = month != null && month >= 1 && month <= 12;
        boolean byQuarter = quarter != null && quarter >= 1 && quarter <= 4;
        return of(byMonth ? "month" : byQuarter ? "quarter" : "year", year, quarter, month, null, null, today);
    }

    private static ReportPeriod custom(int y, int q, int m, String from, String to, LocalDate today) {
        LocalDate start = parse(from, LocalDate.of(today.getYear(), 1, 1));
        LocalDate end = parse(to, today);
        if (end.isBefore(start)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        return new ReportPeriod("custom", y, q, m, start, end);
    }

    private static LocalDate parse(String raw, LocalDate fallback) {
        try {
            return raw == null || raw.isBlank() ? fallback : LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    public String label() {
        return switch (type) {
            case "quarter" -> year + "年第" + quarter + "季度";
            case "month" -> year + "年" + month + "月";
            case "custom" -> from + " 至 " + to;
            default -> year + "年";
        };
    }
}
