package cn.zugong.indicator.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.ModuleTestDatabase;
import cn.zugong.RosterVersions;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.IndicatorResult;
import cn.zugong.indicator.PackId;
import cn.zugong.indicator.UnitRecheck;
import cn.zugong.indicator.internal.pack.LoadedPack;
import cn.zugong.indicator.internal.pack.PackLoader;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine reads the roster as it was on the evaluation date, as known at a moment (ADR 050), on a history
 * written by hand ({@link RosterVersions#sampleHistory}: two units A and B of a test township; every figure below
 * is worked out from these rows):
 * <ul>
 * <li>升一 (A since 2010): 一级主任科员, promoted to 四级调研员 from 2026-06-15 (recorded 06-20); 2026 training
 *     20 h from 03-31 (recorded 04-01), 60 h from 09-30 (recorded 10-01);</li>
 * <li>调二 (born 1990-06-01: 35 on May 1, 36 on Nov 1): in A, transferred to B from 2026-08-01;</li>
 * <li>新三 (born 2001): hired into B on 2026-07-01;</li>
 * <li>退四: in A, retired from 2026-09-01;</li>
 * <li>正五: in A since 2012, recorded as 一级科员; a correction recorded 2026-06-10 says 四级主任科员 all along.</li>
 * </ul>
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"people", "shared"})
@Import({TestDatabase.class, TestClock.Config.class})
class RosterAsOfIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "indicator_asof");
    }

    static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    static final String TOWNSHIP = "330902T92";
    private static final PackId PACK = new PackId("healthcheck", 1);

    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;
    @Autowired JdbcClient jdbc;
    @Autowired Engine engine;
    @Autowired Evaluations evaluations;

    long a;
    long b;
    long township;

    @BeforeEach
    void history() {
        RosterVersions.sampleTownship(TOWNSHIP, "履历测试", org, tree, roster, jdbc);
        a = tree.byCode(TOWNSHIP + "A").orElseThrow().id();
        b = tree.byCode(TOWNSHIP + "B").orElseThrow().id();
        township = tree.byCode(TOWNSHIP).orElseThrow().id();
    }

    /** numerator per formula for A, B and the township: {formula → {node → value}}. */
    private Map<Long, double[]> compute(LocalDate asOf, LocalDateTime knownAt, String... formulas) {
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
        for (int i = 0; i < formulas.length; i++) {
            yaml.append("""
                              - code: T01%02d
                                name: 指标%d
                                unit: 个
                                definition: 测试口径
                                formula: "%s"
                                legend: {direction: higher, blue: 0}
                                advice: {blue: "{name}"}
                    """.formatted(i, i, formulas[i]));
        }
        LoadedPack pack = PackLoader.load(yaml.toString(), "adhoc.yaml");
        PackPlan plan = new PackPlan(pack);
        OrgScope scope = tree.byId(township).orElseThrow().asScope();
        ScopeNodes nodes = engine.scope(scope);
        Computation c = engine.compute(plan, asOf, knownAt, nodes, scope);
        Map<Long, double[]> byNode = new java.util.HashMap<>();
        for (int n = 0; n < nodes.size(); n++) {
            double[] values = new double[formulas.length];
            for (int i = 0; i < formulas.length; i++) {
                values[i] = c.numerator(n, i);
            }
            byNode.put(nodes.ids()[n], values);
        }
        return byNode;
    }

    private static final String[] FORMULAS = {"count()", "count(where rank_level = '四级调研员')",
            "sum(training.hours where year = eval_year)", "count(where rank_level = '四级主任科员')",
            "count(where age(birth_date) < 36)"};

    @Test
    void beforeAndAfterAPromotionATransferAHireAndARetirement() {
        Map<Long, double[]> may = compute(MAY, Engine.LATEST, FORMULAS);
        // May: A = 升一, 调二, 退四, 正五; B = nobody (新三 not hired yet)
        assertThat(may.get(a)).containsExactly(4, 0, 20, 1, 1);
        assertThat(may.get(b)).containsExactly(0, 0, 0, 0, 0);
        assertThat(may.get(township)).containsExactly(4, 0, 20, 1, 1);

        Map<Long, double[]> nov = compute(NOV, Engine.LATEST, FORMULAS);
        // November: A = 升一 (四级调研员), 正五; 调二 moved to B, 退四 retired; B = 调二 (now 36), 新三 (25)
        assertThat(nov.get(a)).containsExactly(2, 1, 60, 1, 0);
        assertThat(nov.get(b)).containsExactly(2, 0, 0, 0, 1);
        assertThat(nov.get(township)).containsExactly(4, 1, 60, 1, 1);
    }

    @Test
    void aCorrectionRecordedLaterChangesOnlyWhatIsKnownAfterIt() {
        // as of May, known on June 1 (before the correction of June 10): 正五 is still 一级科员
        assertThat(compute(MAY, LocalDateTime.of(2026, 6, 1, 23, 59), FORMULAS).get(a)[3]).isEqualTo(0);
        // known at the end of June: the corrected rank counts, for May as for any date
        assertThat(compute(MAY, LocalDateTime.of(2026, 6, 30, 23, 59), FORMULAS).get(a)[3]).isEqualTo(1);
        // known before the promotion was recorded (06-20), November still sees 升一 as 一级主任科员
        assertThat(compute(NOV, LocalDateTime.of(2026, 6, 19, 0, 0), FORMULAS).get(a)[1]).isEqualTo(0);
        // and known before the September total was recorded, November's training is the spring total
        assertThat(compute(NOV, LocalDateTime.of(2026, 9, 30, 0, 0), FORMULAS).get(a)[2]).isEqualTo(20);
        // known on March 1 (before the April record): no training at all for May
        assertThat(compute(MAY, LocalDateTime.of(2026, 3, 1, 0, 0), FORMULAS).get(a)[2]).isEqualTo(0);
    }

    @Test
    void evaluationsStoreTheirKnowledgeAndAUnitRecheckEqualsTheRun() {
        OrgScope scope = tree.byId(township).orElseThrow().asScope();
        LocalDateTime june = LocalDateTime.of(2026, 6, 1, 23, 59);
        Evaluation known = evaluations.evaluate(MAY, june, PACK, scope, "tester");
        assertThat(known.knownAt()).isEqualTo(june);
        assertThat(known.knowsLatest()).isFalse();
        Evaluation latest = evaluations.evaluate(NOV, null, PACK, scope, "tester");
        assertThat(latest.knownAt()).isEqualTo(latest.createdAt()).isAfter(LocalDateTime.of(2026, 10, 1, 0, 0));
        assertThat(latest.knowsLatest()).isTrue();

        // A0117 35周岁及以下干部人数: May (known June 1) A = 调二; November A = nobody, B = 新三
        assertThat(numerator(known, a, "A0117")).isEqualByComparingTo("1");
        assertThat(numerator(latest, a, "A0117")).isEqualByComparingTo("0");
        assertThat(numerator(latest, b, "A0117")).isEqualByComparingTo("1");

        // re-checking a unit changes nothing: it reads what the run read (the given day, or the latest knowledge)
        for (Evaluation e : List.of(known, latest)) {
            Map<String, IndicatorResult> before = byCode(evaluations.results(e.id(), a, scope));
            UnitRecheck recheck = evaluations.reevaluateUnit(e.id(), a, "tester");
            assertThat(recheck.unitRowsChanged()).as("evaluation %d", e.id()).isZero();
            assertThat(recheck.rollupRowsChanged()).isZero();
            Map<String, IndicatorResult> after = byCode(evaluations.results(e.id(), a, scope));
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((code, r) -> assertThat(after.get(code).numerator()).as(code)
                    .isEqualByComparingTo(r.numerator()));
        }
        // and the people behind a numerator are read the same way
        long p2 = jdbc.sql("select id from person where name = '调二'").query(Long.class).single();
        assertThat(views.numeratorPeople(known, "A0117", a)).contains(List.of(p2));
        assertThat(views.numeratorPeople(latest, "A0117", a)).contains(List.of());
    }

    @Autowired cn.zugong.indicator.EvaluationViews views;

    private BigDecimal numerator(Evaluation e, long node, String code) {
        OrgScope scope = tree.byId(township).orElseThrow().asScope();
        return byCode(evaluations.results(e.id(), node, scope)).get(code).numerator();
    }

    private static Map<String, IndicatorResult> byCode(List<IndicatorResult> results) {
        return results.stream().collect(Collectors.toMap(IndicatorResult::indicatorCode, Function.identity()));
    }
}
