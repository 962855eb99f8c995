package cn.zugong.deliberation;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.deliberation.internal.ClosureBridge;
import cn.zugong.deliberation.internal.DeliberationRepository;
import cn.zugong.deliberation.internal.SanshiAccess;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.Text;
import cn.zugong.shared.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sittings of the three levels of a community: the regular schedule (quarterly / monthly / weekly, moved
 * off holidays on the working-day calendar), extra or moved sittings, the next sitting's agenda — every routed
 * matter of the level not yet decided — and holding a sitting, which records attendees and an outcome per
 * matter: decided matters go to the closure workflow, 未议结 ones stay for the next sitting.
 */
@Service
public class Meetings {

    private final DeliberationRepository repository;
    private final ClosureBridge closure;
    private final OrgTree tree;
    private final WorkCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    Meetings(DeliberationRepository repository, ClosureBridge closure, OrgTree tree, WorkCalendar calendar,
             AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.closure = closure;
        this.tree = tree;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** A regular sitting: the date it is held on (moved off a holiday) and the regular date it stands for. */
    public record Slot(LocalDate date, LocalDate regular) {
    }

    /** Regular sittings of the level whose (shifted) date lies between {@code from} and {@code to}. */
    public List<Slot> regularSlots(MeetingLevel level, LocalDate from, LocalDate to) {
        List<Slot> slots = new ArrayList<>();
        LocalDate day = from.minusDays(14);
        while (!day.isAfter(to)) {
            LocalDate regular = level.regularOnOrAfter(day);
            if (regular.isAfter(to)) {
                break;
            }
            LocalDate date = calendar.onOrNextWorkday(regular);
            if (!date.isBefore(from) && !date.isAfter(to)) {
                slots.add(new Slot(date, regular));
            }
            day = regular.plusDays(1);
        }
        return slots;
    }

    /**
     * The community's next sitting of the level on or after today: the earliest planned one in the schedule, or
     * the next regular date not in the schedule yet (then its id is null).
     */
    public Meeting next(long communityId, MeetingLevel level, CurrentUser user) {
        OrgNode community = SanshiAccess.community(tree, communityId, user);
        return next(community, level);
    }

    private Meeting next(OrgNode community, MeetingLevel level) {
        LocalDate today = LocalDate.now(clock);
        Set<LocalDate> stored = Set.copyOf(repository.slots(community.id(), level, today.minusDays(14)));
        Meeting regular = regularSlots(level, today, today.plusDays(level.cycleDays() * 3L)).stream()
                .filter(s -> !stored.contains(s.regular())).findFirst()
                .map(s -> virtual(community, level, s)).orElse(null);
        Meeting planned = repository.nextPlanned(community.id(), level, today).orElse(null);
        if (planned == null || (regular != null && regular.date().isBefore(planned.date()))) {
            return regular;
        }
        return planned;
    }

    /** What the level's next sitting will deliberate: every routed matter of the level not decided yet. */
    public List<Matter> agenda(long communityId, MeetingLevel level, CurrentUser user) {
        OrgNode community = SanshiAccess.community(tree, communityId, user);
        return repository.agenda(community.id(), MatterKind.of(level));
    }

    /** The agenda sizes of the three levels. */
    public Map<MeetingLevel, Long> agendaCounts(long communityId, CurrentUser user) {
        OrgNode community = SanshiAccess.community(tree, communityId, user);
        Map<MatterKind, Long> counts = repository.agendaCounts(community.id());
        Map<MeetingLevel, Long> byLevel = new LinkedHashMap<>();
        for (MeetingLevel l : MeetingLevel.values()) {
            byLevel.put(l, counts.getOrDefault(MatterKind.of(l), 0L));
        }
        return byLevel;
    }

    /** The schedule between two dates: sittings in the schedule and the regular dates not in it yet (id null). */
    public List<Meeting> schedule(long communityId, LocalDate from, LocalDate to, CurrentUser user) {
        OrgNode community = SanshiAccess.community(tree, communityId, user);
        if (to.isBefore(from) || from.plusYears(2).isBefore(to)) {
            throw new ConflictException("排期起止日期不正确（结束不能早于开始，最长两年）");
        }
        List<Meeting> stored = repository.meetings(community.id(), null, from, to);
        List<Meeting> all = new ArrayList<>(stored);
        for (MeetingLevel level : MeetingLevel.values()) {
            Set<LocalDate> slots = Set.copyOf(repository.slots(community.id(), level, from.minusDays(14)));
            regularSlots(level, from, to).stream().filter(s -> !slots.contains(s.regular()))
                    .forEach(s -> all.add(virtual(community, level, s)));
        }
        all.sort(Comparator.comparing(Meeting::date).thenComparing(Meeting::level));
        return all;
    }

    /** 生成排期: puts every regular sitting of the three levels in the year into the schedule. */
    @Transactional
    public int generate(long communityId, int year, CurrentUser user) {
        OrgNode community = SanshiAccess.community(tree, communityId, user);
        SanshiAccess.requireWorker(user);
        if (year < 2000 || year > 2100) {
            throw new ConflictException("年度不正确：" + year);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        int added = 0;
        for (MeetingLevel level : MeetingLevel.values()) {
            List<LocalDate[]> dates = regularSlots(level, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                    .stream().map(s -> new LocalDate[] {s.date(), s.regular()}).toList();
            added += repository.insertSlots(community.id(), level, dates, user.username(), now);
        }
        audit.record(new AuditEvent(AuditAction.CREATE, "deliberation_meeting", null,
                "生成议事排期：" + community.name() + " " + year + " 年，新增 " + added + " 次会议", null,
                Map.of("community", community.id(), "year", year, "added", added), null));
        return added;
    }

    /**
     * 安排会议: a sitting of the level on the date. On a regular date not in the schedule it stands for that
     * regular sitting; on any other date it is an extra sitting.
     */
    @Transactional
    public Meeting create(long communityId, MeetingLevel level, LocalDate date, String place, CurrentUser user) {
        OrgNode community = SanshiAccess.community(tree, communityId, user);
        SanshiAccess.requireWorker(user);
        if (level == null) {
            throw new ConflictException("请选择会议层级：多方联席会议、家园理事会或网格议事会");
        }
        if (date == null) {
            throw new ConflictException("请填写会议日期");
        }
        notBackdated(date);
        String where = Text.optional(place, "会议地点", 200);
        Set<LocalDate> stored = Set.copyOf(repository.slots(community.id(), level, date.minusDays(14)));
        LocalDate slot = regularSlots(level, date, date).stream().map(Slot::regular)
                .filter(r -> !stored.contains(r)).findFirst().orElse(null);
        long id = repository.insertMeeting(community.id(), level, date, slot, where, user.username(),
                LocalDateTime.now(clock));
        Meeting meeting = repository.meeting(id).orElseThrow();
        audit.record(new AuditEvent(AuditAction.CREATE, "deliberation_meeting", String.valueOf(id),
                "安排" + level.label() + "：" + community.name() + " " + date, null, snapshot(meeting), null));
        return meeting;
    }

    /** 调整会议日期 of a planned sitting, with the reason. */
    @Transactional
    public Meeting move(long id, LocalDate date, String reason, CurrentUser user) {
        Meeting before = get(id, user);
        SanshiAccess.requireWorker(user);
        if (date == null) {
            throw new ConflictException("请填写新的会议日期");
        }
        String why = Text.required(reason, "调整理由", 500);
        notBackdated(date);
        if (before.held() || !repository.move(id, date)) {
            throw new ConflictException("会议已召开，不能调整日期");
        }
        Meeting after = repository.meeting(id).orElseThrow();
        audit.record(new AuditEvent(AuditAction.UPDATE, "deliberation_meeting", String.valueOf(id),
                "调整" + before.level().label() + "日期：" + before.communityName() + " " + before.date() + " → " + date
                        + "，理由：" + why, snapshot(before), snapshot(after), null));
        return after;
    }

    /** The sitting if the caller's scope covers its community; 404 otherwise. */
    public Meeting get(long id, CurrentUser user) {
        SanshiAccess.requireReader(user);
        return repository.meeting(id).filter(m -> user.scope().contains(m.communityPath()))
                .orElseThrow(() -> SanshiAccess.notFound("议事会议", id));
    }

    /** What a held sitting recorded, in agenda order. */
    public List<Outcome> outcomes(long id, CurrentUser user) {
        return repository.outcomesOfMeeting(get(id, user).id());
    }

    /**
     * 召开会议: records the attendees and, for every matter on the agenda, its outcome (a matter without an
     * input is 未议结). Decided matters need the decision and the responsible party; their deadline defaults to
     * one cycle of the level. Decided matters go onto the closure workflow, resolved with the outcome.
     */
    @Transactional
    public Meeting hold(long id, String attendees, List<Outcome> inputs, CurrentUser user) {
        Meeting meeting = get(id, user);
        SanshiAccess.requireWorker(user);
        LocalDate today = LocalDate.now(clock);
        if (meeting.held()) {
            throw new ConflictException("本次会议已召开并已记录结果");
        }
        if (meeting.date().isAfter(today)) {
            throw new ConflictException("会议日期（" + meeting.date() + "）未到，不能记录会议结果");
        }
        String who = Text.required(attendees, "参会人员", 2000);
        MatterKind kind = MatterKind.of(meeting.level());
        List<Matter> agenda = repository.agenda(meeting.communityNodeId(), kind);
        Map<Long, Outcome> given = new LinkedHashMap<>();
        inputs.forEach(o -> given.put(o.matterId(), o));
        Set<Long> onAgenda = agenda.stream().map(Matter::id).collect(Collectors.toSet());
        given.keySet().stream().filter(m -> !onAgenda.contains(m)).findFirst().ifPresent(m -> {
            throw new ConflictException("事项 " + m + " 不在本次" + meeting.level().label() + "的议程中");
        });
        List<Outcome> outcomes = new ArrayList<>();
        List<Map.Entry<Matter, Outcome>> decided = new ArrayList<>();
        for (Matter matter : agenda) {
            Outcome o = checked(matter, given.getOrDefault(matter.id(), Outcome.unsettled(matter.id())), meeting, today);
            outcomes.add(o);
            if (o.decided()) {
                decided.add(Map.entry(matter, o));
            }
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (!repository.hold(id, who, user.username(), now)) {
            throw new ConflictException("本次会议已召开并已记录结果");
        }
        repository.insertOutcomes(id, outcomes, user.username(), now);
        if (!repository.decide(decided.stream().map(Map.Entry::getValue).toList())) {
            throw new ConflictException("议程中的事项已被他人议定，请刷新后重试");
        }
        repository.carry(outcomes.stream().filter(o -> !o.decided()).map(Outcome::matterId).toList());
        Meeting held = repository.meeting(id).orElseThrow();
        audit.record(new AuditEvent(AuditAction.UPDATE, "deliberation_meeting", String.valueOf(id),
                "召开" + meeting.level().label() + "：" + meeting.communityName() + " " + meeting.date() + "，议定 "
                        + decided.size() + " 项，未议结 " + (outcomes.size() - decided.size()) + " 项",
                snapshot(meeting), Map.of("meeting", snapshot(held), "outcomes", outcomes.stream()
                        .map(Meetings::snapshot).toList()), null));
        closure.carryOut(held, decided, user);
        return held;
    }

    /** Sittings are arranged ahead or recorded soon after, never backdated by more than a month. */
    private void notBackdated(LocalDate date) {
        LocalDate earliest = LocalDate.now(clock).minusDays(30);
        if (date.isBefore(earliest)) {
            throw new ConflictException("会议日期不能早于 " + earliest + "（只能补记 30 天内召开的会议）");
        }
    }

    private Outcome checked(Matter matter, Outcome o, Meeting meeting, LocalDate today) {
        if (!o.decided()) {
            return new Outcome(matter.id(), matter.title(), false, null, null, null, null);
        }
        String what = "（事项「" + matter.title() + "」）";
        String decision = Text.required(o.decision(), "议定事项/办理意见" + what, 2000);
        String responsible = Text.required(o.responsible(), "责任方" + what, 100);
        LocalDate deadline = o.deadline() != null ? o.deadline()
                : calendar.onOrNextWorkday(today.plusDays(meeting.level().cycleDays()));
        if (deadline.isBefore(today)) {
            throw new ConflictException("办理期限不能早于今天" + what + "：" + deadline);
        }
        Boolean settled = matter.kind() == MatterKind.PRIVATE ? Boolean.TRUE.equals(o.settledByResidents()) : null;
        return new Outcome(matter.id(), matter.title(), true, decision, responsible, deadline, settled);
    }

    private static Meeting virtual(OrgNode community, MeetingLevel level, Slot slot) {
        return new Meeting(null, community.id(), community.name(), community.path(), level, slot.date(),
                slot.regular(), null, false, null, null, null);
    }

    private static Map<String, Object> snapshot(Meeting m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("community", m.communityNodeId());
        s.put("level", m.level().name());
        s.put("date", String.valueOf(m.date()));
        s.put("place", m.place());
        s.put("held", m.held());
        s.put("attendees", m.attendees());
        return s;
    }

    private static Map<String, Object> snapshot(Outcome o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("matter", o.matterId());
        s.put("decided", o.decided());
        s.put("decision", o.decision());
        s.put("responsible", o.responsible());
        s.put("deadline", String.valueOf(o.deadline()));
        s.put("settledByResidents", o.settledByResidents());
        return s;
    }
}
