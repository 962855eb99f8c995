package cn.zugong.cadre.internal.appointments;


/** The forms of 选拔任用纪实 as strings (pages and JSON alike) and their parsing, each message naming its field. */
public final class AppointmentForms {

    private AppointmentForms() {
    }

    /** A new record: who, what kind, where to, on what basis, and the day of 动议. */
    public record NewForm(String personId, String kind, String unitId, String targetPost, String targetPostLevel,
                          String targetRank, String leavePost, String reason, String frontline, String campaignId,
                          String basis, String proposedOn, String note) {
    }

    /** The next step: which, on what day (任前公示: its first and last day), a note. */
    public record StepForm(String step, String doneOn, String endsOn, String note) {
    }

    public record StopForm(String reason) {
    }

    /** The 任免审批表's own fields (what the roster lacks). */
    public record ProfileForm(String nativePlace, String birthplace, String health, String joinedPartyOn,
                              String techTitle, String speciality, String ftSchool, String isSchool,
                              String currentPost, String family) {
    }
}
