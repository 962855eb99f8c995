package cn.zugong.cadre.internal.appointments;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.appointments.AppointmentViews.Appointment;
import cn.zugong.people.AppointmentRoster;
import cn.zugong.people.AppointmentRoster.Profile;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/**
 * The access of this part on top of {@link CadreAccess}: a record is in scope when the unit it leads to is (else 404);
 * a person when their current unit is; writes need ADMIN or REVIEWER of that scope. Builds the 任免审批表's data.
 */
@Component
class AppointmentRecordsAccess {

    private final CadreAccess access;
    private final AppointmentStore store;
    private final AppointmentRoster roster;
    private final ApprovalProfiles profiles;
    private final AuditTrail audit;
    private final Clock clock;

    AppointmentRecordsAccess(CadreAccess access, AppointmentStore store, AppointmentRoster roster,
                             ApprovalProfiles profiles, AuditTrail audit, Clock clock) {
        this.access = access;
        this.store = store;
        this.roster = roster;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    void requireRead(CurrentUser user) {
        access.requireRead(user);
    }

    boolean canWrite(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.REVIEWER;
    }

    /** A role that may write (403 for the others, before any lookup). */
    void requireWriter(CurrentUser user) {
        access.requireRead(user);
        access.requireWrite(user, user.scope().path());
    }

    Appointment read(CurrentUser user, long id) {
        access.requireRead(user);
        return store.find(id).filter(a -> user.scope().contains(a.unitPath()))
                .orElseThrow(() -> new NotFoundException("选拔任用纪实不存在或不在您的管理范围内：" + id));
    }

    Appointment write(CurrentUser user, long id) {
        requireWriter(user);
        Appointment a = read(user, id);
        access.requireWrite(user, a.unitPath());
        return a;
    }

    Profile person(CurrentUser user, long personId) {
        access.requireRead(user);
        return roster.profile(personId, user.scope())
                .orElseThrow(() -> new NotFoundException("人员不存在或不在您的管理范围内：" + personId));
    }

    Profile personToWrite(CurrentUser user, long personId) {
        requireWriter(user);
        Profile p = person(user, personId);
        access.requireWrite(user, p.unitPath());
        return p;
    }

    /**
     * The 任免审批表 of a person: the appointment named (in scope, of this person) or the person's latest one, the
     * roster's state, 简历 and facts, the profile and family. Audited as a read of personal data.
     */
    ApprovalForm.Data form(CurrentUser user, long personId, Long appointmentId) {
        Profile p = person(user, personId);
        Appointment a = null;
        if (appointmentId != null) {
            a = read(user, appointmentId);
            if (a.personId() != personId) {
                throw new NotFoundException("选拔任用纪实不存在或不在您的管理范围内：" + appointmentId);
            }
        } else {
            a = store.list(user.scope(), null, null, null, personId, 20).stream()
                    .max(Comparator.comparing((Appointment x) -> "OPEN".equals(x.status()))
                            .thenComparing(Appointment::createdAt)).orElse(null);
        }
        String proposed = a == null ? "" : proposed(a);
        audit.record(AuditEvent.read("cadre_approval_form", personId, "生成干部任免审批表：" + p.name()));
        return new ApprovalForm.Data(p, profiles.profile(personId), profiles.photo(personId).orElse(null),
                roster.resume(personId), roster.notes(personId), roster.assessments(personId),
                profiles.family(personId), proposed, a == null ? "" : nz(a.leavePost()),
                a == null ? "" : (a.reason() != null ? a.reason() : "工作需要"), p.unitName(), LocalDate.now(clock));
    }

    static String proposed(Appointment a) {
        String post = a.targetPost() == null ? "" : a.targetPost();
        String rank = a.targetRank() == null ? "" : a.targetRank();
        if (a.kind() == cn.zugong.cadre.AppointmentKind.RANK_PROMOTION) {
            return post.isEmpty() ? a.unitName() + rank : post + "（" + rank + "）";
        }
        return post + (rank.isEmpty() ? "" : "（" + rank + "）");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
