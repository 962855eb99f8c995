package cn.zugong.shared.legend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ordered set of ranges → colour, label, points (like a DHIS2 legend set). The same class serves
 * the 数字体检 three-colour warning legend (built by {@link #warning}/{@link #band}), the 亮灯台
 * five-colour light and star ratings (built range by range with {@link #of}). The first range that
 * contains the value wins; a value no range contains has no colour.
 *
 * <p>Edge rule of the warning legends: a value exactly at a threshold belongs to the <em>better</em>
 * side. "Higher is better, red below 10" makes 10 yellow, not red; "lower is better, red above 20"
 * makes 20 yellow; a band's own edges are inside the band. A threshold is the worst acceptable value
 * of the better class, which is how the officers' rules are written (不低于 15%, 不超过 20%).
 */
public record Legend(Direction direction, List<LegendRange> ranges) {

    public Legend {
        ranges = List.copyOf(ranges);
    }

    public static Legend of(Direction direction, List<LegendRange> ranges) {
        return new Legend(direction, ranges);
    }

    public Optional<LegendRange> classify(BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        return ranges.stream().filter(r -> r.contains(value)).findFirst();
    }

    /**
     * Three-colour warning: red is the worst, then yellow, then blue, then GREEN (no warning). For
     * HIGHER_IS_BETTER the thresholds must rise (red &lt; yellow &lt; blue): v &lt; red is RED,
     * red ≤ v &lt; yellow YELLOW, yellow ≤ v &lt; blue BLUE, v ≥ blue GREEN. For LOWER_IS_BETTER they
     * fall (red &gt; yellow &gt; blue): v &gt; red RED, yellow &lt; v ≤ red YELLOW, blue &lt; v ≤ yellow
     * BLUE, v ≤ blue GREEN. A null threshold leaves that colour out (e.g. only red and yellow).
     */
    public static Legend warning(Direction direction, BigDecimal red, BigDecimal yellow, BigDecimal blue) {
        if (direction == Direction.BAND) {
            throw new IllegalArgumentException("use Legend.band for a target band");
        }
        boolean higher = direction == Direction.HIGHER_IS_BETTER;
        List<BigDecimal> cuts = new ArrayList<>();
        List<Colour> colours = new ArrayList<>();
        add(cuts, colours, red, Colour.RED);
        add(cuts, colours, yellow, Colour.YELLOW);
        add(cuts, colours, blue, Colour.BLUE);
        if (cuts.isEmpty()) {
            throw new IllegalArgumentException("a warning legend needs at least one threshold");
        }
        for (int i = 1; i < cuts.size(); i++) {
            int c = cuts.get(i).compareTo(cuts.get(i - 1));
            if (higher ? c <= 0 : c >= 0) {
                throw new IllegalArgumentException((higher ? "higher-is-better thresholds must rise"
                        : "lower-is-better thresholds must fall") + " from red to blue: " + cuts);
            }
        }
        List<LegendRange> ranges = new ArrayList<>();
        BigDecimal previous = null;
        for (int i = 0; i < cuts.size(); i++) {
            BigDecimal cut = cuts.get(i);
            ranges.add(higher ? warningRange(colours.get(i), previous, true, cut, false, cut)
                    : warningRange(colours.get(i), cut, false, previous, true, cut));
            previous = cut;
        }
        ranges.add(higher ? warningRange(Colour.GREEN, previous, true, null, false, null)
                : warningRange(Colour.GREEN, null, false, previous, true, null));
        return new Legend(direction, ranges);
    }

    /**
     * Target band [low, high] is GREEN (edges included); outside it BLUE up to {@code blue} away,
     * YELLOW up to {@code yellow} away, RED beyond — the same on both sides, and a distance exactly at
     * a margin is the better colour. Margins must rise (blue &lt; yellow).
     */
    public static Legend band(BigDecimal low, BigDecimal high, BigDecimal blue, BigDecimal yellow) {
        if (low.compareTo(high) > 0 || blue.signum() <= 0 || yellow.compareTo(blue) <= 0) {
            throw new IllegalArgumentException("band needs low ≤ high and 0 < blue < yellow margins");
        }
        List<LegendRange> r = new ArrayList<>();
        r.add(warningRange(Colour.GREEN, low, true, high, true, null));
        r.add(warningRange(Colour.BLUE, low.subtract(blue), true, low, false, low));
        r.add(warningRange(Colour.BLUE, high, false, high.add(blue), true, high));
        r.add(warningRange(Colour.YELLOW, low.subtract(yellow), true, low.subtract(blue),
                false, low));
        r.add(warningRange(Colour.YELLOW, high.add(blue), false, high.add(yellow), true,
                high));
        r.add(warningRange(Colour.RED, null, false, low.subtract(yellow), false, low));
        r.add(warningRange(Colour.RED, high.add(yellow), false, null, false, high));
        return new Legend(Direction.BAND, r);
    }

    /** A range of a warning legend: labelled with the 数字体检 name, scored by severity (for "worst first"). */
    private static LegendRange warningRange(Colour colour, BigDecimal from, boolean fromInclusive, BigDecimal to,
                                            boolean toInclusive, BigDecimal threshold) {
        return new LegendRange(colour, colour.warningLabel(), colour.severity(), from, fromInclusive, to, toInclusive,
                threshold);
    }

    private static void add(List<BigDecimal> cuts, List<Colour> colours, BigDecimal cut, Colour colour) {
        if (cut != null) {
            cuts.add(cut);
            colours.add(colour);
        }
    }
}
