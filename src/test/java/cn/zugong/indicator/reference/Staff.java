package cn.zugong.indicator.reference;

import cn.zugong.indicator.RetirementLaw;
import cn.zugong.indicator.reference.Roster.Assessment;
import cn.zugong.indicator.reference.Roster.Record;
import cn.zugong.indicator.reference.Roster.State;
import cn.zugong.indicator.reference.Roster.Training;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * One person in service on the as-of date D as the reference sees them: the version valid on D (known at
 * K) and the facts valid on D, with the date arithmetic of DEFINITIONS15 (周岁, whole years since).
 */
record Staff(long id, State s, LocalDate d, List<Assessment> assessments, List<Training> trainings,
             List<Record> records) {

    static final Set<String> COUNTY_OR_ABOVE_POSTS = Set.of("厅局级正职", "厅局级副职", "县处级正职", "县处级副职");
    static final Set<String> COUNTY_OR_ABOVE_RANKS = Set.of("一级巡视员", "二级巡视员", "一级调研员", "二级调研员",
            "三级调研员", "四级调研员");

    /** 周岁 on D: a birthday reached on D counts. */
    int age() {
        return Period.between(s.birthDate(), d).getYears();
    }

    /** Whole years from {@code date} to D; null when the date is not recorded. */
    Integer yearsSince(LocalDate date) {
        return date == null ? null : Period.between(date, d).getYears();
    }

    boolean since(LocalDate date, java.util.function.IntPredicate test) {
        Integer years = yearsSince(date);
        return years != null && test.test(years);
    }

    boolean leader() {
        return s.post() != null;
    }

    boolean woman() {
        return "女".equals(s.gender());
    }

    boolean man() {
        return "男".equals(s.gender());
    }

    boolean post(String... posts) {
        return s.post() != null && List.of(posts).contains(s.post());
    }

    boolean rank(String... ranks) {
        return List.of(ranks).contains(s.rank());
    }

    boolean rankAtLeast(String lowest) {
        int i = cn.zugong.people.RosterVocabulary.RANKS.indexOf(s.rank());
        return i >= 0 && i <= cn.zugong.people.RosterVocabulary.RANKS.indexOf(lowest);
    }

    boolean ftEducation(String... values) {
        return s.ftEducation() != null && List.of(values).contains(s.ftEducation());
    }

    /** 最高学历: full-time or in-service education. */
    boolean highestEducation(String... values) {
        List<String> v = List.of(values);
        return (s.ftEducation() != null && v.contains(s.ftEducation()))
                || (s.isEducation() != null && v.contains(s.isEducation()));
    }

    /** 最高学历 at most {@code level} (the lowest): every recorded education is that level, at least one is. */
    boolean highestAtMost(String level) {
        String ft = s.ftEducation();
        String is = s.isEducation();
        return (ft != null || is != null) && (ft == null || ft.equals(level)) && (is == null || is.equals(level));
    }

    boolean degree(String... values) {
        List<String> v = List.of(values);
        return (s.ftDegree() != null && v.contains(s.ftDegree())) || (s.isDegree() != null && v.contains(s.isDegree()));
    }

    boolean political(String... values) {
        return List.of(values).contains(s.political());
    }

    boolean party() {
        return political("中共党员", "中共预备党员");
    }

    boolean source(String... values) {
        return List.of(values).contains(s.source());
    }

    boolean major(String... values) {
        return s.major() != null && List.of(values).contains(s.major());
    }

    /**
     * Statutory retirement date (DEFINITIONS15 item 7): men and women cadres under the 2025 law's tables,
     * except women 县处级 cadres (by post or by rank), who retire on their 60th birthday.
     */
    LocalDate retirementDate() {
        if (woman() && ((s.post() != null && COUNTY_OR_ABOVE_POSTS.contains(s.post())) || COUNTY_OR_ABOVE_RANKS.contains(s.rank()))) {
            return s.birthDate().plusYears(60);
        }
        return RetirementLaw.retirementDate(s.birthDate(), RetirementLaw.Group.ofCadre(s.gender()));
    }

    /** Reaches the statutory age after D and before D + {@code years} years. */
    boolean retiresWithin(int years) {
        LocalDate r = retirementDate();
        return r.isAfter(d) && r.isBefore(d.plusYears(years));
    }

    /** Reached the statutory age on or before D (and still in service). */
    boolean pastRetirement() {
        return !retirementDate().isAfter(d);
    }

    /** In probation on D: it ends after D. */
    boolean inProbation() {
        return s.probationEnd() != null && s.probationEnd().isAfter(d);
    }

    /** This year's training total (eval year = year of D), null without a row valid on D. */
    java.math.BigDecimal hours() {
        return trainings.stream().filter(t -> t.year() == d.getYear()).map(Training::hours).findFirst().orElse(null);
    }

    boolean hoursAtLeast(int h) {
        return hours() != null && hours().compareTo(java.math.BigDecimal.valueOf(h)) >= 0;
    }

    boolean hoursBelow(int h) {
        return hours() != null && hours().compareTo(java.math.BigDecimal.valueOf(h)) < 0;
    }
}
