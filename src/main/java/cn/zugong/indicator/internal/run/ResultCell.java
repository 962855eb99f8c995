package cn.zugong.indicator.internal.run;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.LevelRule;
import cn.zugong.indicator.NodeLevel;
import cn.zugong.shared.legend.Colour;
import cn.zugong.shared.legend.Direction;
import cn.zugong.shared.legend.Legend;
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
            return rule(i, level).cell(num, den);
        }

        /** The rule of indicator i (in the list's order) at the level. */
        public Rule rule(int i, NodeLevel level) {
            Rule[] rules = byLevel[level.ordinal()];
            if (rules == null) {
                rules = byLevel[level.ordinal()] = new Rule[indicators.size()];
            }
            Rule rule = rules[i];
            if (rule == null) {
                rule = rules[i] = new Rule(indicators.get(i), level);
            }
            return rule;
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
        /** Decimals of the shown value (Indicator.display). */
        private final int shownScale;
        private final LegendRange[] ranges;
        /** Per range: the filled-in template's parts between the {value}s; null without advice. */
        private final String[][] advice;
        /** The same parts as CSV bytes (UTF-8, quotes doubled), and each range's colour code as bytes. */
        private final byte[][][] adviceCsv;
        private final byte[][] colourCsv;

        public Rule(Indicator indicator, NodeLevel level) {
            LevelRule rule = indicator.at(level);
            // a count (at a scaled indicator's unscaled level the staff denominator is only shown)
            this.countShown = indicator.perHundredStaffSomewhere() && !rule.perHundredStaff();
            this.factor = indicator.isPercent() || rule.perHundredStaff() ? 100 : 1;
            this.unit = indicator.unitAt(level);
            this.shownScale = Indicator.UNITS.getOrDefault(unit, 2);
            Legend legend = rule.legend();
            this.ranges = legend == null ? new LegendRange[0] : legend.ranges().toArray(LegendRange[]::new);
            this.advice = new String[ranges.length][];
            this.adviceCsv = new byte[ranges.length][][];
            this.colourCsv = new byte[ranges.length][];
            for (int r = 0; r < ranges.length; r++) {
                colourCsv[r] = CsvBytes.quoted(ranges[r].colour().code());
                String template = rule.advice().get(ranges[r].colour().code());
                if (template != null) {
                    advice[r] = fill(template, indicator, unit, legend, ranges[r]);
                    adviceCsv[r] = new byte[advice[r].length][];
                    for (int k = 0; k < advice[r].length; k++) {
                        adviceCsv[r][k] = CsvBytes.escaped(advice[r][k]);
                    }
                }
            }
        }

        public ResultCell cell(double num, double den) {
            BigDecimal numerator = Indicator.scaled(num, 4);
            BigDecimal denominator = Double.isNaN(den) ? null : Indicator.scaled(den, 4);
            double raw = raw(num, den);
            if (Double.isNaN(raw)) {
                return new ResultCell(numerator, denominator, null, null, null);
            }
            BigDecimal shown = Indicator.display(raw, unit);
            int range = range(shown);
            String colour = range < 0 ? null : ranges[range].colour().code();
            String text = range < 0 || advice[range] == null ? null : String.join(shown.toPlainString(), advice[range]);
            return new ResultCell(numerator, denominator, Indicator.scaled(raw, 4), colour, text);
        }

        /**
         * The same cell as COPY's CSV (ResultWriter): numerator, denominator, value, colour and advice, then the end
         * of the line — written as bytes without building the cell (the writer of a province run makes ~3 million).
         * Returns the cell's colour (null: none), for the writer's tally.
         */
        public Colour csv(CsvBytes out, double num, double den) {
            out.scaled4(num).comma();
            if (!Double.isNaN(den)) {
                out.scaled4(den);
            }
            out.comma();
            double raw = raw(num, den);
            if (Double.isNaN(raw)) {
                out.comma().comma().newline();
                return null;
            }
            BigDecimal shown;
            if (Indicator.isWhole(raw)) {
                shown = Indicator.display(raw, unit);
                out.scaled4(raw);
            } else {
                // a ratio: one Double.toString for both roundings (Indicator.scaled rounds BigDecimal.valueOf(v))
                BigDecimal exact = BigDecimal.valueOf(raw);
                shown = exact.setScale(shownScale, RoundingMode.HALF_UP);
                out.ascii(exact.setScale(4, RoundingMode.HALF_UP).toPlainString());
            }
            int range = range(shown);
            out.comma();
            if (range >= 0) {
                out.bytes(colourCsv[range]);
            }
            out.comma();
            if (range >= 0 && adviceCsv[range] != null) {
                String value = shown.toPlainString();
                out.quote();
                byte[][] parts = adviceCsv[range];
                for (int k = 0; k < parts.length; k++) {
                    if (k > 0) {
                        out.ascii(value);
                    }
                    out.bytes(parts[k]);
                }
                out.quote();
            }
            out.newline();
            return range < 0 ? null : ranges[range].colour();
        }

        /** The value before display rounding (×100 for % and per-100-staff levels); NaN: no value (0 denominator). */
        private double raw(double num, double den) {
            if (Double.isNaN(den) || countShown) {
                return num;
            }
            return den == 0 ? Double.NaN : num / den * factor;
        }

        private int range(BigDecimal shown) {
            for (int r = 0; r < ranges.length; r++) {
                if (ranges[r].contains(shown)) {
                    return r;
                }
            }
            return -1;
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
