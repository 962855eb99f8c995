package cn.zugong.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.indicator.internal.pack.PackLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Legend sets and advice templates: the hand-edited pack resolves to exactly what the generated pack spelled
 * out for each indicator, and names that are unknown, unused or declared twice stop the load.
 */
class PackLegendSetsTest {

    /** The pack as the retired generator (tools/packs/healthcheck_v1.py) last wrote it: every legend and advice spelled out. */
    private static final String REFERENCE = "packs-reference/healthcheck-v1-before-legend-sets.yaml";

    @Test
    void everyIndicatorResolvesToTheLegendAndAdviceTheGeneratedPackSpelledOut() throws IOException {
        IndicatorPack before = load(REFERENCE);
        IndicatorPack now = load("packs/healthcheck-v1.yaml");
        assertThat(now.indicators()).hasSize(296).hasSameSizeAs(before.indicators());
        Map<String, Indicator> old = before.indicators().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        for (Indicator indicator : now.indicators()) {
            Indicator expected = old.get(indicator.code());
            assertThat(expected).as(indicator.code()).isNotNull();
            assertThat(indicator.legend().direction()).as(indicator.code()).isEqualTo(expected.legend().direction());
            assertThat(indicator.legend().ranges()).as(indicator.code() + " legend ranges and colours")
                    .containsExactlyElementsOf(expected.legend().ranges());
            assertThat(indicator.advice()).as(indicator.code() + " advice").isEqualTo(expected.advice());
            // the reference pins the unit-level rules; per-level legends (ADR 053) came after it
            assertThat(indicator.withLevels(Map.of(), null)).as(indicator.code()).isEqualTo(expected);
        }
        assertThat(now.modules()).isEqualTo(before.modules());
        assertThat(now.id()).isEqualTo(before.id());
        assertThat(now.name()).isEqualTo(before.name());
    }

