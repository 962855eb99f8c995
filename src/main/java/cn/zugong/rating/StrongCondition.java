package cn.zugong.rating;

import java.math.BigDecimal;
import java.util.List;

/**
 * A 双强 condition: {@code PARTY} (党建强) or {@code DEVELOPMENT} (发展强) holds when the points of the named dimensions
 * reach {@code minShare} of their maximum (e.g. 0.85 = 85%).
 */
public record StrongCondition(String code, String name, List<String> dimensions, BigDecimal minShare) {

    public static final String PARTY = "PARTY";
    public static final String DEVELOPMENT = "DEVELOPMENT";

    public StrongCondition {
        dimensions = List.copyOf(dimensions);
    }
}
