package cn.zugong.indicator.reference;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.indicator.IndicatorResult;
import cn.zugong.indicator.reference.ReferenceEvaluator.Result;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContextManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The differential test of issue 15 (part 5): random cities ({@link RandomRosters}) evaluated by the SQL
 * engine through {@link Evaluations} and by the plain-Java {@link ReferenceEvaluator}, compared for every
 * unit and roll-up on numerator, denominator, value and colour, on dates inside the histories. A jqwik
 * property whose input is the generator's seed (printed with every difference and by jqwik on failure);
 * {@code -Dreference.seed=N} shifts every city's seed (another sample of cities), {@code
 * -Djqwik.tries.default=N} sets how many cities. The Spring context is the module test's, prepared by
 * Spring's TestContextManager (jqwik does not run JUnit Jupiter extensions).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"people", "shared"})
@Import({TestDatabase.class, TestClock.Config.class})
class ReferenceDifferentialIT {

    static final String SEED_PROPERTY = "reference.seed";
    static final double TOLERANCE = 0.001;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "indicator_reference");
    }

    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Evaluations evaluations;
    @Autowired IndicatorPacks packs;

    /** One difference: where, and both sides as printed. */
    record Difference(long seed, LocalDate asOf, LocalDateTime knownAt, String node, String code, String engine,
                      String reference) {
        @Override
        public String toString() {
            return code + " " + node + " as of " + asOf + " known at " + knownAt + " (seed " + seed + "): engine "
                    + engine + " | reference " + reference;
        }
    }

    // results over the whole property, for the report after the last city
    private static final List<Difference> DIFFERENCES = new ArrayList<>();
    private static final int[] COUNTS = new int[3];    // cities, evaluations, cells compared
    private static final AtomicInteger CITY = new AtomicInteger();

    /** jqwik runs the property, Spring's test context (cached like any module test's) autowires it. */
    @BeforeProperty
    void springContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
    }

    /**
     * For random cities (the generator's seed is the property's input; jqwik prints it and the run's seed on
     * failure), the engine's numerator, denominator, value and colour of every unit and roll-up equal the
     * reference's on every as-of date of the city as known now, and on the last date as known just before a
     * later correction (known at). Tries: {@code -Djqwik.tries.default=N} (12 by default).
     */
    @Property(seed = "1520261204", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void theEngineAgreesWithTheReference(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long citySeed) {
        IndicatorPack pack = packs.latest("healthcheck");
        assertThat(ReferenceEvaluator.definitions().keySet())
                .as("every indicator of the pack has a reference definition, and nothing else")
                .containsExactlyInAnyOrderElementsOf(pack.indicators().stream().map(i -> i.code()).toList());
        FixtureWriter writer = new FixtureWriter(org, tree, jdbc, new TransactionTemplate(transactions));
        long seed = citySeed + Long.getLong(SEED_PROPERTY, 0);
        int t = CITY.getAndIncrement();
        LocalDateTime now = TestClock.START;
        List<Difference> differences = new ArrayList<>();
        RandomRosters.Case c = RandomRosters.generate(seed, "RF" + t, 1_000_000L * (t + 1));
        Roster roster = c.roster();
        Map<String, Long> ids = writer.writeOrg(roster);
        writer.writePeople(roster, ids, now);
        OrgScope scope = tree.scopeOf(ids.get(roster.cityCode()));
        List<Map.Entry<LocalDate, LocalDateTime>> runs = new ArrayList<>();
        c.asOfDates().forEach(d -> runs.add(Map.entry(d, now)));
        beforeACorrection(roster, seed).ifPresent(k -> runs.add(Map.entry(c.asOfDates().get(c.asOfDates().size() - 1), k)));
        for (var run : runs) {
            LocalDate asOf = run.getKey();
            LocalDateTime knownAt = run.getValue();
            Evaluation e = evaluations.evaluate(asOf, knownAt, pack.id(), scope, "reference");
            COUNTS[1]++;
            Map<String, Map<String, Result>> expected = ReferenceEvaluator.evaluate(roster, pack, asOf, knownAt);
            for (var node : expected.entrySet()) {
                Map<String, IndicatorResult> actual = new HashMap<>();
                evaluations.results(e.id(), ids.get(node.getKey()), scope).forEach(r -> actual.put(r.indicatorCode(), r));
                Set<String> codes = new LinkedHashSet<>(node.getValue().keySet());
                codes.addAll(actual.keySet());
                for (String code : codes) {
                    COUNTS[2]++;
                    Result ref = node.getValue().get(code);
                    IndicatorResult eng = actual.get(code);
                    if (!agree(eng, ref)) {
                        differences.add(new Difference(seed, asOf, knownAt, node.getKey(), code, show(eng), show(ref)));
                    }
                }
            }
        }
        COUNTS[0]++;
        synchronized (DIFFERENCES) {
            DIFFERENCES.addAll(differences);
        }
        differences.stream().limit(20).forEach(d -> System.out.println("  DIFFERENCE " + d));
        assertThat(differences.size()).as("city seed " + seed + ": engine and reference differ; first: "
                + differences.stream().limit(5).toList()).isZero();
    }

    /**
     * Just before a correction recorded later (a superseded version or fact), so that the evaluation known
     * then sees the old row; empty when the city has no correction.
     */
    static java.util.Optional<LocalDateTime> beforeACorrection(Roster roster, long seed) {
        List<LocalDateTime> stamps = new ArrayList<>();
        roster.versions().forEach(v -> stamps.add(v.supersededAt()));
        roster.assessments().forEach(a -> stamps.add(a.period().supersededAt()));
        roster.trainings().forEach(x -> stamps.add(x.period().supersededAt()));
        List<LocalDateTime> corrections = stamps.stream().filter(x -> !x.equals(Roster.OPEN_TIME)).distinct().sorted()
                .toList();
        return corrections.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(corrections.get((int) Math.floorMod(seed, corrections.size())).minusSeconds(1));
    }

    @AfterContainer
    static void report() {
        report(COUNTS[0], COUNTS[1], COUNTS[2], DIFFERENCES);
    }

    static boolean agree(IndicatorResult e, Result r) {
        if (e == null || r == null) {
            return e == null && r == null;
        }
        return close(e.numerator(), r.num()) && close(e.denominator(), r.den())
                && close(e.value(), r.value() == null ? Double.NaN : r.value())
                && Objects.equals(e.colour(), r.colour());
    }

    private static boolean close(BigDecimal engine, double reference) {
        if (engine == null || Double.isNaN(reference)) {
            return engine == null && Double.isNaN(reference);
        }
        return Math.abs(engine.doubleValue() - reference) <= TOLERANCE;
    }

    private static String show(IndicatorResult e) {
        return e == null ? "(no result)" : plain(e.numerator()) + "/" + plain(e.denominator()) + " = "
                + plain(e.value()) + " " + e.colour();
    }

    private static String show(Result r) {
        return r == null ? "(no result)" : num(r.num()) + "/" + num(r.den()) + " = "
                + (r.value() == null ? "-" : num(r.value())) + " " + r.colour();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** Per code: how many node × date cells differ and the first one; then the unexpected ones in full. */
    private static void report(int cities, int evaluationsRun, int compared, List<Difference> differences) {
        Map<String, List<Difference>> byCode = new TreeMap<>();
        differences.forEach(d -> byCode.computeIfAbsent(d.code(), x -> new ArrayList<>()).add(d));
        StringBuilder out = new StringBuilder();
        out.append("Reference differential test: ").append(cities).append(" cities, ")
                .append(evaluationsRun).append(" evaluations, ").append(compared).append(" node × indicator cells, ")
                .append(differences.size()).append(" differ in ").append(byCode.size()).append(" indicators\n");
        byCode.forEach((code, list) -> out.append("  ").append(list.size()).append(" × ").append(list.get(0))
                .append('\n'));
        System.out.println(out);
    }
}
