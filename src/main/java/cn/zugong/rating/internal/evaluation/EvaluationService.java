package cn.zugong.rating.internal.evaluation;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.BranchMember;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.rating.EvaluationScheme;
import cn.zugong.rating.EvaluationSchemes;
import cn.zugong.rating.PublicEvaluations;
import cn.zugong.rating.ReservePool;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Adjustment;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Campaign;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Rater;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Subject;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Turnout;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Village;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双述双评双比 (ADR 062, ADR 066): campaigns and who sees them, subjects, raters and their codes, the township's 评价,
 * results (the one tally and the one result calculation), the adjustment list and the reserve pool.
 * <p>
 * Scope: a campaign is seen by the office whose scope holds the campaign's node or lies inside it (a township sees
 * the city's campaign, but only its own villages); anything else answers 404. Writes are ADMIN's: the campaign by
 * an ADMIN whose scope holds its node, a village's subjects and raters by an ADMIN whose scope holds the village, the
 * 评价 by the township's ADMIN, the decisions on the adjustment list by a county's or the city's ADMIN.
 */
@Service
class EvaluationService implements PublicEvaluations, ReservePool {

    static final Map<String, String> DECISIONS = linked("ADJUST", "调整", "ORG_ACTION", "组织处理",
            "ADMONISH", "诫勉谈话", "NONE", "不作调整");
    static final Map<String, String> GROUPS = linked("PARTY_MEMBER", "党员", "VILLAGER_REP", "村民代表");

    /** A subject's result: the votes (group → grade → count), their total and {@link EvaluationScheme#result}. */
    public record SubjectResult(Subject subject, Map<String, Map<String, Long>> votes, long total,
                         EvaluationScheme.Result result) {

        public long count(String group, String grade) {
            return votes.getOrDefault(group, Map.of()).getOrDefault(grade, 0L);
        }

        public long countAll(String grade) {
            return votes.values().stream().mapToLong(m -> m.getOrDefault(grade, 0L)).sum();
        }
    }

    /** A village's results: the 班子 and its members, with the turnout. */
    public record VillageResult(Village village, Turnout turnout, List<SubjectResult> subjects) {

        public SubjectResult organisation() {
            return subjects.stream().filter(s -> s.subject().organisation()).findFirst().orElse(null);
        }

        public List<SubjectResult> members() {
            return subjects.stream().filter(s -> !s.subject().organisation()).toList();
        }
    }

    private final EvaluationStore store;
    private final EvaluationSchemes schemes;
    private final BallotBox box;
    private final Tally tally;
    private final RaterCodes codes;
    private final OrgTree tree;
    private final PeopleDirectory people;
    private final AuditTrail audit;
    private final Clock clock;

