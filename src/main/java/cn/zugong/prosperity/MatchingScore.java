package cn.zugong.prosperity;

import java.math.BigDecimal;
import java.util.List;

/**
 * An offer's score for a need (聚力共富, ADR 072): the total and each component with its points, its full points and
 * why (the page shows all four). Components: field 领域, skills 技能, place 地点, period 时间.
 */
public record MatchingScore(BigDecimal total, List<Part> parts) {

    public record Part(String code, String name, BigDecimal points, BigDecimal max, String why) {
    }

    public BigDecimal points(String code) {
        return parts.stream().filter(p -> p.code().equals(code)).map(Part::points).findFirst().orElseThrow();
    }
}
