package cn.zugong.shared.legend;

import java.math.BigDecimal;

/**
 * One range of a legend: the values between {@code from} and {@code to} (null = unbounded) get
 * {@code colour} (its {@link Colour#code() code} is what results store), {@code label} (shown) and {@code points}
 * (for scoring legends). Each end says whether it is inclusive, so a legend decides on which side an
 * exact threshold falls. {@code threshold} is the edge that separates this range from its better
 * neighbour (what advice quotes: "低于 15% 的预警线"); null for the best range.
 */
public record LegendRange(Colour colour, String label, int points, BigDecimal from, boolean fromInclusive,
                          BigDecimal to, boolean toInclusive, BigDecimal threshold) {

    public boolean contains(BigDecimal value) {
        if (from != null) {
            int c = value.compareTo(from);
            if (c < 0 || (c == 0 && !fromInclusive)) {
                return false;
            }
        }
        if (to != null) {
            int c = value.compareTo(to);
            return c < 0 || (c == 0 && toInclusive);
        }
        return true;
    }
}
