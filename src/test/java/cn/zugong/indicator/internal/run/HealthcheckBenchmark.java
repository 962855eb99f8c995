package cn.zugong.indicator.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.PackId;
import cn.zugong.indicator.UnitRecheck;
import cn.zugong.indicator.internal.compile.AggregateSql;
import cn.zugong.indicator.internal.compile.CompiledFormula;
import cn.zugong.indicator.internal.compile.FactTable;
import cn.zugong.indicator.internal.pack.LoadedPack;
import cn.zugong.indicator.internal.pack.PackRegistry;
import cn.zugong.shared.OrgScope;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bench/run.sh healthcheck}: the default pack over the province-scale set written by
 * bench/generate.sh (the database is given by the script; nothing is cleaned). Measures, on the same
 * database in the same run: the engine (all units, with roll-ups), the limit — the aggregates written by
 * hand ({@link HandLimit}), whose per-unit numerators and denominators must equal the engine's or the run
 * fails — the same hand-written aggregates on DuckDB over the same rows (duck_ms, compared too), an
 * evaluation as of a date inside the roster history (asof_ms), the naive approach (one query per indicator
 * per unit, timed on a sample and extrapolated), re-checking one changed unit, storing the results
 * (total_ms = compute + store of one stored run), and the peak heap. ADR 009, ADR 054. Tagged "bench": the
 * normal test run leaves it out.
 */
@Tag("bench")
@SpringBootTest
class HealthcheckBenchmark {

    private static final LocalDate AS_OF = HandLimit.AS_OF;
    /** Inside the roster history the generator writes (changes in the two years before 2026-11-01). */
    private static final LocalDate AS_OF_INSIDE = LocalDate.of(2025, 11, 1);
    private static final PackId PACK = new PackId("healthcheck", 1);

    @Autowired PackRegistry packs;
    @Autowired Engine engine;
    @Autowired EvaluationRunner runner;
    @Autowired NamedParameterJdbcTemplate named;
    @Autowired JdbcClient jdbc;
    @Autowired cn.zugong.people.RosterWriter roster;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @org.springframework.beans.factory.annotation.Value("${spring.datasource.url}") String url;
    org.springframework.transaction.support.TransactionTemplate tx;
    boolean postgres;

