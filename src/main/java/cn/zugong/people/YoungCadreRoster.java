package cn.zugong.people;

import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The roster as the 年轻干部 part (issue 19, ADR 078) reads it: a candidate's entry facts, the rule check, the
 * "who qualifies" list evaluated in SQL over the whole roster of a scope, and the yearly assessments for the ranking.
 * Nobody's ID number or phone leaves; callers audit what they show.
 */
@Service
public class YoungCadreRoster {

    /** What an entry rule looks at: age limit (inclusive), lowest education, lowest rank, fewest years of service. */
    public record Criteria(int maxAge, String minEducation, String minRank, int minServiceYears) {
        public Criteria {
            if (!RosterVocabulary.EDUCATIONS.contains(minEducation)) {
                throw new IllegalArgumentException("未知学历：" + minEducation);
            }
            if (!RosterVocabulary.RANKS.contains(minRank)) {
                throw new IllegalArgumentException("未知职级：" + minRank);
            }
        }
    }

    /** A person as the pool shows one. */
    public record Candidate(long id, String name, String gender, LocalDate birthDate, String education, String rankLevel,
                            String postLevel, LocalDate workStartDate, String source, long unitId, String unitName,
                            String unitPath) {
        public int age(LocalDate on) {
            return java.time.Period.between(birthDate, on).getYears();
        }
    }

    private static final String SELECT = """
            select p.id, p.name, p.gender, p.birth_date, p.ft_education, p.is_education, p.rank_level, p.post_level,
                   p.work_start_date, p.source, u.id as unit_id, u.name as unit_name, u.path as unit_path
              from person p join org_node u on u.id = p.unit_id
            """;

    private final JdbcClient jdbc;

    YoungCadreRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person inside the scope (absent otherwise). */
    public Optional<Candidate> candidate(long personId, OrgScope scope) {
        return jdbc.sql(SELECT + " where p.id = :id and u.path like :scopePath").param("id", personId)
                .param("scopePath", scope.pathPattern()).query(YoungCadreRoster::map).optional();
    }

    public List<Candidate> candidates(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where p.id in (:ids)").param("ids", ids).query(YoungCadreRoster::map).list();
    }

    /** The people of the scope whose name contains {@code name} (pickers). */
    public List<Candidate> byName(String name, OrgScope scope, int limit) {
        return jdbc.sql(SELECT + " where p.name like :n and u.path like :scopePath order by p.name, p.id")
                .param("n", "%" + name + "%").param("scopePath", scope.pathPattern()).query(YoungCadreRoster::map)
                .list().stream().limit(limit).toList();
    }

    /** Why the person does not meet the criteria on {@code today}: empty when they do (the same rule as the SQL). */
    public static List<String> failures(Candidate c, Criteria r, LocalDate today) {
        List<String> out = new ArrayList<>();
        if (c.age(today) > r.maxAge()) {
            out.add("年龄" + c.age(today) + "岁，超过" + r.maxAge() + "岁");
        }
        int edu = RosterVocabulary.EDUCATIONS.indexOf(c.education());
        if (edu < 0 || edu > RosterVocabulary.EDUCATIONS.indexOf(r.minEducation())) {
            out.add("学历" + (c.education() == null ? "空缺" : c.education()) + "，低于" + r.minEducation());
        }
        int rank = RosterVocabulary.RANKS.indexOf(c.rankLevel());
        if (rank < 0 || rank > RosterVocabulary.RANKS.indexOf(r.minRank())) {
            out.add("职级" + c.rankLevel() + "，低于" + r.minRank());
        }
        if (c.workStartDate() == null || c.workStartDate().isAfter(today.minusYears(r.minServiceYears()))) {
            out.add("工作年限不足" + r.minServiceYears() + "年");
        }
        return out;
    }

    /**
     * Everyone of the scope meeting the criteria on {@code today}, youngest first, evaluated in one SQL statement
     * (ranks and educations as their positions in {@link RosterVocabulary}); {@code excluded} ids are left out.
     */
    public List<Candidate> qualifying(Criteria r, OrgScope scope, LocalDate today, int limit) {
        String sql = SELECT + " where u.path like :scopePath and p.birth_date > :bornAfter"
                + " and " + position(RosterVocabulary.RANKS, "p.rank_level") + " <= :rank"
                + " and least(" + position(RosterVocabulary.EDUCATIONS, "p.ft_education") + ", "
                + position(RosterVocabulary.EDUCATIONS, "p.is_education") + ") <= :edu"
                + " and p.work_start_date <= :workedSince"
                + " and p.service_status = '在职'"
                + " order by p.birth_date desc, p.id fetch first " + Math.max(1, limit) + " rows only";
        return jdbc.sql(sql).param("scopePath", scope.pathPattern())
                .param("bornAfter", today.minusYears(r.maxAge() + 1L))
                .param("rank", RosterVocabulary.RANKS.indexOf(r.minRank()))
                .param("edu", RosterVocabulary.EDUCATIONS.indexOf(r.minEducation()))
                .param("workedSince", today.minusYears(r.minServiceYears()))
                .query(YoungCadreRoster::map).list();
    }

    /** 年度考核 results of the given people in a year (absent: no result recorded). */
    public Map<Long, String> assessments(Collection<Long> ids, int year) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select person_id, result from person_assessment where fact_year = :y and person_id in (:ids)")
                .param("y", year).param("ids", ids)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    /** A CASE giving a coded value's position in the list (99 when missing or unknown). */
    private static String position(List<String> values, String column) {
        StringBuilder b = new StringBuilder("(case ").append(column);
        for (int i = 0; i < values.size(); i++) {
            b.append(" when '").append(values.get(i)).append("' then ").append(i);
        }
        return b.append(" else 99 end)").toString();
    }

    private static Candidate map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String ft = rs.getString("ft_education");
        String is = rs.getString("is_education");
        int a = ft == null ? 99 : RosterVocabulary.EDUCATIONS.indexOf(ft);
        int b = is == null ? 99 : RosterVocabulary.EDUCATIONS.indexOf(is);
        String best = (a < 0 ? 99 : a) <= (b < 0 ? 99 : b) ? ft : is;
        java.sql.Date work = rs.getDate("work_start_date");
        return new Candidate(rs.getLong("id"), rs.getString("name"), rs.getString("gender"),
                rs.getDate("birth_date").toLocalDate(), best, rs.getString("rank_level"), rs.getString("post_level"),
                work == null ? null : work.toLocalDate(), rs.getString("source"), rs.getLong("unit_id"),
                rs.getString("unit_name"), rs.getString("unit_path"));
    }
}
