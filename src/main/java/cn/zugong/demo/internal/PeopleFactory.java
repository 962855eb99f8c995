package cn.zugong.demo.internal;

import static cn.zugong.demo.internal.Identities.weighted;
import static cn.zugong.demo.internal.UnitProfile.between;

import cn.zugong.indicator.RetirementLaw;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterVocabulary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The people of one unit, drawn from the unit's quotas and profile; every date is computed from {@code asOf}.
 * Order: who they are (age, education, start of work), who holds the 领导职务 (within the 领导职数, ages that fit
 * the post, a woman in every team of three or more), a few kept in service past their retirement date, the 职级
 * ({@link RankLadder}), since when they are in the unit and post, and the yearly facts ({@link YearFacts}).
 */
final class PeopleFactory {

    private static final List<String> MAJORS = RosterVocabulary.MAJOR_CATEGORIES;
    private static final double[] MAJOR_WEIGHTS = {21, 15, 13, 13, 12, 6, 4, 3, 5, 8};
    private static final List<String> MINORITIES = List.of("畲族", "回族", "满族", "土家族", "苗族", "壮族", "蒙古族");
    /** Age bands from 35 up and their weights in an ordinary unit and in a troubled (aged) one. */
    private static final double[] BANDS = {35, 40, 45, 50, 55, 63};
    private static final double[] ORDINARY = {20, 20, 22, 23, 15};
    private static final double[] AGED = {6, 10, 18, 32, 34};

    private final Identities identities;
    private final LocalDate asOf;
    private final RankLadder ranks;
    private final YearFacts yearFacts;

    PeopleFactory(Identities identities, LocalDate asOf) {
        this.identities = identities;
        this.asOf = asOf;
        this.ranks = new RankLadder(asOf);
        this.yearFacts = new YearFacts(asOf.getYear());
    }

