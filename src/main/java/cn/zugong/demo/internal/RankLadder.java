package cn.zugong.demo.internal;

import static cn.zugong.demo.internal.UnitProfile.between;

import cn.zugong.org.UnitFacts;
import cn.zugong.people.RosterVocabulary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Gives each person of a unit a 职级 within the unit's 职级职数: leaders first, at the ranks that go with their post,
 * then the others by seniority (years of service with a wide spread: 职级 follow years in rank, so many in their
 * thirties hold 二级主任科员 while some older people, more often those without a degree, stay lower), top-down, each rank only to people with the
 * years of service and age it takes. Levels without a quota (四级主任科员, the 科员 levels, and 三级主任科员 in a
 * 市直 unit) follow from the years of service. Then the date each got the rank.
 */
final class RankLadder {

    static final List<String> RANKS = RosterVocabulary.RANKS;
    static final int YI_JI_DIAOYAN = 2;
    static final int SI_JI_ZHUREN = 9;
    static final int YI_JI_KEYUAN = 10;
    static final int ER_JI_KEYUAN = 11;
    /** Minimum years of service for each rank (index as RANKS), from the minimum years in each lower rank. */
    static final double[] MIN_YEARS = {30, 26, 20, 18, 16, 13, 11, 8, 6, 3.5, 1, 0};
    /** Minimum age for each rank: nobody is 三级调研员 before 40. */
    static final double[] MIN_AGE = {52, 50, 45, 43, 40, 36, 33, 30, 28, 25, 22, 21};

    private final LocalDate asOf;

    RankLadder(LocalDate asOf) {
        this.asOf = asOf;
    }

    void assign(DemoUnit unit, List<Draft> drafts, SplittableRandom r) {
        Map<Integer, Integer> capacity = capacity(unit, r);
        List<Draft> leaders = drafts.stream().filter(Draft::leader)
                .sorted(Comparator.comparingInt(d -> RosterVocabulary.POSTS.indexOf(d.post))).toList();
        for (Draft d : leaders) {
            d.rank = leaderRank(unit.tier(), d, capacity, r);
        }
        List<Draft> others = new ArrayList<>();
        Map<Draft, Double> score = new HashMap<>();
        for (Draft d : drafts) {
            if (!d.leader()) {
                others.add(d);
                score.put(d, d.years + between(r, -10, 10) + switch (d.education) {
                    case "研究生" -> 2;
                    case "大学本科" -> 0;
                    default -> -4;
                });
            }
        }
        others.sort(Comparator.comparingDouble(d -> -score.get(d)));
        for (int level = YI_JI_DIAOYAN; level < SI_JI_ZHUREN; level++) {
            int left = capacity.getOrDefault(level, 0);
            for (int i = 0; i < others.size() && left > 0; i++) {
                Draft d = others.get(i);
                if (d.rank < 0 && !d.recruit && eligible(d, level, 0)) {
                    d.rank = level;
                    left--;
                }
            }
            capacity.put(level, left);
        }
        for (Draft d : others) {
            if (d.rank < 0) {
                d.rank = byYears(d, capacity.containsKey(8));
            }
        }
        drafts.forEach(d -> d.rankSince = since(unit.profile(), d, r));
    }

    /** What is left of each quota'd level; a few units fill a level beyond its quota, troubled ones several. */
    private static Map<Integer, Integer> capacity(DemoUnit unit, SplittableRandom r) {
        Map<Integer, Integer> capacity = new HashMap<>();
        for (UnitFacts.PostQuota q : unit.unit().quotas()) {
            if (q.kind() == UnitFacts.Kind.RANK) {
                int level = RANKS.indexOf(q.level());
                int filled = (int) Math.round(q.quota() * between(r, 0.8, 1.0));
                if (unit.profile().troubled() && level < 6) {
                    filled = q.quota() + 1 + r.nextInt(2);
                }
                capacity.put(level, filled);
            }
        }
        if (!unit.profile().troubled() && r.nextDouble() < 0.05 && !capacity.isEmpty()) {
            List<Integer> levels = new ArrayList<>(capacity.keySet());
            levels.sort(null);
            int level = levels.get(r.nextInt(levels.size()));
            capacity.merge(level, 1, Integer::sum);
        }
        return capacity;
    }

