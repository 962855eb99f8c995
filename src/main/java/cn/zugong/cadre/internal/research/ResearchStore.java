package cn.zugong.cadre.internal.research;

import cn.zugong.cadre.internal.research.ResearchViews.Problem;
import cn.zugong.cadre.internal.research.ResearchViews.Progress;
import cn.zugong.cadre.internal.research.ResearchViews.Topic;
import cn.zugong.shared.OrgScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of 调研课题 (research_* tables, V90); the leader's name is read from the roster's table. */
@Repository
public class ResearchStore {

    private static final String TOPIC_SELECT = """
            select t.id, t.node_id, n.name as node_name, n.path as node_path, t.county_id, t.title, t.leader_id,
                   p.name as leader_name, t.leader_post, t.key_topic, t.starts_on, t.status, t.findings, t.concluded_on,
                   (select count(*) from research_problem r where r.topic_id = t.id) as problems,
                   (select count(*) from research_problem r where r.topic_id = t.id and r.solved) as solved,
                   t.created_at, t.created_by, t.due_on
            from research_topic t join org_node n on n.id = t.node_id join person p on p.id = t.leader_id
            """;

    private final JdbcClient jdbc;

    ResearchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertTopic(long nodeId, Long countyId, String title, long leaderId, String leaderPost, boolean key,
                            LocalDate startsOn, LocalDate dueOn, LocalDateTime at, String by) {
        GeneratedKeyHolder holder = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into research_topic (node_id, county_id, title, leader_id, leader_post, key_topic, starts_on,
                                            due_on, status, created_at, created_by)
                values (:node, :county, :title, :leader, :post, :key, :starts, :due, 'OPEN', :at, :by)""")
                .param("node", nodeId).param("county", countyId).param("title", title).param("leader", leaderId)
                .param("post", leaderPost).param("key", key).param("starts", startsOn).param("due", dueOn)
                .param("at", Timestamp.valueOf(at)).param("by", by).update(holder, "id");
        return holder.getKey().longValue();
    }

    public Optional<Topic> topic(long id) {
        return jdbc.sql(TOPIC_SELECT + " where t.id = :id").param("id", id).query(ResearchStore::toTopic).optional();
    }

    public List<Topic> topicsInScope(OrgScope scope, Boolean key, Integer year, int limit) {
        StringBuilder where = new StringBuilder(" where n.path like :sp");
        Map<String, Object> params = new HashMap<>();
        params.put("sp", scope.pathPattern());
        if (key != null) {
            where.append(" and t.key_topic = :key");
            params.put("key", key);
        }
        if (year != null) {
            where.append(" and t.starts_on >= :y0 and t.starts_on < :y1");
            params.put("y0", LocalDate.of(year, 1, 1));
            params.put("y1", LocalDate.of(year + 1, 1, 1));
        }
        return jdbc.sql(TOPIC_SELECT + where + " order by t.starts_on desc, t.id desc fetch first " + limit + " rows only")
                .params(params).query(ResearchStore::toTopic).list();
    }

    /** Open topics of the scope past their 计划结题日期, the longest overdue first. */
    public List<Topic> overdueInScope(OrgScope scope, LocalDate today, int limit) {
        return jdbc.sql(TOPIC_SELECT + " where n.path like :sp and t.status = 'OPEN' and t.due_on < :today"
                        + " order by t.due_on, t.id fetch first " + limit + " rows only")
                .param("sp", scope.pathPattern()).param("today", today).query(ResearchStore::toTopic).list();
    }

    /** Records a 督办; false when the same level was already pressed for the same due day. */
    public boolean insertDunning(long topicId, String level, LocalDate dueOn, int overdue, String note,
                                 LocalDateTime at, String by) {
        int n = jdbc.sql("""
                        insert into research_dunning (topic_id, level, due_on, overdue, note, pressed_at, pressed_by)
                        select :t, :l, :d, :o, :n, :at, :by from research_topic
                        where id = :t and status = 'OPEN' and not exists (select 1 from research_dunning x
                            where x.topic_id = :t and x.due_on = :d and x.level = :l)""")
                .param("t", topicId).param("l", level).param("d", dueOn).param("o", overdue).param("n", note)
                .param("at", Timestamp.valueOf(at)).param("by", by).update();
        return n == 1;
    }

    public List<ResearchViews.Dunning> dunningOf(long topicId) {
        return jdbc.sql("select * from research_dunning where topic_id = :t order by pressed_at, id").param("t", topicId)
                .query((rs, i) -> dunning(rs)).list();
    }

    /** The 督办 pressed on each topic of {@code ids}, oldest first. */
    public Map<Long, List<ResearchViews.Dunning>> dunningOf(List<Long> ids) {
        Map<Long, List<ResearchViews.Dunning>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from research_dunning where topic_id in (:ids) order by pressed_at, id").param("ids", ids)
                .query((rs, i) -> dunning(rs)).list()
                .forEach(d -> out.computeIfAbsent(d.topicId(), k -> new java.util.ArrayList<>()).add(d));
        return out;
    }

    private static ResearchViews.Dunning dunning(ResultSet rs) throws SQLException {
        String level = rs.getString("level");
        return new ResearchViews.Dunning(rs.getLong("id"), rs.getLong("topic_id"), level,
                cn.zugong.closure.Escalation.valueOf(level).label(), rs.getDate("due_on").toLocalDate(),
                rs.getInt("overdue"), rs.getString("note"), rs.getTimestamp("pressed_at").toLocalDateTime(),
                rs.getString("pressed_by"));
    }

    public void lockTopic(long id) {
        jdbc.sql("select id from research_topic where id = :id for update").param("id", id).query(Long.class).list();
    }

    public long insertProgress(long topicId, LocalDate on, String note, LocalDateTime at, String by) {
        GeneratedKeyHolder holder = new GeneratedKeyHolder();
        jdbc.sql("insert into research_progress (topic_id, noted_on, note, created_at, created_by) "
                        + "values (:t, :d, :n, :at, :by)").param("t", topicId).param("d", on).param("n", note)
                .param("at", Timestamp.valueOf(at)).param("by", by).update(holder, "id");
        return holder.getKey().longValue();
    }

    public List<Progress> progressOf(long topicId) {
        return jdbc.sql("select id, topic_id, noted_on, note, created_by from research_progress where topic_id = :t "
                        + "order by noted_on, id").param("t", topicId)
                .query((rs, i) -> new Progress(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), rs.getString(5))).list();
    }

    public long insertProblem(long topicId, String description, LocalDate foundOn, LocalDateTime at, String by) {
        GeneratedKeyHolder holder = new GeneratedKeyHolder();
        jdbc.sql("insert into research_problem (topic_id, description, found_on, solved, created_at, created_by) "
                        + "values (:t, :d, :f, false, :at, :by)").param("t", topicId).param("d", description)
                .param("f", foundOn).param("at", Timestamp.valueOf(at)).param("by", by).update(holder, "id");
        return holder.getKey().longValue();
    }

    public Optional<Problem> problem(long id) {
        return jdbc.sql("select id, topic_id, description, found_on, solved, solved_on, solution from research_problem "
                + "where id = :id").param("id", id).query(ResearchStore::toProblem).optional();
    }

    public List<Problem> problemsOf(long topicId) {
        return jdbc.sql("select id, topic_id, description, found_on, solved, solved_on, solution from research_problem "
                + "where topic_id = :t order by found_on, id").param("t", topicId).query(ResearchStore::toProblem).list();
    }

    /** Marks the problem solved; false when it was solved already (a concurrent solve). */
    public boolean solve(long problemId, LocalDate on, String how) {
        return jdbc.sql("update research_problem set solved = true, solved_on = :d, solution = :h "
                        + "where id = :id and not solved").param("d", on).param("h", how).param("id", problemId)
                .update() == 1;
    }

    public boolean conclude(long topicId, LocalDate on, String findings) {
        return jdbc.sql("update research_topic set status = 'CONCLUDED', concluded_on = :d, findings = :f "
                        + "where id = :id and status = 'OPEN'").param("d", on).param("f", findings).param("id", topicId)
                .update() == 1;
    }

    private static Problem toProblem(ResultSet rs, int i) throws SQLException {
        return new Problem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getBoolean(5), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7));
    }

    private static Topic toTopic(ResultSet rs, int i) throws SQLException {
        return new Topic(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_name"), rs.getString("node_path"),
                (Long) rs.getObject("county_id", Long.class), rs.getString("title"), rs.getLong("leader_id"),
                rs.getString("leader_name"), rs.getString("leader_post"), rs.getBoolean("key_topic"),
                rs.getDate("starts_on").toLocalDate(), rs.getString("status"), rs.getString("findings"),
                rs.getDate("concluded_on") == null ? null : rs.getDate("concluded_on").toLocalDate(),
                rs.getLong("problems"), rs.getLong("solved"), rs.getTimestamp("created_at").toLocalDateTime(),
                rs.getString("created_by"), rs.getDate("due_on") == null ? null : rs.getDate("due_on").toLocalDate());
    }
}
