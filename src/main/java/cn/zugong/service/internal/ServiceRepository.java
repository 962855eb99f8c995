package cn.zugong.service.internal;

import cn.zugong.service.CadreType;
import cn.zugong.service.ChargeKind;
import cn.zugong.service.VisitKind;
import cn.zugong.service.internal.Records.Cadre;
import cn.zugong.service.internal.Records.Charge;
import cn.zugong.service.internal.Records.Enterprise;
import cn.zugong.service.internal.Records.Project;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.crypto.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Cadres, enterprises, projects and charges. Lists are scoped through the node of the cadre or target. */
@Repository
class ServiceRepository {

    static final String PHONE_AAD = "service_cadre.phone";

    private static final String CADRE = """
            select c.id, c.name, c.phone, c.node_id, n.name, n.path, c.cadre_type, c.username
            from service_cadre c join org_node n on n.id = c.node_id
            """;
    private static final String CHARGE = """
            select ch.id, ch.cadre_id, ch.target_kind, coalesce(ch.enterprise_id, ch.village_node_id, ch.project_id),
                   coalesce(e.name, vp.name || vn.name, p.name), ch.valid_from, ch.valid_to
            from service_charge ch
            left join service_enterprise e on e.id = ch.enterprise_id
            left join org_node vn on vn.id = ch.village_node_id
            left join org_node vp on vp.id = vn.parent_id
            left join service_project p on p.id = ch.project_id
            """;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ServiceRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    // ---- cadres -------------------------------------------------------------------------------------

    List<Cadre> cadres(OrgScope scope) {
        return jdbc.sql(CADRE + " where " + OrgScope.sqlContains("c.node_id") + " order by n.path, c.name, c.id")
                .param("scopePath", scope.pathPattern()).query(this::mapCadre).list();
    }

    Optional<Cadre> cadre(long id) {
        return jdbc.sql(CADRE + " where c.id = :id").param("id", id).query(this::mapCadre).optional();
    }

    Optional<Cadre> cadreByUsername(String username) {
        return jdbc.sql(CADRE + " where c.username = :u").param("u", username).query(this::mapCadre).optional();
    }

    boolean usernameTaken(String username, long exceptCadreId) {
        return jdbc.sql("select count(*) from service_cadre where username = :u and id <> :id").param("u", username)
                .param("id", exceptCadreId).query(Long.class).single() > 0;
    }

