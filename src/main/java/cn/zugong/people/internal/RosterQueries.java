package cn.zugong.people.internal;

import cn.zugong.people.PersonCard;
import cn.zugong.shared.Masking;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.SqlLike;
import cn.zugong.shared.crypto.BlindIndex;
import cn.zugong.shared.crypto.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the roster and the party members, always inside an {@link OrgScope}. ID numbers and phones
 * are decrypted only to be masked; a whole ID number is searched through its blind index.
 */
@Repository
public class RosterQueries {

    private static final String SUMMARY_COLUMNS = """
            select p.id, p.name, p.gender, p.birth_date, p.id_number, p.phone, p.political_status, p.ft_education,
                   p.rank_level, p.post_level, p.source, u.id as unit_id, u.name as unit_name
            from person p join org_node u on u.id = p.unit_id
            """;

    /** People in service: the roster lists, searches, exports and head-counts show only them. */
    static final String IN_SERVICE = "p.service_status = '在职'";
    /** A yearly fact as of today, as known now (alias f; binds :today and :open). */
    static final String FACT_NOW = " f.superseded_at = :open and f.valid_from <= :today and f.valid_to > :today";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    RosterQueries(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
    }

    /** The SQL condition and parameters of a filter inside a scope. */
    public record Where(String sql, Map<String, Object> params) {
    }

    /** The WHERE clause (on person alias p) of a filter inside a scope; shared with the export. */
    public Where where(RosterFilter f, OrgScope scope, LocalDate today) {
        // people who left (退休/调出/离职) keep their page but are not on the roster
        StringBuilder sql = new StringBuilder(" where ").append(IN_SERVICE).append(" and ")
                .append(OrgScope.sqlContains("p.unit_id"));
        Map<String, Object> params = new HashMap<>();
        params.put("scopePath", scope.pathPattern());
        if (f.q() != null && !f.q().isBlank()) {
            String q = f.q().strip();
            var wholeId = WholeIdQuery.of(q);
            if (wholeId.isPresent()) {
                sql.append(" and p.id_number_idx = :idNumberIdx");
                params.put("idNumberIdx", index.of(wholeId.get()));
            } else {
                sql.append(" and p.name like :name escape '\\'");
                params.put("name", SqlLike.contains(q));
            }
        }
        equal(sql, params, "p.gender", "gender", f.gender());
        equal(sql, params, "p.ft_education", "education", f.education());
        equal(sql, params, "p.rank_level", "rank", f.rank());
        equal(sql, params, "p.political_status", "political", f.political());
        equal(sql, params, "p.source", "source", f.source());
        if (f.ageMin() != null) {
            sql.append(" and p.birth_date <= :bornBefore");
            params.put("bornBefore", today.minusYears(f.ageMin()));
        }
        if (f.ageMax() != null) {
            sql.append(" and p.birth_date > :bornAfter");
            params.put("bornAfter", today.minusYears(f.ageMax() + 1L));
        }
        return new Where(sql.toString(), params);
    }

