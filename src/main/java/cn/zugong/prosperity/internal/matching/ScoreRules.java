package cn.zugong.prosperity.internal.matching;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The matcher's score as declared in {@code prosperity/matching-score.yaml} (ADR 072): points per component, the
 * skills rule, the place shares by tree distance, the period rule, and which offers are candidates at all.
 */
public record ScoreRules(String version, BigDecimal total, Set<String> requireAny, int limit,
                         Component field, Component skills, SkillRule skillRule, Component place, PlaceShares places,
                         Component period) {

    /** One component: its Chinese name (shown on the page) and its full points. */
    public record Component(String name, BigDecimal points) {
    }

    public enum SkillRule {
        /** shared skills / wanted skills */
        COVERED_SHARE,
        /** shared skills / all skills named by either side */
        JACCARD
    }

    /** The share of the place points by the nearest of the offer's places to the need's place. */
    public record PlaceShares(BigDecimal covers, BigDecimal sameTownship, BigDecimal sameCounty, BigDecimal sameCity,
                              BigDecimal other) {
    }
}
