package cn.zugong.indicator.reference;

import cn.zugong.indicator.reference.Roster.Assessment;
import cn.zugong.indicator.reference.Roster.Division;
import cn.zugong.indicator.reference.Roster.Period;
import cn.zugong.indicator.reference.Roster.Record;
import cn.zugong.indicator.reference.Roster.State;
import cn.zugong.indicator.reference.Roster.Training;
import cn.zugong.indicator.reference.Roster.Unit;
import cn.zugong.indicator.reference.Roster.Version;
import cn.zugong.people.RosterVocabulary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Small random cities for the differential test, from a seed: a few counties with townships, 市直/县直/乡镇
 * units with 0–40 people each (some empty, some over or under their 编制数 and quotas), every grade and
 * rank, missing data, people past retirement, birthdays and dates equal to the as-of date, and histories
 * (hires, promotions, posts, transfers, departures inside the period) written as ADR 050's sequenced
 * updates, some later corrected (system time). The as-of dates are chosen with the roster: one random,
 * the rest on and just before change dates of the history.
 */
final class RandomRosters {

    /** Nothing is recorded after this (the test clock starts on 2026-12-04). */
    static final LocalDateTime LAST_RECORDED = LocalDateTime.of(2026, 12, 3, 20, 0);
    static final LocalDate LAST_EVENT = LocalDate.of(2026, 11, 30);
    static final List<String> TYPES = List.of("党委部门", "政府部门", "审判检察机关", "群团机关");
    static final List<String> REWARDS = List.of("嘉奖", "记三等功", "记二等功", "优秀公务员");
    static final List<String> DISCIPLINES = List.of("警告", "记过", "记大过", "降级", "撤职", "开除");
    static final List<String> ETHNICITIES = List.of("汉族", "汉族", "汉族", "回族", "畲族");

    /** A generated city and the as-of dates to evaluate it on. */
    record Case(long seed, Roster roster, List<LocalDate> asOfDates) {
    }

    private final Random rnd;
    private final String prefix;
    private final long personBase;
    private final List<Version> versions = new ArrayList<>();
    private final List<Assessment> assessments = new ArrayList<>();
    private final List<Training> trainings = new ArrayList<>();
    private final List<Record> records = new ArrayList<>();
    private final TreeSet<LocalDate> changeDates = new TreeSet<>();
    private LocalDate firstAsOf;

    private RandomRosters(long seed, String prefix, long personBase) {
        this.rnd = new Random(seed);
        this.prefix = prefix;
        this.personBase = personBase;
    }

    static Case generate(long seed, String prefix, long personBase) {
        return new RandomRosters(seed, prefix, personBase).city(seed);
    }

