package cn.zugong.indicator.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.NodeLevel;
import cn.zugong.indicator.internal.pack.LoadedPack;
import cn.zugong.indicator.internal.pack.PackLoader;
import cn.zugong.org.Division;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.OrgScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The corrected definitions of issue 15 (DEFINITIONS15.md) and the per-level legends (ADR 053), computed by
 * the engine with the default pack on a roster of its own, against values worked out by hand. Units:
 * D1 (编制 10, 3 people) and D2 (编制 2, 4 people) under a test 街道 of 定海区; D3 (编制 5, 5 people) directly
 * under 普陀区. Evaluated as of 2026-11-01 (Y = 2026) unless a test says otherwise.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"people", "shared"})
@Import({TestDatabase.class, TestClock.Config.class})
class PackDefinitionsIT {

    static final LocalDate D = LocalDate.of(2026, 11, 1);
    static final String TOWNSHIP = "330902T95";
    static final String D1 = "330902T95D1";
    static final String D2 = "330902T95D2";
    static final String D3 = "330903D95";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "indicator_definitions");
    }

    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired JdbcTemplate jdbc;
    @Autowired Engine engine;

    static LoadedPack pack;

    @BeforeEach
    void roster() throws IOException {
        if (pack == null) {
            pack = PackLoader.load(new ClassPathResource("packs/healthcheck-v1.yaml")
                    .getContentAsString(StandardCharsets.UTF_8), "healthcheck-v1.yaml");
        }
        if (tree.byCode(TOWNSHIP).isPresent()) {
            return;
        }
        org.addDivisions(List.of(new Division(TOWNSHIP, "口径测试街道", "township", "330902")));
        org.addUnits(List.of(
                new NewUnit(TOWNSHIP, D1, "口径测试一局", 1, "政府部门", "县直", 10, List.of()),
                new NewUnit(TOWNSHIP, D2, "口径测试二局", 2, "政府部门", "县直", 2, List.of()),
                new NewUnit("330903", D3, "口径测试三局", 3, "政府部门", "县直", 5, List.of())));
        long d1 = id(D1);
        long d2 = id(D2);
        long d3 = id(D3);
        RosterRows rows = new RosterRows(jdbc, 950_001);
        // D1: 35 (birthday tomorrow), 36 (birthday today), 46; two of them 10+ years in the unit
        rows.person(d1, "男", LocalDate.of(1990, 11, 2)).joined(LocalDate.of(2012, 1, 1)).save();
        rows.person(d1, "男", LocalDate.of(1990, 11, 1)).joined(LocalDate.of(2014, 6, 1)).save();
        rows.person(d1, "女", LocalDate.of(1980, 6, 15)).joined(LocalDate.of(2020, 1, 1)).save();
        // D2: retirement under the 2025 law and the 2015 rule
        rows.person(d2, "男", LocalDate.of(1965, 6, 10)).joined(LocalDate.of(2020, 1, 1)).save();   // 60y2m: 2025-08-10
        rows.person(d2, "男", LocalDate.of(1966, 9, 1)).joined(LocalDate.of(2010, 1, 1)).save();    // 60y6m: 2027-03-01
        rows.person(d2, "女", LocalDate.of(1966, 5, 1)).post("县处级副职", LocalDate.of(2018, 1, 1))
                .joined(LocalDate.of(2020, 1, 1)).save();                                          // 60: 2026-05-01
        rows.person(d2, "女", LocalDate.of(1968, 1, 1)).rank("四级调研员")
                .joined(LocalDate.of(2020, 1, 1)).save();                                          // 60: 2028-01-01
        // D3: assessments, discipline records, starts of work around Y − 1 = 2025
        long c1 = rows.person(d3, "男", LocalDate.of(2000, 3, 1)).workStart(LocalDate.of(2024, 12, 15))
                .joined(LocalDate.of(2024, 12, 15)).save();
        long c2 = rows.person(d3, "女", LocalDate.of(2001, 3, 1)).workStart(LocalDate.of(2025, 3, 1))
                .joined(LocalDate.of(2025, 3, 1)).save();
        long c3 = rows.person(d3, "男", LocalDate.of(1999, 3, 1)).workStart(LocalDate.of(2024, 11, 1))
                .joined(LocalDate.of(2024, 11, 1)).save();
        long c4 = rows.person(d3, "女", LocalDate.of(1978, 3, 1)).workStart(LocalDate.of(2000, 1, 1))
                .joined(LocalDate.of(2010, 1, 1)).save();
        long c5 = rows.person(d3, "男", LocalDate.of(1982, 3, 1)).workStart(LocalDate.of(2005, 1, 1))
                .joined(LocalDate.of(2017, 1, 1)).save();
        rows.assessment(c3, 2025, "称职");
        rows.assessment(c4, 2025, "优秀");
        rows.assessment(c4, 2024, "优秀");
        rows.assessment(c4, 2023, "优秀");
        rows.assessment(c5, 2025, "基本称职");
        rows.assessment(c5, 2024, "基本称职");
        rows.assessment(c5, 2023, "称职");
        rows.record(c5, "DISCIPLINE", 2023, "警告");
        rows.record(c5, "DISCIPLINE", 2024, "警告");
        rows.record(c5, "DISCIPLINE", 2026, "记过");
        assertThat(c1 + c2).isPositive();
    }

    @Test
    void overstaffingIsSummedOverUnitsNeverNettedAgainstVacancies() {
        Result r = evaluate(D);
        // 超编: D1 max(0, 3 − 10) = 0, D2 max(0, 4 − 2) = 2, D3 max(0, 5 − 5) = 0
        assertThat(r.num("B0103", D1)).isZero();
        assertThat(r.num("B0103", D2)).isEqualTo(2);
        assertThat(r.num("B0103", TOWNSHIP)).isEqualTo(2);
        assertThat(r.num("B0103", "330902")).isEqualTo(2);
        assertThat(r.num("B0103", "3309")).isEqualTo(2);             // not 12 − 17 = −5
        // 空编: D1 7, D2 0 (not −2), D3 0; the city 7 (netted it would be 5)
        assertThat(r.num("B0102", D2)).isZero();
        assertThat(r.num("B0102", "3309")).isEqualTo(7);
        // 空编率 = vacancies ÷ 编制: the city 7 / 17
        assertThat(r.value("B0101", "3309")).isCloseTo(100.0 * 7 / 17, within(1e-3));
    }

    @Test
    void missingAssessmentCountsOnlyThoseDueOneAndNeverGoesNegative() {
        Result r = evaluate(D);
        // due a 2025 result: started before 2025-01-01 (c1 in December 2024, c3, c4, c5); c1 has none
        assertThat(r.num("C0610", D3)).isEqualTo(1);
        // D1 and D2: everybody started in 2010 and nobody has a 2025 result
        assertThat(r.num("C0610", D1)).isEqualTo(3);
        assertThat(r.num("C0610", D2)).isEqualTo(4);
        assertThat(r.num("C0610", "330903")).isEqualTo(1);
        assertThat(r.num("C0610", "3309")).isEqualTo(3 + 4 + 1);
    }

    @Test
    void averageAgeIsInWholeYearsTheDayBeforeAndAfterABirthday() {
        // D1: born 1990-11-02 (35 on 11-01, 36 on 11-02), born 1990-11-01 (36), born 1980-06-15 (46)
        assertThat(evaluate(D).value("A0113", D1)).isCloseTo((35 + 36 + 46) / 3.0, within(1e-3));
        assertThat(evaluate(D.plusDays(1)).value("A0113", D1)).isCloseTo((36 + 36 + 46) / 3.0, within(1e-3));
        assertThat(evaluate(D.minusDays(1)).value("A0113", D1)).isCloseTo((35 + 35 + 46) / 3.0, within(1e-3));
    }

    @Test
    void disciplineInTheLastThreeYearsMeansTheEvaluationYearAndTheTwoBefore() {
        // records 2023 (out), 2024 (first year in), 2026 (the evaluation's year, in)
        assertThat(evaluate(D).num("C0501", D3)).isEqualTo(2);
        assertThat(evaluate(LocalDate.of(2025, 12, 31)).num("C0501", D3)).isEqualTo(2);  // 2023, 2024 in; 2026 out
        assertThat(evaluate(LocalDate.of(2027, 1, 1)).num("C0501", D3)).isEqualTo(1);    // 2025–2027: only 2026
    }

    @Test
    void theTwoPreviousYearsAreTwoYears() {
        Result r = evaluate(D);
        // 2024 and 2025: c3 称职 (2025), c4 优秀 ×2, c5 基本称职 ×2 → 2 优秀 of 5
        assertThat(r.num("C0206", D3)).isEqualTo(2);
        assertThat(r.den("C0206", D3)).isEqualTo(5);
        assertThat(r.num("C0208", D3)).isEqualTo(2);
        // 前三年度 2023–2025: 3 优秀 of 7
        assertThat(r.num("C0211", D3)).isEqualTo(3);
        assertThat(r.den("C0211", D3)).isEqualTo(7);
    }

    @Test
    void pastStatutoryRetirementFollowsTheLawNotTheSixtiethBirthday() {
        Result r = evaluate(D);
        // D2: the man born 1965-06 (past since 2025-08-10) and the 县处级副职 woman (60 on 2026-05-01); not the
        // man born 1966-09 (60 but serves to 2027-03-01), not the 四级调研员 woman born 1968 (to 2028-01-01)
        assertThat(r.num("A0119", D2)).isEqualTo(2);
        assertThat(r.num("B0709", D2)).isEqualTo(2);
        // the day before the man born 1966-09-01 reaches his date, and the day itself
        assertThat(evaluate(LocalDate.of(2027, 2, 28)).num("A0119", D2)).isEqualTo(2);
        assertThat(evaluate(LocalDate.of(2027, 3, 1)).num("A0119", D2)).isEqualTo(3);
    }

    @Test
    void headCountsAreColouredPer100StaffAtADistrictAndTheCity() {
        Result r = evaluate(D);
        // B0402 满10年: D1 2 people (unit legend by count: green), D2 1, D3 1
        assertThat(r.cell("B0402", D1).colour()).isEqualTo("GREEN");
        // 定海区 and the 街道: 3 of 7 staff = 42.86 人/百人 > 40 → red
        ResultCell district = r.cell("B0402", "330902");
        assertThat(district.value().doubleValue()).isCloseTo(300.0 / 7, within(1e-3));
        assertThat(district.colour()).isEqualTo("RED");
        assertThat(district.advice()).contains("人/百人");
        assertThat(r.cell("B0402", TOWNSHIP).colour()).isEqualTo("RED");
        // 普陀区: 1 of 5 = 20, on the blue line → the better colour
        assertThat(r.cell("B0402", "330903").colour()).isEqualTo("GREEN");
        // the city: 4 of 12 = 33.33 > 30 → yellow
        assertThat(r.cell("B0402", "3309").value().doubleValue()).isCloseTo(400.0 / 12, within(1e-3));
        assertThat(r.cell("B0402", "3309").colour()).isEqualTo("YELLOW");
        // A0119 per 100: the city 2 / 12 = 16.67 > 1 → red; 普陀区 0 → green
        assertThat(r.cell("A0119", "3309").colour()).isEqualTo("RED");
        assertThat(r.cell("A0119", "330903").colour()).isEqualTo("GREEN");
    }

    @Test
    void quotaDifferencesAreUncolouredAboveTheUnit() {
        Result r = evaluate(D);
        // B0103 at D2: 2 > 1 → yellow (count-1-blue-3-yellow-4-red); the district and the city keep the value, no colour
        assertThat(r.cell("B0103", D2).colour()).isEqualTo("YELLOW");
        assertThat(r.cell("B0103", "330902").value().doubleValue()).isEqualTo(2);
        assertThat(r.cell("B0103", "330902").colour()).isNull();
        assertThat(r.cell("B0103", "3309").colour()).isNull();
        // a ratio keeps the unit's legend at every level: 空编率 at the city 41.2% (ratio-… legend of B0101)
        assertThat(r.cell("B0101", "3309").colour()).isNotNull();
    }

    private long id(String code) {
        return tree.byCode(code).orElseThrow().id();
    }

    private Result evaluate(LocalDate asOf) {
        OrgScope scope = tree.byCode("3309").orElseThrow().asScope();
        PackPlan plan = new PackPlan(pack);
        ScopeNodes nodes = engine.scope(scope);
        return new Result(nodes, engine.compute(plan, asOf, nodes, scope));
    }

    private final class Result {
        final ScopeNodes nodes;
        final Computation c;

        Result(ScopeNodes nodes, Computation c) {
            this.nodes = nodes;
            this.c = c;
        }

        int node(String code) {
            long id = id(code);
            for (int k = 0; k < nodes.size(); k++) {
                if (nodes.ids()[k] == id) {
                    return k;
                }
            }
            throw new AssertionError("node not in scope: " + code);
        }

        int indicator(String code) {
            List<Indicator> all = pack.pack().indicators();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).code().equals(code)) {
                    return i;
                }
            }
            throw new AssertionError("no indicator " + code);
        }

        double num(String indicator, String node) {
            return c.numerator(node(node), indicator(indicator));
        }

        double den(String indicator, String node) {
            return c.denominator(node(node), indicator(indicator));
        }

        double value(String indicator, String node) {
            return cell(indicator, node).value().doubleValue();
        }

        ResultCell cell(String indicator, String node) {
            int k = node(node);
            int i = indicator(indicator);
            NodeLevel level = nodes.level(k);
            return ResultCell.of(pack.pack().indicators().get(i), level, c.numerator(k, i), c.denominator(k, i));
        }
    }
}