    EvaluationService(EvaluationStore store, EvaluationSchemes schemes, BallotBox box, Tally tally, RaterCodes codes,
                      OrgTree tree, PeopleDirectory people, AuditTrail audit, Clock clock) {
        this.store = store;
        this.schemes = schemes;
        this.box = box;
        this.tally = tally;
        this.codes = codes;
        this.tree = tree;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- access ------------------------------------------------------------------------------------------------

    /** Closes the campaigns whose window is over, listing their 差 subjects (the clock closes a campaign). */
    @Transactional
    public void closeOverdue() {
        Instant now = clock.instant();
        List<Long> overdue = store.overdue(now);
        if (!overdue.isEmpty()) {
            store.closeOverdue(now);
            overdue.forEach(id -> {
                listPoor(store.campaign(id).orElseThrow());
                audit.record(new AuditEvent(AuditAction.UPDATE, "PE_CAMPAIGN", String.valueOf(id),
                        "评议时间截止，自动结束", null, null, "system"));
            });
        }
    }

    List<Campaign> campaigns(CurrentUser user) {
        office(user);
        closeOverdue();
        return store.campaigns(user.scope());
    }

    Campaign campaign(long id, CurrentUser user) {
        office(user);
        closeOverdue();
        return store.campaign(id).filter(c -> sees(user, c))
                .orElseThrow(() -> new NotFoundException("评议活动不存在或不在您的管理范围内：" + id));
    }

    static boolean sees(CurrentUser user, Campaign c) {
        return user.scope().contains(c.nodePath()) || user.scope().path().startsWith(c.nodePath());
    }

    /** The part of a campaign the user sees: the deeper of the campaign's node and the user's scope. */
    static OrgScope view(CurrentUser user, Campaign c) {
        return user.scope().contains(c.nodePath()) ? new OrgScope(c.nodeId(), c.nodePath()) : user.scope();
    }

    Subject subject(long id, CurrentUser user) {
        office(user);
        Subject s = store.subject(id).orElseThrow(() -> new NotFoundException("评议对象不存在：" + id));
        Campaign c = store.campaign(s.campaignId()).orElseThrow();
        OrgNode node = tree.byId(s.orgNodeId()).orElseThrow();
        if (!sees(user, c) || !view(user, c).contains(node.path())) {
            throw new NotFoundException("评议对象不存在或不在您的管理范围内：" + id);
        }
        return s;
    }

    Village village(Campaign c, long orgNodeId, CurrentUser user) {
        return villages(c, user).stream().filter(v -> v.orgNodeId() == orgNodeId).findFirst()
                .orElseThrow(() -> new NotFoundException("村（社区）党组织不在本次评议或您的管理范围内：" + orgNodeId));
    }

    List<Village> villages(Campaign c, CurrentUser user) {
        return store.villages(c.nodePath(), view(user, c), sectors(c));
    }

    boolean isTownship(CurrentUser user) {
        return scopeKind(user) == NodeKind.TOWNSHIP;
    }

    boolean isCountyOrCity(CurrentUser user) {
        NodeKind k = scopeKind(user);
        return k == NodeKind.COUNTY || k == NodeKind.CITY || k == NodeKind.PROVINCE;
    }

    boolean canNominate(CurrentUser user) {
        NodeKind k = scopeKind(user);
        return k == NodeKind.TOWNSHIP || k == NodeKind.COUNTY || k == NodeKind.CITY;
    }

    /** The village and community party organisations of the user's scope (the reserve form's choice). */
    List<cn.zugong.org.PartyOrg> villagesOf(CurrentUser user) {
        return tree.partyOrgs(user.scope(), List.of(cn.zugong.org.PartySector.VILLAGE,
                cn.zugong.org.PartySector.COMMUNITY));
    }

    void requireAdmin(CurrentUser user, String what) {
        admin(user, what);
    }

    static void office(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色无权访问双述双评双比");
        }
    }

