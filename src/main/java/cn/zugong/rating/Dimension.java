package cn.zugong.rating;

import java.math.BigDecimal;
import java.util.List;

/**
 * A dimension (评价维度) of a scheme with its criteria. {@code starAt}: in {@link StarMode#DIMENSIONS} schemes, the
 * points at which the dimension earns its star ({@code starName}, e.g. 党建星 or 发展实绩强).
 */
public record Dimension(String code, String name, List<Criterion> criteria, BigDecimal starAt, String starName) {

    public Dimension {
        criteria = List.copyOf(criteria);
    }

    /** The most the dimension's base criteria give (bonuses and deductions not included). */
    public BigDecimal max() {
        return criteria.stream().filter(c -> c.kind() == CriterionKind.SCORE).map(Criterion::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
