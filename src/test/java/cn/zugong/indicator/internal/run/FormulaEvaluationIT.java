package cn.zugong.indicator.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.indicator.internal.pack.LoadedPack;
import cn.zugong.indicator.internal.pack.PackLoader;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every construct of the formula language, compiled to SQL and run by the engine on the real database,
 * against values worked out by hand from {@link TinyRoster} (H1: 甲一…甲四, H2: 乙一, 乙二; as of 2026-11-01).
 * A module test on a database of its own (ADR 043): indicator with its dependencies, plus people (whose
 * RosterWriter builds the fixture) and the shared kernel (people's field cipher); no demo.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"people", "shared"})
@Import({TestDatabase.class, TestClock.Config.class})
class FormulaEvaluationIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "indicator_formulas");
    }

    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;
    @Autowired Engine engine;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long h1;
    long h2;
    long township;

    @BeforeEach
    void roster() {
        TinyRoster.ensure(org, tree, roster, jdbc);
        h1 = tree.byCode(TinyRoster.H1).orElseThrow().id();
        h2 = tree.byCode(TinyRoster.H2).orElseThrow().id();
        township = tree.byCode(TinyRoster.TOWNSHIP).orElseThrow().id();
    }

    @Test
    void countsConstantsAndConditions() {
        Map<String, Map<Long, double[]>> r = evaluate(
                "count()",
                "count(person)",
                "count(where gender = '男')",
                "count(where gender != '男')",
                "count(where political_status != '中共党员')",
                "count(where ft_education in ['研究生', '大学本科'])",
                "count(where source not in ['考录', '选调生'])",
                "count(where ft_education in ['研究生', '大学本科'] and not (gender = '女') or source = '调任')",
                "count(where post_level is null)",
                "count(where post_level is not null and (gender = '女' or rank_level = '一级主任科员'))",
                "2 * count() - count(where gender = '男')",
                "-count(where gender = '女') + 10 * count(where source = '遴选')");
        assertThat(num(r, 0, h1)).isEqualTo(4);
        assertThat(num(r, 0, h2)).isEqualTo(2);
        assertThat(num(r, 1, h1)).isEqualTo(4);
        assertThat(num(r, 2, h1)).isEqualTo(2);       // 甲一 甲三
        assertThat(num(r, 3, h1)).isEqualTo(2);       // 甲二 甲四
        assertThat(num(r, 4, h1)).isEqualTo(2);       // 群众 民主党派
        assertThat(num(r, 4, h2)).isEqualTo(1);       // 共青团员
        assertThat(num(r, 5, h1)).isEqualTo(3);       // all but the 大学专科
        assertThat(num(r, 6, h1)).isEqualTo(2);       // 军转 调任
        assertThat(num(r, 7, h1)).isEqualTo(2);       // 甲一 (研究生, man) or 甲四 (调任)
        assertThat(num(r, 8, h1)).isEqualTo(2);
        assertThat(num(r, 9, h1)).isEqualTo(2);       // 甲一 甲三: both 一级主任科员 leaders
        assertThat(num(r, 10, h1)).isEqualTo(6);      // 2 × 4 − 2
        assertThat(num(r, 11, h2)).isEqualTo(9);      // −1 + 10 × 1
        assertThat(den(r, 0, h1)).isNaN();
    }

    @Test
    void datesRelativeToTheEvaluationDate() {
        Map<String, Map<Long, double[]>> r = evaluate(
                "count(where age(birth_date) < 35)",
                "count(where age(birth_date) >= 36)",
                "count(where age(birth_date) > 36)",
                "count(where age(birth_date) <= 36)",
                "count(where years_since(joined_unit_date) >= 10)",
                "count(where years_since(rank_since) >= 5)",
                "count(where years_until(probation_end) > 0 and years_until(probation_end) <= 0.25)",
                "count(where years_until(retirement_date) >= 0 and years_until(retirement_date) < 1)",
                "count(where years_until(retirement_date) < 0)",
                "count(where years_until(retirement_date) < 17)",
                "count(where years_until(retirement_date) >= 17)");
        assertThat(num(r, 0, h1)).isEqualTo(1);       // 甲二, one day short of 35
        assertThat(num(r, 1, h1)).isEqualTo(3);       // 甲一 (36 today), 甲三, 甲四
        assertThat(num(r, 2, h1)).isEqualTo(2);       // not 甲一 on the day
        assertThat(num(r, 3, h1)).isEqualTo(2);       // 甲一 and 甲二
        assertThat(num(r, 4, h1)).isEqualTo(2);       // 甲一 16.5 years, 甲三 26.8
        assertThat(num(r, 4, h2)).isEqualTo(1);       // 乙二: exactly 10 years
        assertThat(num(r, 5, h1)).isEqualTo(3);       // 甲一 6, 甲三 11.8, 甲四 7.7 years
        assertThat(num(r, 6, h2)).isEqualTo(1);       // 乙一: probation ends 2027-01-15
        assertThat(num(r, 7, h1)).isEqualTo(1);       // 甲三 retires 2026-12-01
        assertThat(num(r, 8, h1)).isEqualTo(1);       // 甲四 reached 55y4m on 2026-07-15
        // 乙二, man born 1980-06: 63 → 2043-06-01, 16.6 years away; 乙一 (2000) 58 → 2058
        assertThat(num(r, 9, h2)).isEqualTo(1);
        assertThat(num(r, 10, h2)).isEqualTo(1);
    }

    @Test
    void sumsAveragesAndOtherFactTables() {
        Map<String, Map<Long, double[]>> r = evaluate(
                "sum(training.hours where year = eval_year)",
                "sum(training.hours where year = eval_year) / count()",
                "count(training where year = eval_year and hours >= 90) / count()",
                "count(assessment where year = eval_year - 1 and result = '优秀') / count(assessment where year = eval_year - 1)",
                "count(assessment where year >= eval_year - 3 and result = '优秀' and gender = '男')",
                "count(record where kind = 'DISCIPLINE')",
                "count(record where kind = 'REWARD' and description = '嘉奖' and year = 2025)",
                "avg(age(birth_date))",
                "avg(years_since(joined_unit_date) where gender = '男')",
                "avg(training.hours where year = eval_year)",
                "authorized_headcount",
                "(authorized_headcount - count()) / authorized_headcount",
                "count(where post_level = '乡科级副职') / sum(quota.quota where kind = 'LEADER' and level = '乡科级副职')",
                "sum(quota.quota where kind = 'RANK')");
        assertThat(num(r, 0, h1)).isEqualTo(275);     // 95 + 60 + 120
        assertThat(ratio(r, 1, h1)).isEqualTo(68.75);
        assertThat(ratio(r, 2, h1)).isEqualTo(0.5);   // 95 and 120 of four people
        assertThat(ratio(r, 2, h2)).isEqualTo(1.0);   // 100 and exactly 90
        assertThat(ratio(r, 3, h1)).isEqualTo(0.5);   // 2025: 优秀 甲一 甲四 of four
        assertThat(num(r, 4, h2)).isEqualTo(2);       // 乙二 2024 and 2023
        assertThat(num(r, 5, h1)).isEqualTo(1);
        assertThat(num(r, 6, h1)).isEqualTo(1);
        // averages of ages and years are whole years (周岁, ADR 007 since issue 15): as of 2026-11-01 甲一 36,
        // 甲二 34 (35 tomorrow), 甲三 60, 甲四 55
        assertThat(ratio(r, 7, h1)).isCloseTo((36 + 34 + 60 + 55) / 4.0, within(1e-9));
        assertThat(den(r, 7, h1)).isEqualTo(4);
        // men's whole years in the unit: 甲一 since 2010-05-01 → 16, 甲三 since 2000-01-01 → 26
        assertThat(ratio(r, 8, h1)).isCloseTo((16 + 26) / 2.0, within(1e-9));
        assertThat(ratio(r, 9, h1)).isCloseTo(275 / 3.0, within(1e-9)); // 甲四 has no training row
        assertThat(num(r, 10, h1)).isEqualTo(10);
        assertThat(ratio(r, 11, h1)).isEqualTo(0.6);
        assertThat(ratio(r, 11, h2)).isEqualTo(0.5);
        assertThat(ratio(r, 12, h1)).isEqualTo(0.5);
        assertThat(den(r, 12, h2)).isZero();           // no quota: the value will be "no data"
        assertThat(num(r, 13, h1)).isEqualTo(2);
    }

    /**
     * has(): the engine takes each test out of the aggregate (over everybody with the test false, plus over the
     * persons who have the fact the difference between true and false); negated, in an "or", two in one
     * condition, in an average, and reading the person's own fields inside the test.
     */
    @Test
    void hasTestsInEveryPosition() {
        Map<String, Map<Long, double[]>> r = evaluate(
                "count(where not has(training where year = eval_year))",
                "count(where has(training where year = eval_year and hours >= 100))",
                "count(where gender = '男' or not has(assessment where year = eval_year - 1))",
                "count(where has(assessment where year = eval_year - 1 and result = '优秀') and not has(training where year = eval_year))",
                "avg(age(birth_date) where has(record))",
                "count(where has(assessment where year >= eval_year - 3 and result = '优秀' and gender = '男'))");
        assertThat(num(r, 0, h1)).isEqualTo(1);       // 甲四 has no training
        assertThat(num(r, 0, h2)).isZero();
        assertThat(num(r, 0, township)).isEqualTo(1);
        assertThat(num(r, 1, h1)).isEqualTo(1);       // 甲三 120 hours
        assertThat(num(r, 1, h2)).isEqualTo(1);       // 乙一 exactly 100
        assertThat(num(r, 2, h1)).isEqualTo(2);       // the men 甲一 甲三; every woman has a 2025 result
        assertThat(num(r, 2, h2)).isEqualTo(2);       // 乙二 (man) and 乙一 (no result)
        assertThat(num(r, 3, h1)).isEqualTo(1);       // 甲四: 优秀 in 2025 and no training (甲一 has training)
        assertThat(num(r, 3, h2)).isZero();
        assertThat(num(r, 4, h1)).isEqualTo(36 + 34); // 甲一 (a 嘉奖) and 甲二 (a 警告)
        assertThat(den(r, 4, h1)).isEqualTo(2);
        assertThat(den(r, 4, h2)).isZero();
        assertThat(num(r, 5, h1)).isEqualTo(1);       // 甲一; 甲四's 优秀 is a woman's
        assertThat(num(r, 5, h2)).isEqualTo(1);       // 乙二: 2024 and 2023, counted once
        assertThat(num(r, 5, township)).isEqualTo(2);
    }

    @Test
    void rollUpsAddNumeratorsAndDenominators() {
        Map<String, Map<Long, double[]>> r = evaluate(
                "(authorized_headcount - count()) / authorized_headcount",
                "count(training where year = eval_year and hours >= 90) / count()",
                "avg(age(birth_date))",
                "count(where gender = '女')");
        // 空编率: (6 + 2) / (10 + 4) = 57.1%, not the mean 55% of 60% and 50%
        assertThat(num(r, 0, township)).isEqualTo(8);
        assertThat(den(r, 0, township)).isEqualTo(14);
        assertThat(num(r, 1, township)).isEqualTo(4);
        assertThat(den(r, 1, township)).isEqualTo(6);
        assertThat(num(r, 2, township)).isCloseTo(num(r, 2, h1) + num(r, 2, h2), within(1e-9));
        assertThat(den(r, 2, township)).isEqualTo(6);
        assertThat(num(r, 3, township)).isEqualTo(3);
        assertThat(den(r, 3, township)).isNaN();
    }

    private Map<String, Map<Long, double[]>> evaluate(String... formulas) {
        StringBuilder yaml = new StringBuilder("""
                pack: {code: adhoc, version: 1, name: 测试}
                modules:
                  - code: T
                    name: 测试
                    categories:
                      - code: T01
                        name: 测试
                        indicators:
                """);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < formulas.length; i++) {
            String code = "T01%02d".formatted(i);
            codes.add(code);
            yaml.append("""
                              - code: %s
                                name: 指标%d
                                unit: 个
                                definition: 测试口径
                                formula: "%s"
                                legend: {direction: higher, blue: 0}
                                advice: {blue: "{name}"}
                    """.formatted(code, i, formulas[i]));
        }
        LoadedPack pack = PackLoader.load(yaml.toString(), "adhoc.yaml");
        PackPlan plan = new PackPlan(pack);
        OrgScope scope = tree.byId(township).orElseThrow().asScope();
        ScopeNodes nodes = engine.scope(scope);
        Computation c = engine.compute(plan, TinyRoster.AS_OF, nodes, scope);
        assertThat(plan.queries()).as("one query per fact table and has() set")
                .extracting(q -> q.table() + " " + q.having()).doesNotHaveDuplicates();
        for (int u = 0; u < nodes.unitCount(); u++) {
            // the one-unit re-check runs the same columns for one unit: the same numbers
            double[][] one = engine.computeUnit(plan, TinyRoster.AS_OF, Engine.LATEST, nodes.ids()[u],
                    nodes.tiers()[u], nodes.unitTypes()[u]);
            for (int i = 0; i < codes.size(); i++) {
                assertThat(Double.valueOf(one[0][i])).as("unit %d formula %d numerator", nodes.ids()[u], i).isEqualTo(Double.valueOf(c.numerator(u, i)));
                assertThat(Double.valueOf(one[1][i])).as("unit %d formula %d denominator", nodes.ids()[u], i)
                        .isEqualTo(Double.valueOf(c.denominator(u, i)));
            }
        }
        Map<String, Map<Long, double[]>> out = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            Map<Long, double[]> byNode = new LinkedHashMap<>();
            for (int n = 0; n < nodes.size(); n++) {
                byNode.put(nodes.ids()[n], new double[] {c.numerator(n, i), c.denominator(n, i)});
            }
            out.put(String.valueOf(i), byNode);
        }
        return out;
    }

    private static double num(Map<String, Map<Long, double[]>> r, int formula, long node) {
        return r.get(String.valueOf(formula)).get(node)[0];
    }

    private static double den(Map<String, Map<Long, double[]>> r, int formula, long node) {
        return r.get(String.valueOf(formula)).get(node)[1];
    }

    private static double ratio(Map<String, Map<Long, double[]>> r, int formula, long node) {
        return num(r, formula, node) / den(r, formula, node);
    }
}
