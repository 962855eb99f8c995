package cn.zugong.cadre.internal.appointments;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.AppointmentKind;
import cn.zugong.cadre.internal.appointments.AppointmentForms.NewForm;
import cn.zugong.cadre.internal.appointments.AppointmentForms.StepForm;
import cn.zugong.cadre.internal.appointments.AppointmentStore.NewRecord;
import cn.zugong.cadre.internal.appointments.AppointmentViews.Appointment;
import cn.zugong.cadre.internal.appointments.AppointmentViews.Step;
import cn.zugong.cadre.internal.leaders.HandoverLinks;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.AppointmentRoster.Profile;
import cn.zugong.people.AppointmentRoster;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterChange;
import cn.zugong.people.RosterVocabulary;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.web.FormFields;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The procedure of 选拔任用纪实 (ADR 076): a record opened at 动议, each later step recorded in order with a date not
 * earlier than the step before and not in the future, 任前公示 of at least five working days on the official calendar,
 * and at 任职 the change made to the roster through {@link RosterWriter} in the same transaction, so the roster history,
 * the person's timeline and the health check's as-of evaluations see it. The callers have checked the role; the
 * scope is applied here to the person, the target unit and the campaign.
 */
@Service
public class AppointmentService {

    private final AppointmentStore store;
    private final AppointmentRoster roster;
    private final RosterWriter writer;
    private final OrgTree tree;
    private final WorkCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;
    private final HandoverLinks handovers;

