package cn.zugong.talent.internal.services;

import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.Escalation;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The only SQL on talent_service_application and talent_service_material; reads the closure item's state by joining
 * closure_item (read-only). Callers check access first.
 */
@Repository
class ApplicationStore {

    private static final String SELECT = """
            select a.*, i.status, i.deadline, i.escalation, i.owner_node_id, i.resolved_at, i.closed_at
              from talent_service_application a join closure_item i on i.id = a.item_id
            """;

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new application without its closure item yet; returns its id (its number is set from the id). */
    long insert(long talentId, String itemCode, String areaCode, long unitId, int needed, int reused, String proxyBy,
                String proxyByName, String submittedBy, LocalDateTime at, String note) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_service_application (application_no, talent_id, item_code, area_code, unit_id,
                    needed, reused, proxy, proxy_by, proxy_by_name, submitted_by, submitted_at, note)
                values (:no, :talent, :item, :area, :unit, :needed, :reused, :proxy, :proxyBy, :proxyByName, :by,
                    :at, :note)
                """).param("no", "new-" + java.util.UUID.randomUUID().toString().substring(0, 16))
                .param("talent", talentId).param("item", itemCode).param("area", areaCode).param("unit", unitId)
                .param("needed", needed).param("reused", reused).param("proxy", proxyBy != null)
                .param("proxyBy", proxyBy).param("proxyByName", proxyByName).param("by", submittedBy)
                .param("at", at).param("note", note).update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("update talent_service_application set application_no = :no where id = :id")
                .param("no", number(at, id)).param("id", id).update();
        return id;
    }

    /** 码上办 numbers: RC + year + the id, six digits at least (RC2026000123). */
    static String number(LocalDateTime at, long id) {
        return "RC" + at.getYear() + String.format("%06d", id);
    }

    void linkItem(long id, long itemId) {
        jdbc.sql("update talent_service_application set item_id = :item where id = :id").param("item", itemId)
                .param("id", id).update();
    }

    void insertMaterial(long applicationId, String code, MaterialCheck.Source source, Long from, Long attachmentId,
                        String fileName) {
        jdbc.sql("""
                insert into talent_service_material (application_id, material_code, source, reused, from_application,
                    attachment_id, file_name)
                values (:app, :code, :source, :reused, :from, :att, :file)
                """).param("app", applicationId).param("code", code).param("source", source.name())
                .param("reused", source != MaterialCheck.Source.UPLOAD).param("from", from)
                .param("att", attachmentId).param("file", fileName).update();
    }

    Optional<Application> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(this::row).optional();
    }

    Optional<Application> findNo(String applicationNo) {
        return jdbc.sql(SELECT + " where a.application_no = :no").param("no", applicationNo).query(this::row)
                .optional();
    }

    List<Application> ofTalent(long talentId) {
        return jdbc.sql(SELECT + " where a.talent_id = :t order by a.submitted_at desc, a.id desc")
                .param("t", talentId).query(this::row).list();
    }

    /** The talent's uploads, oldest first (the latest of each material is the one reused). */
    List<Upload> uploadsOf(long talentId) {
        return jdbc.sql("""
                select m.material_code, a.id, a.application_no, a.submitted_at
                  from talent_service_material m join talent_service_application a on a.id = m.application_id
                 where a.talent_id = :t and m.source = 'UPLOAD' order by a.submitted_at, a.id
                """).param("t", talentId).query((rs, n) -> new Upload(rs.getString(1), rs.getLong(2),
                rs.getString(3), rs.getTimestamp(4).toLocalDateTime())).list();
    }

    record Upload(String material, long applicationId, String applicationNo, LocalDateTime at) {
    }

    /** A material row of an application. */
    record Material(String code, String source, boolean reused, Long fromApplication, String fromNo,
                    Long attachmentId, String fileName) {
    }

    List<Material> materials(long applicationId) {
        return jdbc.sql("""
                select m.*, f.application_no from_no from talent_service_material m
                  left join talent_service_application f on f.id = m.from_application
                 where m.application_id = :a order by m.id
                """).param("a", applicationId).query((rs, n) -> new Material(rs.getString("material_code"),
                rs.getString("source"), rs.getBoolean("reused"), (Long) rs.getObject("from_application", Long.class),
                rs.getString("from_no"), (Long) rs.getObject("attachment_id", Long.class), rs.getString("file_name")))
                .list();
    }

    /** Applications whose closure item's owner lies in the scope, newest first, with optional filters. */
    PageResult<Application> page(OrgScope scope, ApplicationFilter f) {
        StringBuilder where = new StringBuilder(" where " + OrgScope.sqlContains("i.owner_node_id"));
        List<Object[]> params = new ArrayList<>();
        if (f.item() != null && !f.item().isBlank()) {
            where.append(" and a.item_code = :item");
            params.add(new Object[]{"item", f.item()});
        }
        if (f.area() != null && !f.area().isBlank()) {
            where.append(" and a.area_code = :area");
            params.add(new Object[]{"area", f.area()});
        }
        if (f.status() != null) {
            where.append(" and i.status = :status");
            params.add(new Object[]{"status", f.status().name()});
        }
        if (Boolean.TRUE.equals(f.proxy())) {
            where.append(" and a.proxy = true");
        }
        if (f.year() != null) {
            where.append(" and a.submitted_at >= :from and a.submitted_at < :to");
            params.add(new Object[]{"from", LocalDateTime.of(f.year(), 1, 1, 0, 0)});
            params.add(new Object[]{"to", LocalDateTime.of(f.year() + 1, 1, 1, 0, 0)});
        }
        var count = jdbc.sql("select count(*) from talent_service_application a join closure_item i on i.id = a.item_id"
                + where).param("scopePath", scope.pathPattern());
        var list = jdbc.sql(SELECT + where + " order by a.submitted_at desc, a.id desc limit :limit offset :offset")
                .param("scopePath", scope.pathPattern());
        for (Object[] p : params) {
            count = count.param((String) p[0], p[1]);
            list = list.param((String) p[0], p[1]);
        }
        int page = PageResult.clampPage(f.page());
        int size = PageResult.clampSize(f.size());
        long total = count.query(Long.class).single();
        return new PageResult<>(list.param("limit", size).param("offset", (page - 1) * size).query(this::row).list(),
                page, size, total);
    }

    /** Every application in the scope submitted in the year (for the figures). */
    List<Application> inYear(OrgScope scope, int year) {
        return jdbc.sql(SELECT + " where " + OrgScope.sqlContains("i.owner_node_id")
                        + " and a.submitted_at >= :from and a.submitted_at < :to order by a.id")
                .param("scopePath", scope.pathPattern()).param("from", LocalDateTime.of(year, 1, 1, 0, 0))
                .param("to", LocalDateTime.of(year + 1, 1, 1, 0, 0)).query(this::row).list();
    }

    long countSubmittedBy(String by) {
        return jdbc.sql("select count(*) from talent_service_application where submitted_by = :by").param("by", by)
                .query(Long.class).single();
    }

    private Application row(ResultSet rs, int n) throws SQLException {
        return new Application(rs.getLong("id"), rs.getString("application_no"), rs.getLong("talent_id"),
                rs.getString("item_code"), rs.getString("area_code"), rs.getLong("unit_id"), rs.getLong("item_id"),
                rs.getInt("needed"), rs.getInt("reused"), rs.getBoolean("proxy"), rs.getString("proxy_by"),
                rs.getString("proxy_by_name"), rs.getString("submitted_by"), time(rs, "submitted_at"),
                rs.getString("note"), ClosureStatus.valueOf(rs.getString("status")),
                rs.getDate("deadline").toLocalDate(), Escalation.ofLevel(rs.getInt("escalation")),
                rs.getLong("owner_node_id"), time(rs, "resolved_at"), time(rs, "closed_at"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
