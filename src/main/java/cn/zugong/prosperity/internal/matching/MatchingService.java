package cn.zugong.prosperity.internal.matching;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.prosperity.MatchingNewEngagement;
import cn.zugong.prosperity.MatchingNewNeed;
import cn.zugong.prosperity.MatchingNewOffer;
import cn.zugong.prosperity.MatchingNewOutcome;
import cn.zugong.prosperity.MatchingScore;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 聚力共富 as users do it (ADR 072): every office role reads inside its scope (a record outside answers 404); ADMIN and
 * REPORTER write (post needs, register offers, engage, record outcomes, rate); a rating is given by the side it
 * belongs to (the need's poster rates the person, the offer's managing office rates the hosting side), once per
 * side. Reads of an offer's person are audited; a full phone only by an admin, audited as 查看完整敏感信息.
 */
@Service
public class MatchingService {

    static final Set<String> POSTER_KINDS = Set.of("COUNTY", "TOWNSHIP", "VILLAGE", "ENTERPRISE");
    static final Set<NodeKind> PLACES = Set.of(NodeKind.COUNTY, NodeKind.TOWNSHIP, NodeKind.VILLAGE);
    static final Set<NodeKind> SERVE_PLACES = Set.of(NodeKind.CITY, NodeKind.COUNTY, NodeKind.TOWNSHIP,
            NodeKind.VILLAGE);
    static final int PAGE = 50;

    private final MatchingStore store;
    private final Matcher matcher;
    private final OrgTree tree;
    private final PeopleDirectory people;
    private final AuditTrail audit;
    private final Clock clock;

