package cn.zugong.cadre.internal.research;


/** The forms of 调研课题 as strings (pages and JSON alike) and their parsing, each message naming its field. */
public final class ResearchForms {

    private ResearchForms() {
    }

    public record TopicForm(String nodeId, String title, String leaderId, String keyTopic, String startsOn) {
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
