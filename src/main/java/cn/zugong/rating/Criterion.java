package cn.zugong.rating;

import cn.zugong.shared.legend.Legend;
import java.math.BigDecimal;

/**
 * One criterion (评分细则) of a dimension. {@code points} is its cap: the most a SCORE criterion gives, the most a
 * BONUS adds or a DEDUCTION takes. With {@code perItem} set, the hand enters a count (项 / 人次) and the criterion
 * gives {@code min(count × perItem, points)}. A computed criterion ({@code metric} set) takes its points from the
 * metric's value through {@code metricPoints} (a legend whose ranges carry the points); nobody types them.
 * {@code evidence} says which 佐证材料 the organisation must attach; {@code standard} is the 评分标准 shown to
 * reviewers.
 */
public record Criterion(String code, String name, CriterionKind kind, BigDecimal points, BigDecimal perItem,
                        String standard, String evidence, String metric, Legend metricPoints) {

    public boolean computed() {
        return metric != null;
    }

    public boolean counted() {
        return perItem != null;
    }

    /** The points a count of items gives, capped. */
    public BigDecimal pointsForCount(BigDecimal count) {
        BigDecimal p = count.multiply(perItem);
        return p.compareTo(points) > 0 ? points : p;
    }

    /** The points a metric value gives (0 when no range holds it or the value is missing). */
    public BigDecimal pointsForMetric(BigDecimal value) {
        return metricPoints.classify(value).map(r -> BigDecimal.valueOf(r.points())).orElse(BigDecimal.ZERO);
    }
}
