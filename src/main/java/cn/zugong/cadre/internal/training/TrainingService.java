package cn.zugong.cadre.internal.training;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.training.TrainingForms.ClassForm;
import cn.zugong.cadre.internal.training.TrainingForms.CompletionForm;
import cn.zugong.cadre.internal.training.TrainingForms.SessionForm;
import cn.zugong.cadre.internal.training.TrainingViews.ClassDetail;
import cn.zugong.cadre.internal.training.TrainingViews.Enrolment;
import cn.zugong.cadre.internal.training.TrainingViews.Kind;
import cn.zugong.cadre.internal.training.TrainingViews.Session;
import cn.zugong.cadre.internal.training.TrainingViews.TrainingClass;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.people.PersonCard;
import cn.zugong.people.TrainingHoursWriter;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.web.FormFields;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes of 干部培训: classes, sessions, enrolment within the capacity, attendance of enrolled people, online
 * completions — and, whenever a person's hours of a year change, the year's total written to the roster
 * ({@link TrainingHoursWriter}, with history) so the person's page and the health check see it (ADR 079). Every
 * method checks who may do it (CadreAccess), is one transaction and is audited.
 */
@Service
public class TrainingService {

    static final int MAX_CAPACITY = 5000;

    private final TrainingStore store;
    private final CadreAccess access;
    private final OrgTree tree;
    private final PeopleDirectory people;
    private final TrainingHoursWriter hours;
    private final AuditTrail audit;
    private final Clock clock;