    private Case city(long seed) {
        firstAsOf = date(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 3));
        if (rnd.nextInt(5) == 0) {
            firstAsOf = rnd.nextBoolean() ? LocalDate.of(2025 + rnd.nextInt(2), 12, 31) : LocalDate.of(2026, 1, 1);
        }
        List<Division> divisions = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        String city = prefix;
        divisions.add(new Division(city, "参照市" + prefix, "city", null));
        int cityUnits = 1 + rnd.nextInt(3);
        for (int u = 1; u <= cityUnits; u++) {
            units.add(unit(city + "U" + u, city, "市直"));
        }
        int counties = 1 + rnd.nextInt(2);
        for (int c = 1; c <= counties; c++) {
            String county = city + "C" + c;
            divisions.add(new Division(county, "参照县" + county, "county", city));
            for (int u = 1, n = rnd.nextInt(3); u <= n; u++) {
                units.add(unit(county + "U" + u, county, "县直"));
            }
            for (int t = 1, nt = rnd.nextInt(3); t <= nt; t++) {
                String township = county + "T" + t;
                divisions.add(new Division(township, "参照镇" + township, "township", county));
                for (int u = 1, n = rnd.nextInt(3); u <= n; u++) {
                    units.add(unit(township + "U" + u, township, "乡镇"));
                }
            }
        }
        long id = personBase;
        for (Unit u : units) {
            int people = rnd.nextInt(6) == 0 ? 0 : rnd.nextInt(rnd.nextInt(4) == 0 ? 41 : 12);
            for (int i = 0; i < people; i++) {
                person(id++, u, units);
            }
        }
        List<LocalDate> dates = new ArrayList<>();
        dates.add(firstAsOf);
        List<LocalDate> changes = changeDates.stream().filter(d -> d.isAfter(LocalDate.of(2024, 1, 1))).toList();
        if (!changes.isEmpty()) {
            LocalDate change = changes.get(rnd.nextInt(changes.size()));
            dates.add(change);
            dates.add(change.minusDays(1));
        }
        return new Case(seed, new Roster(city, divisions, units, versions, assessments, trainings, records),
                dates.stream().distinct().toList());
    }

    private Unit unit(String code, String parent, String tier) {
        int headcount = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(30);
        Map<String, Map<String, Integer>> quotas = new LinkedHashMap<>();
        Map<String, Integer> leader = new LinkedHashMap<>();
        Map<String, Integer> rank = new LinkedHashMap<>();
        for (String post : RosterVocabulary.POSTS) {
            if (rnd.nextInt(3) == 0) {
                leader.put(post, rnd.nextInt(4));
            }
        }
        for (String r : ReferenceIndicators.QUOTA_RANKS) {
            if (rnd.nextInt(3) == 0) {
                rank.put(r, rnd.nextInt(6));
            }
        }
        quotas.put("LEADER", leader);
        quotas.put("RANK", rank);
        return new Unit(code, parent, tier, pick(TYPES), headcount, quotas);
    }

    private void person(long id, Unit unit, List<Unit> units) {
        String gender = rnd.nextBoolean() ? "男" : "女";
        LocalDate birth = birth();
        LocalDate workStart = birth.plusYears(18 + rnd.nextInt(10)).plusDays(rnd.nextInt(365));
        if (workStart.isAfter(LAST_EVENT)) {
            workStart = LAST_EVENT.minusDays(rnd.nextInt(200));
        }
        // the history starts on the hire into the first unit (or the import day for long-serving staff)
        LocalDate hire = workStart.isBefore(LocalDate.of(2018, 1, 1))
                ? date(LocalDate.of(2018, 1, 1), LocalDate.of(2024, 6, 30)) : workStart;
        if (rnd.nextInt(8) == 0) {
            hire = date(LocalDate.of(2025, 1, 1), LAST_EVENT);   // a hire inside the period
            workStart = rnd.nextBoolean() ? hire : workStart;
        }
        if (hire.isBefore(workStart)) {
            hire = workStart;
        }
        String source = pick(RosterVocabulary.SOURCES);
        LocalDate joined = rnd.nextInt(5) == 0 ? hire : date(workStart, hire);
        if (rnd.nextInt(12) == 0) {
            joined = edge(firstAsOf);
        }
        String edu = rnd.nextInt(15) == 0 ? null : pick(RosterVocabulary.EDUCATIONS);
        String deg = edu == null ? null : pick(RosterVocabulary.DEGREES);
        int rankIndex = 2 + rnd.nextInt(10);
        if (rnd.nextInt(20) == 0) {
            rankIndex = rnd.nextInt(2);
        }
        LocalDate rankSince = rnd.nextInt(15) == 0 ? null : date(workStart, hire);
        if (rnd.nextInt(12) == 0) {
            rankSince = edge(firstAsOf);
        }
        String post = rnd.nextInt(4) == 0 ? pick(RosterVocabulary.POSTS) : null;
        LocalDate postSince = post == null || rnd.nextInt(10) == 0 ? null : date(workStart, hire);
        LocalDate probation = rnd.nextInt(6) == 0 ? edge(firstAsOf).plusMonths(rnd.nextInt(8)) : null;
        State state = new State(unit.code(), "在职", gender, birth, pick(ETHNICITIES),
                pick(RosterVocabulary.POLITICAL_STATUSES), edu, deg,
                rnd.nextInt(4) == 0 ? pick(RosterVocabulary.EDUCATIONS) : null,
                rnd.nextInt(4) == 0 ? pick(RosterVocabulary.DEGREES) : null,
                rnd.nextInt(12) == 0 ? null : pick(RosterVocabulary.MAJOR_CATEGORIES),
                pick(RosterVocabulary.STAFF_KINDS), RosterVocabulary.RANKS.get(rankIndex), rankSince, post, postSince,
                rnd.nextInt(20) == 0 ? null : workStart, joined, source, probation);
        LocalDateTime recorded = recordedOn(hire, null);
        List<Version> rows = new ArrayList<>();
        rows.add(new Version(id, hire, Roster.OPEN_DATE, recorded, Roster.OPEN_TIME, "HIRE", state));
        changeDates.add(hire);
        LocalDate at = hire;
        for (int e = 0, events = rnd.nextInt(4); e < events; e++) {
            at = date(at.plusDays(1), LAST_EVENT);
            if (!at.isBefore(LAST_EVENT)) {
                break;
            }
            recorded = recordedOn(at, recorded);
            LocalDate on = at;
            int kind = rnd.nextInt(6);
            String change = switch (kind) {
                case 0 -> "PROMOTION";
                case 1 -> "POST";
                case 2 -> "TRANSFER";
                case 3 -> "EDUCATION";
                case 4 -> "POLITICAL";
                default -> rnd.nextBoolean() ? "RETIRE" : (rnd.nextBoolean() ? "LEAVE" : "TRANSFER_OUT");
            };
            UnaryOperator<State> f = switch (kind) {
                case 0 -> s -> s.withRank(RosterVocabulary.RANKS.get(Math.max(0,
                        RosterVocabulary.RANKS.indexOf(s.rank()) - 1)), on);
                case 1 -> s -> rnd.nextInt(4) == 0 ? s.withPost(null, null) : s.withPost(pick(RosterVocabulary.POSTS), on);
                case 2 -> s -> s.withUnit(units.get(rnd.nextInt(units.size())).code(), on);
                case 3 -> s -> s.withInService("研究生", "硕士");
                case 4 -> s -> s.withPolitical("中共党员");
                default -> s -> s.withStatus(change.equals("RETIRE") ? "退休" : change.equals("LEAVE") ? "离职" : "调出");
            };
            sequencedUpdate(rows, on, recorded, change.equals("TRANSFER_OUT") ? "TRANSFER" : change, f);
            changeDates.add(on);
            if (kind == 5) {
                break;
            }
        }
        if (rnd.nextInt(8) == 0 && recorded.isBefore(LAST_RECORDED.minusDays(2))) {
            // a later correction of personal data, effective from the start of the history (system time)
            LocalDateTime fixed = recorded.plusDays(1 + rnd.nextInt(30));
            fixed = fixed.isAfter(LAST_RECORDED) ? LAST_RECORDED : fixed;
            LocalDate birth2 = birth().withDayOfMonth(1);
            String edu2 = pick(RosterVocabulary.EDUCATIONS);
            sequencedUpdate(rows, hire, fixed, "CORRECTION", s -> s.corrected(birth2, edu2));
            recorded = fixed;
        }
        versions.addAll(rows);
        facts(id, hire);
    }

    /**
     * ADR 050's "for portion of [from, ∞)": every current-knowledge row overlapping it is superseded at
     * {@code at}; its part before {@code from} is re-inserted unchanged, its part from {@code from} changed.
     */
    private static void sequencedUpdate(List<Version> rows, LocalDate from, LocalDateTime at, String kind,
                                        UnaryOperator<State> change) {
        List<Version> added = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Version v = rows.get(i);
            if (!v.supersededAt().equals(Roster.OPEN_TIME) || !v.validTo().isAfter(from)) {
                continue;
            }
            rows.set(i, new Version(v.personId(), v.validFrom(), v.validTo(), v.recordedAt(), at, v.changeKind(),
                    v.state()));
            if (v.validFrom().isBefore(from)) {
                added.add(new Version(v.personId(), v.validFrom(), from, at, Roster.OPEN_TIME, v.changeKind(),
                        v.state()));
            }
            LocalDate start = v.validFrom().isBefore(from) ? from : v.validFrom();
            added.add(new Version(v.personId(), start, v.validTo(), at, Roster.OPEN_TIME,
                    start.equals(from) ? kind : v.changeKind(), change.apply(v.state())));
        }
        rows.addAll(added);
    }

    private void facts(long id, LocalDate hire) {
        for (int year = 2020; year <= 2026; year++) {
            if (rnd.nextInt(6) == 0 || year < hire.getYear() - 1) {
                continue;
            }
            LocalDate decided = rnd.nextInt(15) == 0 ? LocalDate.of(year, 12, 20 + rnd.nextInt(12))
                    : LocalDate.of(year + 1, 1, 10).plusDays(rnd.nextInt(80));
            if (decided.isAfter(LAST_EVENT)) {
                continue;
            }
            Period p = period(decided);
            String result = pick(RosterVocabulary.ASSESSMENT_RESULTS);
            if (rnd.nextInt(12) == 0 && p.recordedAt().isBefore(LAST_RECORDED.minusDays(10))) {
                LocalDateTime fixed = p.recordedAt().plusDays(1 + rnd.nextInt(9));
                assessments.add(new Assessment(id, year, result, p.supersededAt(fixed)));
                p = new Period(decided, Roster.OPEN_DATE, fixed, Roster.OPEN_TIME);
                result = pick(RosterVocabulary.ASSESSMENT_RESULTS);
            }
            assessments.add(new Assessment(id, year, result, p));
        }
        for (int year = 2024; year <= 2026; year++) {
            if (rnd.nextInt(5) == 0) {
                continue;
            }
            LocalDate mid = LocalDate.of(year, 6, 1).plusDays(rnd.nextInt(60));
            LocalDate end = LocalDate.of(year, 11, 15).plusDays(rnd.nextInt(45));
            BigDecimal total = hours();
            if (end.isAfter(LAST_EVENT) || rnd.nextBoolean()) {
                trainings.add(new Training(id, year, total, period(mid)));
            } else {
                BigDecimal part = total.divide(BigDecimal.valueOf(2), 1, java.math.RoundingMode.DOWN);
                Period first = period(mid);
                LocalDateTime reached = recordedOn(end, first.recordedAt());
                // the year's total reached on `end` is a sequenced update of the mid-year total
                trainings.add(new Training(id, year, part, first.supersededAt(reached)));
                trainings.add(new Training(id, year, part, new Period(mid, end, reached, Roster.OPEN_TIME)));
                trainings.add(new Training(id, year, total, new Period(end, Roster.OPEN_DATE, reached,
                        Roster.OPEN_TIME)));
            }
        }
        for (int k = 0, n = rnd.nextInt(4); k < n; k++) {
            int year = 2020 + rnd.nextInt(7);
            LocalDate decided = LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(365));
            if (decided.isAfter(LAST_EVENT)) {
                continue;
            }
            boolean reward = rnd.nextInt(3) > 0;
            records.add(new Record(id, reward ? "REWARD" : "DISCIPLINE", year,
                    pick(reward ? REWARDS : DISCIPLINES), period(decided)));
        }
    }

    private BigDecimal hours() {
        int[] edges = {0, 44, 45, 59, 60, 89, 90, 109, 110, 149, 150};
        if (rnd.nextInt(3) == 0) {
            return BigDecimal.valueOf(edges[rnd.nextInt(edges.length)]);
        }
        return BigDecimal.valueOf(rnd.nextInt(2000), 1);
    }

    private Period period(LocalDate from) {
        return new Period(from, Roster.OPEN_DATE, recordedOn(from, null), Roster.OPEN_TIME);
    }

    /** Recorded the same day or a few days later, never before {@code after}, never after LAST_RECORDED. */
    private LocalDateTime recordedOn(LocalDate day, LocalDateTime after) {
        LocalDateTime t = day.atTime(9, 0).plusDays(rnd.nextInt(3)).plusMinutes(rnd.nextInt(600));
        if (t.isAfter(LAST_RECORDED)) {
            t = LAST_RECORDED.minusMinutes(rnd.nextInt(60));
        }
        return after != null && !t.isAfter(after) ? after.plusMinutes(1) : t;
    }

    /** Ages from 20 to 66, a quarter of them exactly on a birthday (or a day either side) of the first date. */
    private LocalDate birth() {
        int years = 20 + rnd.nextInt(47);
        if (rnd.nextInt(4) == 0) {
            return firstAsOf.minusYears(years).plusDays(rnd.nextInt(3) - 1);
        }
        return firstAsOf.minusYears(years).minusDays(rnd.nextInt(365));
    }

    /** A date equal to {@code d} or whole years before it (or a day off). */
    private LocalDate edge(LocalDate d) {
        return d.minusYears(rnd.nextInt(12)).plusDays(rnd.nextInt(3) - 1);
    }

    private LocalDate date(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return from;
        }
        return from.plusDays(rnd.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
    }

    private <T> T pick(List<T> values) {
        return values.get(rnd.nextInt(values.size()));
    }
}
