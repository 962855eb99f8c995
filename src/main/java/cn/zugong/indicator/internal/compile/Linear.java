package cn.zugong.indicator.internal.compile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sum of aggregates times coefficients. Numerators and denominators are linear, which is what lets
 * a roll-up add the units' numerators and denominators instead of averaging their ratios.
 * {@code count}: every term is a head-count (may be divided by).
 */
public record Linear(Map<AggregateSql, Double> terms, boolean count) {

    public Linear {
        terms = Map.copyOf(new LinkedHashMap<>(terms));
    }

    static Linear of(AggregateSql aggregate, double coefficient, boolean count) {
        return new Linear(Map.of(aggregate, coefficient), count);
    }

    Linear plus(Linear other, double sign) {
        Map<AggregateSql, Double> sum = new LinkedHashMap<>(terms);
        other.terms.forEach((a, c) -> sum.merge(a, sign * c, Double::sum));
        return new Linear(sum, count && other.count);
    }

    Linear times(double k) {
        Map<AggregateSql, Double> scaled = new LinkedHashMap<>();
        terms.forEach((a, c) -> scaled.put(a, c * k));
        return new Linear(scaled, count);
    }
}
