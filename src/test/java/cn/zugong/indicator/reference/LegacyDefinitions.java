package cn.zugong.indicator.reference;

import static cn.zugong.indicator.reference.ReferenceIndicators.COUNTY;
import static cn.zugong.indicator.reference.ReferenceIndicators.EXCELLENT_COMPETENT;
import static cn.zugong.indicator.reference.ReferenceIndicators.TOWNSHIP;
import static cn.zugong.indicator.reference.ReferenceIndicators.average;
import static cn.zugong.indicator.reference.ReferenceIndicators.n;

import cn.zugong.indicator.RetirementLaw;
import cn.zugong.indicator.reference.ReferenceIndicators.Years;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * TEMPORARY, deleted with {@code EXPECTED_DIFFERENCES_UNTIL_MERGE}: what the codes of that list meant
 * before DEFINITIONS15 (raw differences, exact average ages, the old year windows, all women cadres at
 * the 55→58 table, A0119 by age 60, the 未来 windows from D inclusive). Not a reference: it only lets
 * the differential test check that every expected difference is explained by the known change of
 * definition and by nothing else (engine = legacy meaning), so that a bug hiding behind an expected code
 * still shows.
 */
final class LegacyDefinitions {

    private static final Years FROM_Y_MINUS_3 = new Years(3, 0);    // "year >= eval_year - 3": four years
    private static final Years ONLY_Y_MINUS_2 = new Years(2, 2);
    private static final Years ONLY_Y_MINUS_3 = new Years(3, 3);

    private LegacyDefinitions() {
    }

    /** The reference's definitions with the legacy meanings of the expected codes put over them. */
    static Map<String, Function<UnitView, Cell>> overlay(Map<String, Function<UnitView, Cell>> reference) {
        Map<String, Function<UnitView, Cell>> m = new HashMap<>(reference);
        m.put("B0101", u -> new Cell(u.unit().headcount() - u.staff().size(), u.unit().headcount()));
        m.put("B0102", u -> Cell.count(u.unit().headcount() - u.staff().size()));
        m.put("B0103", u -> Cell.count(u.staff().size() - u.unit().headcount()));
        for (String[] c : new String[][] {{"B0205", "县处级正职"}, {"B0206", "县处级副职"}, {"B0207", "乡科级正职"},
                {"B0208", "乡科级副职"}}) {
            m.put(c[0], u -> Cell.count(n(u, p -> p.post(c[1])) - u.unit().quota("LEADER", c[1])));
        }
        m.put("B0210", u -> Cell.count(u.unit().quotaTotal("LEADER") - n(u, Staff::leader)));
        m.put("B0211", u -> Cell.count(n(u, Staff::leader) - u.unit().quotaTotal("LEADER")));
        String[] ranks = {"一级调研员", "二级调研员", "三级调研员", "四级调研员", "一级主任科员", "二级主任科员", "三级主任科员"};
        for (int i = 0; i < ranks.length; i++) {
            String rank = ranks[i];
            m.put(String.format("B%04d", 219 + i), u -> Cell.count(n(u, p -> p.rank(rank)) - u.unit().quota("RANK", rank)));
        }
        m.put("C0610", u -> Cell.count(n(u, p -> p.since(p.s().workStart(), y -> y >= 2))
                - ReferenceIndicators.rows(u, ReferenceIndicators.LAST_YEAR, p -> true)));
        exactAges(m);
        windows(m);
        retirement(m);
        return m;
    }

    private static void exactAges(Map<String, Function<UnitView, Cell>> m) {
        m.put("A0113", average(p -> true, LegacyDefinitions::exactAge));
        m.put("A0114", average(Staff::man, LegacyDefinitions::exactAge));
        m.put("A0115", average(Staff::woman, LegacyDefinitions::exactAge));
        m.put("A0116", average(Staff::leader, LegacyDefinitions::exactAge));
        m.put("A0709", average(p -> p.post(COUNTY), LegacyDefinitions::exactAge));
        m.put("A0710", average(p -> p.post(TOWNSHIP), LegacyDefinitions::exactAge));
        m.put("A0711", average(p -> p.post("乡科级正职"), LegacyDefinitions::exactAge));
        m.put("B0607", average(p -> p.since(p.s().joinedUnit(), y -> y < 3), LegacyDefinitions::exactAge));
    }

    private static double exactAge(Staff p) {
        return ChronoUnit.DAYS.between(p.s().birthDate(), p.d()) / 365.25;
    }

