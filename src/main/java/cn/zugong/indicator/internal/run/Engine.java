package cn.zugong.indicator.internal.run;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.NodeLevel;
import cn.zugong.indicator.PackId;
import cn.zugong.indicator.internal.pack.LoadedPack;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates a pack: one aggregate query per fact table for all units of the scope, then every
 * indicator's numerator and denominator per unit from those columns, then the roll-ups — each
 * ancestor (township, county, city…) adds its units' numerators and denominators.
 */
@Component
public class Engine {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Engine.class);

    /**
     * "As known now": after every recorded_at and before the open end of superseded_at (9999-12-31), so only
     * current knowledge is read.
     */
    public static final LocalDateTime LATEST = LocalDateTime.of(9999, 12, 30, 0, 0);

    /** Runs the smaller tables' queries beside the person scan (daemon threads, created when needed). */
    private static final ExecutorService BESIDE = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "engine-beside");
        t.setDaemon(true);
        return t;
    });

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Map<PackId, PackPlan> plans = new ConcurrentHashMap<>();
    private final boolean beside;
    private final String workMemory;
    private volatile Boolean postgres;

    Engine(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
           @Value("${zugong.healthcheck.beside-queries:true}") boolean beside,
           @Value("${zugong.healthcheck.work-mem:128MB}") String workMemory) {
        this.jdbc = jdbc;
        this.beside = beside;
        this.workMemory = workMemory.replace("'", "");
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public PackPlan plan(LoadedPack pack) {
        return plans.computeIfAbsent(pack.pack().id(), id -> new PackPlan(pack));
    }

    /** Units under the scope and the division nodes (inside the scope) above them. */
    public ScopeNodes scope(OrgScope scope) {
        List<ScopeNodes.Unit> units = jdbc.query("""
                        select n.id, n.path, u.tier, u.unit_type from org_node n join unit u on u.node_id = n.id
                        where n.path like :scopePath order by n.path
                        """, Map.of("scopePath", scope.pathPattern()),
                (rs, i) -> new ScopeNodes.Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        Map<String, Long> divisions = new HashMap<>();
        Map<Long, NodeLevel> kinds = new HashMap<>();
        jdbc.query("""
                        select n.id, n.code, n.kind from org_node n
                        where n.path like :scopePath and n.kind in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')
                        """, Map.of("scopePath", scope.pathPattern()),
                rs -> {
                    divisions.put(rs.getString(2), rs.getLong(1));
                    kinds.put(rs.getLong(1), NodeLevel.ofNodeKind(rs.getString(3)));
                });
        Map<Long, Integer> rollupIndex = new LinkedHashMap<>();
        List<int[]> ancestorLists = new ArrayList<>();
        for (ScopeNodes.Unit u : units) {
            String[] codes = u.path().substring(1).split("/");
            int[] up = new int[codes.length - 1];
            int k = 0;
            for (int c = codes.length - 2; c >= 0; c--) {
                Long id = divisions.get(codes[c]);
                if (id != null) {
                    up[k++] = units.size() + rollupIndex.computeIfAbsent(id, x -> rollupIndex.size());
                }
            }
            ancestorLists.add(Arrays.copyOf(up, k));
        }
        List<Long> rollups = List.copyOf(rollupIndex.keySet());
        return ScopeNodes.of(units, rollups, ancestorLists, rollups.stream().map(kinds::get).toList());
    }

    /** The whole pack for every unit of the scope, with roll-ups, as of the date on the latest knowledge. */
    public Computation compute(PackPlan plan, LocalDate asOf, ScopeNodes nodes, OrgScope scope) {
        return compute(plan, asOf, LATEST, nodes, scope);
    }

    /** The whole pack for every unit of the scope, with roll-ups: the roster as of the date, known at knownAt. */
    public Computation compute(PackPlan plan, LocalDate asOf, LocalDateTime knownAt, ScopeNodes nodes,
                               OrgScope scope) {
        Map<Long, Integer> unitIndex = new HashMap<>(nodes.unitCount() * 2);
        for (int u = 0; u < nodes.unitCount(); u++) {
            unitIndex.put(nodes.ids()[u], u);
        }
        MapSqlParameterSource params = new MapSqlParameterSource(plan.parameters(asOf, knownAt))
                .addValue("scopePath", scope.pathPattern());
        double[][][] values = query(plan, params, false, nodes.unitCount(), unitIndex);
        List<Indicator> indicators = plan.pack().pack().indicators();
        int n = indicators.size();
        double[] num = new double[nodes.size() * n];
        double[] den = new double[nodes.size() * n];
        Arrays.fill(num, Double.NaN);
        Arrays.fill(den, Double.NaN);
        for (int u = 0; u < nodes.unitCount(); u++) {
            unitCells(plan, indicators, values, u, nodes.tiers()[u], nodes.unitTypes()[u], num, den, u * n);
        }
        long rolled = System.nanoTime();
        rollUp(nodes, n, num, den);
        log.debug("cells and roll-ups: {} ms", (System.nanoTime() - rolled) / 1_000_000);
        return new Computation(nodes, n, num, den);
    }

    /** The pack for one unit: numerators and denominators by indicator (NaN: does not apply / not a ratio). */
    public double[][] computeUnit(PackPlan plan, LocalDate asOf, LocalDateTime knownAt, long unitId, String tier,
                                  String unitType) {
        MapSqlParameterSource params = new MapSqlParameterSource(plan.parameters(asOf, knownAt))
                .addValue("unitId", unitId);
        double[][][] values = query(plan, params, true, 1, Map.of(unitId, 0));
        List<Indicator> indicators = plan.pack().pack().indicators();
        double[] num = new double[indicators.size()];
        double[] den = new double[indicators.size()];
        Arrays.fill(num, Double.NaN);
        Arrays.fill(den, Double.NaN);
        unitCells(plan, indicators, values, 0, tier, unitType, num, den, 0);
        return new double[][] {num, den};
    }

    private static void unitCells(PackPlan plan, List<Indicator> indicators, double[][][] values, int u, String tier,
                                  String type, double[] num, double[] den, int offset) {
        for (int i = 0; i < indicators.size(); i++) {
            if (!indicators.get(i).appliesTo().appliesTo(tier, type)) {
                continue;
            }
            num[offset + i] = plan.numerator(i).evaluate(values, u);
            PackPlan.Terms d = plan.denominator(i);
            if (d != null) {
                den[offset + i] = d.evaluate(values, u);
            }
        }
    }

    /** Roll-ups add numerators and denominators (never average ratios), over units where the indicator applies. */
    private static void rollUp(ScopeNodes nodes, int n, double[] num, double[] den) {
        for (int u = 0; u < nodes.unitCount(); u++) {
            for (int a : nodes.ancestors()[u]) {
                for (int i = 0; i < n; i++) {
                    double v = num[u * n + i];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    int cell = a * n + i;
                    num[cell] = Double.isNaN(num[cell]) ? v : num[cell] + v;
                    double d = den[u * n + i];
                    if (!Double.isNaN(d)) {
                        den[cell] = Double.isNaN(den[cell]) ? d : den[cell] + d;
                    }
                }
            }
        }
    }

    /** Runs each table's query; values[table][unit][column], 0 where a unit has no rows. */
    private double[][][] query(PackPlan plan, MapSqlParameterSource params, boolean oneUnit, int units,
                               Map<Long, Integer> unitIndex) {
        List<PackPlan.TableQuery> queries = plan.queries();
        double[][][] values = new double[queries.size()][][];
        if (beside && !oneUnit && queries.size() > 1 && isPostgres()
                && !TransactionSynchronizationManager.isActualTransactionActive()) {
            // the scope-wide person scan alone takes most of the time; the other tables' queries run beside it on
            // a second connection (each query already reads its own snapshot: read committed)
            int main = 0;
            for (int t = 1; t < queries.size(); t++) {
                if (queries.get(t).columns().size() > queries.get(main).columns().size()) {
                    main = t;
                }
            }
            int first = main;
            CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> readOnly.executeWithoutResult(s -> {
                tuneSession();
                for (int t = 0; t < queries.size(); t++) {
                    if (t != first) {
                        queryTable(queries.get(t), t, params, false, units, unitIndex, values);
                    }
                }
            }), BESIDE);
            try {
                readOnly.executeWithoutResult(s -> {
                    tuneSession();
                    queryTable(queries.get(first), first, params, false, units, unitIndex, values);
                });
            } catch (RuntimeException e) {
                rest.exceptionally(x -> null).join(); // its connection back before the caller goes on
                throw e;
            }
            try {
                rest.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            return values;
        }
        readOnly.executeWithoutResult(s -> {
            if (isPostgres()) {
                tuneSession();
            }
            for (int t = 0; t < queries.size(); t++) {
                queryTable(queries.get(t), t, params, oneUnit, units, unitIndex, values);
            }
        });
        return values;
    }

    /**
     * For the current transaction only: PostgreSQL's JIT off (it compiles the hundreds of expressions of these
     * queries on every run, which costs more than it saves: about twice slower), and work_mem raised so that the
     * hash of a million persons and the grouping stay in memory (with the default 4 MB they spilled to disk in
     * batches; ADR 054).
     */
    private void tuneSession() {
        jdbc.getJdbcTemplate().execute("set local jit = off");
        if (!workMemory.isBlank()) {
            jdbc.getJdbcTemplate().execute("set local work_mem = '" + workMemory + "'");
        }
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(jdbc.getJdbcTemplate().execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
        }
        return postgres;
    }

    private void queryTable(PackPlan.TableQuery query, int t, MapSqlParameterSource params, boolean oneUnit,
                            int units, Map<Long, Integer> unitIndex, double[][][] values) {
        int columns = query.columns().size();
        double[][] table = new double[units][columns];
        values[t] = table;
        long start = System.nanoTime();
        jdbc.query(query.sql(oneUnit), params, rs -> {
            Integer u = unitIndex.get(rs.getLong(1));
            if (u != null) {
                double[] row = table[u];
                for (int c = 0; c < columns; c++) {
                    row[c] = rs.getDouble(c + 2);
                }
            }
        });
        if (!oneUnit) {
            log.debug("{} query: {} aggregates, {} ms", query.table(), columns, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
