package cn.zugong.indicator.internal.run;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.LevelRule;
import cn.zugong.indicator.NodeLevel;
import cn.zugong.shared.legend.Direction;
import cn.zugong.shared.legend.Legend;
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
        return new Rule(indicator, level).cell(num, den);
    }

    /** The rules of a pack's indicators at each level, each worked out when first needed (for writing a run). */
    public static final class Rules {

        private final List<Indicator> indicators;
        private final Rule[][] byLevel = new Rule[NodeLevel.values().length][];

        public Rules(List<Indicator> indicators) {
            this.indicators = indicators;
        }

        /** The cell of indicator i (in the list's order) at the level: equal to {@link ResultCell#of}. */
        public ResultCell cell(int i, NodeLevel level, double num, double den) {
            Rule[] rules = byLevel[level.ordinal()];
            if (rules == null) {
                rules = byLevel[level.ordinal()] = new Rule[indicators.size()];
            }
            Rule rule = rules[i];
            if (rule == null) {
                rule = rules[i] = new Rule(indicators.get(i), level);
            }
            return rule.cell(num, den);
        }
    }

    /**
     * An indicator's colouring at one level, worked out once: the writer of a province run makes ~3 million cells
     * from a few hundred of these. The advice templates are filled in but for {value} (the only placeholder that
     * differs between cells), split around it.
     */
    public static final class Rule {

        private final boolean countShown;
        private final double factor;
        private final String unit;
        private final LegendRange[] ranges;
        /** Per range: the filled-in template's parts between the {value}s; null without advice. */
        private final String[][] advice;

        public Rule(Indicator indicator, NodeLevel level) {
            LevelRule rule = indicator.at(level);
            // a count (at a scaled indicator's unscaled level the staff denominator is only shown)
            this.countShown = indicator.perHundredStaffSomewhere() && !rule.perHundredStaff();
            this.factor = indicator.isPercent() || rule.perHundredStaff() ? 100 : 1;
            this.unit = indicator.unitAt(level);
            Legend legend = rule.legend();
            this.ranges = legend == null ? new LegendRange[0] : legend.ranges().toArray(LegendRange[]::new);
            this.advice = new String[ranges.length][];
            for (int r = 0; r < ranges.length; r++) {
                String template = rule.advice().get(ranges[r].colour().code());
                if (template != null) {
                    advice[r] = fill(template, indicator, unit, legend, ranges[r]);
                }
            }
        }

        public ResultCell cell(double num, double den) {
            BigDecimal numerator = Indicator.scaled(num, 4);
            BigDecimal denominator = Double.isNaN(den) ? null : Indicator.scaled(den, 4);
            double raw;
            if (denominator == null || countShown) {
                raw = num;
            } else if (den == 0) {
                return new ResultCell(numerator, denominator, null, null, null);
            } else {
                raw = num / den * factor;
            }
            BigDecimal shown = Indicator.display(raw, unit);
            int range = -1;
            for (int r = 0; r < ranges.length; r++) {
                if (ranges[r].contains(shown)) {
                    range = r;
                    break;
                }
            }
            String colour = range < 0 ? null : ranges[range].colour().code();
            String text = range < 0 || advice[range] == null ? null : String.join(shown.toPlainString(), advice[range]);
            return new ResultCell(numerator, denominator, Indicator.scaled(raw, 4), colour, text);
        }
    }

    /**
     * The template with {name}, {unit}, {threshold}, {low} and {high} filled in, split around {value}: joined with
     * the shown value it is the template with every placeholder replaced in that order ({name} first, then {value}
     * — a shown value's digits, point and sign never make or break another placeholder).
     */
    private static String[] fill(String template, Indicator indicator, String unit, Legend legend, LegendRange range) {
        String low = "";
        String high = "";
        if (legend.direction() == Direction.BAND) {
            LegendRange band = legend.ranges().get(0);
            low = plain(band.from());
            high = plain(band.to());
        }
        String named = template.replace("{name}", indicator.name());
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = named.indexOf("{value}"); at >= 0; at = named.indexOf("{value}", from)) {
            parts.add(named.substring(from, at));
            from = at + "{value}".length();
        }
        parts.add(named.substring(from));
        String[] filled = new String[parts.size()];
        for (int i = 0; i < filled.length; i++) {
            filled[i] = parts.get(i).replace("{unit}", unit == null ? "" : unit)
                    .replace("{threshold}", plain(range.threshold())).replace("{low}", low).replace("{high}", high);
        }
        return filled;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
