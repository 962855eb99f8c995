package cn.zugong.cadre.internal.research;


/** The forms of 调研课题 as strings (pages and JSON alike) and their parsing, each message naming its field. */
public final class ResearchForms {

    private ResearchForms() {
    }

    /** {@code dueOn}: 计划结题日期, optional (a topic without one is never 督办). */
    public record TopicForm(String nodeId, String title, String leaderId, String keyTopic, String startsOn,
                            String dueOn) {
        public TopicForm(String nodeId, String title, String leaderId, String keyTopic, String startsOn) {
            this(nodeId, title, leaderId, keyTopic, startsOn, null);
        }
    }

    /** A 督办 of an overdue topic: what the office asks of it. */
    public record DunForm(String note) {
    }

    public record ProgressForm(String notedOn, String note) {
    }

    public record ProblemForm(String description, String foundOn) {
    }

    public record SolveForm(String solvedOn, String solution) {
    }

    public record ConcludeForm(String concludedOn, String findings) {
    }
}
