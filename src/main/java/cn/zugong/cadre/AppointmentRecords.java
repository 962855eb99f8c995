package cn.zugong.cadre;

import cn.zugong.cadre.internal.appointments.AppointmentForms.NewForm;
import cn.zugong.cadre.internal.appointments.AppointmentForms.StepForm;
import cn.zugong.cadre.internal.appointments.AppointmentService;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The write path of 选拔任用纪实 for other modules (the demo): the same service and rules as the pages — a record
 * opened at 动议, steps in order, 任职 changing the roster through its API.
 */
@Service
public class AppointmentRecords {

    /** A new record: {@code campaignId} or {@code basis} for one from the frontline. */
    public record NewAppointment(long personId, AppointmentKind kind, Long unitId, String targetPost,
                                 String targetPostLevel, String targetRank, String leavePost, String reason,
                                 boolean frontline, Long campaignId, String basis, LocalDate proposedOn) {
    }

    private final AppointmentService service;
    private final cn.zugong.cadre.internal.appointments.AppointmentAccessForRecords records;
    private final JdbcClient jdbc;

    AppointmentRecords(AppointmentService service,
                       cn.zugong.cadre.internal.appointments.AppointmentAccessForRecords records, JdbcClient jdbc) {
        this.service = service;
        this.records = records;
        this.jdbc = jdbc;
    }

    /** Whether any appointment record exists (the demo writes once). */
    public boolean any() {
        return jdbc.sql("select count(*) from cadre_appointment").query(Long.class).single() > 0;
    }

    public long open(NewAppointment a, OrgScope scope, String by) {
        return service.create(new NewForm(Long.toString(a.personId()), a.kind().name(),
                a.unitId() == null ? null : a.unitId().toString(), a.targetPost(), a.targetPostLevel(), a.targetRank(),
                a.leavePost(), a.reason(), Boolean.toString(a.frontline()),
                a.campaignId() == null ? null : a.campaignId().toString(), a.basis(), a.proposedOn().toString(), null),
                scope, by);
    }

    public void stop(long id, String reason, String by) {
        service.stop(records.find(id), reason, by);
    }

    /** Records the next step ({@code step}: PROPOSAL … APPOINTMENT or its Chinese name); {@code ends} for 任前公示. */
    public void step(long id, String step, LocalDate on, LocalDate ends, String note, String by) {
        service.advance(records.find(id), new StepForm(step, on.toString(), ends == null ? null : ends.toString(), note), by);
    }
}
