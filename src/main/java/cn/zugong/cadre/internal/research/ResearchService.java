package cn.zugong.cadre.internal.research;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.research.ResearchForms.ConcludeForm;
import cn.zugong.cadre.internal.research.ResearchForms.ProblemForm;
import cn.zugong.cadre.internal.research.ResearchForms.ProgressForm;
import cn.zugong.cadre.internal.research.ResearchForms.SolveForm;
import cn.zugong.cadre.internal.research.ResearchForms.TopicForm;
import cn.zugong.cadre.internal.research.ResearchForms.DunForm;
import cn.zugong.cadre.internal.research.ResearchViews.Dunning;
import cn.zugong.cadre.internal.research.ResearchViews.Overdue;
import cn.zugong.cadre.internal.research.ResearchViews.Problem;
import cn.zugong.closure.Escalation;
import cn.zugong.closure.Escalations;
import cn.zugong.cadre.internal.research.ResearchViews.Topic;
import cn.zugong.cadre.internal.research.ResearchViews.TopicDetail;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.people.PersonCard;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.web.FormFields;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes of 调研课题: a topic led by a 县处级 (or higher) leader of the roster, progress notes, problems found,
 * each problem solved once (date and how), the topic concluded with its findings. Every method checks who may do it
 * (CadreAccess), is one transaction and is audited.
 */
@Service
public class ResearchService {

    /** The roster's 领导职务层次 that may lead a topic: 县处级 and above (RosterVocabulary.POSTS). */
    static final Set<String> LEADER_POSTS = Set.of("厅局级正职", "厅局级副职", "县处级正职", "县处级副职");

    private final ResearchStore store;
    private final CadreAccess access;
    private final OrgTree tree;
    private final PeopleDirectory people;
    private final AuditTrail audit;
    private final Escalations escalations;
    private final Clock clock;

    ResearchService(ResearchStore store, CadreAccess access, OrgTree tree, PeopleDirectory people, AuditTrail audit,
                    Escalations escalations, Clock clock) {
        this.store = store;
        this.escalations = escalations;
        this.access = access;
        this.tree = tree;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    public Topic visibleTopic(CurrentUser user, long id) {
        access.requireRead(user);
        return store.topic(id).filter(t -> user.scope().contains(t.nodePath()))
                .orElseThrow(() -> new NotFoundException("调研课题不存在或不在您的管理范围内：" + id));
    }

    public Problem visibleProblem(CurrentUser user, long id) {
        access.requireRead(user);
        Problem p = store.problem(id).orElseThrow(() -> new NotFoundException("问题不存在：" + id));
        visibleTopic(user, p.topicId());
        return p;
    }

    public TopicDetail detail(CurrentUser user, long id) {
        Topic t = visibleTopic(user, id);
        return new TopicDetail(t, store.progressOf(id), store.problemsOf(id), store.dunningOf(id));
    }

    /**
     * The 督办 list: open topics of the scope past their 计划结题日期, each with the level its working days overdue
     * reach today under the closure workflow's rule ({@link Escalations#levelOf}) and the 督办 pressed so far.
     */
    public List<Overdue> overdue(CurrentUser user, int limit) {
        access.requireRead(user);
        LocalDate today = today();
        List<Topic> topics = store.overdueInScope(user.scope(), today, limit);
        var pressed = store.dunningOf(topics.stream().map(Topic::id).toList());
        return topics.stream().map(t -> {
            Escalation level = escalations.levelOf(t.dueOn(), today);
            List<Dunning> ds = pressed.getOrDefault(t.id(), List.of());
            return new Overdue(t, escalations.overdueWorkdays(t.dueOn(), today), level.name(), level.label(), ds.size(),
                    ds.isEmpty() ? null : ds.get(ds.size() - 1));
        }).toList();
    }

    /**
     * 督办 of a topic past its 计划结题日期 without a 结题, at the level its working days overdue reach today; refused
     * (409) for a concluded topic, one not overdue or not yet at 提醒, and a level already pressed for that due day.
     */
    @Transactional
    public Escalation dun(CurrentUser user, long topicId, DunForm form) {
        Topic t = writableTopic(user, topicId);
        if (!"OPEN".equals(t.status())) {
            throw new ConflictException("课题「" + t.title() + "」已于 " + t.concludedOn() + " 结题，无需督办");
        }
        LocalDate today = today();
        if (t.dueOn() == null) {
            throw new ConflictException("课题「" + t.title() + "」未设计划结题日期，不能督办");
        }
        Escalation level = escalations.levelOf(t.dueOn(), today);
        if (level == Escalation.NONE) {
            throw new ConflictException("课题「" + t.title() + "」" + (t.dueOn().isBefore(today)
                    ? "逾期未满 1 个工作日（计划结题 " + t.dueOn() + "），暂不督办"
                    : "未到计划结题日期 " + t.dueOn() + "，无需督办"));
        }
        String note = form == null ? null : FormFields.text(form.note(), "督办要求", 500, false);
        int overdue = escalations.overdueWorkdays(t.dueOn(), today);
        if (!store.insertDunning(t.id(), level.name(), t.dueOn(), overdue, note, now(), user.username())) {
            throw new ConflictException("课题「" + t.title() + "」已" + level.label() + "，不能重复督办");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "research_topic", t.id(), "「" + t.title() + "」" + level.label()
                + "：计划结题 " + t.dueOn() + "，逾期 " + overdue + " 个工作日"));
        return level;
    }

    public List<Topic> topics(CurrentUser user, Boolean key, Integer year) {
        access.requireRead(user);
        return store.topicsInScope(user.scope(), key, year, 500);
    }

