package cn.zugong.rating.internal.cycle;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.PartyOrg;
import cn.zugong.rating.Criterion;
import cn.zugong.rating.CriterionKind;
import cn.zugong.rating.RatingResult;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.RatingSchemes;
import cn.zugong.rating.internal.cycle.CycleModel.Entry;
import cn.zugong.rating.internal.cycle.CycleModel.Evidence;
import cn.zugong.rating.internal.cycle.CycleModel.Level;
import cn.zugong.rating.internal.cycle.CycleModel.Objection;
import cn.zugong.rating.internal.cycle.CycleModel.Round;
import cn.zugong.rating.internal.cycle.CycleModel.Score;
import cn.zugong.rating.internal.cycle.CycleModel.Stage;
import cn.zugong.rating.internal.cycle.CycleModel.Status;
import cn.zugong.rating.internal.cycle.CycleStore.ChangeRow;
import cn.zugong.rating.internal.cycle.CycleStore.StepRow;
import cn.zugong.rating.internal.cycle.CycleModel.VetoRow;
import cn.zugong.rating.internal.scheme.ComputedCriteria;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.Role;
import cn.zugong.shared.Upload;
import cn.zugong.shared.UploadedFiles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly cycle of a rating (ADR 062, 064): rounds and their entries, the score sheet, the review chain
 * SELF → TOWNSHIP → COUNTY → CITY → DONE (levels the organisation has no ancestor at inside the round's scope are
 * skipped), vetoes, 公示 with objections, publication and 摘星. Every score, veto and star change is a
 * rating_score_change row and every step a rating_step row; entries and rounds carry a version (optimistic locking).
 */
@Service
public class RatingCycle {

    static final Set<String> EVIDENCE_TYPES = Set.of("pdf", "jpg", "jpeg", "png", "docx", "xlsx");
    static final long MAX_EVIDENCE = 10L * 1024 * 1024;

    /** A new round as the form gives it. */
    record NewRound(String scheme, Integer year, LocalDate selfDue, LocalDate reviewDue, Integer publicityDays) {
    }

    /** A score sheet with everything its page shows and who may do what on it. */
    record Sheet(Round round, Entry entry, RatingScheme scheme, Map<String, Score> scores,
                 Map<String, ComputedCriteria.Computed> computed, RatingResult result, String title,
                 Map<Stage, Level> levels, List<Stage> chain, Map<String, VetoRow> vetoes,
                 List<CycleModel.Change> changes, List<CycleModel.Step> steps, List<Evidence> evidence,
                 List<Objection> objections, boolean maySelf, boolean mayReview, boolean mayPublicity,
                 boolean mayWithdraw) {

        public boolean mayEdit() {
            return maySelf || mayReview || (mayPublicity && round.status() == Status.PUBLICITY);
        }
    }

