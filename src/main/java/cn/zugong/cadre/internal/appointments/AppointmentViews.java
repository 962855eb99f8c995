package cn.zugong.cadre.internal.appointments;

import cn.zugong.cadre.AppointmentKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the pages and the API show of appointment records. */
public final class AppointmentViews {

    private AppointmentViews() {
    }

    /** One appointment record with its steps (empty in lists). */
    public record Appointment(long id, long personId, String personName, long unitId, String unitName,
                              String unitPath, Long fromUnitId, String fromUnitName, AppointmentKind kind,
                              boolean frontline, Long campaignId, String campaignName, String basis,
                              String targetPost, String targetPostLevel, String targetRank, String leavePost,
                              String reason, String status, AppointmentStep lastStep, LocalDate effectiveOn,
                              String stopReason, LocalDateTime createdAt, String createdBy, List<Step> steps) {

        public String kindLabel() {
            return kind.label;
        }

        public String statusLabel() {
            return switch (status) {
                case "OPEN" -> "办理中";
                case "DONE" -> "已任职";
                default -> "已终止";
            };
        }

        /** The step to record next, or null when the record is closed. */
        public AppointmentStep nextStep() {
            return "OPEN".equals(status) ? lastStep.next() : null;
        }

        Appointment withSteps(List<Step> all) {
            return new Appointment(id, personId, personName, unitId, unitName, unitPath, fromUnitId, fromUnitName,
                    kind, frontline, campaignId, campaignName, basis, targetPost, targetPostLevel, targetRank,
                    leavePost, reason, status, lastStep, effectiveOn, stopReason, createdAt, createdBy, all);
        }
    }

    /** A step done on a day; {@code endsOn} the last day of 任前公示. */
    public record Step(AppointmentStep step, LocalDate doneOn, LocalDate endsOn, String note, String recordedBy) {
        public String label() {
            return step.label;
        }
    }

    /** A 一线考察 campaign an appointment may come from. */
    public record Campaign(long id, String name, String kind, LocalDate startsOn) {
    }
}
