package cn.zugong.talent.internal.support;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.people.PersonCard;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Text;
import cn.zugong.talent.internal.TalentAccess;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.EmployerRecord;
import cn.zugong.talent.internal.support.SupportForms.ContactForm;
import cn.zugong.talent.internal.support.SupportForms.CoverageFilter;
import cn.zugong.talent.internal.support.SupportForms.KeyTalentForm;
import cn.zugong.talent.internal.support.SupportForms.LeaderForm;
import cn.zugong.talent.internal.support.SupportForms.MemberForm;
import cn.zugong.talent.internal.support.SupportForms.OfficeRequestForm;
import cn.zugong.talent.internal.support.SupportForms.PlatformForm;
import cn.zugong.talent.internal.support.SupportForms.ProjectForm;
import cn.zugong.talent.internal.support.SupportForms.RequestForm;
import cn.zugong.talent.internal.support.SupportForms.ServeForm;
import cn.zugong.talent.internal.support.SupportForms.TeamForm;
import cn.zugong.talent.internal.support.SupportRecords.Contact;
import cn.zugong.talent.internal.support.SupportRecords.ContactMode;
import cn.zugong.talent.internal.support.SupportRecords.Duty;
import cn.zugong.talent.internal.support.SupportRecords.Liaison;
import cn.zugong.talent.internal.support.SupportRecords.Platform;
import cn.zugong.talent.internal.support.SupportRecords.Project;
import cn.zugong.talent.internal.support.SupportRecords.Request;
import cn.zugong.talent.internal.support.SupportRecords.Served;
import cn.zugong.talent.internal.support.SupportRecords.TargetKind;
import cn.zugong.talent.internal.support.SupportRecords.Team;
import cn.zugong.talent.internal.support.SupportViews.Coverage;
import cn.zugong.talent.internal.support.SupportViews.CoverageRow;
import cn.zugong.talent.internal.support.SupportViews.Figures;
import cn.zugong.talent.internal.support.SupportViews.RequestView;
import cn.zugong.talent.internal.support.SupportViews.TeamLine;
import cn.zugong.talent.internal.support.SupportViews.TeamView;
import cn.zugong.tickets.NewTicket;
import cn.zugong.tickets.ProblemTickets;
import cn.zugong.tickets.TicketProgress;
import cn.zugong.tickets.TicketSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 人才诉求, 人才工作专班 and 党委联系服务专家 (ADR 061). The office (ADMIN, REVIEWER, LEADER, REPORTER) reads what
 * lies in its scope — 专班, platforms, projects, contacts and requests by their node, talents by
 * {@link TalentAccess} — and only ADMIN writes; a talent raises and reads only the own requests. Every write is
 * one transaction and audited.
 */
@Service
public class SupportService {