    AppointmentService(AppointmentStore store, AppointmentRoster roster, RosterWriter writer, OrgTree tree,
                       WorkCalendar calendar, AuditTrail audit, Clock clock, HandoverLinks handovers) {
        this.handovers = handovers;
        this.store = store;
        this.roster = roster;
        this.writer = writer;
        this.tree = tree;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The person inside the scope, or 404. */
    Profile person(long personId, OrgScope scope) {
        return roster.profile(personId, scope)
                .orElseThrow(() -> new NotFoundException("人员不存在或不在您的管理范围内：" + personId));
    }

    @Transactional
    public long create(NewForm form, OrgScope scope, String by) {
        long personId = FormFields.id(form.personId(), "干部", true);
        // the objects named first: one outside the scope is 404 whatever else the form gets wrong
        Profile p = person(personId, scope);
        Long unitId = FormFields.id(form.unitId(), "拟任单位", false);
        OrgNode unit = tree.get(unitId == null ? p.unitId() : unitId, scope);
        Long campaignId = FormFields.id(form.campaignId(), "一线考察", false);
        if (campaignId != null && store.campaignPath(campaignId).filter(scope::contains).isEmpty()) {
            throw new NotFoundException("一线考察不存在或不在您的管理范围内：" + campaignId);
        }
        AppointmentKind kind = AppointmentKind.parse(FormFields.text(form.kind(), "任用类型", 20, true));
        if (kind == null) {
            throw new BadRequestException("「任用类型」须为提拔、进一步使用、职级晋升或交流：" + form.kind());
        }
        if (!"在职".equals(p.serviceStatus())) {
            throw new BadRequestException(p.name() + "已" + p.serviceStatus() + "，不能启动选拔任用程序");
        }
        if (!unit.isUnit()) {
            throw new BadRequestException("「拟任单位」须为机关单位：" + unit.name());
        }
        String post = FormFields.text(form.targetPost(), "拟任职务", 100, kind != AppointmentKind.RANK_PROMOTION);
        String postLevel = FormFields.text(form.targetPostLevel(), "拟任职务层次", 20, kind == AppointmentKind.PROMOTION);
        String rank = FormFields.text(form.targetRank(), "拟任职级", 20, kind == AppointmentKind.RANK_PROMOTION);
        if (postLevel != null && !RosterVocabulary.POSTS.contains(postLevel)) {
            throw new BadRequestException("「拟任职务层次」须为" + String.join("、", RosterVocabulary.POSTS) + "之一：" + postLevel);
        }
        if (rank != null && !RosterVocabulary.RANKS.contains(rank)) {
            throw new BadRequestException("「拟任职级」须为" + String.join("、", RosterVocabulary.RANKS) + "之一：" + rank);
        }
        switch (kind) {
            case PROMOTION -> {
                if (p.postLevel() != null && RosterVocabulary.POSTS.contains(p.postLevel())
                        && RosterVocabulary.POSTS.indexOf(postLevel) >= RosterVocabulary.POSTS.indexOf(p.postLevel())) {
                    throw new BadRequestException("提拔须任更高的职务层次：" + p.name() + "现为" + p.postLevel()
                            + "，拟任" + postLevel + "不是提拔（同层次任职请选“进一步使用”）");
                }
            }
            case FURTHER_USE -> {
                if (postLevel != null && p.postLevel() != null && RosterVocabulary.POSTS.contains(p.postLevel())
                        && RosterVocabulary.POSTS.indexOf(postLevel) < RosterVocabulary.POSTS.indexOf(p.postLevel())) {
                    throw new BadRequestException("进一步使用不改变职务层次：拟任" + postLevel + "高于现任" + p.postLevel()
                            + "，请选“提拔”");
                }
            }
            case RANK_PROMOTION -> {
                if (RosterVocabulary.RANKS.contains(p.rankLevel())
                        && RosterVocabulary.RANKS.indexOf(rank) >= RosterVocabulary.RANKS.indexOf(p.rankLevel())) {
                    throw new BadRequestException("职级晋升须晋升到更高职级：" + p.name() + "现为" + p.rankLevel()
                            + "，拟任" + rank + "不高于现职级");
                }
            }
            case EXCHANGE -> {
                if (unit.id() == p.unitId()) {
                    throw new BadRequestException("交流须到另一单位任职：拟任单位与现单位（" + p.unitName() + "）相同");
                }
            }
        }
        boolean frontline = campaignId != null || FormFields.flag(form.frontline());
        String basis = FormFields.text(form.basis(), "依据（重大项目或急难险重一线）", 200, false);
        if (campaignId == null && frontline && basis == null) {
            throw new BadRequestException("来自一线的任用须写明依据：请选择一线考察或填写「依据（重大项目或急难险重一线）」");
        }
        LocalDate proposed = FormFields.date(form.proposedOn(), "动议日期", true);
        if (proposed.isAfter(today())) {
            throw new BadRequestException("「动议日期」不能晚于今天（" + today() + "）：" + proposed);
        }
        if (store.openOf(personId, kind)) {
            throw new ConflictException(p.name() + "已有办理中的" + kind.label + "纪实，请先办结或终止");
        }
        String leave = FormFields.text(form.leavePost(), "拟免职务", 100, false);
        String reason = FormFields.text(form.reason(), "任免理由", 500, false);
        String note = FormFields.text(form.note(), "动议说明", 500, false);
        LocalDateTime now = LocalDateTime.now(clock);
        long id = store.insert(new NewRecord(personId, unit.id(), unit.id() == p.unitId() ? null : p.unitId(), kind,
                frontline, campaignId, basis, post, postLevel, rank, leave, reason), now, by);
        store.insertStep(id, AppointmentStep.PROPOSAL, proposed, null, note, now, by);
        audit.record(AuditEvent.of(AuditAction.CREATE, "cadre_appointment", id,
                "动议" + kind.label + "：" + p.name() + (post == null ? "" : " 拟任" + post) + (rank == null ? "" : " 晋升" + rank)
                        + (frontline ? "（一线）" : "")));
        return id;
    }

    /** Records the next step of an open record; at 任职 the roster changes. */
    @Transactional
    public void advance(Appointment a, StepForm form, String by) {
        AppointmentStep step = AppointmentStep.parse(FormFields.text(form.step(), "程序步骤", 20, true));
        if (step == null) {
            throw new BadRequestException("「程序步骤」须为" + AppointmentStep.ORDER + "之一：" + form.step());
        }
        if (!"OPEN".equals(a.status())) {
            throw new ConflictException("该纪实" + a.statusLabel() + "，不能再登记「" + step.label + "」");
        }
        AppointmentStep expected = a.lastStep().next();
        if (step != expected) {
            if (step.ordinal() <= a.lastStep().ordinal()) {
                throw new ConflictException("「" + step.label + "」已登记，不能重复登记；下一步是「" + expected.label + "」");
            }
            throw new BadRequestException("不能跳过程序：登记「" + step.label + "」之前须先登记「" + expected.label
                    + "」（程序顺序：" + AppointmentStep.ORDER + "）");
        }
        LocalDate on = FormFields.date(form.doneOn(), step.label + "日期", true);
        Step previous = a.steps().stream().filter(s -> s.step() == a.lastStep()).findFirst().orElseThrow();
        if (on.isBefore(previous.doneOn())) {
            throw new BadRequestException("「" + step.label + "」日期（" + on + "）不能早于「" + previous.label() + "」日期（"
                    + previous.doneOn() + "）");
        }
        if (on.isAfter(today())) {
            throw new BadRequestException("「" + step.label + "」日期不能晚于今天（" + today() + "）：" + on);
        }
        LocalDate ends = null;
        if (step == AppointmentStep.PUBLICITY) {
            ends = FormFields.date(form.endsOn(), "公示截止日期", true);
            int days = workdays(on, ends);
            if (days < AppointmentStep.PUBLICITY_WORKDAYS) {
                throw new BadRequestException("任前公示期不少于 " + AppointmentStep.PUBLICITY_WORKDAYS + " 个工作日：" + on
                        + " 至 " + ends + " 只有 " + days + " 个工作日");
            }
        }
        if (step == AppointmentStep.APPOINTMENT && !on.isAfter(previous.endsOn())) {
            throw new BadRequestException("任职须在任前公示期满之后：公示截止 " + previous.endsOn() + "，任职日期 " + on);
        }
        String note = FormFields.text(form.note(), step.label + "说明", 500, false);
        if (!store.advance(a.id(), a.lastStep(), step)) {
            throw new ConflictException("该纪实刚被他人更新，请刷新后再登记");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        store.insertStep(a.id(), step, on, ends, note, now, by);
        if (step == AppointmentStep.APPOINTMENT) {
            writer.change(a.personId(), new RosterChange(on, a.kind().change, changeNote(a)), row -> apply(row, a, on));
            store.done(a.id(), on);
            handovers.linkAtAppointment(a.id()).ifPresent(h -> audit.record(AuditEvent.of(AuditAction.UPDATE,
                    "leader_handover", h, "关联选拔任用纪实 " + a.id() + "：" + a.personName() + " " + a.kindLabel())));
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "cadre_appointment", a.id(),
                step.label + "（" + on + (ends == null ? "" : " 至 " + ends) + "）：" + a.personName() + " " + a.kindLabel()));
    }

    @Transactional
    public void stop(Appointment a, String reasonText, String by) {
        String reason = FormFields.text(reasonText, "终止原因", 200, true);
        if (!store.stop(a.id(), reason)) {
            throw new ConflictException("该纪实" + a.statusLabel() + "，不能终止");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "cadre_appointment", a.id(),
                "终止" + a.kindLabel() + "纪实：" + a.personName() + "，" + reason + "（" + by + "）"));
    }