    private static void admin(CurrentUser user, String what) {
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权" + what);
        }
    }

    /** The campaign itself (status, window) is changed by an ADMIN whose scope holds the campaign's node. */
    void requireManager(CurrentUser user, Campaign c) {
        admin(user, "管理评议活动");
        if (!user.scope().contains(c.nodePath())) {
            throw new ForbiddenException("只有" + c.nodeName() + "的管理员可以管理本次评议");
        }
    }

    private NodeKind scopeKind(CurrentUser user) {
        return tree.byId(user.scope().nodeId()).map(OrgNode::kind).orElse(NodeKind.UNIT);
    }

    EvaluationScheme scheme(Campaign c) {
        return schemes.find(c.schemeCode(), c.schemeVersion())
                .orElseThrow(() -> new IllegalStateException("scheme missing: " + c.schemeCode()));
    }

    private List<String> sectors(Campaign c) {
        return scheme(c).appliesTo().stream().map(Enum::name).toList();
    }

    private static void notPublished(Campaign c) {
        if ("PUBLISHED".equals(c.status())) {
            throw new ConflictException("评议结果已公布，不能再修改");
        }
    }

    // ---- campaigns ---------------------------------------------------------------------------------------------

    /** A new campaign of the user's own node (the city or a county), in DRAFT. */
    @Transactional
    long create(CurrentUser user, String schemeKey, int year, String name, Instant opens, Instant closes) {
        admin(user, "新建评议活动");
        NodeKind kind = scopeKind(user);
        if (kind != NodeKind.CITY && kind != NodeKind.COUNTY) {
            throw new ForbiddenException("评议活动由市或县（市、区）的管理员发起");
        }
        String[] parts = schemeKey == null ? new String[0] : schemeKey.split("@", 2);
        EvaluationScheme scheme = parts.length == 2 ? schemes.find(parts[0], parts[1]).orElse(null) : null;
        List<String> problems = new ArrayList<>();
        if (scheme == null) {
            problems.add("请选择评议方案");
        }
        if (year < 2000 || year > 2100) {
            problems.add("年度应为四位年份");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add("请填写名称（不超过 100 字）");
        }
        if (opens == null || closes == null || !closes.isAfter(opens)) {
            problems.add("截止时间应晚于开始时间");
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("；", problems));
        }
        if (store.exists(user.scope().nodeId(), scheme.code(), year)) {
            throw new ConflictException(year + " 年度已有该方案的评议活动");
        }
        long id = store.insertCampaign(user.scope().nodeId(), scheme.code(), scheme.version(), year, name.strip(),
                opens, closes, user.username(), clock.instant());
        audit.record(AuditEvent.change(AuditAction.CREATE, "PE_CAMPAIGN", id, null,
                Map.of("name", name.strip(), "year", year, "scheme", schemeKey)));
        return id;
    }

    /** open (DRAFT → OPEN), close (OPEN → CLOSED), publish (CLOSED → PUBLISHED). */
    @Transactional
    void transition(CurrentUser user, long id, String action) {
        Campaign c = campaign(id, user);
        requireManager(user, c);
        String[] move = switch (action) {
            case "open" -> new String[] {"DRAFT", "OPEN"};
            case "close" -> new String[] {"OPEN", "CLOSED"};
            case "publish" -> new String[] {"CLOSED", "PUBLISHED"};
            default -> throw new NotFoundException("未知操作：" + action);
        };
        if (!store.status(id, move[0], move[1])) {
            throw new ConflictException("评议活动当前为“" + c.statusLabel() + "”，不能执行该操作");
        }
        if ("close".equals(action)) {
            store.endWindow(id, clock.instant());
        }
        if (!"open".equals(action)) {
            listPoor(c);
        }
        audit.record(AuditEvent.change(AuditAction.UPDATE, "PE_CAMPAIGN", id, Map.of("status", move[0]),
                Map.of("status", move[1])));
    }

    // ---- subjects ----------------------------------------------------------------------------------------------

    @Transactional
    long addSubject(CurrentUser user, Campaign c, long orgNodeId, PublicEvaluations.NewSubject s) {
        admin(user, "录入评议对象");
        notPublished(c);
        village(c, orgNodeId, user);
        String problem = subjectProblem(s);
        if (problem != null) {
            throw new BadRequestException(problem);
        }
        store.insertSubjects(c.id(), List.<Object[]>of(subjectRow(s, store.nextSortOrder(c.id(), orgNodeId))));
        long id = store.subjectsOf(c.id(), orgNodeId).stream().mapToLong(Subject::id).max().orElseThrow();
        audit.record(AuditEvent.change(AuditAction.CREATE, "PE_SUBJECT", id, null, Map.of("name", s.name(),
                "kind", s.kind())));
        return id;
    }

    static String subjectProblem(PublicEvaluations.NewSubject s) {
        if (!"ORGANISATION".equals(s.kind()) && !"MEMBER".equals(s.kind())) {
            return "类别应为“班子”或“班子成员”";
        }
        if (s.name() == null || s.name().isBlank() || s.name().length() > 100) {
            return "请填写姓名或名称（不超过 100 字）";
        }
        if ("MEMBER".equals(s.kind()) && (s.post() == null || s.post().isBlank())) {
            return "班子成员应填写职务";
        }
        if (s.gender() != null && !s.gender().isBlank() && !s.gender().equals("男") && !s.gender().equals("女")) {
            return "性别应为“男”或“女”";
        }
        if (s.reportText() != null && s.reportText().length() > 4000) {
            return "述职内容不超过 4000 字";
        }
        return null;
    }

    private static Object[] subjectRow(PublicEvaluations.NewSubject s, int sort) {
        return new Object[] {s.orgNodeId(), s.kind(), s.name().strip(), blank(s.post()), blank(s.gender()),
                s.birthDate() == null ? null : java.sql.Date.valueOf(s.birthDate()), blank(s.education()),
                s.partyMemberId(), blank(s.reportText()), sort};
    }

    @Transactional
    void updateReport(CurrentUser user, long subjectId, String text) {
        Subject s = subject(subjectId, user);
        admin(user, "修改述职");
        notPublished(store.campaign(s.campaignId()).orElseThrow());
        if (text != null && text.length() > 4000) {
            throw new BadRequestException("述职内容不超过 4000 字");
        }
        store.updateReport(subjectId, blank(text));
        audit.record(AuditEvent.change(AuditAction.UPDATE, "PE_SUBJECT", subjectId, null, Map.of("report", "述职")));
    }

    @Transactional
    void deleteSubject(CurrentUser user, long subjectId) {
        Subject s = subject(subjectId, user);
        admin(user, "删除评议对象");
        if (store.hasBallots(subjectId)) {
            throw new ConflictException("该对象已有评议票，不能删除");
        }
        store.deleteSubject(subjectId);
        audit.record(AuditEvent.change(AuditAction.DELETE, "PE_SUBJECT", subjectId, Map.of("name", s.name()), null));
    }

    /** Imports checked rows (all-or-nothing: the importer has refused the file if any row is wrong). */
    @Transactional
    void importSubjects(CurrentUser user, Campaign c, List<PublicEvaluations.NewSubject> rows, String fileName) {
        admin(user, "导入评议对象");
        notPublished(c);
        insertSubjects(c.id(), rows);
        audit.record(AuditEvent.of(AuditAction.IMPORT, "PE_CAMPAIGN", c.id(),
                "导入评议对象 " + rows.size() + " 条（" + fileName + "）"));
    }

    private void insertSubjects(long campaignId, List<PublicEvaluations.NewSubject> rows) {
        Map<Long, Integer> next = new HashMap<>();
        List<Object[]> out = new ArrayList<>();
        for (PublicEvaluations.NewSubject s : rows) {
            int sort = next.merge(s.orgNodeId(), 1, Integer::sum)
                    + (next.get(s.orgNodeId()) == 1 ? store.nextSortOrder(campaignId, s.orgNodeId()) - 1 : 0);
            out.add(subjectRow(s, sort));
        }
        store.insertSubjects(campaignId, out);
    }

    // ---- raters ------------------------------------------------------------------------------------------------

    /** The party members of the villages in the user's part of the campaign, not yet raters, become raters. */
    @Transactional
    int addPartyMembers(CurrentUser user, Campaign c) {
        admin(user, "录入评议人");
        notPublished(c);
        int n = partyMemberRaters(c, view(user, c));
        audit.record(AuditEvent.of(AuditAction.CREATE, "PE_CAMPAIGN", c.id(), "从党员名册加入评议人 " + n + " 名"));
        return n;
    }

    private int partyMemberRaters(Campaign c, OrgScope scope) {
        Set<Long> villages = store.villages(c.nodePath(), scope, sectors(c)).stream().map(Village::orgNodeId)
                .collect(Collectors.toSet());
        Set<Long> already = new HashSet<>(store.memberRaters(c.id()));
        Set<String> nos = new HashSet<>(store.raterNos(c.id()));
        Map<Long, Integer> seq = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (BranchMember m : people.partyMembers(scope)) {
            if (!villages.contains(m.branchId()) || already.contains(m.id())) {
                continue;
            }
            String no;
            do {
                no = "P" + m.branchId() + "-" + String.format("%03d", seq.merge(m.branchId(), 1, Integer::sum));
            } while (!nos.add(no));
            rows.add(new Object[] {m.branchId(), "PARTY_MEMBER", no, m.name(), m.id()});
        }
        store.insertRaters(c.id(), rows);
        return rows.size();
    }

    @Transactional
    void addRepresentatives(CurrentUser user, Campaign c, List<PublicEvaluations.NewRater> raters, String how) {
        admin(user, "录入评议人");
        notPublished(c);
        Set<Long> villages = villages(c, user).stream().map(Village::orgNodeId).collect(Collectors.toSet());
        Set<String> nos = new HashSet<>(store.raterNos(c.id()));
        for (PublicEvaluations.NewRater r : raters) {
            if (!villages.contains(r.orgNodeId())) {
                throw new NotFoundException("村（社区）党组织不在本次评议或您的管理范围内：" + r.orgNodeId());
            }
            if (r.name() == null || r.name().isBlank() || r.raterNo() == null || r.raterNo().isBlank()) {
                throw new BadRequestException("请填写评议人编号和姓名");
            }
            if (!nos.add(r.raterNo())) {
                throw new ConflictException("评议人编号 " + r.raterNo() + " 已存在");
            }
        }
        store.insertRaters(c.id(), raters.stream().<Object[]>map(r -> new Object[] {r.orgNodeId(), r.group(), r.raterNo().strip(),
                r.name().strip(), r.partyMemberId()}).toList());
        audit.record(AuditEvent.of(AuditAction.CREATE, "PE_CAMPAIGN", c.id(), how + "村民代表 " + raters.size() + " 名"));
    }

    Set<String> raterNos(long campaignId) {
        return new HashSet<>(store.raterNos(campaignId));
    }

    /** The slips: new codes for the raters of the user's part (or one village) who have not voted; audited. */
    @Transactional
    List<Object[]> issueSlips(CurrentUser user, Campaign c, Long orgNodeId) {
        admin(user, "发放评议码");
        if (!"DRAFT".equals(c.status()) && !"OPEN".equals(c.status())) {
            throw new ConflictException("评议已截止，不能再发放评议码");
        }
        OrgScope scope = view(user, c);
        Map<Long, Village> villages = new LinkedHashMap<>();
        villages(c, user).forEach(v -> villages.put(v.orgNodeId(), v));
        if (orgNodeId != null) {
            Village v = village(c, orgNodeId, user);
            scope = new OrgScope(v.orgNodeId(), v.path());
        }
        List<Rater> raters = store.ratersIn(c.id(), scope).stream().filter(r -> r.channel() == null).toList();
        Map<Long, String> issued = codes.issue(c.id(), raters.stream().map(Rater::id).toList());
        List<Object[]> slips = new ArrayList<>();
        for (Rater r : raters) {
            String code = issued.get(r.id());
            Village v = villages.get(r.orgNodeId());
            if (code != null && v != null) {
                slips.add(new Object[] {v.township(), v.name(), r.raterNo(), r.name(), GROUPS.get(r.group()), code});
            }
        }
        audit.record(AuditEvent.of(AuditAction.EXPORT, "PE_CAMPAIGN", c.id(), "发放评议码 " + slips.size() + " 个"
                + (orgNodeId == null ? "" : "（" + villages.get(orgNodeId).name() + "）") + "，原评议码作废"));
        return slips;
    }

    List<Rater> raters(Campaign c, long orgNodeId) {
        return store.raters(c.id(), orgNodeId);
    }

    List<Turnout> turnout(Campaign c, CurrentUser user) {
        return store.turnout(c.id(), view(user, c));
    }

    // ---- township 评价 ------------------------------------------------------------------------------------------

    @Transactional
    void gradeByTownship(CurrentUser user, Campaign c, Map<Long, String> grades) {
        admin(user, "进行乡镇评价");
        if (scopeKind(user) != NodeKind.TOWNSHIP) {
            throw new ForbiddenException("乡镇评价由乡镇（街道）的管理员进行");
        }
        notPublished(c);
        EvaluationScheme scheme = scheme(c);
        Map<Long, Subject> mine = new HashMap<>();
        store.subjects(c.id(), view(user, c)).forEach(s -> mine.put(s.id(), s));
        List<Object[]> rows = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<Long, String> e : grades.entrySet()) {
            if (!mine.containsKey(e.getKey())) {
                throw new NotFoundException("评议对象不存在或不在您的管理范围内：" + e.getKey());
            }
            String grade = blank(e.getValue());
            if (grade != null && scheme.grade(grade).isEmpty()) {
                throw new BadRequestException("等次 " + grade + " 不是本方案的等次");
            }
            rows.add(new Object[] {grade, grade == null ? null : user.username(),
                    grade == null ? null : java.sql.Timestamp.from(now), e.getKey()});
        }
        store.townshipGrades(rows);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "PE_CAMPAIGN", c.id(), "乡镇评价 " + rows.size() + " 个对象"));
    }

    // ---- results -----------------------------------------------------------------------------------------------

    /** Every village's results in the user's part of the campaign (one tally query for the whole campaign). */
    List<VillageResult> results(Campaign c, OrgScope scope) {
        EvaluationScheme scheme = scheme(c);
        Map<Long, Map<String, EvaluationScheme.GroupVotes>> votes = tally.votes(c.id());
        Map<Long, Turnout> turnout = new HashMap<>();
        store.turnout(c.id(), scope).forEach(t -> turnout.put(t.orgNodeId(), t));
        Map<Long, List<SubjectResult>> byVillage = new HashMap<>();
        for (Subject s : store.subjects(c.id(), scope)) {
            Map<String, EvaluationScheme.GroupVotes> v = votes.getOrDefault(s.id(), Map.of());
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            v.forEach((group, gv) -> counts.put(group, gv.byGrade()));
            long total = v.values().stream().mapToLong(EvaluationScheme.GroupVotes::total).sum();
            byVillage.computeIfAbsent(s.orgNodeId(), k -> new ArrayList<>())
                    .add(new SubjectResult(s, counts, total, scheme.result(v, s.townshipGrade())));
        }
        List<VillageResult> out = new ArrayList<>();
        for (Village v : store.villages(c.nodePath(), scope, sectors(c))) {
            out.add(new VillageResult(v, turnout.getOrDefault(v.orgNodeId(), new Turnout(v.orgNodeId(), 0, 0, 0, 0, 0)),
                    byVillage.getOrDefault(v.orgNodeId(), List.of())));
        }
        return out;
    }

    List<VillageResult> results(Campaign c, CurrentUser user) {
        return results(c, view(user, c));
    }

    /** Lists the subjects graded 差 (not yet listed), and takes off undecided ones no longer 差. */
    private void listPoor(Campaign c) {
        String poor = scheme(c).poorGrade().code();
        Set<Long> graded = new HashSet<>();
        results(c, new OrgScope(c.nodeId(), c.nodePath())).forEach(v -> v.subjects().stream()
                .filter(s -> poor.equals(s.result().grade())).forEach(s -> graded.add(s.subject().id())));
        Set<Long> listed = store.adjustments(c.id()).stream().map(Adjustment::subjectId).collect(Collectors.toSet());
        store.listAdjustments(graded.stream().filter(id -> !listed.contains(id)).sorted().toList(), clock.instant());
        store.unlistUndecided(listed.stream().filter(id -> !graded.contains(id)).toList());
    }

    @Transactional
    void relist(CurrentUser user, Campaign c) {
        requireManager(user, c);
        if ("DRAFT".equals(c.status())) {
            throw new ConflictException("评议尚未开始");
        }
        listPoor(c);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "PE_CAMPAIGN", c.id(), "更新调整名单"));
    }

    List<Adjustment> adjustments(Campaign c, CurrentUser user) {
        Set<Long> mine = store.subjects(c.id(), view(user, c)).stream().map(Subject::id).collect(Collectors.toSet());
        return store.adjustments(c.id()).stream().filter(a -> mine.contains(a.subjectId())).toList();
    }

    @Transactional
    void decide(CurrentUser user, long subjectId, String decision, String note) {
        Subject s = subject(subjectId, user);
        admin(user, "记录调整决定");
        NodeKind kind = scopeKind(user);
        if (kind != NodeKind.COUNTY && kind != NodeKind.CITY && kind != NodeKind.PROVINCE) {
            throw new ForbiddenException("调整决定由县（市、区）或市的管理员记录");
        }
        Adjustment before = store.adjustment(subjectId)
                .orElseThrow(() -> new NotFoundException("该对象不在调整名单上：" + subjectId));
        if (!DECISIONS.containsKey(decision)) {
            throw new BadRequestException("请选择处理决定");
        }
        if (note != null && note.length() > 1000) {
            throw new BadRequestException("说明不超过 1000 字");
        }
        store.decide(subjectId, decision, blank(note), user.username(), clock.instant());
        audit.record(AuditEvent.change(AuditAction.UPDATE, "PE_ADJUSTMENT", subjectId,
                before.decision() == null ? null : Map.of("decision", before.decision()),
                Map.of("decision", decision, "name", s.name())));
    }

    // ---- reserve -----------------------------------------------------------------------------------------------

    @Override
    public List<Candidate> list(OrgScope scope) {
        return store.reserve(scope);
    }

    @Transactional
    void nominate(CurrentUser user, NewReserve r) {
        admin(user, "推荐后备人选");
        NodeKind kind = scopeKind(user);
        if (kind != NodeKind.TOWNSHIP && kind != NodeKind.COUNTY && kind != NodeKind.CITY) {
            throw new ForbiddenException("后备人选由乡镇（街道）或县（市、区）的管理员推荐");
        }
        OrgNode village = tree.get(r.orgNodeId(), user.scope());
        if (village.kind() != NodeKind.PARTY_ORG) {
            throw new BadRequestException("请选择村（社区）党组织");
        }
        List<String> problems = new ArrayList<>();
        if (r.name() == null || r.name().isBlank() || r.name().length() > 50) {
            problems.add("请填写姓名");
        }
        if (!"男".equals(r.gender()) && !"女".equals(r.gender())) {
            problems.add("性别应为“男”或“女”");
        }
        if (r.birthDate() == null || !r.birthDate().isBefore(java.time.LocalDate.now(clock).minusYears(18))) {
            problems.add("请填写出生日期（应年满 18 周岁）");
        }
        if (r.education() == null || r.education().isBlank()) {
            problems.add("请填写学历");
        }
        if (r.recommendedBy() == null || r.recommendedBy().isBlank()) {
            problems.add("请填写推荐单位或推荐人");
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("；", problems));
        }
        insertReserve(List.of(r), user.username());
        audit.record(AuditEvent.change(AuditAction.CREATE, "PE_RESERVE", r.orgNodeId(), null,
                Map.of("name", r.name(), "village", village.name())));
    }

    private void insertReserve(List<NewReserve> rows, String actor) {
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        store.insertReserve(rows.stream().<Object[]>map(r -> new Object[] {r.campaignId(), r.orgNodeId(), r.name().strip(),
                r.gender(), java.sql.Date.valueOf(r.birthDate()), r.education(), r.recommendedBy(), blank(r.note()),
                actor, now}).toList());
    }

    // ---- PublicEvaluations (bulk writer) -----------------------------------------------------------------------

    @Override
    @Transactional
    public long create(NewCampaign c, String actor) {
        EvaluationScheme scheme = schemes.find(c.schemeCode(), c.schemeVersion())
                .orElseThrow(() -> new IllegalArgumentException("unknown scheme " + c.schemeCode()));
        return store.insertCampaign(c.nodeId(), scheme.code(), scheme.version(), c.year(), c.name(), c.opensAt(),
                c.closesAt(), actor, clock.instant());
    }

    @Override
    @Transactional
    public void open(long campaignId, String actor) {
        store.status(campaignId, "DRAFT", "OPEN");
    }

    @Override
    @Transactional
    public void close(long campaignId, String actor) {
        if (store.status(campaignId, "OPEN", "CLOSED")) {
            store.endWindow(campaignId, clock.instant());
            listPoor(store.campaign(campaignId).orElseThrow());
        }
    }

    @Override
    @Transactional
    public void addSubjects(long campaignId, List<NewSubject> subjects) {
        insertSubjects(campaignId, subjects);
    }

    @Override
    @Transactional
    public void addRaters(long campaignId, List<NewRater> raters) {
        store.insertRaters(campaignId, raters.stream().<Object[]>map(r -> new Object[] {r.orgNodeId(), r.group(), r.raterNo(),
                r.name(), r.partyMemberId()}).toList());
    }

    @Override
    @Transactional
    public int addPartyMemberRaters(long campaignId) {
        Campaign c = store.campaign(campaignId).orElseThrow();
        return partyMemberRaters(c, new OrgScope(c.nodeId(), c.nodePath()));
    }

    @Override
    public List<Ref> subjects(long campaignId) {
        Campaign c = store.campaign(campaignId).orElseThrow();
        return store.subjects(campaignId, new OrgScope(c.nodeId(), c.nodePath())).stream()
                .map(s -> new Ref(s.id(), s.orgNodeId(), s.kind())).toList();
    }

    @Override
    public List<Ref> raters(long campaignId) {
        Campaign c = store.campaign(campaignId).orElseThrow();
        return store.ratersIn(campaignId, new OrgScope(c.nodeId(), c.nodePath())).stream()
                .map(r -> new Ref(r.id(), r.orgNodeId(), r.group())).toList();
    }

    @Override
    public Map<Long, String> issueCodes(long campaignId, Collection<Long> raterIds) {
        return codes.issue(campaignId, raterIds);
    }

    @Override
    public int cast(long campaignId, List<VoteSheet> sheets, boolean paper) {
        return box.cast(campaignId, sheets.stream().map(s -> new BallotBox.Sheet(s.raterId(), s.grades().entrySet()
                .stream().map(e -> new BallotBox.Mark(e.getKey(), e.getValue(), null)).toList())).toList(),
                paper ? BallotBox.Channel.PAPER : BallotBox.Channel.ONLINE);
    }

    @Override
    @Transactional
    public void gradeByTownship(long campaignId, Map<Long, String> grades, String actor) {
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        store.townshipGrades(grades.entrySet().stream().<Object[]>map(e -> new Object[] {e.getValue(), actor, now, e.getKey()})
                .toList());
    }

    @Override
    @Transactional
    public void decide(long subjectId, String decision, String note, String actor) {
        store.decide(subjectId, decision, note, actor, clock.instant());
    }

    @Override
    public List<Long> adjustmentList(long campaignId) {
        return store.adjustments(campaignId).stream().map(Adjustment::subjectId).toList();
    }

    @Override
    @Transactional
    public void nominate(List<NewReserve> reserve, String actor) {
        insertReserve(reserve, actor);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, String> linked(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
