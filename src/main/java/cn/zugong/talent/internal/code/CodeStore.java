package cn.zugong.talent.internal.code;

import cn.zugong.shared.OrgScope;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of talent_code and talent_code_check. Callers check access first. */
@Repository
class CodeStore {

    private static final String SELECT = """
            select c.*, t.name talent_name, n.path node_path, e.name employer_name
              from talent_code c join talent t on t.id = c.talent_id join org_node n on n.id = t.node_id
              left join talent_employer e on e.id = t.employer_id
            """;

    /** Filter of the office list: status VALID / REVOKED / SUPERSEDED / EXPIRED (VALID past its dates), or null. */
    record Filter(String status, String q) {
    }

    private final JdbcClient jdbc;
    private final CheckCounter counter;

    CodeStore(JdbcClient jdbc, CheckCounter counter) {
        this.jdbc = jdbc;
        this.counter = counter;
    }

    /** Locks the talent's row for the issue (one valid code per talent, whatever runs at the same time). */
    void lockTalent(long talentId) {
        jdbc.sql("select id from talent where id = :id for update").param("id", talentId).query(Long.class).list();
    }

    boolean serialTaken(long serial) {
        return jdbc.sql("select count(*) from talent_code where serial = :s").param("s", serial).query(Long.class)
                .single() > 0;
    }

