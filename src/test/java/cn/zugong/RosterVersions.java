package cn.zugong;

import cn.zugong.org.Division;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.IdNumbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test fixtures for roster history (ADR 050). The engine reads person_version, not person: a fixture built
 * through the roster's write path (or inserted into person) gets one version per person here — valid from the
 * day the person joined the unit, recorded at the epoch, in service — so tests written before the history keep
 * their meaning. People who already have a version (a write path that records history) are left alone.
 */
public final class RosterVersions {

    private RosterVersions() {
    }

    /** Gives every person without a version one: their current row, valid from joined_unit_date. */
    public static int backfill(JdbcClient jdbc) {
        return jdbc.sql("""
                insert into person_version (person_id, valid_from, recorded_at, change_kind, change_note, recorded_by,
                        service_status, unit_id, gender, birth_date, ethnicity, political_status, ft_education,
                        ft_degree, is_education, is_degree, major_category, staff_kind, rank_level, rank_since,
                        post_level, post_since, work_start_date, joined_unit_date, source, probation_end)
                select p.id, p.joined_unit_date, timestamp '1970-01-01 00:00:00', 'IMPORT', '测试夹具', 'test',
                       p.service_status, p.unit_id, p.gender, p.birth_date, p.ethnicity, p.political_status,
                       p.ft_education, p.ft_degree, p.is_education, p.is_degree, p.major_category, p.staff_kind,
                       p.rank_level, p.rank_since, p.post_level, p.post_since, p.work_start_date, p.joined_unit_date,
                       p.source, p.probation_end
                from person p
                where not exists (select 1 from person_version v where v.person_id = p.id)
                """).update();
    }

    /** The open end of application time (valid_to) and system time (superseded_at). */
    public static final LocalDate OPEN = LocalDate.of(9999, 12, 31);
    public static final LocalDateTime OPEN_AT = OPEN.atStartOfDay();
    public static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    /**
     * A person row (the versions' foreign-key parent) with no history of its own: saved through the roster's
     * write path, then any version it wrote removed, so the test's own versions are all there is.
     */
    public static long person(RosterWriter roster, JdbcClient jdbc, long unitId, String name, String gender,
                              LocalDate birth, int sequence) {
        PersonRow row = new PersonRow(null, unitId, name, gender, birth,
                IdNumbers.of("110101", birth, sequence * 2 + (gender.equals("男") ? 1 : 0)), null, "汉族", "中共党员",
                "大学本科", "学士", null, null, "法学类", "公务员", "一级科员", null, null, null, null,
                LocalDate.of(2000, 1, 1), "考录", null, Map.of(), Map.of(), List.of(), List.of());
        long id = roster.save(List.of(row)).get(0).id();
        jdbc.sql("delete from person_version where person_id = :id").param("id", id).update();
        return id;
    }

    /** A version row with plain defaults (in service, recorded at the epoch, valid since ever, open ends). */
    public static Version version(long personId, long unitId) {
        return new Version(personId, unitId);
    }

    public static final class Version {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Version(long personId, long unitId) {
            values.put("person_id", personId);
            values.put("valid_from", LocalDate.of(1900, 1, 1));
            values.put("valid_to", OPEN);
            values.put("recorded_at", EPOCH);
            values.put("superseded_at", OPEN_AT);
            values.put("change_kind", "IMPORT");
            values.put("recorded_by", "test");
            values.put("service_status", "在职");
            values.put("unit_id", unitId);
            values.put("gender", "男");
            values.put("birth_date", LocalDate.of(1980, 1, 1));
            values.put("ethnicity", "汉族");
            values.put("political_status", "中共党员");
            values.put("ft_education", "大学本科");
            values.put("staff_kind", "公务员");
            values.put("rank_level", "一级科员");
            values.put("joined_unit_date", LocalDate.of(2000, 1, 1));
            values.put("source", "考录");
        }

        public Version set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        /** Application time [from, to). */
        public Version valid(LocalDate from, LocalDate to) {
            return set("valid_from", from).set("valid_to", to);
        }

        /** System time [recorded, superseded). */
        public Version known(LocalDateTime recorded, LocalDateTime superseded) {
            return set("recorded_at", recorded).set("superseded_at", superseded);
        }

