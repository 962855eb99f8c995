package cn.zugong.rating.internal.cycle;

import cn.zugong.rating.internal.cycle.CycleModel.Change;
import cn.zugong.rating.internal.cycle.CycleModel.Entry;
import cn.zugong.rating.internal.cycle.CycleModel.Evidence;
import cn.zugong.rating.internal.cycle.CycleModel.Level;
import cn.zugong.rating.internal.cycle.CycleModel.Objection;
import cn.zugong.rating.internal.cycle.CycleModel.Round;
import cn.zugong.rating.internal.cycle.CycleModel.Score;
import cn.zugong.rating.internal.cycle.CycleModel.Stage;
import cn.zugong.rating.internal.cycle.CycleModel.Status;
import cn.zugong.rating.internal.cycle.CycleModel.Step;
import cn.zugong.rating.internal.cycle.CycleModel.VetoRow;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of the yearly cycle: one query per list or figure, batch writes for whole rounds. */
@Repository
class CycleStore {

    private static final String ROUND = """
            select r.id, r.node_id, n.name as node_name, n.path as node_path, r.scheme_code, r.scheme_version,
                   r.rating_year, r.name, r.status, r.self_due, r.review_due, r.publicity_days, r.publicity_from,
                   r.publicity_to, r.published_at, r.created_by, r.created_at, r.version
              from rating_round r join org_node n on n.id = r.node_id
            """;
    private static final String ENTRY = """
            select e.id, e.round_id, e.node_id, n.name as node_name, n.path as node_path, e.stage, e.self_points,
                   e.points, e.stars, e.strong_party, e.strong_development, e.vetoed, e.published_points,
                   e.published_stars, e.withdrawn, e.updated_by, e.updated_at, e.version
              from rating_entry e join org_node n on n.id = e.node_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CycleStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---------------------------------------------------------------- rounds

    long insertRound(long nodeId, String code, String version, int year, String name, LocalDate selfDue,
                     LocalDate reviewDue, int publicityDays, String by, LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into rating_round (node_id, scheme_code, scheme_version, rating_year, name, status, self_due,
                    review_due, publicity_days, created_by, created_at)
                values (:node, :code, :version, :year, :name, 'ASSESSING', :selfDue, :reviewDue, :days, :by, :at)
                """).param("node", nodeId).param("code", code).param("version", version).param("year", year)
                .param("name", name).param("selfDue", date(selfDue)).param("reviewDue", date(reviewDue))
                .param("days", publicityDays).param("by", by).param("at", Timestamp.valueOf(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean roundExists(long nodeId, String code, int year) {
        return jdbc.sql("select count(*) from rating_round where node_id = :n and scheme_code = :c and rating_year = :y")
                .param("n", nodeId).param("c", code).param("y", year).query(Long.class).single() > 0;
    }

    Optional<Round> round(long id) {
        return jdbc.sql(ROUND + " where r.id = :id").param("id", id).query(CycleStore::round).optional();
    }

    /** Rounds a scope takes part in: run by a node inside it, or by a node above it (the city's round for a county). */
    List<Round> rounds(OrgScope scope) {
        return jdbc.sql(ROUND + """
                 where n.path like :scopePath or :path like n.path || '%'
                 order by r.rating_year desc, r.scheme_code, n.path
                """).param("scopePath", scope.pathPattern()).param("path", scope.path()).query(CycleStore::round)
                .list();
    }

    int setPublicity(long id, int version, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                update rating_round set status = 'PUBLICITY', publicity_from = :f, publicity_to = :t,
                       version = version + 1 where id = :id and version = :v and status = 'ASSESSING'
                """).param("f", date(from)).param("t", date(to)).param("id", id).param("v", version).update();
    }

    int setPublished(long id, int version, LocalDateTime at) {
        return jdbc.sql("""
                update rating_round set status = 'PUBLISHED', published_at = :at, version = version + 1
                 where id = :id and version = :v and status = 'PUBLICITY'
                """).param("at", Timestamp.valueOf(at)).param("id", id).param("v", version).update();
    }

    // ---------------------------------------------------------------- entries

    void insertEntries(long roundId, Collection<Long> nodeIds) {
        template.batchUpdate("insert into rating_entry (round_id, node_id, stage) values (?, ?, 'SELF')",
                nodeIds.stream().map(n -> new Object[] {roundId, n}).toList());
    }

    Optional<Entry> entry(long id) {
        return jdbc.sql(ENTRY + " where e.id = :id").param("id", id).query(CycleStore::entry).optional();
    }

    List<Entry> entries(long roundId) {
        return jdbc.sql(ENTRY + " where e.round_id = :r order by n.path").param("r", roundId)
                .query(CycleStore::entry).list();
    }

    /** A page of a round's entries inside a scope, by stage and by a node (a county or township) they lie under. */
    PageResult<Entry> entries(long roundId, OrgScope scope, Stage stage, String underPath, int page, int size) {
        String where = " where e.round_id = :r and n.path like :scopePath"
                + (stage == null ? "" : " and e.stage = :stage") + (underPath == null ? "" : " and n.path like :under");
        var count = jdbc.sql("select count(*) from rating_entry e join org_node n on n.id = e.node_id" + where)
                .param("r", roundId).param("scopePath", scope.pathPattern());
        var list = jdbc.sql(ENTRY + where + " order by n.path limit :limit offset :offset").param("r", roundId)
                .param("scopePath", scope.pathPattern());
        if (stage != null) {
            count = count.param("stage", stage.name());
            list = list.param("stage", stage.name());
        }
        if (underPath != null) {
            count = count.param("under", underPath + "%");
            list = list.param("under", underPath + "%");
        }
        long total = count.query(Long.class).single();
        PageResult<Entry> shape = new PageResult<>(List.of(), page, size, total);
        return new PageResult<>(list.param("limit", size).param("offset", shape.offset()).query(CycleStore::entry)
                .list(), page, size, total);
    }

    /** Entries per stage inside a scope (one aggregate query). */
    Map<Stage, Long> stageCounts(long roundId, OrgScope scope) {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("""
                select e.stage, count(*) as n from rating_entry e join org_node n on n.id = e.node_id
                 where e.round_id = :r and n.path like :scopePath group by e.stage
                """).param("r", roundId).param("scopePath", scope.pathPattern())
                .query((rs, i) -> counts.put(Stage.valueOf(rs.getString("stage")), rs.getLong("n"))).list();
        return counts;
    }

    /** Stars per count inside a scope (null: not scored), for the round's page. */
    Map<Integer, Long> starCounts(long roundId, OrgScope scope) {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select coalesce(e.stars, -1) as s, count(*) as n from rating_entry e join org_node n on n.id = e.node_id
                 where e.round_id = :r and n.path like :scopePath group by coalesce(e.stars, -1) order by 1 desc
                """).param("r", roundId).param("scopePath", scope.pathPattern())
                .query((rs, i) -> counts.put(rs.getInt("s"), rs.getLong("n"))).list();
        return counts;
    }

    long notDone(long roundId) {
        return jdbc.sql("select count(*) from rating_entry where round_id = :r and stage <> 'DONE'").param("r", roundId)
                .query(Long.class).single();
    }

    /** Stores the sheet's result; false when someone changed the entry first (its version moved on). */
    boolean updateResult(long id, int version, Stage stage, BigDecimal selfPoints, BigDecimal points, int stars,
                         boolean party, boolean development, boolean vetoed, String by, LocalDateTime at) {
        return jdbc.sql("""
                update rating_entry set stage = :stage, self_points = :self, points = :points, stars = :stars,
                       strong_party = :party, strong_development = :dev, vetoed = :vetoed, updated_by = :by,
                       updated_at = :at, version = version + 1
                 where id = :id and version = :v
                """).param("stage", stage.name()).param("self", selfPoints, Types.DECIMAL)
                .param("points", points, Types.DECIMAL).param("stars", stars).param("party", party)
                .param("dev", development).param("vetoed", vetoed).param("by", by).param("at", Timestamp.valueOf(at))
                .param("id", id).param("v", version).update() == 1;
    }

    boolean updateStars(long id, int version, int stars, boolean withdrawn, String by, LocalDateTime at) {
        return jdbc.sql("""
                update rating_entry set stars = :stars, withdrawn = :w, updated_by = :by, updated_at = :at,
                       version = version + 1 where id = :id and version = :v
                """).param("stars", stars).param("w", withdrawn).param("by", by).param("at", Timestamp.valueOf(at))
                .param("id", id).param("v", version).update() == 1;
    }

    /** A sheet's result, for writers of many entries at once. */
    record ResultRow(long entryId, Stage stage, BigDecimal selfPoints, BigDecimal points, int stars, boolean party,
                     boolean development, boolean vetoed, String by, LocalDateTime at) {
    }

    void updateResults(List<ResultRow> rows) {
        template.batchUpdate("""
                update rating_entry set stage = ?, self_points = ?, points = ?, stars = ?, strong_party = ?,
                       strong_development = ?, vetoed = ?, updated_by = ?, updated_at = ?, version = version + 1
                 where id = ?
                """, rows.stream().map(r -> new Object[] {r.stage().name(), r.selfPoints(), r.points(), r.stars(),
                r.party(), r.development(), r.vetoed(), r.by(), Timestamp.valueOf(r.at()), r.entryId()}).toList(),
                new int[] {Types.VARCHAR, Types.DECIMAL, Types.DECIMAL, Types.INTEGER, Types.BOOLEAN, Types.BOOLEAN,
                        Types.BOOLEAN, Types.VARCHAR, Types.TIMESTAMP, Types.BIGINT});
    }

    Optional<Long> roundId(long nodeId, String code, int year) {
        return jdbc.sql("select id from rating_round where node_id = :n and scheme_code = :c and rating_year = :y")
                .param("n", nodeId).param("c", code).param("y", year).query(Long.class).optional();
    }

    void publishEntries(long roundId) {
        jdbc.sql("update rating_entry set published_points = points, published_stars = stars where round_id = :r")
                .param("r", roundId).update();
    }

    // ---------------------------------------------------------------- scores, vetoes, history

    Map<String, Score> scores(long entryId) {
        Map<String, Score> out = new LinkedHashMap<>();
        jdbc.sql("""
                select criterion_code, points, self_points, metric_value, note, updated_by, updated_at
                  from rating_score where entry_id = :e
                """).param("e", entryId).query((rs, i) -> new Score(rs.getString(1), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6), time(rs, 7)))
                .list().forEach(s -> out.put(s.criterion(), s));
        return out;
    }

    /** Writes scores (replacing those of the same criteria), in one batch. */
    void putScores(long entryId, Collection<Score> scores) {
        if (scores.isEmpty()) {
            return;
        }
        template.batchUpdate("delete from rating_score where entry_id = ? and criterion_code = ?",
                scores.stream().map(s -> new Object[] {entryId, s.criterion()}).toList());
        insertScores(scores.stream().map(s -> Map.entry(entryId, s)).toList());
    }

    /** Inserts scores of many entries in one batch (demo and recompute). */
    void insertScores(List<Map.Entry<Long, Score>> rows) {
        template.batchUpdate("""
                insert into rating_score (entry_id, criterion_code, points, self_points, metric_value, note, updated_by,
                    updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                """, rows.stream().map(r -> new Object[] {r.getKey(), r.getValue().criterion(), r.getValue().points(),
                r.getValue().selfPoints(), r.getValue().value(), r.getValue().note(), r.getValue().updatedBy(),
                Timestamp.valueOf(r.getValue().updatedAt())}).toList(),
                new int[] {Types.BIGINT, Types.VARCHAR, Types.DECIMAL, Types.DECIMAL, Types.DECIMAL, Types.VARCHAR,
                        Types.VARCHAR, Types.TIMESTAMP});
    }

    /** The batch row of a score change, a step or a veto, for writers of many entries at once. */
    record ChangeRow(long entryId, String criterion, String what, Stage stage, BigDecimal before, BigDecimal after,
                     String reason, String actor, LocalDateTime at) {
    }

    record StepRow(long entryId, String action, Stage from, Stage to, String comment, String actor, LocalDateTime at) {
    }

    void insertChanges(List<ChangeRow> rows) {
        template.batchUpdate("""
                insert into rating_score_change (entry_id, criterion_code, what, stage, before_value, after_value,
                    reason, actor, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows.stream().map(r -> new Object[] {r.entryId(), r.criterion(), r.what(), r.stage().name(),
                r.before(), r.after(), r.reason(), r.actor(), Timestamp.valueOf(r.at())}).toList(),
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL, Types.DECIMAL,
                        Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP});
    }

    void insertSteps(List<StepRow> rows) {
        template.batchUpdate("""
                insert into rating_step (entry_id, action, from_stage, to_stage, comment, actor, at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, rows.stream().map(r -> new Object[] {r.entryId(), r.action(), r.from() == null ? null
                : r.from().name(), r.to() == null ? null : r.to().name(), r.comment(), r.actor(),
                Timestamp.valueOf(r.at())}).toList(),
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.TIMESTAMP});
    }

    List<Change> changes(long entryId) {
        return jdbc.sql("""
                select id, criterion_code, what, stage, before_value, after_value, reason, actor, at
                  from rating_score_change where entry_id = :e order by id
                """).param("e", entryId).query((rs, i) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3),
                Stage.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7),
                rs.getString(8), time(rs, 9))).list();
    }

    List<Step> steps(long entryId) {
        return jdbc.sql("""
                select id, action, from_stage, to_stage, comment, actor, at from rating_step where entry_id = :e
                 order by id
                """).param("e", entryId).query((rs, i) -> new Step(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), time(rs, 7))).list();
    }

    /** The latest RETURN comment of each entry of a round that was returned and is not yet past it (for the list). */
    Map<Long, String> lastReturns(Collection<Long> entryIds) {
        Map<Long, String> out = new HashMap<>();
        if (entryIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select s.entry_id, s.comment from rating_step s
                 where s.entry_id in (:ids) and s.id = (select max(t.id) from rating_step t where t.entry_id = s.entry_id)
                   and s.action = 'RETURN'
                """).param("ids", entryIds).query((rs, i) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    Map<String, VetoRow> vetoes(long entryId) {
        Map<String, VetoRow> out = new LinkedHashMap<>();
        jdbc.sql("select veto_code, reason, recorded_by, recorded_at from rating_veto where entry_id = :e order by veto_code")
                .param("e", entryId).query((rs, i) -> new VetoRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        time(rs, 4))).list().forEach(v -> out.put(v.code(), v));
        return out;
    }

    void insertVetoes(List<Map.Entry<Long, VetoRow>> rows) {
        template.batchUpdate("""
                insert into rating_veto (entry_id, veto_code, reason, recorded_by, recorded_at) values (?, ?, ?, ?, ?)
                """, rows.stream().map(r -> new Object[] {r.getKey(), r.getValue().code(), r.getValue().reason(),
                r.getValue().recordedBy(), Timestamp.valueOf(r.getValue().recordedAt())}).toList());
    }

    void deleteVeto(long entryId, String code) {
        jdbc.sql("delete from rating_veto where entry_id = :e and veto_code = :c").param("e", entryId).param("c", code)
                .update();
    }

    // ---------------------------------------------------------------- levels

    /** The review levels over an org path inside a round's scope: township, county, city ancestors. */
    Map<Stage, Level> levels(String orgPath, String roundPath) {
        Map<Stage, Level> out = new EnumMap<>(Stage.class);
        jdbc.sql("""
                select a.id, a.kind, a.name from org_node a
                 where a.kind in ('TOWNSHIP', 'COUNTY', 'CITY') and :orgPath like a.path || '%' and a.path like :round
                """).param("orgPath", orgPath).param("round", roundPath + "%").query((rs, i) -> {
                    Stage s = Stage.valueOf(rs.getString("kind"));
                    return out.put(s, new Level(s, rs.getLong("id"), rs.getString("name")));
                }).list();
        return out;
    }

    /** Every township, county and city node inside a scope, by path (for levels of many entries at once). */
    Map<String, Level> levelNodes(String roundPath) {
        Map<String, Level> out = new HashMap<>();
        jdbc.sql("select id, kind, name, path from org_node where kind in ('TOWNSHIP', 'COUNTY', 'CITY') and path like :p")
                .param("p", roundPath + "%").query((rs, i) -> out.put(rs.getString("path"),
                        new Level(Stage.valueOf(rs.getString("kind")), rs.getLong("id"), rs.getString("name"))))
                .list();
        return out;
    }

    // ---------------------------------------------------------------- evidence

    long insertEvidence(long entryId, String criterion, String description, String fileName, String type,
                        byte[] content, String sha, String by, LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into rating_evidence (entry_id, criterion_code, description, file_name, content_type, size_bytes,
                    sha256, content, uploaded_by, uploaded_at)
                values (:e, :c, :d, :f, :t, :s, :sha, :content, :by, :at)
                """).param("e", entryId).param("c", criterion).param("d", description).param("f", fileName, Types.VARCHAR)
                .param("t", type, Types.VARCHAR).param("s", content == null ? null : content.length, Types.INTEGER)
                .param("sha", sha, Types.VARCHAR).param("content", content, Types.VARBINARY).param("by", by)
                .param("at", Timestamp.valueOf(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Evidence> evidence(long entryId) {
        return jdbc.sql("""
                select id, entry_id, criterion_code, description, file_name, content_type, size_bytes, sha256,
                       uploaded_by, uploaded_at from rating_evidence where entry_id = :e order by criterion_code, id
                """).param("e", entryId).query((rs, i) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), (Integer) rs.getObject(7, Integer.class),
                rs.getString(8), rs.getString(9), time(rs, 10))).list();
    }

    Optional<byte[]> evidenceContent(long entryId, long evidenceId) {
        return jdbc.sql("select content from rating_evidence where id = :id and entry_id = :e and content is not null")
                .param("id", evidenceId).param("e", entryId).query((rs, i) -> rs.getBytes(1)).optional();
    }

    // ---------------------------------------------------------------- objections

    long insertObjection(long entryId, LocalDate raisedOn, String raisedBy, String content, String by,
                         LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into rating_objection (entry_id, raised_on, raised_by, content, recorded_by, recorded_at)
                values (:e, :on, :who, :c, :by, :at)
                """).param("e", entryId).param("on", date(raisedOn)).param("who", raisedBy).param("c", content)
                .param("by", by).param("at", Timestamp.valueOf(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String OBJECTION = """
            select id, entry_id, raised_on, raised_by, content, answer, upheld, answered_by, answered_at, recorded_by
              from rating_objection
            """;

    List<Objection> objections(long entryId) {
        return jdbc.sql(OBJECTION + " where entry_id = :e order by id").param("e", entryId)
                .query(CycleStore::objection).list();
    }

    Optional<Objection> objection(long entryId, long id) {
        return jdbc.sql(OBJECTION + " where entry_id = :e and id = :id").param("e", entryId).param("id", id)
                .query(CycleStore::objection).optional();
    }

    /** The objections of a round inside a scope (for the round's page). */
    List<Objection> roundObjections(long roundId, OrgScope scope) {
        return jdbc.sql(OBJECTION + """
                 where entry_id in (select e.id from rating_entry e join org_node n on n.id = e.node_id
                                     where e.round_id = :r and n.path like :scopePath) order by id
                """).param("r", roundId).param("scopePath", scope.pathPattern()).query(CycleStore::objection).list();
    }

    long unansweredObjections(long roundId) {
        return jdbc.sql("""
                select count(*) from rating_objection o join rating_entry e on e.id = o.entry_id
                 where e.round_id = :r and o.answer is null
                """).param("r", roundId).query(Long.class).single();
    }

    int answerObjection(long id, String answer, boolean upheld, String by, LocalDateTime at) {
        return jdbc.sql("""
                update rating_objection set answer = :a, upheld = :u, answered_by = :by, answered_at = :at
                 where id = :id and answer is null
                """).param("a", answer).param("u", upheld).param("by", by).param("at", Timestamp.valueOf(at))
                .param("id", id).update();
    }

    // ---------------------------------------------------------------- mapping

    private static Round round(ResultSet rs, int row) throws SQLException {
        return new Round(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_name"), rs.getString("node_path"),
                rs.getString("scheme_code"), rs.getString("scheme_version"), rs.getInt("rating_year"),
                rs.getString("name"), Status.valueOf(rs.getString("status")), day(rs, "self_due"),
                day(rs, "review_due"), rs.getInt("publicity_days"), day(rs, "publicity_from"),
                day(rs, "publicity_to"), time(rs, "published_at"), rs.getString("created_by"),
                time(rs, "created_at"), rs.getInt("version"));
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("node_id"), rs.getString("node_name"),
                rs.getString("node_path"), Stage.valueOf(rs.getString("stage")), rs.getBigDecimal("self_points"),
                rs.getBigDecimal("points"), (Integer) rs.getObject("stars", Integer.class),
                rs.getBoolean("strong_party"), rs.getBoolean("strong_development"), rs.getBoolean("vetoed"),
                rs.getBigDecimal("published_points"), (Integer) rs.getObject("published_stars", Integer.class),
                rs.getBoolean("withdrawn"), rs.getString("updated_by"), time(rs, "updated_at"), rs.getInt("version"));
    }

    private static Objection objection(ResultSet rs, int row) throws SQLException {
        return new Objection(rs.getLong("id"), rs.getLong("entry_id"), day(rs, "raised_on"), rs.getString("raised_by"),
                rs.getString("content"), rs.getString("answer"), (Boolean) rs.getObject("upheld", Boolean.class),
                rs.getString("answered_by"), time(rs, "answered_at"), rs.getString("recorded_by"));
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }

    private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static List<Object[]> rows(List<Object[]> rows) {
        return new ArrayList<>(rows);
    }
}
