package cn.zugong.indicator.internal.run;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.LevelRule;
import cn.zugong.indicator.NodeLevel;
import cn.zugong.shared.legend.Direction;
import cn.zugong.shared.legend.Legend;
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One stored result: value from numerator and denominator (×100 for %), colour from the legend of the
 * node's level on the shown value, and the advice of that colour with its placeholders filled in.
 * Per-level rules (ADR 053): a level may leave the indicator uncoloured (value kept, no colour), or show
 * a head-count per 100 staff — the denominator is then the node's 在职人数 (the engine counts it for such
 * indicators at every level; at a level that is not scaled the value stays the count).
 */
public record ResultCell(BigDecimal numerator, BigDecimal denominator, BigDecimal value, String colour,
                         String advice) {

    /** A unit's own result. */
    public static ResultCell of(Indicator indicator, double num, double den) {
        return of(indicator, NodeLevel.UNIT, num, den);
    }

    public static ResultCell of(Indicator indicator, NodeLevel level, double num, double den) {
        BigDecimal numerator = BigDecimal.valueOf(num).setScale(4, RoundingMode.HALF_UP);
        BigDecimal denominator = Double.isNaN(den) ? null : BigDecimal.valueOf(den).setScale(4, RoundingMode.HALF_UP);
        LevelRule rule = indicator.at(level);
        boolean staffDenominator = indicator.perHundredStaffSomewhere();
        double raw;
        if (denominator == null || (staffDenominator && !rule.perHundredStaff())) {
            raw = num;   // a count (at a scaled indicator's unscaled level the staff denominator is only shown)
        } else if (den == 0) {
            return new ResultCell(numerator, denominator, null, null, null);
        } else {
            raw = num / den * (indicator.isPercent() || rule.perHundredStaff() ? 100 : 1);
        }
        String unit = indicator.unitAt(level);
        BigDecimal shown = Indicator.display(raw, unit);
        Legend legend = rule.legend();
        Optional<LegendRange> range = legend == null ? Optional.empty() : legend.classify(shown);
        String colour = range.map(r -> r.colour().code()).orElse(null);
        String template = colour == null ? null : rule.advice().get(colour);
        String advice = template == null ? null : fill(template, indicator, unit, legend, shown, range.get());
        return new ResultCell(numerator, denominator, BigDecimal.valueOf(raw).setScale(4, RoundingMode.HALF_UP),
                colour, advice);
    }

    private static String fill(String template, Indicator indicator, String unit, Legend legend, BigDecimal shown,
                               LegendRange range) {
        String low = "";
        String high = "";
        if (legend.direction() == Direction.BAND) {
            LegendRange band = legend.ranges().get(0);
            low = plain(band.from());
            high = plain(band.to());
        }
        return template.replace("{name}", indicator.name()).replace("{value}", shown.toPlainString())
                .replace("{unit}", unit == null ? "" : unit).replace("{threshold}", plain(range.threshold()))
                .replace("{low}", low).replace("{high}", high);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
