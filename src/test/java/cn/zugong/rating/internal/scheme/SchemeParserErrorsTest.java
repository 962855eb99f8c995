package cn.zugong.rating.internal.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.rating.RatingScheme;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of {@link SchemeParser}: a valid file broken in one place is refused, and the message names the file,
 * the criterion (code and name) or the part (方案, 维度, 星级, 双强, 一票否决) and the reason.
 */
class SchemeParserErrorsTest {

    private static final String FILE = "test-1.yaml";

    /** A small valid TOTAL scheme: one dimension of 100 points, a computed criterion, a counted bonus. */
    static final String VALID = """
            code: test
            version: "1"
            name: 测试方案
            applies_to: [VILLAGE]
            total: 100
            stars:
              mode: TOTAL
              unit: 星
              bands:
                - {stars: 2, min: 80, label: 二星}
                - {stars: 1, min: 60, label: 一星}
            strong:
              - {code: PARTY, name: 党建强, dimensions: [A], min_share: 0.8}
            vetoes:
              - {code: V-1, name: 发生重大事故}
            dimensions:
              - code: A
                name: 甲维度
                criteria:
                  - {code: A-1, name: 班子建设, points: 60, standard: 标准, evidence: 材料}
                  - {code: A-2, name: 化解率, points: 40, metric: m.one, metric_points: [{from: 50, points: 40}, {from: 0, points: 0}]}
                  - {code: A-3, name: 荣誉, kind: BONUS, points: 10, per_item: 5}
            """;

    /** The same by dimensions: each dimension's star at its star_at. */
    static final String DIMENSIONS = VALID.replace("""
              mode: TOTAL
              unit: 星
              bands:
                - {stars: 2, min: 80, label: 二星}
                - {stars: 1, min: 60, label: 一星}
            """, """
              mode: DIMENSIONS
              unit: 星
            """).replace("    name: 甲维度\n", "    name: 甲维度\n    star_at: 80\n    star_name: 甲星\n");

    private static final Set<String> METRICS = Set.of("m.one");

