package cn.zugong.cadre.internal.leaders;

import cn.zugong.cadre.internal.leaders.LeaderViews.Claim;
import cn.zugong.cadre.internal.leaders.LeaderViews.Handover;
import cn.zugong.cadre.internal.leaders.LeaderViews.Item;
import cn.zugong.cadre.internal.leaders.LeaderViews.Note;
import cn.zugong.cadre.internal.leaders.LeaderViews.Task;
import cn.zugong.shared.OrgScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of 一把手 notes, 离任交接 and 揭榜出征; state changes are conditional updates (the last guard). */
@Repository
class LeadersStore {

    private static final String NOTE = "select n.*, p.name as person_name, u.name as unit_name from leader_note n "
            + "join person p on p.id = n.person_id join org_node u on u.id = n.unit_id";
    private static final String HANDOVER = """
            select h.*, t.name as township_name, t.path as township_path, a.name as leaving_name, b.name as receiving_name,
                   (select count(*) from leader_handover_item i where i.handover_id = h.id) as items,
                   (select count(*) from leader_handover_item i where i.handover_id = h.id and i.confirmed_at is not null)
                       as confirmed
              from leader_handover h join org_node t on t.id = h.township_id
              join person a on a.id = h.leaving_person_id join person b on b.id = h.receiving_person_id
            """;
    private static final String TASK = "select t.*, u.name as node_name, u.path as node_path from frontline_task t "
            + "join org_node u on u.id = t.node_id";
    private static final String CLAIM = "select c.*, p.name as person_name from frontline_claim c "
            + "join person p on p.id = c.person_id";

    private final JdbcClient jdbc;

    LeadersStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ notes

    long insertNote(long personId, long unitId, LocalDate on, String kind, String content, String by, LocalDateTime at) {
        jdbc.sql("insert into leader_note (person_id, unit_id, noted_on, kind, content, created_at, created_by) "
                        + "values (:p, :u, :on, :k, :c, :at, :by)").param("p", personId).param("u", unitId)
                .param("on", on).param("k", kind).param("c", content).param("at", Timestamp.valueOf(at))
                .param("by", by).update();
        return jdbc.sql("select max(id) from leader_note where person_id = :p").param("p", personId)
                .query(Long.class).single();
    }

    List<Note> notesOf(long personId) {
        return jdbc.sql(NOTE + " where n.person_id = :p order by n.noted_on desc, n.id desc").param("p", personId)
                .query(LeadersStore::note).list();
    }

    List<Note> recentNotes(OrgScope scope, int limit) {
        return jdbc.sql(NOTE + " where u.path like :scopePath order by n.noted_on desc, n.id desc fetch first "
                + limit + " rows only").param("scopePath", scope.pathPattern()).query(LeadersStore::note).list();
    }

    // ------------------------------------------------------------------ handovers

    long insertHandover(long townshipId, long leaving, long receiving, Long appointmentId, LocalDate leavesOn, String by,
                        LocalDateTime at) {
        jdbc.sql("insert into leader_handover (township_id, leaving_person_id, receiving_person_id, appointment_id, "
                        + "leaves_on, status, open_person_id, created_at, created_by) "
                        + "values (:t, :l, :r, :a, :on, 'OPEN', :l, :at, :by)")
                .param("t", townshipId).param("l", leaving).param("r", receiving).param("a", appointmentId)
                .param("on", leavesOn)
                .param("at", Timestamp.valueOf(at)).param("by", by).update();
        long id = jdbc.sql("select id from leader_handover where open_person_id = :l").param("l", leaving)
                .query(Long.class).single();
        jdbc.sql("insert into leader_handover_item (handover_id, sort_order, title) select :h, sort_order, title "
                + "from handover_template_item where active = true").param("h", id).update();
        return id;
    }

    Optional<Handover> handover(long id) {
        return jdbc.sql(HANDOVER + " where h.id = :id").param("id", id).query(LeadersStore::handover).optional();
    }

