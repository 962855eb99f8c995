package cn.zugong.lighting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A key task: lead unit (reports and is scored), co-units, weight, quantified target (value + measure),
 * the monthly plan as cumulative percentages of the target (twelve values, January first) and a deadline.
 */
public record Task(long id, long listId, String code, String title, long leadUnitId, String leadUnitName,
                   List<Long> coUnitIds, String coUnitNames, BigDecimal weight, BigDecimal target, String measure,
                   List<Integer> plan, LocalDate deadline, String sourceItem) {

    public Task {
        coUnitIds = List.copyOf(coUnitIds);
        plan = List.copyOf(plan);
    }

    /** Cumulative share of the target planned by the end of the period's month (0–100). */
    public int planPercent(Period period) {
        return plan.get(period.month() - 1);
    }

    public BigDecimal planned(Period period) {
        return target.multiply(BigDecimal.valueOf(planPercent(period))).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.HALF_UP);
    }

    public String targetText() {
        return target.stripTrailingZeros().toPlainString() + " " + measure;
    }

    public String planText() {
        return String.join(",", plan.stream().map(String::valueOf).toList());
    }

    static List<Integer> parsePlan(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
