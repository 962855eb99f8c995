package cn.zugong.cadre.internal.research;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the pages and the API show of 调研课题: topics, progress notes, problems found and solved. */
public final class ResearchViews {

    private ResearchViews() {
    }

    public record Topic(long id, long nodeId, String nodeName, String nodePath, Long countyId, String title,
                        long leaderId, String leaderName, String leaderPost, boolean keyTopic, LocalDate startsOn,
                        String status, String findings, LocalDate concludedOn, long problems, long solved,
                        LocalDateTime createdAt, String createdBy, LocalDate dueOn) {
        public String statusLabel() {
            return "CONCLUDED".equals(status) ? "已结题" : "调研中";
        }

        /** Open and past its 计划结题日期 on {@code today}. */
        public boolean overdueOn(LocalDate today) {
            return "OPEN".equals(status) && dueOn != null && dueOn.isBefore(today);
        }
    }

    /** A 督办 pressed on an overdue topic. */
    public record Dunning(long id, long topicId, String level, String levelLabel, LocalDate dueOn, int overdue,
                          String note, LocalDateTime pressedAt, String pressedBy) {
    }

    /**
     * An overdue topic of the 督办 list: the level its working days overdue reach today (the closure workflow's rule),
     * how many 督办 were pressed and the last one.
     */
    public record Overdue(Topic topic, int overdueWorkdays, String level, String levelLabel, int pressed,
                          Dunning last) {
    }

    public record Progress(long id, long topicId, LocalDate notedOn, String note, String createdBy) {
    }

    public record Problem(long id, long topicId, String description, LocalDate foundOn, boolean solved,
                          LocalDate solvedOn, String solution) {
    }

    public record TopicDetail(Topic topic, List<Progress> progress, List<Problem> problems, List<Dunning> dunning) {
    }
}
