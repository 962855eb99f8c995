package cn.zugong.rating.internal.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of {@link EvaluationSchemeParser}: a valid public-evaluation file broken in one place is refused, and
 * the message names the file, the part (方案, 等次, 评议人群体, 评议结果) and the reason.
 */
class EvaluationSchemeParserErrorsTest {

    private static final String FILE = "pe-1.yaml";

    static final String VALID = """
            code: pe
            version: "1"
            name: 测试评议
            applies_to: [VILLAGE, COMMUNITY]
            marks: GRADES
            grades:
              - {code: A, label: 好, points: 100}
              - {code: B, label: 较好, points: 80}
              - {code: D, label: 差, points: 0}
            groups:
              - {code: PARTY_MEMBER, label: 党员, weight: 0.5}
              - {code: VILLAGER_REP, label: 村民代表, weight: 0.3}
            township_weight: 0.2
            result:
              - {grade: A, min: 85}
              - {grade: B, min: 60}
              - {grade: D, min: 0}
            poor_share: 0.3333
            """;

    @Test
    void theValidFileLoads() {
        var scheme = EvaluationSchemeParser.parse(FILE, VALID);
        assertThat(scheme.grades()).hasSize(3);
        assertThat(scheme.poorGrade().code()).isEqualTo("D");
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("YAML syntax", "code: [unclosed", "YAML 格式错误"),
                Arguments.of("not a mapping", "- a\n- b\n", "文件不是一个方案"),
                Arguments.of("unknown key", VALID + "colour: red\n", "方案：未知的键 colour"),
                Arguments.of("missing code", VALID.replace("code: pe\n", ""), "方案：缺少 code"),
                Arguments.of("missing version", VALID.replace("version: \"1\"\n", ""), "方案：缺少 version"),
                Arguments.of("missing name", VALID.replace("name: 测试评议\n", ""), "方案：缺少 name"),
                Arguments.of("missing marks", VALID.replace("marks: GRADES\n", ""), "方案：缺少 marks"),
                Arguments.of("unknown marks", VALID.replace("marks: GRADES", "marks: STARS"),
                        "方案：marks 应为 GRADES（好/较好/一般/差）或 POINTS（打分）"),
                Arguments.of("unknown sector", VALID.replace("[VILLAGE, COMMUNITY]", "[VILLAGE, FARM]"),
                        "方案：applies_to 中的领域 FARM 不存在"),
                Arguments.of("no sectors", VALID.replace("applies_to: [VILLAGE, COMMUNITY]\n", ""),
                        "方案：applies_to 应列出适用的党组织领域"),
                Arguments.of("grade without label", VALID.replace("label: 较好, ", ""),
                        "等次 B：应有 code（不超过 8 个字符）、label 和 points"),
                Arguments.of("grade code too long", VALID.replace("{code: B,", "{code: BETTER-THAN-C,"),
                        "等次 BETTER-THAN-C：应有 code（不超过 8 个字符）"),
                Arguments.of("grade twice", VALID.replace("{code: B,", "{code: A,"), "等次 A：代码重复"),
                Arguments.of("grade points above 100", VALID.replace("points: 100}", "points: 120}"),
                        "等次 A：分值应在 0 至 100 之间"),
                Arguments.of("a single grade", VALID.replace("  - {code: B, label: 较好, points: 80}\n", "")
                        .replace("  - {code: D, label: 差, points: 0}\n", "").replace("  - {grade: B, min: 60}\n", "")
                        .replace("  - {grade: D, min: 0}\n", ""), "等次：grades 至少要有两个等次"),
                Arguments.of("POINTS without max_score", VALID.replace("marks: GRADES", "marks: POINTS"),
                        "方案：打分（POINTS）应有 max_score"),
                Arguments.of("missing groups", VALID.substring(0, VALID.indexOf("groups:"))
                        + VALID.substring(VALID.indexOf("township_weight:")), "方案：缺少 groups"),
                Arguments.of("unknown group", VALID.replace("code: VILLAGER_REP", "code: CADRE"),
                        "评议人群体 CADRE：应为 PARTY_MEMBER（党员）或 VILLAGER_REP（村民代表）"),
                Arguments.of("group weight not above 0", VALID.replace("weight: 0.3}", "weight: 0}"),
                        "评议人群体 VILLAGER_REP：权重 weight 应大于 0"),
                Arguments.of("negative township weight", VALID.replace("township_weight: 0.2", "township_weight: -0.2"),
                        "方案：township_weight 应为不小于 0 的数"),
                Arguments.of("weights not adding up to 1", VALID.replace("township_weight: 0.2", "township_weight: 0.3"),
                        "方案：各群体权重与乡镇评价权重合计应为 1，现为 1.1"),
                Arguments.of("missing result", VALID.substring(0, VALID.indexOf("result:"))
                        + "poor_share: 0.3333\n", "方案：缺少 result"),
                Arguments.of("band of an unknown grade", VALID.replace("{grade: B, min: 60}", "{grade: C, min: 60}"),
                        "评议结果：每一档应有已定义的等次 grade 和 min"),
                Arguments.of("band without min", VALID.replace("{grade: B, min: 60}", "{grade: B}"),
                        "评议结果：每一档应有已定义的等次 grade 和 min"),
                Arguments.of("bands not from the best down", VALID.replace("{grade: B, min: 60}", "{grade: B, min: 90}"),
                        "评议结果：等次 B 的起点应低于上一档"),
                Arguments.of("poor share above 1", VALID.replace("poor_share: 0.3333", "poor_share: 33"),
                        "方案：poor_share 应在 0 与 1 之间"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aBrokenFileIsRefusedWithItsPartAndReason(String rule, String yaml, String expected) {
        assertThatThrownBy(() -> EvaluationSchemeParser.parse(FILE, yaml))
                .isInstanceOf(SchemeException.class)
                .hasMessageStartingWith("评定方案 " + FILE + " 有误：")
                .satisfies(e -> assertThat(((SchemeException) e).problems())
                        .as(rule).anySatisfy(p -> assertThat(p).contains(expected)));
    }
}
