package cn.zugong.cadre.internal.training;

import cn.zugong.cadre.internal.training.TrainingViews.Enrolment;
import cn.zugong.cadre.internal.training.TrainingViews.Kind;
import cn.zugong.cadre.internal.training.TrainingViews.Session;
import cn.zugong.cadre.internal.training.TrainingViews.TrainingClass;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of 干部培训 (training_* tables, V90). Reads of people join the roster's table for names only. */
@Repository
public class TrainingStore {

    private static final String CLASS_SELECT = """
            select c.id, c.node_id, n.name as node_name, n.path as node_path, c.county_id, c.kind, k.name as kind_name,
                   k.online, c.name, c.starts_on, c.ends_on, c.planned_hours, c.capacity, c.created_at, c.created_by,
                   (select count(*) from training_enrolment e where e.class_id = c.id) as enrolled
            from training_class c join org_node n on n.id = c.node_id join training_kind k on k.code = c.kind
            """;

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TrainingStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public List<Kind> kinds() {
        return jdbc.sql("select code, name, online from training_kind order by sort_order, code")
                .query((rs, i) -> new Kind(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    public Optional<Kind> kind(String code) {
        return kinds().stream().filter(k -> k.code().equals(code)).findFirst();
    }

    public long insertClass(long nodeId, Long countyId, String kind, String name, LocalDate startsOn, LocalDate endsOn,
                            BigDecimal plannedHours, int capacity, LocalDateTime at, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into training_class (node_id, county_id, kind, name, starts_on, ends_on, planned_hours, capacity,
                                            created_at, created_by)
                values (:node, :county, :kind, :name, :starts, :ends, :hours, :capacity, :at, :by)""")
                .param("node", nodeId).param("county", countyId).param("kind", kind).param("name", name)
                .param("starts", startsOn).param("ends", endsOn).param("hours", plannedHours)
                .param("capacity", capacity).param("at", Timestamp.valueOf(at)).param("by", by).update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<TrainingClass> trainingClass(long id) {
        return jdbc.sql(CLASS_SELECT + " where c.id = :id").param("id", id).query(TrainingStore::toClass).optional();
    }

    /** Locks the class row: enrolments counted against the capacity one at a time. */
    public void lockClass(long id) {
        jdbc.sql("select id from training_class where id = :id for update").param("id", id).query(Long.class).list();
    }

    public List<TrainingClass> classesInScope(OrgScope scope, String kind, Integer year, int limit) {
        StringBuilder where = new StringBuilder(" where n.path like :sp");
        Map<String, Object> params = new HashMap<>();
        params.put("sp", scope.pathPattern());
        if (kind != null) {
            where.append(" and c.kind = :kind");
            params.put("kind", kind);
        }
        if (year != null) {
            where.append(" and c.starts_on >= :y0 and c.starts_on < :y1");
            params.put("y0", LocalDate.of(year, 1, 1));
            params.put("y1", LocalDate.of(year + 1, 1, 1));
        }
        return jdbc.sql(CLASS_SELECT + where + " order by c.starts_on desc, c.id desc fetch first " + limit + " rows only")
                .params(params).query(TrainingStore::toClass).list();
    }

    public long insertSession(long classId, LocalDate heldOn, String title, BigDecimal hours) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into training_session (class_id, held_on, title, hours) values (:c, :d, :t, :h)")
                .param("c", classId).param("d", heldOn).param("t", title).param("h", hours).update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Session> session(long id) {
        return sessions("s.id = :id", Map.of("id", id)).stream().findFirst();
    }

    public List<Session> sessionsOf(long classId) {
        return sessions("s.class_id = :c", Map.of("c", classId));
    }

    private List<Session> sessions(String where, Map<String, Object> params) {
        return jdbc.sql("""
                select s.id, s.class_id, s.held_on, s.title, s.hours,
                       sum(case when a.status = 'PRESENT' then 1 else 0 end),
                       sum(case when a.status = 'ABSENT' then 1 else 0 end),
                       sum(case when a.status = 'LEAVE' then 1 else 0 end)
                from training_session s left join training_attendance a on a.session_id = s.id
                where\s""" + where + " " + """
                 group by s.id, s.class_id, s.held_on, s.title, s.hours order by s.held_on, s.id""")
                .params(params).query((rs, i) -> new Session(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), rs.getBigDecimal(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))).list();
    }

    public long enrolledCount(long classId) {
        return jdbc.sql("select count(*) from training_enrolment where class_id = :c").param("c", classId)
                .query(Long.class).single();
    }

    /** The enrolment ids of the class by person. */
    public Map<Long, Long> enrolmentIds(long classId) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("select person_id, id from training_enrolment where class_id = :c").param("c", classId)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    public void insertEnrolments(long classId, Collection<Long> personIds, LocalDateTime at, String by) {
        List<Object[]> rows = new ArrayList<>();
        personIds.forEach(p -> rows.add(new Object[] {classId, p, Timestamp.valueOf(at), by}));
        batch("insert into training_enrolment (class_id, person_id, enrolled_at, enrolled_by) values (?, ?, ?, ?)", rows);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += CHUNK) {
            template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + CHUNK)));
        }
    }

    private static <T> void forChunks(Collection<T> all, java.util.function.Consumer<List<T>> work) {
        List<T> list = new ArrayList<>(all);
        for (int i = 0; i < list.size(); i += CHUNK) {
            work.accept(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
    }

    public Optional<Enrolment> enrolment(long id) {
        return enrolments("e.id = :id", Map.of("id", id)).stream().findFirst();
    }

    public List<Enrolment> enrolmentsOf(long classId) {
        return enrolments("e.class_id = :c", Map.of("c", classId));
    }

    private List<Enrolment> enrolments(String where, Map<String, Object> params) {
        return jdbc.sql("""
                select e.id, e.class_id, e.person_id, p.name, u.name, e.enrolled_at, e.completed_hours, e.completed_on,
                       coalesce(sum(case when a.status = 'PRESENT' then s.hours end), 0),
                       sum(case when a.status = 'PRESENT' then 1 else 0 end),
                       sum(case when a.status = 'ABSENT' then 1 else 0 end),
                       sum(case when a.status = 'LEAVE' then 1 else 0 end)
                from training_enrolment e join person p on p.id = e.person_id join org_node u on u.id = p.unit_id
                left join training_attendance a on a.enrolment_id = e.id
                left join training_session s on s.id = a.session_id
                where\s""" + where + " " + """
                 group by e.id, e.class_id, e.person_id, p.name, u.name, e.enrolled_at, e.completed_hours, e.completed_on
                 order by e.id""")
                .params(params).query((rs, i) -> {
                    BigDecimal completed = rs.getBigDecimal(7);
                    BigDecimal attended = rs.getBigDecimal(9);
                    return new Enrolment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toLocalDateTime(), completed,
                            rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(),
                            (completed == null ? attended : attended.add(completed)).setScale(1),
                            rs.getLong(10), rs.getLong(11), rs.getLong(12));
                }).list();
    }

    /** session id → enrolment id → status. */
    public Map<Long, Map<Long, String>> attendanceOf(long classId) {
        Map<Long, Map<Long, String>> out = new LinkedHashMap<>();
        jdbc.sql("""
                select a.session_id, a.enrolment_id, a.status from training_attendance a
                join training_session s on s.id = a.session_id where s.class_id = :c""").param("c", classId)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getString(3));
                });
        return out;
    }

    /** The session's statuses so far: enrolment id → status. */
    public Map<Long, String> attendanceAt(long sessionId) {
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("select enrolment_id, status from training_attendance where session_id = :s").param("s", sessionId)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** Marks of one session: the changed ones updated, the new ones inserted, each set in JDBC batches. */
    public void putAttendance(long sessionId, Map<Long, String> changed, Map<Long, String> added, LocalDateTime at,
                              String by) {
        List<Object[]> updates = new ArrayList<>();
        changed.forEach((e, st) -> updates.add(new Object[] {st, Timestamp.valueOf(at), by, sessionId, e}));
        batch("update training_attendance set status = ?, recorded_at = ?, recorded_by = ? where session_id = ? "
                + "and enrolment_id = ?", updates);
        List<Object[]> inserts = new ArrayList<>();
        added.forEach((e, st) -> inserts.add(new Object[] {sessionId, e, st, Timestamp.valueOf(at), by}));
        batch("insert into training_attendance (session_id, enrolment_id, status, recorded_at, recorded_by) "
                + "values (?, ?, ?, ?, ?)", inserts);
    }

    /** The class's totals of its enrolments (V92) rewritten from them; callers hold the class row's lock. */
    public void refreshTotals(long classId) {
        jdbc.sql("""
                update training_class set
                  enrolments = (select count(*) from training_enrolment e where e.class_id = :c),
                  marked = (select coalesce(sum(e.marked), 0) from training_enrolment e where e.class_id = :c),
                  attended = (select coalesce(sum(e.attended), 0) from training_enrolment e where e.class_id = :c),
                  hours = (select coalesce(sum(e.attended_hours), 0) + coalesce(sum(e.completed_hours), 0)
                           from training_enrolment e where e.class_id = :c)
                where id = :c""").param("c", classId).update();
    }

    /** Brings the enrolments' attendance summaries up to date, in JDBC batches. */
    public void summarise(Collection<Long> enrolmentIds) {
        List<Object[]> rows = new ArrayList<>();
        enrolmentIds.forEach(e -> rows.add(new Object[] {e, e, e, e}));
        batch("""
                update training_enrolment set
                  marked = (select count(*) from training_attendance a where a.enrolment_id = ?),
                  attended = (select count(*) from training_attendance a where a.enrolment_id = ? and a.status = 'PRESENT'),
                  attended_hours = (select coalesce(sum(s.hours), 0) from training_attendance a
                                    join training_session s on s.id = a.session_id
                                    where a.enrolment_id = ? and a.status = 'PRESENT')
                where id = ?""", rows);
    }

    /** Completed hours of many enrolments, all on one day (JDBC batches). */
    public void complete(Map<Long, BigDecimal> hoursByEnrolment, LocalDate on) {
        List<Object[]> rows = new ArrayList<>();
        hoursByEnrolment.forEach((e, h) -> rows.add(new Object[] {h, java.sql.Date.valueOf(on), e}));
        batch("update training_enrolment set completed_hours = ?, completed_on = ? where id = ?", rows);
    }

    public void complete(long enrolmentId, BigDecimal hours, LocalDate on) {
        jdbc.sql("update training_enrolment set completed_hours = :h, completed_on = :d where id = :id")
                .param("h", hours).param("d", on).param("id", enrolmentId).update();
    }

    /**
     * The person's training hours of the year from the class records: hours of the sessions held that year the
     * person attended, plus the hours of online courses completed that year; null when the person has no class
     * record of the year at all (no enrolment in a class with a session or a completion that year).
     */
    public BigDecimal yearHours(long personId, int year) {
        LocalDate y0 = LocalDate.of(year, 1, 1);
        LocalDate y1 = LocalDate.of(year + 1, 1, 1);
        Map<String, Object> row = jdbc.sql("""
                select (select count(*) from training_attendance a join training_session s on s.id = a.session_id
                        join training_enrolment e on e.id = a.enrolment_id
                        where e.person_id = :p and s.held_on >= :y0 and s.held_on < :y1) as records,
                       (select coalesce(sum(s.hours), 0) from training_attendance a
                        join training_session s on s.id = a.session_id join training_enrolment e on e.id = a.enrolment_id
                        where e.person_id = :p and a.status = 'PRESENT' and s.held_on >= :y0 and s.held_on < :y1) as attended,
                       (select count(*) from training_enrolment e
                        where e.person_id = :p and e.completed_on >= :y0 and e.completed_on < :y1) as completions,
                       (select coalesce(sum(e.completed_hours), 0) from training_enrolment e
                        where e.person_id = :p and e.completed_on >= :y0 and e.completed_on < :y1) as completed
                """).param("p", personId).param("y0", y0).param("y1", y1)
                .query().singleRow();
        long records = ((Number) row.get("records")).longValue() + ((Number) row.get("completions")).longValue();
        if (records == 0) {
            return null;
        }
        return new BigDecimal(row.get("attended").toString()).add(new BigDecimal(row.get("completed").toString()));
    }

    /**
     * {@link #yearHours(long, int)} of many people at once (two grouped statements per 1000 people): person id →
     * hours, only for the people with a class record of the year.
     */
    public Map<Long, BigDecimal> yearHours(Collection<Long> personIds, int year) {
        LocalDate y0 = LocalDate.of(year, 1, 1);
        LocalDate y1 = LocalDate.of(year + 1, 1, 1);
        Map<Long, BigDecimal> out = new HashMap<>();
        forChunks(personIds, chunk -> {
            jdbc.sql("""
                    select e.person_id, coalesce(sum(case when a.status = 'PRESENT' then s.hours end), 0)
                    from training_attendance a join training_session s on s.id = a.session_id
                    join training_enrolment e on e.id = a.enrolment_id
                    where e.person_id in (:p) and s.held_on >= :y0 and s.held_on < :y1 group by e.person_id""")
                    .param("p", chunk).param("y0", y0).param("y1", y1)
                    .query(rs -> {
                        out.merge(rs.getLong(1), rs.getBigDecimal(2), BigDecimal::add);
                    });
            jdbc.sql("""
                    select e.person_id, coalesce(sum(e.completed_hours), 0) from training_enrolment e
                    where e.person_id in (:p) and e.completed_on >= :y0 and e.completed_on < :y1 group by e.person_id""")
                    .param("p", chunk).param("y0", y0).param("y1", y1)
                    .query(rs -> {
                        out.merge(rs.getLong(1), rs.getBigDecimal(2), BigDecimal::add);
                    });
        });
        return out;
    }

    private static TrainingClass toClass(ResultSet rs, int i) throws SQLException {
        return new TrainingClass(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_name"),
                rs.getString("node_path"), (Long) rs.getObject("county_id", Long.class), rs.getString("kind"),
                rs.getString("kind_name"), rs.getBoolean("online"), rs.getString("name"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                rs.getBigDecimal("planned_hours"), rs.getInt("capacity"), rs.getLong("enrolled"),
                rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("created_by"));
    }
}
