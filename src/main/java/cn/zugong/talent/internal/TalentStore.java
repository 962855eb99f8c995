package cn.zugong.talent.internal;

import cn.zugong.shared.OrgScope;
import cn.zugong.talent.Credential;
import cn.zugong.talent.CredentialKind;
import cn.zugong.talent.NewEmployer;
import cn.zugong.talent.NewTalent;
import cn.zugong.shared.crypto.BlindIndex;
import cn.zugong.shared.crypto.FieldCipher;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The one way into the talent and talent_credential tables: encrypts ID numbers and phones on the way in (with the
 * blind index for lookups and uniqueness), decrypts on the way out. Callers check access first ({@link TalentAccess}).
 */
@Repository
public class TalentStore {

    static final String ID_NUMBER = "talent.id_number";
    static final String PHONE = "talent.phone";

    private static final String SELECT = """
            select t.*, n.path node_path, e.name employer_name
              from talent t join org_node n on n.id = t.node_id left join talent_employer e on e.id = t.employer_id
            """;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    TalentStore(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    /** Registers a talent with its credentials; returns its id. The caller's transaction holds it. */
    public long insert(NewTalent t, String createdBy) {
        LocalDateTime now = LocalDateTime.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent (node_id, employer_id, name, gender, birth_date, id_number, id_number_idx, phone,
                    email, category, field, education, school, major, annual_salary, arrived_on, created_by,
                    created_at, updated_at)
                values (:node, :employer, :name, :gender, :birth, :idNumber, :idx, :phone, :email, :category, :field,
                    :education, :school, :major, :salary, :arrived, :by, :now, :now)
                """)
                .param("node", t.nodeId()).param("employer", t.employerId()).param("name", t.name())
                .param("gender", t.gender()).param("birth", Date.valueOf(t.birthDate()))
                .param("idNumber", cipher.encrypt(t.idNumber(), ID_NUMBER)).param("idx", index.of(t.idNumber()))
                .param("phone", cipher.encrypt(t.phone(), PHONE)).param("email", t.email())
                .param("category", t.category()).param("field", t.field()).param("education", t.education())
                .param("school", t.school()).param("major", t.major()).param("salary", t.annualSalary())
                .param("arrived", t.arrivedOn() == null ? null : Date.valueOf(t.arrivedOn()))
                .param("by", createdBy).param("now", now)
                .update(key, "id");
        long id = key.getKey().longValue();
        replaceCredentials(id, t.credentials());
        return id;
    }

    /** Registers an employer; returns its id. The credit code's check character is the caller's to verify. */
    public long insertEmployer(NewEmployer e, String createdBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into talent_employer (node_id, credit_code, name, kind, industry, created_by, created_at)
                values (:node, :code, :name, :kind, :industry, :by, :now)
                """).param("node", e.nodeId()).param("code", e.creditCode()).param("name", e.name())
                .param("kind", e.kind()).param("industry", e.industry()).param("by", createdBy)
                .param("now", LocalDateTime.now(clock)).update(key, "id");
        return key.getKey().longValue();
    }

    /** The talent's credentials become exactly {@code credentials}. */
    public void replaceCredentials(long talentId, List<Credential> credentials) {
        jdbc.sql("delete from talent_credential where talent_id = :id").param("id", talentId).update();
        for (Credential c : credentials) {
            jdbc.sql("insert into talent_credential (talent_id, kind, code, awarded_year, note) values (:t, :k, :c, :y, :n)")
                    .param("t", talentId).param("k", c.kind().name()).param("c", c.code()).param("y", c.year())
                    .param("n", c.note()).update();
        }
    }