    @Transactional
    public long createTopic(CurrentUser user, TopicForm form) {
        access.requireRead(user);
        OrgNode node = tree.get(FormFields.id(form.nodeId(), "牵头单位"), user.scope());
        access.requireWrite(user, node.path());
        String title = FormFields.text(form.title(), "课题名称", 200);
        long leaderId = FormFields.id(form.leaderId(), "领题领导（人员编号）");
        PersonCard leader = people.cards(List.of(leaderId), user.scope(), today()).stream().findFirst()
                .orElseThrow(() -> new BadRequestException("「领题领导」不在干部名册或不在您的管理范围内：" + leaderId));
        if (leader.postLevel() == null || !LEADER_POSTS.contains(leader.postLevel())) {
            throw new BadRequestException("「领题领导」须为县处级以上领导干部：" + leader.name() + " 的领导职务层次为"
                    + (leader.postLevel() == null ? "（无）" : leader.postLevel()));
        }
        LocalDate starts = FormFields.date(form.startsOn(), "立项日期");
        if (starts.isAfter(today())) {
            throw new BadRequestException("「立项日期」不能晚于今天：" + starts);
        }
        boolean key = FormFields.flag(form.keyTopic());
        LocalDate due = form.dueOn() == null || form.dueOn().isBlank() ? null : FormFields.date(form.dueOn(), "计划结题日期");
        if (due != null && due.isBefore(starts)) {
            throw new BadRequestException("「计划结题日期」" + due + " 不能早于立项日期 " + starts);
        }
        long id = store.insertTopic(node.id(), countyOf(node), title, leader.id(), leader.postLevel(), key, starts,
                due, now(), user.username());
        audit.record(AuditEvent.of(AuditAction.CREATE, "research_topic", id, "新建" + (key ? "重点" : "") + "调研课题「"
                + title + "」，领题领导 " + leader.name() + "（" + leader.postLevel() + "）"));
        return id;
    }

    Long countyOf(OrgNode node) {
        if (node.kind() == NodeKind.COUNTY) {
            return node.id();
        }
        return tree.ancestors(node, new OrgScope(node.id(), "/")).stream().filter(n -> n.kind() == NodeKind.COUNTY)
                .map(OrgNode::id).findFirst().orElse(null);
    }

    private Topic writableTopic(CurrentUser user, long id) {
        Topic t = visibleTopic(user, id);
        access.requireWrite(user, t.nodePath());
        store.lockTopic(id);
        return t;
    }

    @Transactional
    public long addProgress(CurrentUser user, long topicId, ProgressForm form) {
        Topic t = writableTopic(user, topicId);
        if (!"OPEN".equals(t.status())) {
            throw new ConflictException("课题「" + t.title() + "」已结题，不能再登记进展");
        }
        LocalDate on = dateIn(form.notedOn(), "进展日期", t);
        String note = FormFields.text(form.note(), "进展情况", 2000);
        long id = store.insertProgress(t.id(), on, note, now(), user.username());
        audit.record(AuditEvent.of(AuditAction.CREATE, "research_progress", id, "「" + t.title() + "」" + on + " 进展"));
        return id;
    }

    @Transactional
    public long addProblem(CurrentUser user, long topicId, ProblemForm form) {
        Topic t = writableTopic(user, topicId);
        if (!"OPEN".equals(t.status())) {
            throw new ConflictException("课题「" + t.title() + "」已结题，不能再登记发现的问题");
        }
        String description = FormFields.text(form.description(), "问题描述", 1000);
        LocalDate found = dateIn(form.foundOn(), "发现日期", t);
        long id = store.insertProblem(t.id(), description, found, now(), user.username());
        audit.record(AuditEvent.of(AuditAction.CREATE, "research_problem", id,
                "「" + t.title() + "」发现问题：" + description));
        return id;
    }

    /** A problem solved (破解), once: the day (not before it was found, not in the future) and how. */
    @Transactional
    public void solve(CurrentUser user, long problemId, SolveForm form) {
        Problem p = visibleProblem(user, problemId);
        Topic t = writableTopic(user, p.topicId());
        if (p.solved()) {
            throw new ConflictException("问题已于 " + p.solvedOn() + " 破解，不能重复登记");
        }
        LocalDate on = FormFields.date(form.solvedOn(), "解决日期");
        if (on.isBefore(p.foundOn()) || on.isAfter(today())) {
            throw new BadRequestException("「解决日期」" + on + " 应在发现日期 " + p.foundOn() + " 到今天之间");
        }
        String how = FormFields.text(form.solution(), "解决举措", 1000);
        if (!store.solve(p.id(), on, how)) {
            throw new ConflictException("问题已破解，不能重复登记");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "research_problem", p.id(),
                "「" + t.title() + "」问题已破解（" + on + "）：" + p.description()));
    }

    @Transactional
    public void conclude(CurrentUser user, long topicId, ConcludeForm form) {
        Topic t = writableTopic(user, topicId);
        if (!"OPEN".equals(t.status())) {
            throw new ConflictException("课题「" + t.title() + "」已于 " + t.concludedOn() + " 结题");
        }
        LocalDate on = dateIn(form.concludedOn(), "结题日期", t);
        String findings = FormFields.text(form.findings(), "调研成果", 4000);
        store.conclude(t.id(), on, findings);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "research_topic", t.id(), "「" + t.title() + "」结题（" + on + "）"));
    }

    String ruleText() {
        return escalations.ruleText();
    }

    /** A date of the topic's life: not before its start, not in the future. */
    private LocalDate dateIn(String value, String label, Topic t) {
        LocalDate d = FormFields.date(value, label);
        if (d.isBefore(t.startsOn()) || d.isAfter(today())) {
            throw new BadRequestException("「" + label + "」" + d + " 应在立项日期 " + t.startsOn() + " 到今天之间");
        }
        return d;
    }
}
