package cn.zugong.talent.internal.recognition;

import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import cn.zugong.talent.internal.recognition.RecognitionModel.Ballot;
import cn.zugong.talent.internal.recognition.RecognitionModel.Case;
import cn.zugong.talent.internal.recognition.RecognitionModel.Event;
import cn.zugong.talent.internal.recognition.RecognitionModel.Evidence;
import cn.zugong.talent.internal.recognition.RecognitionModel.Group;
import cn.zugong.talent.internal.recognition.RecognitionModel.Member;
import cn.zugong.talent.internal.recognition.RecognitionModel.Objection;
import cn.zugong.talent.internal.recognition.RecognitionModel.Opinion;
import cn.zugong.talent.internal.recognition.RecognitionModel.Route;
import cn.zugong.talent.internal.recognition.RecognitionModel.Status;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the recognition part (its own tables; the talent's level is written only through TalentStore). */
@Repository
class RecognitionRepository {

    private static final String SELECT = """
            select c.*, t.name talent_name, t.field talent_field, n.path node_path, n.name node_name, g.name group_name
              from talent_recognition_case c join talent t on t.id = c.talent_id join org_node n on n.id = c.node_id
              left join talent_referee_group g on g.id = c.group_id
            """;

    private final JdbcClient jdbc;

    RecognitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewCase(String caseNo, long talentId, long nodeId, Route route, Status status, String fastTrack,
                   String fastTrackRule, String claimedLevel, String ruleLevel, String ruleId, String ruleReason,
                   String proposedLevel, String summary, Long groupId, String by, LocalDateTime at) {
    }

    long insert(NewCase c) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_recognition_case (case_no, talent_id, node_id, route, status, fast_track,
                    fast_track_rule, claimed_level, rule_level, rule_id, rule_reason, proposed_level, summary, group_id,
                    created_by, created_at, updated_at)
                values (:no, :talent, :node, :route, :status, :fast, :fastRule, :claimed, :ruleLevel, :ruleId, :reason,
                    :proposed, :summary, :group, :by, :at, :at)
                """).param("no", c.caseNo()).param("talent", c.talentId()).param("node", c.nodeId())
                .param("route", c.route().name()).param("status", c.status().name()).param("fast", c.fastTrack())
                .param("fastRule", c.fastTrackRule()).param("claimed", c.claimedLevel())
                .param("ruleLevel", c.ruleLevel()).param("ruleId", c.ruleId()).param("reason", c.ruleReason())
                .param("proposed", c.proposedLevel()).param("summary", c.summary()).param("group", c.groupId())
                .param("by", c.by()).param("at", c.at()).update(key, "id");
        return key.getKey().longValue();
    }

    /** A decided case of the past (the registry's history), in one statement per row without events. */
    void insertHistorical(NewCase c, String level, LocalDate decidedOn, String certificateNo, LocalDate validUntil) {
        jdbc.sql("""
                insert into talent_recognition_case (case_no, talent_id, node_id, route, status, claimed_level,
                    rule_level, rule_id, rule_reason, proposed_level, level, summary, decided_on, decided_by,
                    decision_note, certificate_no, valid_until, historical, created_by, created_at, updated_at)
                values (:no, :talent, :node, :route, 'DECIDED', :level, :ruleLevel, :ruleId, :reason, :level, :level,
                    :summary, :decided, :by, '历史认定记录', :cert, :until, true, :by, :at, :at)
                """).param("no", c.caseNo()).param("talent", c.talentId()).param("node", c.nodeId())
                .param("route", c.route().name()).param("level", level).param("ruleLevel", c.ruleLevel())
                .param("ruleId", c.ruleId()).param("reason", c.ruleReason()).param("summary", c.summary())
                .param("decided", Date.valueOf(decidedOn)).param("by", c.by()).param("cert", certificateNo)
                .param("until", Date.valueOf(validUntil)).param("at", c.at()).update();
    }

    /** The next number of a series "prefix0001" (the unique constraint guards concurrent writers). */
    int nextNumber(String column, String prefix) {
        String max = jdbc.sql("select max(" + column + ") from talent_recognition_case where " + column + " like :p")
                .param("p", prefix + "%").query(String.class).optional().orElse(null);
        return max == null ? 1 : Integer.parseInt(max.substring(prefix.length())) + 1;
    }

    Optional<Case> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(this::row).optional();
    }

    Optional<Case> openCaseOf(long talentId) {
        return jdbc.sql(SELECT + " where c.talent_id = :t and c.status not in ('DECIDED', 'REJECTED', 'REVOKED')")
                .param("t", talentId).query(this::row).list().stream().findFirst();
    }

    List<Case> ofTalent(long talentId) {
        return jdbc.sql(SELECT + " where c.talent_id = :t order by c.id desc").param("t", talentId).query(this::row)
                .list();
    }

    record Filter(Status status, Route route, String level, String name) {
    }

    PageResult<Case> find(OrgScope scope, Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" where " + OrgScope.sqlContains("c.node_id"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scopePath", scope.pathPattern());
        if (f.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", f.status().name());
        }
        if (f.route() != null) {
            where.append(" and c.route = :route");
            params.put("route", f.route().name());
        }
        if (f.level() != null && !f.level().isBlank()) {
            where.append(" and coalesce(c.level, c.proposed_level) = :level");
            params.put("level", f.level());
        }
        if (f.name() != null && !f.name().isBlank()) {
            where.append(" and (t.name like :name escape '\\' or c.case_no = :exact)");
            params.put("name", cn.zugong.shared.SqlLike.contains(f.name().strip()));
            params.put("exact", f.name().strip());
        }
        long total = jdbc.sql("select count(*) from talent_recognition_case c join talent t on t.id = c.talent_id"
                + where).params(params).query(Long.class).single();
        List<Case> items = jdbc.sql(SELECT + where + " order by c.historical, c.id desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (page - 1) * size).query(this::row).list();
        return new PageResult<>(items, page, size, total);
    }

    Map<String, Long> countsByStatus(OrgScope scope) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) n from talent_recognition_case c where " + OrgScope.sqlContains("c.node_id")
                        + " group by status").param("scopePath", scope.pathPattern())
                .query((rs, n) -> out.put(rs.getString("status"), rs.getLong("n"))).list();
        return out;
    }

    void update(long id, String sets, Map<String, Object> params, LocalDateTime at) {
        jdbc.sql("update talent_recognition_case set " + sets + ", updated_at = :at where id = :id").params(params)
                .param("at", at).param("id", id).update();
    }

    void event(long caseId, String action, Status from, Status to, String note, String actor, LocalDateTime at) {
        jdbc.sql("""
                insert into talent_recognition_event (case_id, action, from_status, to_status, note, actor, at)
                values (:c, :a, :f, :t, :n, :by, :at)
                """).param("c", caseId).param("a", action).param("f", from == null ? null : from.name())
                .param("t", to.name()).param("n", note).param("by", actor).param("at", at).update();
    }

    List<Event> events(long caseId) {
        return jdbc.sql("select * from talent_recognition_event where case_id = :c order by id").param("c", caseId)
                .query((rs, n) -> new Event(rs.getString("action"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getString("note"), rs.getString("actor"), ts(rs, "at"))).list();
    }

    long insertEvidence(long caseId, String fileName, String type, byte[] content, String sha, String by,
                        LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_recognition_evidence (case_id, file_name, content_type, size_bytes, sha256, content,
                    uploaded_by, uploaded_at) values (:c, :f, :t, :s, :h, :b, :by, :at)
                """).param("c", caseId).param("f", fileName).param("t", type).param("s", content.length)
                .param("h", sha).param("b", content).param("by", by).param("at", at).update(key, "id");
        return key.getKey().longValue();
    }

    List<Evidence> evidence(long caseId) {
        return jdbc.sql("""
                select id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                  from talent_recognition_evidence where case_id = :c order by id""").param("c", caseId)
                .query((rs, n) -> new Evidence(rs.getLong("id"), rs.getLong("case_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), ts(rs, "uploaded_at"))).list();
    }

    Optional<byte[]> evidenceContent(long caseId, long evidenceId) {
        return jdbc.sql("select content from talent_recognition_evidence where id = :id and case_id = :c")
                .param("id", evidenceId).param("c", caseId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    void insertOpinion(long caseId, String member, String opinion, String level, String reason, String by,
                       LocalDateTime at) {
        jdbc.sql("""
                insert into talent_recognition_opinion (case_id, member_name, opinion, level, reason, recorded_by,
                    recorded_at) values (:c, :m, :o, :l, :r, :by, :at)""").param("c", caseId).param("m", member)
                .param("o", opinion).param("l", level).param("r", reason).param("by", by).param("at", at).update();
    }

    List<Opinion> opinions(long caseId) {
        return jdbc.sql("select * from talent_recognition_opinion where case_id = :c order by id").param("c", caseId)
                .query((rs, n) -> new Opinion(rs.getLong("id"), rs.getString("member_name"), rs.getString("opinion"),
                        rs.getString("level"), rs.getString("reason"), rs.getString("recorded_by"),
                        ts(rs, "recorded_at"))).list();
    }

    long insertObjection(long caseId, String raisedBy, String content, LocalDate receivedOn, String by,
                         LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_recognition_objection (case_id, raised_by, content, received_on, recorded_by,
                    recorded_at) values (:c, :r, :t, :d, :by, :at)""").param("c", caseId).param("r", raisedBy)
                .param("t", content).param("d", Date.valueOf(receivedOn)).param("by", by).param("at", at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    int answerObjection(long caseId, long objectionId, String answer, boolean upheld, String by, LocalDateTime at) {
        return jdbc.sql("""
                update talent_recognition_objection set answer = :a, upheld = :u, answered_by = :by, answered_at = :at
                 where id = :id and case_id = :c and answer is null""").param("a", answer).param("u", upheld)
                .param("by", by).param("at", at).param("id", objectionId).param("c", caseId).update();
    }

    List<Objection> objections(long caseId) {
        return jdbc.sql("select * from talent_recognition_objection where case_id = :c order by id").param("c", caseId)
                .query((rs, n) -> new Objection(rs.getLong("id"), rs.getString("raised_by"), rs.getString("content"),
                        rs.getDate("received_on").toLocalDate(), rs.getString("answer"),
                        (Boolean) rs.getObject("upheld", Boolean.class), rs.getString("answered_by"),
                        ts(rs, "answered_at"))).list();
    }

    // ---- 举荐小组 and ballots

    long insertGroup(long nodeId, String field, String name, String by, LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_referee_group (node_id, field, name, created_by, created_at)
                values (:n, :f, :name, :by, :at)""").param("n", nodeId).param("f", field).param("name", name)
                .param("by", by).param("at", at).update(key, "id");
        return key.getKey().longValue();
    }

    void insertMember(long groupId, String username, String displayName, String affiliation) {
        jdbc.sql("""
                insert into talent_referee_member (group_id, username, display_name, affiliation)
                values (:g, :u, :d, :a)""").param("g", groupId).param("u", username).param("d", displayName)
                .param("a", affiliation).update();
    }

    List<Group> groups(OrgScope scope) {
        return withMembers(jdbc.sql("select g.* from talent_referee_group g where "
                        + OrgScope.sqlContains("g.node_id") + " order by g.id").param("scopePath", scope.pathPattern())
                .query(this::groupRow).list());
    }

    List<Group> groupsOfMember(String username) {
        return withMembers(jdbc.sql("""
                select g.* from talent_referee_group g
                 where exists (select 1 from talent_referee_member m where m.group_id = g.id and m.username = :u)
                 order by g.id""").param("u", username).query(this::groupRow).list());
    }

    Optional<Group> group(long id) {
        return withMembers(jdbc.sql("select g.* from talent_referee_group g where g.id = :id").param("id", id)
                .query(this::groupRow).list()).stream().findFirst();
    }

    long countCreatedBy(String by) {
        return jdbc.sql("select count(*) from talent_recognition_case where created_by = :by").param("by", by)
                .query(Long.class).single();
    }

    String nodePath(long nodeId) {
        return jdbc.sql("select path from org_node where id = :id").param("id", nodeId).query(String.class).single();
    }

    boolean isMember(long groupId, String username) {
        return jdbc.sql("select count(*) from talent_referee_member where group_id = :g and username = :u")
                .param("g", groupId).param("u", username).query(Long.class).single() > 0;
    }

    /** The nominated cases of the groups a 委员 sits on. */
    List<Case> casesOfMember(String username) {
        return jdbc.sql(SELECT + """
                 where c.route = 'NOMINATED' and exists (select 1 from talent_referee_member m
                       where m.group_id = c.group_id and m.username = :u)
                   and (c.status = 'VOTING' or exists (select 1 from talent_referee_ballot b where b.case_id = c.id))
                 order by case when c.status = 'VOTING' then 0 else 1 end, c.id desc""")
                .param("u", username).query(this::row).list();
    }

    void insertBallot(long caseId, String username, String level, String reason, Map<String, Integer> points,
                      LocalDateTime at) {
        int total = points.values().stream().mapToInt(Integer::intValue).sum();
        jdbc.sql("""
                insert into talent_referee_ballot (case_id, username, level, reason, total, submitted_at)
                values (:c, :u, :l, :r, :t, :at)""").param("c", caseId).param("u", username).param("l", level)
                .param("r", reason).param("t", total).param("at", at).update();
        points.forEach((dim, p) -> jdbc.sql("""
                insert into talent_referee_score (case_id, username, dimension, points) values (:c, :u, :d, :p)""")
                .param("c", caseId).param("u", username).param("d", dim).param("p", p).update());
    }

    boolean hasBallot(long caseId, String username) {
        return jdbc.sql("select count(*) from talent_referee_ballot where case_id = :c and username = :u")
                .param("c", caseId).param("u", username).query(Long.class).single() > 0;
    }

    int ballotCount(long caseId) {
        return jdbc.sql("select count(*) from talent_referee_ballot where case_id = :c").param("c", caseId)
                .query(Integer.class).single();
    }

    List<Ballot> ballots(long caseId) {
        Map<String, Map<String, Integer>> points = new LinkedHashMap<>();
        jdbc.sql("select username, dimension, points from talent_referee_score where case_id = :c order by dimension")
                .param("c", caseId).query((rs, n) -> points.computeIfAbsent(rs.getString("username"),
                        k -> new LinkedHashMap<>()).put(rs.getString("dimension"), rs.getInt("points"))).list();
        return jdbc.sql("""
                select b.*, coalesce((select min(m.display_name) from talent_referee_member m
                    join talent_recognition_case c on c.group_id = m.group_id
                   where c.id = b.case_id and m.username = b.username), b.username) display_name
                  from talent_referee_ballot b where b.case_id = :c order by b.submitted_at, b.username""")
                .param("c", caseId).query((rs, n) -> new Ballot(rs.getString("username"), rs.getString("display_name"),
                        rs.getString("level"), rs.getString("reason"), rs.getInt("total"),
                        points.getOrDefault(rs.getString("username"), Map.of()), ts(rs, "submitted_at"))).list();
    }

    private Group groupRow(ResultSet rs, int n) throws SQLException {
        return new Group(rs.getLong("id"), rs.getLong("node_id"), rs.getString("field"), null, rs.getString("name"),
                List.of());
    }

    private List<Group> withMembers(List<Group> groups) {
        if (groups.isEmpty()) {
            return groups;
        }
        Map<Long, List<Member>> members = new LinkedHashMap<>();
        jdbc.sql("select * from talent_referee_member where group_id in (:ids) order by display_name")
                .param("ids", groups.stream().map(Group::id).toList())
                .query((rs, n) -> members.computeIfAbsent(rs.getLong("group_id"), k -> new ArrayList<>())
                        .add(new Member(rs.getString("username"), rs.getString("display_name"),
                                rs.getString("affiliation")))).list();
        return groups.stream().map(g -> new Group(g.id(), g.nodeId(), g.field(), g.fieldName(), g.name(),
                List.copyOf(members.getOrDefault(g.id(), List.of())))).toList();
    }

    private Case row(ResultSet rs, int n) throws SQLException {
        return new Case(rs.getLong("id"), rs.getString("case_no"), rs.getLong("talent_id"), rs.getString("talent_name"),
                rs.getString("talent_field"), rs.getLong("node_id"), rs.getString("node_path"),
                rs.getString("node_name"), Route.valueOf(rs.getString("route")), Status.valueOf(rs.getString("status")),
                rs.getString("fast_track"), rs.getString("fast_track_rule"), rs.getString("claimed_level"),
                rs.getString("rule_level"), rs.getString("rule_id"), rs.getString("rule_reason"),
                rs.getString("proposed_level"), rs.getString("level"), rs.getString("summary"),
                (Long) rs.getObject("group_id", Long.class), rs.getString("group_name"), rs.getString("review_note"),
                date(rs, "publicity_from"), date(rs, "publicity_until"), date(rs, "decided_on"),
                rs.getString("decided_by"), rs.getString("decision_note"), rs.getString("certificate_no"),
                date(rs, "valid_until"), rs.getString("revoked_reason"), rs.getBoolean("historical"),
                rs.getString("created_by"), ts(rs, "created_at"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDateTime ts(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
