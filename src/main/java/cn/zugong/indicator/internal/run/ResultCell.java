package cn.zugong.indicator.internal.run;

import cn.zugong.indicator.Indicator;
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One stored result: value from numerator and denominator (×100 for %), colour from the legend on the
 * shown value, and the advice of that colour with its placeholders filled in.
 */
public record ResultCell(BigDecimal numerator, BigDecimal denominator, BigDecimal value, String colour,
                         String advice) {

    public static ResultCell of(Indicator indicator, double num, double den) {
        BigDecimal numerator = BigDecimal.valueOf(num).setScale(4, java.math.RoundingMode.HALF_UP);
        BigDecimal denominator = Double.isNaN(den) ? null
                : BigDecimal.valueOf(den).setScale(4, java.math.RoundingMode.HALF_UP);
        if (denominator != null && den == 0) {
            return new ResultCell(numerator, denominator, null, null, null);
        }
        double raw = denominator == null ? num : num / den * (indicator.isPercent() ? 100 : 1);
        BigDecimal shown = indicator.display(raw);
        Optional<LegendRange> range = indicator.legend().classify(shown);
        String colour = range.map(r -> r.colour().code()).orElse(null);
        String template = colour == null ? null : indicator.advice().get(colour);
        String advice = template == null ? null : fill(template, indicator, shown, range.get());
        return new ResultCell(numerator, denominator, BigDecimal.valueOf(raw).setScale(4,
                java.math.RoundingMode.HALF_UP), colour, advice);
    }

    private static String fill(String template, Indicator indicator, BigDecimal shown, LegendRange range) {
        String unit = indicator.unit() == null ? "" : indicator.unit();
        String low = "";
        String high = "";
        if (indicator.legend().direction() == cn.zugong.shared.legend.Direction.BAND) {
            LegendRange band = indicator.legend().ranges().get(0);
            low = plain(band.from());
            high = plain(band.to());
        }
        return template.replace("{name}", indicator.name()).replace("{value}", shown.toPlainString())
                .replace("{unit}", unit).replace("{threshold}", plain(range.threshold()))
                .replace("{low}", low).replace("{high}", high);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