    private static void equal(StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    public PageResult<PersonSummary> page(RosterFilter filter, OrgScope scope, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        Where where = where(filter, scope, today);
        long total = jdbc.sql("select count(*) from person p" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<PersonSummary> items = jdbc.sql(SUMMARY_COLUMNS + where.sql()
                        + " order by u.path, p.id limit :limit offset :offset")
                .params(where.params()).param("limit", size).param("offset", (page - 1) * size)
                .query((rs, i) -> summary(rs, today)).list();
        return new PageResult<>(items, page, size, total);
    }

    public PersonDetail detail(long id, OrgScope scope) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select p.*, u.id as unit_id, u.name as unit_name, u.path as unit_path
                        from person p join org_node u on u.id = p.unit_id
                        where p.id = :id and """ + " " + OrgScope.sqlContains("p.unit_id"))
                .param("id", id).param("scopePath", scope.pathPattern())
                .query((rs, i) -> new PersonDetail(summary(rs, today), rs.getString("ethnicity"),
                        rs.getString("ft_degree"), rs.getString("is_education"), rs.getString("is_degree"),
                        rs.getString("major_category"), rs.getString("staff_kind"), date(rs, "rank_since"),
                        date(rs, "post_since"), date(rs, "work_start_date"), date(rs, "joined_unit_date"),
                        date(rs, "probation_end"), rs.getString("unit_path"), assessments(id), training(id),
                        notes(id), membership(id)))
                .optional()
                .orElseThrow(() -> new NotFoundException("人员不存在或不在您的管理范围内：" + id));
    }

    private List<PersonDetail.Assessment> assessments(long id) {
        return jdbc.sql("select fact_year, result from person_assessment f where person_id = :id and" + FACT_NOW
                        + " order by fact_year desc")
                .param("id", id).params(now()).query((rs, i) -> new PersonDetail.Assessment(rs.getInt(1), rs.getString(2))).list();
    }

    private List<PersonDetail.Training> training(long id) {
        return jdbc.sql("select fact_year, hours from person_training f where person_id = :id and" + FACT_NOW
                        + " order by fact_year desc")
                .param("id", id).params(now()).query((rs, i) -> new PersonDetail.Training(rs.getInt(1), rs.getBigDecimal(2))).list();
    }

    private List<PersonDetail.Note> notes(long id) {
        return jdbc.sql("select kind, fact_year, description from person_record f where person_id = :id and" + FACT_NOW
                        + " order by fact_year desc, kind")
                .param("id", id).params(now())
                .query((rs, i) -> new PersonDetail.Note(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    }

    /** The parameters of {@link #FACT_NOW}. */
    Map<String, Object> now() {
        return Map.of("today", LocalDate.now(clock), "open", HistoryStore.OPEN_TS);
    }

    private PersonDetail.PartyMembership membership(long personId) {
        return jdbc.sql("""
                        select m.branch_id, b.name, m.joined_party_date, m.status, m.mobile, m.mobile_to
                        from party_member m join org_node b on b.id = m.branch_id where m.person_id = :id
                        """).param("id", personId)
                .query((rs, i) -> new PersonDetail.PartyMembership(rs.getLong(1), rs.getString(2),
                        date(rs, "joined_party_date"), rs.getString(4), rs.getBoolean(5), rs.getString(6)))
                .optional().orElse(null);
    }

    public PageResult<PartyMemberSummary> partyMembers(String q, String status, Boolean mobile, OrgScope scope,
                                                       int page, int size) {
        LocalDate today = LocalDate.now(clock);
        StringBuilder sql = new StringBuilder(" where ").append(OrgScope.sqlContains("m.branch_id"));
        Map<String, Object> params = new HashMap<>();
        params.put("scopePath", scope.pathPattern());
        if (q != null && !q.isBlank()) {
            sql.append(" and m.name like :name escape '\\'");
            params.put("name", SqlLike.contains(q.strip()));
        }
        equal(sql, params, "m.status", "status", status);
        if (mobile != null) {
            sql.append(" and m.mobile = :mobile");
            params.put("mobile", mobile);
        }
        long total = jdbc.sql("select count(*) from party_member m" + sql).params(params).query(Long.class).single();
        List<PartyMemberSummary> items = jdbc.sql("""
                        select m.*, b.name as branch_name from party_member m join org_node b on b.id = m.branch_id
                        """ + sql + " order by b.path, m.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (page - 1) * size)
                .query((rs, i) -> new PartyMemberSummary(rs.getLong("id"), rs.getString("name"),
                        rs.getString("gender"), age(date(rs, "birth_date"), today),
                        Masking.idNumber(cipher.decrypt(rs.getString("id_number"), PersonalFields.MEMBER_ID_NUMBER)),
                        Masking.phone(cipher.decrypt(rs.getString("phone"), PersonalFields.MEMBER_PHONE)),
                        rs.getLong("branch_id"), rs.getString("branch_name"), date(rs, "joined_party_date"),
                        rs.getString("status"), rs.getBoolean("mobile"), rs.getString("mobile_to"),
                        (Long) rs.getObject("person_id", Long.class)))
                .list();
        return new PageResult<>(new ArrayList<>(items), page, size, total);
    }

    private PersonSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate birth = date(rs, "birth_date");
        return new PersonSummary(rs.getLong("id"), rs.getString("name"), rs.getString("gender"),
                birth == null ? null : YearMonth.from(birth), age(birth, today), Masking.idNumber(cipher.decrypt(rs.getString("id_number"), PersonalFields.PERSON_ID_NUMBER)),
                Masking.phone(cipher.decrypt(rs.getString("phone"), PersonalFields.PERSON_PHONE)),
                rs.getString("political_status"), rs.getString("ft_education"), rs.getString("rank_level"),
                rs.getString("post_level"), rs.getString("source"), rs.getLong("unit_id"), rs.getString("unit_name"));
    }

    public List<Long> idsOfUnit(long unitId, OrgScope scope) {
        return jdbc.sql("select p.id from person p where p.unit_id = :unit and " + IN_SERVICE + " and " + OrgScope.sqlContains("p.unit_id"))
                .param("unit", unitId).param("scopePath", scope.pathPattern()).query(Long.class).list();
    }

    /**
     * Cards of the given people that lie inside the scope, by name (others are silently left out). No
     * identifier is read: a card carries the birth date for computations and never a masked number.
     */
    public List<PersonCard> cards(java.util.Collection<Long> ids, OrgScope scope, LocalDate today) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.id, p.name, p.gender, p.birth_date, p.political_status, p.ft_education, p.rank_level,
                               p.post_level, p.source, u.name as unit_name
                        from person p join org_node u on u.id = p.unit_id
                        where p.id in (:ids) and """ + " " + IN_SERVICE + " and " + OrgScope.sqlContains("p.unit_id") + " order by p.name, p.id")
                .param("ids", ids).param("scopePath", scope.pathPattern())
                .query((rs, i) -> {
                    LocalDate birth = date(rs, "birth_date");
                    return new PersonCard(rs.getLong("id"), rs.getString("name"), rs.getString("gender"), birth,
                            age(birth, today), rs.getString("political_status"), rs.getString("ft_education"),
                            rs.getString("rank_level"), rs.getString("post_level"), rs.getString("source"),
                            rs.getString("unit_name"));
                }).list();
    }

