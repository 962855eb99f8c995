package cn.zugong.prosperity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 聚力共富's figures for one group (a county, a field, a month, or all): needs posted (not withdrawn), those matched
 * (with an engagement not ended), offers registered, engagements started and completed, outcomes with their projects,
 * funds (yuan) and people trained, and the ratings of each side (count and sum of stars, so groups add up; the
 * averages are computed from the sums).
 */
public record MatchingFigureRow(String key, String name, long needs, long matchedNeeds, long offers, long engagements,
                                long completed, long outcomes, long projects, BigDecimal fundsYuan,
                                long peopleTrained, long needRatings, long needStars, long offerRatings,
                                long offerStars) {

    /** The need side's average rating of the people (1–5, one decimal), null without ratings. */
    public BigDecimal averageNeedRating() {
        return average(needStars, needRatings);
    }

    /** The people's average rating of the hosting side. */
    public BigDecimal averageOfferRating() {
        return average(offerStars, offerRatings);
    }

    /** matched needs / needs, in percent with one decimal. */
    public BigDecimal matchedShare() {
        return needs == 0 ? null : BigDecimal.valueOf(matchedNeeds * 100L).divide(BigDecimal.valueOf(needs), 1,
                RoundingMode.HALF_UP);
    }

    private static BigDecimal average(long sum, long count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }
}
