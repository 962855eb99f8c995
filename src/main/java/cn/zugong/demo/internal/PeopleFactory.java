package cn.zugong.demo.internal;

import static cn.zugong.demo.internal.Identities.weighted;
import static cn.zugong.demo.internal.UnitProfile.between;

import cn.zugong.org.UnitFacts;
import cn.zugong.people.PersonRow;
import cn.zugong.people.PersonRow.YearNote;
import cn.zugong.people.RosterVocabulary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** The people of one unit, drawn from the unit's profile; every date is computed from {@code asOf}. */
final class PeopleFactory {

    private static final List<String> RANKS = RosterVocabulary.RANKS;
    private static final double[] RANK_STEPS = {1.5, 3.5, 6.5, 9.5, 13, 17, 22, 27};
    private static final List<String> MAJORS = RosterVocabulary.MAJOR_CATEGORIES;
    private static final double[] MAJOR_WEIGHTS = {22, 16, 16, 14, 8, 5, 4, 3, 5, 7};
    private static final List<String> MINORITIES = List.of("畲族", "回族", "满族", "土家族", "苗族", "壮族", "蒙古族");

    private final Identities identities;
    private final LocalDate asOf;

    PeopleFactory(Identities identities, LocalDate asOf) {
        this.identities = identities;
        this.asOf = asOf;
    }

    /** A person while being drawn. */
    private static final class Draft {
        boolean male;
        boolean recruit;
        double age;
        LocalDate birth;
        String education;
        LocalDate workStart;
        double years;
        String source;
        String post;
        double seniority;
    }

