package cn.zugong.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.indicator.internal.compile.AggregateSql;
import cn.zugong.indicator.internal.compile.CompiledFormula;
import cn.zugong.indicator.internal.compile.FormulaCompiler;
import cn.zugong.indicator.internal.formula.FormulaException;
import cn.zugong.indicator.internal.pack.LoadedPack;
import cn.zugong.indicator.internal.pack.PackLoader;
import cn.zugong.shared.legend.Direction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Per-level legends and 口径 in the pack (ADR 053) and the formula additions for the corrected definitions
 * (positive, has, year; ADR 007): what loads, and what is rejected at load with the indicator code and why.
 */
class PackLevelsTest {

    @Test
    void levelsAreReadPerLevelAndTheUnitKeepsItsOwnLegend() {
        LoadedPack loaded = PackLoader.load(pack("人", "count(where post_level is not null)", """
                            levels:
                              above_unit: {per_100_staff: true, legend_set: per100}
                              city: none
                            level_note: 汇总层级按每百人折算，市级不着色
                """), "ok.yaml");
        Indicator i = loaded.pack().indicator("X0101").orElseThrow();
        assertThat(i.definition()).isEqualTo("在职人员中担任领导职务的人数。");
        assertThat(i.at(NodeLevel.UNIT).legend()).isEqualTo(i.legend());
        assertThat(i.at(NodeLevel.UNIT).perHundredStaff()).isFalse();
        assertThat(i.at(NodeLevel.COUNTY).perHundredStaff()).isTrue();
        assertThat(i.at(NodeLevel.COUNTY).legend().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(i.at(NodeLevel.COUNTY).advice()).containsKey("RED");
        assertThat(i.unitAt(NodeLevel.TOWNSHIP)).isEqualTo("人/百人");
        assertThat(i.at(NodeLevel.CITY).coloured()).isFalse();
        // shown per 100 staff somewhere: the engine also counts 在职人数 as the denominator
        CompiledFormula f = loaded.formulas().get("X0101");
        assertThat(f.denominator().terms().keySet()).extracting(AggregateSql::sql).containsExactly("count(*)");
    }

    @Test
    void unknownLevelsAndBadThresholdsAreRejectedWithTheCodeAndTheReason() {
        assertThat(errors(pack("人", "count()", """
                            levels: {district: none, above_unit: none}
                            level_note: 理由
                """))).anySatisfy(m -> assertThat(m).contains("X0101", "层级 'district' 不存在"));
        assertThat(errors(pack("人", "count()", """
                            levels: {above_unit: none, county: {per_100_staff: true, legend: {direction: lower, red: 1, yellow: 2}}}
                            level_note: 理由
                """))).anySatisfy(m -> assertThat(m).contains("X0101", "levels.county", "预警阈值不正确"));
        assertThat(errors(pack("人", "count()", """
                            levels: {above_unit: {per_100_staff: maybe, legend_set: per100}}
                            level_note: 理由
                """))).anySatisfy(m -> assertThat(m).contains("X0101", "per_100_staff 应为 true 或 false"));
        assertThat(errors(pack("人", "count()", """
                            levels: {above_unit: {per_100_staff: true, legend_set: nope}}
                            level_note: 理由
                """))).anySatisfy(m -> assertThat(m).contains("X0101", "图例集 nope 未声明"));
    }

    @Test
    void headCountsMustDecideTheirLevelsAndSayWhy() {
        assertThat(errors(pack("人", "count()", ""))).anySatisfy(m ->
                assertThat(m).contains("X0101", "人数指标要在 levels 中"));
        assertThat(errors(pack("人", "count()", "            levels: {above_unit: none}\n")))
                .anySatisfy(m -> assertThat(m).contains("X0101", "level_note"));
        assertThat(errors(pack("%", "count(where gender = '女') / count()", """
                            levels: {above_unit: {per_100_staff: true, legend_set: per100}}
                            level_note: 理由
                """))).anySatisfy(m -> assertThat(m).contains("X0101", "per_100_staff 只能用于人数"));
        // a ratio needs no levels
        assertThat(errors(pack("%", "count(where gender = '女') / count()", "")))
                .allSatisfy(m -> assertThat(m).doesNotContain("X0101"));
    }

    @Test
    void everyIndicatorHasAOneLineDefinition() {
        assertThat(errors(pack("%", "count(where gender = '女') / count()", "").replaceAll(
                " *definition: 在职人员中担任领导职务的人数。\n", ""))).anySatisfy(m ->
                assertThat(m).contains("X0101", "缺少 definition"));
        assertThat(errors(pack("%", "count(where gender = '女') / count()", "").replace(
                "definition: 在职人员中担任领导职务的人数。", "definition: \"第一行\\n第二行\"")))
                .anySatisfy(m -> assertThat(m).contains("X0101", "应为一行"));
    }

    @Test
    void theDefaultPackDefinesAllItsIndicatorsAndDecidesEveryHeadCount() throws IOException {
        LoadedPack loaded = PackLoader.load(new ClassPathResource("packs/healthcheck-v1.yaml")
                .getContentAsString(StandardCharsets.UTF_8), "healthcheck-v1.yaml");
        List<Indicator> all = loaded.pack().indicators();
        assertThat(all).hasSize(296).allSatisfy(i -> assertThat(i.definition()).isNotBlank().doesNotContain("\n"));
        // scaled ones carry the staff count as denominator: a head-count is one whose formula has none
        List<Indicator> headCounts = all.stream().filter(i -> List.of("人", "人次").contains(i.unit())
                && (!loaded.formulas().get(i.code()).isRatio() || i.perHundredStaffSomewhere())).toList();
        assertThat(headCounts).hasSize(115).allSatisfy(i -> {
            assertThat(i.levels()).containsKeys(NodeLevel.TOWNSHIP, NodeLevel.COUNTY, NodeLevel.CITY);
            assertThat(i.levelNote()).isNotBlank();
        });
        long scaled = headCounts.stream().filter(Indicator::perHundredStaffSomewhere).count();
        long uncoloured = headCounts.stream().filter(i -> !i.at(NodeLevel.CITY).coloured()).count();
        assertThat(scaled).isEqualTo(54);
        assertThat(uncoloured).isEqualTo(61);
        assertThat(loaded.pack().indicator("B0103").orElseThrow().formula()).startsWith("positive(");
    }

    @Test
    void positiveIsTheWholeNumeratorOnly() {
        assertThat(FormulaCompiler.compile("positive(count() - authorized_headcount)").numerator().positive()).isTrue();
        CompiledFormula rate = FormulaCompiler.compile("positive(authorized_headcount - count()) / authorized_headcount");
        assertThat(rate.numerator().positive()).isTrue();
        assertThat(rate.denominator().positive()).isFalse();
        assertThatThrownBy(() -> FormulaCompiler.compile("positive(count() - authorized_headcount) + count()"))
                .isInstanceOf(FormulaException.class).hasMessageContaining("只能作为整个分子");
        assertThatThrownBy(() -> FormulaCompiler.compile("count() / positive(count() - authorized_headcount)"))
                .isInstanceOf(FormulaException.class).hasMessageContaining("除数必须是计数");
        assertThatThrownBy(() -> FormulaCompiler.compile("positive(count() / count())"))
                .isInstanceOf(FormulaException.class).hasMessageContaining("positive(...) 里");
    }

    @Test
    void hasIsAnExistenceTestOnAPersonsFacts() {
        CompiledFormula f = FormulaCompiler.compile(
                "count(where year(work_start_date) < eval_year - 1 and not has(assessment where year = eval_year - 1))");
        String sql = f.numerator().terms().keySet().iterator().next().sql();
        assertThat(sql).contains("not (exists (select 1 from person_assessment a where a.person_id = p.person_id and "
                + "a.valid_from <= :asof and a.valid_to > :asof and a.recorded_at <= :knownAt and "
                + "a.superseded_at > :knownAt and a.fact_year = :y_n1))").contains("p.work_start_date < :ys_n1");
        assertThatThrownBy(() -> FormulaCompiler.compile("count(assessment where has(training))"))
                .isInstanceOf(FormulaException.class).hasMessageContaining("只能用在 person");
        assertThatThrownBy(() -> FormulaCompiler.compile("count(where has(quota))"))
                .isInstanceOf(FormulaException.class).hasMessageContaining("只能检查 assessment、training 或 record");
    }

    @Test
    void yearComparesWithAYearAsBoundsOnTheFirstOfJanuary() {
        assertThat(sql("count(where year(work_start_date) = 2020)"))
                .contains("(p.work_start_date >= date '2020-01-01' and p.work_start_date < date '2021-01-01')");
        assertThat(sql("count(where year(work_start_date) <= eval_year - 2)")).contains("p.work_start_date < :ys_n1");
        assertThatThrownBy(() -> FormulaCompiler.compile("count(where year(work_start_date) < rank_since)"))
                .isInstanceOf(FormulaException.class).hasMessageContaining("year() 只能与年份");
        assertThatThrownBy(() -> FormulaCompiler.compile("avg(year(work_start_date))"))
                .isInstanceOf(FormulaException.class).hasMessageContaining("不能求和或平均");
    }

    @Test
    void averagesOfAgesAreWholeYears() {
        String sum = FormulaCompiler.compile("avg(age(birth_date))").numerator().terms().keySet().iterator().next().sql();
        assertThat(sum).contains(":y_p0 - extract(year from p.birth_date)", "> :asof_md then 1 else 0");
    }

    private static String sql(String formula) {
        return FormulaCompiler.compile(formula).numerator().terms().keySet().iterator().next().sql();
    }

    private static List<String> errors(String yaml) {
        try {
            PackLoader.load(yaml, "test.yaml");
        } catch (PackValidationException e) {
            return e.errors();
        }
        return List.of();
    }

    private static String pack(String unit, String formula, String rule) {
        return """
                pack: {code: test, version: 1, name: 测试}
                advice_templates:
                  above:
                    direction: lower
                    red: "{name}为 {value}{unit}，高于 {threshold}{unit}。建议{action}。"
                    yellow: "{name}为 {value}{unit}，偏高。建议{action}。"
                    blue: "{name}为 {value}{unit}，请关注。"
                legend_sets:
                  per100: {direction: lower, red: 3, yellow: 2, blue: 1}
                modules:
                  - code: X
                    name: 模块
                    categories:
                      - code: X01
                        name: 类别
                        action: 加强管理
                        indicators:
                          - code: X0101
                            name: 测试指标
                            unit: "%s"
                            definition: 在职人员中担任领导职务的人数。
                            formula: "%s"
                            legend: {direction: lower, red: 30, yellow: 20, blue: 10}
                %s""".formatted(unit, formula, rule);
    }
}
