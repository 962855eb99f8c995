package cn.zugong.people;

import cn.zugong.shared.OrgScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the 干部任免审批表 (issue 19, appointments) reads of one person: the current state, the 简历 derived from the
 * person's history as known now (one line per stretch in a unit with the same post and rank), the rewards and
 * disciplines and the yearly assessments as of today. No ID number and no phone leave the roster. Callers check
 * nothing else: a person outside the scope is absent; callers audit the read.
 */
@Service
public class AppointmentRoster {

    private static final Timestamp OPEN = Timestamp.valueOf(LocalDateTime.of(9999, 12, 31, 0, 0));

    /** The person as the form shows one; {@code joinedParty} from the party register when the person is a member. */
    public record Profile(long id, String name, String gender, LocalDate birthDate, String ethnicity,
                          String politicalStatus, String ftEducation, String ftDegree, String isEducation,
                          String isDegree, String rankLevel, LocalDate rankSince, String postLevel,
                          LocalDate postSince, LocalDate workStartDate, LocalDate joinedUnitDate, long unitId,
                          String unitName, String unitPath, String serviceStatus, LocalDate joinedParty) {
    }

    /** A stretch of the 简历: from {@code from} to {@code to} (null: up to now) in a unit with a post level and rank. */
    public record Stint(LocalDate from, LocalDate to, String unitName, String postLevel, String rankLevel) {
    }

    /** A reward or discipline of a year. */
    public record Note(int year, boolean reward, String description) {
    }

    /** A year's 年度考核 result. */
    public record Assessment(int year, String result) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AppointmentRoster(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Profile> profile(long personId, OrgScope scope) {
        return jdbc.sql("""
                        select p.*, u.name as unit_name, u.path as unit_path,
                               (select min(m.joined_party_date) from party_member m where m.person_id = p.id) as joined_party
                        from person p join org_node u on u.id = p.unit_id
                        where p.id = :id and u.path like :scopePath
                        """).param("id", personId).param("scopePath", scope.pathPattern())
                .query((rs, i) -> new Profile(rs.getLong("id"), rs.getString("name"), rs.getString("gender"),
                        date(rs, "birth_date"), rs.getString("ethnicity"), rs.getString("political_status"),
                        rs.getString("ft_education"), rs.getString("ft_degree"), rs.getString("is_education"),
                        rs.getString("is_degree"), rs.getString("rank_level"), date(rs, "rank_since"),
                        rs.getString("post_level"), date(rs, "post_since"), date(rs, "work_start_date"),
                        date(rs, "joined_unit_date"), rs.getLong("unit_id"), rs.getString("unit_name"),
                        rs.getString("unit_path"), rs.getString("service_status"), date(rs, "joined_party")))
                .optional();
    }

    /** A person found by name: who and where. */
    public record Found(long id, String name, String unitName, String postLevel, String rankLevel) {
    }

    /** People in service inside the scope whose name contains {@code name}, by name (at most {@code limit}). */
    public List<Found> search(String name, OrgScope scope, int limit) {
        return jdbc.sql("""
                        select p.id, p.name, u.name, p.post_level, p.rank_level from person p join org_node u on u.id = p.unit_id
                        where p.service_status = '在职' and u.path like :scopePath and p.name like :name escape '\\'
                        order by p.name, p.id limit :limit
                        """).param("scopePath", scope.pathPattern())
                .param("name", "%" + cn.zugong.shared.SqlLike.escape(name) + "%").param("limit", limit)
                .query((rs, i) -> new Found(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    /** The 简历, oldest first: the current knowledge's versions, consecutive ones of the same unit/post/rank merged. */
    public List<Stint> resume(long personId) {
        List<Stint> raw = jdbc.sql("""
                        select v.valid_from, v.valid_to, u.name, v.post_level, v.rank_level
                        from person_version v join org_node u on u.id = v.unit_id
                        where v.person_id = :id and v.superseded_at = :open and v.service_status = '在职'
                        order by v.valid_from
                        """).param("id", personId).param("open", OPEN)
                .query((rs, i) -> {
                    LocalDate to = date(rs, "valid_to");
                    return new Stint(date(rs, "valid_from"), to != null && to.getYear() == 9999 ? null : to,
                            rs.getString(3), rs.getString(4), rs.getString(5));
                }).list();
        List<Stint> merged = new ArrayList<>();
        for (Stint s : raw) {
            Stint last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && Objects.equals(last.unitName(), s.unitName())
                    && Objects.equals(last.postLevel(), s.postLevel()) && Objects.equals(last.rankLevel(), s.rankLevel())
                    && Objects.equals(last.to(), s.from())) {
                merged.set(merged.size() - 1, new Stint(last.from(), s.to(), s.unitName(), s.postLevel(), s.rankLevel()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    /** Rewards and disciplines as of today, newest year first. */
    public List<Note> notes(long personId) {
        return jdbc.sql("select kind, fact_year, description from person_record f where person_id = :id and " + NOW
                        + " order by fact_year desc, kind desc")
                .param("id", personId).param("today", LocalDate.now(clock)).param("open", OPEN)
                .query((rs, i) -> new Note(rs.getInt(2), "REWARD".equals(rs.getString(1)), rs.getString(3))).list();
    }

    /** 年度考核 results as of today, newest year first. */
    public List<Assessment> assessments(long personId) {
        return jdbc.sql("select fact_year, result from person_assessment f where person_id = :id and " + NOW
                        + " order by fact_year desc")
                .param("id", personId).param("today", LocalDate.now(clock)).param("open", OPEN)
                .query((rs, i) -> new Assessment(rs.getInt(1), rs.getString(2))).list();
    }

    private static final String NOW = "f.superseded_at = :open and f.valid_from <= :today and f.valid_to > :today";

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
