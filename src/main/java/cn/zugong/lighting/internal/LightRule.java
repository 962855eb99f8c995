package cn.zugong.lighting.internal;

import cn.zugong.shared.legend.Colour;
import cn.zugong.shared.legend.Direction;
import cn.zugong.shared.legend.Legend;
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The five-colour rule of one list. The ratio actual / planned is classified by a {@link Legend} built from
 * the list's thresholds (蓝 ≥ blue, 黄 ≥ yellow, 紫 below, 红 below red when configured; an exact threshold
 * belongs to the better colour). Three states are decided before the ratio, in this order: not reported at
 * close → 红; target reached → 绿; past the deadline's month → 红 (逾期); no progress for {@code stallMonths}
 * months while the plan rose → 红 (停滞). When nothing is planned yet the task is 蓝.
 */
public final class LightRule {

    private final ListConfig config;
    private final Legend legend;

    public LightRule(ListConfig config) {
        this.config = config;
        this.legend = legend(config);
    }

    /** What the rule looks at for one task and month. {@code earlier} is the actual {@code stallMonths} ago (null if none). */
    public record Input(Task task, Period period, boolean reported, BigDecimal actual, BigDecimal earlier,
                        boolean provisional) {
    }

    public record Light(Colour colour, BigDecimal actual, BigDecimal planned, BigDecimal ratio, int points,
                        String reason) {
    }

    public Legend legend() {
        return legend;
    }

    public Light light(Input in) {
        Task task = in.task();
        Period period = in.period();
        BigDecimal planned = task.planned(period);
        BigDecimal actual = in.actual() == null ? BigDecimal.ZERO : in.actual();
        BigDecimal ratio = planned.signum() == 0 ? null : actual.divide(planned, 4, RoundingMode.HALF_UP);
        if (!in.reported() && !in.provisional()) {
            return of(Colour.RED, in.actual(), planned, ratio, "窗口关闭时未申报");
        }
        String note = in.reported() ? "" : "（本月尚未申报，按上月进度临时亮灯）";
        if (actual.compareTo(task.target()) >= 0) {
            return of(Colour.GREEN, actual, planned, ratio, "已完成目标 " + task.targetText() + note);
        }
        if (period.code() > Period.of(task.deadline()).code()) {
            return of(Colour.RED, actual, planned, ratio, "超过完成时限 " + task.deadline() + " 仍未完成" + note);
        }
        int stall = config.stallMonths();
        if (stall > 0 && in.earlier() != null && period.month() > stall && actual.compareTo(in.earlier()) <= 0
                && task.planPercent(period) > task.plan().get(period.month() - 1 - stall)) {
            return of(Colour.RED, actual, planned, ratio, "连续 " + stall + " 个月无进展" + note);
        }
        if (ratio == null) {
            return of(Colour.BLUE, actual, planned, null, "尚未到计划节点" + note);
        }
        Colour colour = legend.classify(ratio).orElseThrow().colour();
        return of(colour, actual, planned, ratio, "完成 " + actual.stripTrailingZeros().toPlainString() + "/计划 "
                + planned.stripTrailingZeros().toPlainString() + "（" + ListConfig.pct(ratio.setScale(3,
                RoundingMode.HALF_UP)) + "）" + note);
    }

    private Light of(Colour colour, BigDecimal actual, BigDecimal planned, BigDecimal ratio, String reason) {
        return new Light(colour, actual, planned, ratio, config.pointsOf(colour), reason);
    }

    /**
     * The list's five-colour legend. 绿 and 红 (without a red ratio) are decided by the rules above, not by
     * the ratio: their ranges are empty and carry only label and points.
     */
    static Legend legend(ListConfig c) {
        List<LegendRange> r = new ArrayList<>();
        r.add(range(Colour.BLUE, c, c.blueRatio(), true, null, false, null));
        r.add(range(Colour.YELLOW, c, c.yellowRatio(), true, c.blueRatio(), false, c.blueRatio()));
        r.add(range(Colour.PURPLE, c, c.redRatio(), true, c.yellowRatio(), false, c.yellowRatio()));
        if (c.redRatio() != null) {
            r.add(range(Colour.RED, c, null, false, c.redRatio(), false, c.redRatio()));
        } else {
            r.add(range(Colour.RED, c, BigDecimal.ZERO, false, BigDecimal.ZERO, false, null));
        }
        r.add(range(Colour.GREEN, c, BigDecimal.ZERO, false, BigDecimal.ZERO, false, null));
        return Legend.of(Direction.HIGHER_IS_BETTER, r);
    }

    private static LegendRange range(Colour colour, ListConfig c, BigDecimal from, boolean fromInclusive,
                                     BigDecimal to, boolean toInclusive, BigDecimal threshold) {
        return new LegendRange(colour, colour.shortLabel() + "灯·" + colour.lightMeaning(), c.pointsOf(colour), from,
                fromInclusive, to, toInclusive, threshold);
    }
}
