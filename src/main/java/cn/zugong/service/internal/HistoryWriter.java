package cn.zugong.service.internal;

import cn.zugong.service.ChargeKind;
import cn.zugong.service.ServiceHistory;
import cn.zugong.shared.crypto.FieldCipher;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Batch statements behind {@link ServiceHistory}: cadres, their charges and visits with the dates they had. */
@Repository
public class HistoryWriter {

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;

    HistoryWriter(JdbcTemplate jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public static String creditCode(String first17) {
        return CreditCodes.of(first17);
    }

    public boolean written(String createdBy) {
        return jdbc.queryForObject("select count(*) from service_cadre where created_by = ?", Long.class, createdBy) > 0;
    }

    public boolean hasCadre(String username) {
        return jdbc.queryForObject("select count(*) from service_cadre where username = ?", Long.class, username) > 0;
    }

    public Map<String, Long> cadres(List<ServiceHistory.Cadre> cadres, String by, LocalDateTime at) {
        jdbc.batchUpdate("""
                insert into service_cadre (name, phone, node_id, cadre_type, username, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, cadres.stream().map(c -> new Object[] {c.name(), cipher.encrypt(c.phone(), ServiceRepository.PHONE_AAD),
                c.nodeId(), c.type().name(), c.username(), by, Timestamp.valueOf(at), Timestamp.valueOf(at)}).toList());
        return ids("select name, id from service_cadre where created_by = ?", by);
    }

    public Map<String, Long> enterprises(List<ServiceHistory.Enterprise> enterprises, String by, LocalDateTime at) {
        jdbc.batchUpdate("""
                insert into service_enterprise (name, credit_code, industry, address, node_id, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, enterprises.stream().map(e -> new Object[] {e.name(), e.creditCode(), e.industry(), e.address(),
                e.nodeId(), by, Timestamp.valueOf(at)}).toList());
        return ids("select name, id from service_enterprise where created_by = ?", by);
    }

    public Map<String, Long> projects(List<ServiceHistory.Project> projects, String by, LocalDateTime at) {
        jdbc.batchUpdate("""
                insert into service_project (name, industry, address, node_id, created_by, created_at)
                values (?, ?, ?, ?, ?, ?)
                """, projects.stream().map(p -> new Object[] {p.name(), p.industry(), p.address(), p.nodeId(), by,
                Timestamp.valueOf(at)}).toList());
        return ids("select name, id from service_project where created_by = ?", by);
    }

    public List<Long> charges(List<ServiceHistory.Charge> charges, String by, LocalDateTime at) {
        jdbc.batchUpdate("""
                insert into service_charge (cadre_id, target_kind, enterprise_id, village_node_id, project_id,
                                            valid_from, valid_to, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, charges.stream().map(ch -> new Object[] {ch.cadreId(), ch.kind().name(),
                ch.kind() == ChargeKind.ENTERPRISE ? ch.targetId() : null,
                ch.kind() == ChargeKind.VILLAGE ? ch.targetId() : null,
                ch.kind() == ChargeKind.PROJECT ? ch.targetId() : null, Date.valueOf(ch.from()),
                ch.to() == null ? null : Date.valueOf(ch.to()), by, Timestamp.valueOf(at)}).toList());
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("""
                select cadre_id, target_kind, coalesce(enterprise_id, village_node_id, project_id), id
                from service_charge where created_by = ?
                """, rs -> {
            ids.put(rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getLong(3), rs.getLong(4));
        }, by);
        List<Long> inOrder = new ArrayList<>();
        charges.forEach(ch -> inOrder.add(ids.get(ch.cadreId() + "/" + ch.kind().name() + "/" + ch.targetId())));
        return inOrder;
    }

    public void visits(List<ServiceHistory.Visit> visits, String by) {
        jdbc.batchUpdate("""
                insert into service_visit (cadre_id, charge_id, kind, visit_date, place, whom, notes, problem,
                                           created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, visits.stream().map(v -> new Object[] {v.cadreId(), v.chargeId(), v.kind().name(),
                Date.valueOf(v.date()), v.place(), v.whom(), v.notes(), v.problem(), by,
                Timestamp.valueOf(v.createdAt())}).toList());
    }

    private Map<String, Long> ids(String sql, String by) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(sql, rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        }, by);
        return ids;
    }
}
