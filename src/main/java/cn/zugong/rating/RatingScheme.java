package cn.zugong.rating;

import cn.zugong.org.PartySector;
import cn.zugong.shared.legend.Direction;
import cn.zugong.shared.legend.Legend;
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rating scheme as its file says (ratings/schemes/*.yaml, ADR 062): the sectors it applies to, dimensions of
 * criteria, 一票否决 items, how stars are earned ({@link StarMode}) and the 双强 conditions. {@code total} is what
 * the base criteria add up to (1,000 in a 千分制 scheme); the loader checks that they do.
 * {@link #score} is the one calculation of a score sheet, used by every page, export and test.
 */
public record RatingScheme(String code, String version, String name, String description, Set<PartySector> appliesTo,
                           BigDecimal total, List<Dimension> dimensions, List<Veto> vetoes, StarMode starMode,
                           List<StarBand> starBands, String starUnit, List<StrongCondition> strong) {

    public RatingScheme {
        appliesTo = Set.copyOf(appliesTo);
        dimensions = List.copyOf(dimensions);
        vetoes = List.copyOf(vetoes);
        starBands = List.copyOf(starBands);
        strong = List.copyOf(strong);
    }

    /** Stars a scheme can give at most: its best band, or one per dimension. */
    public int maxStars() {
        return starMode == StarMode.TOTAL ? starBands.stream().mapToInt(StarBand::stars).max().orElse(0)
                : dimensions.size();
    }

    public List<Criterion> criteria() {
        return dimensions.stream().flatMap(d -> d.criteria().stream()).toList();
    }

    public Optional<Criterion> criterion(String criterionCode) {
        return criteria().stream().filter(c -> c.code().equals(criterionCode)).findFirst();
    }

    public Optional<Veto> veto(String vetoCode) {
        return vetoes.stream().filter(v -> v.code().equals(vetoCode)).findFirst();
    }

    public Optional<StrongCondition> strongCondition(String conditionCode) {
        return strong.stream().filter(s -> s.code().equals(conditionCode)).findFirst();
    }

    /** The star bands as a legend (ranges → stars as points, label), best first; only for TOTAL schemes. */
    public Legend starLegend() {
        List<StarBand> bands = new ArrayList<>(starBands);
        bands.sort((a, b) -> b.min().compareTo(a.min()));
        List<LegendRange> ranges = new ArrayList<>();
        BigDecimal upper = null;
        for (StarBand band : bands) {
            ranges.add(new LegendRange(null, band.label(), band.stars(), band.min(), true, upper, false,
                    upper == null ? null : upper));
            upper = band.min();
        }
        return Legend.of(Direction.HIGHER_IS_BETTER, ranges);
    }

    /**
     * Scores a sheet: {@code points} are the points given per criterion code (for a counted criterion, already
     * {@link Criterion#pointsForCount}; for a computed one, {@link Criterion#pointsForMetric}); a criterion not in the
     * map gives nothing. Points above a criterion's cap count as the cap and are listed in {@code capped}; negative
     * points count as 0. Deductions are subtracted; the total is never below 0. Any veto in {@code vetoes} leaves the
     * organisation without stars and without 双强.
     */
    public RatingResult score(Map<String, BigDecimal> points, Set<String> vetoes) {
        Map<String, BigDecimal> byDimension = new LinkedHashMap<>();
        List<String> capped = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Dimension d : dimensions) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Criterion c : d.criteria()) {
                BigDecimal given = points.getOrDefault(c.code(), BigDecimal.ZERO);
                if (given.signum() < 0) {
                    given = BigDecimal.ZERO;
                }
                if (given.compareTo(c.points()) > 0) {
                    capped.add(c.code());
                    given = c.points();
                }
                sum = c.kind() == CriterionKind.DEDUCTION ? sum.subtract(given) : sum.add(given);
            }
            byDimension.put(d.code(), sum);
            total = total.add(sum);
        }
        if (total.signum() < 0) {
            total = BigDecimal.ZERO;
        }
        boolean vetoed = !vetoes.isEmpty();
        int stars = vetoed ? 0 : stars(total, byDimension);
        boolean party = !vetoed && holds(StrongCondition.PARTY, byDimension);
        boolean development = !vetoed && holds(StrongCondition.DEVELOPMENT, byDimension);
        return new RatingResult(total, byDimension, stars, party, development, vetoed, List.copyOf(capped));
    }

    /** How a result is called: 五星双强, 四星, 三强 …, 未评星 (vetoed or below every band). */
    public String title(int stars, boolean doubleStrong) {
        if (stars <= 0) {
            return "未评星";
        }
        String count = stars <= 10 ? "零一二三四五六七八九十".substring(stars, stars + 1) : String.valueOf(stars);
        return count + starUnit + (doubleStrong && !strong.isEmpty() ? "双强" : "");
    }

    private int stars(BigDecimal total, Map<String, BigDecimal> byDimension) {
        if (starMode == StarMode.TOTAL) {
            return starLegend().classify(total).map(LegendRange::points).orElse(0);
        }
        int stars = 0;
        for (Dimension d : dimensions) {
            if (byDimension.get(d.code()).compareTo(d.starAt()) >= 0) {
                stars++;
            }
        }
        return stars;
    }

    private boolean holds(String conditionCode, Map<String, BigDecimal> byDimension) {
        return strongCondition(conditionCode).map(s -> {
            BigDecimal got = BigDecimal.ZERO;
            BigDecimal max = BigDecimal.ZERO;
            for (Dimension d : dimensions) {
                if (s.dimensions().contains(d.code())) {
                    got = got.add(byDimension.get(d.code()));
                    max = max.add(d.max());
                }
            }
            return max.signum() > 0 && got.compareTo(max.multiply(s.minShare())) >= 0;
        }).orElse(false);
    }
}
