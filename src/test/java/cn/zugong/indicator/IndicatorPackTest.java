package cn.zugong.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.indicator.internal.pack.LoadedPack;
import cn.zugong.indicator.internal.pack.PackLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The default pack's shape, and the load-time rejection of broken packs (code + formula position). */
class IndicatorPackTest {

    @Test
    void defaultPackHasThreeModulesTwentyThreeCategoriesAnd296Indicators() throws IOException {
        LoadedPack loaded = PackLoader.load(new ClassPathResource("packs/healthcheck-v1.yaml")
                .getContentAsString(StandardCharsets.UTF_8), "healthcheck-v1.yaml");
        IndicatorPack pack = loaded.pack();
        assertThat(pack.id()).isEqualTo(new PackId("healthcheck", 1));
        assertThat(pack.modules()).extracting(PackModule::name)
                .containsExactly("模块一 队伍结构", "模块二 配备使用", "模块三 教育管理");
        assertThat(pack.modules()).extracting(m -> m.categories().size()).containsExactly(9, 8, 6);
        assertThat(pack.categories()).hasSize(23);
        assertThat(pack.indicators()).hasSize(296);
        assertThat(loaded.formulas()).hasSize(296);
        Set<String> names = new HashSet<>();
        pack.indicators().forEach(i -> assertThat(names.add(i.name())).as("unique name " + i.name()).isTrue());
        assertThat(pack.categories()).extracting(PackCategory::name)
                .contains("年龄结构", "编制使用", "职数使用", "交流轮岗", "退休预测", "教育培训", "年度考核");
        assertThat(pack.indicator("A0102").orElseThrow().name()).isEqualTo("35周岁及以下干部占比");
        // every category of the pack has indicators and every indicator has advice for its warning colours
        pack.indicators().forEach(i -> assertThat(i.advice()).isNotEmpty());
    }

    @Test
    void unknownFieldIsRejectedWithCodeAndPosition() {
        assertThat(errors("count(where birthdate < 35) / count()"))
                .singleElement().asString()
                .contains("指标 X0101", "第 1 行第 13 列", "未知字段 birthdate");
    }

    @Test
    void typeErrorsAreRejectedWithCodeAndPosition() {
        assertThat(errors("count(where gender > '男') / count()")).singleElement().asString()
                .contains("X0101", "第 1 行第 13 列", "文本字段 gender 只能用 = != in 比较");
        assertThat(errors("count(where age(gender) < 35)")).singleElement().asString()
                .contains("X0101", "第 1 行第 17 列", "参数必须是日期字段");
        assertThat(errors("sum(gender) / count()")).singleElement().asString()
                .contains("X0101", "第 1 行第 5 列", "必须是数值");
        assertThat(errors("count(where ft_education = '博士研究生')")).singleElement().asString()
                .contains("X0101", "第 1 行第 28 列", "没有取值 '博士研究生'");
        assertThat(errors("count(where rank_since < 3)")).singleElement().asString()
                .contains("X0101", "第 1 行第 13 列", "日期字段");
        assertThat(errors("count(where gender = 1)")).singleElement().asString()
                .contains("第 1 行第 22 列", "文本");
        assertThat(errors("count(\n  where gender = '男'\n    and age(birth_date) < 'x')"))
                .singleElement().asString().contains("第 3 行第 27 列", "年数常量");
    }

    @Test
    void divisionByANonCountIsRejectedWithCodeAndPosition() {
        assertThat(errors("count() / avg(age(birth_date))")).singleElement().asString()
                .contains("X0101", "第 1 行第 11 列", "除数必须是计数", "比值或 avg");
        assertThat(errors("count() / 3")).singleElement().asString()
                .contains("第 1 行第 11 列", "除数必须是计数", "常数");
        assertThat(errors("count() / sum(training.hours)")).singleElement().asString()
                .contains("第 1 行第 11 列", "除数必须是计数", "非计数的求和");
        assertThat(errors("(count() / count()) / count()")).singleElement().asString()
                .contains("第 1 行第 10 列", "被除数必须是 count 或 sum");
    }

    @Test
    void syntaxErrorsAndOtherProblemsAreAllListed() {
        assertThat(errors("count(where gender = '男'")).singleElement().asString()
                .contains("第 1 行第 25 列", "应为 ')'");
        assertThat(errors("cnt(where gender = '男')")).singleElement().asString().contains("未知函数 cnt");
        assertThat(errors("count(staff where gender = '男')")).singleElement().asString().contains("未知数据表 staff");
        assertThat(errors("count() + 1")).singleElement().asString().contains("第 1 行第 9 列");
        String pack = pack("count()", "{direction: higher, red: 20, yellow: 10}", "{red: 'x {nam}'}");
        assertThatThrownBy(() -> PackLoader.load(pack, "bad.yaml")).isInstanceOf(PackValidationException.class)
                .satisfies(e -> assertThat(((PackValidationException) e).errors()).anySatisfy(m ->
                                assertThat(m).contains("X0101", "预警阈值不正确"))
                        .anySatisfy(m -> assertThat(m).contains("{nam}")));
    }

    private static List<String> errors(String formula) {
        try {
            PackLoader.load(pack(formula, "{direction: higher, red: 10, yellow: 20, blue: 30}",
                    "{red: r, yellow: y, blue: b}"), "test.yaml");
        } catch (PackValidationException e) {
            return e.errors();
        }
        return List.of();
    }

    private static String pack(String formula, String legend, String advice) {
        return """
                pack: {code: test, version: 1, name: 测试}
                modules:
                  - code: X
                    name: 模块
                    categories:
                      - code: X01
                        name: 类别
                        indicators:
                          - code: X0101
                            name: 测试指标
                            unit: "%%"
                            definition: 测试口径
                            formula: |-
                              %s
                            legend: %s
                            advice: %s
                """.formatted(formula.replace("\n", "\n              "), legend, advice);
    }
}