    /** -Dbench.recheck-only=true: only re-check a unit of the latest stored evaluation (for tuning). */
    @Test
    void healthcheck() {
        if (Boolean.getBoolean("bench.recheck-only")) {
            long id = jdbc.sql("select max(id) from indicator_evaluation where status = 'DONE'").query(Long.class).single();
            OrgScope root = jdbc.sql("select id, path from org_node where parent_id is null order by id limit 1")
                    .query((rs, i) -> new OrgScope(rs.getLong(1), rs.getString(2))).single();
            System.out.println("unit_ms=" + recheck(id, engine.scope(root)));
            return;
        }
        if (Boolean.getBoolean("bench.store-only")) { // -Dbench.store-only=true: one stored run (for tuning the store)
            OrgScope root = jdbc.sql("select id, path from org_node where parent_id is null order by id limit 1")
                    .query((rs, i) -> new OrgScope(rs.getLong(1), rs.getString(2))).single();
            EvaluationRunner.Run run = runner.run(AS_OF, PACK, root, "bench");
            System.out.println("store-only: results=" + run.evaluation().resultCount() + " compute_ms=" + run.computeMs()
                    + " store_ms=" + run.storeMs());
            return;
        }
        tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        postgres = url.startsWith("jdbc:postgresql");
        long rows = jdbc.sql("select count(*) from person").query(Long.class).single();
        assertThat(rows).as("run bench/generate.sh first").isPositive();
        OrgScope scope = jdbc.sql("select id, path from org_node where parent_id is null order by id limit 1")
                .query((rs, i) -> new OrgScope(rs.getLong(1), rs.getString(2))).single();
        // fresh statistics after the bulk load, as autovacuum would eventually gather (both H2 and PostgreSQL)
        jdbc.sql("analyze").update();
        LoadedPack pack = packs.get(PACK);
        PackPlan plan = engine.plan(pack);
        resetPeaks();

        // warm caches and JIT for both sides, then keep the better of two rounds of each
        long limitMs = Long.MAX_VALUE;
        long floorMs = Long.MAX_VALUE;
        long engineMs = Long.MAX_VALUE;
        long asofMs = Long.MAX_VALUE;
        ScopeNodes nodes = null;
        Computation computed = null;
        List<HandLimit.Table> hand = null;
        for (int round = 0; round < 2; round++) {
            long t = System.nanoTime();
            hand = limit();
            limitMs = Math.min(limitMs, ms(t));
            t = System.nanoTime();
            floor(plan, scope);
            floorMs = Math.min(floorMs, ms(t));
            t = System.nanoTime();
            nodes = engine.scope(scope);
            System.out.println("engine scope: " + ms(t) + " ms");
            computed = engine.compute(plan, AS_OF, HandLimit.KNOWN_AT, nodes, scope);
            engineMs = Math.min(engineMs, ms(t));
            t = System.nanoTime();
            engine.compute(plan, AS_OF_INSIDE, engine.scope(scope), scope);
            asofMs = Math.min(asofMs, ms(t));
            System.out.println("round " + round + ": limit_ms=" + limitMs + " engine_ms=" + engineMs + " asof_ms="
                    + asofMs + " cells=" + computed.cells());
        }
        int compared = compare("limit", pack, computed, HandLimit.byUnit(hand));

        // the same hand-written aggregates on DuckDB, over the same rows copied into it (outside the timing)
        long duckMs;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            long t = System.nanoTime();
            DuckCopy.load(named.getJdbcTemplate().getDataSource(), duck);
            System.out.println("duckdb load: " + ms(t) + " ms (not timed)");
            duckMs = Long.MAX_VALUE;
            List<HandLimit.Table> duckHand = null;
            for (int round = 0; round < 2; round++) {
                t = System.nanoTime();
                duckHand = HandLimit.run(duck, HandLimit.queries(true));
                duckMs = Math.min(duckMs, ms(t));
                System.out.println("duckdb round " + round + ": " + ms(t) + " ms");
            }
            compare("duckdb", pack, computed, HandLimit.byUnit(duckHand));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        computed = null;
        hand = null;

        EvaluationRunner.Run run = runner.run(AS_OF, PACK, scope, "bench");
        long totalMs = run.computeMs() + run.storeMs();
        System.out.println("stored evaluation " + run.evaluation().id() + ": results=" + run.evaluation().resultCount()
                + " compute_ms=" + run.computeMs() + " store_ms=" + run.storeMs() + " total_ms=" + totalMs);

        long unitMs = recheck(run.evaluation().id(), nodes);
        checkTally(run.evaluation().id());
        double naiveMs = naive(pack, plan, nodes);
        long peak = peakHeap();

        double ratioLimit = (double) engineMs / limitMs;
        double ratioPhysical = (double) engineMs / duckMs;
        double ratioNaive = naiveMs / engineMs;
        System.out.println("aggregates=" + plan.aggregateCount() + " tables=" + plan.queries().size());
        System.out.println("engine_ms=" + engineMs + " (" + plan.queries().size() + " queries, "
                + nodes.unitCount() + " units, " + (nodes.size() - nodes.unitCount()) + " roll-up nodes)");
        System.out.println("limit_ms=" + limitMs + " (the aggregates written by hand, " + compared
                + " unit cells equal to the engine's)");
        System.out.println("duck_ms=" + duckMs + " (the same hand-written aggregates on DuckDB, equal results)");
        System.out.printf("floor_ms=%d ratio_floor=%.2f (one comparison per aggregate: a floor, not the same numbers)%n",
                floorMs, (double) engineMs / floorMs);
        System.out.printf("naive_ms=%.0f (extrapolated)%n", naiveMs);
        System.out.println("unit_ms=" + unitMs);
        System.out.println("store_ms=" + run.storeMs() + " (" + run.evaluation().resultCount() + " rows)");
        System.out.println("asof_ms=" + asofMs + " (as of " + AS_OF_INSIDE + ")");
        System.out.println("peak_heap_mb=" + peak / (1024 * 1024) + " (max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + ")");
        System.out.printf("healthcheck rows=%d units=%d indicators=%d engine_ms=%d limit_ms=%d duck_ms=%d ratio_limit=%.2f "
                        + "ratio_physical=%.2f ratio_naive=%.0f unit_ms=%d store_ms=%d total_ms=%d asof_ms=%d heap_mb=%d "
                        + "floor_ms=%d ratio_floor=%.2f%n", rows,
                nodes.unitCount(), pack.pack().indicators().size(), engineMs, limitMs, duckMs, ratioLimit,
                ratioPhysical, ratioNaive, unitMs, run.storeMs(), totalMs, asofMs, peak / (1024 * 1024), floorMs,
                (double) engineMs / floorMs);
    }