    List<PersonRow> people(DemoUnit unit, long unitId, SplittableRandom r) {
        UnitProfile p = unit.profile();
        List<Draft> drafts = new ArrayList<>(unit.headcount());
        for (int i = 0; i < unit.headcount(); i++) {
            drafts.add(basics(p, r));
        }
        new Leaders(asOf).assign(unit, drafts, r);
        pastRetirement(p, drafts, r);
        ranks.assign(unit, drafts, r);
        for (Draft d : drafts) {
            d.joined = joinedUnit(p, d, r);
            d.postSince = d.leader() ? postSince(d, r) : null;
        }
        yearFacts.draw(p, drafts, r);
        List<PersonRow> rows = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            rows.add(finish(unit, unitId, d, r));
        }
        return rows;
    }

    private Draft basics(UnitProfile p, SplittableRandom r) {
        Draft d = new Draft();
        d.male = r.nextDouble() < p.maleShare();
        d.recruit = !p.troubled() && r.nextDouble() < 0.035;
        boolean young = d.recruit || r.nextDouble() < p.youngShare();
        d.age = d.recruit ? between(r, 22.6, 29) : young ? between(r, 23.6, 35) : olderAge(p, r);
        d.birth = birth(d.age);
        keepBeforeRetirement(d, r);
        d.education = education(p, d, r);
        if (d.recruit) {
            d.workStart = asOf.minusDays(30 + r.nextInt(330));
        } else {
            double base = switch (d.education) {
                case "研究生" -> between(r, 24.5, 27.5);
                case "大学本科" -> r.nextDouble() < 0.15 ? between(r, 24.5, 30) : between(r, 22, 24.5);
                default -> r.nextDouble() < 0.15 ? between(r, 23.5, 28) : between(r, 21, 23.5);
            };
            // at least a year in service (newer people are the recruits above), not all on the same day
            double startAge = Math.max(21.05, Math.min(base, d.age - between(r, 1.05, 2.5)));
            d.workStart = d.birth.plusDays(Math.round(startAge * 365.25));
        }
        d.years = (asOf.toEpochDay() - d.workStart.toEpochDay()) / 365.25;
        d.source = source(d, r);
        return d;
    }

    private static double olderAge(UnitProfile p, SplittableRandom r) {
        double[] weights = p.troubled() ? AGED : ORDINARY;
        int band = Identities.weighted(r, List.of(0, 1, 2, 3, 4), weights);
        return between(r, BANDS[band], BANDS[band + 1]);
    }

    private LocalDate birth(double age) {
        return asOf.minusDays(Math.round(age * 365.25));
    }

    /** Someone drawn past the statutory retirement date is made younger: people normally retire on time. */
    private void keepBeforeRetirement(Draft d, SplittableRandom r) {
        RetirementLaw.Group group = d.male ? RetirementLaw.Group.MAN : RetirementLaw.Group.WOMAN_CADRE;
        for (int i = 0; i < 3 && !RetirementLaw.retirementDate(d.birth, group).isAfter(asOf.plusDays(15)); i++) {
            double retirementAge = RetirementLaw.retirementAgeMonths(d.birth, group) / 12.0;
            d.age = retirementAge - between(r, 0.1, 7);
            d.birth = birth(d.age);
        }
    }

    /**
     * About one person in three hundred is still in service past the retirement date (a retirement not yet
     * processed, or kept on for a case); troubled units have two or three.
     */
    private void pastRetirement(UnitProfile p, List<Draft> drafts, SplittableRandom r) {
        int count = p.troubled() ? 2 + r.nextInt(2) : r.nextDouble() < 0.1 ? 1 : 0;
        for (Draft d : drafts) {
            if (count == 0) {
                return;
            }
            if (!d.leader() && d.age >= 50 && d.years > 20) {
                RetirementLaw.Group group = d.male ? RetirementLaw.Group.MAN : RetirementLaw.Group.WOMAN_CADRE;
                for (int i = 0; i < 3; i++) {
                    d.age = RetirementLaw.retirementAgeMonths(d.birth, group) / 12.0 + between(r, 0.1, 0.9);
                    d.birth = birth(d.age);
                }
                d.years = (asOf.toEpochDay() - d.workStart.toEpochDay()) / 365.25;
                count--;
            }
        }
    }

    private static String education(UnitProfile p, Draft d, SplittableRandom r) {
        double age = d.age;
        double postgrad = d.recruit ? 0.3 : age < 25.5 ? 0 : age < 36 ? p.postgradShare() * 1.7
                : age < 46 ? p.postgradShare() * 1.3 : p.postgradShare() * 0.4;
        if (r.nextDouble() < postgrad * (d.male ? 0.85 : 1.2)) {
            return "研究生";
        }
        List<String> rest = RosterVocabulary.EDUCATIONS.subList(1, 5);
        if (age < 36) {
            return weighted(r, rest, 96, 4, 0, 0);
        }
        return age < 46 ? weighted(r, rest, 86, 12, 2, 0) : weighted(r, rest, 68, 27, 4, 1);
    }

    private static String source(Draft d, SplittableRandom r) {
        if (d.recruit) {
            return r.nextDouble() < 0.8 ? "考录" : "选调生";
        }
        String s = weighted(r, RosterVocabulary.SOURCES, 62, d.age <= 45 ? 15 : 0, 8, 8, d.male ? 16 : 2);
        if (s.equals("选调生") && (d.age > 45 || !(d.education.equals("研究生") || d.education.equals("大学本科")))) {
            return "考录";
        }
        return s;
    }

    /** Since when in the unit: most moved within the last ten years, long stays are few (many in troubled units). */
    private LocalDate joinedUnit(UnitProfile p, Draft d, SplittableRandom r) {
        if (d.recruit) {
            return d.workStart;
        }
        double tenure;
        if (r.nextDouble() < p.staleShare()) {
            tenure = between(r, 10, 25);
        } else {
            double v = r.nextDouble();
            tenure = v < 0.08 ? between(r, 0.1, 1) : v < 0.25 ? between(r, 1, 3) : v < 0.52 ? between(r, 3, 5)
                    : v < 0.84 ? between(r, 5, 10) : v < 0.96 ? between(r, 10, 15) : between(r, 15, 20);
        }
        return max(d.workStart, asOf.minusDays(Math.round(tenure * 365.25)));
    }

    /** Time in the present post: mostly under five years (posts rotate), never before joining the unit. */
    private LocalDate postSince(Draft d, SplittableRandom r) {
        double v = r.nextDouble();
        double tenure = v < 0.15 ? between(r, 0.1, 1) : v < 0.55 ? between(r, 1, 3) : v < 0.9 ? between(r, 3, 5)
                : v < 0.98 ? between(r, 5, 8) : between(r, 8, 11);
        tenure = Math.min(tenure, Math.max(0.1, d.years - 5));
        return max(d.joined, asOf.minusDays(Math.max(20, Math.round(tenure * 365.25))));
    }

    private PersonRow finish(DemoUnit unit, long unitId, Draft d, SplittableRandom r) {
        String region = unit.regions().get(r.nextInt(unit.regions().size()));
        String[] education = education(d, r);
        boolean mass = unit.unit().unitType().equals(UnitCatalogue.MASS)
                || unit.unit().unitType().equals(UnitCatalogue.CONGRESS);
        return new PersonRow(null, unitId, identities.name(r, d.male), d.male ? "男" : "女", d.birth,
                identities.idNumber(region, d.birth, d.male), identities.phone(r), ethnicity(r), political(d, r),
                d.education, education[0], education[1], education[2], major(unit.major(), r),
                r.nextDouble() < (mass ? 0.4 : 0.1) ? "参公人员" : "公务员", RankLadder.RANKS.get(d.rank), d.rankSince,
                d.post, d.postSince, d.workStart, d.joined, d.source, d.recruit ? d.workStart.plusYears(1) : null,
                d.assessments, Map.of(asOf.getYear(), YearFacts.trainingHours(unit.profile(), d, r)),
                List.copyOf(d.rewards), List.copyOf(d.disciplines));
    }

    /** Full-time degree, in-service education and in-service degree. */
    private static String[] education(Draft d, SplittableRandom r) {
        double v = r.nextDouble();
        return switch (d.education) {
            case "研究生" -> new String[] {v < 0.06 ? "博士" : "硕士", null, null};
            case "大学本科" -> v < (d.age >= 30 ? 0.16 : 0.03) ? new String[] {"学士", "研究生", "硕士"}
                    : new String[] {v < 0.97 ? "学士" : "无", null, null};
            case "大学专科" -> v < 0.45 ? new String[] {"无", "大学本科", v < 0.25 ? "学士" : "无"}
                    : new String[] {"无", null, null};
            default -> v < 0.5 ? new String[] {"无", v < 0.2 ? "大学本科" : "大学专科", "无"}
                    : new String[] {"无", null, null};
        };
    }

    private static String ethnicity(SplittableRandom r) {
        return r.nextDouble() < 0.98 ? "汉族" : MINORITIES.get(r.nextInt(MINORITIES.size()));
    }

    private static String political(Draft d, SplittableRandom r) {
        List<String> statuses = RosterVocabulary.POLITICAL_STATUSES;
        if (d.leader()) {
            return weighted(r, statuses, 98, 0, 0, 1, 1);
        }
        return d.age < 28 ? weighted(r, statuses, 48, 9, 26, 0, 17) : weighted(r, statuses, 79, 1, 0, 3.5, 16.5);
    }

    private static String major(String unitMajor, SplittableRandom r) {
        if (unitMajor != null && r.nextDouble() < 0.45) {
            return unitMajor;
        }
        return weighted(r, MAJORS, MAJOR_WEIGHTS);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
