package cn.zugong.cadre.internal.appointments;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.AppointmentKind;
import cn.zugong.cadre.internal.appointments.AppointmentForms.NewForm;
import cn.zugong.cadre.internal.appointments.AppointmentForms.ProfileForm;
import cn.zugong.cadre.internal.appointments.AppointmentForms.StepForm;
import cn.zugong.cadre.internal.appointments.AppointmentForms.StopForm;
import cn.zugong.cadre.internal.appointments.AppointmentViews.Appointment;
import cn.zugong.people.AppointmentRoster.Profile;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.web.Downloads;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of 选拔任用纪实 (the pages' mirror): the same access rules and service. */
@RestController
class AppointmentApiController {

    record Created(long id) {
    }

    /** The 审批表's own fields of a person as the API shows them (family decrypted; the read audited). */
    record ProfileView(long personId, String name, ApprovalProfiles.Profile profile, List<ApprovalProfiles.Member> family) {
    }

    private final AppointmentRecordsAccess access;
    private final AppointmentStore store;
    private final AppointmentService service;
    private final ApprovalProfiles profiles;
    private final AuditTrail audit;

    AppointmentApiController(AppointmentRecordsAccess access, AppointmentStore store, AppointmentService service,
                             ApprovalProfiles profiles, AuditTrail audit) {
        this.access = access;
        this.store = store;
        this.service = service;
        this.profiles = profiles;
        this.audit = audit;
    }

    @GetMapping("/api/cadres/appointments")
    List<Appointment> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                           @RequestParam(required = false) Boolean frontline,
                           @RequestParam(required = false) Long personId, CurrentUser user) {
        access.requireRead(user);
        AppointmentKind k = kind == null ? null : AppointmentKind.parse(kind);
        if (kind != null && k == null) {
            throw new BadRequestException("「kind」无效：" + kind);
        }
        if (status != null && !List.of("OPEN", "DONE", "STOPPED").contains(status)) {
            throw new BadRequestException("「status」无效：" + status);
        }
        List<Appointment> rows = store.list(user.scope(), k, status, frontline, personId, 500);
        audit.record(AuditEvent.read("cadre_appointment", user.scope().nodeId(), "接口查看选拔任用纪实 " + rows.size() + " 条"));
        return rows;
    }

    @GetMapping("/api/cadres/appointments/{id}")
    Appointment one(@PathVariable long id, CurrentUser user) {
        Appointment a = access.read(user, id);
        audit.record(AuditEvent.read("cadre_appointment", id, "接口查看选拔任用纪实：" + a.personName()));
        return a;
    }

    @PostMapping("/api/cadres/appointments")
    Appointment create(@RequestBody NewForm form, CurrentUser user) {
        access.requireWriter(user);
        long id = service.create(form, user.scope(), user.username());
        return store.find(id).orElseThrow();
    }

    @PostMapping("/api/cadres/appointments/{id}/steps")
    Appointment step(@PathVariable long id, @RequestBody StepForm form, CurrentUser user) {
        service.advance(access.write(user, id), form, user.username());
        return store.find(id).orElseThrow();
    }

    @PostMapping("/api/cadres/appointments/{id}/stop")
    Appointment stop(@PathVariable long id, @RequestBody StopForm form, CurrentUser user) {
        service.stop(access.write(user, id), form.reason(), user.username());
        return store.find(id).orElseThrow();
    }

    @GetMapping("/api/cadres/appointments/people/{personId}/profile")
    ProfileView profile(@PathVariable long personId, CurrentUser user) {
        Profile p = access.person(user, personId);
        audit.record(AuditEvent.read("cadre_profile", personId, "接口查看干部任免审批表信息：" + p.name()));
        return new ProfileView(personId, p.name(), profiles.profile(personId), profiles.family(personId));
    }

    @PostMapping("/api/cadres/appointments/people/{personId}/profile")
    ProfileView saveProfile(@PathVariable long personId, @RequestBody ProfileForm form, CurrentUser user) {
        Profile p = access.personToWrite(user, personId);
        profiles.save(personId, form, user.username());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "cadre_profile", personId, "接口维护任免审批表信息：" + p.name()));
        return new ProfileView(personId, p.name(), profiles.profile(personId), profiles.family(personId));
    }

    @GetMapping("/api/cadres/appointments/people/{personId}/form.docx")
    ResponseEntity<byte[]> form(@PathVariable long personId, @RequestParam(required = false) Long appointment,
                                CurrentUser user) {
        ApprovalForm.Data d = access.form(user, personId, appointment);
        return Downloads.attachment(ApprovalForm.write(d), "干部任免审批表-" + d.person().name() + ".docx", Downloads.DOCX);
    }
}
