package cn.zugong.demo.internal;

import cn.zugong.indicator.RetirementLaw;
import cn.zugong.people.ChangeKind;
import cn.zugong.people.PersonHistory;
import cn.zugong.people.PersonHistory.Fact;
import cn.zugong.people.PersonHistory.FactKind;
import cn.zugong.people.PersonHistory.State;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterVocabulary;
import cn.zugong.shared.IdNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A plausible past for the demo's generated roster (ADR 050), so that evaluations inside the demo year see
 * the roster as it was: read from each person's dates — work started (hired), rank and post since (promoted,
 * the rank or post one step lower before), joined the unit after starting work elsewhere (transferred from
 * another unit of the same county). About 2.5% more people, cloned from the generated ones, reached their
 * statutory retirement day during the year before the demo date and retired on it. Assessments are decided
 * in January or February of the next year, rewards and disciplines during their year, and the demo year's
 * training total grows quarter by quarter. Deterministic: each person's randomness comes from the seed and
 * their ID number, so chunking does not change the result.
 */
final class DemoHistory {

    private static final int RETIREE_PER_MILLE = 25;

    private final long seed;
    private final LocalDate asOf;
    private final LocalDate yearStart;
    private final Map<Long, List<Long>> siblings = new HashMap<>();
    private final Map<String, Integer> idCounters = new HashMap<>();

    /** {@code unitIds}: the database id of each unit code; transfers come from units of the same county. */
    DemoHistory(DemoSpec spec, List<DemoUnit> units, Map<String, Long> unitIds) {
        this.seed = spec.seed();
        this.asOf = spec.asOf();
        this.yearStart = asOf.withDayOfYear(1);
        Map<String, List<Long>> byCounty = new HashMap<>();
        for (DemoUnit u : units) {
            String parent = u.unit().parentCode();
            String county = parent.length() >= 6 ? parent.substring(0, 6) : parent;
            Long id = unitIds.get(u.code());
            if (id != null) {
                byCounty.computeIfAbsent(county, k -> new ArrayList<>()).add(id);
            }
        }
        byCounty.values().forEach(ids -> ids.forEach(id -> siblings.put(id, ids)));
    }

    /** The histories of the generated rows, plus the retirees cloned from some of them. */
    List<PersonHistory> of(List<PersonRow> rows) {
        List<PersonHistory> histories = new ArrayList<>(rows.size() + rows.size() / 30);
        for (PersonRow row : rows) {
            SplittableRandom r = random(row.idNumber());
            histories.add(history(row, r));
            if (r.nextInt(1000) < RETIREE_PER_MILLE) {
                PersonRow retiree = retiree(row, r);
                if (retiree != null) {
                    histories.add(retiredHistory(retiree, r));
                }
            }
        }
        return histories;
    }

    private PersonHistory history(PersonRow row, SplittableRandom r) {
        List<State> states = states(row, r);
        return new PersonHistory(row, states, facts(row, states.get(0).from(), asOf, r));
    }

    /** From the start of work: the state before each later change has that field's earlier value. */
    private List<State> states(PersonRow row, SplittableRandom r) {
        LocalDate start = start(row);
        Map<LocalDate, ChangeKind> changes = new HashMap<>();
        PersonRow before = row;
        if (after(row.postSince(), start)) {
            changes.put(row.postSince(), ChangeKind.POST);
            // the post one step lower (none below 乡科级副职), held for a few years before
            before = withPost(before, lower(RosterVocabulary.POSTS, row.postLevel()),
                    max(start, row.postSince().minusYears(2 + r.nextInt(3))));
        }
        if (after(row.rankSince(), start) && lower(RosterVocabulary.RANKS, row.rankLevel()) != null) {
            changes.put(row.rankSince(), ChangeKind.PROMOTION);
            LocalDate earlier = max(start, row.rankSince().minusYears(2 + r.nextInt(3)));
            before = withRank(before, lower(RosterVocabulary.RANKS, row.rankLevel()), earlier);
        }
        if (after(row.joinedUnitDate(), start)) {
            List<Long> others = siblings.getOrDefault(row.unitId(), List.of()).stream()
                    .filter(id -> id != row.unitId()).toList();
            if (!others.isEmpty()) {
                changes.put(row.joinedUnitDate(), ChangeKind.TRANSFER);
                before = withUnit(before, others.get(r.nextInt(others.size())), start);
            }
        }
        List<LocalDate> days = changes.keySet().stream().sorted().toList();
        List<State> states = new ArrayList<>();
        ChangeKind first = start.isBefore(yearStart) ? ChangeKind.DEMO : ChangeKind.HIRE;
        states.add(new State(start, first, first == ChangeKind.HIRE ? "录用" : "演示数据：历史起点", "在职",
                stateOn(row, before, start, days)));
        for (LocalDate day : days) {
            ChangeKind kind = changes.get(day);
            states.add(new State(day, kind, null, "在职", stateOn(row, before, day, days)));
        }
        return states;
    }

