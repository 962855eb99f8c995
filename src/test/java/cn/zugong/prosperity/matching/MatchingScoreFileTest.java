package cn.zugong.prosperity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.prosperity.internal.matching.ScoreFileException;
import cn.zugong.prosperity.internal.matching.ScoreRules;
import cn.zugong.prosperity.internal.matching.ScoreRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The matcher's score file (ADR 072): the shipped file reads; every kind of mistake is refused with the key and the
 * reason, all problems at once.
 */
class MatchingScoreFileTest {

    static final String GOOD = """
            version: "t1"
            total: 100
            candidates: {require_any: [field, skills], limit: 20}
            components:
              field: {name: 领域, points: 30}
              skills: {name: 技能, points: 40, rule: covered_share}
              place:
                name: 地点
                points: 20
                levels: {covers: 1.0, same_township: 0.8, same_county: 0.5, same_city: 0.2, other: 0}
              period: {name: 时间, points: 10, rule: overlap_share}
            """;

    @Test
    void theShippedFileReads() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/prosperity/matching-score.yaml")) {
            ScoreRules rules = ScoreRulesParser.parse("matching-score.yaml",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(rules.total()).isEqualByComparingTo("100");
            assertThat(rules.skillRule()).isEqualTo(ScoreRules.SkillRule.COVERED_SHARE);
            assertThat(rules.places().sameCounty()).isEqualByComparingTo("0.5");
        }
        assertThat(ScoreRulesParser.parse("good.yaml", GOOD).limit()).isEqualTo(20);
    }

    @Test
    void pointsThatDoNotAddUpAreRefused() {
        assertThatThrownBy(() -> ScoreRulesParser.parse("f.yaml", GOOD.replace("points: 30", "points: 35")))
                .isInstanceOf(ScoreFileException.class)
                .hasMessageContaining("匹配评分文件 f.yaml 有误")
                .hasMessageContaining("各项分值合计 105，与 total 100 不符");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        String bad = GOOD.replace("same_county: 0.5", "same_county: 1.5")
                .replace("rule: covered_share", "rule: cosine")
                .replace("limit: 20", "limit: 0")
                .replace("require_any: [field, skills]", "require_any: [field, colour]")
                .replace("period: {name: 时间, points: 10, rule: overlap_share}",
                        "period: {name: 时间, points: 10, rule: overlap_share, weight: 2}");
        ScoreFileException e = org.junit.jupiter.api.Assertions.assertThrows(ScoreFileException.class,
                () -> ScoreRulesParser.parse("f.yaml", bad));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("components.place.levels.same_county")
                        .contains("0 到 1 之间"))
                .anySatisfy(p -> assertThat(p).contains("components.skills.rule").contains("cosine"))
                .anySatisfy(p -> assertThat(p).contains("candidates.limit"))
                .anySatisfy(p -> assertThat(p).contains("candidates.require_any").contains("colour"))
                .anySatisfy(p -> assertThat(p).contains("components.period.weight").contains("未知的键"));
    }

    @Test
    void sharesMustFallWithDistanceAndPartsMustExist() {
        assertThatThrownBy(() -> ScoreRulesParser.parse("f.yaml", GOOD.replace("same_city: 0.2", "same_city: 0.6")))
                .hasMessageContaining("components.place.levels.same_city：比例 0.6 大于更近的 same_county");
        assertThatThrownBy(() -> ScoreRulesParser.parse("f.yaml",
                GOOD.replace("  field: {name: 领域, points: 30}\n", "")))
                .hasMessageContaining("components.field：缺少该项");
        assertThatThrownBy(() -> ScoreRulesParser.parse("f.yaml", GOOD.replace("points: 40", "points: 四十")))
                .hasMessageContaining("components.skills.points：应为数值");
        assertThatThrownBy(() -> ScoreRulesParser.parse("f.yaml", "total: [1"))
                .hasMessageContaining("YAML 格式错误");
        assertThatThrownBy(() -> ScoreRulesParser.parse("f.yaml", GOOD + "total: 90\n"))
                .hasMessageContaining("YAML 格式错误");
    }
}