    @Test
    void anIndicatorMayOverrideTheActionOrOneColoursText() {
        IndicatorPack pack = PackLoader.load(pack("""
                            legend_set: low
                            action: 补充人员
                            advice: {red: "{name}过低"}
                """), "ok.yaml").pack();
        assertThat(pack.indicator("X0101").orElseThrow().advice()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "RED", "{name}过低",
                "YELLOW", "{name}为 {value}，低于 {threshold}。建议补充人员。"));
        assertThat(pack.indicator("X0102").orElseThrow().advice())
                .containsEntry("RED", "{name}为 {value}，低于 {threshold}。请优化结构，列入整改。");
    }

    @Test
    void anUnknownLegendSetIsRejectedWithFileAndCode() {
        assertThat(errors(pack("""
                            legend_set: lowe
                """))).anySatisfy(e -> assertThat(e).contains("指标 X0101", "图例集 lowe 未声明", "[low]"));
        assertThatThrownBy(() -> PackLoader.load(pack("            legend_set: lowe\n"), "mine.yaml"))
                .hasMessageContaining("mine.yaml").hasMessageContaining("X0101");
    }

    @Test
    void anUnusedLegendSetOrTemplateIsRejected() {
        String pack = pack("            legend: {direction: higher, red: 5}\n")
                .replace("            legend_set: low\n", "            legend: {direction: higher, red: 5}\n")
                .replace("  low: {direction: higher, red: 10, yellow: 20}\n",
                        "  low: {direction: higher, red: 10, yellow: 20}\n  spare: {direction: lower, red: 1}\n")
                .replace("advice_templates:\n", """
                        advice_templates:
                          above:
                            direction: lower
                            red: "{name}过高"
                        """);
        assertThat(errors(pack)).contains("图例集 low 没有指标引用，请删除或引用它",
                "图例集 spare 没有指标引用，请删除或引用它", "意见建议模板 above 没有指标用到，请删除它");
    }

    @Test
    void aNameDeclaredTwiceIsRejected() {
        String pack = pack("            legend_set: low\n").replace("  low: {direction: higher, red: 10, yellow: 20}\n",
                "  low: {direction: higher, red: 10, yellow: 20}\n  low: {direction: higher, red: 5}\n");
        assertThat(errors(pack)).singleElement().asString().contains("第 9 行", "名称重复：low");
        String twoTemplates = pack("            legend_set: low\n").replace("advice_templates:\n", """
                advice_templates:
                  below-again:
                    direction: higher
                    red: "{name}过低"
                """);
        assertThat(errors(twoTemplates)).anySatisfy(e -> assertThat(e).contains("below-again", "每种方向只能有一个"));
    }

    @Test
    void aTemplateColourMustExistAndABrokenSetIsReportedOnceWhereItIsDeclared() {
        assertThat(errors(pack("            legend_set: low\n").replace("    yellow: \"{name}", "    yelow: \"{name}")))
                .anySatisfy(e -> assertThat(e).contains("意见建议模板 below", "yelow 不是可用的颜色"));
        assertThat(errors(pack("            legend_set: low\n").replace("red: 10, yellow: 20}", "red: 30, yellow: 20}")))
                .singleElement().asString().contains("图例集 low", "预警阈值不正确");
    }

    @Test
    void repeatingADeclaredLegendOrTheTemplatesTextIsRejected() {
        assertThat(errors(pack("            legend: {direction: higher, red: 10.0, yellow: 20}\n")))
                .anySatisfy(e -> assertThat(e).contains("指标 X0101", "legend_set: low"));
        assertThat(errors(pack("""
                            legend_set: low
                            advice: {yellow: "{name}为 {value}，低于 {threshold}。建议优化结构。"}
                """))).anySatisfy(e -> assertThat(e).contains("指标 X0101", "advice.yellow", "相同"));
    }

    @Test
    void aTemplateNeedsAnActionAndItsPlaceholdersMustExist() {
        String noAction = pack("            legend_set: low\n").replace("        action: 优化结构\n", "");
        assertThat(errors(noAction)).anySatisfy(e -> assertThat(e).contains("指标 X0102", "需要 action"));
        String badPlaceholder = pack("            legend_set: low\n").replace("建议{action}。", "建议{actoin}。");
        assertThat(errors(badPlaceholder)).anySatisfy(e -> assertThat(e).contains("意见建议模板 below", "{actoin}"));
        assertThat(errors(pack("""
                            legend_set: low
                            advice: {red: "建议{action}"}
                """))).anySatisfy(e -> assertThat(e).contains("指标 X0101", "{action} 不可用"));
    }

    private static IndicatorPack load(String path) throws IOException {
        String yaml = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        return (path.equals(REFERENCE) ? PackLoader.loadWithoutLevelRules(yaml, path) : PackLoader.load(yaml, path)).pack();
    }

    private static List<String> errors(String pack) {
        try {
            PackLoader.load(pack, "test.yaml");
        } catch (PackValidationException e) {
            return e.errors();
        }
        return List.of();
    }

    /** A pack with one legend set, one template and two indicators; the first one's rule lines are given. */
    private static String pack(String firstRule) {
        return """
                pack: {code: test, version: 1, name: 测试}
                advice_templates:
                  below:
                    direction: higher
                    red: "{name}为 {value}，低于 {threshold}。请{action}，列入整改。"
                    yellow: "{name}为 {value}，低于 {threshold}。建议{action}。"
                legend_sets:
                  low: {direction: higher, red: 10, yellow: 20}
                modules:
                  - code: X
                    name: 模块
                    categories:
                      - code: X01
                        name: 类别
                        action: 优化结构
                        indicators:
                          - code: X0101
                            name: 第一
                            unit: "%%"
                            definition: 口径一
                            formula: count() / count()
                %s
                          - code: X0102
                            name: 第二
                            unit: "%%"
                            definition: 口径二
                            formula: count() / count()
                            legend_set: low
                """.formatted(firstRule.stripTrailing());
    }
}
