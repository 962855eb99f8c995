package cn.zugong.cadre;

import cn.zugong.cadre.internal.research.ResearchForms;
import cn.zugong.cadre.internal.research.ResearchService;
import cn.zugong.cadre.internal.training.TrainingForms;
import cn.zugong.cadre.internal.training.TrainingService;
import cn.zugong.shared.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes of 干部培训 and 调研课题 for another module (the demo): the same services, checks and audit as the pages,
 * with typed arguments (ADR 079).
 */
@Service
public class TrainingRecords {

    private final TrainingService training;
    private final ResearchService research;
    private final JdbcClient jdbc;

    TrainingRecords(TrainingService training, ResearchService research, JdbcClient jdbc) {
        this.training = training;
        this.research = research;
        this.jdbc = jdbc;
    }

    /** Whether any class or topic exists (a demo step's idempotence). */
    public boolean any() {
        return jdbc.sql("select (select count(*) from training_class) + (select count(*) from research_topic)")
                .query(Long.class).single() > 0;
    }

    public long createClass(CurrentUser user, long nodeId, String kind, String name, LocalDate starts, LocalDate ends,
                            BigDecimal plannedHours, int capacity) {
        return training.createClass(user, new TrainingForms.ClassForm(String.valueOf(nodeId), kind, name,
                starts.toString(), ends.toString(), plannedHours.toPlainString(), String.valueOf(capacity)));
    }

    public long addSession(CurrentUser user, long classId, LocalDate heldOn, String title, BigDecimal hours) {
        return training.addSession(user, classId, new TrainingForms.SessionForm(heldOn.toString(), title,
                hours.toPlainString()));
    }

    public void enrol(CurrentUser user, long classId, List<Long> personIds) {
        training.enrol(user, classId, personIds, "");
    }

    /** A class's attendance at once: session id → person id → PRESENT / ABSENT / LEAVE. */
    @Transactional
    public void attend(CurrentUser user, Map<Long, Map<Long, String>> bySession) {
        bySession.forEach((session, statuses) -> training.attendMany(user, session, statuses));
    }

    /** An online course's completed hours of enrolled people, all on one day (checked, written and synced in batches). */
    public void complete(CurrentUser user, long classId, Map<Long, BigDecimal> hoursByPerson, LocalDate on) {
        Map<Long, String> hours = new java.util.LinkedHashMap<>();
        hoursByPerson.forEach((person, h) -> hours.put(person, h.toPlainString()));
        training.completeMany(user, classId, hours, on.toString());
    }

    public long createTopic(CurrentUser user, long nodeId, String title, long leaderId, boolean key, LocalDate starts) {
        return createTopic(user, nodeId, title, leaderId, key, starts, null);
    }

    /** A topic with its 计划结题日期 ({@code due}, null for none). */
    public long createTopic(CurrentUser user, long nodeId, String title, long leaderId, boolean key, LocalDate starts,
                            LocalDate due) {
        return research.createTopic(user, new ResearchForms.TopicForm(String.valueOf(nodeId), title,
                String.valueOf(leaderId), String.valueOf(key), starts.toString(), due == null ? null : due.toString()));
    }

    public void addProgress(CurrentUser user, long topicId, LocalDate on, String note) {
        research.addProgress(user, topicId, new ResearchForms.ProgressForm(on.toString(), note));
    }

    public long addProblem(CurrentUser user, long topicId, String description, LocalDate foundOn) {
        return research.addProblem(user, topicId, new ResearchForms.ProblemForm(description, foundOn.toString()));
    }

    public void solve(CurrentUser user, long problemId, LocalDate on, String how) {
        research.solve(user, problemId, new ResearchForms.SolveForm(on.toString(), how));
    }

    public void conclude(CurrentUser user, long topicId, LocalDate on, String findings) {
        research.conclude(user, topicId, new ResearchForms.ConcludeForm(on.toString(), findings));
    }
}
