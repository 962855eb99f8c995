package cn.zugong.prosperity.internal.joint;

import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of 党建联建's writes and the lookups they need (ADR 073). */
@Repository
class JointStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JointStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record Committee(long id, long nodeId, String nodePath, String nodeName, String name, String kind,
                     LocalDate foundedOn, String theme) {
    }

    record Project(long id, long committeeId, String name, LocalDate startsOn) {
    }

    Optional<Committee> committee(long id) {
        return jdbc.sql("""
                select j.id, j.node_id, n.path, n.name as node_name, j.name, j.kind, j.founded_on, j.theme
                from joint_committee j join org_node n on n.id = j.node_id where j.id = ?""").param(id)
                .query((rs, i) -> new Committee(rs.getLong("id"), rs.getLong("node_id"), rs.getString("path"),
                        rs.getString("node_name"), rs.getString("name"), rs.getString("kind"),
                        rs.getObject("founded_on", LocalDate.class), rs.getString("theme")))
                .optional();
    }

    Optional<Project> project(long id) {
        return jdbc.sql("select id, committee_id, name, starts_on from joint_project where id = ?").param(id)
                .query((rs, i) -> new Project(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .optional();
    }

    boolean committeeNamed(long nodeId, String name) {
        return exists("select count(*) from joint_committee where node_id = ? and name = ?", nodeId, name);
    }

    long insertCommittee(long nodeId, String name, String kind, LocalDate foundedOn, String theme, String by,
                         LocalDateTime at) {
        return insert("""
                insert into joint_committee (node_id, name, kind, founded_on, theme, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", nodeId, name, kind, foundedOn, theme, by, Timestamp.valueOf(at));
    }

    boolean isMember(long committeeId, long orgId) {
        return exists("select count(*) from joint_member where committee_id = ? and org_id = ?", committeeId, orgId);
    }

    boolean rotationTaken(long committeeId, int order) {
        return exists("select count(*) from joint_member where committee_id = ? and rotation_order = ?", committeeId,
                order);
    }

    boolean inRotation(long committeeId, long orgId) {
        return exists("select count(*) from joint_member where committee_id = ? and org_id = ? "
                + "and rotation_order is not null", committeeId, orgId);
    }

    void insertMember(long committeeId, long orgId, String role, Integer rotationOrder) {
        jdbc.sql("insert into joint_member (committee_id, org_id, role, rotation_order) values (?, ?, ?, ?)")
                .params(committeeId, orgId, role, rotationOrder).update();
    }

    boolean isPaired(long committeeId, long orgId) {
        return exists("select count(*) from joint_pair where committee_id = ? and org_id = ?", committeeId, orgId);
    }

    long insertPair(long committeeId, Long orgId, String outsideName, String kind, LocalDate pairedOn) {
        return insert("insert into joint_pair (committee_id, org_id, outside_name, kind, paired_on) values (?, ?, ?, ?, ?)",
                committeeId, orgId, outsideName, kind, pairedOn);
    }

    void lockCommittee(long committeeId) {
        jdbc.sql("select id from joint_committee where id = ? for update").param(committeeId).query(Long.class).list();
    }

    /** The first term of the committee that shares a day with [from, to], described for the message. */
    Optional<String> overlappingTerm(long committeeId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select t.chair_name, t.starts_on, t.ends_on from joint_chair_term t
                where t.committee_id = ? and t.starts_on <= ? and t.ends_on >= ? order by t.starts_on""")
                .params(committeeId, to, from)
                .query((rs, i) -> rs.getString(1) + "（" + rs.getObject(2, LocalDate.class) + " 至 "
                        + rs.getObject(3, LocalDate.class) + "）")
                .list().stream().findFirst();
    }

    long insertTerm(long committeeId, long orgId, String chair, LocalDate from, LocalDate to) {
        return insert("insert into joint_chair_term (committee_id, org_id, chair_name, starts_on, ends_on) "
                + "values (?, ?, ?, ?, ?)", committeeId, orgId, chair, from, to);
    }

    long insertProject(long committeeId, String name, long leadId, LocalDate from, LocalDate to, BigDecimal budget,
                       String status, List<Long> partners, String by, LocalDateTime at) {
        long id = insert("""
                insert into joint_project (committee_id, name, lead_org_id, starts_on, ends_on, budget_yuan, status,
                created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", committeeId, name, leadId, from, to,
                budget, status, by, Timestamp.valueOf(at));
        template.batchUpdate("insert into joint_project_partner (project_id, org_id) values (?, ?)",
                partners.stream().map(p -> new Object[] {id, p}).toList());
        return id;
    }

    long insertResult(long projectId, LocalDate date, String summary, BigDecimal funds, int people, BigDecimal income,
                      String by, LocalDateTime at) {
        return insert("""
                insert into joint_result (project_id, result_date, summary, funds_yuan, people_served, income_yuan,
                created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", projectId, date, summary, funds, people,
                income, by, Timestamp.valueOf(at));
    }

    long count(OrgScope scope) {
        return jdbc.sql("select count(*) from joint_committee j join org_node n on n.id = j.node_id "
                + "where n.path like ?").param(scope.pathPattern()).query(Long.class).single();
    }

    private boolean exists(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single() > 0;
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        template.update(c -> {
            var ps = c.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
