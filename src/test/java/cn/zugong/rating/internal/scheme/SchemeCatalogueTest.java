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
        List<RatingScheme> schemes = SchemeCatalogue.load(Set.of("tickets.resolution_rate", "lighting.score",
                "healthcheck.red_share", "party.members", "deliberation.closed_rate"));
        RatingScheme liangxin = schemes.stream().filter(s -> s.code().equals("liangxin-wuxing")).findFirst()
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
}