    private final CycleStore store;
    private final RatingSchemes schemes;
    private final ComputedCriteria computed;
    private final OrgTree tree;
    private final WorkCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    RatingCycle(CycleStore store, RatingSchemes schemes, ComputedCriteria computed, OrgTree tree,
                WorkCalendar calendar, AuditTrail audit, Clock clock) {
        this.store = store;
        this.schemes = schemes;
        this.computed = computed;
        this.tree = tree;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    // ================================================================ reading

    static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色无权访问星级评定");
        }
    }

    public List<Round> rounds(CurrentUser user) {
        requireOffice(user);
        return store.rounds(user.scope());
    }

    /** A round the caller takes part in (run inside the scope or above it); 404 otherwise. */
    public Round round(long id, CurrentUser user) {
        requireOffice(user);
        Round r = store.round(id).orElseThrow(() -> notFound("评定轮次", id));
        if (!user.scope().contains(r.nodePath()) && !user.scope().path().startsWith(r.nodePath())) {
            throw notFound("评定轮次", id);
        }
        return r;
    }

    public RatingScheme scheme(Round r) {
        return schemes.find(r.schemeCode(), r.schemeVersion())
                .orElseThrow(() -> new IllegalStateException("scheme file missing: " + r.schemeCode() + "@" + r.schemeVersion()));
    }

    public PageResult<Entry> entries(Round r, Stage stage, Long underId, Integer page, Integer size, CurrentUser user) {
        String under = null;
        if (underId != null) {
            under = tree.byId(underId).filter(n -> n.path().startsWith(r.nodePath())).map(OrgNode::path).orElse(null);
        }
        return store.entries(r.id(), user.scope(), stage, under, PageResult.clampPage(page),
                PageResult.clampSize(size));
    }

    public Map<Stage, Long> stageCounts(Round r, CurrentUser user) {
        return store.stageCounts(r.id(), user.scope());
    }

    public Map<Integer, Long> starCounts(Round r, CurrentUser user) {
        return store.starCounts(r.id(), user.scope());
    }

    public Map<Long, String> lastReturns(List<Entry> entries) {
        return store.lastReturns(entries.stream().map(Entry::id).toList());
    }

    public List<Objection> roundObjections(Round r, CurrentUser user) {
        return store.roundObjections(r.id(), user.scope());
    }

    /** The districts (counties, or the townships of a county round) a round's list can be filtered by. */
    public List<OrgNode> districts(Round r) {
        OrgNode node = tree.byId(r.nodeId()).orElseThrow();
        return tree.children(node.id(), node.asScope()).stream().filter(n -> n.kind().isDivision()).toList();
    }

    /** An entry inside the caller's scope, of a round the caller takes part in; 404 otherwise. */
    public Entry entry(long id, CurrentUser user) {
        requireOffice(user);
        Entry e = store.entry(id).orElseThrow(() -> notFound("评分表", id));
        if (!user.scope().contains(e.nodePath())) {
            throw notFound("评分表", id);
        }
        return e;
    }

    public Sheet sheet(long id, CurrentUser user) {
        Entry e = entry(id, user);
        Round r = store.round(e.roundId()).orElseThrow();
        return sheet(r, e, user);
    }

    private Sheet sheet(Round r, Entry e, CurrentUser user) {
        RatingScheme scheme = scheme(r);
        Map<String, Score> scores = store.scores(e.id());
        Map<String, ComputedCriteria.Computed> live = liveComputed(r, scheme, e, scores);
        Map<String, VetoRow> vetoes = store.vetoes(e.id());
        RatingResult result = scheme.score(pointsOf(scheme, scores, live), vetoes.keySet());
        Map<Stage, Level> levels = store.levels(e.nodePath(), r.nodePath());
        List<Stage> chain = new ArrayList<>();
        chain.add(Stage.SELF);
        for (Stage s : List.of(Stage.TOWNSHIP, Stage.COUNTY, Stage.CITY)) {
            if (levels.containsKey(s)) {
                chain.add(s);
            }
        }
        chain.add(Stage.DONE);
        boolean assessing = r.status() == Status.ASSESSING;
        boolean maySelf = assessing && e.stage() == Stage.SELF && isSelf(user, e);
        boolean mayReview = assessing && isReviewer(user, e, levels);
        boolean roundAdmin = isRoundAdmin(user, r);
        boolean mayWithdraw = r.status() == Status.PUBLISHED && mayWithdraw(user, r, levels);
        return new Sheet(r, e, scheme, scores, live, result, scheme.title(result.stars(), result.doubleStrong()),
                levels, chain, vetoes, store.changes(e.id()), store.steps(e.id()), store.evidence(e.id()),
                store.objections(e.id()), maySelf, mayReview, roundAdmin, mayWithdraw);
    }

    /** Computed criteria as the sheet shows them: stored once computed, live while the sheet is still open. */
    private Map<String, ComputedCriteria.Computed> liveComputed(Round r, RatingScheme scheme, Entry e,
                                                               Map<String, Score> scores) {
        Map<String, ComputedCriteria.Computed> out = new HashMap<>();
        boolean any = scheme.criteria().stream().anyMatch(Criterion::computed);
        if (!any) {
            return out;
        }
        boolean stored = scheme.criteria().stream().filter(Criterion::computed).anyMatch(c -> scores.containsKey(c.code()));
        if (stored || r.status() != Status.ASSESSING) {
            scheme.criteria().stream().filter(Criterion::computed).forEach(c -> {
                Score s = scores.get(c.code());
                if (s != null) {
                    out.put(c.code(), new ComputedCriteria.Computed(s.value(), s.points()));
                }
            });
            return out;
        }
        OrgNode org = tree.byId(e.nodeId()).orElseThrow();
        return computed.compute(scheme, List.of(org), r.year()).getOrDefault(org.id(), Map.of());
    }

    public byte[] evidenceContent(long entryId, long evidenceId, CurrentUser user) {
        Entry e = entry(entryId, user);
        return store.evidenceContent(e.id(), evidenceId).orElseThrow(() -> notFound("佐证材料", evidenceId));
    }

    public Evidence evidenceRow(long entryId, long evidenceId, CurrentUser user) {
        Entry e = entry(entryId, user);
        return store.evidence(e.id()).stream().filter(x -> x.id() == evidenceId).findFirst()
                .orElseThrow(() -> notFound("佐证材料", evidenceId));
    }

    /** The 公示 list: every entry of the round inside the caller's scope, with its result. */
    public List<Entry> publicityList(Round r, CurrentUser user) {
        return store.entries(r.id(), user.scope(), null, null, 1, 100_000).items();
    }

    // ================================================================ who may act

    /** At SELF: a REPORTER or ADMIN whose scope holds the organisation. */
    static boolean isSelf(CurrentUser user, Entry e) {
        return (user.role() == Role.ADMIN || user.role() == Role.REPORTER) && user.scope().contains(e.nodePath());
    }

    /** At a review stage: an ADMIN or REVIEWER whose scope node is the organisation's ancestor of that level. */
    static boolean isReviewer(CurrentUser user, Entry e, Map<Stage, Level> levels) {
        Level level = levels.get(e.stage());
        return level != null && (user.role() == Role.ADMIN || user.role() == Role.REVIEWER)
                && user.scope().nodeId() == level.nodeId();
    }

    /** 公示, objections, publication: the ADMIN of the node that runs the round. */
    static boolean isRoundAdmin(CurrentUser user, Round r) {
        return user.role() == Role.ADMIN && user.scope().nodeId() == r.nodeId();
    }

    /** 摘星 and restoring: the ADMIN of the round's node or of the organisation's county. */
    static boolean mayWithdraw(CurrentUser user, Round r, Map<Stage, Level> levels) {
        Level county = levels.get(Stage.COUNTY);
        return user.role() == Role.ADMIN && (user.scope().nodeId() == r.nodeId()
                || (county != null && user.scope().nodeId() == county.nodeId()));
    }

    // ================================================================ rounds

    @Transactional
    public Round create(NewRound form, CurrentUser user) {
        requireOffice(user);
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("只有组织部管理员可以发起年度评定");
        }
        OrgNode node = tree.byId(user.scope().nodeId()).orElseThrow();
        if (node.kind() != NodeKind.CITY && node.kind() != NodeKind.COUNTY) {
            throw new ForbiddenException("年度评定由市委或县（市、区）委组织部发起");
        }
        List<String> errors = new ArrayList<>();
        RatingScheme scheme = null;
        if (form.scheme() == null || form.scheme().isBlank()) {
            errors.add("评定方案：请选择");
        } else {
            String[] parts = form.scheme().split("@", 2);
            scheme = parts.length == 2 ? schemes.find(parts[0], parts[1]).orElse(null) : null;
            if (scheme == null) {
                errors.add("评定方案：没有“" + form.scheme() + "”");
            }
        }
        if (form.year() == null || form.year() < 2000 || form.year() > 2100) {
            errors.add("年度：请填写 2000 至 2100 之间的年份");
        }
        int days = form.publicityDays() == null ? 5 : form.publicityDays();
        if (days < 1 || days > 30) {
            errors.add("公示天数：1 至 30 个工作日");
        }
        if (form.selfDue() != null && form.reviewDue() != null && form.reviewDue().isBefore(form.selfDue())) {
            errors.add("审核截止日期不能早于自评截止日期");
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(String.join("；", errors));
        }
        if (store.roundExists(node.id(), scheme.code(), form.year())) {
            throw new ConflictException(node.name() + " " + form.year() + " 年度的“" + scheme.name() + "”已经发起");
        }
        String name = form.year() + "年度" + node.name() + scheme.name();
        long id = store.insertRound(node.id(), scheme.code(), scheme.version(), form.year(),
                name.length() > 100 ? name.substring(0, 100) : name, form.selfDue(), form.reviewDue(), days,
                user.username(), LocalDateTime.now(clock));
        List<PartyOrg> orgs = tree.partyOrgs(node.asScope(), scheme.appliesTo());
        store.insertEntries(id, orgs.stream().map(o -> o.node().id()).toList());
        audit.record(AuditEvent.of(AuditAction.CREATE, "rating_round", id, "发起年度评定：" + name + "，"
                + orgs.size() + " 个党组织"));
        return store.round(id).orElseThrow();
    }

    @Transactional
    public Round startPublicity(long roundId, LocalDate from, Integer version, CurrentUser user) {
        Round r = round(roundId, user);
        if (!isRoundAdmin(user, r)) {
            throw new ForbiddenException("公示由发起评定的" + r.nodeName() + "组织部管理员启动");
        }
        checkVersion(version, r.version());
        if (r.status() != Status.ASSESSING) {
            throw new ConflictException("本轮评定已在" + r.status().label() + "状态");
        }
        long open = store.notDone(r.id());
        if (open > 0) {
            throw new ConflictException("还有 " + open + " 个党组织的评分表未审定，不能公示");
        }
        LocalDate start = calendar.onOrNextWorkday(from == null ? LocalDate.now(clock) : from);
        LocalDate to = calendar.plusWorkdays(start, r.publicityDays());
        if (store.setPublicity(r.id(), r.version(), start, to) != 1) {
            throw conflict();
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "rating_round", r.id(), "启动公示：" + r.name() + "，" + start
                + " 至 " + to));
        return store.round(r.id()).orElseThrow();
    }

    @Transactional
    public Round publish(long roundId, Integer version, CurrentUser user) {
        Round r = round(roundId, user);
        if (!isRoundAdmin(user, r)) {
            throw new ForbiddenException("评定结果由发起评定的" + r.nodeName() + "组织部管理员发布");
        }
        checkVersion(version, r.version());
        if (r.status() != Status.PUBLICITY) {
            throw new ConflictException("只有公示中的评定可以发布，当前为" + r.status().label());
        }
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(r.publicityTo())) {
            throw new ConflictException("公示期至 " + r.publicityTo() + "，期满后方可发布");
        }
        long open = store.unansweredObjections(r.id());
        if (open > 0) {
            throw new ConflictException("还有 " + open + " 件异议未答复，不能发布");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (store.setPublished(r.id(), r.version(), now) != 1) {
            throw conflict();
        }
        store.publishEntries(r.id());
        store.insertSteps(store.entries(r.id()).stream()
                .map(e -> new StepRow(e.id(), "PUBLISH", Stage.DONE, Stage.DONE, null, user.username(), now)).toList());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "rating_round", r.id(), "发布评定结果：" + r.name()));
        return store.round(r.id()).orElseThrow();
    }

    // ================================================================ the score sheet

    /**
     * Saves scores as typed (criterion code → text): at SELF by the organisation, at a review stage by the reviewer
     * (reason required), during 公示 by the city (an upheld objection; reason required). Every value is checked
     * first — a value above the cap is refused naming the criterion — and nothing is saved when one is wrong.
     */
    @Transactional
    public Entry saveScores(long entryId, Map<String, String> typed, String reason, Integer version, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        Map<Stage, Level> levels = store.levels(e.nodePath(), r.nodePath());
        boolean self = r.status() == Status.ASSESSING && e.stage() == Stage.SELF;
        if (r.status() == Status.ASSESSING) {
            if (self ? !isSelf(user, e) : !isReviewer(user, e, levels)) {
                throw new ForbiddenException(refusal(e, levels));
            }
        } else if (!(r.status() == Status.PUBLICITY && isRoundAdmin(user, r))) {
            throw new ForbiddenException("本轮评定" + r.status().label() + "，评分不能再修改");
        }
        checkVersion(version, e.version());
        String why = reason == null ? "" : reason.strip();
        if (!self && why.isEmpty()) {
            throw new BadRequestException("修改评分须填写理由");
        }
        RatingScheme scheme = scheme(r);
        Map<String, Score> before = store.scores(e.id());
        List<String> errors = new ArrayList<>();
        Map<String, BigDecimal[]> parsed = new LinkedHashMap<>(); // code → {points, value}
        for (var t : typed.entrySet()) {
            String raw = t.getValue() == null ? "" : t.getValue().strip();
            Criterion c = scheme.criterion(t.getKey()).orElse(null);
            if (c == null) {
                errors.add("没有评分项“" + t.getKey() + "”");
                continue;
            }
            if (raw.isEmpty()) {
                continue;
            }
            String label = "“" + c.code() + " " + c.name() + "”";
            if (c.computed()) {
                errors.add(label + "由平台数据自动计算，不能填写");
                continue;
            }
            BigDecimal v;
            try {
                v = new BigDecimal(raw);
            } catch (NumberFormatException ex) {
                errors.add(label + "：“" + raw + "”不是数字");
                continue;
            }
            if (v.signum() < 0) {
                errors.add(label + "：不能为负数");
                continue;
            }
            if (v.scale() > 2) {
                errors.add(label + "：最多两位小数");
                continue;
            }
            if (c.counted()) {
                if (v.stripTrailingZeros().scale() > 0) {
                    errors.add(label + "：请填写项数（整数）");
                    continue;
                }
                parsed.put(c.code(), new BigDecimal[] {c.pointsForCount(v), v});
            } else {
                if (v.compareTo(c.points()) > 0) {
                    errors.add(label + "最多" + (c.kind() == CriterionKind.DEDUCTION ? "扣" : "")
                            + c.points().stripTrailingZeros().toPlainString() + " 分，填写的是 " + raw + " 分");
                    continue;
                }
                parsed.put(c.code(), new BigDecimal[] {v, null});
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(String.join("；", errors));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        List<Score> rows = new ArrayList<>();
        List<ChangeRow> changes = new ArrayList<>();
        for (var p : parsed.entrySet()) {
            Score old = before.get(p.getKey());
            BigDecimal points = p.getValue()[0];
            if (old != null && old.points().compareTo(points) == 0 && same(old.value(), p.getValue()[1])) {
                continue;
            }
            rows.add(new Score(p.getKey(), points, self ? points : old == null ? null : old.selfPoints(),
                    p.getValue()[1], null, user.username(), now));
            changes.add(new ChangeRow(e.id(), p.getKey(), "SCORE", e.stage(), old == null ? null : old.points(), points,
                    self ? (why.isEmpty() ? "自评" : why) : why, user.username(), now));
        }
        if (rows.isEmpty()) {
            return e;
        }
        store.putScores(e.id(), rows);
        store.insertChanges(changes);
        Entry after = rescore(r, scheme, e, e.stage(), self, why.isEmpty() ? "按评分结果" : why, user, now);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "rating_entry", e.id(), (self ? "自评打分：" : "修改评分：")
                + e.nodeName() + "，" + rows.size() + " 项"));
        return after;
    }

    /** Computes the computed criteria now and stores them (value and points) on the sheet. */
    @Transactional
    public Entry recompute(long entryId, Integer version, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        Map<Stage, Level> levels = store.levels(e.nodePath(), r.nodePath());
        if (r.status() != Status.ASSESSING || !(e.stage() == Stage.SELF ? isSelf(user, e) : isReviewer(user, e, levels))) {
            throw new ForbiddenException(refusal(e, levels));
        }
        checkVersion(version, e.version());
        LocalDateTime now = LocalDateTime.now(clock);
        storeComputed(r, scheme(r), e, user.username(), now);
        return rescore(r, scheme(r), e, e.stage(), e.stage() == Stage.SELF, "自动计算", user, now);
    }

    private void storeComputed(Round r, RatingScheme scheme, Entry e, String by, LocalDateTime now) {
        if (scheme.criteria().stream().noneMatch(Criterion::computed)) {
            return;
        }
        OrgNode org = tree.byId(e.nodeId()).orElseThrow();
        Map<String, ComputedCriteria.Computed> values = computed.compute(scheme, List.of(org), r.year())
                .getOrDefault(org.id(), Map.of());
        Map<String, Score> before = store.scores(e.id());
        List<Score> rows = new ArrayList<>();
        List<ChangeRow> changes = new ArrayList<>();
        for (Criterion c : scheme.criteria()) {
            if (!c.computed()) {
                continue;
            }
            ComputedCriteria.Computed v = values.get(c.code());
            BigDecimal points = v == null ? BigDecimal.ZERO : v.points();
            Score old = before.get(c.code());
            rows.add(new Score(c.code(), points, points, v == null ? null : v.value(), v == null ? "无数据" : null, by,
                    now));
            if (old == null || old.points().compareTo(points) != 0) {
                changes.add(new ChangeRow(e.id(), c.code(), "SCORE", e.stage(), old == null ? null : old.points(),
                        points, "平台数据自动计算", by, now));
            }
        }
        store.putScores(e.id(), rows);
        store.insertChanges(changes);
    }

    /** Scores the sheet again and stores the result (a STARS change when the stars move); 409 on a lost race. */
    private Entry rescore(Round r, RatingScheme scheme, Entry e, Stage stage, boolean self, String why,
                          CurrentUser user, LocalDateTime now) {
        Map<String, Score> scores = store.scores(e.id());
        RatingResult result = scheme.score(pointsOf(scheme, scores, Map.of()), store.vetoes(e.id()).keySet());
        BigDecimal selfPoints = self ? result.points() : e.selfPoints();
        if (!store.updateResult(e.id(), e.version(), stage, selfPoints, result.points(), result.stars(),
                result.strongParty(), result.strongDevelopment(), result.vetoed(), user.username(), now)) {
            throw conflict();
        }
        int before = e.stars() == null ? 0 : e.stars();
        if (e.stars() != null && before != result.stars()) {
            store.insertChanges(List.of(new ChangeRow(e.id(), null, "STARS", stage, BigDecimal.valueOf(before),
                    BigDecimal.valueOf(result.stars()), why, user.username(), now)));
        }
        return store.entry(e.id()).orElseThrow();
    }

    private static Map<String, BigDecimal> pointsOf(RatingScheme scheme, Map<String, Score> scores,
                                                    Map<String, ComputedCriteria.Computed> live) {
        Map<String, BigDecimal> points = new HashMap<>();
        scores.forEach((code, s) -> points.put(code, s.points()));
        live.forEach((code, c) -> points.putIfAbsent(code, c.points()));
        return points;
    }

    @Transactional
    public Evidence attach(long entryId, String criterion, String description, Upload upload, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        Map<Stage, Level> levels = store.levels(e.nodePath(), r.nodePath());
        if (r.status() != Status.ASSESSING || e.stage() != Stage.SELF || !isSelf(user, e)) {
            throw new ForbiddenException(e.stage() == Stage.SELF ? "只有本组织的填报员或管理员可以上传佐证材料"
                    : "评分表已提交（" + e.stage().label() + "），不能再上传佐证材料；" + refusal(e, levels));
        }
        RatingScheme scheme = scheme(r);
        List<String> errors = new ArrayList<>();
        if (criterion == null || scheme.criterion(criterion).isEmpty()) {
            errors.add("评分项：请选择");
        }
        String text = description == null ? "" : description.strip();
        if (text.isEmpty() || text.length() > 1000) {
            errors.add("材料说明：请填写（不超过1000字）");
        }
        String name = null;
        String type = null;
        byte[] bytes = null;
        if (upload != null && upload.fileName() != null && !upload.fileName().isBlank()) {
            String ext = UploadedFiles.extension(upload.fileName());
            type = UploadedFiles.typeOf(ext, EVIDENCE_TYPES).orElse(null);
            if (type == null) {
                errors.add("佐证文件：只接受 PDF、JPG、PNG、DOCX、XLSX，实际为“" + upload.fileName() + "”");
            } else if (upload.size() == 0) {
                errors.add("佐证文件：文件是空的");
            } else if (upload.size() > MAX_EVIDENCE) {
                errors.add("佐证文件：单个文件不超过10MB");
            } else {
                bytes = upload.bytes();
                if (bytes.length == 0 || bytes.length > MAX_EVIDENCE || !UploadedFiles.contentMatches(ext, bytes)) {
                    errors.add("佐证文件：文件内容与扩展名“" + ext + "”不符");
                }
            }
            name = upload.fileName().length() > 200 ? upload.fileName().substring(0, 200) : upload.fileName();
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(String.join("；", errors));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        long id = store.insertEvidence(e.id(), criterion, text, name, type, bytes,
                bytes == null ? null : UploadedFiles.sha256(bytes), user.username(), now);
        audit.record(AuditEvent.of(AuditAction.CREATE, "rating_evidence", id, "上传佐证材料：" + e.nodeName() + " "
                + criterion + (name == null ? "" : "，" + name)));
        return store.evidence(e.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    // ================================================================ the review chain

    /** 提交: the organisation hands its self-assessment to the first review level. */
    @Transactional
    public Entry submit(long entryId, Integer version, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        Map<Stage, Level> levels = store.levels(e.nodePath(), r.nodePath());
        if (r.status() != Status.ASSESSING || e.stage() != Stage.SELF || !isSelf(user, e)) {
            throw new ForbiddenException(e.stage() == Stage.SELF ? "只有本组织的填报员或管理员可以提交自评"
                    : refusal(e, levels));
        }
        checkVersion(version, e.version());
        RatingScheme scheme = scheme(r);
        Map<String, Score> scores = store.scores(e.id());
        List<String> missing = scheme.criteria().stream()
                .filter(c -> c.kind() == CriterionKind.SCORE && !c.computed() && !scores.containsKey(c.code()))
                .map(c -> c.code() + " " + c.name()).toList();
        if (!missing.isEmpty()) {
            throw new BadRequestException("以下基本分项还没有自评：" + String.join("、", missing));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        storeComputed(r, scheme, e, user.username(), now);
        Stage next = next(Stage.SELF, levels);
        Entry after = rescore(r, scheme, e, next, true, "提交自评", user, now);
        store.insertSteps(List.of(new StepRow(e.id(), next == Stage.DONE ? "CONFIRM" : "SUBMIT", Stage.SELF, next,
                null, user.username(), now)));
        audit.record(AuditEvent.of(AuditAction.UPDATE, "rating_entry", e.id(), "提交自评：" + e.nodeName()));
        return after;
    }

    /** 审核通过: to the next level the organisation has, or 审定 (DONE) after the last. */
    @Transactional
    public Entry approve(long entryId, String comment, Integer version, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        Map<Stage, Level> levels = requireReviewer(r, e, user);
        checkVersion(version, e.version());
        Stage next = next(e.stage(), levels);
        return move(r, e, next, next == Stage.DONE ? "CONFIRM" : "APPROVE", blankToNull(comment), user);
    }

    /** 退回: one stage back (the previous level the organisation has, or SELF), with the reason. */
    @Transactional
    public Entry returnBack(long entryId, String reason, Integer version, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        Map<Stage, Level> levels = requireReviewer(r, e, user);
        checkVersion(version, e.version());
        String why = blankToNull(reason);
        if (why == null) {
            throw new BadRequestException("退回须填写理由");
        }
        return move(r, e, previous(e.stage(), levels), "RETURN", why, user);
    }

    private Entry move(Round r, Entry e, Stage to, String action, String comment, CurrentUser user) {
        LocalDateTime now = LocalDateTime.now(clock);
        Entry after = rescore(r, scheme(r), e, to, false, comment == null ? "审核" : comment, user, now);
        store.insertSteps(List.of(new StepRow(e.id(), action, e.stage(), to, comment, user.username(), now)));
        audit.record(AuditEvent.of(AuditAction.UPDATE, "rating_entry", e.id(), e.stage().label() + " "
                + ("RETURN".equals(action) ? "退回" : "通过") + "：" + e.nodeName() + " → " + to.label()));
        return after;
    }

    /** 一票否决: recorded by a reviewer with the reason; the entry then has no stars and no 双强. */
    @Transactional
    public Entry veto(long entryId, String code, String reason, Integer version, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        requireReviewer(r, e, user);
        checkVersion(version, e.version());
        RatingScheme scheme = scheme(r);
        String why = blankToNull(reason);
        if (code == null || scheme.veto(code).isEmpty()) {
            throw new BadRequestException("否决事项：请选择本方案的一票否决事项");
        }
        if (why == null) {
            throw new BadRequestException("一票否决须填写理由");
        }
        if (store.vetoes(e.id()).containsKey(code)) {
            throw new ConflictException("该否决事项已记录");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        store.insertVetoes(List.of(Map.entry(e.id(), new VetoRow(code, why, user.username(), now))));
        store.insertChanges(List.of(new ChangeRow(e.id(), code, "VETO", e.stage(), BigDecimal.ZERO, BigDecimal.ONE, why,
                user.username(), now)));
        Entry after = rescore(r, scheme, e, e.stage(), false, "一票否决：" + why, user, now);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "rating_entry", e.id(), "一票否决：" + e.nodeName() + " " + code));
        return after;
    }

    @Transactional
    public Entry liftVeto(long entryId, String code, String reason, Integer version, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        requireReviewer(r, e, user);
        checkVersion(version, e.version());
        String why = blankToNull(reason);
        if (code == null || !store.vetoes(e.id()).containsKey(code)) {
            throw new BadRequestException("否决事项：该评分表没有记录“" + code + "”");
        }
        if (why == null) {
            throw new BadRequestException("撤销否决须填写理由");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        store.deleteVeto(e.id(), code);
        store.insertChanges(List.of(new ChangeRow(e.id(), code, "VETO", e.stage(), BigDecimal.ONE, BigDecimal.ZERO, why,
                user.username(), now)));
        Entry after = rescore(r, scheme(r), e, e.stage(), false, "撤销否决：" + why, user, now);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "rating_entry", e.id(), "撤销一票否决：" + e.nodeName() + " " + code));
        return after;
    }

    private Map<Stage, Level> requireReviewer(Round r, Entry e, CurrentUser user) {
        Map<Stage, Level> levels = store.levels(e.nodePath(), r.nodePath());
        if (r.status() != Status.ASSESSING || !isReviewer(user, e, levels)) {
            throw new ForbiddenException(r.status() != Status.ASSESSING ? "本轮评定" + r.status().label()
                    : refusal(e, levels));
        }
        return levels;
    }

    static Stage next(Stage from, Map<Stage, Level> levels) {
        for (Stage s : Stage.values()) {
            if (s.ordinal() > from.ordinal() && (s == Stage.DONE || levels.containsKey(s))) {
                return s;
            }
        }
        return Stage.DONE;
    }

    static Stage previous(Stage from, Map<Stage, Level> levels) {
        for (int i = from.ordinal() - 1; i > 0; i--) {
            Stage s = Stage.values()[i];
            if (levels.containsKey(s)) {
                return s;
            }
        }
        return Stage.SELF;
    }

    private static String refusal(Entry e, Map<Stage, Level> levels) {
        if (e.stage() == Stage.DONE) {
            return "评分表已审定，不能再修改";
        }
        if (e.stage() == Stage.SELF) {
            return "评分表在自评环节，由本组织填报员或管理员填写";
        }
        Level l = levels.get(e.stage());
        return "评分表在" + e.stage().label() + "环节，由" + (l == null ? "上级" : l.nodeName()) + "的管理员或审核员办理";
    }

    // ================================================================ 公示 objections, 摘星

    @Transactional
    public Objection object(long entryId, LocalDate raisedOn, String raisedBy, String content, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        if (!isRoundAdmin(user, r)) {
            throw new ForbiddenException("公示异议由发起评定的" + r.nodeName() + "组织部管理员登记");
        }
        if (r.status() != Status.PUBLICITY) {
            throw new ConflictException("只有公示期内可以登记异议");
        }
        List<String> errors = new ArrayList<>();
        if (raisedOn == null || raisedOn.isBefore(r.publicityFrom()) || raisedOn.isAfter(r.publicityTo())) {
            errors.add("提出日期：应在公示期 " + r.publicityFrom() + " 至 " + r.publicityTo() + " 之内");
        }
        if (blankToNull(raisedBy) == null || raisedBy.strip().length() > 100) {
            errors.add("提出人：请填写（不超过100字）");
        }
        if (blankToNull(content) == null || content.strip().length() > 2000) {
            errors.add("异议内容：请填写（不超过2000字）");
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(String.join("；", errors));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        long id = store.insertObjection(e.id(), raisedOn, raisedBy.strip(), content.strip(), user.username(), now);
        store.insertSteps(List.of(new StepRow(e.id(), "OBJECTION", e.stage(), e.stage(), content.strip(),
                user.username(), now)));
        audit.record(AuditEvent.of(AuditAction.CREATE, "rating_objection", id, "登记公示异议：" + e.nodeName()));
        return store.objection(e.id(), id).orElseThrow();
    }

    @Transactional
    public Objection answer(long entryId, long objectionId, String answer, Boolean upheld, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        Objection o = store.objection(e.id(), objectionId).orElseThrow(() -> notFound("异议", objectionId));
        if (!isRoundAdmin(user, r)) {
            throw new ForbiddenException("公示异议由发起评定的" + r.nodeName() + "组织部管理员答复");
        }
        if (r.status() != Status.PUBLICITY) {
            throw new ConflictException("只有公示期间可以答复异议");
        }
        if (o.answered()) {
            throw new ConflictException("该异议已答复");
        }
        if (blankToNull(answer) == null || answer.strip().length() > 2000 || upheld == null) {
            throw new BadRequestException("答复：请填写答复内容（不超过2000字）并选择异议是否成立");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (store.answerObjection(o.id(), answer.strip(), upheld, user.username(), now) != 1) {
            throw conflict();
        }
        store.insertSteps(List.of(new StepRow(e.id(), "ANSWER", e.stage(), e.stage(), (upheld ? "异议成立：" : "异议不成立：")
                + answer.strip(), user.username(), now)));
        audit.record(AuditEvent.of(AuditAction.UPDATE, "rating_objection", o.id(), "答复公示异议：" + e.nodeName()));
        return store.objection(e.id(), o.id()).orElseThrow();
    }

    /** 摘星: after publication, fewer stars with the reason (the published ones stay as published). */
    @Transactional
    public Entry withdraw(long entryId, Integer stars, String reason, Integer version, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        requireWithdraw(r, e, user);
        checkVersion(version, e.version());
        int now = e.stars() == null ? 0 : e.stars();
        if (stars == null || stars < 0 || stars >= now) {
            throw new BadRequestException("摘星后的星级：应在 0 至 " + (now - 1) + " 之间" + (now == 0 ? "（当前已无星级）" : ""));
        }
        String why = blankToNull(reason);
        if (why == null) {
            throw new BadRequestException("摘星须填写理由");
        }
        return setStars(e, stars, true, "WITHDRAW", why, user);
    }

    @Transactional
    public Entry restore(long entryId, String reason, Integer version, CurrentUser user) {
        Entry e = entry(entryId, user);
        Round r = store.round(e.roundId()).orElseThrow();
        requireWithdraw(r, e, user);
        checkVersion(version, e.version());
        if (!e.withdrawn()) {
            throw new ConflictException("该党组织没有被摘星");
        }
        String why = blankToNull(reason);
        if (why == null) {
            throw new BadRequestException("恢复星级须填写理由");
        }
        return setStars(e, e.publishedStars() == null ? 0 : e.publishedStars(), false, "RESTORE", why, user);
    }

    private void requireWithdraw(Round r, Entry e, CurrentUser user) {
        if (r.status() != Status.PUBLISHED) {
            throw new ConflictException("评定结果发布后才能摘星或恢复");
        }
        if (!mayWithdraw(user, r, store.levels(e.nodePath(), r.nodePath()))) {
            throw new ForbiddenException("摘星和恢复由市委或所在县（市、区）委组织部管理员办理");
        }
    }

    private Entry setStars(Entry e, int stars, boolean withdrawn, String action, String why, CurrentUser user) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (!store.updateStars(e.id(), e.version(), stars, withdrawn, user.username(), now)) {
            throw conflict();
        }
        int before = e.stars() == null ? 0 : e.stars();
        store.insertChanges(List.of(new ChangeRow(e.id(), null, "STARS", Stage.DONE, BigDecimal.valueOf(before),
                BigDecimal.valueOf(stars), why, user.username(), now)));
        store.insertSteps(List.of(new StepRow(e.id(), action, Stage.DONE, Stage.DONE, why, user.username(), now)));
        audit.record(AuditEvent.of(AuditAction.UPDATE, "rating_entry", e.id(), ("WITHDRAW".equals(action) ? "摘星：" : "恢复星级：")
                + e.nodeName() + " " + before + " → " + stars));
        return store.entry(e.id()).orElseThrow();
    }

    // ================================================================ helpers

    private static void checkVersion(Integer given, int current) {
        if (given != null && given != current) {
            throw conflict();
        }
    }

    private static ConflictException conflict() {
        return new ConflictException("评分表已被他人修改，请刷新后重试");
    }

    private static NotFoundException notFound(String what, long id) {
        return new NotFoundException(what + "不存在或不在您的管理范围内：" + id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static String stars(Integer stars) {
        return stars == null ? "" : "★".repeat(Math.max(0, stars));
    }

    static Map<String, String> typed(List<String> codes, List<String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        if (codes == null) {
            return out;
        }
        for (int i = 0; i < codes.size(); i++) {
            out.put(codes.get(i), values != null && i < values.size() ? values.get(i) : "");
        }
        return out;
    }

    static String csv(Set<String> s) {
        return s.stream().sorted().collect(Collectors.joining(","));
    }
}