    List<PersonRow> people(DemoUnit unit, long unitId, SplittableRandom r) {
        List<Draft> drafts = new ArrayList<>(unit.headcount());
        for (int i = 0; i < unit.headcount(); i++) {
            drafts.add(basics(unit.profile(), r));
        }
        assignPosts(unit, drafts, r);
        List<PersonRow> rows = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            rows.add(finish(unit, unitId, d, r));
        }
        return rows;
    }

    private Draft basics(UnitProfile p, SplittableRandom r) {
        Draft d = new Draft();
        d.male = r.nextDouble() < p.maleShare();
        d.recruit = r.nextDouble() < 0.035;
        boolean young = d.recruit || r.nextDouble() < p.youngShare();
        d.age = d.recruit ? between(r, 22.5, 30) : young ? between(r, 22.5, 35) : between(r, 35, d.male ? 60.3 : 55.3);
        d.birth = asOf.minusDays(Math.round(d.age * 365.25));
        d.education = education(p, d.age, r);
        if (d.recruit) {
            d.workStart = asOf.minusDays(30 + r.nextInt(510));
        } else {
            double base = switch (d.education) {
                case "研究生" -> 25;
                case "大学本科" -> 22;
                default -> 21;
            };
            double startAge = Math.max(21, Math.min(base + r.nextDouble() * 3, d.age - 1.5));
            d.workStart = d.birth.plusDays(Math.round(startAge * 365.25));
        }
        d.years = (asOf.toEpochDay() - d.workStart.toEpochDay()) / 365.25;
        d.source = source(d, r);
        return d;
    }

    private static String education(UnitProfile p, double age, SplittableRandom r) {
        double postgrad = age < 25.5 ? 0 : p.postgradShare() * (age < 40 ? 1.35 : 0.6);
        if (r.nextDouble() < postgrad) {
            return "研究生";
        }
        List<String> rest = RosterVocabulary.EDUCATIONS.subList(1, 5);
        return age >= 45 ? weighted(r, rest, 70, 20, 8, 2) : weighted(r, rest, 88, 11, 1, 0);
    }

    private static String source(Draft d, SplittableRandom r) {
        if (d.recruit) {
            return r.nextDouble() < 0.85 ? "考录" : "选调生";
        }
        String s = weighted(r, RosterVocabulary.SOURCES, 62, 13, 8, 10, d.male ? 14 : 2);
        if (s.equals("选调生") && (d.age > 45 || !(d.education.equals("研究生") || d.education.equals("大学本科")))) {
            return "考录";
        }
        return s;
    }

    /** Fills the unit's 领导职数, the most senior first, sometimes one short and sometimes one over. */
    private static void assignPosts(DemoUnit unit, List<Draft> drafts, SplittableRandom r) {
        List<Draft> candidates = new ArrayList<>();
        for (Draft d : drafts) {
            if (!d.recruit && d.years >= 8) {
                d.seniority = d.years + r.nextDouble() * 8;
                candidates.add(d);
            }
        }
        candidates.sort(Comparator.comparingDouble((Draft d) -> -d.seniority));
        int next = 0;
        for (UnitFacts.PostQuota q : unit.unit().quotas()) {
            if (q.kind() != UnitFacts.Kind.LEADER) {
                continue;
            }
            double v = r.nextDouble();
            int filled = Math.max(0, q.quota() + (v < 0.15 ? -1 : v > 0.9 ? 1 : 0));
            for (int i = 0; i < filled && next < candidates.size(); i++) {
                candidates.get(next++).post = q.level();
            }
        }
    }

    private PersonRow finish(DemoUnit unit, long unitId, Draft d, SplittableRandom r) {
        UnitProfile p = unit.profile();
        String region = unit.regions().get(r.nextInt(unit.regions().size()));
        String[] education = education(d.education, r);
        int rank = rank(unit.tier(), d, r);
        LocalDate rankSince = since(d, d.recruit ? 0 : between(r, 0.2, Math.min(d.years, 5.5)));
        LocalDate joined = joinedUnit(p, d, r);
        LocalDate postSince = d.post == null ? null : max(joined, since(d, between(r, 0.3, Math.min(d.years, 9))));
        int year = asOf.getYear();
        Map<Integer, String> assessments = new TreeMap<>();
        for (int y = year - 3; y < year; y++) {
            if (d.workStart.getYear() < y) {
                assessments.put(y, assessment(p.excellent(), r));
            }
        }
        double hours = r.nextDouble() < p.lowTraining() ? between(r, 24, 89.5) : between(r, 90, 168);
        Map<Integer, BigDecimal> training = Map.of(year,
                BigDecimal.valueOf(Math.round(hours * 2) / 2.0).setScale(1, RoundingMode.HALF_UP));
        List<YearNote> rewards = r.nextDouble() < 0.10 ? List.of(new YearNote(year - 1 - r.nextInt(3),
                weighted(r, List.of("嘉奖", "记三等功", "优秀公务员"), 70, 15, 15))) : List.of();
        List<YearNote> disciplines = r.nextDouble() < 0.01 ? List.of(new YearNote(year - 1 - r.nextInt(3),
                weighted(r, List.of("警告", "记过", "记大过", "降级"), 60, 30, 8, 2))) : List.of();
        boolean mass = unit.unit().unitType().equals(UnitCatalogue.MASS) || unit.unit().unitType().equals(UnitCatalogue.CONGRESS);
        return new PersonRow(null, unitId, identities.name(r, d.male), d.male ? "男" : "女", d.birth,
                identities.idNumber(region, d.birth, d.male), identities.phone(r), ethnicity(r), political(d, r),
                d.education, education[0], education[1], education[2], major(unit.major(), r),
                r.nextDouble() < (mass ? 0.4 : 0.1) ? "参公人员" : "公务员", RANKS.get(rank), rankSince, d.post,
                postSince, d.workStart, joined, d.source, d.recruit ? d.workStart.plusYears(1) : null, assessments,
                training, rewards, disciplines);
    }

    /** Full-time degree, in-service education and in-service degree. */
    private static String[] education(String fullTime, SplittableRandom r) {
        double v = r.nextDouble();
        return switch (fullTime) {
            case "研究生" -> new String[] {v < 0.06 ? "博士" : "硕士", null, null};
            case "大学本科" -> v < 0.08 ? new String[] {"学士", "研究生", "硕士"}
                    : new String[] {v < 0.97 ? "学士" : "无", null, null};
            case "大学专科" -> v < 0.35 ? new String[] {"无", "大学本科", v < 0.2 ? "学士" : "无"}
                    : new String[] {"无", null, null};
            default -> v < 0.5 ? new String[] {"无", v < 0.2 ? "大学本科" : "大学专科", "无"}
                    : new String[] {"无", null, null};
        };
    }

    private static int rank(String tier, Draft d, SplittableRandom r) {
        int steps = 0;
        for (double s : RANK_STEPS) {
            if (d.years >= s) {
                steps++;
            }
        }
        int index = 10 - steps;
        double v = r.nextDouble();
        index += v < 0.2 ? 1 : v < 0.4 ? -1 : 0;
        if (!d.education.equals("研究生") && !d.education.equals("大学本科")) {
            index++;
        }
        boolean leader = d.post != null;
        int cap = switch (tier) {
            case "市直" -> leader ? 2 : 3;
            case "县直" -> leader ? 3 : 4;
            default -> leader ? 4 : 5;
        };
        index = Math.max(cap, Math.min(d.recruit ? 10 : 11, index));
        if (leader) {
            int required = switch (d.post) {
                case "县处级正职" -> 3;
                case "县处级副职" -> 5;
                case "乡科级正职" -> 7;
                default -> 9;
            };
            index = Math.min(index, required);
        }
        return d.recruit && index < 10 ? 10 : index;
    }

    private LocalDate joinedUnit(UnitProfile p, Draft d, SplittableRandom r) {
        if (d.recruit) {
            return d.workStart;
        }
        if (d.years > 10.2 && r.nextDouble() < p.staleShare()) {
            return d.workStart.plusDays(Math.round(between(r, 0, d.years - 10.2) * 365.25));
        }
        return max(d.workStart, since(d, between(r, 0.3, Math.min(d.years, 10))));
    }

    private LocalDate since(Draft d, double yearsAgo) {
        return max(d.workStart, asOf.minusDays(Math.round(yearsAgo * 365.25)));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String assessment(double excellent, SplittableRandom r) {
        double v = r.nextDouble();
        return v < excellent ? "优秀" : v < excellent + 0.02 ? "基本称职" : v < excellent + 0.022 ? "不称职" : "称职";
    }

    private static String ethnicity(SplittableRandom r) {
        return r.nextDouble() < 0.98 ? "汉族" : MINORITIES.get(r.nextInt(MINORITIES.size()));
    }

    private static String political(Draft d, SplittableRandom r) {
        List<String> statuses = RosterVocabulary.POLITICAL_STATUSES;
        if (d.post != null) {
            return weighted(r, statuses, 95, 0, 0, 3, 2);
        }
        return d.age < 28 ? weighted(r, statuses, 48, 9, 26, 0, 17) : weighted(r, statuses, 79, 1, 0, 3.5, 16.5);
    }

    private static String major(String unitMajor, SplittableRandom r) {
        if (unitMajor != null && r.nextDouble() < 0.45) {
            return unitMajor;
        }
        return weighted(r, MAJORS, MAJOR_WEIGHTS);
    }
}