    /** The row's state on a day: each changed field takes its current value from its change day on. */
    private static PersonRow stateOn(PersonRow now, PersonRow before, LocalDate day, List<LocalDate> days) {
        PersonRow s = before;
        if (reached(now.postSince(), day, days)) {
            s = withPost(s, now.postLevel(), now.postSince());
        }
        if (reached(now.rankSince(), day, days)) {
            s = withRank(s, now.rankLevel(), now.rankSince());
        }
        if (reached(now.joinedUnitDate(), day, days)) {
            s = withUnit(s, now.unitId(), now.joinedUnitDate());
        }
        return s;
    }

    private static boolean reached(LocalDate change, LocalDate day, List<LocalDate> days) {
        return change != null && days.contains(change) && !day.isBefore(change);
    }

    /** Assessments decided in Jan–Feb of the next year, records during their year, training growing quarterly. */
    private List<Fact> facts(PersonRow row, LocalDate start, LocalDate end, SplittableRandom r) {
        List<Fact> facts = new ArrayList<>();
        row.assessments().forEach((year, result) -> facts.add(new Fact(FactKind.ASSESSMENT, year, result,
                max(start, LocalDate.of(year + 1, 1, 10).plusDays(r.nextInt(50))))));
        row.rewards().forEach(n -> facts.add(new Fact(FactKind.REWARD, n.year(), n.description(),
                max(start, LocalDate.of(n.year(), 3, 1).plusDays(r.nextInt(280))))));
        row.disciplines().forEach(n -> facts.add(new Fact(FactKind.DISCIPLINE, n.year(), n.description(),
                max(start, LocalDate.of(n.year(), 3, 1).plusDays(r.nextInt(280))))));
        row.trainingHours().forEach((year, hours) -> facts.addAll(training(year, hours, start, end)));
        return facts;
    }

    /** The year's total: past years from their last day; the demo year in quarters up to {@code end}. */
    private List<Fact> training(int year, BigDecimal hours, LocalDate start, LocalDate end) {
        if (year < asOf.getYear()) {
            return List.of(new Fact(FactKind.TRAINING, year, hours.toPlainString(),
                    max(start, LocalDate.of(year, 12, 31))));
        }
        List<Fact> facts = new ArrayList<>();
        LocalDate from = max(start, yearStart);
        double span = Math.max(1, ChronoUnit.DAYS.between(from, end));
        for (int month : new int[] {4, 7, 10}) {
            LocalDate day = LocalDate.of(year, month, 1);
            if (day.isAfter(from) && day.isBefore(end)) {
                double part = hours.doubleValue() * ChronoUnit.DAYS.between(from, day) / span;
                facts.add(new Fact(FactKind.TRAINING, year, half(part), day));
            }
        }
        facts.add(new Fact(FactKind.TRAINING, year, hours.toPlainString(), max(from, end)));
        return facts;
    }

    /**
     * A clone of {@code row} born so that their statutory retirement day falls in the demo year before the
     * demo date; a woman keeps no 县处级 post (her rule differs, ADR 052). Null when no such birth exists.
     */
    private PersonRow retiree(PersonRow row, SplittableRandom r) {
        long days = ChronoUnit.DAYS.between(yearStart, asOf);
        LocalDate target = yearStart.plusDays(r.nextLong(Math.max(1, days)));
        RetirementLaw.Group group = RetirementLaw.Group.ofCadre(row.gender());
        for (int months = 600; months <= 760; months++) {
            LocalDate birth = target.minusMonths(months);
            if (RetirementLaw.retirementAgeMonths(birth, group) == months) {
                LocalDate leaves = RetirementLaw.retirementDate(birth, group);
                if (leaves.isBefore(yearStart) || !leaves.isBefore(asOf)) {
                    return null;
                }
                LocalDate workStart = birth.plusYears(21 + r.nextInt(4));
                LocalDate joined = workStart.plusYears(r.nextInt(20));
                String post = "女".equals(row.gender()) && row.postLevel() != null && row.postLevel().startsWith("县处级")
                        ? null : row.postLevel();
                LocalDate rankSince = yearStart.minusYears(1 + r.nextInt(8));
                return new PersonRow(null, row.unitId(), row.name(), row.gender(), birth,
                        idNumber(row.idNumber().substring(0, 6), birth, "男".equals(row.gender())), row.phone(),
                        row.ethnicity(), row.politicalStatus(), row.ftEducation(), row.ftDegree(), row.isEducation(),
                        row.isDegree(), row.majorCategory(), row.staffKind(), row.rankLevel(), rankSince, post,
                        post == null ? null : max(joined, rankSince), workStart, joined, row.source(), null,
                        row.assessments(), row.trainingHours(), row.rewards(), row.disciplines());
            }
        }
        return null;
    }

