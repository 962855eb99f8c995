package cn.zugong.cadre.internal.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/** What the pages and the API show of 干部培训: classes, sessions, enrolments (with the hours earned). */
public final class TrainingViews {

    private TrainingViews() {
    }

    /** A kind of class (data: training_kind); an online one earns completed hours, not session hours. */
    public record Kind(String code, String name, boolean online) {
    }

    public record TrainingClass(long id, long nodeId, String nodeName, String nodePath, Long countyId, String kind,
                                String kindName, boolean online, String name, LocalDate startsOn, LocalDate endsOn,
                                BigDecimal plannedHours, int capacity, long enrolled, LocalDateTime createdAt,
                                String createdBy) {
    }

    public record Session(long id, long classId, LocalDate heldOn, String title, BigDecimal hours, long present,
                          long absent, long leave) {
    }

    /** An enrolled person with the hours earned in the class (attended session hours, or completed hours online). */
    public record Enrolment(long id, long classId, long personId, String personName, String unitName,
                            LocalDateTime enrolledAt, BigDecimal completedHours, LocalDate completedOn,
                            BigDecimal hoursEarned, long present, long absent, long leave) {
    }

    /** A class with its sessions, its enrolments and the attendance grid (session id → enrolment id → status). */
    public record ClassDetail(TrainingClass trainingClass, java.util.List<Session> sessions,
                              java.util.List<Enrolment> enrolments, Map<Long, Map<Long, String>> attendance) {
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "PRESENT" -> "出勤";
            case "ABSENT" -> "缺勤";
            case "LEAVE" -> "请假";
            default -> status;
        };
    }

    /** 出勤 / 缺勤 / 请假 or PRESENT / ABSENT / LEAVE; null when neither. */
    static String statusOf(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip()) {
            case "PRESENT", "出勤" -> "PRESENT";
            case "ABSENT", "缺勤" -> "ABSENT";
            case "LEAVE", "请假" -> "LEAVE";
            default -> null;
        };
    }
}