    /** The ranks a post is usually held with, most usual first; the first one with a post left is taken. */
    private static int leaderRank(String tier, Draft d, Map<Integer, Integer> capacity, SplittableRandom r) {
        int[] usual = switch (d.post) {
            case "县处级正职" -> new int[] {2, 3};
            case "县处级副职" -> new int[] {4, 3, 5};
            case "乡科级正职" -> tier.equals("市直") ? new int[] {5, 6} : new int[] {5, 4, 6};
            default -> new int[] {7, 6, 8};
        };
        int start = r.nextDouble() < 0.35 ? 1 : 0;
        for (int i = 0; i < usual.length; i++) {
            int level = usual[(start + i) % usual.length];
            if (capacity.getOrDefault(level, 0) > 0 && eligible(d, level, 2)) {
                capacity.merge(level, -1, Integer::sum);
                return level;
            }
        }
        for (int level = usual[usual.length - 1] + 1; level < SI_JI_ZHUREN; level++) {
            if (capacity.getOrDefault(level, 0) > 0 && eligible(d, level, 2)) {
                capacity.merge(level, -1, Integer::sum);
                return level;
            }
        }
        return byYears(d, capacity.containsKey(8));
    }

    private static boolean eligible(Draft d, int level, double leeway) {
        return d.years >= MIN_YEARS[level] - leeway && d.age >= MIN_AGE[level] - leeway;
    }

    /** Levels without a quota: 三级主任科员 (when the unit has no quota for it), 四级主任科员, 科员. */
    private static int byYears(Draft d, boolean thirdLevelQuota) {
        if (d.recruit) {
            return d.education.equals("大学专科") ? ER_JI_KEYUAN : YI_JI_KEYUAN;
        }
        if (!thirdLevelQuota && eligible(d, 8, 0)) {
            return 8;
        }
        if (d.years >= MIN_YEARS[SI_JI_ZHUREN]) {
            return SI_JI_ZHUREN;
        }
        return d.years < 2.5 && !(d.education.equals("研究生") || d.education.equals("大学本科"))
                ? ER_JI_KEYUAN : YI_JI_KEYUAN;
    }

    /**
     * The date of the current rank: new recruits from their first day; 一级科员 once their probation year ended;
     * otherwise some time since they first could hold the rank — with those just promoted out of 一级科员, about
     * one in eight within the last year (spread over the months, never on the demo date itself), most within
     * three years, a few for eight or more.
     */
    private LocalDate since(UnitProfile p, Draft d, SplittableRandom r) {
        if (d.recruit) {
            return d.workStart;
        }
        if (d.rank >= YI_JI_KEYUAN) {
            LocalDate afterProbation = d.workStart.plusYears(1);
            return afterProbation.isBefore(asOf.minusDays(20)) ? afterProbation : d.workStart;
        }
        double v = r.nextDouble();
        double tenure = v < 0.07 ? between(r, 0.06, 1) : v < 0.36 ? between(r, 1, 2) : v < 0.7 ? between(r, 2, 3)
                : v < 0.94 ? between(r, 3, 5) : v < 0.99 ? between(r, 5, 8) : between(r, 8, 12);
        if (p.troubled()) {
            tenure += between(r, 1, 4);
        }
        // not longer than since the person first could hold the rank (a leader may have had two years' leeway)
        double window = Math.min(d.years - MIN_YEARS[d.rank], d.years - 0.5);
        if (tenure > window) {
            tenure = window > 0.3 ? window * between(r, 0.3, 1) : between(r, 0.06, 0.5);
        }
        return asOf.minusDays(Math.max(20, Math.round(tenure * 365.25)));
    }
}