    private PersonHistory retiredHistory(PersonRow retiree, SplittableRandom r) {
        LocalDate leaves = RetirementLaw.retirementDate(retiree.birthDate(),
                RetirementLaw.Group.ofCadre(retiree.gender()));
        LocalDate start = start(retiree);
        List<State> states = List.of(new State(start, ChangeKind.DEMO, "演示数据：历史起点", "在职", retiree),
                new State(leaves, ChangeKind.RETIRE, "达到法定退休年龄", "退休", retiree));
        return new PersonHistory(retiree, states, facts(retiree, start, leaves, r));
    }

    /** A valid ID number far from the generator's sequence numbers (they count up from 1). */
    private String idNumber(String region6, LocalDate birth, boolean male) {
        int n = idCounters.merge(region6 + birth + male, 1, Integer::sum) - 1;
        int sequence = 2 * (480 + n % 19) + (male ? 1 : 2);
        return IdNumbers.of(region6, birth, sequence);
    }

    private LocalDate start(PersonRow row) {
        LocalDate start = row.workStartDate() != null ? row.workStartDate() : row.joinedUnitDate();
        return start.isAfter(asOf) ? asOf : start;
    }

    private SplittableRandom random(String idNumber) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + idNumber.hashCode() * 0xBF58476D1CE4E5B9L);
    }

    private static boolean after(LocalDate change, LocalDate start) {
        return change != null && change.isAfter(start);
    }

    private static String lower(List<String> highestFirst, String value) {
        int i = value == null ? -1 : highestFirst.indexOf(value);
        return i < 0 || i + 1 >= highestFirst.size() ? null : highestFirst.get(i + 1);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String half(double hours) {
        return BigDecimal.valueOf(Math.round(hours * 2) / 2.0).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static PersonRow withPost(PersonRow p, String post, LocalDate since) {
        return new PersonRow(p.id(), p.unitId(), p.name(), p.gender(), p.birthDate(), p.idNumber(), p.phone(),
                p.ethnicity(), p.politicalStatus(), p.ftEducation(), p.ftDegree(), p.isEducation(), p.isDegree(),
                p.majorCategory(), p.staffKind(), p.rankLevel(), p.rankSince(), post, post == null ? null : since,
                p.workStartDate(), p.joinedUnitDate(), p.source(), p.probationEnd(), p.assessments(),
                p.trainingHours(), p.rewards(), p.disciplines());
    }

    private static PersonRow withRank(PersonRow p, String rank, LocalDate since) {
        return new PersonRow(p.id(), p.unitId(), p.name(), p.gender(), p.birthDate(), p.idNumber(), p.phone(),
                p.ethnicity(), p.politicalStatus(), p.ftEducation(), p.ftDegree(), p.isEducation(), p.isDegree(),
                p.majorCategory(), p.staffKind(), rank, since, p.postLevel(), p.postSince(), p.workStartDate(),
                p.joinedUnitDate(), p.source(), p.probationEnd(), p.assessments(), p.trainingHours(), p.rewards(),
                p.disciplines());
    }

    private static PersonRow withUnit(PersonRow p, long unitId, LocalDate joined) {
        return new PersonRow(p.id(), unitId, p.name(), p.gender(), p.birthDate(), p.idNumber(), p.phone(),
                p.ethnicity(), p.politicalStatus(), p.ftEducation(), p.ftDegree(), p.isEducation(), p.isDegree(),
                p.majorCategory(), p.staffKind(), p.rankLevel(), p.rankSince(), p.postLevel(), p.postSince(),
                p.workStartDate(), joined, p.source(), p.probationEnd(), p.assessments(), p.trainingHours(),
                p.rewards(), p.disciplines());
    }
}