    /**
     * The colour tally written with the results (V95, by both COPY streams) and rewritten by the re-check is what the
     * stored unit results count, node by node and colour by colour (outside the timing).
     */
    private void checkTally(long evaluationId) {
        String tally = "select node_id, colour, results from indicator_colour_tally where evaluation_id = :e";
        String counted = "select node_id, colour, count(*) from indicator_result where evaluation_id = :e"
                + " and rollup = false and colour is not null group by node_id, colour";
        long rows = jdbc.sql("select count(*) from indicator_colour_tally where evaluation_id = :e")
                .param("e", evaluationId).query(Long.class).single();
        long differing = jdbc.sql("select count(*) from (" + tally + " except " + counted + ") a")
                .param("e", evaluationId).query(Long.class).single()
                + jdbc.sql("select count(*) from (" + counted + " except " + tally + ") b")
                .param("e", evaluationId).query(Long.class).single();
        System.out.println("colour tally: rows=" + rows + " differing=" + differing);
        assertThat(differing).as("colour tally rows differing from the stored results").isZero();
        assertThat(rows).isPositive();
    }

    /**
     * The limit: the aggregates written by hand ({@link HandLimit}, not generated from the engine's pack),
     * one scan per fact table grouped by unit, on the same database in the same way the engine runs (JIT off
     * on PostgreSQL). Returns the named aggregates by unit for the comparison.
     */
    private List<HandLimit.Table> limit() {
        return tx.execute(s -> {
            jitOff();
            // a fresh comment each run: H2 would otherwise hand back the previous result of the same literal SQL
            List<String> queries = HandLimit.queries(false).stream()
                    .map(q -> "/* run " + System.nanoTime() + " */ " + q).toList();
            return named.getJdbcTemplate().execute((java.sql.Connection con) -> HandLimit.run(con, queries));
        });
    }

    /**
     * Every unit × applicable indicator: the engine's numerator and denominator against the hand-written
     * ones; fails with the first differences. Returns the number of cells compared.
     */
    private static int compare(String label, LoadedPack pack, Computation c, Map<Long, Map<String, Double>> hand) {
        Map<String, String[]> byCode = new java.util.HashMap<>();
        for (String[] ind : HandLimit.INDICATORS) {
            byCode.put(ind[0], ind);
        }
        List<String> missing = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        Map<String, Integer> byIndicator = new java.util.TreeMap<>();
        List<Indicator> indicators = pack.pack().indicators();
        int cells = 0;
        for (int i = 0; i < indicators.size(); i++) {
            String[] ind = byCode.get(indicators.get(i).code());
            if (ind == null) {
                missing.add(indicators.get(i).code());
                continue;
            }
            for (int u = 0; u < c.nodes().unitCount(); u++) {
                if (!c.applies(u, i)) {
                    continue;
                }
                Map<String, Double> values = hand.get(c.nodes().ids()[u]);
                double num = HandLimit.side(ind[1], values);
                double den = ind[2] == null ? Double.NaN : HandLimit.side(ind[2], values);
                cells++;
                if (!same(num, c.numerator(u, i)) || !same(den, c.denominator(u, i))) {
                    byIndicator.merge(ind[0], 1, Integer::sum);
                    if (differences.size() < 10) {
                        differences.add(ind[0] + " unit " + c.nodes().ids()[u] + ": engine " + c.numerator(u, i) + "/"
                                + c.denominator(u, i) + ", " + label + " " + num + "/" + den);
                    }
                }
            }
        }
        differences.forEach(d -> System.out.println(label + " differs: " + d));
        if (!byIndicator.isEmpty()) {
            System.out.println(label + " differs: cells by indicator " + byIndicator);
        }
        System.out.println(label + " compared " + cells + " unit cells of " + (indicators.size() - missing.size())
                + " indicators; not written by hand: " + missing);
        assertThat(differences).as(label + ": the engine's per-unit results differ from the hand-written ones").isEmpty();
        assertThat(missing).as("indicators without a hand-written aggregate").isEmpty();
        return cells;
    }