    /** The talent by id, whatever the caller's scope: use {@link TalentAccess} for anything a user asked for. */
    public Optional<TalentRecord> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(this::row).optional()
                .map(t -> withCredentials(List.of(t)).get(0));
    }

    public Optional<TalentRecord> findByUsername(String username) {
        return jdbc.sql(SELECT + " where t.username = :u").param("u", username).query(this::row).optional()
                .map(t -> withCredentials(List.of(t)).get(0));
    }

    /** The talent holding an ID number (exact match through the blind index). */
    public Optional<Long> idByIdNumber(String idNumber) {
        return jdbc.sql("select id from talent where id_number_idx = :i").param("i", index.of(idNumber))
                .query(Long.class).optional();
    }

    /** The ID numbers (decrypted) of the talents {@code ids}, in chunks of 1,000: for lists and payment lists. */
    public Map<Long, String> idNumbers(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        List<Long> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        for (int i = 0; i < all.size(); i += 1000) {
            jdbc.sql("select id, id_number from talent where id in (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + 1000)))
                    .query((rs, n) -> out.put(rs.getLong("id"), cipher.decrypt(rs.getString("id_number"), ID_NUMBER)))
                    .list();
        }
        return out;
    }

    /** The employer holding a 统一社会信用代码. */
    public Optional<Long> employerIdByCreditCode(String creditCode) {
        return jdbc.sql("select id from talent_employer where credit_code = :c").param("c", creditCode)
                .query(Long.class).optional();
    }

    /** Talents in a scope, by id, with credentials (two queries, whatever the count). */
    public List<TalentRecord> inScope(OrgScope scope, int limit, int offset) {
        return withCredentials(jdbc.sql(SELECT + " where " + OrgScope.sqlContains("t.node_id")
                        + " order by t.id limit :limit offset :offset")
                .param("scopePath", scope.pathPattern()).param("limit", limit).param("offset", offset)
                .query(this::row).list());
    }

    /** Names of talents by id, whatever the scope (for lists whose rows the caller already scoped). */
    public Map<Long, String> namesOf(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from talent where id in (:ids)").param("ids", ids)
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }

    /** The talents registered by {@code by}, by id, with credentials (added for the recognition demo). */
    public List<TalentRecord> createdBy(String by) {
        List<TalentRecord> rows = jdbc.sql(SELECT + " where t.created_by = :by order by t.id").param("by", by)
                .query(this::row).list();
        List<TalentRecord> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i += 500) {
            out.addAll(withCredentials(rows.subList(i, Math.min(rows.size(), i + 500))));
        }
        return out;
    }

    public long countCreatedBy(String by) {
        return jdbc.sql("select count(*) from talent where created_by = :by").param("by", by).query(Long.class).single();
    }

    /** Links the talent's own account (role TALENT). */
    public void linkAccount(long talentId, String username) {
        jdbc.sql("update talent set username = :u, updated_at = :now where id = :id").param("u", username)
                .param("now", LocalDateTime.now(clock)).param("id", talentId).update();
    }

    /**
     * Sets the recognised level: written only by a recognition decision (or its revocation, with null); the
     * caller audits it with the decision.
     */
    public void setLevel(long talentId, String level, String route, LocalDate since, LocalDate until) {
        jdbc.sql("""
                update talent set level = :level, level_route = :route, level_since = :since, level_until = :until,
                    updated_at = :now where id = :id
                """).param("level", level).param("route", route)
                .param("since", since == null ? null : Date.valueOf(since))
                .param("until", until == null ? null : Date.valueOf(until))
                .param("now", LocalDateTime.now(clock)).param("id", talentId).update();
    }

    // ---- additions for the registry part (issue 16, item 1) ----

    /** Talents in a scope matching a search, by id, with credentials. */
    public List<TalentRecord> search(TalentSearch q, OrgScope scope, int limit, int offset) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(OrgScope.sqlContains("t.node_id"));
        Map<String, Object> params = searchParams(q, scope, sql);
        sql.append(" order by t.id limit :limit offset :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return withCredentials(jdbc.sql(sql.toString()).params(params).query(this::row).list());
    }

    public long count(TalentSearch q, OrgScope scope) {
        StringBuilder sql = new StringBuilder("select count(*) from talent t join org_node n on n.id = t.node_id where ")
                .append(OrgScope.sqlContains("t.node_id"));
        Map<String, Object> params = searchParams(q, scope, sql);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static Map<String, Object> searchParams(TalentSearch q, OrgScope scope, StringBuilder sql) {
        Map<String, Object> params = new HashMap<>();
        params.put("scopePath", scope.pathPattern());
        if (q.name() != null && !q.name().isBlank()) {
            sql.append(" and t.name like :name escape '\\'");
            params.put("name", cn.zugong.shared.SqlLike.contains(q.name().strip()));
        }
        if ("NONE".equals(q.level())) {
            sql.append(" and t.level is null");
        } else if (q.level() != null && !q.level().isBlank()) {
            sql.append(" and t.level = :level");
            params.put("level", q.level());
        }
        if (q.category() != null && !q.category().isBlank()) {
            sql.append(" and t.category = :category");
            params.put("category", q.category());
        }
        if (q.field() != null && !q.field().isBlank()) {
            sql.append(" and t.field = :field");
            params.put("field", q.field());
        }
        if (q.education() != null && !q.education().isBlank()) {
            sql.append(" and t.education = :education");
            params.put("education", q.education());
        }
        if (q.employerId() != null) {
            sql.append(" and t.employer_id = :employer");
            params.put("employer", q.employerId());
        }
        if (q.nodePath() != null) {
            sql.append(" and n.path like :nodePath");
            params.put("nodePath", q.nodePath() + "%");
        }
        return params;
    }

    /** Key-field filter needs the classification's key codes: the caller passes them. */
    public List<TalentRecord> search(TalentSearch q, java.util.Set<String> keyFields, OrgScope scope, int limit,
                                     int offset) {
        if (!q.keyFieldsOnly()) {
            return search(q, scope, limit, offset);
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(OrgScope.sqlContains("t.node_id"));
        Map<String, Object> params = searchParams(q, scope, sql);
        sql.append(" and t.field in (:keyFields) order by t.id limit :limit offset :offset");
        params.put("keyFields", keyFields);
        params.put("limit", limit);
        params.put("offset", offset);
        return withCredentials(jdbc.sql(sql.toString()).params(params).query(this::row).list());
    }

    public long count(TalentSearch q, java.util.Set<String> keyFields, OrgScope scope) {
        if (!q.keyFieldsOnly()) {
            return count(q, scope);
        }
        StringBuilder sql = new StringBuilder("select count(*) from talent t join org_node n on n.id = t.node_id where ")
                .append(OrgScope.sqlContains("t.node_id"));
        Map<String, Object> params = searchParams(q, scope, sql);
        sql.append(" and t.field in (:keyFields)");
        params.put("keyFields", keyFields);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /** Talents in a scope by level code ("" for not recognised). */
    public Map<String, Long> countByLevel(OrgScope scope) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select coalesce(t.level, '') lv, count(*) c from talent t where " + OrgScope.sqlContains("t.node_id")
                        + " group by coalesce(t.level, '')").param("scopePath", scope.pathPattern())
                .query((rs, n) -> out.put(rs.getString("lv"), rs.getLong("c"))).list();
        return out;
    }

    /**
     * Changes a talent's registry data (not its level, account or status) and replaces its credentials; the
     * caller checks access and audits.
     */
    public void update(long id, NewTalent t) {
        jdbc.sql("""
                update talent set node_id = :node, employer_id = :employer, name = :name, gender = :gender,
                    birth_date = :birth, id_number = :idNumber, id_number_idx = :idx, phone = :phone, email = :email,
                    category = :category, field = :field, education = :education, school = :school, major = :major,
                    annual_salary = :salary, arrived_on = :arrived, updated_at = :now
                 where id = :id
                """)
                .param("node", t.nodeId()).param("employer", t.employerId()).param("name", t.name())
                .param("gender", t.gender()).param("birth", Date.valueOf(t.birthDate()))
                .param("idNumber", cipher.encrypt(t.idNumber(), ID_NUMBER)).param("idx", index.of(t.idNumber()))
                .param("phone", cipher.encrypt(t.phone(), PHONE)).param("email", t.email())
                .param("category", t.category()).param("field", t.field()).param("education", t.education())
                .param("school", t.school()).param("major", t.major()).param("salary", t.annualSalary())
                .param("arrived", t.arrivedOn() == null ? null : Date.valueOf(t.arrivedOn()))
                .param("now", LocalDateTime.now(clock)).param("id", id).update();
        replaceCredentials(id, t.credentials());
    }

    /** The talents holding these ID numbers' blind indexes: index → talent id (one query per call). */
    public Map<String, Long> idsByIndex(Collection<String> idNumbers) {
        if (idNumbers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> byIndex = new HashMap<>();
        idNumbers.forEach(n -> byIndex.put(index.of(n), n));
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("select id, id_number_idx from talent where id_number_idx in (:idx)").param("idx", byIndex.keySet())
                .query((rs, n) -> out.put(byIndex.get(rs.getString("id_number_idx")), rs.getLong("id"))).list();
        return out;
    }

    private static final String EMPLOYER_SELECT = """
            select e.*, n.path node_path, n.name node_name,
                   (select count(*) from talent t where t.employer_id = e.id) talents
              from talent_employer e join org_node n on n.id = e.node_id
            """;

    public Optional<EmployerRecord> findEmployer(long id) {
        return jdbc.sql(EMPLOYER_SELECT + " where e.id = :id").param("id", id).query(this::employer).optional();
    }

    public Optional<EmployerRecord> findEmployerByCode(String creditCode) {
        return jdbc.sql(EMPLOYER_SELECT + " where e.credit_code = :c").param("c", creditCode).query(this::employer)
                .optional();
    }

    /** Employers in a scope, name contains {@code q} (or the credit code starts with it), by name. */
    public List<EmployerRecord> employers(OrgScope scope, String q, int limit, int offset) {
        return jdbc.sql(EMPLOYER_SELECT + " where " + OrgScope.sqlContains("e.node_id") + employerFilter(q)
                        + " order by e.name, e.id limit :limit offset :offset")
                .param("scopePath", scope.pathPattern()).param("q", like(q)).param("code", code(q))
                .param("limit", limit).param("offset", offset).query(this::employer).list();
    }

    public long countEmployers(OrgScope scope, String q) {
        return jdbc.sql("select count(*) from talent_employer e where " + OrgScope.sqlContains("e.node_id")
                        + employerFilter(q)).param("scopePath", scope.pathPattern()).param("q", like(q))
                .param("code", code(q)).query(Long.class).single();
    }

    private static String employerFilter(String q) {
        return q == null || q.isBlank() ? ""
                : " and (e.name like :q escape '\\' or e.credit_code like :code escape '\\')";
    }

    private static String like(String q) {
        return q == null || q.isBlank() ? null : cn.zugong.shared.SqlLike.contains(q.strip());
    }

    private static String code(String q) {
        return q == null || q.isBlank() ? null
                : cn.zugong.shared.SqlLike.escape(q.strip().toUpperCase(java.util.Locale.ROOT)) + "%";
    }

    /** Employers by credit code (one query): code → employer. */
    public Map<String, EmployerRecord> employersByCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, EmployerRecord> out = new HashMap<>();
        jdbc.sql(EMPLOYER_SELECT + " where e.credit_code in (:codes)").param("codes", codes)
                .query(this::employer).list().forEach(e -> out.put(e.creditCode(), e));
        return out;
    }

    /** Employers by id (one query): id → employer. */
    public Map<Long, EmployerRecord> employersByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, EmployerRecord> out = new HashMap<>();
        jdbc.sql(EMPLOYER_SELECT + " where e.id in (:ids)").param("ids", ids)
                .query(this::employer).list().forEach(e -> out.put(e.id(), e));
        return out;
    }

    /** Every employer of kind ENTERPRISE (the 自贸企业 directory's candidates), by credit code. */
    public List<EmployerRecord> enterprises() {
        return jdbc.sql(EMPLOYER_SELECT + " where e.kind = 'ENTERPRISE' order by e.credit_code").query(this::employer)
                .list();
    }

    public void updateEmployer(long id, NewEmployer e) {
        jdbc.sql("""
                update talent_employer set node_id = :node, credit_code = :code, name = :name, kind = :kind,
                    industry = :industry where id = :id
                """).param("node", e.nodeId()).param("code", e.creditCode()).param("name", e.name())
                .param("kind", e.kind()).param("industry", e.industry()).param("id", id).update();
    }

    private EmployerRecord employer(ResultSet rs, int n) throws SQLException {
        return new EmployerRecord(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_path"),
                rs.getString("node_name"), rs.getString("credit_code"), rs.getString("name"), rs.getString("kind"),
                rs.getString("industry"), rs.getLong("talents"));
    }

    /** Employers in a scope, by name, optionally of one industry (a field code); at most {@code limit}. */
    public List<EmployerRecord> employersInScope(OrgScope scope, String industry, int limit) {
        return jdbc.sql(EMPLOYER_SELECT + " where " + OrgScope.sqlContains("e.node_id")
                        + " and (cast(:industry as varchar(40)) is null or e.industry = :industry) order by e.id limit :limit")
                .param("scopePath", scope.pathPattern()).param("industry", industry).param("limit", limit)
                .query(this::employer).list();
    }

    /** Names of employers by id. */
    public Map<Long, String> employerNames(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name from talent_employer where id in (:ids)").param("ids", ids)
                    .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        }
        return out;
    }

    /** Talents by id (with credentials), whatever the scope: callers filter with {@link TalentAccess#sees}. */
    public List<TalentRecord> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withCredentials(jdbc.sql(SELECT + " where t.id in (:ids) order by t.id").param("ids", ids)
                .query(this::row).list());
    }

    /** Talents in a scope recognised at one of the levels (e.g. A–C, the 重点人才), by id. */
    public List<TalentRecord> atLevels(OrgScope scope, Collection<String> levels) {
        return withCredentials(jdbc.sql(SELECT + " where " + OrgScope.sqlContains("t.node_id")
                        + " and t.level in (:levels) and t.status = 'ACTIVE' order by t.id")
                .param("scopePath", scope.pathPattern()).param("levels", levels).query(this::row).list());
    }

    /** Ids of talents in a scope holding one of the credential codes of a kind (e.g. national programmes), by id. */
    public List<Long> idsHolding(OrgScope scope, CredentialKind kind, Collection<String> codes, int limit) {
        return jdbc.sql("select distinct t.id from talent t join talent_credential c on c.talent_id = t.id where "
                        + OrgScope.sqlContains("t.node_id") + " and c.kind = :kind and c.code in (:codes) order by t.id limit :limit")
                .param("scopePath", scope.pathPattern()).param("kind", kind.name()).param("codes", codes)
                .param("limit", limit).query(Long.class).list();
    }

    private List<TalentRecord> withCredentials(List<TalentRecord> talents) {
        if (talents.isEmpty()) {
            return talents;
        }
        Map<Long, List<Credential>> byTalent = new HashMap<>();
        Collection<Long> ids = talents.stream().map(TalentRecord::id).toList();
        jdbc.sql("select talent_id, kind, code, awarded_year, note from talent_credential where talent_id in (:ids) order by id")
                .param("ids", ids)
                .query((rs, n) -> byTalent.computeIfAbsent(rs.getLong("talent_id"), k -> new ArrayList<>())
                        .add(new Credential(CredentialKind.valueOf(rs.getString("kind")),
                                rs.getString("code"), (Integer) rs.getObject("awarded_year", Integer.class), rs.getString("note"))))
                .list();
        return talents.stream().map(t -> new TalentRecord(t.id(), t.nodeId(), t.nodePath(), t.employerId(),
                t.employerName(), t.name(), t.gender(), t.birthDate(), t.idNumber(), t.phone(), t.email(), t.category(),
                t.field(), t.education(), t.school(), t.major(), t.annualSalary(), t.arrivedOn(), t.level(),
                t.levelRoute(), t.levelSince(), t.levelUntil(), t.username(), t.status(),
                List.copyOf(byTalent.getOrDefault(t.id(), List.of())))).toList();
    }

    private TalentRecord row(ResultSet rs, int n) throws SQLException {
        return new TalentRecord(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_path"),
                (Long) rs.getObject("employer_id", Long.class), rs.getString("employer_name"), rs.getString("name"),
                rs.getString("gender"), date(rs, "birth_date"), cipher.decrypt(rs.getString("id_number"), ID_NUMBER),
                cipher.decrypt(rs.getString("phone"), PHONE), rs.getString("email"), rs.getString("category"),
                rs.getString("field"), rs.getString("education"), rs.getString("school"), rs.getString("major"),
                rs.getBigDecimal("annual_salary"), date(rs, "arrived_on"), rs.getString("level"),
                rs.getString("level_route"), date(rs, "level_since"), date(rs, "level_until"), rs.getString("username"),
                rs.getString("status"), List.of());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