    long insert(long serial, long talentId, String keyId, String level, LocalDate from, LocalDate until,
                String payload, String by, LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_code (serial, talent_id, key_id, level, valid_from, valid_until, payload, status,
                    issued_by, issued_at)
                values (:serial, :talent, :key, :level, :from, :until, :payload, 'VALID', :by, :now)
                """).param("serial", serial).param("talent", talentId).param("key", keyId).param("level", level)
                .param("from", Date.valueOf(from)).param("until", Date.valueOf(until)).param("payload", payload)
                .param("by", by).param("now", Timestamp.valueOf(now)).update(key, "id");
        return key.getKey().longValue();
    }

    void supersede(long codeId, long newCodeId, String by, LocalDateTime now) {
        jdbc.sql("""
                update talent_code set status = 'SUPERSEDED', superseded_by = :n, revoked_by = :by, revoked_at = :now,
                    reason = '已重新签发'
                 where id = :id and status = 'VALID'
                """).param("n", newCodeId).param("by", by).param("now", Timestamp.valueOf(now)).param("id", codeId)
                .update();
    }

    int revoke(long codeId, String reason, String by, LocalDateTime now) {
        return jdbc.sql("""
                update talent_code set status = 'REVOKED', reason = :reason, revoked_by = :by, revoked_at = :now
                 where id = :id and status = 'VALID'
                """).param("reason", reason).param("by", by).param("now", Timestamp.valueOf(now)).param("id", codeId)
                .update();
    }

    Optional<Code> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(this::row).optional();
    }

    Optional<Code> bySerial(long serial) {
        return jdbc.sql(SELECT + " where c.serial = :s").param("s", serial).query(this::row).optional();
    }

    /** The talent's codes, newest first. */
    List<Code> ofTalent(long talentId) {
        return jdbc.sql(SELECT + " where c.talent_id = :t order by c.id desc").param("t", talentId).query(this::row)
                .list();
    }

    Optional<Code> validOf(long talentId) {
        return jdbc.sql(SELECT + " where c.talent_id = :t and c.status = 'VALID' order by c.id desc")
                .param("t", talentId).query(this::row).list().stream().findFirst();
    }

    List<Code> inScope(OrgScope scope, Filter filter, LocalDate today, int limit, int offset) {
        return jdbc.sql(SELECT + where(filter) + " order by c.id desc limit :limit offset :offset")
                .params(params(scope, filter, today)).param("limit", limit).param("offset", offset)
                .query(this::row).list();
    }

    long countInScope(OrgScope scope, Filter filter, LocalDate today) {
        return jdbc.sql("select count(*) from talent_code c join talent t on t.id = c.talent_id" + where(filter))
                .params(params(scope, filter, today)).query(Long.class).single();
    }

    private static String where(Filter f) {
        StringBuilder sql = new StringBuilder(" where ").append(OrgScope.sqlContains("t.node_id"));
        if (f.status() != null) {
            sql.append(switch (f.status()) {
                case "VALID" -> " and c.status = 'VALID' and c.valid_until >= :today";
                case "EXPIRED" -> " and c.status = 'VALID' and c.valid_until < :today";
                default -> " and c.status = :status";
            });
        }
        if (f.q() != null) {
            sql.append(" and (t.name like :q escape '\\' or cast(c.serial as varchar(20)) = :serial)");
        }
        return sql.toString();
    }

    private static Map<String, Object> params(OrgScope scope, Filter f, LocalDate today) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scopePath", scope.pathPattern());
        p.put("today", Date.valueOf(today));
        p.put("status", f.status() == null ? "" : f.status());
        if (f.q() != null) {
            p.put("q", "%" + cn.zugong.shared.SqlLike.escape(f.q()) + "%");
            p.put("serial", f.q());
        }
        return p;
    }

    /** Recognised talents in scope without a valid code (the office issues theirs). */
    List<Map<String, Object>> recognisedWithoutCode(OrgScope scope, int limit) {
        return jdbc.sql("""
                select t.id, t.name, t.level, t.level_until from talent t
                 where %s and t.level is not null
                   and not exists (select 1 from talent_code c where c.talent_id = t.id and c.status = 'VALID')
                 order by t.id limit :limit
                """.formatted(OrgScope.sqlContains("t.node_id"))).param("scopePath", scope.pathPattern())
                .param("limit", limit).query().listOfRows();
    }

    /** All recognised talents without a valid code (the demo, the ADMIN's catch-up), ids only. */
    List<Long> recognisedWithoutCodeIds() {
        return jdbc.sql("""
                select t.id from talent t where t.level is not null
                   and not exists (select 1 from talent_code c where c.talent_id = t.id and c.status = 'VALID')
                 order by t.id
                """).query(Long.class).list();
    }

    List<Long> talentsWithValidCode(int limit) {
        return jdbc.sql("""
                select t.id from talent t where t.username is null
                   and exists (select 1 from talent_code c where c.talent_id = t.id and c.status = 'VALID')
                 order by t.id limit :limit
                """).param("limit", limit).query(Long.class).list();
    }

    long countIssuedBy(String by) {
        return jdbc.sql("select count(*) from talent_code where issued_by = :by").param("by", by).query(Long.class)
                .single();
    }

    /** Verifications per day (and outcome) between two days, inclusive: day → outcome → count. */
    Map<LocalDate, Map<String, Long>> checksPerDay(LocalDate from, LocalDate to) {
        counter.flush();
        Map<LocalDate, Map<String, Long>> out = new LinkedHashMap<>();
        jdbc.sql("""
                select checked_on, outcome, count(*) n from talent_code_check
                 where checked_on between :from and :to group by checked_on, outcome order by checked_on desc, outcome
                """).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> out.computeIfAbsent(rs.getDate("checked_on").toLocalDate(), d -> new LinkedHashMap<>())
                        .put(rs.getString("outcome"), rs.getLong("n"))).list();
        return out;
    }

    private Code row(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Code(rs.getLong("id"), rs.getLong("serial"), rs.getLong("talent_id"), rs.getString("key_id"),
                rs.getString("level"), rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_until").toLocalDate(),
                rs.getString("payload"), CodeStatus.valueOf(rs.getString("status")), rs.getString("issued_by"),
                rs.getTimestamp("issued_at").toLocalDateTime(), rs.getString("reason"), rs.getString("revoked_by"),
                revoked == null ? null : revoked.toLocalDateTime(), (Long) rs.getObject("superseded_by", Long.class),
                rs.getString("talent_name"), rs.getString("node_path"), rs.getString("employer_name"));
    }
}
