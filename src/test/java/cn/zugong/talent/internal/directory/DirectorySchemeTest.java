package cn.zugong.talent.internal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheme file's checks and the weighted min–max score, computed by hand for a small fixture. */
class DirectorySchemeTest {

    static final String SMALL = """
            version: 1
            name: 测试方案
            formula: {method: weighted_min_max, scale: 100}
            figures:
              - {code: TAX, name: 亩均税收, unit: 万元/亩, group: 亩均效益, weight: 0.5}
              - {code: TRADE, name: 油气贸易额, unit: 亿元, group: 自贸引领, weight: 0.3}
              - {code: COST, name: 能耗, unit: 吨标煤, group: 绿色, weight: 0.2, direction: lower}
            """;

    @Test
    void scoresAreComputedAsByHand() {
        DirectoryScheme scheme = DirectoryScheme.parse(SMALL);
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        values.put("甲", Map.of("TAX", new BigDecimal("10"), "TRADE", new BigDecimal("0"), "COST", new BigDecimal("50")));
        values.put("乙", Map.of("TAX", new BigDecimal("30"), "TRADE", new BigDecimal("20"), "COST", new BigDecimal("10")));
        values.put("丙", Map.of("TAX", new BigDecimal("20"), "COST", new BigDecimal("30")));
        // TAX: min 10, max 30 → 甲 0, 乙 1, 丙 0.5; TRADE: min 0, max 20 → 甲 0, 乙 1, 丙 missing 0;
        // COST (lower is better): min 10, max 50 → 甲 0, 乙 1, 丙 (50−30)/40 = 0.5
        // 甲 = 100 × (0.5×0 + 0.3×0 + 0.2×0) = 0; 乙 = 100 × (0.5 + 0.3 + 0.2) = 100;
        // 丙 = 100 × (0.5×0.5 + 0 + 0.2×0.5) = 35
        Map<String, BigDecimal> scores = scheme.score(values);
        assertThat(scores.get("甲")).isEqualByComparingTo("0");
        assertThat(scores.get("乙")).isEqualByComparingTo("100");
        assertThat(scores.get("丙")).isEqualByComparingTo("35");
        assertThat(scores.get("丙").scale()).isEqualTo(4);
    }

    @Test
    void aFigureEqualForEveryoneGivesNoPoints() {
        DirectoryScheme scheme = DirectoryScheme.parse(SMALL);
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        values.put("甲", Map.of("TAX", new BigDecimal("7"), "TRADE", new BigDecimal("1")));
        values.put("乙", Map.of("TAX", new BigDecimal("7"), "TRADE", new BigDecimal("4")));
        // TAX equal → 0 for both; TRADE: 甲 0, 乙 1 → 乙 = 30; COST missing for both → 0
        Map<String, BigDecimal> scores = scheme.score(values);
        assertThat(scores.get("甲")).isEqualByComparingTo("0");
        assertThat(scores.get("乙")).isEqualByComparingTo("30");
    }

    @Test
    void aBrokenSchemeIsRefusedWithEveryReason() {
        assertThatThrownBy(() -> DirectoryScheme.parse("""
                version: 1
                name: 坏方案
                formula: {method: weighted_sum, scale: 100}
                figures:
                  - {code: TAX, name: 亩均税收, unit: 万元/亩, group: 亩均效益, weight: 0.5}
                  - {code: TAX, name: 油气贸易额, unit: 亿元, group: 自贸引领, weight: 0.3, colour: red}
                """))
                .hasMessageContaining("formula.method: 只支持 weighted_min_max")
                .hasMessageContaining("code 重复 TAX")
                .hasMessageContaining("未知的键 colour")
                .hasMessageContaining("weight 之和应为 1，实际为 0.8");
    }

    @Test
    void theShippedSchemeLoads() {
        DirectoryScheme scheme = DirectoryScheme.load();
        assertThat(scheme.figures()).extracting(DirectoryScheme.Figure::code)
                .contains("TAX_PER_MU", "OIL_GAS_TRADE", "BONDED_FUEL", "RD_RATIO", "JOBS", "TALENTS");
        assertThat(scheme.figure("TAX_PER_MU").orElseThrow().header()).isEqualTo("亩均税收（万元/亩）");
    }
}
