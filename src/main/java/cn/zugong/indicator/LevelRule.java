package cn.zugong.indicator;

import cn.zugong.shared.legend.Legend;
import java.util.Map;

/**
 * How an indicator is coloured at one node level (ADR 053). {@code legend} null: shown without colour at
 * that level. {@code perHundredStaff}: the value shown is 100 × count ÷ 在职人数 of the node, unit
 * "人/百人", and the legend's thresholds are in that unit.
 */
public record LevelRule(Legend legend, boolean perHundredStaff, Map<String, String> advice) {

    /** The unit of a value scaled per 100 staff. */
    public static final String PER_HUNDRED_UNIT = "人/百人";

    public LevelRule {
        advice = Map.copyOf(advice);
    }

    public static LevelRule uncoloured() {
        return new LevelRule(null, false, Map.of());
    }

    public boolean coloured() {
        return legend != null;
    }
}
