package cn.zugong.indicator.internal.compile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sum of aggregates times coefficients. Numerators and denominators are linear, which is what lets
 * a roll-up add the units' numerators and denominators instead of averaging their ratios.
 * {@code count}: every term is a head-count (may be divided by). {@code positive}: the unit's value is
 * max(0, sum) — taken per unit, and roll-ups add those unit values (formula {@code positive(...)}).
 */
public record Linear(Map<AggregateSql, Double> terms, boolean count, boolean positive) {

    public Linear {
        terms = Map.copyOf(new LinkedHashMap<>(terms));
    }

    public Linear(Map<AggregateSql, Double> terms, boolean count) {
        this(terms, count, false);
    }

    Linear positivePart() {
        return new Linear(terms, count, true);
    }

    /** The unit's value from its aggregates' values, with the positive part applied where asked. */
    public double apply(double sum) {
        return positive ? Math.max(0, sum) : sum;
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