    TrainingService(TrainingStore store, CadreAccess access, OrgTree tree, PeopleDirectory people,
                    TrainingHoursWriter hours, AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.tree = tree;
        this.people = people;
        this.hours = hours;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    // ------------------------------------------------------------------ reads (scope: out of it is 404)

    public TrainingClass visibleClass(CurrentUser user, long id) {
        access.requireRead(user);
        return store.trainingClass(id).filter(c -> user.scope().contains(c.nodePath()))
                .orElseThrow(() -> new NotFoundException("培训班次不存在或不在您的管理范围内：" + id));
    }

    public Session visibleSession(CurrentUser user, long id) {
        Session s = store.session(id).orElseThrow(() -> new NotFoundException("课次不存在：" + id));
        visibleClass(user, s.classId());
        return s;
    }

    public Enrolment visibleEnrolment(CurrentUser user, long id) {
        Enrolment e = store.enrolment(id).orElseThrow(() -> new NotFoundException("报名记录不存在：" + id));
        visibleClass(user, e.classId());
        return e;
    }

    public ClassDetail detail(CurrentUser user, long id) {
        TrainingClass c = visibleClass(user, id);
        audit.record(AuditEvent.read("training_class", id, "查看培训班次「" + c.name() + "」的学员和考勤"));
        return new ClassDetail(c, store.sessionsOf(id), store.enrolmentsOf(id), store.attendanceOf(id));
    }

    public List<TrainingClass> classes(CurrentUser user, String kind, Integer year) {
        access.requireRead(user);
        if (kind != null && store.kind(kind).isEmpty()) {
            throw new BadRequestException("「班次类型」无效：" + kind);
        }
        return store.classesInScope(user.scope(), kind, year, 500);
    }

    public List<Kind> kinds() {
        return store.kinds();
    }

    // ------------------------------------------------------------------ classes and sessions

    @Transactional
    public long createClass(CurrentUser user, ClassForm form) {
        access.requireRead(user);
        OrgNode node = tree.get(FormFields.id(form.nodeId(), "主办单位"), user.scope());
        access.requireWrite(user, node.path());
        Kind kind = store.kind(FormFields.text(form.kind(), "班次类型", 20))
                .orElseThrow(() -> new BadRequestException("「班次类型」无效：" + form.kind()));
        String name = FormFields.text(form.name(), "班次名称", 100);
        LocalDate starts = FormFields.date(form.startsOn(), "开班日期");
        LocalDate ends = FormFields.date(form.endsOn(), "结业日期");
        if (ends.isBefore(starts)) {
            throw new BadRequestException("「结业日期」" + ends + " 早于「开班日期」" + starts);
        }
        BigDecimal planned = TrainingForms.hours(form.plannedHours(), "计划学时", 2000, false);
        int capacity = TrainingForms.positiveInt(form.capacity(), "容量（人）", MAX_CAPACITY);
        long id = store.insertClass(node.id(), countyOf(node), kind.code(), name, starts, ends, planned, capacity,
                now(), user.username());
        audit.record(AuditEvent.of(AuditAction.CREATE, "training_class", id,
                "新建" + kind.name() + "「" + name + "」（" + node.name() + "，容量 " + capacity + " 人）"));
        return id;
    }

    /** The county the node lies in (the node itself when it is one), null for the city's own nodes. */
    Long countyOf(OrgNode node) {
        if (node.kind() == NodeKind.COUNTY) {
            return node.id();
        }
        return tree.ancestors(node, new OrgScope(node.id(), "/")).stream().filter(n -> n.kind() == NodeKind.COUNTY)
                .map(OrgNode::id).findFirst().orElse(null);
    }

    @Transactional
    public long addSession(CurrentUser user, long classId, SessionForm form) {
        TrainingClass c = visibleClass(user, classId);
        access.requireWrite(user, c.nodePath());
        if (c.online()) {
            throw new BadRequestException("网络课程按学员完成学时计，不设面授课次：" + c.name());
        }
        LocalDate held = FormFields.date(form.heldOn(), "上课日期");
        if (held.isBefore(c.startsOn()) || held.isAfter(c.endsOn())) {
            throw new BadRequestException("「上课日期」" + held + " 不在班次的办班期间（" + c.startsOn() + " 至 " + c.endsOn() + "）内");
        }
        String title = FormFields.text(form.title(), "课程名称", 100);
        BigDecimal h = TrainingForms.hours(form.hours(), "学时", 24, false);
        long id = store.insertSession(c.id(), held, title, h);
        audit.record(AuditEvent.of(AuditAction.CREATE, "training_session", id,
                c.name() + " 新增课次 " + held + "「" + title + "」" + h + " 学时"));
        return id;
    }

    // ------------------------------------------------------------------ enrolment

    /**
     * Enrols roster people of the class's organiser scope: a person outside it (or not in service) is refused as
     * unknown, one already enrolled is refused, and all of them must fit the capacity — or nobody is enrolled.
     */
    @Transactional
    public void enrol(CurrentUser user, long classId, List<Long> personIds, String how) {
        TrainingClass c = visibleClass(user, classId);
        access.requireWrite(user, c.nodePath());
        store.lockClass(c.id());
        Map<Long, PersonCard> found = cards(c, personIds);
        for (long p : personIds) {
            if (!found.containsKey(p)) {
                throw new NotFoundException("人员不存在或不在主办单位（" + c.nodeName() + "）的范围内：" + p);
            }
        }
        Map<Long, Long> enrolled = store.enrolmentIds(c.id());
        for (long p : personIds) {
            if (enrolled.containsKey(p)) {
                throw new ConflictException(found.get(p).name() + " 已报名「" + c.name() + "」，不能重复报名");
            }
        }
        if (personIds.stream().distinct().count() != personIds.size()) {
            throw new ConflictException("同一人员在本次报名中出现了两次");
        }
        long after = enrolled.size() + personIds.size();
        if (after > c.capacity()) {
            throw new ConflictException("「" + c.name() + "」容量 " + c.capacity() + " 人，已报名 " + enrolled.size()
                    + " 人，不能再报名 " + personIds.size() + " 人");
        }
        store.insertEnrolments(c.id(), personIds, now(), user.username());
        store.refreshTotals(c.id());
        audit.record(AuditEvent.of(personIds.size() == 1 ? AuditAction.CREATE : AuditAction.IMPORT, "training_enrolment",
                c.id(), "「" + c.name() + "」" + how + "报名 " + personIds.size() + " 人："
                        + String.join("、", personIds.stream().limit(20).map(p -> found.get(p).name()).toList())
                        + (personIds.size() > 20 ? " 等" : "")));
    }

    Map<Long, PersonCard> cards(TrainingClass c, Collection<Long> personIds) {
        Map<Long, PersonCard> out = new HashMap<>();
        people.cards(personIds, new OrgScope(c.nodeId(), c.nodePath()), today()).forEach(p -> out.put(p.id(), p));
        return out;
    }

    // ------------------------------------------------------------------ attendance and completion

    /** One attendance mark: the person must be enrolled in the session's class. */
    @Transactional
    public void attend(CurrentUser user, long sessionId, long personId, String status) {
        Session s = visibleSession(user, sessionId);
        TrainingClass c = visibleClass(user, s.classId());
        access.requireWrite(user, c.nodePath());
        String st = TrainingViews.statusOf(status);
        if (st == null) {
            throw new BadRequestException("「考勤」应为 出勤、缺勤 或 请假：" + status);
        }
        Long enrolment = store.enrolmentIds(c.id()).get(personId);
        if (enrolment == null) {
            throw new BadRequestException("人员 " + personId + " 未报名「" + c.name() + "」，不能登记考勤");
        }
        record(c, List.of(new Mark(s, personId, enrolment, st)), user.username());
    }

    /** The page's attendance sheet of one session: person id → status; every person must be enrolled. */
    @Transactional
    public int attendMany(CurrentUser user, long sessionId, Map<Long, String> statuses) {
        Session s = visibleSession(user, sessionId);
        TrainingClass c = visibleClass(user, s.classId());
        access.requireWrite(user, c.nodePath());
        Map<Long, Long> enrolled = store.enrolmentIds(c.id());
        List<Mark> marks = new java.util.ArrayList<>();
        statuses.forEach((person, status) -> {
            String st = TrainingViews.statusOf(status);
            if (st == null) {
                throw new BadRequestException("「考勤」应为 出勤、缺勤 或 请假：" + status);
            }
            if (!enrolled.containsKey(person)) {
                throw new BadRequestException("人员 " + person + " 未报名「" + c.name() + "」，不能登记考勤");
            }
            marks.add(new Mark(s, person, enrolled.get(person), st));
        });
        if (marks.isEmpty()) {
            throw new BadRequestException("没有要登记的考勤");
        }
        record(c, marks, user.username());
        return marks.size();
    }

    /** A mark to write: session, person, enrolment, status. */
    record Mark(Session session, long personId, long enrolmentId, String status) {
    }

    /**
     * Writes the marks (per session: the earlier statuses read once, the changes written in batches), audits them
     * and brings the roster's hours of the people's years up to date in one batch.
     */
    void record(TrainingClass c, List<Mark> marks, String by) {
        store.lockClass(c.id()); // the class's totals rewritten below: one writer of a class at a time
        LocalDateTime at = now();
        Map<Long, Map<Integer, LocalDate>> changed = new HashMap<>();
        java.util.Set<Long> enrolments = new java.util.LinkedHashSet<>();
        int written = 0;
        Map<Long, List<Mark>> bySession = new java.util.LinkedHashMap<>();
        marks.forEach(m -> bySession.computeIfAbsent(m.session().id(), k -> new java.util.ArrayList<>()).add(m));
        for (Map.Entry<Long, List<Mark>> session : bySession.entrySet()) {
            Map<Long, String> before = store.attendanceAt(session.getKey());
            Map<Long, String> updates = new java.util.LinkedHashMap<>();
            Map<Long, String> inserts = new java.util.LinkedHashMap<>();
            for (Mark m : session.getValue()) {
                String was = before.get(m.enrolmentId());
                if (m.status().equals(was)) {
                    continue;
                }
                (was == null ? inserts : updates).put(m.enrolmentId(), m.status()); // one mark per enrolment and session
                written++;
                enrolments.add(m.enrolmentId());
                changed.computeIfAbsent(m.personId(), k -> new HashMap<>())
                        .merge(m.session().heldOn().getYear(), m.session().heldOn(), (a, b) -> a.isBefore(b) ? a : b);
            }
            store.putAttendance(session.getKey(), updates, inserts, at, by);
        }
        store.summarise(enrolments);
        store.refreshTotals(c.id());
        audit.record(AuditEvent.of(marks.size() == 1 ? AuditAction.UPDATE : AuditAction.IMPORT, "training_attendance",
                c.id(), "「" + c.name() + "」登记考勤 " + written + " 条" + (marks.size() == 1
                        ? "：人员 " + marks.get(0).personId() + " " + marks.get(0).session().heldOn() + " "
                        + TrainingViews.statusLabel(marks.get(0).status()) : "")));
        syncRoster(changed);
    }

    /** An online course's completed hours of an enrolled person (at most the course's planned hours). */
    @Transactional
    public void complete(CurrentUser user, long enrolmentId, CompletionForm form) {
        Enrolment e = visibleEnrolment(user, enrolmentId);
        TrainingClass c = visibleClass(user, e.classId());
        access.requireWrite(user, c.nodePath());
        if (!c.online()) {
            throw new BadRequestException("「" + c.name() + "」不是网络课程：学时按面授课次考勤计算");
        }
        BigDecimal h = TrainingForms.hours(form.hours(), "完成学时", 2000, true);
        if (h.compareTo(c.plannedHours()) > 0) {
            throw new BadRequestException("「完成学时」" + h + " 超过课程的计划学时 " + c.plannedHours());
        }
        LocalDate on = FormFields.date(form.completedOn(), "完成日期");
        if (on.isBefore(c.startsOn()) || on.isAfter(today())) {
            throw new BadRequestException("「完成日期」" + on + " 应在开课日期 " + c.startsOn() + " 到今天之间");
        }
        store.lockClass(c.id());
        store.complete(e.id(), h, on);
        store.refreshTotals(c.id());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "training_enrolment", e.id(),
                "「" + c.name() + "」" + e.personName() + " 完成 " + h + " 学时（" + on + "）"));
        syncRoster(e.personId(), on.getYear(), on);
        if (e.completedOn() != null && e.completedOn().getYear() != on.getYear()) {
            syncRoster(e.personId(), e.completedOn().getYear(), e.completedOn());
        }
    }

    /**
     * Completed hours of many enrolled people of one online course, all on one day: the same checks as
     * {@link #complete} for each, all or nothing, written and synced to the roster in batches, one audit entry.
     */
    @Transactional
    public int completeMany(CurrentUser user, long classId, Map<Long, String> hoursByPerson, String completedOn) {
        TrainingClass c = visibleClass(user, classId);
        access.requireWrite(user, c.nodePath());
        if (!c.online()) {
            throw new BadRequestException("「" + c.name() + "」不是网络课程：学时按面授课次考勤计算");
        }
        LocalDate on = FormFields.date(completedOn, "完成日期");
        if (on.isBefore(c.startsOn()) || on.isAfter(today())) {
            throw new BadRequestException("「完成日期」" + on + " 应在开课日期 " + c.startsOn() + " 到今天之间");
        }
        store.lockClass(c.id());
        Map<Long, Enrolment> enrolled = new HashMap<>();
        store.enrolmentsOf(c.id()).forEach(e -> enrolled.put(e.personId(), e));
        Map<Long, BigDecimal> byEnrolment = new java.util.LinkedHashMap<>();
        Map<Long, Map<Integer, LocalDate>> changed = new HashMap<>();
        hoursByPerson.forEach((person, text) -> {
            Enrolment e = enrolled.get(person);
            if (e == null) {
                throw new BadRequestException("人员 " + person + " 未报名「" + c.name() + "」，不能登记完成学时");
            }
            BigDecimal h = TrainingForms.hours(text, "完成学时", 2000, true);
            if (h.compareTo(c.plannedHours()) > 0) {
                throw new BadRequestException("「完成学时」" + h + " 超过课程的计划学时 " + c.plannedHours());
            }
            byEnrolment.put(e.id(), h);
            changed.computeIfAbsent(person, k -> new HashMap<>()).merge(on.getYear(), on, (a, b) -> a.isBefore(b) ? a : b);
            if (e.completedOn() != null && e.completedOn().getYear() != on.getYear()) {
                changed.get(person).merge(e.completedOn().getYear(), e.completedOn(), (a, b) -> a.isBefore(b) ? a : b);
            }
        });
        if (byEnrolment.isEmpty()) {
            throw new BadRequestException("没有要登记的完成学时");
        }
        store.complete(byEnrolment, on);
        store.refreshTotals(c.id());
        audit.record(AuditEvent.of(AuditAction.IMPORT, "training_enrolment", c.id(),
                "「" + c.name() + "」登记完成学时 " + byEnrolment.size() + " 人（" + on + "）"));
        syncRoster(changed);
        return byEnrolment.size();
    }

    /**
     * {@link #syncRoster(long, int, LocalDate)} for many people and years at once: person → year → the earliest day
     * whose record changed; the totals read per year in batches, written to the roster in one batch.
     */
    void syncRoster(Map<Long, Map<Integer, LocalDate>> changed) {
        Map<Integer, Map<Long, LocalDate>> byYear = new java.util.TreeMap<>();
        changed.forEach((person, years) -> years.forEach((year, from) ->
                byYear.computeIfAbsent(year, k -> new java.util.LinkedHashMap<>()).put(person, from)));
        List<TrainingHoursWriter.YearHours> entries = new java.util.ArrayList<>();
        byYear.forEach((year, people) -> {
            Map<Long, BigDecimal> totals = store.yearHours(people.keySet(), year);
            people.forEach((person, from) -> {
                BigDecimal total = totals.get(person);
                if (total != null) {
                    entries.add(new TrainingHoursWriter.YearHours(person, year, total, from));
                }
            });
        });
        hours.writeAll(entries);
    }

    /**
     * The person's year total from the class records replaces the roster's value of that year from {@code from} (the
     * earliest day whose record changed) on — see ADR 079; nothing is written when the person has no class record
     * of that year.
     */
    void syncRoster(long personId, int year, LocalDate from) {
        BigDecimal total = store.yearHours(personId, year);
        if (total != null) {
            hours.write(personId, year, total, from);
        }
    }
}
