package cn.zugong.tickets.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Which tickets the figures count: raised in {@code year} (null: every year), optionally one quarter or one month
 * of it, one category, one unit (with what is under it), one cadre (username); {@code by} is the period grouping
 * (month, quarter or year). The same record binds the figures page, its Excel export and
 * {@code GET /api/tickets/figures}; as bound, a missing year means the current one and 0 every year
 * ({@link #inYear}).
 */
public record FigureFilter(@Min(value = 0, message = "年度不正确") Integer year,
                           @Min(value = 1, message = "季度须为 1–4") @Max(value = 4, message = "季度须为 1–4")
                           Integer quarter,
                           @Min(value = 1, message = "月份须为 1–12") @Max(value = 12, message = "月份须为 1–12")
                           Integer month,
                           String category, Long unitId,
                           @Size(max = 50, message = "服务干部账号过长（不超过 50 个字）") String cadre,
                           String by) {

    /** The filter as asked on a page or the API: no year means {@code current}, 0 means every year. */
    FigureFilter inYear(int current) {
        return new FigureFilter(year(year, current), quarter, month, category, unitId, cadre, by);
    }

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