    List<Handover> handovers(OrgScope scope, String status, int limit) {
        return jdbc.sql(HANDOVER + " where t.path like :scopePath" + (status == null ? "" : " and h.status = :s")
                        + " order by h.id desc fetch first " + limit + " rows only")
                .param("scopePath", scope.pathPattern()).param("s", status).query(LeadersStore::handover).list();
    }

    List<Item> items(long handoverId) {
        return jdbc.sql("select * from leader_handover_item where handover_id = :h order by sort_order, id")
                .param("h", handoverId).query((rs, i) -> new Item(rs.getLong("id"), rs.getLong("handover_id"),
                        rs.getInt("sort_order"), rs.getString("title"), rs.getString("note"),
                        rs.getString("confirmed_by"), time(rs.getTimestamp("confirmed_at")))).list();
    }

    /** Confirms an item of an open handover not yet signed by anyone; false when that does not hold. */
    boolean confirmItem(long handoverId, long itemId, String note, String by, LocalDateTime at) {
        return jdbc.sql("update leader_handover_item set confirmed_by = :by, confirmed_at = :at, note = :n "
                        + "where id = :i and handover_id = :h and confirmed_at is null and exists (select 1 from "
                        + "leader_handover h where h.id = :h and h.status = 'OPEN' and h.leaving_signed_at is null "
                        + "and h.receiving_signed_at is null)").param("by", by).param("at", Timestamp.valueOf(at))
                .param("n", note).param("i", itemId).param("h", handoverId).update() == 1;
    }

    /** A side's signature: only when open, every item confirmed and the side not signed yet. */
    boolean sign(long handoverId, boolean leaving, String by, LocalDateTime at) {
        String col = leaving ? "leaving" : "receiving";
        return jdbc.sql("update leader_handover set " + col + "_signed_by = :by, " + col + "_signed_at = :at "
                        + "where id = :h and status = 'OPEN' and " + col + "_signed_at is null and not exists "
                        + "(select 1 from leader_handover_item i where i.handover_id = :h and i.confirmed_at is null)")
                .param("by", by).param("at", Timestamp.valueOf(at)).param("h", handoverId).update() == 1;
    }

    boolean complete(long handoverId, String by, LocalDateTime at) {
        return jdbc.sql("update leader_handover set status = 'DONE', completed_by = :by, completed_at = :at, "
                        + "open_person_id = null where id = :h and status = 'OPEN' and leaving_signed_at is not null "
                        + "and receiving_signed_at is not null and not exists (select 1 from leader_handover_item i "
                        + "where i.handover_id = :h and i.confirmed_at is null)").param("by", by)
                .param("at", Timestamp.valueOf(at)).param("h", handoverId).update() == 1;
    }

    // ------------------------------------------------------------------ tasks and claims

    long insertTask(long nodeId, String title, String description, int capacity, LocalDate from, LocalDate to,
                    String by, LocalDateTime at) {
        jdbc.sql("insert into frontline_task (node_id, title, description, capacity, claimed, starts_on, ends_on, status, "
                        + "created_at, created_by) values (:n, :t, :d, :c, 0, :f, :to, 'OPEN', :at, :by)")
                .param("n", nodeId).param("t", title).param("d", description).param("c", capacity).param("f", from)
                .param("to", to).param("at", Timestamp.valueOf(at)).param("by", by).update();
        return jdbc.sql("select max(id) from frontline_task where node_id = :n and title = :t").param("n", nodeId)
                .param("t", title).query(Long.class).single();
    }

    Optional<Task> task(long id) {
        return jdbc.sql(TASK + " where t.id = :id").param("id", id).query(LeadersStore::task).optional();
    }

    List<Task> tasks(OrgScope scope, int limit) {
        return jdbc.sql(TASK + " where u.path like :scopePath order by t.status desc, t.starts_on desc, t.id desc "
                        + "fetch first " + limit + " rows only").param("scopePath", scope.pathPattern())
                .query(LeadersStore::task).list();
    }

