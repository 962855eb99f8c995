package cn.zugong.indicator;

import cn.zugong.shared.legend.Legend;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * One indicator (体检指标) as declared in a pack. {@code unit} "%" means the value is 100 × numerator ÷
 * denominator. {@code advice} maps a legend colour (RED/YELLOW/BLUE, optionally GREEN) to a template
 * with {name} {value} {unit} {threshold} {low} {high}.
 */
public record Indicator(String code, String name, String moduleCode, String categoryCode, String formula,
                        String unit, Applicability appliesTo, Legend legend, Map<String, String> advice) {

    /** Units a pack may use and the decimals their values are shown (and classified) with. */
    public static final Map<String, Integer> UNITS = Map.of("%", 1, "人", 0, "人次", 0, "个", 0, "年", 1, "岁", 1,
            "学时", 1);

    public Indicator {
        advice = Map.copyOf(advice);
    }

    public boolean isPercent() {
        return "%".equals(unit);
    }

    /**
     * The value as shown, rounded half-up to the unit's decimals. Colours are decided on this value, so
     * the advice never says "15.0% 低于 15%".
     */
    public BigDecimal display(double value) {
        return BigDecimal.valueOf(value).setScale(UNITS.getOrDefault(unit, 2), RoundingMode.HALF_UP);
    }
}
