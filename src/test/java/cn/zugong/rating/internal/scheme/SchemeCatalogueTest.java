package cn.zugong.rating.internal.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.rating.RatingResult;
import cn.zugong.rating.RatingScheme;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped files load; the 五星双强 file scores a sheet as its bands say. */
class SchemeCatalogueTest {

    @Test
    void shippedSchemesLoadAndScore() {
        List<RatingScheme> schemes = SchemeCatalogue.load(ShippedSchemesTest.METRICS);
        RatingScheme liangxin = schemes.stream().filter(s -> s.code().equals("liangxin-wuxing") && s.version().equals("2026.1")).findFirst()
                .orElseThrow();
        assertThat(liangxin.total()).isEqualByComparingTo("1000");
        Map<String, BigDecimal> points = new HashMap<>();
        liangxin.criteria().forEach(c -> points.put(c.code(), c.points()));
        points.put("MINUS-1", new BigDecimal("25"));
        // full marks (1000) + bonus 30 − 25 = 1005 → 五星; every dimension at its maximum → 双强
        RatingResult full = liangxin.score(points, Set.of());
        assertThat(full.points()).isEqualByComparingTo("1005");
        assertThat(full.stars()).isEqualTo(5);
        assertThat(full.doubleStrong()).isTrue();
        assertThat(liangxin.title(full.stars(), full.doubleStrong())).isEqualTo("五星双强");
        assertThat(liangxin.score(points, Set.of("V-SAFETY")).stars()).isZero();
    }

    @Test
    void shippedEvaluationSchemeLoads() {
        var shuangshu = EvaluationSchemeCatalogue.load().stream().filter(s -> s.code().equals("shuangshu"))
                .findFirst().orElseThrow();
        // 党员 2×好 (100): 100 × 0.4; 村民代表 1×差 (0): 0 × 0.3; 乡镇 较好 (80) × 0.3 → 64.00 一般
        var votes = java.util.Map.of(
                "PARTY_MEMBER", new cn.zugong.rating.EvaluationScheme.GroupVotes(java.util.Map.of("A", 2L), BigDecimal.ZERO, 0),
                "VILLAGER_REP", new cn.zugong.rating.EvaluationScheme.GroupVotes(java.util.Map.of("D", 1L), BigDecimal.ZERO, 0));
        var result = shuangshu.result(votes, "B");
        assertThat(result.points()).isEqualByComparingTo("64.00");
        // one 差 vote of three is ≥ 1/3 (0.3333): 差 whatever the points
        assertThat(result.grade()).isEqualTo("D");
        assertThat(result.poorByShare()).isTrue();
    }
}