    /** Working days of the calendar from {@code from} to {@code to}, both included. */
    int workdays(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        return (calendar.isWorkday(from) ? 1 : 0) + calendar.workdaysBetween(from, to);
    }

    private static String changeNote(Appointment a) {
        String what = a.targetPost() != null ? a.targetPost() : a.targetRank();
        return (a.kindLabel() + "：" + (what == null ? a.unitName() : what) + "（选拔任用纪实 " + a.id() + "）");
    }

    /** The state from the 任职 day: the unit, the post level and the rank the record names. */
    static PersonRow apply(PersonRow r, Appointment a, LocalDate on) {
        long unit = a.unitId();
        boolean moved = unit != r.unitId();
        String post = a.targetPostLevel() != null ? a.targetPostLevel() : r.postLevel();
        boolean postChanged = !Objects.equals(post, r.postLevel()) || (a.kind() == AppointmentKind.FURTHER_USE);
        String rank = a.targetRank() != null ? a.targetRank() : r.rankLevel();
        boolean rankChanged = !Objects.equals(rank, r.rankLevel());
        return new PersonRow(r.id(), unit, r.name(), r.gender(), r.birthDate(), r.idNumber(), r.phone(), r.ethnicity(),
                r.politicalStatus(), r.ftEducation(), r.ftDegree(), r.isEducation(), r.isDegree(), r.majorCategory(),
                r.staffKind(), rank, rankChanged ? on : r.rankSince(), post,
                postChanged && post != null ? on : r.postSince(), r.workStartDate(),
                moved ? on : r.joinedUnitDate(), r.source(), r.probationEnd(), r.assessments(), r.trainingHours(),
                r.rewards(), r.disciplines());
    }
}
