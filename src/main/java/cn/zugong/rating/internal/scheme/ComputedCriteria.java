package cn.zugong.rating.internal.scheme;

import cn.zugong.org.OrgNode;
import cn.zugong.rating.Criterion;
import cn.zugong.rating.RatingMetric;
import cn.zugong.rating.RatingScheme;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The computed criteria of a scheme for many organisations at once: each metric the scheme names is asked once for
 * all of them (SQL first), and each value turned into points through the criterion's {@code metric_points}.
 * An organisation without a value gets no row for that criterion (0 points, shown as 无数据).
 */
@Component
public class ComputedCriteria {

    /** A computed criterion's metric value and the points it gives. */
    public record Computed(BigDecimal value, BigDecimal points) {
    }

    private final Map<String, RatingMetric> metrics;

    ComputedCriteria(ObjectProvider<RatingMetric> metrics) {
        this.metrics = metrics.orderedStream().collect(Collectors.toMap(RatingMetric::code, Function.identity()));
    }

    /** organisation id → criterion code → value and points, for the scheme's computed criteria in {@code year}. */
    public Map<Long, Map<String, Computed>> compute(RatingScheme scheme, Collection<OrgNode> organisations, int year) {
        Map<Long, Map<String, Computed>> out = new HashMap<>();
        Map<String, Map<Long, BigDecimal>> byMetric = new HashMap<>();
        for (Criterion c : scheme.criteria()) {
            if (!c.computed()) {
                continue;
            }
            Map<Long, BigDecimal> values = byMetric.computeIfAbsent(c.metric(),
                    m -> metrics.get(m).values(organisations, year));
            values.forEach((org, value) -> out.computeIfAbsent(org, k -> new HashMap<>())
                    .put(c.code(), new Computed(value, c.pointsForMetric(value))));
        }
        return out;
    }

    /** The metrics there are: code → label, for the scheme pages. */
    public Map<String, String> labels() {
        return metrics.values().stream().collect(Collectors.toMap(RatingMetric::code, RatingMetric::label));
    }
}
