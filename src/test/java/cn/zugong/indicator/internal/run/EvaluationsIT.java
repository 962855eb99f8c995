package cn.zugong.indicator.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.audit.AuditLog;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.IndicatorResult;
import cn.zugong.indicator.PackId;
import cn.zugong.indicator.ResultChange;
import cn.zugong.indicator.UnitRecheck;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.ChangeKind;
import cn.zugong.people.RosterChange;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public API on the default pack over the tiny township: stored rows with values, colours and
 * advice, a unit re-check that equals a fresh evaluation, "what changed", scope and the audit trail.
 * A module test on a database of its own (ADR 043): indicator with its dependencies, plus people (whose
 * RosterWriter builds the fixture) and the shared kernel (people's field cipher); no demo.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"people", "shared"})
@Import({TestDatabase.class, TestClock.Config.class})
class EvaluationsIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "indicator_evaluations");
    }

    private static final PackId PACK = new PackId("healthcheck", 1);

    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;
    @Autowired Evaluations evaluations;
    @Autowired JdbcClient jdbc;

    @Test
    void evaluateRecheckAndChanges() {
        TinyRoster.ensure(org, tree, roster, jdbc);
        // a database of its own: the tiny township's six people and nobody else (no demo roster)
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(6);
        long h1 = tree.byCode(TinyRoster.H1).orElseThrow().id();
        long h2 = tree.byCode(TinyRoster.H2).orElseThrow().id();
        OrgScope township = tree.byCode(TinyRoster.TOWNSHIP).orElseThrow().asScope();
        long marker = AuditLog.last(jdbc);

        Evaluation first = evaluations.evaluate(TinyRoster.AS_OF, PACK, township, "tester");
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.unitCount()).isEqualTo(2);
        Map<String, IndicatorResult> unit = byCode(evaluations.results(first.id(), h1, township));
        // 县直 units: the 市直-only and 乡镇-only indicators do not apply
        assertThat(unit).containsKey("A0102").doesNotContainKey("A0601");
        assertThat(first.resultCount()).isEqualTo(3 * unit.size());

        IndicatorResult young = unit.get("A0102");      // 35周岁及以下干部占比: 甲二 of four = 25.0%
        assertThat(young.numerator()).isEqualByComparingTo("1");
        assertThat(young.denominator()).isEqualByComparingTo("4");
        assertThat(young.value()).isEqualByComparingTo("25");
        assertThat(young.colour()).isEqualTo("GREEN");
        IndicatorResult vacancy = unit.get("B0101");    // 空编率 60.0% > 20: red, advice quotes value and threshold
        assertThat(vacancy.value()).isEqualByComparingTo("60");
        assertThat(vacancy.colour()).isEqualTo("RED");
        assertThat(vacancy.advice()).startsWith("空编率为 60.0%，高于 20% 的红色预警线。建议");
        IndicatorResult rollup = byCode(evaluations.results(first.id(), township.nodeId(), township)).get("B0101");
        assertThat(rollup.rollup()).isTrue();
        assertThat(rollup.numerator()).isEqualByComparingTo("8");
        assertThat(rollup.denominator()).isEqualByComparingTo("14");
        assertThat(rollup.value()).isEqualByComparingTo("57.1429");
        assertThat(unit.get("B0201")).isNull();         // 县处级正职: 市直 only
        // the colour tally (V95) holds each unit's result colours as counted from the stored rows, roll-ups left out
        assertThat(tally(first.id())).isEqualTo(counted(first.id())).containsKey(h1 + ":RED")
                .doesNotContainKey(township.nodeId() + ":RED");
        assertThat(tally(first.id()).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(jdbc.sql("select count(*) from indicator_result where evaluation_id = :e and rollup = false"
                        + " and colour is not null").param("e", first.id()).query(Long.class).single());
        assertThat(byCode(evaluations.results(first.id(), h2, township)).get("B0204").value()).isNull(); // no quota

        // the roster changes: a second young woman joins H2; re-check H2 only
        roster.save(List.of(TinyRoster.person(h2, "乙三", "女", "1998-03-01", "大学本科", "一级科员", "2024-03-01",
                null, null, "2021-08-01", "2024-03-01", "考录", "中共党员", null, Map.of(2025, "称职"),
                Map.of(2026, "80"), List.of(), List.of())),
                new RosterChange(TinyRoster.HISTORY_STARTS, ChangeKind.IMPORT, "测试夹具"));   // visible on AS_OF
        Map<String, Long> firstTally = tally(first.id());
        UnitRecheck recheck = evaluations.reevaluateUnit(first.id(), h2, "tester");
        assertThat(recheck.unitRowsChanged()).isPositive();
        assertThat(recheck.rollupRowsChanged()).isPositive();
        Map<String, IndicatorResult> rechecked = byCode(evaluations.results(first.id(), township.nodeId(), township));
        assertThat(rechecked.get("B0101").numerator()).isEqualByComparingTo("7");

        // a fresh evaluation gives exactly what the re-check wrote, for the unit and its roll-up
        Evaluation second = evaluations.evaluate(TinyRoster.AS_OF, PACK, township, "tester");
        for (long node : List.of(h1, h2, township.nodeId())) {
            Map<String, IndicatorResult> fresh = byCode(evaluations.results(second.id(), node, township));
            Map<String, IndicatorResult> patched = byCode(evaluations.results(first.id(), node, township));
            assertThat(patched.keySet()).isEqualTo(fresh.keySet());
            fresh.forEach((code, r) -> {
                IndicatorResult p = patched.get(code);
                assertThat(p.numerator()).as(code).isEqualByComparingTo(r.numerator());
                assertThat(p.value() == null ? null : p.value().setScale(2, java.math.RoundingMode.HALF_UP))
                        .as(code).isEqualTo(r.value() == null ? null : r.value().setScale(2, java.math.RoundingMode.HALF_UP));
                assertThat(p.colour()).as(code).isEqualTo(r.colour());
                assertThat(p.advice()).as(code).isEqualTo(r.advice());
            });
        }

        // the re-check counted H2's colours again: the first run's tally is what a fresh run counts
        assertThat(tally(first.id())).isEqualTo(counted(first.id())).isEqualTo(tally(second.id()))
                .isNotEqualTo(firstTally);

        // what changed between the two runs: nothing (the re-check already moved the first); a third run after
        // another change lists exactly the cells that moved
        assertThat(evaluations.previous(second.id())).map(Evaluation::id).contains(first.id());
        assertThat(evaluations.changesSincePrevious(second.id(), township)).isEmpty();
        roster.save(List.of(TinyRoster.person(h1, "甲五", "男", "1999-05-01", "研究生", "一级科员", "2024-03-01",
                null, null, "2024-08-01", "2024-08-01", "选调生", "中共党员", null, Map.of(2025, "称职"),
                Map.of(2026, "100"), List.of(), List.of())),
                new RosterChange(TinyRoster.HISTORY_STARTS, ChangeKind.IMPORT, "测试夹具"));
        Evaluation third = evaluations.evaluate(TinyRoster.AS_OF, PACK, township, "tester");
        List<ResultChange> changes = evaluations.changesSincePrevious(third.id(), township);
        assertThat(changes).extracting(ResultChange::nodeId).containsOnly(h1, township.nodeId());
        ResultChange vacancyChange = changes.stream()
                .filter(c -> c.nodeId() == h1 && c.indicatorCode().equals("B0101")).findFirst().orElseThrow();
        assertThat(vacancyChange.previousValue()).isEqualByComparingTo("60");
        assertThat(vacancyChange.value()).isEqualByComparingTo("50");
        assertThat(vacancyChange.colourChanged()).isFalse();
        assertThat(changes).anySatisfy(c -> assertThat(c.colourChanged()).isTrue());
        // a scope that holds only H2 sees none of those changes
        assertThat(evaluations.changesSincePrevious(third.id(), tree.byId(h2).orElseThrow().asScope())).isEmpty();
        assertThat(evaluations.latest("healthcheck", township.nodeId())).map(Evaluation::id).contains(third.id());

        // results of a node outside the caller's scope are "not found"
        OrgScope putuo = tree.byCode("330903").orElseThrow().asScope();
        assertThatThrownBy(() -> evaluations.results(third.id(), h1, putuo)).isInstanceOf(NotFoundException.class);
        assertThat(evaluations.resultsOfIndicator(third.id(), "B0101", putuo)).isEmpty();
        assertThat(evaluations.resultsOfIndicator(third.id(), "B0101", township)).hasSize(3);

        List<AuditLog.Entry> audit = AuditLog.since(jdbc, marker).stream()
                .filter(e -> e.objectType().equals("indicator_evaluation")).toList();
        assertThat(audit).extracting(AuditLog.Entry::action).containsExactly("CREATE", "UPDATE", "CREATE", "CREATE");
        assertThat(audit.get(0).actor()).isEqualTo("tester");
        assertThat(audit.get(0).summary()).contains("healthcheck-v1", "2026-11-01", "2 个单位");
    }

    /** An evaluation's colour tally as "node:colour" → results. */
    private Map<String, Long> tally(long evaluationId) {
        return nodeColours("select node_id, colour, results from indicator_colour_tally where evaluation_id = :e",
                evaluationId);
    }

    /** The same counted from the evaluation's stored unit results. */
    private Map<String, Long> counted(long evaluationId) {
        return nodeColours("select node_id, colour, count(*) from indicator_result where evaluation_id = :e"
                + " and rollup = false and colour is not null group by node_id, colour", evaluationId);
    }

    private Map<String, Long> nodeColours(String sql, long evaluationId) {
        Map<String, Long> out = new java.util.TreeMap<>();
        jdbc.sql(sql).param("e", evaluationId)
                .query((rs, i) -> out.put(rs.getLong(1) + ":" + rs.getString(2), rs.getLong(3))).list();
        return out;
    }

    private static Map<String, IndicatorResult> byCode(List<IndicatorResult> results) {
        return results.stream().collect(Collectors.toMap(IndicatorResult::indicatorCode, Function.identity()));
    }
}