    /** The levels whose talents are 重点人才 without being named (A–C of the classification). */
    public static final List<String> KEY_LEVELS = List.of("A", "B", "C");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,30}");
    private static final Set<String> GRADES = Set.of("NATIONAL", "PROVINCIAL", "CITY");

    private final SupportRepository repository;
    private final TalentStore talents;
    private final TalentAccess access;
    private final ProblemTickets tickets;
    private final OrgTree tree;
    private final PeopleDirectory people;
    private final AuditTrail audit;
    private final Clock clock;

    SupportService(SupportRepository repository, TalentStore talents, TalentAccess access, ProblemTickets tickets,
                   OrgTree tree, PeopleDirectory people, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.talents = talents;
        this.access = access;
        this.tickets = tickets;
        this.tree = tree;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- 专班 ------------------------------------------------------------------------------------------------

    public List<TeamLine> teams(CurrentUser user) {
        requireOffice(user);
        return lines(repository.teams(user.scope()), user.scope());
    }

    public TeamView team(long id, CurrentUser user) {
        Team team = visibleTeam(id, user);
        List<Served> served = named(repository.served(id));
        return new TeamView(team, repository.members(id), served, repository.teamContacts(id),
                views(repository.requestsOfTeam(id)));
    }

    @Transactional
    public Team createTeam(TeamForm form, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        OrgNode node = tree.get(form.nodeId() == null ? user.scope().nodeId() : form.nodeId(), user.scope());
        String code = Text.required(form.code(), "专班代码", 30);
        if (!CODE.matcher(code).matches()) {
            throw new ConflictException("专班代码只能由字母、数字、下划线组成：" + code);
        }
        if (repository.teamCodeExists(code)) {
            throw new ConflictException("专班代码已存在：" + code);
        }
        String name = Text.required(form.name(), "专班名称", 100);
        String leadUnit = Text.required(form.leadUnit(), "牵头单位", 100);
        Person leader = person(form.leaderPersonId(), form.leaderName(), "专班负责人", user);
        LocalDateTime now = LocalDateTime.now(clock);
        long id = repository.insertTeam(node.id(), code, name, Text.optional(form.fields(), "服务领域", 300),
                Text.optional(form.remit(), "工作职责", 500), leadUnit, leader.personId(), leader.name(),
                form.sortOrder() == null ? 0 : form.sortOrder(), user.username(), now);
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_team", String.valueOf(id), "组建人才工作专班：" + name, null,
                map("code", code, "node", node.id(), "leadUnit", leadUnit, "leader", leader.name()), null));
        return repository.team(id).orElseThrow();
    }

    @Transactional
    public void addMember(long teamId, MemberForm form, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        Team team = visibleTeam(teamId, user);
        Duty duty = parseDuty(form.duty());
        Person p = person(form.personId(), form.name(), "成员", user);
        String unit = Text.optional(form.unitName(), "成员单位", 100);
        if (unit == null && p.unitName() != null) {
            unit = p.unitName();
        }
        long id = repository.insertMember(teamId, p.personId(), p.name(), unit, duty, user.username(),
                LocalDateTime.now(clock));
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_team_member", String.valueOf(id),
                "专班「" + team.name() + "」增加" + duty.label() + "：" + p.name(), null,
                map("team", teamId, "person", p.personId(), "name", p.name(), "duty", duty.name()), null));
    }

    @Transactional
    public void serve(long teamId, ServeForm form, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        Team team = visibleTeam(teamId, user);
        if ((form.employerId() == null) == (form.talentId() == null)) {
            throw new ConflictException("请选择服务的企业或人才（二选一）");
        }
        String name = form.employerId() != null ? employer(form.employerId(), user).name()
                : access.talent(form.talentId(), user).name();
        if (repository.served(teamId, form.employerId(), form.talentId())) {
            throw new ConflictException("专班「" + team.name() + "」已在服务：" + name);
        }
        repository.insertServed(teamId, form.employerId(), form.talentId(), user.username(), LocalDateTime.now(clock));
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_team_served", String.valueOf(teamId),
                "专班「" + team.name() + "」联系服务：" + name, null,
                map("team", teamId, "employer", form.employerId(), "talent", form.talentId()), null));
    }

    // ---- contacts --------------------------------------------------------------------------------------------

    /** Logs a contact of a 专班, or of a leader with a key talent, platform or project. */
    @Transactional
    public Contact logContact(ContactForm form, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        LocalDate date = form.date();
        if (date == null) {
            throw new ConflictException("请填写联系日期");
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw new ConflictException("联系日期不能晚于今天：" + date);
        }
        ContactMode mode = ContactMode.parse(form.mode());
        if (mode == null) {
            throw new ConflictException("请选择联系方式（走访 / 电话 / 座谈 / 线上）");
        }
        String whom = Text.required(form.whom(), "联系对象", 100);
        String byName = Text.optional(form.byName(), "联系人", 50);
        String content = Text.required(form.content(), "联系内容", 2000);
        long nodeId;
        TargetKind kind = null;
        Long targetId = null;
        String about;
        if (form.teamId() != null) {
            Team team = visibleTeam(form.teamId(), user);
            nodeId = team.nodeId();
            about = "专班「" + team.name() + "」";
        } else {
            kind = TargetKind.parse(form.targetKind());
            if (kind == null || form.targetId() == null) {
                throw new ConflictException("请选择联系的专班，或重点人才 / 重点平台 / 重点项目");
            }
            targetId = form.targetId();
            Target t = target(kind, targetId, user);
            nodeId = t.nodeId();
            about = kind.label() + "「" + t.name() + "」";
            Liaison l = repository.liaison(kind, targetId).orElse(null);
            if (byName == null && l != null) {
                byName = l.leaderName();
            }
        }
        if (byName == null) {
            byName = user.displayName();
        }
        long id = repository.insertContact(nodeId, form.teamId(), kind, targetId, date, mode, whom, byName, content, 0,
                user.username(), LocalDateTime.now(clock));
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_contact", String.valueOf(id),
                about + mode.label() + "联系：" + whom + "（" + date + "）", null,
                map("team", form.teamId(), "kind", kind == null ? null : kind.name(), "target", targetId,
                        "date", date.toString(), "mode", mode.name()), null));
        return repository.contact(id).orElseThrow();
    }

    public List<Contact> targetContacts(TargetKind kind, long targetId, CurrentUser user) {
        target(kind, targetId, user);
        return repository.targetContacts(kind, targetId);
    }

    // ---- 人才诉求 ----------------------------------------------------------------------------------------------

    /** A talent raises a request on the own page: a ticket with source 人才, the talent as the requester. */
    @Transactional
    public RequestView raiseOwn(RequestForm form, CurrentUser user) {
        TalentRecord me = access.own(user);
        Topic topic = topic(form.topic());
        String description = Text.required(form.description(), "诉求内容", 2000);
        String title = titleOf(form.title(), description);
        OrgNode unit = handlingUnit(me.nodeId(), user.scope());
        LocalDateTime now = LocalDateTime.now(clock);
        long id = repository.insertRequest(me.nodeId(), me.id(), me.employerId(), null, null, topic.name(), title,
                user.username(), now);
        String phone = me.phone() != null && me.phone().matches("[0-9+\\- ]{5,20}") ? me.phone() : null;
        ProblemTickets.Raised raised = tickets.raise(new NewTicket(topic.category(), TicketSource.TALENT.name(),
                "人才诉求-" + id, unit.id(), title, "【人才诉求·" + topic.label() + "】" + description, me.name(), phone,
                null, null), user);
        repository.linkTicket(id, raised.itemId(), raised.ticketNo());
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_request", String.valueOf(id),
                "人才提出诉求 " + raised.ticketNo() + "：" + title, null,
                map("talent", me.id(), "topic", topic.name(), "ticket", raised.ticketNo()), null));
        return view(repository.request(id).orElseThrow());
    }

    public List<RequestView> own(CurrentUser user) {
        TalentRecord me = access.own(user);
        return views(repository.requestsOfTalent(me.id()));
    }

    /** One of the talent's own requests; anyone else's is 404. */
    public RequestView ownOne(long id, CurrentUser user) {
        TalentRecord me = access.own(user);
        Request r = repository.request(id).filter(x -> Objects.equals(x.talentId(), me.id()))
                .orElseThrow(() -> new NotFoundException("诉求不存在：" + id));
        return view(r);
    }

    /** The office enters a request for an employer or a talent (e.g. found by a 专班 on a visit). */
    @Transactional
    public RequestView raiseForOthers(OfficeRequestForm form, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        if ((form.employerId() == null) == (form.talentId() == null)) {
            throw new ConflictException("请选择提出诉求的企业或人才（二选一）");
        }
        Topic topic = topic(form.topic());
        String description = Text.required(form.description(), "诉求内容", 2000);
        String title = titleOf(form.title(), description);
        long nodeId;
        String raiser;
        Long employerId = form.employerId();
        if (employerId != null) {
            EmployerRecord e = employer(employerId, user);
            nodeId = e.nodeId();
            raiser = e.name();
        } else {
            TalentRecord t = access.talent(form.talentId(), user);
            nodeId = t.nodeId();
            raiser = t.name();
            employerId = t.employerId();
        }
        Team team = form.teamId() == null ? null : visibleTeam(form.teamId(), user);
        if (form.contactId() != null) {
            Contact c = repository.contact(form.contactId()).filter(x -> user.scope().contains(nodePath(x.nodeId())))
                    .orElseThrow(() -> new NotFoundException("联系记录不存在或不在您的管理范围内：" + form.contactId()));
            if (team != null && !Objects.equals(c.teamId(), team.id())) {
                throw new ConflictException("联系记录不属于所选专班");
            }
        }
        OrgNode unit = handlingUnit(nodeId, user.scope());
        String requester = Text.optional(form.requesterName(), "联系人", 50);
        String phone = Text.blankToNull(form.requesterPhone());
        if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
            throw new ConflictException("联系电话格式不正确：只能是 5–20 位数字");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        long id = repository.insertRequest(nodeId, form.talentId(), employerId, team == null ? null : team.id(),
                form.contactId(), topic.name(), title, user.username(), now);
        String source = team == null ? "" : "（" + team.name() + "收集）";
        ProblemTickets.Raised raised = tickets.raise(new NewTicket(topic.category(), TicketSource.TALENT.name(),
                "人才诉求-" + id, unit.id(), title, "【人才诉求·" + topic.label() + "】" + raiser + source + "：" + description,
                requester == null ? raiser : requester, phone, null, null), user);
        repository.linkTicket(id, raised.itemId(), raised.ticketNo());
        if (form.contactId() != null) {
            repository.countProblem(form.contactId());
        }
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_request", String.valueOf(id),
                "登记人才诉求 " + raised.ticketNo() + "（" + raiser + "）：" + title, null,
                map("employer", form.employerId(), "talent", form.talentId(), "team", form.teamId(),
                        "contact", form.contactId(), "topic", topic.name(), "ticket", raised.ticketNo()), null));
        return view(repository.request(id).orElseThrow());
    }

    public List<RequestView> requests(Long teamId, CurrentUser user) {
        requireOffice(user);
        if (teamId != null) {
            visibleTeam(teamId, user);
        }
        return views(repository.requests(user.scope(), teamId, 500));
    }

    public RequestView request(long id, CurrentUser user) {
        requireOffice(user);
        return view(repository.request(id).filter(r -> user.scope().contains(r.nodePath()))
                .orElseThrow(() -> new NotFoundException("诉求不存在或不在您的管理范围内：" + id)));
    }

    // ---- platforms, projects, key talents, leaders --------------------------------------------------------

    @Transactional
    public Platform addPlatform(PlatformForm form, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        String name = Text.required(form.name(), "平台名称", 200);
        String kind = Text.required(form.kind(), "平台类型", 40);
        String grade = Text.blankToNull(form.grade());
        if (grade == null || !GRADES.contains(grade)) {
            throw new ConflictException("请选择平台级别（国家级 / 省级 / 市级）");
        }
        if (form.employerId() == null) {
            throw new ConflictException("请选择依托单位");
        }
        EmployerRecord host = employer(form.employerId(), user);
        long id = repository.insertPlatform(host.nodeId(), name, kind, grade, host.id(), user.username(),
                LocalDateTime.now(clock));
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_platform", String.valueOf(id), "登记重点平台：" + name,
                null, map("kind", kind, "grade", grade, "employer", host.id()), null));
        return repository.platform(id).orElseThrow();
    }

    @Transactional
    public Project addProject(ProjectForm form, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        String name = Text.required(form.name(), "项目名称", 200);
        String kind = Text.required(form.kind(), "项目类型", 40);
        long nodeId;
        if (form.employerId() != null) {
            nodeId = employer(form.employerId(), user).nodeId();
        } else {
            nodeId = tree.get(form.nodeId() == null ? user.scope().nodeId() : form.nodeId(), user.scope()).id();
        }
        long id = repository.insertProject(nodeId, name, kind, form.employerId(), form.startedOn(), user.username(),
                LocalDateTime.now(clock));
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_project", String.valueOf(id), "登记重点项目：" + name,
                null, map("kind", kind, "employer", form.employerId(), "node", nodeId), null));
        return repository.project(id).orElseThrow();
    }

    /** Names a talent 重点人才 beyond the levels A–C. */
    @Transactional
    public void designateKeyTalent(KeyTalentForm form, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        if (form.talentId() == null) {
            throw new ConflictException("请选择人才");
        }
        TalentRecord t = access.talent(form.talentId(), user);
        String reason = Text.required(form.reason(), "列为重点人才的理由", 200);
        if (repository.keyTalent(t.id())) {
            throw new ConflictException("已是重点人才：" + t.name());
        }
        repository.insertKeyTalent(t.id(), reason, user.username(), LocalDateTime.now(clock));
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_key_talent", String.valueOf(t.id()),
                "列为重点人才：" + t.name(), null, map("reason", reason), null));
    }

    /** Assigns (or replaces) the responsible leader of a key talent, platform or project. */
    @Transactional
    public Liaison assignLeader(LeaderForm form, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        TargetKind kind = TargetKind.parse(form.kind());
        if (kind == null || form.targetId() == null) {
            throw new ConflictException("请选择联系对象（重点人才 / 重点平台 / 重点项目）");
        }
        Target t = target(kind, form.targetId(), user);
        if (kind == TargetKind.TALENT && !t.key()) {
            throw new ConflictException("「" + t.name() + "」不是重点人才（A–C 类或已列入重点人才名单），请先列为重点人才");
        }
        Person leader = person(form.personId(), form.name(), "联系领导", user);
        String post = Text.optional(form.post(), "职务", 100);
        if (post == null) {
            post = leader.post();
        }
        LocalDate since = form.since() == null ? LocalDate.now(clock) : form.since();
        Liaison before = repository.liaison(kind, t.id()).orElse(null);
        repository.deleteLiaison(kind, t.id());
        repository.insertLiaison(kind, t.id(), leader.personId(), leader.name(), post, since, user.username(),
                LocalDateTime.now(clock));
        Liaison after = repository.liaison(kind, t.id()).orElseThrow();
        audit.record(new AuditEvent(before == null ? AuditAction.CREATE : AuditAction.UPDATE, "talent_liaison",
                kind.name() + ":" + t.id(), kind.label() + "「" + t.name() + "」联系领导：" + leader.name(), before, after,
                null));
        return after;
    }

    /** The responsible leader of a target (already checked by {@link #target}). */
    public Liaison leader(TargetKind kind, long targetId) {
        return repository.liaison(kind, targetId).orElse(null);
    }

    /** The caller's node and the nodes right under it that are not units (districts), for the coverage filter. */
    public List<OrgNode> districts(CurrentUser user) {
        requireOffice(user);
        List<OrgNode> out = new ArrayList<>();
        tree.byId(user.scope().nodeId()).ifPresent(out::add);
        tree.children(user.scope().nodeId(), user.scope()).stream().filter(n -> n.kind().isDivision())
                .forEach(out::add);
        return out;
    }

    public List<Platform> platforms(CurrentUser user) {
        requireOffice(user);
        return repository.platforms(user.scope());
    }

    public List<Project> projects(CurrentUser user) {
        requireOffice(user);
        return repository.projects(user.scope());
    }

    /** Names of employers by id (for pages). */
    public Map<Long, String> employerNames(java.util.Collection<Long> ids) {
        return talents.employerNames(ids);
    }

    /** Employers in the caller's scope, for choosing. */
    public List<EmployerRecord> employers(CurrentUser user, int limit) {
        requireOffice(user);
        return talents.employersInScope(user.scope(), null, limit);
    }

    // ---- coverage ------------------------------------------------------------------------------------------

    /**
     * 重点人才、重点平台、重点项目联系服务全覆盖: every key talent (A–C, or named), platform and project in the scope
     * (or the chosen node under it) with its leader and last contact; totals over everything, rows as filtered.
     */
    public Coverage coverage(CoverageFilter filter, CurrentUser user) {
        requireOffice(user);
        OrgScope scope = filter.nodeId() == null ? user.scope() : tree.get(filter.nodeId(), user.scope()).asScope();
        List<CoverageRow> all = new ArrayList<>();
        Map<Long, TalentRecord> keyTalents = new LinkedHashMap<>();
        talents.atLevels(scope, KEY_LEVELS).forEach(t -> keyTalents.put(t.id(), t));
        Map<Long, String> named = repository.keyTalents();
        talents.byIds(named.keySet()).stream().filter(t -> scope.contains(t.nodePath()))
                .forEach(t -> keyTalents.putIfAbsent(t.id(), t));
        Map<Long, Liaison> talentLeaders = repository.liaisons(TargetKind.TALENT);
        Map<Long, Object[]> talentContacts = repository.targetContactSummary(TargetKind.TALENT);
        Map<Long, String> nodeNames = new java.util.HashMap<>();
        for (TalentRecord t : keyTalents.values().stream().sorted(Comparator.comparing(TalentRecord::id)).toList()) {
            String detail = (t.level() != null ? t.level() + "类" : "重点人才名单：" + named.get(t.id()))
                    + (t.employerName() == null ? "" : " · " + t.employerName());
            all.add(row(TargetKind.TALENT, t.id(), t.name(), detail, nodeName(t.nodeId(), nodeNames),
                    talentLeaders.get(t.id()), talentContacts.get(t.id())));
        }
        List<Platform> platforms = repository.platforms(scope);
        List<Project> projects = repository.projects(scope);
        Set<Long> employerIds = new HashSet<>();
        platforms.forEach(p -> employerIds.add(p.employerId()));
        projects.stream().map(Project::employerId).filter(Objects::nonNull).forEach(employerIds::add);
        Map<Long, String> hosts = talents.employerNames(employerIds);
        Map<Long, Liaison> platformLeaders = repository.liaisons(TargetKind.PLATFORM);
        Map<Long, Object[]> platformContacts = repository.targetContactSummary(TargetKind.PLATFORM);
        for (Platform p : platforms) {
            all.add(row(TargetKind.PLATFORM, p.id(), p.name(), p.gradeLabel() + p.kind() + " · " + hosts.get(p.employerId()),
                    p.nodeName(), platformLeaders.get(p.id()), platformContacts.get(p.id())));
        }
        Map<Long, Liaison> projectLeaders = repository.liaisons(TargetKind.PROJECT);
        Map<Long, Object[]> projectContacts = repository.targetContactSummary(TargetKind.PROJECT);
        for (Project p : projects) {
            all.add(row(TargetKind.PROJECT, p.id(), p.name(), p.kind()
                            + (p.employerId() == null ? "" : " · " + hosts.get(p.employerId())), p.nodeName(),
                    projectLeaders.get(p.id()), projectContacts.get(p.id())));
        }
        Map<TargetKind, long[]> totals = new EnumMap<>(TargetKind.class);
        for (TargetKind k : TargetKind.values()) {
            totals.put(k, new long[] {0, 0});
        }
        for (CoverageRow r : all) {
            totals.get(r.kind())[0]++;
            if (r.covered()) {
                totals.get(r.kind())[1]++;
            }
        }
        TargetKind kind = TargetKind.parse(filter.kind());
        String covered = filter.covered() == null ? "" : filter.covered().strip().toUpperCase(java.util.Locale.ROOT);
        List<CoverageRow> rows = all.stream().filter(r -> kind == null || r.kind() == kind)
                .filter(r -> !covered.equals("YES") || r.covered()).filter(r -> !covered.equals("NO") || !r.covered())
                .toList();
        return new Coverage(rows, totals, kind == null ? "" : kind.name(), covered, filter.nodeId());
    }

    // ---- figures -------------------------------------------------------------------------------------------

    public Figures figures(CurrentUser user) {
        requireOffice(user);
        List<TeamLine> lines = lines(repository.teams(user.scope()), user.scope());
        Map<Long, List<Long>> byTeam = repository.ticketsByTeam(user.scope());
        List<Long> others = byTeam.getOrDefault(0L, List.of());
        Map<Long, TicketProgress> progress = tickets.progress(others);
        long otherSolved = progress.values().stream().filter(TicketProgress::done).count();
        Map<String, List<Long>> topics = repository.ticketsByTopic(user.scope());
        Map<Long, TicketProgress> all = tickets.progress(topics.values().stream().flatMap(List::stream).toList());
        Map<String, long[]> byTopic = new LinkedHashMap<>();
        for (Topic t : Topic.values()) {
            List<Long> items = topics.getOrDefault(t.name(), List.of());
            if (!items.isEmpty()) {
                byTopic.put(t.label(), new long[] {items.size(),
                        items.stream().map(all::get).filter(x -> x != null && x.done()).count()});
            }
        }
        return new Figures(user.scopeName(), lines, lines.stream().mapToLong(TeamLine::problems).sum(),
                lines.stream().mapToLong(TeamLine::solved).sum(), lines.stream().mapToLong(TeamLine::contacts).sum(),
                others.size(), otherSolved, coverage(new CoverageFilter(null, null, null), user), byTopic);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private List<TeamLine> lines(List<Team> teams, OrgScope scope) {
        List<Long> ids = teams.stream().map(Team::id).toList();
        Map<Long, Long> members = repository.memberCounts(ids);
        Map<Long, Long> served = repository.servedCounts(ids);
        Map<Long, Long> contacts = repository.contactCounts(ids);
        Map<Long, List<Long>> byTeam = repository.ticketsByTeam(scope);
        Map<Long, TicketProgress> progress = tickets.progress(byTeam.entrySet().stream()
                .filter(e -> e.getKey() != 0L).flatMap(e -> e.getValue().stream()).toList());
        return teams.stream().map(t -> {
            List<Long> items = byTeam.getOrDefault(t.id(), List.of());
            long solved = items.stream().map(progress::get).filter(p -> p != null && p.done()).count();
            return new TeamLine(t, members.getOrDefault(t.id(), 0L), served.getOrDefault(t.id(), 0L),
                    contacts.getOrDefault(t.id(), 0L), items.size(), solved);
        }).toList();
    }

    private CoverageRow row(TargetKind kind, long id, String name, String detail, String nodeName, Liaison leader,
                            Object[] contacts) {
        return new CoverageRow(kind, id, name, detail, nodeName, leader,
                contacts == null ? null : (LocalDate) contacts[0], contacts == null ? 0 : (Long) contacts[1]);
    }

    private String nodeName(long nodeId, Map<Long, String> cache) {
        return cache.computeIfAbsent(nodeId, id -> tree.byId(id).map(OrgNode::name).orElse(""));
    }

    private String nodePath(long nodeId) {
        return tree.byId(nodeId).map(OrgNode::path).orElse(null);
    }

    private List<RequestView> views(List<Request> requests) {
        Map<Long, TicketProgress> progress = tickets.progress(requests.stream().map(Request::ticketItemId)
                .filter(Objects::nonNull).toList());
        Map<Long, String> employers = talents.employerNames(requests.stream().map(Request::employerId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, String> talentNames = talents.byIds(requests.stream().map(Request::talentId).filter(Objects::nonNull)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(TalentRecord::id, TalentRecord::name));
        Map<Long, String> teamNames = new java.util.HashMap<>();
        return requests.stream().map(r -> new RequestView(r,
                r.talentId() != null ? talentNames.get(r.talentId()) : employers.get(r.employerId()),
                r.teamId() == null ? null : teamNames.computeIfAbsent(r.teamId(),
                        id -> repository.team(id).map(Team::name).orElse(null)),
                r.ticketItemId() == null ? null : progress.get(r.ticketItemId()))).toList();
    }

    private RequestView view(Request r) {
        return views(List.of(r)).get(0);
    }

    private List<Served> named(List<Served> served) {
        Map<Long, String> employers = talents.employerNames(served.stream().map(Served::employerId)
                .filter(Objects::nonNull).toList());
        Map<Long, String> names = talents.byIds(served.stream().map(Served::talentId).filter(Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(TalentRecord::id, TalentRecord::name));
        return served.stream().map(s -> new Served(s.id(), s.teamId(), s.employerId(), s.talentId(),
                s.employerId() != null ? employers.get(s.employerId()) : names.get(s.talentId()))).toList();
    }

    private Team visibleTeam(long id, CurrentUser user) {
        requireOffice(user);
        return repository.team(id).filter(t -> user.scope().contains(t.nodePath()))
                .orElseThrow(() -> new NotFoundException("专班不存在或不在您的管理范围内：" + id));
    }

    private EmployerRecord employer(long id, CurrentUser user) {
        return talents.findEmployer(id).filter(e -> user.role().isOffice() && user.scope().contains(e.nodePath()))
                .orElseThrow(() -> new NotFoundException("用人单位不存在或不在您的管理范围内：" + id));
    }

    /** A key talent, platform or project the user may see. */
    public record Target(TargetKind kind, long id, String name, long nodeId, boolean key) {
    }

    public Target target(TargetKind kind, long id, CurrentUser user) {
        requireOffice(user);
        return switch (kind) {
            case TALENT -> {
                TalentRecord t = access.talent(id, user);
                boolean key = (t.level() != null && KEY_LEVELS.contains(t.level())) || repository.keyTalent(id);
                yield new Target(kind, id, t.name(), t.nodeId(), key);
            }
            case PLATFORM -> {
                Platform p = repository.platform(id).filter(x -> user.scope().contains(x.nodePath()))
                        .orElseThrow(() -> new NotFoundException("重点平台不存在或不在您的管理范围内：" + id));
                yield new Target(kind, id, p.name(), p.nodeId(), true);
            }
            case PROJECT -> {
                Project p = repository.project(id).filter(x -> user.scope().contains(x.nodePath()))
                        .orElseThrow(() -> new NotFoundException("重点项目不存在或不在您的管理范围内：" + id));
                yield new Target(kind, id, p.name(), p.nodeId(), true);
            }
        };
    }

    /** A person of the roster (by id, inside the caller's scope) or a name given by hand. */
    record Person(Long personId, String name, String unitName, String post) {
    }

    private Person person(Long personId, String name, String field, CurrentUser user) {
        if (personId != null) {
            List<PersonCard> cards = people.cards(List.of(personId), user.scope(), LocalDate.now(clock));
            if (cards.isEmpty()) {
                throw new NotFoundException(field + "不在干部名册中或不在您的管理范围内：" + personId);
            }
            PersonCard c = cards.get(0);
            String post = c.unitName() == null ? null : c.unitName() + (c.postLevel() == null ? "" : c.postLevel());
            return new Person(c.id(), c.name(), c.unitName(), post);
        }
        return new Person(null, Text.required(name, field + "姓名", 50), null, null);
    }

    private static Duty parseDuty(String value) {
        for (Duty d : Duty.values()) {
            if (d.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return d;
            }
        }
        throw new ConflictException("请选择成员职责（组长 / 副组长 / 成员 / 联络员）");
    }

    private static Topic topic(String value) {
        Topic t = Topic.parse(value);
        if (t == null) {
            throw new ConflictException("请选择诉求类别");
        }
        return t;
    }

    private static String titleOf(String title, String description) {
        String given = Text.optional(title, "诉求标题", 200);
        if (given != null) {
            return given;
        }
        String line = description.lines().findFirst().orElse(description).strip();
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }

    /**
     * The unit a request goes to: the 组织部 (人才办) unit of the node (the shallowest unit whose name holds 组织部),
     * else the node's first unit; it must lie inside the raiser's scope.
     */
    OrgNode handlingUnit(long nodeId, OrgScope raiserScope) {
        OrgNode node = tree.byId(nodeId).orElseThrow(() -> new NotFoundException("组织节点不存在：" + nodeId));
        OrgScope scope = node.isUnit() ? tree.byId(node.parentId()).map(OrgNode::asScope).orElse(node.asScope())
                : node.asScope();
        OrgNode unit = tree.search("组织部", scope, 50).stream().filter(OrgNode::isUnit)
                .filter(u -> raiserScope.contains(u.path())).min(Comparator.comparingInt(OrgNode::depth))
                .or(() -> node.isUnit() && raiserScope.contains(node.path()) ? java.util.Optional.of(node)
                        : tree.units(scope).stream().filter(u -> raiserScope.contains(u.path()))
                        .min(Comparator.comparingInt(OrgNode::depth)))
                .orElseThrow(() -> new ConflictException("未找到受理诉求的单位（" + node.name() + "的组织部），请联系人才办"));
        return unit;
    }

    private static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("页面不存在");
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(String.valueOf(kv[i]), kv[i + 1]);
        }
        return m;
    }
}