    /**
     * Takes one place of the task in one statement: the UPDATE's row lock serialises concurrent claims and the
     * condition is evaluated again on the locked row, so claimed never passes the capacity.
     */
    boolean takePlace(long taskId, LocalDate today) {
        return jdbc.sql("update frontline_task set claimed = claimed + 1 where id = :id and claimed < capacity "
                        + "and status = 'OPEN' and ends_on >= :today").param("id", taskId).param("today", today)
                .update() == 1;
    }

    long insertClaim(long taskId, long personId, String basis, String by, LocalDateTime at) {
        jdbc.sql("insert into frontline_claim (task_id, person_id, basis, status, claimed_at, claimed_by) values "
                        + "(:t, :p, :b, 'ACTIVE', :at, :by)").param("t", taskId).param("p", personId).param("b", basis)
                .param("at", Timestamp.valueOf(at)).param("by", by).update();
        return jdbc.sql("select id from frontline_claim where task_id = :t and person_id = :p").param("t", taskId)
                .param("p", personId).query(Long.class).single();
    }

    boolean close(long taskId) {
        return jdbc.sql("update frontline_task set status = 'CLOSED' where id = :id and status = 'OPEN'")
                .param("id", taskId).update() == 1;
    }

    Optional<Claim> claim(long id) {
        return jdbc.sql(CLAIM + " where c.id = :id").param("id", id).query(LeadersStore::claim).optional();
    }

    List<Claim> claims(long taskId) {
        return jdbc.sql(CLAIM + " where c.task_id = :t order by c.claimed_at, c.id").param("t", taskId)
                .query(LeadersStore::claim).list();
    }

    boolean progress(long claimId, String progress) {
        return jdbc.sql("update frontline_claim set progress = :p where id = :id and status = 'ACTIVE'")
                .param("p", progress).param("id", claimId).update() == 1;
    }

    boolean finish(long claimId, String result, LocalDate on) {
        return jdbc.sql("update frontline_claim set status = 'DONE', result = :r, finished_on = :on where id = :id "
                + "and status = 'ACTIVE'").param("r", result).param("on", on).param("id", claimId).update() == 1;
    }

    // ------------------------------------------------------------------ mapping

    private static Note note(ResultSet rs, int i) throws SQLException {
        return new Note(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"), rs.getLong("unit_id"),
                rs.getString("unit_name"), rs.getDate("noted_on").toLocalDate(), rs.getString("kind"),
                rs.getString("content"), rs.getString("created_by"));
    }

    private static Handover handover(ResultSet rs, int i) throws SQLException {
        return new Handover(rs.getLong("id"), rs.getLong("township_id"), rs.getString("township_name"),
                rs.getString("township_path"), rs.getLong("leaving_person_id"), rs.getString("leaving_name"),
                rs.getLong("receiving_person_id"), rs.getString("receiving_name"),
                rs.getDate("leaves_on").toLocalDate(), rs.getString("status"), rs.getString("leaving_signed_by"),
                time(rs.getTimestamp("leaving_signed_at")), rs.getString("receiving_signed_by"),
                time(rs.getTimestamp("receiving_signed_at")), time(rs.getTimestamp("completed_at")),
                rs.getString("completed_by"), rs.getInt("items"), rs.getInt("confirmed"),
                (Long) rs.getObject("appointment_id", Long.class));
    }

    private static Task task(ResultSet rs, int i) throws SQLException {
        return new Task(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_name"), rs.getString("node_path"),
                rs.getString("title"), rs.getString("description"), rs.getInt("capacity"), rs.getInt("claimed"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getString("status"),
                rs.getString("created_by"));
    }

    private static Claim claim(ResultSet rs, int i) throws SQLException {
        java.sql.Date f = rs.getDate("finished_on");
        return new Claim(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("person_id"), rs.getString("person_name"),
                rs.getString("basis"), rs.getString("status"), rs.getString("progress"), rs.getString("result"),
                f == null ? null : f.toLocalDate(), time(rs.getTimestamp("claimed_at")), rs.getString("claimed_by"));
    }

    static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
