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
                        LocalDateTime createdAt, String createdBy) {
        public String statusLabel() {
            return "CONCLUDED".equals(status) ? "已结题" : "调研中";
        }
    }

    public record Progress(long id, long topicId, LocalDate notedOn, String note, String createdBy) {
    }

    public record Problem(long id, long topicId, String description, LocalDate foundOn, boolean solved,
                          LocalDate solvedOn, String solution) {
    }

    public record TopicDetail(Topic topic, List<Progress> progress, List<Problem> problems) {
    }
}
