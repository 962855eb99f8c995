package cn.zugong.indicator.internal.run;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.NodeLevel;
import cn.zugong.indicator.PackId;
import cn.zugong.indicator.UnitRecheck;
import cn.zugong.indicator.internal.pack.LoadedPack;
import cn.zugong.indicator.internal.pack.PackRegistry;
import cn.zugong.indicator.internal.rules.EffectivePacks;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs evaluations (compute, store, audit) and re-checks single units in place. */
@Component
public class EvaluationRunner {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRunner.class);

    /** A finished run with the time spent computing (queries, roll-ups) and storing the rows. */
    public record Run(Evaluation evaluation, long computeMs, long storeMs) {
    }

    private final PackRegistry packs;
    private final Engine engine;
    private final ResultStore store;
    private final ResultWriter writer;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EffectivePacks rules;
    private final Clock clock;

    EvaluationRunner(PackRegistry packs, Engine engine, ResultStore store, ResultWriter writer, AuditTrail audit,
                     JdbcClient jdbc, PlatformTransactionManager transactions, EffectivePacks rules, Clock clock) {
        this.writer = writer;
        this.rules = rules;
        this.clock = clock;
        this.packs = packs;
        this.engine = engine;
        this.store = store;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    public Run run(LocalDate asOf, PackId packId, OrgScope scope, String createdBy) {
        return run(asOf, null, packId, scope, createdBy);
    }

    /**
     * Evaluates the roster as of {@code asOf} as it was known at {@code knownAt} (null: as known now, the
     * clock's time, which is stored so that the evaluation can be reproduced after later corrections).
     */
    public Run run(LocalDate asOf, LocalDateTime knownAt, PackId packId, OrgScope scope, String createdBy) {
        // microseconds: what a timestamp column keeps, so a defaulted known_at reads back equal to created_at
        LocalDateTime started = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDateTime knowledge = knownAt != null ? knownAt : started;
        EffectivePacks.Effective withRules = rules.current(packs.get(packId)); // warning rules in force now
        LoadedPack pack = withRules.pack();
        long start = System.nanoTime();
        PackPlan plan = engine.plan(pack);
        ScopeNodes nodes = engine.scope(scope);
        Computation c = engine.compute(plan, asOf, knowledge, nodes, scope);
        long computed = System.nanoTime();
        long id = store.begin(asOf, knowledge, started, packId, scope.nodeId(), createdBy);
        rules.stamp(id, withRules.version());
        try {
            int rows = writer.write(id, c, pack.pack().indicators());
            tx.executeWithoutResult(s -> {
                store.finish(id, nodes.unitCount(), rows);
                audit.record(new AuditEvent(AuditAction.CREATE, "indicator_evaluation", String.valueOf(id),
                        "数字体检 " + packId + "：截至 " + asOf + "（按 " + knowledge.toLocalDate() + " 已知），"
                                + nodes.unitCount() + " 个单位，" + rows + " 条结果",
                        null, Map.of("asOf", asOf.toString(), "knownAt", knowledge.toString(), "pack",
                                packId.toString(), "scopeNodeId", scope.nodeId(), "units", nodes.unitCount(),
                                "results", rows), createdBy));
            });
        } catch (RuntimeException e) {
            store.fail(id);
            throw e;
        }
        long stored = System.nanoTime();
        log.info("evaluation {} of {} as of {}: {} units, compute {} ms, store {} ms", id, packId, asOf,
                nodes.unitCount(), (computed - start) / 1_000_000, (stored - computed) / 1_000_000);
        return new Run(store.find(id).orElseThrow(), (computed - start) / 1_000_000, (stored - computed) / 1_000_000);
    }

    /**
     * Re-computes one unit of a finished evaluation (after its roster changed) and moves its ancestors'
     * roll-ups by the difference — roll-ups are sums, so no other unit is read.
     */
    public UnitRecheck recheck(long evaluationId, long unitId, String actor) {
        long start = System.nanoTime();
        Evaluation e = store.find(evaluationId).filter(x -> x.status().equals("DONE"))
                .orElseThrow(() -> new NotFoundException("体检结果不存在：" + evaluationId));
        LoadedPack pack = rules.forEvaluation(evaluationId, packs.get(e.pack())); // the rules it was computed with
        PackPlan plan = engine.plan(pack);
        UnitInfo unit = jdbc.sql("""
                        select n.path, u.tier, u.unit_type from org_node n join unit u on u.node_id = n.id,
                               org_node s
                        where n.id = :unit and s.id = :scope and n.path like s.path || '%'
                        """).param("unit", unitId).param("scope", e.scopeNodeId())
                .query((rs, i) -> new UnitInfo(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> new NotFoundException("单位不在该次体检范围内：" + unitId));
        List<String> codes = Arrays.stream(unit.path().substring(1).split("/")).toList();
        Map<Long, NodeLevel> ancestorLevels = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.kind from org_node a, org_node s
                        where s.id = :scope and a.code in (:codes) and a.path like s.path || '%'
                          and a.kind in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')
                        """).param("scope", e.scopeNodeId()).param("codes", codes.subList(0, codes.size() - 1))
                .query((rs, i) -> ancestorLevels.put(rs.getLong(1), NodeLevel.ofNodeKind(rs.getString(2)))).list();
        List<Long> ancestors = List.copyOf(ancestorLevels.keySet());
        long located = System.nanoTime();
        // the evaluation's date; its knowledge when one was given (按某日已知: reproducible), else the latest —
        // taking in the roster changes recorded since the run is what a re-check is for
        LocalDateTime knowledge = e.knowsLatest() ? LocalDateTime.now(clock) : e.knownAt();
        double[][] fresh = engine.computeUnit(plan, e.asOf(), knowledge, unitId, unit.tier(), unit.unitType());
        long computed = System.nanoTime();
        return tx.execute(s -> {
            Map<String, ResultStore.StoredCell> old = new HashMap<>();
            store.cells(evaluationId, unitId, null).forEach(c -> old.put(c.code(), c));
            List<Indicator> indicators = pack.pack().indicators();
            List<Integer> changed = new ArrayList<>();
            double[] dNums = new double[indicators.size()];
            double[] dDens = new double[indicators.size()];
            for (int i = 0; i < indicators.size(); i++) {
                ResultStore.StoredCell before = old.get(indicators.get(i).code());
                double num = fresh[0][i];
                double den = fresh[1][i];
                double oldNum = before == null ? 0 : before.numerator();
                double oldDen = before == null || Double.isNaN(before.denominator()) ? 0 : before.denominator();
                dNums[i] = (Double.isNaN(num) ? 0 : num) - oldNum;
                dDens[i] = (Double.isNaN(den) ? 0 : den) - oldDen;
                // stored with 4 decimals: smaller differences are rounding, not change
                if (Math.abs(dNums[i]) >= 5e-4 || Math.abs(dDens[i]) >= 5e-4 || (before == null) != Double.isNaN(num)) {
                    changed.add(i);
                }
            }
            // only the changed indicators' roll-up rows are read and rewritten
            List<String> changedCodes = changed.stream().map(i -> indicators.get(i).code()).toList();
            Map<Long, Map<String, ResultStore.StoredCell>> stored = new HashMap<>();
            for (long a : ancestors) {
                store.cells(evaluationId, a, changedCodes).forEach(c ->
                        stored.computeIfAbsent(c.nodeId(), k -> new HashMap<>()).put(c.code(), c));
            }
            List<Object[]> unitUpdates = new ArrayList<>();
            List<Object[]> unitInserts = new ArrayList<>();
            List<String> unitDeletes = new ArrayList<>();
            List<Object[]> rollupUpdates = new ArrayList<>();
            List<Object[]> rollupInserts = new ArrayList<>();
            for (int i : changed) {
                Indicator ind = indicators.get(i);
                ResultStore.StoredCell before = old.get(ind.code());
                double num = fresh[0][i];
                double den = fresh[1][i];
                double dNum = dNums[i];
                double dDen = dDens[i];
                if (Double.isNaN(num)) {
                    unitDeletes.add(ind.code());
                } else {
                    Object[] row = ResultStore.row(evaluationId, unitId, ind.code(), false, ResultCell.of(ind, num, den));
                    (before == null ? unitInserts : unitUpdates).add(row);
                }
                for (long a : ancestors) {
                    ResultStore.StoredCell r = stored.getOrDefault(a, Map.of()).get(ind.code());
                    double rNum = (r == null ? 0 : r.numerator()) + dNum;
                    double rDen = r == null ? (Double.isNaN(den) ? Double.NaN : dDen)
                            : Double.isNaN(r.denominator()) ? Double.NaN : r.denominator() + dDen;
                    Object[] row = ResultStore.row(evaluationId, a, ind.code(), true,
                            ResultCell.of(ind, ancestorLevels.get(a), rNum, rDen));
                    (r == null ? rollupInserts : rollupUpdates).add(row);
                }
            }
            // rewrite = delete the changed rows, then one batch insert: with reWriteBatchedInserts PostgreSQL
            // takes it as a few multi-row inserts, several times faster than as many single-row updates
            List<Object[]> rewrite = new ArrayList<>(unitUpdates);
            rewrite.addAll(unitInserts);
            rewrite.addAll(rollupUpdates);
            rewrite.addAll(rollupInserts);
            List<String> unitCodes = new ArrayList<>(unitDeletes);
            unitUpdates.forEach(r -> unitCodes.add((String) r[2]));
            store.delete(evaluationId, unitId, unitCodes);
            for (long a : ancestors) {
                store.delete(evaluationId, a, rollupUpdates.stream().filter(r -> (Long) r[1] == a)
                        .map(r -> (String) r[2]).toList());
            }
            store.flush(rewrite);
            if (!changed.isEmpty()) {
                store.recountColours(evaluationId, unitId);
            }
            int unitRows = unitUpdates.size() + unitInserts.size() + unitDeletes.size();
            int rollupRows = rollupUpdates.size() + rollupInserts.size();
            long written = System.nanoTime();
            audit.record(new AuditEvent(AuditAction.UPDATE, "indicator_evaluation", String.valueOf(evaluationId),
                    "数字体检单位复检：单位 " + unitId + "，更新 " + unitRows + " 条单位结果、" + rollupRows + " 条汇总结果",
                    null, null, actor));
            log.debug("re-check unit {}: {} + {} rows, locate {} µs, compute {} µs, write {} µs, audit {} µs", unitId,
                    unitRows, rollupRows, (located - start) / 1000, (computed - located) / 1000, (written - computed) / 1000,
                    (System.nanoTime() - written) / 1000);
            return new UnitRecheck(evaluationId, unitId, unitRows, rollupRows, (System.nanoTime() - start) / 1_000_000);
        });
    }

    private record UnitInfo(String path, String tier, String unitType) {
    }
}
