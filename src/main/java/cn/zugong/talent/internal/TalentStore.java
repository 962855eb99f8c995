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