    private static void windows(Map<String, Function<UnitView, Cell>> m) {
        m.put("C0401", u -> new Cell(ReferenceIndicators.records(u, "REWARD", FROM_Y_MINUS_3, p -> true),
                u.staff().size()));
        m.put("C0402", ReferenceIndicators.recordCount("REWARD", FROM_Y_MINUS_3, p -> true));
        m.put("C0403", ReferenceIndicators.recordCount("REWARD", FROM_Y_MINUS_3, p -> true, "嘉奖"));
        m.put("C0404", ReferenceIndicators.recordCount("REWARD", FROM_Y_MINUS_3, p -> true, "记三等功"));
        m.put("C0405", ReferenceIndicators.recordCount("REWARD", FROM_Y_MINUS_3, p -> true, "优秀公务员"));
        m.put("C0408", u -> new Cell(ReferenceIndicators.records(u, "REWARD", FROM_Y_MINUS_3, Staff::leader),
                n(u, Staff::leader)));
        m.put("C0409", ReferenceIndicators.recordCount("REWARD", FROM_Y_MINUS_3, p -> p.age() <= 35));
        m.put("C0410", u -> new Cell(ReferenceIndicators.records(u, "REWARD", FROM_Y_MINUS_3, p -> !p.leader()),
                ReferenceIndicators.records(u, "REWARD", FROM_Y_MINUS_3, p -> true)));
        m.put("C0411", u -> new Cell(ReferenceIndicators.records(u, "REWARD", FROM_Y_MINUS_3, Staff::woman),
                n(u, Staff::woman)));
        m.put("C0501", ReferenceIndicators.recordCount("DISCIPLINE", FROM_Y_MINUS_3, p -> true));
        m.put("C0502", u -> new Cell(ReferenceIndicators.records(u, "DISCIPLINE", FROM_Y_MINUS_3, p -> true),
                u.staff().size()));
        String[][] kinds = {{"C0504", "警告"}, {"C0505", "记过"}, {"C0506", "记大过"}, {"C0507", "降级"}};
        for (String[] k : kinds) {
            m.put(k[0], ReferenceIndicators.recordCount("DISCIPLINE", FROM_Y_MINUS_3, p -> true, k[1]));
        }
        m.put("C0508", ReferenceIndicators.recordCount("DISCIPLINE", FROM_Y_MINUS_3, p -> true, "撤职", "开除"));
        m.put("C0509", ReferenceIndicators.recordCount("DISCIPLINE", FROM_Y_MINUS_3, Staff::leader));
        m.put("C0510", ReferenceIndicators.recordCount("DISCIPLINE", FROM_Y_MINUS_3, p -> p.age() <= 35));
        m.put("C0511", u -> new Cell(ReferenceIndicators.records(u, "DISCIPLINE", FROM_Y_MINUS_3, p -> true),
                ReferenceIndicators.records(u, "REWARD", FROM_Y_MINUS_3, p -> true)));
        m.put("C0512", u -> new Cell(ReferenceIndicators.records(u, "DISCIPLINE", FROM_Y_MINUS_3, Staff::leader),
                ReferenceIndicators.records(u, "DISCIPLINE", FROM_Y_MINUS_3, p -> true)));
        group(m, 206, ONLY_Y_MINUS_2);
        group(m, 211, ONLY_Y_MINUS_3);
        m.put("C0216", ReferenceIndicators.assessed(FROM_Y_MINUS_3, p -> true, "优秀"));
        m.put("C0217", ReferenceIndicators.assessedCount(FROM_Y_MINUS_3, p -> true, "基本称职", "不称职"));
        m.put("C0218", ReferenceIndicators.assessedCount(FROM_Y_MINUS_3, p -> true, "不确定等次"));
        m.put("C0303", ReferenceIndicators.assessedCount(FROM_Y_MINUS_3, Staff::leader, "基本称职", "不称职"));
        m.put("C0306", ReferenceIndicators.assessed(FROM_Y_MINUS_3, p -> p.post(COUNTY), "优秀"));
        m.put("C0307", ReferenceIndicators.assessed(FROM_Y_MINUS_3, p -> p.post(TOWNSHIP), "优秀"));
        m.put("C0310", ReferenceIndicators.assessed(FROM_Y_MINUS_3, Staff::leader, EXCELLENT_COMPETENT));
    }

    private static void group(Map<String, Function<UnitView, Cell>> m, int first, Years years) {
        m.put(String.format("C%04d", first), ReferenceIndicators.assessed(years, p -> true, "优秀"));
        m.put(String.format("C%04d", first + 1), ReferenceIndicators.assessed(years, p -> true, EXCELLENT_COMPETENT));
        m.put(String.format("C%04d", first + 2), ReferenceIndicators.assessedCount(years, p -> true, "基本称职"));
        m.put(String.format("C%04d", first + 3), ReferenceIndicators.assessedCount(years, p -> true, "不称职"));
        m.put(String.format("C%04d", first + 4), ReferenceIndicators.assessedCount(years, p -> true, "不确定等次"));
    }

    private static void retirement(Map<String, Function<UnitView, Cell>> m) {
        m.put("A0119", count(p -> p.age() >= 60));
        m.put("B0701", count(p -> within(p, 1)));
        m.put("B0702", share(p -> within(p, 1)));
        m.put("B0703", count(p -> within(p, 2)));
        m.put("B0704", count(p -> within(p, 3)));
        m.put("B0705", share(p -> within(p, 3)));
        m.put("B0706", share(p -> within(p, 4)));
        m.put("B0707", count(p -> within(p, 5)));
        m.put("B0708", share(p -> within(p, 5)));
        m.put("B0709", count(p -> legacyDate(p).isBefore(p.d())));
        m.put("B0710", count(p -> p.leader() && within(p, 3)));
        m.put("B0711", u -> new Cell(n(u, p -> p.leader() && within(p, 5)), n(u, Staff::leader)));
        m.put("B0712", u -> new Cell(n(u, p -> within(p, 5)), n(u, p -> p.age() <= 35)));
        m.put("B0713", count(p -> p.man() && within(p, 3)));
        m.put("B0714", count(p -> p.woman() && within(p, 3)));
    }

    private static LocalDate legacyDate(Staff p) {
        return RetirementLaw.retirementDate(p.s().birthDate(), RetirementLaw.Group.ofCadre(p.s().gender()));
    }

    private static boolean within(Staff p, int years) {
        LocalDate r = legacyDate(p);
        return !r.isBefore(p.d()) && r.isBefore(p.d().plusYears(years));
    }

    private static Function<UnitView, Cell> count(Predicate<Staff> p) {
        return ReferenceIndicators.count(p);
    }

    private static Function<UnitView, Cell> share(Predicate<Staff> p) {
        return ReferenceIndicators.share(p);
    }
}
