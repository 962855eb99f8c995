package cn.zugong.rating.internal.cycle;

import cn.zugong.calendar.WorkCalendar;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.rating.Criterion;
import cn.zugong.rating.RatingResult;
import cn.zugong.rating.RatingRounds;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.RatingSchemes;
import cn.zugong.rating.internal.cycle.CycleModel.Entry;
import cn.zugong.rating.internal.cycle.CycleModel.Level;
import cn.zugong.rating.internal.cycle.CycleModel.Round;
import cn.zugong.rating.internal.cycle.CycleModel.Score;
import cn.zugong.rating.internal.cycle.CycleModel.Stage;
import cn.zugong.rating.internal.cycle.CycleModel.VetoRow;
import cn.zugong.rating.internal.cycle.CycleStore.ChangeRow;
import cn.zugong.rating.internal.cycle.CycleStore.ResultRow;
import cn.zugong.rating.internal.cycle.CycleStore.StepRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole rounds in batches (the demo): the review chain walked as the pages walk it — the same stages, levels
 * skipped the same way, every score change and step recorded — with the result from {@link RatingScheme#score}.
 */
@Service
class RoundSeeder implements RatingRounds {

    private final CycleStore store;
    private final RatingSchemes schemes;
    private final OrgTree tree;
    private final WorkCalendar calendar;
    private final cn.zugong.rating.internal.scheme.ComputedCriteria computed;

    RoundSeeder(CycleStore store, RatingSchemes schemes, OrgTree tree, WorkCalendar calendar,
                cn.zugong.rating.internal.scheme.ComputedCriteria computed) {
        this.computed = computed;
        this.store = store;
        this.schemes = schemes;
        this.tree = tree;
        this.calendar = calendar;
    }

    @Override
    public boolean hasRound(String nodeCode, String schemeCode, int year) {
        return tree.byCode(nodeCode).map(n -> store.roundExists(n.id(), schemeCode, year)).orElse(false);
    }

    @Override
    @Transactional
    public long open(String nodeCode, String schemeCode, String schemeVersion, int year, LocalDate selfDue,
                     LocalDate reviewDue, int publicityDays, String by, LocalDateTime at) {
        OrgNode node = tree.byCode(nodeCode).orElseThrow();
        RatingScheme scheme = schemes.find(schemeCode, schemeVersion).orElseThrow();
        long id = store.insertRound(node.id(), schemeCode, schemeVersion, year, year + "年度" + node.name()
                + scheme.name(), selfDue, reviewDue, publicityDays, by, at);
        store.insertEntries(id, tree.partyOrgs(node.asScope(), scheme.appliesTo()).stream().map(o -> o.node().id())
                .toList());
        return id;
    }

    @Override
    @Transactional
    public void seed(long roundId, List<SeedSheet> sheets, LocalDateTime at) {
        Round round = store.round(roundId).orElseThrow();
        RatingScheme scheme = schemes.find(round.schemeCode(), round.schemeVersion()).orElseThrow();
        Map<Long, Entry> entries = store.entries(roundId).stream().collect(Collectors.toMap(Entry::nodeId,
                Function.identity()));
        Map<String, Level> levelNodes = store.levelNodes(round.nodePath());
        List<Map.Entry<Long, Score>> scores = new ArrayList<>();
        List<ChangeRow> changes = new ArrayList<>();
        List<StepRow> steps = new ArrayList<>();
        List<Map.Entry<Long, VetoRow>> vetoes = new ArrayList<>();
        List<ResultRow> results = new ArrayList<>();
        // computed criteria: every metric once for all organisations (SQL first), stored with their values
        Map<Long, Map<String, cn.zugong.rating.internal.scheme.ComputedCriteria.Computed>> metrics =
                scheme.criteria().stream().anyMatch(Criterion::computed)
                        ? computed.compute(scheme, tree.byIds(sheets.stream().map(SeedSheet::orgNodeId).toList())
                        .values(), round.year()) : Map.of();
        for (SeedSheet sheet : sheets) {
            Entry e = entries.get(sheet.orgNodeId());
            if (e == null || sheet.selfPoints().isEmpty()) {
                continue;
            }
            Map<Stage, Level> levels = levels(e.nodePath(), levelNodes);
            List<Stage> chain = new ArrayList<>();
            chain.add(Stage.SELF);
            levels.keySet().stream().sorted().forEach(chain::add);
            chain.add(Stage.DONE);
            Stage target = Stage.valueOf(sheet.stage());
            while (!chain.contains(target)) {
                target = Stage.values()[target.ordinal() + 1];
            }
            int targetIndex = chain.indexOf(target);
            boolean returned = sheet.returnedReason() != null && target != Stage.DONE;
            // how far up the chain the sheet went: one level above the target when it came back from there
            int reached = returned ? Math.min(targetIndex + 1, chain.size() - 2) : targetIndex;
            if (returned && reached == targetIndex) {
                returned = false;
            }
            LocalDateTime t = at.plusHours(Math.floorMod(e.id(), 48));
            String self = "填报员";
            Map<String, BigDecimal> points = new HashMap<>();
            for (var p : sheet.selfPoints().entrySet()) {
                Criterion c = scheme.criterion(p.getKey()).orElseThrow();
                BigDecimal count = sheet.counts().get(p.getKey());
                BigDecimal v = c.counted() && count != null ? c.pointsForCount(count) : p.getValue().min(c.points());
                points.put(p.getKey(), v);
                changes.add(new ChangeRow(e.id(), p.getKey(), "SCORE", Stage.SELF, null, v, "自评", self, t));
            }
            Map<String, BigDecimal> metricValues = new HashMap<>();
            for (Criterion c : scheme.criteria()) {
                if (c.computed()) {
                    var m = metrics.getOrDefault(sheet.orgNodeId(), Map.of()).get(c.code());
                    points.put(c.code(), m == null ? BigDecimal.ZERO : m.points());
                    if (m != null) {
                        metricValues.put(c.code(), m.value());
                    }
                }
            }
            Map<String, BigDecimal> claimed = Map.copyOf(points);
            final LocalDateTime filled = t;
            BigDecimal selfTotal = scheme.score(points, java.util.Set.of()).points();
            if (reached == 0) {
                claimed.forEach((code, v) -> scores.add(Map.entry(e.id(), new Score(code, v, v,
                        metricValues.getOrDefault(code, sheet.counts().get(code)), null, self, filled))));
                RatingResult r = scheme.score(points, java.util.Set.of());
                results.add(new ResultRow(e.id(), Stage.SELF, selfTotal, r.points(), r.stars(), r.strongParty(),
                        r.strongDevelopment(), r.vetoed(), self, t));
                continue;
            }
            // submitted, then up the chain to `reached`
            Map<String, String> vetoed = new HashMap<>();
            t = t.plusDays(3);
            steps.add(new StepRow(e.id(), chain.get(1) == Stage.DONE ? "CONFIRM" : "SUBMIT", Stage.SELF, chain.get(1),
                    null, self, t));
            for (int i = 1; i < reached; i++) {
                Stage at1 = chain.get(i);
                String actor = actor(levels.get(at1));
                t = t.plusDays(4);
                if (i == 1) {
                    for (var a : sheet.adjusted().entrySet()) {
                        BigDecimal before = points.get(a.getKey());
                        points.put(a.getKey(), a.getValue());
                        changes.add(new ChangeRow(e.id(), a.getKey(), "SCORE", at1, before, a.getValue(),
                                sheet.adjustReason(), actor, t));
                    }
                    for (var v : sheet.vetoes().entrySet()) {
                        vetoed.put(v.getKey(), v.getValue());
                        vetoes.add(Map.entry(e.id(), new VetoRow(v.getKey(), v.getValue(), actor, t)));
                        changes.add(new ChangeRow(e.id(), v.getKey(), "VETO", at1, BigDecimal.ZERO, BigDecimal.ONE,
                                v.getValue(), actor, t));
                    }
                }
                Stage to = chain.get(i + 1);
                steps.add(new StepRow(e.id(), to == Stage.DONE ? "CONFIRM" : "APPROVE", at1, to, null, actor, t));
            }
            if (returned) {
                Stage from = chain.get(reached);
                t = t.plusDays(2);
                steps.add(new StepRow(e.id(), "RETURN", from, target, sheet.returnedReason(), actor(levels.get(from)),
                        t));
            }
            // the corrected sheet keeps its scores: the adjusted points hold from the first level on
            claimed.forEach((code, v) -> scores.add(Map.entry(e.id(), new Score(code, points.get(code), v,
                    metricValues.getOrDefault(code, sheet.counts().get(code)), null, self, filled))));
            RatingResult r = scheme.score(points, vetoed.keySet());
            results.add(new ResultRow(e.id(), target, selfTotal, r.points(), r.stars(), r.strongParty(),
                    r.strongDevelopment(), r.vetoed(), "演示", t));
        }
        store.insertScores(scores);
        store.insertChanges(changes);
        store.insertSteps(steps);
        store.insertVetoes(vetoes);
        store.updateResults(results);
    }

    @Override
    @Transactional
    public void publish(long roundId, LocalDate from, List<SeedObjection> objections, String by) {
        Round round = store.round(roundId).orElseThrow();
        LocalDate start = calendar.onOrNextWorkday(from);
        LocalDate to = calendar.plusWorkdays(start, round.publicityDays());
        store.setPublicity(roundId, round.version(), start, to);
        Map<Long, Entry> entries = store.entries(roundId).stream().collect(Collectors.toMap(Entry::nodeId,
                Function.identity()));
        List<StepRow> steps = new ArrayList<>();
        for (SeedObjection o : objections) {
            Entry e = entries.get(o.orgNodeId());
            if (e == null) {
                continue;
            }
            LocalDateTime raised = start.plusDays(1).atTime(9, 0);
            long id = store.insertObjection(e.id(), raised.toLocalDate(), o.raisedBy(), o.content(), by, raised);
            store.answerObjection(id, o.answer(), o.upheld(), by, raised.plusDays(1));
            steps.add(new StepRow(e.id(), "OBJECTION", Stage.DONE, Stage.DONE, o.content(), by, raised));
            steps.add(new StepRow(e.id(), "ANSWER", Stage.DONE, Stage.DONE, (o.upheld() ? "异议成立：" : "异议不成立：")
                    + o.answer(), by, raised.plusDays(1)));
        }
        LocalDateTime published = calendar.onOrNextWorkday(to.plusDays(1)).atTime(10, 0);
        store.setPublished(roundId, round.version() + 1, published);
        store.publishEntries(roundId);
        entries.values().forEach(e -> steps.add(new StepRow(e.id(), "PUBLISH", Stage.DONE, Stage.DONE, null, by,
                published)));
        store.insertSteps(steps);
    }

    @Override
    @Transactional
    public void withdraw(long roundId, long orgNodeId, int stars, String reason, String by, LocalDateTime at) {
        Entry e = store.entries(roundId).stream().filter(x -> x.nodeId() == orgNodeId).findFirst().orElseThrow();
        int before = e.stars() == null ? 0 : e.stars();
        store.updateStars(e.id(), e.version(), stars, true, by, at);
        store.insertChanges(List.of(new ChangeRow(e.id(), null, "STARS", Stage.DONE, BigDecimal.valueOf(before),
                BigDecimal.valueOf(stars), reason, by, at)));
        store.insertSteps(List.of(new StepRow(e.id(), "WITHDRAW", Stage.DONE, Stage.DONE, reason, by, at)));
    }

    /** The township, county and city ancestors of a path among the round's level nodes. */
    static Map<Stage, Level> levels(String path, Map<String, Level> levelNodes) {
        Map<Stage, Level> out = new EnumMap<>(Stage.class);
        int i = path.indexOf('/', 1);
        while (i > 0) {
            Level l = levelNodes.get(path.substring(0, i + 1));
            if (l != null && i + 1 < path.length()) {
                out.put(l.stage(), l);
            }
            i = path.indexOf('/', i + 1);
        }
        return out;
    }

    private static String actor(Level level) {
        return level == null ? "演示" : level.nodeName() + "审核";
    }
}
