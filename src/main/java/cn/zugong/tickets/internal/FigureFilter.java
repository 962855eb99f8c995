package cn.zugong.tickets.internal;

/**
 * Which tickets the figures count: raised in {@code year} (null: every year), optionally one quarter or one month
 * of it, one category, one unit (with what is under it), one cadre (username); {@code by} is the period grouping
 * (month, quarter or year).
 */
public record FigureFilter(Integer year, Integer quarter, Integer month, String category, Long unitId,
                           String cadre, String by) {

    /** The year asked for: none given means {@code current}, 0 means every year. */
    static Integer year(Integer asked, int current) {
        if (asked == null) {
            return current;
        }
        return asked == 0 ? null : asked;
    }

    public String grouping() {
        return "quarter".equals(by) || "year".equals(by) ? by : "month";
    }
}
