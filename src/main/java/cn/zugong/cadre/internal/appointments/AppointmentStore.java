package cn.zugong.cadre.internal.appointments;

import cn.zugong.cadre.AppointmentKind;
import cn.zugong.cadre.internal.appointments.AppointmentViews.Appointment;
import cn.zugong.cadre.internal.appointments.AppointmentViews.Campaign;
import cn.zugong.cadre.internal.appointments.AppointmentViews.Step;
import cn.zugong.shared.OrgScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL of cadre_appointment and its steps. Scope is the unit the appointment leads to (unit_id). */
@Component
class AppointmentStore {

    private static final String SELECT = """
            select a.*, p.name as person_name, u.name as unit_name, u.path as unit_path, f.name as from_unit_name,
                   c.name as campaign_name
            from cadre_appointment a join person p on p.id = a.person_id join org_node u on u.id = a.unit_id
            left join org_node f on f.id = a.from_unit_id left join frontline_campaign c on c.id = a.campaign_id
            """;

    record NewRecord(long personId, long unitId, Long fromUnitId, AppointmentKind kind, boolean frontline,
                     Long campaignId, String basis, String targetPost, String targetPostLevel, String targetRank,
                     String leavePost, String reason) {
    }

    private final JdbcClient jdbc;

    AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewRecord r, LocalDateTime now, String by) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into cadre_appointment (person_id, unit_id, from_unit_id, kind, frontline, campaign_id,
                            basis, target_post, target_post_level, target_rank, leave_post, reason, status, last_step,
                            created_at, created_by)
                        values (:person, :unit, :fromUnit, :kind, :frontline, :campaign, :basis, :post, :postLevel,
                            :rank, :leave, :reason, 'OPEN', 'PROPOSAL', :now, :by)
                        """)
                .param("person", r.personId()).param("unit", r.unitId()).param("fromUnit", r.fromUnitId())
                .param("kind", r.kind().name()).param("frontline", r.frontline()).param("campaign", r.campaignId())
                .param("basis", r.basis()).param("post", r.targetPost()).param("postLevel", r.targetPostLevel())
                .param("rank", r.targetRank()).param("leave", r.leavePost()).param("reason", r.reason())
                .param("now", now).param("by", by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertStep(long id, AppointmentStep step, LocalDate on, LocalDate endsOn, String note, LocalDateTime now,
                    String by) {
        jdbc.sql("""
                        insert into cadre_appointment_step (appointment_id, step, done_on, ends_on, note, recorded_at,
                            recorded_by) values (:id, :step, :on, :ends, :note, :now, :by)
                        """).param("id", id).param("step", step.name()).param("on", on).param("ends", endsOn)
                .param("note", note).param("now", now).param("by", by).update();
    }

    /** Moves the record from {@code expected} to {@code step}; false when another writer moved it first. */
    boolean advance(long id, AppointmentStep expected, AppointmentStep step) {
        return jdbc.sql("update cadre_appointment set last_step = :step where id = :id and last_step = :expected"
                        + " and status = 'OPEN'")
                .param("step", step.name()).param("id", id).param("expected", expected.name()).update() == 1;
    }

    void done(long id, LocalDate effective) {
        jdbc.sql("update cadre_appointment set status = 'DONE', effective_on = :on where id = :id")
                .param("on", effective).param("id", id).update();
    }

    boolean stop(long id, String reason) {
        return jdbc.sql("update cadre_appointment set status = 'STOPPED', stop_reason = :r where id = :id and status = 'OPEN'")
                .param("r", reason).param("id", id).update() == 1;
    }

    Optional<Appointment> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(AppointmentStore::row).optional()
                .map(a -> a.withSteps(steps(id)));
    }

    List<Step> steps(long id) {
        return jdbc.sql("select * from cadre_appointment_step where appointment_id = :id order by done_on, recorded_at")
                .param("id", id)
                .query((rs, i) -> new Step(AppointmentStep.valueOf(rs.getString("step")), date(rs, "done_on"),
                        date(rs, "ends_on"), rs.getString("note"), rs.getString("recorded_by")))
                .list().stream().sorted(java.util.Comparator.comparing(s -> s.step().ordinal())).toList();
    }

    /** Records in the scope, newest first; filters optional. */
    List<Appointment> list(OrgScope scope, AppointmentKind kind, String status, Boolean frontline, Long personId,
                           int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where u.path like :scopePath");
        var params = new java.util.HashMap<String, Object>();
        params.put("scopePath", scope.pathPattern());
        if (kind != null) {
            sql.append(" and a.kind = :kind");
            params.put("kind", kind.name());
        }
        if (status != null) {
            sql.append(" and a.status = :status");
            params.put("status", status);
        }
        if (frontline != null) {
            sql.append(" and a.frontline = :frontline");
            params.put("frontline", frontline);
        }
        if (personId != null) {
            sql.append(" and a.person_id = :person");
            params.put("person", personId);
        }
        sql.append(" order by a.created_at desc, a.id desc limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(AppointmentStore::row).list();
    }

    /** The campaigns of the scope, newest first (the basis an appointment may name). */
    List<Campaign> campaigns(OrgScope scope) {
        return jdbc.sql("""
                        select c.id, c.name, c.kind, c.starts_on from frontline_campaign c join org_node n on n.id = c.node_id
                        where n.path like :scopePath order by c.starts_on desc, c.id desc limit 200
                        """).param("scopePath", scope.pathPattern())
                .query((rs, i) -> new Campaign(rs.getLong(1), rs.getString(2), rs.getString(3), date(rs, "starts_on")))
                .list();
    }

    /** The campaign's node path, when it exists. */
    Optional<String> campaignPath(long id) {
        return jdbc.sql("select n.path from frontline_campaign c join org_node n on n.id = c.node_id where c.id = :id")
                .param("id", id).query(String.class).optional();
    }

    /** An open record of the same person and kind, if any (one procedure at a time). */
    boolean openOf(long personId, AppointmentKind kind) {
        return jdbc.sql("select count(*) from cadre_appointment where person_id = :p and kind = :k and status = 'OPEN'")
                .param("p", personId).param("k", kind.name()).query(Long.class).single() > 0;
    }

    private static Appointment row(ResultSet rs, int i) throws SQLException {
        long from = rs.getLong("from_unit_id");
        Long fromId = rs.wasNull() ? null : from;
        long campaign = rs.getLong("campaign_id");
        Long campaignId = rs.wasNull() ? null : campaign;
        return new Appointment(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("unit_path"), fromId,
                rs.getString("from_unit_name"), AppointmentKind.valueOf(rs.getString("kind")),
                rs.getBoolean("frontline"), campaignId, rs.getString("campaign_name"), rs.getString("basis"),
                rs.getString("target_post"), rs.getString("target_post_level"), rs.getString("target_rank"),
                rs.getString("leave_post"), rs.getString("reason"), rs.getString("status"),
                AppointmentStep.valueOf(rs.getString("last_step")), date(rs, "effective_on"),
                rs.getString("stop_reason"), rs.getTimestamp("created_at").toLocalDateTime(),
                rs.getString("created_by"), List.of());
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
