package cn.zugong.service.internal;

import cn.zugong.service.CadreType;
import cn.zugong.service.CadreVisitCount;
import cn.zugong.service.ChargeKind;
import cn.zugong.service.NodeVisitCount;
import cn.zugong.service.VisitKind;
import cn.zugong.service.internal.Records.NewPhoto;
import cn.zugong.service.internal.Records.Photo;
import cn.zugong.service.internal.Records.Visit;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Visits, their photos and the visit figures (one aggregate query each). */
@Repository
class VisitRepository {

    private static final String VISIT = """
            select v.id, v.cadre_id, c.name, c.username, c.node_id, n.name, n.path, v.charge_id, ch.target_kind,
                   coalesce(e.name, vp.name || vn.name, p.name), v.kind, v.visit_date, v.place, v.whom, v.notes,
                   v.problem, v.created_by, v.created_at
            from service_visit v
            join service_cadre c on c.id = v.cadre_id
            join org_node n on n.id = c.node_id
            join service_charge ch on ch.id = v.charge_id
            left join service_enterprise e on e.id = ch.enterprise_id
            left join org_node vn on vn.id = ch.village_node_id
            left join org_node vp on vp.id = vn.parent_id
            left join service_project p on p.id = ch.project_id
            """;

    /** Which visits a list shows: the scope, optionally one cadre, a kind and a date range. */
    record Filter(OrgScope scope, Long cadreId, VisitKind kind, LocalDate from, LocalDate to, int page, int size) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    VisitRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insertVisit(long cadreId, long chargeId, VisitKind kind, LocalDate date, String place, String whom,
                     String notes, boolean problem, String actor, LocalDateTime at) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_visit (cadre_id, charge_id, kind, visit_date, place, whom, notes, problem,
                                           created_by, created_at)
                values (:cadre, :charge, :kind, :date, :place, :whom, :notes, :problem, :by, :at)
                """).param("cadre", cadreId).param("charge", chargeId).param("kind", kind.name()).param("date", date)
                .param("place", place).param("whom", whom).param("notes", notes).param("problem", problem)
                .param("by", actor).param("at", at).update(key, "id");
        return key.getKey().longValue();
    }

    void insertPhotos(long visitId, List<NewPhoto> photos, String actor, LocalDateTime at) {
        template.batchUpdate("""
                insert into service_visit_photo (visit_id, file_name, content_type, size_bytes, sha256, content,
                                                 uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, photos, 10, (ps, p) -> {
            ps.setLong(1, visitId);
            ps.setString(2, p.fileName());
            ps.setString(3, p.contentType());
            ps.setInt(4, p.bytes().length);
            ps.setString(5, p.sha256());
            ps.setBytes(6, p.bytes());
            ps.setString(7, actor);
            ps.setObject(8, at);
        });
    }

    Optional<Visit> visit(long id) {
        return jdbc.sql(VISIT + " where v.id = :id").param("id", id).query(VisitRepository::visit).optional();
    }

    /** Visits in the scope marked 发现问题, oldest first. */
    List<Visit> withProblems(OrgScope scope) {
        return jdbc.sql(VISIT + " where v.problem = true and " + OrgScope.sqlContains("c.node_id")
                        + " order by v.visit_date, v.id").param("scopePath", scope.pathPattern())
                .query(VisitRepository::visit).list();
    }

    PageResult<Visit> page(Filter filter) {
        StringBuilder where = new StringBuilder(" where " + OrgScope.sqlContains("c.node_id"));
        var params = new java.util.HashMap<String, Object>();
        params.put("scopePath", filter.scope().pathPattern());
        if (filter.cadreId() != null) {
            where.append(" and v.cadre_id = :cadre");
            params.put("cadre", filter.cadreId());
        }
        if (filter.kind() != null) {
            where.append(" and v.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.from() != null) {
            where.append(" and v.visit_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and v.visit_date <= :to");
            params.put("to", filter.to());
        }
        long total = jdbc.sql("select count(*) from service_visit v join service_cadre c on c.id = v.cadre_id" + where)
                .params(params).query(Long.class).single();
        var result = new PageResult<Visit>(List.of(), filter.page(), filter.size(), total);
        List<Visit> items = jdbc.sql(VISIT + where + " order by v.visit_date desc, v.id desc limit :limit offset :offset")
                .params(params).param("limit", filter.size()).param("offset", result.offset())
                .query(VisitRepository::visit).list();
        return new PageResult<>(items, filter.page(), filter.size(), total);
    }

    List<Photo> photos(long visitId) {
        return jdbc.sql("""
                select id, visit_id, file_name, content_type, size_bytes, sha256 from service_visit_photo
                where visit_id = :v order by id
                """).param("v", visitId).query((rs, i) -> new Photo(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getString(6))).list();
    }

    /** A photo's content type and bytes, only together with its own visit. */
    Optional<Records.NewPhoto> photoContent(long visitId, long photoId) {
        return jdbc.sql("""
                select file_name, content_type, content, sha256 from service_visit_photo
                where visit_id = :v and id = :id
                """).param("v", visitId).param("id", photoId).query((rs, i) -> new NewPhoto(rs.getString(1),
                rs.getString(2), rs.getBytes(3), rs.getString(4))).optional();
    }

    /**
     * Visits by kind per cadre in [from, to]: every cadre in the scope (or just {@code onlyCadre}), with 0 for
     * those without visits. One aggregate.
     */
    List<CadreVisitCount> byCadre(OrgScope scope, Long onlyCadre, LocalDate from, LocalDate to) {
        String cadreFilter = onlyCadre == null ? "" : " and c.id = :cadre";
        var spec = jdbc.sql("""
                select c.id, c.name, c.cadre_type, c.node_id, n.name,
                       sum(case when v.kind = 'PROJECT' then 1 else 0 end),
                       sum(case when v.kind = 'ENTERPRISE' then 1 else 0 end),
                       sum(case when v.kind = 'FARMER' then 1 else 0 end)
                from service_cadre c
                join org_node n on n.id = c.node_id
                left join service_visit v on v.cadre_id = c.id and v.visit_date between :from and :to
                where """ + " " + OrgScope.sqlContains("c.node_id") + cadreFilter + """

                group by c.id, c.name, c.cadre_type, c.node_id, n.name, n.path
                order by n.path, c.name, c.id
                """).param("scopePath", scope.pathPattern()).param("from", from).param("to", to);
        if (onlyCadre != null) {
            spec = spec.param("cadre", onlyCadre);
        }
        return spec.query((rs, i) -> new CadreVisitCount(rs.getLong(1), rs.getString(2),
                CadreType.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getLong(7),
                rs.getLong(8))).list();
    }

    /** Visits by kind per node (the cadres' units and divisions) in [from, to], nodes with cadres only. One aggregate. */
    List<NodeVisitCount> byNode(OrgScope scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select n.id, n.name, count(distinct c.id),
                       sum(case when v.kind = 'PROJECT' then 1 else 0 end),
                       sum(case when v.kind = 'ENTERPRISE' then 1 else 0 end),
                       sum(case when v.kind = 'FARMER' then 1 else 0 end)
                from service_cadre c
                join org_node n on n.id = c.node_id
                left join service_visit v on v.cadre_id = c.id and v.visit_date between :from and :to
                where """ + " " + OrgScope.sqlContains("c.node_id") + """

                group by n.id, n.name, n.path
                order by n.path
                """).param("scopePath", scope.pathPattern()).param("from", from).param("to", to)
                .query((rs, i) -> new NodeVisitCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6))).list();
    }

    private static Visit visit(ResultSet rs, int i) throws SQLException {
        return new Visit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), ChargeKind.valueOf(rs.getString(9)), rs.getString(10),
                VisitKind.valueOf(rs.getString(11)), rs.getObject(12, LocalDate.class), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getBoolean(16), rs.getString(17),
                rs.getTimestamp(18).toLocalDateTime());
    }
}