    /** The full value of one personal field of a person inside the scope (for an audited unmask). */
    public String reveal(long id, PersonalField field, OrgScope scope) {
        String stored = jdbc.sql("select p." + field.column + " from person p where p.id = :id and "
                        + OrgScope.sqlContains("p.unit_id"))
                .param("id", id).param("scopePath", scope.pathPattern())
                .query((rs, i) -> java.util.Optional.ofNullable(rs.getString(1))).optional()
                .orElseThrow(() -> new NotFoundException("人员不存在或不在您的管理范围内：" + id))
                .orElse(null);
        return cipher.decrypt(stored, PersonalFields.aad("person", field.column));
    }

    static int age(LocalDate birth, LocalDate today) {
        return birth == null ? 0 : Period.between(birth, today).getYears();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
    /**
     * Party organisation id → {members, aged 35 or under at the year's end, joined in the year, 流动党员} of the
     * members registered in the organisation or any organisation below it by the year's end. Two queries for all.
     */
    public Map<Long, long[]> memberCounts(java.util.Collection<Long> partyOrgIds, int year) {
        Map<Long, long[]> out = new java.util.HashMap<>();
        if (partyOrgIds.isEmpty()) {
            return out;
        }
        // the counts per branch in one aggregate query; each organisation then adds the branches under its path
        // (a join of every member with every organisation by path prefix grew with members × organisations)
        java.util.TreeMap<String, long[]> byBranch = new java.util.TreeMap<>();
        jdbc.sql("select n.path, count(*),"
                        + " coalesce(sum(case when m.birth_date >= :youngFrom then 1 else 0 end), 0),"
                        + " coalesce(sum(case when m.joined_party_date >= :from then 1 else 0 end), 0),"
                        + " coalesce(sum(case when m.mobile then 1 else 0 end), 0)"
                        + " from party_member m join org_node n on n.id = m.branch_id"
                        + " where m.joined_party_date <= :to group by n.path")
                .param("youngFrom", LocalDate.of(year - 35, 1, 1)).param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31))
                .query(rs -> {
                    byBranch.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        List<Long> ids = new ArrayList<>(partyOrgIds);
        for (int k = 0; k < ids.size(); k += 1000) {
            jdbc.sql("select id, path from org_node where id in (:orgs)")
                    .param("orgs", ids.subList(k, Math.min(ids.size(), k + 1000)))
                    .query(rs -> {
                        String path = rs.getString("path");
                        long[] sum = new long[4];
                        boolean any = false;
                        for (long[] c : byBranch.subMap(path, true, path + Character.MAX_VALUE, false).values()) {
                            for (int i = 0; i < 4; i++) {
                                sum[i] += c[i];
                            }
                            any = true;
                        }
                        if (any) {
                            out.put(rs.getLong("id"), sum);
                        }
                    });
        }
        return out;
    }

    /** Party members of the branches in the scope (the public evaluation's raters), without personal numbers. */
    public List<cn.zugong.people.BranchMember> branchMembers(OrgScope scope) {
        return jdbc.sql("select m.id, m.branch_id, m.name, m.gender from party_member m where "
                        + OrgScope.sqlContains("m.branch_id") + " order by m.branch_id, m.id")
                .param("scopePath", scope.pathPattern())
                .query((rs, row) -> new cn.zugong.people.BranchMember(rs.getLong("id"), rs.getLong("branch_id"),
                        rs.getString("name"), rs.getString("gender")))
                .list();
    }

    // ------------------------------------------------------------------ 流动党员 (issue 18)

    private static final String REF_COLUMNS = "select m.id, m.branch_id, m.name, m.gender, m.mobile, m.mobile_to, "
            + "m.id_number from party_member m where ";

    private cn.zugong.people.PartyMemberRef ref(ResultSet rs) throws SQLException {
        String id = cipher.decrypt(rs.getString("id_number"), PersonalFields.MEMBER_ID_NUMBER);
        return new cn.zugong.people.PartyMemberRef(rs.getLong("id"), rs.getLong("branch_id"), rs.getString("name"),
                rs.getString("gender"), rs.getBoolean("mobile"), rs.getString("mobile_to"),
                id == null || id.length() < 6 ? null : id.substring(0, 6));
    }

    public List<cn.zugong.people.PartyMemberRef> partyMemberRefs(java.util.Collection<Long> ids, OrgScope scope) {
        List<cn.zugong.people.PartyMemberRef> out = new ArrayList<>();
        List<Long> list = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        for (int k = 0; k < list.size(); k += 1000) {
            out.addAll(jdbc.sql(REF_COLUMNS + "m.id in (:ids) and " + OrgScope.sqlContains("m.branch_id"))
                    .param("ids", list.subList(k, Math.min(list.size(), k + 1000)))
                    .param("scopePath", scope.pathPattern())
                    .query((rs, row) -> ref(rs)).list());
        }
        return out;
    }

    public List<cn.zugong.people.PartyMemberRef> mobilePartyMembers(OrgScope scope) {
        return jdbc.sql(REF_COLUMNS + "m.mobile = true and " + OrgScope.sqlContains("m.branch_id")
                        + " order by m.branch_id, m.id")
                .param("scopePath", scope.pathPattern())
                .query((rs, row) -> ref(rs)).list();
    }

    public Map<String, cn.zugong.people.PartyMemberRef> partyMembersByIdNumber(java.util.Collection<String> idNumbers,
                                                                               OrgScope scope) {
        Map<String, String> byIndex = new java.util.HashMap<>();
        for (String n : idNumbers) {
            String idx = index.of(n);
            if (idx != null) {
                byIndex.put(idx, n);
            }
        }
        Map<String, cn.zugong.people.PartyMemberRef> out = new java.util.HashMap<>();
        List<String> keys = new ArrayList<>(byIndex.keySet());
        for (int k = 0; k < keys.size(); k += 1000) {
            jdbc.sql(REF_COLUMNS.replace("m.id_number from", "m.id_number, m.id_number_idx from")
                            + "m.id_number_idx in (:idx) and " + OrgScope.sqlContains("m.branch_id"))
                    .param("idx", keys.subList(k, Math.min(keys.size(), k + 1000)))
                    .param("scopePath", scope.pathPattern())
                    .query(rs -> {
                        out.put(byIndex.get(rs.getString("id_number_idx")), ref(rs));
                    });
        }
        return out;
    }

    public List<cn.zugong.people.PartyMemberRef> partyMembersRegisteredOutside(String regionPrefix, OrgScope scope) {
        return jdbc.sql(REF_COLUMNS + "m.mobile = false and " + OrgScope.sqlContains("m.branch_id")
                        + " order by m.branch_id, m.id")
                .param("scopePath", scope.pathPattern())
                .query((rs, row) -> ref(rs)).list().stream()
                .filter(r -> r.idRegion() != null && !r.idRegion().startsWith(regionPrefix))
                .toList();
    }
}
