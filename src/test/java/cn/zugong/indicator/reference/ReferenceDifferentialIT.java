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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
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

    /**
     * TEMPORARY, until the as-of work of issue 15 is merged: the engine on this branch reads {@code person}
     * and every fact row, not the versions as of the date. While false, the fixture writes {@code person}
     * as it was on each evaluated date (and only the facts valid then), so that the comparison tests the
     * definitions; after the merge make it true (or run with -Dreference.engineReadsHistory=true) and the
     * fixture writes today's state and all history.
     */
    static final boolean ENGINE_READS_HISTORY = Boolean.getBoolean("reference.engineReadsHistory");

    /**
     * TEMPORARY, until the pack's corrected definitions (DEFINITIONS15) and the as-of engine are merged:
     * codes whose engine results are known to differ from the reference on this branch. Empty it after
     * the merge; the test prints the codes of this list that did not differ, so it can shrink.
     */
    static final Set<String> EXPECTED_DIFFERENCES_UNTIL_MERGE = Set.copyOf(codes(
            // item 1: 超编/超职数 and 空编/空缺 take the positive part per unit, roll-ups sum them
            "B0101", "B0102", "B0103", "B0205", "B0206", "B0207", "B0208", "B0210", "B0211",
            "B0219", "B0220", "B0221", "B0222", "B0223", "B0224", "B0225",
            // item 2: C0610 due for a result only after serving the whole of last year, never negative
            "C0610",
            // item 3: average ages in 周岁
            "A0113", "A0114", "A0115", "A0116", "A0709", "A0710", "A0711", "B0607",
            // item 4: rewards and discipline 近三年 = Y−2 … Y
            "C0401", "C0402", "C0403", "C0404", "C0405", "C0408", "C0409", "C0410", "C0411",
            "C0501", "C0502", "C0504", "C0505", "C0506", "C0507", "C0508", "C0509", "C0510", "C0511", "C0512",
            // item 5: 前两年度 = Y−2 and Y−1; 前三年度 = Y−3 … Y−1
            "C0206", "C0207", "C0208", "C0209", "C0210", "C0211", "C0212", "C0213", "C0214", "C0215",
            // items 6 and 7: A0119 past the statutory date; women 县处级 cadres retire at 60
            // (B0709 and A0119 also count a retirement date equal to D as reached; the 未来 windows start after D)
            "A0119", "B0701", "B0702", "B0703", "B0704", "B0705", "B0706", "B0707", "B0708", "B0709", "B0710",
            "B0711", "B0712", "B0713", "B0714",
            // found by this test, not yet fixed in the pack: assessments' 近三年 (Y−3 … Y−1, item 4) is written
            // "year >= eval_year - 3" with no upper bound, so an assessment of the evaluation year decided in
            // its December (as of Dec 20–31) is counted as a fourth year
            "C0216", "C0217", "C0218", "C0303", "C0306", "C0307", "C0310"));

    /**
     * TEMPORARY, with the list above: the reference with those codes' legacy meanings (LegacyDefinitions).
     * The engine must equal it on every expected code, so that each expected difference is explained by
     * the known change of definition and by nothing else.
     */
    static final Map<String, java.util.function.Function<UnitView, Cell>> LEGACY =
            LegacyDefinitions.overlay(ReferenceEvaluator.definitions());

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
    record Difference(long seed, LocalDate asOf, String node, String code, String engine, String reference) {
        @Override
        public String toString() {
            return code + " " + node + " as of " + asOf + " (seed " + seed + "): engine " + engine + " | reference "
                    + reference;
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
     * reference's on every as-of date of the city, except on the codes still expected to differ — and there
     * they equal the codes' legacy meanings. Tries: {@code -Djqwik.tries.default=N} (12 by default).
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
        LocalDateTime knownAt = TestClock.START;
        List<Difference> differences = new ArrayList<>();
        List<Difference> unexplained = new ArrayList<>();
        RandomRosters.Case c = RandomRosters.generate(seed, "RF" + t, 1_000_000L * (t + 1));
        Roster roster = c.roster();
        Map<String, Long> ids = writer.writeOrg(roster);
        if (ENGINE_READS_HISTORY) {
            writer.writePeople(roster, ids, null, knownAt.toLocalDate(), knownAt);
        }
        OrgScope scope = tree.scopeOf(ids.get(roster.cityCode()));
        for (LocalDate asOf : c.asOfDates()) {
            if (!ENGINE_READS_HISTORY) {
                writer.writePeople(roster, ids, asOf, knownAt.toLocalDate(), knownAt);
            }
            Evaluation e = evaluations.evaluate(asOf, pack.id(), scope, "reference");
            COUNTS[1]++;
            Map<String, Map<String, Result>> expected = ReferenceEvaluator.evaluate(roster, pack, asOf, knownAt);
            Map<String, Map<String, Result>> legacy = ReferenceEvaluator.evaluate(roster, pack, asOf, knownAt, LEGACY);
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
                        differences.add(new Difference(seed, asOf, node.getKey(), code, show(eng), show(ref)));
                    }
                    Result old = legacy.get(node.getKey()).get(code);
                    if (EXPECTED_DIFFERENCES_UNTIL_MERGE.contains(code) && !agree(eng, old)) {
                        unexplained.add(new Difference(seed, asOf, node.getKey(), code, show(eng),
                                "legacy meaning " + show(old)));
                    }
                }
            }
        }
        COUNTS[0]++;
        synchronized (DIFFERENCES) {
            DIFFERENCES.addAll(differences);
        }
        List<Difference> unexpected = differences.stream()
                .filter(d -> !EXPECTED_DIFFERENCES_UNTIL_MERGE.contains(d.code())).toList();
        unexpected.stream().limit(20).forEach(d -> System.out.println("  UNEXPECTED " + d));
        unexplained.stream().limit(20).forEach(d -> System.out.println("  UNEXPLAINED " + d));
        assertThat(unexplained.size()).as("city seed " + seed + ": expected differences not explained by the legacy "
                + "meaning; first: " + unexplained.stream().limit(5).toList()).isZero();
        assertThat(unexpected.size()).as("city seed " + seed + ": differences outside "
                + "EXPECTED_DIFFERENCES_UNTIL_MERGE; first: " + unexpected.stream().limit(5).toList()).isZero();
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
        byCode.forEach((code, list) -> out.append(EXPECTED_DIFFERENCES_UNTIL_MERGE.contains(code) ? "  expected   "
                : "  UNEXPECTED ").append(list.size()).append(" × ").append(list.get(0)).append('\n'));
        Set<String> quiet = new TreeSet<>(EXPECTED_DIFFERENCES_UNTIL_MERGE);
        quiet.removeAll(byCode.keySet());
        out.append("  expected but not seen differing: ").append(quiet).append('\n');
        System.out.println(out);
    }

    private static List<String> codes(String... codes) {
        Set<String> seen = new HashSet<>();
        for (String c : codes) {
            if (!seen.add(c)) {
                throw new IllegalArgumentException("listed twice: " + c);
            }
        }
        return Stream.of(codes).toList();
    }
}
