package cn.zugong.cadre.internal.leaders;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/** What the 一把手 / 离任交接 / 揭榜出征 pages and API show. */
public final class LeaderViews {

    private LeaderViews() {
    }

    static final Map<String, String> NOTE_KINDS = Map.of("DUTY", "履职情况", "TALK", "谈心谈话", "PROBLEM", "问题提醒",
            "PRAISE", "表扬肯定");

    /** A 履职跟踪 note on a leader. */
    public record Note(long id, long personId, String personName, long unitId, String unitName, LocalDate notedOn,
                       String kind, String content, String createdBy) {
        public String kindLabel() {
            return NOTE_KINDS.getOrDefault(kind, kind);
        }
    }

    /** A 离任交接 with the township (its path is the scope) and both leaders. */
    public record Handover(long id, long townshipId, String townshipName, String townshipPath, long leavingPersonId,
                           String leavingName, long receivingPersonId, String receivingName, LocalDate leavesOn,
                           String status, String leavingSignedBy, LocalDateTime leavingSignedAt,
                           String receivingSignedBy, LocalDateTime receivingSignedAt, LocalDateTime completedAt,
                           String completedBy, int items, int confirmed, Long appointmentId) {
        public String statusLabel() {
            return "DONE".equals(status) ? "已完成" : "交接中";
        }
    }

    public record Item(long id, long handoverId, int sortOrder, String title, String note, String confirmedBy,
                       LocalDateTime confirmedAt) {
    }

    /** A 揭榜出征 task with its node (the posting office; its path is the scope). */
    public record Task(long id, long nodeId, String nodeName, String nodePath, String title, String description,
                       int capacity, int claimed, LocalDate startsOn, LocalDate endsOn, String status,
                       String createdBy) {
        public String statusLabel() {
            return "OPEN".equals(status) ? (claimed >= capacity ? "名额已满" : "揭榜中") : "已关闭";
        }
    }

    public record Claim(long id, long taskId, long personId, String personName, String basis, String status,
                        String progress, String result, LocalDate finishedOn, LocalDateTime claimedAt,
                        String claimedBy) {
        public String statusLabel() {
            return "DONE".equals(status) ? "已完成" : "攻坚中";
        }
    }
}
