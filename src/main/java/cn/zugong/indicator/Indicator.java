package cn.zugong.indicator;

import cn.zugong.shared.legend.Legend;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * One indicator (体检指标) as declared in a pack. {@code unit} "%" means the value is 100 × numerator ÷
 * denominator. {@code legend} and {@code advice} are the unit level's; {@code advice} maps a legend colour
 * (RED/YELLOW/BLUE, optionally GREEN) to a template with {name} {value} {unit} {threshold} {low} {high}.
 * {@code definition} is the 口径 (one line: what is counted over what, as of which date, which years);
 * {@code levels} the roll-up levels whose colouring differs from the unit's (ADR 053), {@code levelNote}
 * why.
 */
public record Indicator(String code, String name, String moduleCode, String categoryCode, String formula,
                        String unit, Applicability appliesTo, Legend legend, Map<String, String> advice,
                        String definition, Map<NodeLevel, LevelRule> levels, String levelNote) {

    /** Units a pack may use and the decimals their values are shown (and classified) with. */
    public static final Map<String, Integer> UNITS = Map.of("%", 1, "人", 0, "人次", 0, "个", 0, "年", 1, "岁", 1,
            "学时", 1, LevelRule.PER_HUNDRED_UNIT, 2);

    public Indicator {
        advice = Map.copyOf(advice);
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    /** The same indicator with another unit-level legend and advice (the 预警规则 editor), levels kept. */
    public Indicator withLegend(Legend newLegend, Map<String, String> newAdvice) {
        return new Indicator(code, name, moduleCode, categoryCode, formula, unit, appliesTo, newLegend, newAdvice,
                definition, levels, levelNote);
    }

    /** The same indicator with other per-level rules. */
    public Indicator withLevels(Map<NodeLevel, LevelRule> newLevels, String newLevelNote) {
        return new Indicator(code, name, moduleCode, categoryCode, formula, unit, appliesTo, legend, advice,
                definition, newLevels, newLevelNote);
    }

    /** How a result at this level is coloured: the level's own rule, else the unit's legend and advice. */
    public LevelRule at(NodeLevel level) {
        LevelRule own = levels.get(level);
        return own != null ? own : new LevelRule(legend, false, advice);
    }

    /** Whether some level shows the value per 100 staff (the engine then also counts 在职人数 as denominator). */
    public boolean perHundredStaffSomewhere() {
        return levels.values().stream().anyMatch(LevelRule::perHundredStaff);
    }

    /** The unit a value at this level is shown in. */
    public String unitAt(NodeLevel level) {
        return at(level).perHundredStaff() ? LevelRule.PER_HUNDRED_UNIT : unit;
    }

    public boolean isPercent() {
        return "%".equals(unit);
    }

    /**
     * The value as shown, rounded half-up to the unit's decimals. Colours are decided on this value, so
     * the advice never says "15.0% 低于 15%".
     */
    public BigDecimal display(double value) {
        return display(value, unit);
    }

    /** The value as shown in {@code shownUnit}'s decimals. */
    public static BigDecimal display(double value, String shownUnit) {
        return scaled(value, UNITS.getOrDefault(shownUnit, 2));
    }

    /**
     * {@code BigDecimal.valueOf(value).setScale(scale, HALF_UP)}, the same value and scale; a whole number (most
     * numerators and denominators are counts) without going through Double.toString — a province run formats
     * about nine million of them when its rows are written.
     */
    public static BigDecimal scaled(double value, int scale) {
        if (isWhole(value)) {
            return BigDecimal.valueOf((long) value).setScale(scale, RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    /** A whole number that {@link #scaled} turns into its BigDecimal through a long (no Double.toString). */
    public static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15;
    }
}