        public Version kind(String changeKind, String note) {
            return set("change_kind", changeKind).set("change_note", note);
        }

        public void insert(JdbcClient jdbc) {
            var statement = jdbc.sql("insert into person_version (" + String.join(", ", values.keySet()) + ") values (:"
                    + String.join(", :", values.keySet()) + ")");
            for (var e : values.entrySet()) {
                statement = statement.param(e.getKey(), e.getValue());
            }
            statement.update();
        }
    }

    /**
     * A yearly fact row ({@code table}: person_assessment with {@code column} result, person_training with hours,
     * not person_record, whose rows also need a kind) with its application and system time.
     */
    public static void fact(JdbcClient jdbc, String table, long personId, int year, String column, Object value,
                            LocalDate validFrom, LocalDate validTo, LocalDateTime recorded, LocalDateTime superseded) {
        jdbc.sql("insert into " + table + " (person_id, fact_year, " + column
                        + ", valid_from, valid_to, recorded_at, superseded_at) values (:p, :y, :v, :vf, :vt, :r, :s)")
                .param("p", personId).param("y", year).param("v", value).param("vf", validFrom).param("vt", validTo)
                .param("r", recorded).param("s", superseded).update();
    }

    /**
     * A township of 定海区 ({@code code}) with two 县直 units, {@code name}甲局 ({@code code}A) and {@code name}乙局
     * ({@code code}B), holding {@link #sampleHistory}; false when an earlier test of the context made it.
     */
    public static boolean sampleTownship(String code, String name, OrgBuilder org, OrgTree tree, RosterWriter roster,
                                         JdbcClient jdbc) {
        if (tree.byCode(code).isPresent()) {
            return false;
        }
        org.addDivisions(List.of(new Division(code, name + "街道", "township", "330902")));
        org.addUnits(List.of(new NewUnit(code, code + "A", name + "甲局", 1, "政府部门", "县直", 10, List.of()),
                new NewUnit(code, code + "B", name + "乙局", 2, "政府部门", "县直", 10, List.of())));
        sampleHistory(tree.byCode(code + "A").orElseThrow().id(), tree.byCode(code + "B").orElseThrow().id(), roster,
                jdbc);
        return true;
    }

    /**
     * A hand-written history in two units A and B (shared by the as-of engine test and the HTTP test of 与上次相比):
     * 升一 (A) promoted 一级主任科员 → 四级调研员 from 2026-06-15 (recorded 06-20), 2026 training 20 h from 03-31
     * then 60 h from 09-30; 调二 (born 1990-06-01) transferred A → B from 2026-08-01; 新三 (born 2001) hired into B
     * on 2026-07-01; 退四 (A) retired from 2026-09-01; 正五 (A) corrected 一级科员 → 四级主任科员 (recorded 06-10).
     */
    public static void sampleHistory(long a, long b, RosterWriter roster, JdbcClient jdbc) {
        LocalDateTime promoted = LocalDateTime.of(2026, 6, 20, 9, 0);
        long p1 = RosterVersions.person(roster, jdbc, a, "升一", "男", LocalDate.of(1980, 3, 1), 501);
        // the promotion as a sequenced update: the open version superseded, its part before 06-15 re-recorded
        RosterVersions.version(p1, a).set("birth_date", LocalDate.of(1980, 3, 1)).set("rank_level", "一级主任科员")
                .valid(LocalDate.of(2010, 1, 1), OPEN).known(EPOCH, promoted).insert(jdbc);
        RosterVersions.version(p1, a).set("birth_date", LocalDate.of(1980, 3, 1)).set("rank_level", "一级主任科员")
                .valid(LocalDate.of(2010, 1, 1), LocalDate.of(2026, 6, 15)).known(promoted, OPEN_AT).insert(jdbc);
        RosterVersions.version(p1, a).set("birth_date", LocalDate.of(1980, 3, 1)).set("rank_level", "四级调研员")
                .set("rank_since", LocalDate.of(2026, 6, 15)).kind("PROMOTION", "晋升四级调研员")
                .valid(LocalDate.of(2026, 6, 15), OPEN).known(promoted, OPEN_AT).insert(jdbc);
        LocalDateTime april = LocalDateTime.of(2026, 4, 1, 9, 0);
        LocalDateTime october = LocalDateTime.of(2026, 10, 1, 9, 0);
        RosterVersions.fact(jdbc, "person_training", p1, 2026, "hours", new BigDecimal("20"), LocalDate.of(2026, 3, 31),
                OPEN, april, october);
        RosterVersions.fact(jdbc, "person_training", p1, 2026, "hours", new BigDecimal("20"), LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 9, 30), october, OPEN_AT);
        RosterVersions.fact(jdbc, "person_training", p1, 2026, "hours", new BigDecimal("60"), LocalDate.of(2026, 9, 30),
                OPEN, october, OPEN_AT);

