package cn.zugong.rating.internal.results;

import java.math.BigDecimal;
import java.util.List;

/** The records of the results page, its Excel and {@code GET /api/ratings/results}. */
final class Results {

    private Results() {
    }

    /**
     * Counts of a group (an area, a sector, a party organisation type, or the whole scope): organisations rated,
     * per star level now (index = stars, 0 = 未评星), 双强, at the best level and 双强 (五星双强), one below and 双强
     * (四星双强), at three stars or more and their share in per cent (one decimal; null when nobody was rated).
     */
    record CountRow(String key, String name, long total, List<Long> byStars, long doubleStrong, long topDoubleStrong,
                    long nextDoubleStrong, long threeOrMore, BigDecimal shareThreeOrMore) {
    }

    /**
     * A line of the ranking: rank by points (ties share a rank, the next rank skips), the organisation and where it
     * is, points, stars now, title, and the movement against the previous year's round of the scheme.
     */
    record RankRow(long rank, long nodeId, String name, String areaName, String sector, String orgType,
                   BigDecimal points, int stars, String title, boolean doubleStrong, boolean vetoed, String stage,
                   Integer publishedStars, boolean withdrawn, Integer previousStars, BigDecimal previousPoints,
                   String movement, String movementLabel, BigDecimal pointsChange) {
    }

    /** How many organisations moved up, down, stayed, or are rated for the first time (新参评). */
    record Movements(boolean previousYear, long up, long down, long same, long first) {
    }

    /** An organisation whose stars fell after publication (摘星): stars as published and now, the last reason. */
    record Withdrawn(long nodeId, String name, String areaName, int publishedStars, int stars, String reason,
                     String actor, java.time.LocalDateTime at) {
    }

    /** A choice of the selector. */
    record Option(String code, String name) {
    }

    record Page(String scopeName, String schemeCode, String schemeName, String schemeVersion, int year,
                boolean published, boolean hasOther, boolean hasStrong, List<String> starLabels, CountRow total,
                List<CountRow> byArea, List<CountRow> bySector, List<CountRow> byOrgType, Movements movements,
                List<RankRow> ranking, List<Withdrawn> withdrawn, List<Integer> years, List<Option> schemes,
                List<Option> areas, List<Option> sectors, String areaId, String sector) {
    }
}
