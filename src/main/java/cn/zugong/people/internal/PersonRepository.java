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

    public List<PersonRow> save(List<PersonRow> rows) {
        List<PersonRow> inserts = new ArrayList<>();
        List<PersonRow> updates = new ArrayList<>();
        List<PersonRow> saved = new ArrayList<>(rows.size());
        for (PersonRow row : rows) {
            if (row.id() == null) {
                PersonRow withId = row.withId(ids.next());
                inserts.add(withId);
                saved.add(withId);
            } else {
                updates.add(row);
                saved.add(row);
            }
        }
        // The platform's clock, not the database's, stamps the rows (tests move it).
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        batch("insert into person (" + COLUMNS + ", updated_at, id, created_at) values (" + PLACEHOLDERS + ", ?, ?)",
                inserts.stream().map(p -> withCreatedAt(columns(p, now), now)).toList());
        batch("update person set " + COLUMNS.replace(",", " = ?,") + " = ?, updated_at = ? where id = ?",
                updates.stream().map(p -> columns(p, now)).toList());
        deleteYearlyFacts(updates);
        insertYearlyFacts(saved);
        return saved;
    }

    private void deleteYearlyFacts(List<PersonRow> updates) {
        List<Object[]> assessments = new ArrayList<>();
        List<Object[]> training = new ArrayList<>();
        for (PersonRow p : updates) {
            p.assessments().keySet().forEach(year -> assessments.add(new Object[] {p.id(), year}));
            p.trainingHours().keySet().forEach(year -> training.add(new Object[] {p.id(), year}));
        }
        batch("delete from person_assessment where person_id = ? and fact_year = ?", assessments);
        batch("delete from person_training where person_id = ? and fact_year = ?", training);
        batch("delete from person_record where person_id = ?", updates.stream().map(p -> new Object[] {p.id()}).toList());
    }

    private void insertYearlyFacts(List<PersonRow> rows) {
        List<Object[]> assessments = new ArrayList<>();
        List<Object[]> training = new ArrayList<>();
        List<Object[]> records = new ArrayList<>();
        for (PersonRow p : rows) {
            p.assessments().forEach((year, result) -> assessments.add(new Object[] {p.id(), year, result}));
            p.trainingHours().forEach((year, hours) -> training.add(new Object[] {p.id(), year, hours}));
            p.rewards().forEach(n -> records.add(new Object[] {p.id(), "REWARD", n.year(), n.description()}));
            p.disciplines().forEach(n -> records.add(new Object[] {p.id(), "DISCIPLINE", n.year(), n.description()}));
        }
        batch("insert into person_assessment (person_id, fact_year, result) values (?, ?, ?)", assessments);
        batch("insert into person_training (person_id, fact_year, hours) values (?, ?, ?)", training);
        batch("insert into person_record (person_id, kind, fact_year, description) values (?, ?, ?, ?)", records);
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
        return jdbc.sql("select count(*) from person p where " + OrgScope.sqlContains("p.unit_id"))
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

    private static Object[] withCreatedAt(Object[] columns, Timestamp at) {
        Object[] all = Arrays.copyOf(columns, columns.length + 1);
        all[columns.length] = at;
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
