package cn.zugong.cadre.internal.appointments;

import cn.zugong.cadre.internal.appointments.AppointmentViews.Appointment;
import cn.zugong.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** A record by id for the module's own public write path (no user: the caller is trusted code, the demo). */
@Component
public class AppointmentAccessForRecords {

    private final AppointmentStore store;

    AppointmentAccessForRecords(AppointmentStore store) {
        this.store = store;
    }

    public Appointment find(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("选拔任用纪实不存在：" + id));
    }
}
