package cn.zugong.cadre.internal.leaders;

import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The link between a 离任交接 and the 选拔任用纪实 that moves the leader out of the township (ADR 078): an appointment
 * record "leaves a township" when the unit it moves the person from ({@code from_unit_id}) lies in a township and the
 * unit it leads to does not. A record that leaves a township and names the post given up (拟免职务) is one a handover is
 * expected for: linked when the handover is opened (the officer's choice, or the latest such record of the leader),
 * linked at 任职 to the leader's open handover of that township, listed as 待发起 after 任职 while no handover exists.
 * One handover per appointment (a unique index). Read by the appointment record's page too.
 */
@Component
public class HandoverLinks {

    /** The township an appointment record moves its person out of. */
    public record Leaving(long appointmentId, long personId, String personName, long townshipId, String townshipName,
                          String townshipPath, String status, String kind, String leavePost, LocalDate effectiveOn,
                          String unitName) {
        public String label() {
            String k = switch (kind) {
                case "PROMOTION" -> "提拔";
                case "FURTHER_USE" -> "进一步使用";
                case "RANK_PROMOTION" -> "职级晋升";
                default -> "交流";
            };
            String s = switch (status) {
                case "OPEN" -> "办理中";
                case "DONE" -> "已任职 " + effectiveOn;
                default -> "已终止";
            };
            return k + "：" + unitName + (leavePost == null ? "" : "，免去" + leavePost) + "（" + s + "）";
        }
    }

    /** A handover as the appointment record's page shows it. */
    public record Linked(long handoverId, String townshipName, String status) {
        public String statusLabel() {
            return "DONE".equals(status) ? "已完成" : "交接中";
        }
    }

    private static final String LEAVING = """
            select a.id, a.person_id, p.name as person_name, t.id as township_id, t.name as township_name,
                   t.path as township_path, a.status, a.kind, a.leave_post, a.effective_on, u.name as unit_name
              from cadre_appointment a join person p on p.id = a.person_id
              join org_node f on f.id = a.from_unit_id join org_node u on u.id = a.unit_id
              join org_node t on t.kind = 'TOWNSHIP' and f.path like t.path || '%' and u.path not like t.path || '%'
            """;

    private final JdbcClient jdbc;

    HandoverLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The township the record moves its person out of, if it does. */
    public Optional<Leaving> leaving(long appointmentId) {
        return jdbc.sql(LEAVING + " where a.id = :id").param("id", appointmentId).query(HandoverLinks::leaving)
                .optional();
    }

    /** The handover linked to the record, if any. */
    public Optional<Linked> linked(long appointmentId) {
        return jdbc.sql("select h.id, t.name, h.status from leader_handover h join org_node t on t.id = h.township_id "
                        + "where h.appointment_id = :a").param("a", appointmentId)
                .query((rs, i) -> new Linked(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /**
     * The records a handover of this leader leaving this township may point at: leaving the township, not stopped,
     * not linked to another handover; newest first.
     */
    List<Leaving> candidates(long personId, long townshipId) {
        return jdbc.sql(LEAVING + " where a.person_id = :p and t.id = :t and a.status <> 'STOPPED' and not exists "
                        + "(select 1 from leader_handover h where h.appointment_id = a.id) order by a.id desc")
                .param("p", personId).param("t", townshipId).query(HandoverLinks::leaving).list();
    }

    /**
     * At 任职: the leader's open handover of the township the record moves them out of, when it has no record yet,
     * gets this one. Returns the handover linked, if any.
     */
    public Optional<Long> linkAtAppointment(long appointmentId) {
        Optional<Leaving> l = leaving(appointmentId);
        if (l.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> open = jdbc.sql("select id from leader_handover where open_person_id = :p and township_id = :t "
                        + "and appointment_id is null").param("p", l.get().personId()).param("t", l.get().townshipId())
                .query(Long.class).optional();
        if (open.isEmpty() || linked(appointmentId).isPresent()) {
            return Optional.empty();
        }
        int n = jdbc.sql("update leader_handover set appointment_id = :a where id = :h and appointment_id is null")
                .param("a", appointmentId).param("h", open.get()).update();
        return n == 1 ? open : Optional.empty();
    }

    /**
     * 待发起: records in force (任职 done) that move a leader (拟免职务 named) out of a township of the scope and have no
     * handover, the latest first.
     */
    List<Leaving> pending(OrgScope scope, int limit) {
        return jdbc.sql(LEAVING + " where t.path like :sp and a.status = 'DONE' and a.leave_post is not null and not "
                        + "exists (select 1 from leader_handover h where h.appointment_id = a.id) and not exists "
                        + "(select 1 from leader_handover h where h.open_person_id = a.person_id) "
                        + "order by a.effective_on desc, a.id desc fetch first " + limit + " rows only")
                .param("sp", scope.pathPattern()).query(HandoverLinks::leaving).list();
    }

    private static Leaving leaving(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        java.sql.Date e = rs.getDate("effective_on");
        return new Leaving(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                rs.getLong("township_id"), rs.getString("township_name"), rs.getString("township_path"),
                rs.getString("status"), rs.getString("kind"), rs.getString("leave_post"),
                e == null ? null : e.toLocalDate(), rs.getString("unit_name"));
    }
}