        LocalDateTime transferred = LocalDateTime.of(2026, 8, 1, 9, 0);
        long p2 = RosterVersions.person(roster, jdbc, a, "调二", "女", LocalDate.of(1990, 6, 1), 502);
        RosterVersions.version(p2, a).set("gender", "女").set("birth_date", LocalDate.of(1990, 6, 1))
                .valid(LocalDate.of(2015, 1, 1), OPEN).known(EPOCH, transferred).insert(jdbc);
        RosterVersions.version(p2, a).set("gender", "女").set("birth_date", LocalDate.of(1990, 6, 1))
                .valid(LocalDate.of(2015, 1, 1), LocalDate.of(2026, 8, 1)).known(transferred, OPEN_AT).insert(jdbc);
        RosterVersions.version(p2, b).set("gender", "女").set("birth_date", LocalDate.of(1990, 6, 1))
                .set("joined_unit_date", LocalDate.of(2026, 8, 1)).kind("TRANSFER", "调入乙局")
                .valid(LocalDate.of(2026, 8, 1), OPEN).known(transferred, OPEN_AT).insert(jdbc);

        long p3 = RosterVersions.person(roster, jdbc, b, "新三", "男", LocalDate.of(2001, 3, 1), 503);
        RosterVersions.version(p3, b).set("birth_date", LocalDate.of(2001, 3, 1)).kind("HIRE", "考录")
                .set("joined_unit_date", LocalDate.of(2026, 7, 1)).valid(LocalDate.of(2026, 7, 1), OPEN)
                .known(LocalDateTime.of(2026, 7, 1, 9, 0), OPEN_AT).insert(jdbc);

        LocalDateTime retired = LocalDateTime.of(2026, 9, 1, 9, 0);
        long p4 = RosterVersions.person(roster, jdbc, a, "退四", "男", LocalDate.of(1964, 8, 1), 504);
        RosterVersions.version(p4, a).set("birth_date", LocalDate.of(1964, 8, 1))
                .valid(LocalDate.of(2000, 1, 1), OPEN).known(EPOCH, retired).insert(jdbc);
        RosterVersions.version(p4, a).set("birth_date", LocalDate.of(1964, 8, 1))
                .valid(LocalDate.of(2000, 1, 1), LocalDate.of(2026, 9, 1)).known(retired, OPEN_AT).insert(jdbc);
        RosterVersions.version(p4, a).set("birth_date", LocalDate.of(1964, 8, 1)).set("service_status", "退休")
                .kind("RETIRE", null).valid(LocalDate.of(2026, 9, 1), OPEN).known(retired, OPEN_AT).insert(jdbc);

        LocalDateTime corrected = LocalDateTime.of(2026, 6, 10, 9, 0);
        long p5 = RosterVersions.person(roster, jdbc, a, "正五", "男", LocalDate.of(1985, 1, 1), 505);
        RosterVersions.version(p5, a).set("birth_date", LocalDate.of(1985, 1, 1))
                .valid(LocalDate.of(2012, 1, 1), OPEN).known(EPOCH, corrected).insert(jdbc);
        RosterVersions.version(p5, a).set("birth_date", LocalDate.of(1985, 1, 1)).set("rank_level", "四级主任科员")
                .kind("CORRECTION", "职级录错").valid(LocalDate.of(2012, 1, 1), OPEN).known(corrected, OPEN_AT)
                .insert(jdbc);
    }
}
