package cn.zugong.rating.internal.results;

import cn.zugong.rating.RatingScheme;
import cn.zugong.shared.OrgScope;
import java.util.List;

/**
 * What a results page shows: a scheme's rounds of a year that hold organisations of the caller's scope — the
 * published ones by default, else (or on request) the current ones, marked 未发布 — and the previous year's rounds
 * of the same scheme for the year-over-year movement. {@code areaDepth}: the depth of the nodes one level below the
 * scope's, by which figures are broken down (the counties for the city, the townships for a county).
 */
record Selection(RatingScheme scheme, int year, List<Long> rounds, boolean published, boolean hasOther,
                 List<Long> previousRounds, OrgScope scope, int areaDepth) {

    boolean empty() {
        return rounds.isEmpty();
    }

    /** The round ids to bind (a list never empty, so that {@code in (:rounds)} stays valid SQL). */
    List<Long> roundIds() {
        return rounds.isEmpty() ? List.of(-1L) : rounds;
    }

    List<Long> previousIds() {
        return previousRounds.isEmpty() ? List.of(-1L) : previousRounds;
    }
}
