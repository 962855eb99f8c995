package cn.zugong.prosperity.internal.workshops;

import cn.zugong.shared.OrgScope;
import cn.zugong.shared.SqlLike;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of workshops, their villages and enterprises, and their ledger: one query per list, batch writes. */
@Repository
class WorkshopStore {

    private static final String WORKSHOP = """
            select w.id, w.name, w.node_id, n.name as node_name, n.path as node_path, n.kind as node_kind,
                   w.county_id, c.name as county_name, w.type_code, t.name as type_name, w.products, w.started_on,
                   w.provincial_model, w.status, w.closed_on, w.version
              from workshop w join org_node n on n.id = w.node_id join org_node c on c.id = w.county_id
              join workshop_type t on t.code = w.type_code
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    WorkshopStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A workshop as lists and pages show it. */
    record Row(long id, String name, long nodeId, String nodeName, String nodePath, String nodeKind, long countyId,
               String countyName, String typeCode, String typeName, String products, LocalDate startedOn,
               boolean provincialModel, String status, LocalDate closedOn, int version) {
        public boolean open() {
            return "OPEN".equals(status);
        }

        public String statusLabel() {
            return open() ? "运营" : "停办";
        }
    }

    record Named(long id, String code, String name) {
    }

    record Runner(long id, String creditCode, String name) {
    }

    record Type(String code, String name) {
    }

    /** One ledger month (month as yyyymm). */
    record Ledger(long workshopId, int month, int employed, int lowIncome, BigDecimal wages, BigDecimal sales,
                  BigDecimal collectiveIncome, String source, String enteredBy, LocalDateTime enteredAt, int version) {
    }

    /** A replaced ledger month: the old values and who replaced them. */
    record Change(int ledgerMonth, int employed, int lowIncome, BigDecimal wages, BigDecimal sales,
                  BigDecimal collectiveIncome, String oldSource, String oldEnteredBy, String changedBy,
                  LocalDateTime changedAt, String changeSource) {
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Date closed = rs.getDate("closed_on");
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getLong("node_id"), rs.getString("node_name"),
                rs.getString("node_path"), rs.getString("node_kind"), rs.getLong("county_id"),
                rs.getString("county_name"), rs.getString("type_code"), rs.getString("type_name"),
                rs.getString("products"), rs.getDate("started_on").toLocalDate(), rs.getBoolean("provincial_model"),
                rs.getString("status"), closed == null ? null : closed.toLocalDate(), rs.getInt("version"));
    }

    List<Type> types() {
        return jdbc.sql("select code, name from workshop_type order by sort_order").query(Type.class).list();
    }

    boolean typeExists(String code) {
        return jdbc.sql("select count(*) from workshop_type where code = :c").param("c", code).query(Long.class)
                .single() > 0;
    }

    Optional<Row> find(long id) {
        return jdbc.sql(WORKSHOP + " where w.id = :id").param("id", id).query(WorkshopStore::row).optional();
    }

    /** Workshops in the scope by id (the import's lookup), one query. */
    Map<Long, Row> inScope(Collection<Long> ids, OrgScope scope) {
        Map<Long, Row> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql(WORKSHOP + " where w.id in (:ids) and n.path like :scopePath").param("ids", ids)
                .param("scopePath", scope.pathPattern()).query(WorkshopStore::row).list()
                .forEach(r -> out.put(r.id(), r));
        return out;
    }

    /** The list filter: county (its id), type, status, a part of the name. */
    record Filter(Long countyId, String type, String status, String q) {
    }

    List<Row> list(OrgScope scope, Filter f, int offset, int limit) {
        StringBuilder sql = new StringBuilder(WORKSHOP).append(" where n.path like :scopePath");
        Map<String, Object> params = where(scope, f, sql);
        sql.append(" order by c.code, n.path, w.name, w.id offset ").append(offset).append(" rows fetch next ")
                .append(limit).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(WorkshopStore::row).list();
    }

    long count(OrgScope scope, Filter f) {
        StringBuilder sql = new StringBuilder("select count(*) from workshop w join org_node n on n.id = w.node_id "
                + "where n.path like :scopePath");
        Map<String, Object> params = where(scope, f, sql);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static Map<String, Object> where(OrgScope scope, Filter f, StringBuilder sql) {
        Map<String, Object> params = new HashMap<>();
        params.put("scopePath", scope.pathPattern());
        if (f.countyId() != null) {
            sql.append(" and w.county_id = :county");
            params.put("county", f.countyId());
        }
        if (f.type() != null) {
            sql.append(" and w.type_code = :type");
            params.put("type", f.type());
        }
        if (f.status() != null) {
            sql.append(" and w.status = :status");
            params.put("status", f.status());
        }
        if (f.q() != null) {
            sql.append(" and w.name like :q escape '\\'");
            params.put("q", SqlLike.contains(f.q()));
        }
        return params;
    }

    List<Named> villages(long workshopId) {
        return jdbc.sql("select n.id, n.code, n.name from workshop_village v join org_node n on n.id = v.village_id "
                + "where v.workshop_id = :w order by n.code").param("w", workshopId).query(Named.class).list();
    }

    List<Runner> runners(long workshopId) {
        return jdbc.sql("select e.id, e.credit_code, e.name from workshop_runner r join workshop_enterprise e "
                + "on e.id = r.enterprise_id where r.workshop_id = :w order by e.name").param("w", workshopId)
                .query(Runner.class).list();
    }

    /** Township and village nodes of a scope (a workshop's node), or only villages. */
    List<Named> nodes(OrgScope scope, boolean villagesOnly) {
        return jdbc.sql("select id, code, name from org_node where path like :scopePath and kind "
                        + (villagesOnly ? "= 'VILLAGE'" : "in ('TOWNSHIP', 'VILLAGE')") + " order by path")
                .param("scopePath", scope.pathPattern()).query(Named.class).list();
    }

    List<Named> counties(OrgScope scope) {
        return jdbc.sql("select id, code, name from org_node where kind = 'COUNTY' and (path like :scopePath "
                        + "or :path like path || '%') order by code")
                .param("scopePath", scope.pathPattern()).param("path", scope.path()).query(Named.class).list();
    }

    List<Named> countiesWithin(OrgScope scope) {
        return jdbc.sql("select id, code, name from org_node where kind = 'COUNTY' and path like :scopePath order by code")
                .param("scopePath", scope.pathPattern()).query(Named.class).list();
    }

    /** The county a node lies in (the node itself when it is one). */
    Optional<Long> countyOf(String path) {
        return jdbc.sql("select id from org_node where kind = 'COUNTY' and :path like path || '%'")
                .param("path", path).query(Long.class).optional();
    }

    /** The enterprise of a credit code, added (with its name) when new. */
    long enterprise(String creditCode, String name, LocalDateTime now) {
        Optional<Long> id = jdbc.sql("select id from workshop_enterprise where credit_code = :c").param("c", creditCode)
                .query(Long.class).optional();
        if (id.isPresent()) {
            return id.get();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into workshop_enterprise (credit_code, name, created_at) values (:c, :n, :t)")
                .param("c", creditCode).param("n", name).param("t", Timestamp.valueOf(now)).update(key, "id");
        return key.getKey().longValue();
    }

    long insert(String name, long nodeId, long countyId, String type, String products, LocalDate startedOn,
                boolean model, String by, LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into workshop (name, node_id, county_id, type_code, products, started_on, provincial_model,
                                      status, created_by, created_at)
                values (:name, :node, :county, :type, :products, :started, :model, 'OPEN', :by, :at)""")
                .param("name", name).param("node", nodeId).param("county", countyId).param("type", type)
                .param("products", products).param("started", Date.valueOf(startedOn)).param("model", model)
                .param("by", by).param("at", Timestamp.valueOf(now)).update(key, "id");
        return key.getKey().longValue();
    }

    /** Changes a workshop if its version is still {@code version}; false when someone changed it first. */
    boolean update(long id, int version, String name, String type, String products, LocalDate startedOn,
                   boolean model, LocalDate closedOn, String by, LocalDateTime now) {
        return jdbc.sql("""
                update workshop set name = :name, type_code = :type, products = :products, started_on = :started,
                       provincial_model = :model, status = :status, closed_on = :closed, updated_by = :by,
                       updated_at = :at, version = version + 1
                 where id = :id and version = :version""")
                .param("name", name).param("type", type).param("products", products)
                .param("started", Date.valueOf(startedOn)).param("model", model)
                .param("status", closedOn == null ? "OPEN" : "CLOSED")
                .param("closed", closedOn == null ? null : Date.valueOf(closedOn), java.sql.Types.DATE)
                .param("by", by).param("at", Timestamp.valueOf(now)).param("id", id).param("version", version)
                .update() == 1;
    }

    void replaceLinks(long workshopId, Collection<Long> villageIds, Collection<Long> enterpriseIds) {
        jdbc.sql("delete from workshop_village where workshop_id = :w").param("w", workshopId).update();
        jdbc.sql("delete from workshop_runner where workshop_id = :w").param("w", workshopId).update();
        template.batchUpdate("insert into workshop_village (workshop_id, village_id) values (?, ?)",
                villageIds.stream().map(v -> new Object[] {workshopId, v}).toList());
        template.batchUpdate("insert into workshop_runner (workshop_id, enterprise_id) values (?, ?)",
                enterpriseIds.stream().map(e -> new Object[] {workshopId, e}).toList());
    }

    // ---- ledger

    private static Ledger ledger(ResultSet rs, int i) throws SQLException {
        return new Ledger(rs.getLong("workshop_id"), rs.getInt("ledger_month"), rs.getInt("employed"),
                rs.getInt("low_income"), rs.getBigDecimal("wages"), rs.getBigDecimal("sales"),
                rs.getBigDecimal("collective_income"), rs.getString("source"), rs.getString("entered_by"),
                rs.getTimestamp("entered_at").toLocalDateTime(), rs.getInt("version"));
    }

    List<Ledger> ledger(long workshopId) {
        return jdbc.sql("select * from workshop_ledger where workshop_id = :w order by ledger_month desc")
                .param("w", workshopId).query(WorkshopStore::ledger).list();
    }

    Optional<Ledger> ledger(long workshopId, int month) {
        return jdbc.sql("select * from workshop_ledger where workshop_id = :w and ledger_month = :m")
                .param("w", workshopId).param("m", month).query(WorkshopStore::ledger).optional();
    }

    /** The existing rows of the given (workshop, month) keys, in one query per thousand workshops. */
    Map<String, Ledger> ledgers(Collection<Long> workshopIds) {
        Map<String, Ledger> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(workshopIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("select * from workshop_ledger where workshop_id in (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).query(WorkshopStore::ledger).list()
                    .forEach(l -> out.put(l.workshopId() + ":" + l.month(), l));
        }
        return out;
    }

    List<Change> changes(long workshopId) {
        return jdbc.sql("""
                select ledger_month, employed, low_income, wages, sales, collective_income, old_source,
                       old_entered_by, changed_by, changed_at, change_source
                  from workshop_ledger_change where workshop_id = :w order by changed_at desc, id desc""")
                .param("w", workshopId).query(Change.class).list();
    }

    /** New ledger months (batch). */
    void insertLedger(List<Ledger> rows) {
        template.batchUpdate("""
                insert into workshop_ledger (workshop_id, ledger_month, employed, low_income, wages, sales,
                                             collective_income, source, entered_by, entered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(l -> new Object[] {l.workshopId(),
                l.month(), l.employed(), l.lowIncome(), l.wages(), l.sales(), l.collectiveIncome(), l.source(),
                l.enteredBy(), Timestamp.valueOf(l.enteredAt())}).toList());
    }

    /** Corrections (batch): the old rows into the change trail, then the new values over them. */
    void replaceLedger(List<Ledger> old, List<Ledger> rows) {
        template.batchUpdate("""
                insert into workshop_ledger_change (workshop_id, ledger_month, employed, low_income, wages, sales,
                       collective_income, old_source, old_entered_by, changed_by, changed_at, change_source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", java.util.stream.IntStream.range(0, old.size())
                .mapToObj(i -> {
                    Ledger o = old.get(i);
                    Ledger n = rows.get(i);
                    return new Object[] {o.workshopId(), o.month(), o.employed(), o.lowIncome(), o.wages(), o.sales(),
                            o.collectiveIncome(), o.source(), o.enteredBy(), n.enteredBy(),
                            Timestamp.valueOf(n.enteredAt()), n.source()};
                }).toList());
        template.batchUpdate("""
                update workshop_ledger set employed = ?, low_income = ?, wages = ?, sales = ?, collective_income = ?,
                       source = ?, entered_by = ?, entered_at = ?, version = version + 1
                 where workshop_id = ? and ledger_month = ?""", rows.stream().map(l -> new Object[] {l.employed(),
                l.lowIncome(), l.wages(), l.sales(), l.collectiveIncome(), l.source(), l.enteredBy(),
                Timestamp.valueOf(l.enteredAt()), l.workshopId(), l.month()}).toList());
    }
}
