package cn.zugong.indicator.reference;

import cn.zugong.indicator.reference.Roster.State;
import cn.zugong.indicator.reference.Roster.Unit;
import cn.zugong.indicator.reference.Roster.Version;
import cn.zugong.org.Division;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.org.UnitFacts.Kind;
import cn.zugong.org.UnitFacts.PostQuota;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a generated {@link Roster}: the org tree through the org module's public API, people, their
 * versions and the yearly facts with JDBC into the tables of V3/V60 (the engine reads tables, so the test
 * writes tables).
 * {@code person} holds today's state as known now (the roster pages' table); the engine reads the
 * versions and facts as of the evaluation's date and known-at time (ADR 050).
 */
final class FixtureWriter {

    private final OrgBuilder org;
    private final OrgTree tree;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    FixtureWriter(OrgBuilder org, OrgTree tree, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.org = org;
        this.tree = tree;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The org tree of the city; returns unit and division code → node id. */
    Map<String, Long> writeOrg(Roster roster) {
        List<Division> divisions = new ArrayList<>();
        roster.divisions().forEach(d -> divisions.add(new Division(d.code(), d.name(), d.level(), d.parentCode())));
        List<NewUnit> units = new ArrayList<>();
        int order = 0;
        for (Unit u : roster.units()) {
            List<PostQuota> quotas = new ArrayList<>();
            u.quotas().forEach((kind, levels) -> levels.forEach((level, q) ->
                    quotas.add(new PostQuota(Kind.valueOf(kind), level, q))));
            units.add(new NewUnit(u.parentCode(), u.code(), "参照单位" + u.code(), ++order, u.unitType(), u.tier(),
                    u.headcount(), quotas));
        }
        org.addDivisions(divisions);
        org.addUnits(units);
        Map<String, Long> ids = new HashMap<>();
        roster.divisions().forEach(d -> ids.put(d.code(), tree.byCode(d.code()).orElseThrow().id()));
        roster.units().forEach(u -> ids.put(u.code(), tree.byCode(u.code()).orElseThrow().id()));
        return ids;
    }

    /** The city's people: person with each one's state on {@code now}'s day as known then, every history row. */
    void writePeople(Roster roster, Map<String, Long> ids, LocalDateTime now) {
        tx.executeWithoutResult(s -> {
            long[] range = personRange(roster);
            jdbc.update("delete from person where id between ? and ?", range[0], range[1]);
            Map<Long, List<Version>> byPerson = new HashMap<>();
            roster.versions().forEach(v -> byPerson.computeIfAbsent(v.personId(), x -> new ArrayList<>()).add(v));
            LocalDate on = now.toLocalDate();
            List<Object[]> people = new ArrayList<>();
            byPerson.forEach((id, versions) -> {
                Version v = versions.stream().filter(x -> x.validOn(on) && x.knownAt(now)).findFirst()
                        .orElseGet(() -> versions.stream().filter(x -> x.knownAt(now))
                                .max(Comparator.comparing(Version::validFrom)).orElseThrow());
                boolean inService = v.validOn(on) && "在职".equals(v.state().status());
                long unit = ids.get(v.state().unitCode());
                people.add(personRow(id, unit, v.state(), inService ? "在职" : v.state().status()));
            });
            jdbc.batchUpdate("""
                    insert into person (id, unit_id, name, gender, birth_date, id_number, ethnicity, political_status,
                        ft_education, ft_degree, is_education, is_degree, major_category, staff_kind, rank_level, rank_since,
                        post_level, post_since, work_start_date, joined_unit_date, source, probation_end, service_status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, people);
            jdbc.batchUpdate("""
                    insert into person_version (person_id, valid_from, valid_to, recorded_at, superseded_at, change_kind,
                        recorded_by, service_status, unit_id, gender, birth_date, ethnicity, political_status, ft_education,
                        ft_degree, is_education, is_degree, major_category, staff_kind, rank_level, rank_since, post_level,
                        post_since, work_start_date, joined_unit_date, source, probation_end)
                    values (?, ?, ?, ?, ?, ?, 'reference', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, roster.versions().stream().map(v -> versionRow(v, ids)).toList());
            jdbc.batchUpdate("""
                    insert into person_assessment (person_id, fact_year, result, valid_from, valid_to, recorded_at,
                        superseded_at) values (?, ?, ?, ?, ?, ?, ?)
                    """, roster.assessments().stream()
                    .map(a -> fact(a.personId(), a.year(), a.result(), a.period())).toList());
            jdbc.batchUpdate("""
                    insert into person_training (person_id, fact_year, hours, valid_from, valid_to, recorded_at,
                        superseded_at) values (?, ?, ?, ?, ?, ?, ?)
                    """, roster.trainings().stream()
                    .map(t -> fact(t.personId(), t.year(), t.hours(), t.period())).toList());
            jdbc.batchUpdate("""
                    insert into person_record (person_id, kind, fact_year, description, valid_from, valid_to, recorded_at,
                        superseded_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                    """, roster.records().stream().map(r -> new Object[] {
                            r.personId(), r.kind(), r.year(), r.description(), Date.valueOf(r.period().validFrom()),
                            Date.valueOf(r.period().validTo()), Timestamp.valueOf(r.period().recordedAt()),
                            Timestamp.valueOf(r.period().supersededAt())}).toList());
        });
    }

    private static long[] personRange(Roster roster) {
        long min = roster.versions().stream().mapToLong(Version::personId).min().orElse(0);
        long max = roster.versions().stream().mapToLong(Version::personId).max().orElse(0);
        return new long[] {min, max};
    }

    private static Object[] personRow(long id, long unit, State s, String status) {
        // ID numbers are personal data (ciphertext at rest, ADR 006); the engine never reads them, so a
        // unique placeholder without the blind index is enough here
        return new Object[] {id, unit, "参照" + id, s.gender(), date(s.birthDate()), "ref-" + id, s.ethnicity(),
                s.political(), s.ftEducation(), s.ftDegree(), s.isEducation(), s.isDegree(), s.major(), s.staffKind(),
                s.rank(), date(s.rankSince()), s.post(), date(s.postSince()), date(s.workStart()),
                date(s.joinedUnit()), s.source(), date(s.probationEnd()), status};
    }

    private static Object[] versionRow(Version v, Map<String, Long> ids) {
        State s = v.state();
        return new Object[] {v.personId(), date(v.validFrom()), date(v.validTo()), Timestamp.valueOf(v.recordedAt()),
                Timestamp.valueOf(v.supersededAt()), v.changeKind(), s.status(), ids.get(s.unitCode()), s.gender(),
                date(s.birthDate()), s.ethnicity(), s.political(), s.ftEducation(), s.ftDegree(), s.isEducation(),
                s.isDegree(), s.major(), s.staffKind(), s.rank(), date(s.rankSince()), s.post(), date(s.postSince()),
                date(s.workStart()), date(s.joinedUnit()), s.source(), date(s.probationEnd())};
    }

    private static Object[] fact(long person, int year, Object value, Roster.Period p) {
        return new Object[] {person, year, value, date(p.validFrom()), date(p.validTo()),
                Timestamp.valueOf(p.recordedAt()), Timestamp.valueOf(p.supersededAt())};
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