    MatchingService(MatchingStore store, Matcher matcher, OrgTree tree, PeopleDirectory people, AuditTrail audit,
                    Clock clock) {
        this.store = store;
        this.matcher = matcher;
        this.tree = tree;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色无权访问聚力共富");
        }
    }

    static void requireWrite(CurrentUser user) {
        requireOffice(user);
        if (user.role() != Role.ADMIN && user.role() != Role.REPORTER) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）只能查看聚力共富，不能填报");
        }
    }

    public List<Rows.Field> fields() {
        return store.fields();
    }

    // ---- 借力 ----

    public List<Rows.Need> needs(CurrentUser user, String status, String field, String q, int page) {
        requireOffice(user);
        return store.needs(user.scope(), blank(status), blank(field), blank(q), PAGE, Math.max(0, page) * PAGE);
    }

    public Rows.Need need(CurrentUser user, long id) {
        requireOffice(user);
        return store.need(id, user.scope()).orElseThrow(() -> new NotFoundException("需求不存在或不在您的管理范围内：" + id));
    }

    public List<Rows.Candidate> candidates(CurrentUser user, long needId) {
        return matcher.rank(need(user, needId), user.scope());
    }

    public ScoreRules rules() {
        return matcher.rules();
    }

    @Transactional
    public long postNeed(CurrentUser user, MatchingNewNeed need) {
        requireWrite(user);
        MatchingNewNeed checked = checkNeed(need, user);
        long id = store.insertNeed(checked, user.username());
        audit.record(AuditEvent.of(AuditAction.CREATE, "matching_need", id, "发布借力需求：" + checked.title()));
        return id;
    }

    /** Checks a need against the caller's scope; returns it with the defaults filled in. */
    MatchingNewNeed checkNeed(MatchingNewNeed n, CurrentUser user) {
        OrgNode poster = n.nodeId() == 0 ? tree.get(user.scope().nodeId(), user.scope()) : nodeInScope(n.nodeId(), user,
                "发布单位");
        String kind = required(n.posterKind(), "发布方类型");
        if (!POSTER_KINDS.contains(kind)) {
            throw new BadRequestException("发布方类型：应为县（市、区）、乡镇（街道）、村（社区）或企业");
        }
        if (!kind.equals("ENTERPRISE") && poster.kind() != NodeKind.valueOf(kind)) {
            throw new BadRequestException("发布方类型：" + poster.name() + " 是" + poster.kind().label() + "，不是"
                    + Rows.posterKind(kind));
        }
        String posterName = kind.equals("ENTERPRISE") ? required(n.posterName(), "企业名称") : poster.name();
        OrgNode place = nodeInScope(n.placeNodeId(), user, "需求地点");
        if (!PLACES.contains(place.kind())) {
            throw new BadRequestException("需求地点：应为县（市、区）、乡镇（街道）或村（社区），" + place.name() + " 是"
                    + place.kind().label());
        }
        String title = length(required(n.title(), "需求标题"), 200, "需求标题");
        String field = field(n.field(), "需求领域");
        period(n.from(), n.to(), "需求时段", true);
        if (n.headcount() < 1 || n.headcount() > 999) {
            throw new BadRequestException("需要人数：应为 1 到 999");
        }
        List<String> skills = Tags.clean(n.skills(), "所需技能");
        if (skills.isEmpty()) {
            throw new BadRequestException("所需技能：至少填写一项");
        }
        String description = n.description() == null ? null : length(n.description().strip(), 2000, "需求说明");
        return new MatchingNewNeed(poster.id(), kind, length(posterName, 100, "企业名称"), title, field, description,
                place.id(), n.from(), n.to(), n.headcount(), skills, n.postedOn());
    }

    @Transactional
    public void withdrawNeed(CurrentUser user, long id) {
        requireWrite(user);
        Rows.Need need = need(user, id);
        if (!need.status().equals("OPEN")) {
            throw new ConflictException("只有征集中的需求可以撤回（当前：" + need.statusLabel() + "）");
        }
        store.setNeedStatus(id, "WITHDRAWN");
        audit.record(AuditEvent.of(AuditAction.UPDATE, "matching_need", id, "撤回借力需求：" + need.title()));
    }

    // ---- 给力 ----

    public List<Rows.Offer> offers(CurrentUser user, String kind, String field, String q, int page) {
        requireOffice(user);
        return store.offers(user.scope(), blank(kind), blank(field), blank(q), PAGE, Math.max(0, page) * PAGE);
    }

    /** An offer's page: the person's post and contact (masked) are personal data, so the read is audited. */
    public Rows.Offer offer(CurrentUser user, long id) {
        requireOffice(user);
        Rows.Offer offer = store.offer(id, user.scope())
                .orElseThrow(() -> new NotFoundException("人才不存在或不在您的管理范围内：" + id));
        audit.record(AuditEvent.read("matching_offer", id, "查看给力人才：" + offer.name()));
        return offer;
    }

    public String offerPhone(CurrentUser user, long id) {
        requireOffice(user);
        if (!user.role().canUnmask()) {
            throw new ForbiddenException("只有管理员可以查看完整联系电话");
        }
        Rows.Offer offer = store.offer(id, user.scope())
                .orElseThrow(() -> new NotFoundException("人才不存在或不在您的管理范围内：" + id));
        String phone = store.phone(id, user.scope()).orElse("");
        audit.record(AuditEvent.of(AuditAction.UNMASK, "matching_offer", id, "查看给力人才完整联系电话：" + offer.name()));
        return phone;
    }

    @Transactional
    public long registerOffer(CurrentUser user, MatchingNewOffer offer) {
        requireWrite(user);
        MatchingNewOffer checked = checkOffer(offer, user);
        long id = store.insertOffer(checked, user.username());
        audit.record(AuditEvent.of(AuditAction.CREATE, "matching_offer", id, "登记给力人才：" + checked.name()));
        return id;
    }

    MatchingNewOffer checkOffer(MatchingNewOffer o, CurrentUser user) {
        OrgNode node = o.nodeId() == 0 ? tree.get(user.scope().nodeId(), user.scope()) : nodeInScope(o.nodeId(), user,
                "管理单位");
        String kind = required(o.kind(), "类别");
        if (!kind.equals("CADRE") && !kind.equals("TALENT")) {
            throw new BadRequestException("类别：应为挂职干部或人才");
        }
        String name = length(required(o.name(), "姓名"), 50, "姓名");
        String post = length(required(o.currentPost(), "现任职务"), 200, "现任职务");
        List<String> fields = Tags.clean(o.fields(), "擅长领域");
        if (fields.isEmpty()) {
            throw new BadRequestException("擅长领域：至少选择一项");
        }
        for (String f : fields) {
            field(f, "擅长领域");
        }
        List<String> skills = Tags.clean(o.skills(), "技能专长");
        if (o.placeNodeIds() == null || o.placeNodeIds().isEmpty()) {
            throw new BadRequestException("可服务地：至少选择一处");
        }
        Map<Long, OrgNode> places = tree.byIds(o.placeNodeIds());
        for (Long p : o.placeNodeIds()) {
            OrgNode n = places.get(p);
            if (n == null || !SERVE_PLACES.contains(n.kind())) {
                throw new BadRequestException("可服务地：应为市、县（市、区）、乡镇（街道）或村（社区）（" + p + "）");
            }
        }
        period(o.from(), o.to(), "可服务时间", false);
        String phone = o.phone() == null || o.phone().isBlank() ? null : o.phone().strip();
        if (phone != null && !phone.matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}")) {
            throw new BadRequestException("联系电话：应为 11 位手机号或带区号的固定电话");
        }
        if (o.personId() != null && people.cards(List.of(o.personId()), user.scope(), LocalDate.now(clock)).isEmpty()) {
            throw new BadRequestException("关联干部：花名册中没有该人员，或不在您的管理范围内（" + o.personId() + "）");
        }
        String note = o.note() == null ? null : length(o.note().strip(), 1000, "备注");
        return new MatchingNewOffer(node.id(), kind, name, post, o.personId(), o.talentId(), fields, skills,
                List.copyOf(new java.util.LinkedHashSet<>(o.placeNodeIds())), o.from(), o.to(), phone, note,
                o.registeredOn());
    }

    @Transactional
    public void withdrawOffer(CurrentUser user, long id) {
        requireWrite(user);
        Rows.Offer offer = store.offer(id, user.scope())
                .orElseThrow(() -> new NotFoundException("人才不存在或不在您的管理范围内：" + id));
        if (!user.scope().contains(tree.byId(offer.nodeId()).orElseThrow().path())) {
            throw new ForbiddenException("只有管理该人才的单位可以撤回（" + offer.nodeName() + "）");
        }
        store.withdrawOffer(id);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "matching_offer", id, "撤回给力人才：" + offer.name()));
    }

    // ---- engagements ----

    public List<Rows.Engagement> engagements(CurrentUser user, Long needId, Long offerId, String status, int page) {
        requireOffice(user);
        return store.engagements(user.scope(), needId, offerId, blank(status), PAGE, Math.max(0, page) * PAGE);
    }

    /** An engagement with its outcomes, ratings and which sides the caller may still rate. */
    public record EngagementPage(Rows.Engagement engagement, List<Rows.Outcome> outcomes, List<Rows.Rating> ratings,
                                 boolean needSide, boolean offerSide, boolean canWrite) {
        public boolean rated(String side) {
            return ratings.stream().anyMatch(r -> r.side().equals(side));
        }
    }

    public EngagementPage engagement(CurrentUser user, long id) {
        Rows.Engagement e = engagementOf(user, id);
        String[] paths = store.sidePaths(id).orElseThrow();
        boolean write = user.role() == Role.ADMIN || user.role() == Role.REPORTER;
        return new EngagementPage(e, store.outcomes(id), store.ratings(id), user.scope().contains(paths[0]),
                user.scope().contains(paths[1]), write);
    }

    private Rows.Engagement engagementOf(CurrentUser user, long id) {
        requireOffice(user);
        return store.engagement(id, user.scope())
                .orElseThrow(() -> new NotFoundException("对接不存在或不在您的管理范围内：" + id));
    }

    /**
     * Makes a chosen match an engagement: the need must be open or matched and the caller's, the offer active and
     * seen by the caller, not engaged on this need before; the score it was chosen with is kept. The need becomes
     * 已对接 once it has as many engagements as people wanted.
     */
    @Transactional
    public long engage(CurrentUser user, MatchingNewEngagement e) {
        requireWrite(user);
        Rows.Need need = need(user, e.needId());
        Rows.Offer offer = store.offer(e.offerId(), user.scope())
                .orElseThrow(() -> new NotFoundException("人才不存在或不在您的管理范围内：" + e.offerId()));
        if (need.status().equals("WITHDRAWN") || need.status().equals("DONE")) {
            throw new ConflictException("需求" + need.statusLabel() + "，不能再对接");
        }
        if (!offer.status().equals("ACTIVE")) {
            throw new ConflictException("该人才已撤回，不能对接");
        }
        period(e.start(), e.end(), "对接时间", true);
        String tasks = length(required(e.tasks(), "对接任务"), 2000, "对接任务");
        if (store.engaged(need.id(), offer.id())) {
            throw new ConflictException("该人才已与此需求对接");
        }
        MatchingScore score = matcher.score(need, offer);
        long id;
        try {
            id = store.insertEngagement(new MatchingNewEngagement(need.id(), offer.id(), e.start(), e.end(), tasks),
                    score.total(), user.username());
        } catch (DuplicateKeyException dup) {
            throw new ConflictException("该人才已与此需求对接");
        }
        if (need.status().equals("OPEN") && store.needProgress(need.id())[0] >= need.headcount()) {
            store.setNeedStatus(need.id(), "MATCHED");
        }
        audit.record(AuditEvent.of(AuditAction.CREATE, "matching_engagement", id,
                "对接：" + offer.name() + " → " + need.title() + "（匹配得分 " + score.total().toPlainString() + "）"));
        return id;
    }

    @Transactional
    public long addOutcome(CurrentUser user, long engagementId, MatchingNewOutcome o) {
        requireWrite(user);
        Rows.Engagement e = engagementOf(user, engagementId);
        if (e.status().equals("ENDED")) {
            throw new ConflictException("对接已终止，不能再记录成效");
        }
        String summary = length(required(o.summary(), "成效内容"), 2000, "成效内容");
        LocalDate on = o.recordedOn() == null ? LocalDate.now(clock) : o.recordedOn();
        if (on.isBefore(e.start())) {
            throw new BadRequestException("成效日期：不能早于对接开始日 " + e.start());
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw new BadRequestException("成效日期：不能晚于今天");
        }
        if (o.projects() < 0 || o.peopleTrained() < 0 || o.projects() > 100000 || o.peopleTrained() > 1000000) {
            throw new BadRequestException("项目数、培训人数：应为不小于 0 的整数");
        }
        BigDecimal funds = o.fundsYuan() == null ? BigDecimal.ZERO : o.fundsYuan();
        if (funds.signum() < 0 || funds.scale() > 2 || funds.compareTo(new BigDecimal("1000000000000")) >= 0) {
            throw new BadRequestException("争取资金（元）：应为不小于 0、最多两位小数的金额");
        }
        long id = store.insertOutcome(e.id(), new MatchingNewOutcome(on, summary, o.projects(), funds,
                o.peopleTrained()), user.username());
        audit.record(AuditEvent.of(AuditAction.CREATE, "matching_outcome", id, "记录对接成效：" + e.needTitle()));
        return id;
    }

    /** Completes an engagement; the need becomes 已完成 when every engagement it has is done. */
    @Transactional
    public void complete(CurrentUser user, long engagementId, LocalDate on) {
        requireWrite(user);
        Rows.Engagement e = engagementOf(user, engagementId);
        String[] paths = store.sidePaths(engagementId).orElseThrow();
        if (!user.scope().contains(paths[0])) {
            throw new ForbiddenException("只有需求方可以确认对接完成");
        }
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        if (day.isBefore(e.start())) {
            throw new BadRequestException("完成日期：不能早于对接开始日 " + e.start());
        }
        if (!store.setEngagementStatus(e.id(), "ACTIVE", "DONE", day)) {
            throw new ConflictException("对接" + e.statusLabel() + "，不能再确认完成");
        }
        Rows.Need need = store.need(e.needId(), user.scope()).orElseThrow();
        long[] progress = store.needProgress(need.id());
        if (progress[0] >= need.headcount() && progress[0] == progress[1]) {
            store.setNeedStatus(need.id(), "DONE");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "matching_engagement", e.id(), "确认对接完成：" + e.needTitle()));
    }

    /**
     * A rating by one side: NEED (the need's poster rates the person) needs the need's node in the caller's scope,
     * OFFER (the person, through the office that manages the offer, rates the hosting side) the offer's node; each
     * side once (the unique key holds under concurrent posts).
     */
    @Transactional
    public long rate(CurrentUser user, long engagementId, String side, int stars, String comment) {
        requireWrite(user);
        Rows.Engagement e = engagementOf(user, engagementId);
        String[] paths = store.sidePaths(engagementId).orElseThrow();
        if (!"NEED".equals(side) && !"OFFER".equals(side)) {
            throw new BadRequestException("评价方：应为需求方（NEED）或人才方（OFFER）");
        }
        if (side.equals("NEED") && !user.scope().contains(paths[0])) {
            throw new ForbiddenException("只有需求方（" + e.needNodeName() + "）可以评价人才");
        }
        if (side.equals("OFFER") && !user.scope().contains(paths[1])) {
            throw new ForbiddenException("只有人才方（" + e.offerNodeName() + "）可以评价需求方");
        }
        if (stars < 1 || stars > 5) {
            throw new BadRequestException("评分：应为 1 到 5 星");
        }
        String text = comment == null || comment.isBlank() ? null : length(comment.strip(), 1000, "评价意见");
        long id;
        try {
            id = store.insertRating(e.id(), side, stars, text, user.username(), null);
        } catch (DuplicateKeyException dup) {
            throw new ConflictException(Rows.side(side) + "已评价过，每方只能评价一次");
        }
        audit.record(AuditEvent.of(AuditAction.CREATE, "matching_rating", id,
                Rows.side(side) + "：" + stars + " 星（" + e.needTitle() + "）"));
        return id;
    }

    // ---- checks ----

    private OrgNode nodeInScope(long id, CurrentUser user, String field) {
        return tree.byId(id).filter(n -> user.scope().contains(n.path()))
                .orElseThrow(() -> new BadRequestException(field + "：组织节点不存在或不在您的管理范围内（" + id + "）"));
    }

    private String field(String code, String label) {
        String c = required(code, label);
        if (!store.fieldNames().containsKey(c)) {
            throw new BadRequestException(label + "：没有这个领域（" + c + "）");
        }
        return c;
    }

    private static void period(LocalDate from, LocalDate to, String label, boolean toRequired) {
        if (from == null) {
            throw new BadRequestException(label + "：缺少开始日期");
        }
        if (to == null && toRequired) {
            throw new BadRequestException(label + "：缺少结束日期");
        }
        if (to != null && to.isBefore(from)) {
            throw new BadRequestException(label + "：结束日期早于开始日期");
        }
        if (to != null && to.isAfter(from.plusYears(5))) {
            throw new BadRequestException(label + "：不能超过 5 年");
        }
    }

    private static String required(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(label + "：不能为空");
        }
        return value.strip();
    }

    private static String length(String value, int max, String label) {
        if (value != null && value.length() > max) {
            throw new BadRequestException(label + "：不超过 " + max + " 个字");
        }
        return value;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