    private static boolean same(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * A floor no correct query reaches, printed for comparison: the same number of aggregates, each a single
     * date or number comparison (the pack's conditions have two to three tests, several of them lists of
     * strings), same scope join as the engine.
     */
    private void floor(PackPlan plan, OrgScope scope) {
        tx.executeWithoutResult(s -> {
            jitOff();
            for (PackPlan.TableQuery q : plan.queries()) {
                FactTable t = q.table();
                String column = switch (t) {
                    case PERSON -> "p.birth_date";
                    case ASSESSMENT -> "a.fact_year";
                    case TRAINING -> "t.hours";
                    case RECORD -> "r.fact_year";
                    case UNIT -> "u.authorized_headcount";
                    case QUOTA -> "q.quota";
                };
                MapSqlParameterSource params = new MapSqlParameterSource("scopePath", scope.pathPattern());
                StringBuilder sql = new StringBuilder("select ").append(t.unitColumn());
                for (int i = 0; i < q.columns().size(); i++) {
                    sql.append(", count(*) filter (where ").append(column).append(" >= :v").append(i).append(")");
                    params.addValue("v" + i, t == FactTable.PERSON ? AS_OF.minusDays(20_000 - 50L * i) : 2000 + i);
                }
                sql.append(" from ").append(t.from()).append(" join org_node sn on sn.id = ").append(t.unitColumn())
                        .append(" where sn.path like :scopePath group by ").append(t.unitColumn());
                scan("floor", t, q.columns().size(), sql.toString(), params);
            }
        });
    }

    private void jitOff() {
        if (postgres) {
            named.getJdbcTemplate().execute("set local jit = off"); // as the engine: faster for both
        }
    }

    /** Runs one scan and reads every column as the engine does. */
    private void scan(String label, FactTable table, int columns, String sql, MapSqlParameterSource params) {
        long start = System.nanoTime();
        List<double[]> out = new ArrayList<>();
        named.query(sql, params, rs -> {
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = rs.getDouble(c + 2);
            }
            out.add(row);
        });
        System.out.println(label + " " + table + ": " + columns + " aggregates, " + ms(start) + " ms");
    }

    /**
     * Adds a person to a mid-sized unit (which moves every ratio's denominator: the heavy case) and
     * re-checks that unit; median of 5 after 5 warm-up re-checks (a running server has its JIT warm: the
     * first re-checks of a fresh JVM take two to three times as long).
     */
    private long recheck(long evaluationId, ScopeNodes nodes) {
        long unit = nodes.ids()[nodes.unitCount() / 2];
        long[] times = new long[5];
        for (int i = -5; i < times.length; i++) {
            java.time.LocalDate birth = java.time.LocalDate.of(1985, 1, 1).plusDays(System.nanoTime() % 3000);
            roster.save(List.of(TinyRoster.person(unit, "基准测试", "女", birth.toString(), "大学本科", "一级科员",
                    "2024-03-01", null, null, "2010-08-01", "2024-03-01", "考录", "中共党员", null,
                    Map.of(2025, "称职"), Map.of(2026, "95"), List.of(), List.of())),
                    // hired before the evaluation date, so the re-check sees the new person
                    new cn.zugong.people.RosterChange(java.time.LocalDate.of(2024, 3, 1),
                            cn.zugong.people.ChangeKind.HIRE, "基准测试"));
            UnitRecheck r = runner.recheck(evaluationId, unit, "bench");
            if (i >= 0) {
                times[i] = r.elapsedMs();
            }
        }
        Arrays.sort(times);
        System.out.println("unit re-check ms " + Arrays.toString(times) + " (unit " + unit + ")");
        return times[times.length / 2];
    }

    /**
     * One query per indicator per unit (each aggregate of the indicator as a scalar sub-query filtered
     * to the unit), on a sample of units, extrapolated to all units. Roll-ups would cost more queries
     * again; they are left out, which flatters the naive approach.
     */
    private double naive(LoadedPack pack, PackPlan plan, ScopeNodes nodes) {
        Map<String, Object> params = plan.parameters(AS_OF);
        List<String> queries = new ArrayList<>();
        for (Indicator ind : pack.pack().indicators()) {
            CompiledFormula f = pack.formulas().get(ind.code());
            Set<AggregateSql> aggs = new LinkedHashSet<>(f.numerator().terms().keySet());
            if (f.denominator() != null) {
                aggs.addAll(f.denominator().terms().keySet());
            }
            List<String> parts = new ArrayList<>();
            for (AggregateSql a : aggs) {
                parts.add("(select " + a.sql() + " from " + a.table().from() + " where " + a.table().unitColumn()
                        + " = :unitId)");
            }
            queries.add("select " + String.join(", ", parts));
        }
        int sample = Math.min(20, nodes.unitCount());
        int step = Math.max(1, nodes.unitCount() / sample);
        long start = System.nanoTime();
        for (int s = 0; s < sample; s++) {
            MapSqlParameterSource p = new MapSqlParameterSource(params).addValue("unitId", nodes.ids()[s * step]);
            for (String q : queries) {
                named.query(q, p, rs -> {
                    rs.getDouble(1);
                });
            }
        }
        double perUnit = ms(start) / (double) sample;
        System.out.printf("naive sample: %d units x %d queries, %.1f ms per unit%n", sample, queries.size(), perUnit);
        return perUnit * nodes.unitCount();
    }

    /** Samples the used heap every 10 ms from a daemon thread; the peak is what the benchmark reports. */
    private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

    private static void resetPeaks() {
        System.gc();
        Thread sampler = new Thread(() -> {
            while (true) {
                PEAK.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static long peakHeap() {
        return PEAK.get();
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
