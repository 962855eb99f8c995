package cn.zugong.people.internal;

import cn.zugong.people.PartyMemberRow;
import cn.zugong.people.PersonRow;
import cn.zugong.shared.IdBlocks;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.crypto.BlindIndex;
import cn.zugong.shared.crypto.FieldCipher;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Roster writes in batches (no per-row round trips) and the lookups the import needs. ID numbers and
 * phones are encrypted here, on the one write path, with the blind index of the ID number beside them.
 */
@Repository
public class PersonRepository {

    private static final int BATCH = 1000;
    private static final String COLUMNS = "unit_id, name, gender, birth_date, id_number, phone, ethnicity, "
            + "political_status, ft_education, ft_degree, is_education, is_degree, major_category, staff_kind, "
            + "rank_level, rank_since, post_level, post_since, work_start_date, joined_unit_date, source, probation_end, "
            + "id_number_idx";
    private static final String PLACEHOLDERS = "?, ".repeat(COLUMNS.split(",").length) + "?";

    /** Where an existing ID number lives, so the import can refuse one outside the importer's scope. */
    public record Existing(long id, long unitId, String unitPath) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final IdBlocks ids;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    PersonRepository(JdbcClient jdbc, JdbcTemplate template, FieldCipher cipher, BlindIndex index, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
        this.index = index;
        this.ids = new IdBlocks(jdbc, "person_id_seq");
    }

    /** Whether a person is in service and since when not (person.service_status, left_on). */
    public record Standing(String status, LocalDate leftOn) {
        public static final Standing IN_SERVICE = new Standing("在职", null);
    }

    public long nextId() {
        return ids.next();
    }

    /** Inserts people (ids set) with their standing; yearly facts are written by the history store. */
    public void insert(List<PersonRow> rows, Map<Long, Standing> standings) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        batch("insert into person (" + COLUMNS + ", updated_at, id, service_status, left_on, created_at) values ("
                        + PLACEHOLDERS + ", ?, ?, ?, ?)",
                rows.stream().map(p -> append(columns(p, now), standings.getOrDefault(p.id(), Standing.IN_SERVICE),
                        now)).toList());
    }

    /** Updates people's current state and standing. */
    public void update(List<PersonRow> rows, Map<Long, Standing> standings) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        batch("update person set " + COLUMNS.replace(",", " = ?,") + " = ?, updated_at = ?, service_status = ?, "
                        + "left_on = ? where id = ?",
                rows.stream().map(p -> {
                    Object[] c = columns(p, now);
                    Standing s = standings.getOrDefault(p.id(), Standing.IN_SERVICE);
                    Object[] all = Arrays.copyOf(c, c.length + 2);
                    all[c.length - 1] = s.status();
                    all[c.length] = date(s.leftOn());
                    all[c.length + 1] = p.id();
                    return all;
                }).toList());
    }

    /** Updates the kept fields of one person (service_status among them) and the standing. */
    void updateState(long id, Object[] values, Standing standing) {
        Object[] params = VersionField.parameters(values);
        params[0] = standing.status();
        Object[] all = Arrays.copyOf(params, params.length + 3);
        all[params.length] = date(standing.leftOn());
        all[params.length + 1] = Timestamp.valueOf(LocalDateTime.now(clock));
        all[params.length + 2] = id;
        template.update("update person set " + VersionField.COLUMNS.replace(",", " = ?,") + " = ?, left_on = ?, "
                + "updated_at = ? where id = ?", all);
    }

    public void insertPartyMembers(List<PartyMemberRow> members) {
        batch("""
                insert into party_member (branch_id, person_id, name, gender, birth_date, id_number, phone,
                                          joined_party_date, status, mobile, mobile_to, id_number_idx)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, members.stream().map(m -> new Object[] {m.branchId(), m.personId(), m.name(), m.gender(),
                date(m.birthDate()), cipher.encrypt(m.idNumber(), PersonalFields.MEMBER_ID_NUMBER),
                cipher.encrypt(m.phone(), PersonalFields.MEMBER_PHONE), date(m.joinedPartyDate()), m.status(),
                m.mobile(), m.mobileTo(), index.of(m.idNumber())}).toList());
    }

    /** Existing people by ID number (looked up through the blind index), with the path of their unit. */
    public Map<String, Existing> existingByIdNumber(Collection<String> idNumbers) {
        Map<String, String> byIndex = new HashMap<>();
        idNumbers.forEach(n -> byIndex.put(index.of(n), n));
        Map<String, Existing> result = new HashMap<>();
        List<String> all = new ArrayList<>(byIndex.keySet());
        for (int i = 0; i < all.size(); i += BATCH) {
            jdbc.sql("""
                            select p.id_number_idx, p.id, p.unit_id, u.path
                            from person p join org_node u on u.id = p.unit_id
                            where p.id_number_idx in (:idx)
                            """)
                    .param("idx", all.subList(i, Math.min(all.size(), i + BATCH)))
                    .query(rs -> {
                        result.put(byIndex.get(rs.getString(1)),
                                new Existing(rs.getLong(2), rs.getLong(3), rs.getString(4)));
                    });
        }
        return result;
    }

    public long countPeople(OrgScope scope) {
        return jdbc.sql("select count(*) from person p where p.service_status = '在职' and "
                        + OrgScope.sqlContains("p.unit_id"))
                .param("scopePath", scope.pathPattern()).query(Long.class).single();
    }

    public long countPartyMembers(OrgScope scope, boolean mobileOnly) {
        return jdbc.sql("select count(*) from party_member m where " + OrgScope.sqlContains("m.branch_id")
                        + (mobileOnly ? " and m.mobile = true" : ""))
                .param("scopePath", scope.pathPattern()).query(Long.class).single();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }

    private static Object[] append(Object[] columns, Standing standing, Timestamp at) {
        Object[] all = Arrays.copyOf(columns, columns.length + 3);
        all[columns.length] = standing.status();
        all[columns.length + 1] = date(standing.leftOn());
        all[columns.length + 2] = at;
        return all;
    }

    private Object[] columns(PersonRow p, Timestamp updatedAt) {
        return new Object[] {p.unitId(), p.name(), p.gender(), date(p.birthDate()),
                cipher.encrypt(p.idNumber(), PersonalFields.PERSON_ID_NUMBER),
                cipher.encrypt(p.phone(), PersonalFields.PERSON_PHONE),
                p.ethnicity(), p.politicalStatus(), p.ftEducation(), p.ftDegree(), p.isEducation(), p.isDegree(),
                p.majorCategory(), p.staffKind(), p.rankLevel(), date(p.rankSince()), p.postLevel(),
                date(p.postSince()), date(p.workStartDate()), date(p.joinedUnitDate()), p.source(),
                date(p.probationEnd()), index.of(p.idNumber()), updatedAt, p.id()};
    }

    private static Date date(LocalDate value) {
        return value == null ? null : Date.valueOf(value);
    }
}