    long insertCadre(String name, String phone, long nodeId, CadreType type, String username, String actor,
                     LocalDateTime at) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_cadre (name, phone, node_id, cadre_type, username, created_by, created_at, updated_at)
                values (:name, :phone, :node, :type, :username, :by, :at, :at)
                """).param("name", name).param("phone", cipher.encrypt(phone, PHONE_AAD)).param("node", nodeId)
                .param("type", type.name()).param("username", username).param("by", actor).param("at", at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void updateCadre(long id, String name, String phone, long nodeId, CadreType type, String username,
                     LocalDateTime at) {
        jdbc.sql("""
                update service_cadre set name = :name, phone = :phone, node_id = :node, cadre_type = :type,
                       username = :username, updated_at = :at where id = :id
                """).param("name", name).param("phone", cipher.encrypt(phone, PHONE_AAD)).param("node", nodeId)
                .param("type", type.name()).param("username", username).param("at", at).param("id", id).update();
    }

    private Cadre mapCadre(ResultSet rs, int i) throws SQLException {
        return new Cadre(rs.getLong(1), rs.getString(2), cipher.decrypt(rs.getString(3), PHONE_AAD), rs.getLong(4),
                rs.getString(5), rs.getString(6), CadreType.valueOf(rs.getString(7)), rs.getString(8));
    }

    // ---- charges ------------------------------------------------------------------------------------

    /** The charges of the given cadres (any number of them, in slices), in period order. */
    List<Charge> charges(Collection<Long> cadreIds) {
        List<Long> ids = new ArrayList<>(cadreIds);
        List<Charge> charges = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            charges.addAll(jdbc.sql(CHARGE + " where ch.cadre_id in (:ids) order by ch.cadre_id, ch.valid_from, ch.id")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500))).query(ServiceRepository::charge)
                    .list());
        }
        return charges;
    }

    Optional<Charge> charge(long id) {
        return jdbc.sql(CHARGE + " where ch.id = :id").param("id", id).query(ServiceRepository::charge).optional();
    }

    long insertCharge(long cadreId, ChargeKind kind, long targetId, LocalDate from, LocalDate to, String actor,
                      LocalDateTime at) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_charge (cadre_id, target_kind, enterprise_id, village_node_id, project_id,
                                            valid_from, valid_to, created_by, created_at)
                values (:cadre, :kind, :enterprise, :village, :project, :from, :to, :by, :at)
                """).param("cadre", cadreId).param("kind", kind.name())
                .param("enterprise", kind == ChargeKind.ENTERPRISE ? targetId : null, java.sql.Types.BIGINT)
                .param("village", kind == ChargeKind.VILLAGE ? targetId : null, java.sql.Types.BIGINT)
                .param("project", kind == ChargeKind.PROJECT ? targetId : null, java.sql.Types.BIGINT)
                .param("from", from).param("to", to, java.sql.Types.DATE).param("by", actor).param("at", at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void updateChargePeriod(long id, LocalDate from, LocalDate to) {
        jdbc.sql("update service_charge set valid_from = :from, valid_to = :to where id = :id").param("from", from)
                .param("to", to, java.sql.Types.DATE).param("id", id).update();
    }

    /** Visit dates of a charge outside [from, to]: a new period may not orphan logged visits. */
    long visitsOutside(long chargeId, LocalDate from, LocalDate to) {
        String outside = to == null ? "visit_date < :from" : "(visit_date < :from or visit_date > :to)";
        var spec = jdbc.sql("select count(*) from service_visit where charge_id = :id and " + outside)
                .param("id", chargeId).param("from", from);
        if (to != null) {
            spec = spec.param("to", to);
        }
        return spec.query(Long.class).single();
    }

    private static Charge charge(ResultSet rs, int i) throws SQLException {
        return new Charge(rs.getLong(1), rs.getLong(2), ChargeKind.valueOf(rs.getString(3)), rs.getLong(4),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class));
    }

    // ---- enterprises, projects, villages ------------------------------------------------------------

    List<Enterprise> enterprises(OrgScope scope) {
        return jdbc.sql("""
                select e.id, e.name, e.credit_code, e.industry, e.address, e.node_id, n.name
                from service_enterprise e join org_node n on n.id = e.node_id
                where """ + " " + OrgScope.sqlContains("e.node_id") + " order by n.path, e.name")
                .param("scopePath", scope.pathPattern()).query(ServiceRepository::enterprise).list();
    }

    Optional<Enterprise> enterprise(long id) {
        return jdbc.sql("""
                select e.id, e.name, e.credit_code, e.industry, e.address, e.node_id, n.name, n.path
                from service_enterprise e join org_node n on n.id = e.node_id where e.id = :id
                """).param("id", id).query(ServiceRepository::enterprise).optional();
    }

    /** The path of the node a target lies in (enterprise, village or project), for the scope check. */
    Optional<String> targetPath(ChargeKind kind, long targetId) {
        String sql = switch (kind) {
            case ENTERPRISE -> "select n.path from service_enterprise t join org_node n on n.id = t.node_id where t.id = :id";
            case PROJECT -> "select n.path from service_project t join org_node n on n.id = t.node_id where t.id = :id";
            case VILLAGE -> "select path from org_node where id = :id and kind = 'VILLAGE'";
        };
        return jdbc.sql(sql).param("id", targetId).query(String.class).optional();
    }

    boolean creditCodeTaken(String code) {
        return jdbc.sql("select count(*) from service_enterprise where credit_code = :c").param("c", code)
                .query(Long.class).single() > 0;
    }

    boolean projectNameTaken(String name) {
        return jdbc.sql("select count(*) from service_project where name = :n").param("n", name)
                .query(Long.class).single() > 0;
    }

    long insertEnterprise(String name, String creditCode, String industry, String address, long nodeId, String actor,
                          LocalDateTime at) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_enterprise (name, credit_code, industry, address, node_id, created_by, created_at)
                values (:name, :code, :industry, :address, :node, :by, :at)
                """).param("name", name).param("code", creditCode).param("industry", industry)
                .param("address", address).param("node", nodeId).param("by", actor).param("at", at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<Project> projects(OrgScope scope) {
        return jdbc.sql("""
                select p.id, p.name, p.industry, p.address, p.node_id, n.name
                from service_project p join org_node n on n.id = p.node_id
                where """ + " " + OrgScope.sqlContains("p.node_id") + " order by n.path, p.name")
                .param("scopePath", scope.pathPattern()).query(ServiceRepository::project).list();
    }

    long insertProject(String name, String industry, String address, long nodeId, String actor, LocalDateTime at) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_project (name, industry, address, node_id, created_by, created_at)
                values (:name, :industry, :address, :node, :by, :at)
                """).param("name", name).param("industry", industry).param("address", address).param("node", nodeId)
                .param("by", actor).param("at", at).update(key, "id");
        return key.getKey().longValue();
    }

    /** A node to choose from: id, name as shown (with its parent's for villages), kind. */
    record NodeChoice(long id, String name, String kind) {
    }

    /** Nodes of the given kinds in the scope, in tree order (villages named with their township). */
    List<NodeChoice> nodes(OrgScope scope, Collection<String> kinds) {
        return jdbc.sql("""
                select n.id, case when n.kind = 'VILLAGE' then p.name || n.name else n.name end, n.kind
                from org_node n left join org_node p on p.id = n.parent_id
                where n.path like :scopePath and n.kind in (:kinds) order by n.path
                """).param("scopePath", scope.pathPattern()).param("kinds", kinds)
                .query((rs, i) -> new NodeChoice(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static Enterprise enterprise(ResultSet rs, int i) throws SQLException {
        return new Enterprise(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7));
    }

    private static Project project(ResultSet rs, int i) throws SQLException {
        return new Project(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6));
    }
}
