package cn.zugong.rating;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a score sheet comes to: the total points (base within caps, plus bonuses, minus deductions, never below 0),
 * the points per dimension, the stars (0 when vetoed or below the lowest band), the 双强 conditions met, and the
 * criteria whose given points were above their cap (and were capped).
 */
public record RatingResult(BigDecimal points, Map<String, BigDecimal> dimensionPoints, int stars,
                           boolean strongParty, boolean strongDevelopment, boolean vetoed, List<String> capped) {

    public boolean doubleStrong() {
        return strongParty && strongDevelopment;
    }
}
