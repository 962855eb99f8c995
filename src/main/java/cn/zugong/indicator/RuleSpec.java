package cn.zugong.indicator;

import cn.zugong.shared.legend.Colour;
import cn.zugong.shared.legend.Direction;
import cn.zugong.shared.legend.Legend;
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An indicator's warning rule as an officer edits it, with the pack file's keys: {@code direction} higher,
 * lower or band; thresholds red/yellow/blue (for band: the target [low, high] and the blue/yellow margins
 * around it); the advice templates per colour.
 */
public record RuleSpec(String direction, BigDecimal red, BigDecimal yellow, BigDecimal blue, BigDecimal low,
                       BigDecimal high, String adviceRed, String adviceYellow, String adviceBlue, String adviceGreen) {

    /** The rule an indicator carries now. */
    public static RuleSpec of(Indicator indicator) {
        Legend legend = indicator.legend();
        Map<String, String> a = indicator.advice();
        if (legend.direction() == Direction.BAND) {
            var r = legend.ranges();
            BigDecimal low = r.get(0).from();
            return new RuleSpec("band", null, low.subtract(r.get(3).from()), low.subtract(r.get(1).from()), low,
                    r.get(0).to(), advice(a, Colour.RED), advice(a, Colour.YELLOW), advice(a, Colour.BLUE),
                    advice(a, Colour.GREEN));
        }
        return new RuleSpec(legend.direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower",
                cut(legend, Colour.RED), cut(legend, Colour.YELLOW), cut(legend, Colour.BLUE), null, null,
                advice(a, Colour.RED), advice(a, Colour.YELLOW), advice(a, Colour.BLUE), advice(a, Colour.GREEN));
    }

    /** The legend as a pack file writes it (what {@code PackLoader} validates). */
    public Map<String, Object> legendMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("direction", direction);
        put(m, "red", red);
        put(m, "yellow", yellow);
        put(m, "blue", blue);
        put(m, "low", low);
        put(m, "high", high);
        return m;
    }

    public Map<String, Object> adviceMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "red", adviceRed);
        put(m, "yellow", adviceYellow);
        put(m, "blue", adviceBlue);
        put(m, "green", adviceGreen);
        return m;
    }

    public String directionLabel() {
        return switch (String.valueOf(direction)) {
            case "higher" -> "越高越好";
            case "lower" -> "越低越好";
            case "band" -> "合理区间";
            default -> direction;
        };
    }

    /** Advice templates are keyed by the colour's stored code, as the pack file writes them (RED: ...). */
    private static String advice(Map<String, String> advice, Colour colour) {
        return advice.get(colour.code());
    }

    private static BigDecimal cut(Legend legend, Colour colour) {
        return legend.ranges().stream().filter(r -> r.colour() == colour).map(LegendRange::threshold)
                .findFirst().orElse(null);
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value instanceof String s ? !s.isBlank() : value != null) {
            m.put(key, value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value);
        }
    }
}
