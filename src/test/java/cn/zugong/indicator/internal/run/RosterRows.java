package cn.zugong.indicator.internal.run;

import cn.zugong.RosterVersions;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Roster fixtures written with plain JDBC, for engine tests whose expected values are worked out by hand.
 * Every person goes into {@code person} (the current state) AND {@code person_version} (ADR 050: valid from
 * the day they joined the unit, recorded at the epoch), so a fixture holds whether the engine reads the
 * current roster or the roster as of a date. Facts (assessment, training, reward/discipline) keep their
 * temporal columns' defaults (valid since ever, recorded at the epoch).
 */
public final class RosterRows {

    private final JdbcTemplate jdbc;
    private long nextId;

    public RosterRows(JdbcTemplate jdbc, long firstId) {
        this.jdbc = jdbc;
        this.nextId = firstId;
    }

    /** A person with plain defaults (男 unless said, 一级科员, 大学本科, 考录, in the unit since 2015). */
    public Person person(long unitId, String gender, LocalDate birth) {
        return new Person(unitId, gender, birth);
    }

    public void assessment(long personId, int year, String result) {
        jdbc.update("insert into person_assessment (person_id, fact_year, result) values (?, ?, ?)", personId, year,
                result);
    }

    public void training(long personId, int year, double hours) {
        jdbc.update("insert into person_training (person_id, fact_year, hours) values (?, ?, ?)", personId, year,
                hours);
    }

    public void record(long personId, String kind, int year, String description) {
        jdbc.update("insert into person_record (person_id, kind, fact_year, description) values (?, ?, ?, ?)",
                personId, kind, year, description);
    }

    /** One person's row; set what the test is about, then {@link #save()}. */
    public final class Person {
        private final long unitId;
        private final String gender;
        private final LocalDate birth;
        private String rank = "一级科员";
        private LocalDate rankSince = LocalDate.of(2020, 1, 1);
        private String post;
        private LocalDate postSince;
        private LocalDate workStart = LocalDate.of(2010, 8, 1);
        private LocalDate joined = LocalDate.of(2015, 1, 1);
        private String education = "大学本科";
        private String source = "考录";

        private Person(long unitId, String gender, LocalDate birth) {
            this.unitId = unitId;
            this.gender = gender;
            this.birth = birth;
        }

        public Person rank(String level) {
            this.rank = level;
            return this;
        }

        public Person post(String level, LocalDate since) {
            this.post = level;
            this.postSince = since;
            return this;
        }

        public Person workStart(LocalDate date) {
            this.workStart = date;
            return this;
        }

        public Person joined(LocalDate date) {
            this.joined = date;
            return this;
        }

        public Person education(String ftEducation) {
            this.education = ftEducation;
            return this;
        }

        /** Inserts the person into person and person_version; returns the id. */
        public long save() {
            long id = nextId++;
            jdbc.update("""
                            insert into person (id, unit_id, name, gender, birth_date, id_number, ethnicity,
                                political_status, ft_education, ft_degree, major_category, staff_kind, rank_level,
                                rank_since, post_level, post_since, work_start_date, joined_unit_date, source)
                            values (?, ?, ?, ?, ?, ?, '汉族', '中共党员', ?, '学士', '法学类', '公务员', ?, ?, ?, ?, ?, ?, ?)
                            """, id, unitId, "测试" + id, gender, Date.valueOf(birth), "FIXTURE-" + id, education, rank,
                    date(rankSince), post, date(postSince), date(workStart), Date.valueOf(joined), source);
            // the version through the shared fixture helper (ADR 050): valid from the day they joined, recorded
            // at the epoch, in service
            RosterVersions.version(id, unitId).set("gender", gender).set("birth_date", birth)
                    .set("ft_education", education).set("ft_degree", "学士").set("major_category", "法学类")
                    .set("rank_level", rank).set("rank_since", rankSince).set("post_level", post)
                    .set("post_since", postSince).set("work_start_date", workStart).set("joined_unit_date", joined)
                    .set("source", source).valid(joined, RosterVersions.OPEN).insert(JdbcClient.create(jdbc));
            return id;
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
