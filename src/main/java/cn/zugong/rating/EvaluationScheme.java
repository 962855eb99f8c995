package cn.zugong.rating;

import cn.zugong.org.PartySector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A public-evaluation scheme (双述双评双比, ratings/evaluation/*.yaml, ADR 062): the grades a rater gives and their
 * points ({@code marks = GRADES}) or points 0–{@code maxScore} ({@code marks = POINTS}); the rater groups with their
 * weights and the township's 评价 weight (together 1); the result bands (weighted points → grade) and the share of
 * 差 votes that makes a subject 差 whatever the points. {@link #result} is the one calculation of a subject's result.
 */
public record EvaluationScheme(String code, String version, String name, Set<PartySector> appliesTo, Marks marks,
                               List<Grade> grades, BigDecimal maxScore, List<RaterGroup> groups,
                               BigDecimal townshipWeight, List<ResultBand> bands, BigDecimal poorShare) {

    public enum Marks { GRADES, POINTS }

    /** A grade: code stored on the ballot (A, B, C, D), label shown (好 …), points it counts for. */
    public record Grade(String code, String label, BigDecimal points) {
    }

    /** PARTY_MEMBER (党员) or VILLAGER_REP (村民代表), with its weight. */
    public record RaterGroup(String code, String label, BigDecimal weight) {
    }

    /** From {@code min} weighted points on, the subject's grade is {@code grade}. */
    public record ResultBand(String grade, BigDecimal min) {
    }

    /** The votes of one rater group for one subject: grade code → count (GRADES), or the sum and count (POINTS). */
    public record GroupVotes(Map<String, Long> byGrade, BigDecimal scoreSum, long scoreCount) {

        public long total() {
            return byGrade.values().stream().mapToLong(Long::longValue).sum() + scoreCount;
        }
    }

    /** A subject's result: the weighted points (null with no vote and no township 评价), the grade, and why. */
    public record Result(BigDecimal points, String grade, boolean poorByShare) {
    }

    public EvaluationScheme {
        appliesTo = Set.copyOf(appliesTo);
        grades = List.copyOf(grades);
        groups = List.copyOf(groups);
        bands = List.copyOf(bands);
    }

    public Optional<Grade> grade(String gradeCode) {
        return grades.stream().filter(g -> g.code().equals(gradeCode)).findFirst();
    }

    public Optional<RaterGroup> group(String groupCode) {
        return groups.stream().filter(g -> g.code().equals(groupCode)).findFirst();
    }

    /** The worst grade (差): the one with the fewest points. */
    public Grade poorGrade() {
        return grades.stream().min((a, b) -> a.points().compareTo(b.points())).orElseThrow();
    }

    /**
     * A subject's result: each group's average points (grades count at their points) weighted by the group's weight,
     * plus the township's grade at its weight; parts without votes (or without a township 评价) leave out their weight
     * and the rest is scaled back to 100%. The grade is the first band the points reach; with GRADES, a share of 差
     * votes at or above {@code poorShare} makes the subject 差 whatever the points.
     */
    public Result result(Map<String, GroupVotes> votesByGroup, String townshipGrade) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        long poor = 0;
        long all = 0;
        String poorCode = marks == Marks.GRADES ? poorGrade().code() : null;
        for (RaterGroup g : groups) {
            GroupVotes v = votesByGroup.get(g.code());
            if (v == null || v.total() == 0) {
                continue;
            }
            BigDecimal sum = v.scoreSum() == null ? BigDecimal.ZERO : v.scoreSum();
            for (Map.Entry<String, Long> e : v.byGrade().entrySet()) {
                sum = sum.add(grade(e.getKey()).orElseThrow().points().multiply(BigDecimal.valueOf(e.getValue())));
                if (e.getKey().equals(poorCode)) {
                    poor += e.getValue();
                }
            }
            all += v.total();
            BigDecimal average = sum.divide(BigDecimal.valueOf(v.total()), 10, RoundingMode.HALF_UP);
            weighted = weighted.add(average.multiply(g.weight()));
            weights = weights.add(g.weight());
        }
        if (townshipGrade != null && townshipWeight.signum() > 0) {
            weighted = weighted.add(grade(townshipGrade).orElseThrow().points().multiply(townshipWeight));
            weights = weights.add(townshipWeight);
        }
        if (weights.signum() == 0) {
            return new Result(null, null, false);
        }
        BigDecimal points = weighted.divide(weights, 2, RoundingMode.HALF_UP);
        boolean poorByShare = poorShare != null && all > 0
                && BigDecimal.valueOf(poor).compareTo(poorShare.multiply(BigDecimal.valueOf(all))) >= 0;
        String grade = poorByShare ? poorCode : bands.stream().filter(b -> points.compareTo(b.min()) >= 0)
                .map(ResultBand::grade).findFirst().orElse(bands.get(bands.size() - 1).grade());
        return new Result(points, grade, poorByShare);
    }
}