    @Test
    void theValidFilesLoad() {
        RatingScheme total = SchemeParser.parse(FILE, VALID, METRICS);
        assertThat(total.criteria()).hasSize(3);
        RatingScheme dimensions = SchemeParser.parse(FILE, DIMENSIONS, METRICS);
        assertThat(dimensions.dimensions().get(0).starAt()).isEqualByComparingTo("80");
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                // the file as a whole
                Arguments.of("YAML syntax", "code: [unclosed", "YAML 格式错误"),
                Arguments.of("not a mapping", "- just\n- a list\n", "文件不是一个方案"),
                Arguments.of("duplicate key", VALID + "total: 90\n", "YAML 格式错误"),
                Arguments.of("unknown top key", VALID + "weight: 3\n", "方案：未知的键 weight"),
                Arguments.of("missing code", VALID.replace("code: test\n", ""), "方案：缺少 code"),
                Arguments.of("missing version", VALID.replace("version: \"1\"\n", ""), "方案：缺少 version"),
                Arguments.of("missing name", VALID.replace("name: 测试方案\n", ""), "方案：缺少 name"),
                Arguments.of("missing total", VALID.replace("total: 100\n", ""), "方案：缺少 total"),
                Arguments.of("total not a number", VALID.replace("total: 100", "total: 一百"),
                        "方案：total 应为数字，而不是 一百"),
                Arguments.of("no sectors", VALID.replace("applies_to: [VILLAGE]\n", ""), "方案：applies_to 应列出"),
                Arguments.of("unknown sector", VALID.replace("[VILLAGE]", "[VILLAGE, FARM]"),
                        "方案：applies_to 中的领域 FARM 不存在"),
                Arguments.of("base points not the total", VALID.replace("total: 100", "total: 1000"),
                        "方案：基本分合计 100 分，与总分 total 1000 分不符"),
                // dimensions
                Arguments.of("no dimensions", VALID.substring(0, VALID.lastIndexOf("\ndimensions:")) + "\ndimensions: []\n",
                        "方案：dimensions 应至少有一个评价维度"),
                Arguments.of("dimension not a mapping", VALID + "  - 乙维度\n", "维度：每个维度应为键值结构"),
                Arguments.of("unknown dimension key", VALID.replace("    name: 甲维度\n", "    name: 甲维度\n    weight: 1\n"),
                        "维度 A：未知的键 weight"),
                Arguments.of("dimension without name", VALID.replace("    name: 甲维度\n", ""), "维度 A：缺少 name"),
                Arguments.of("dimension without criteria", VALID + "  - {code: B, name: 乙维度}\n",
                        "维度 B：criteria 应至少有一条评分细则"),
                Arguments.of("criterion not a mapping", VALID + "      - 一句话\n", "维度 A：每条评分细则应为键值结构"),
                Arguments.of("duplicate dimension code", VALID + "  - code: A\n    name: 再一个\n    criteria:\n"
                        + "      - {code: B-1, name: 其他, kind: BONUS, points: 5}\n", "维度 A：代码重复"),
                // criteria
                Arguments.of("unknown criterion key", VALID.replace("points: 60,", "points: 60, weight: 2,"),
                        "指标 A-1（班子建设）：未知的键 weight"),
                Arguments.of("criterion without code", VALID.replace("{code: A-1, name: 班子建设,", "{name: 班子建设,"),
                        "指标 ?（班子建设）：缺少 code"),
                Arguments.of("criterion without name", VALID.replace("name: 班子建设, ", ""), "指标 A-1（?）：缺少 name"),
                Arguments.of("criterion without points", VALID.replace("points: 60, ", ""),
                        "指标 A-1（班子建设）：缺少 points"),
                Arguments.of("points not a number", VALID.replace("points: 60,", "points: 六十,"),
                        "指标 A-1（班子建设）：points 应为数字，而不是 六十"),
                Arguments.of("points not above 0", VALID.replace("kind: BONUS, points: 10", "kind: BONUS, points: 0"),
                        "指标 A-3（荣誉）：分值 points 应大于 0"),
                Arguments.of("unknown kind", VALID.replace("kind: BONUS", "kind: EXTRA"),
                        "指标 A-3（荣誉）：kind 应为 SCORE、BONUS 或 DEDUCTION，而不是 EXTRA"),
                Arguments.of("per_item not above 0", VALID.replace("per_item: 5", "per_item: -5"),
                        "指标 A-3（荣誉）：每项分值 per_item 应大于 0"),
                Arguments.of("duplicate criterion code", VALID.replace("{code: A-3,", "{code: A-1,"),
                        "指标 A-1（荣誉）：代码重复"),
                Arguments.of("criterion code too long", VALID.replace("{code: A-3,", "{code: A-3-THIS-IS-FAR-TOO-LONG,"),
                        "指标 A-3-THIS-IS-FAR-TOO-LONG（荣誉）：代码不能超过 20 个字符"),
                // computed criteria
                Arguments.of("unknown metric", VALID.replace("metric: m.one", "metric: m.two"),
                        "指标 A-2（化解率）：计算指标 metric m.two 不存在（可用：m.one）"),
                Arguments.of("metric with per_item", VALID.replace("points: 40, metric:", "points: 40, per_item: 5, metric:"),
                        "指标 A-2（化解率）：计算得分的指标不能同时设每项分值 per_item"),
                Arguments.of("metric without its points", VALID.replace(
                        ", metric_points: [{from: 50, points: 40}, {from: 0, points: 0}]", ""),
                        "指标 A-2（化解率）：计算得分的指标应有 metric_points（from、points）"),
                Arguments.of("metric points without metric", VALID.replace("metric: m.one, ", ""),
                        "指标 A-2（化解率）：有 metric_points 却没有 metric"),
                Arguments.of("metric step without from", VALID.replace("{from: 0, points: 0}", "{points: 0}"),
                        "指标 A-2（化解率）：metric_points 的每一档都要有 from 和 points"),
                Arguments.of("metric step from twice", VALID.replace("{from: 0, points: 0}", "{from: 50, points: 0}"),
                        "指标 A-2（化解率）：metric_points 的 from 50 重复"),
                Arguments.of("metric points above the cap", VALID.replace("{from: 50, points: 40}", "{from: 50, points: 45}"),
                        "指标 A-2（化解率）：metric_points 的得分 45 超出 0 至 40 分"),
                Arguments.of("metric points not whole", VALID.replace("{from: 50, points: 40}", "{from: 50, points: 39.5}"),
                        "指标 A-2（化解率）：metric_points 的得分应为整数"),
                // stars
                Arguments.of("no stars", VALID.substring(0, VALID.indexOf("stars:")) + VALID.substring(VALID.indexOf("strong:")),
                        "星级：缺少 stars"),
                Arguments.of("unknown stars key", VALID.replace("  unit: 星\n", "  unit: 星\n  colour: red\n"),
                        "星级：未知的键 colour"),
                Arguments.of("unknown mode", VALID.replace("mode: TOTAL", "mode: AVERAGE"),
                        "星级：mode 应为 TOTAL（按总分）或 DIMENSIONS（按维度），而不是 AVERAGE"),
                Arguments.of("TOTAL without bands", VALID.replace("""
                          bands:
                            - {stars: 2, min: 80, label: 二星}
                            - {stars: 1, min: 60, label: 一星}
                        """, ""), "星级：按总分评星应有 bands"),
                Arguments.of("band without label", VALID.replace(", label: 一星", ""), "星级：每一档应有 stars（正整数）、min 和 label"),
                Arguments.of("band stars not positive", VALID.replace("stars: 1,", "stars: 0,"),
                        "星级：每一档应有 stars（正整数）、min 和 label"),
                Arguments.of("same stars twice", VALID.replace("stars: 1,", "stars: 2,"), "星级：2 星出现了两次"),
                Arguments.of("band above the total", VALID.replace("min: 80", "min: 120"),
                        "星级：2 星的起点 120 分超出 0 至总分"),
                Arguments.of("bands out of order", VALID.replace("min: 80", "min: 50"), "星级：2 星的起点应高于 1 星"),
                Arguments.of("star_at in a TOTAL scheme", VALID.replace("    name: 甲维度\n", "    name: 甲维度\n    star_at: 80\n"),
                        "维度 A：按总分评星的方案不用 star_at"),
                Arguments.of("DIMENSIONS with bands", DIMENSIONS.replace("  unit: 星\n",
                        "  unit: 星\n  bands:\n    - {stars: 1, min: 60, label: 一星}\n"),
                        "星级：按维度评星（DIMENSIONS）的方案不用 bands"),
                Arguments.of("DIMENSIONS without star_at", DIMENSIONS.replace("    star_at: 80\n", ""),
                        "维度 A：按维度评星应有 star_at 和 star_name"),
                Arguments.of("DIMENSIONS without star_name", DIMENSIONS.replace("    star_name: 甲星\n", ""),
                        "维度 A：按维度评星应有 star_at 和 star_name"),
                Arguments.of("star_at above the dimension", DIMENSIONS.replace("star_at: 80", "star_at: 110"),
                        "维度 A：star_at 110 应在 0 与本维度满分 100 之间"),
                Arguments.of("star_at not a number", DIMENSIONS.replace("star_at: 80", "star_at: 八十"),
                        "维度 A：star_at 应为数字，而不是 八十"),
                // 双强
                Arguments.of("strong not a list", VALID.replace(
                        "strong:\n  - {code: PARTY, name: 党建强, dimensions: [A], min_share: 0.8}",
                        "strong: {code: PARTY}"), "双强：strong 应为列表"),
                Arguments.of("strong unknown code", VALID.replace("code: PARTY", "code: WEALTH"),
                        "双强 WEALTH：code 应为 PARTY（党建强）或 DEVELOPMENT（发展强）"),
                Arguments.of("strong twice", VALID.replace("min_share: 0.8}", "min_share: 0.8}\n"
                        + "  - {code: PARTY, name: 又一个, dimensions: [A], min_share: 0.9}"), "双强 PARTY：重复"),
                Arguments.of("strong without dimensions", VALID.replace("dimensions: [A], ", ""),
                        "双强 PARTY：dimensions 应列出所依据的维度"),
                Arguments.of("strong on an unknown dimension", VALID.replace("dimensions: [A]", "dimensions: [A, Z]"),
                        "双强 PARTY：维度 Z 不存在"),
                Arguments.of("strong share above 1", VALID.replace("min_share: 0.8", "min_share: 85"),
                        "双强 PARTY：min_share 应在 0 与 1 之间"),
                Arguments.of("strong without name", VALID.replace("name: 党建强, ", ""), "双强 PARTY：缺少 name"),
                // 一票否决
                Arguments.of("vetoes not a list", VALID.replace("vetoes:\n  - {code: V-1, name: 发生重大事故}",
                        "vetoes: 发生重大事故"), "一票否决：vetoes 应为列表"),
                Arguments.of("veto without name", VALID.replace("{code: V-1, name: 发生重大事故}", "{code: V-1}"),
                        "一票否决 V-1：缺少 name"),
                Arguments.of("veto code taken by a criterion", VALID.replace("{code: V-1,", "{code: A-1,"),
                        "一票否决 A-1：代码重复"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aBrokenFileIsRefusedWithItsPlaceAndReason(String rule, String yaml, String expected) {
        assertThatThrownBy(() -> SchemeParser.parse(FILE, yaml, METRICS))
                .isInstanceOf(SchemeException.class)
                .hasMessageStartingWith("评定方案 " + FILE + " 有误：")
                .satisfies(e -> assertThat(((SchemeException) e).problems())
                        .as(rule).anySatisfy(p -> assertThat(p).contains(expected)));
    }

    @Test
    void everyProblemOfAFileIsListedAtOnce() {
        String yaml = VALID.replace("points: 60,", "points: 六十,").replace("metric: m.one", "metric: m.two")
                .replace("min: 80", "min: 50");
        assertThatThrownBy(() -> SchemeParser.parse(FILE, yaml, METRICS)).isInstanceOf(SchemeException.class)
                .satisfies(e -> assertThat(((SchemeException) e).problems()).hasSizeGreaterThanOrEqualTo(3));
    }
}
