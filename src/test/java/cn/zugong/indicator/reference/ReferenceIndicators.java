package cn.zugong.indicator.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The 296 indicators of healthcheck v1 written by hand in plain Java from their names and the decided
 * definitions (DEFINITIONS15 of issue 15), not from the formula text or the compiled SQL. Each maps the
 * people in service of one unit on D to numerator and denominator; roll-ups and colours are elsewhere
 * ({@link ReferenceEvaluator}).
 */
final class ReferenceIndicators {

    /** Ranks managed by 职级职数 (the quota levels of B0212–B0218). */
    static final List<String> QUOTA_RANKS = List.of("一级调研员", "二级调研员", "三级调研员", "四级调研员", "一级主任科员",
            "二级主任科员", "三级主任科员");
    static final String[] COUNTY = {"县处级正职", "县处级副职"};
    static final String[] TOWNSHIP = {"乡科级正职", "乡科级副职"};
    static final String[] HEADS = {"厅局级正职", "县处级正职", "乡科级正职"};
    static final String[] DEPUTIES = {"厅局级副职", "县处级副职", "乡科级副职"};
    static final String[] GRAD = {"研究生"};
    static final String[] BACHELOR_UP = {"研究生", "大学本科"};
    static final String[] EXCELLENT_COMPETENT = {"优秀", "称职"};

    /** Assessment and record years counted back from the evaluation year Y: Y − from … Y − to. */
    record Years(int from, int to) {
        boolean contains(int evalYear, int year) {
            return year >= evalYear - from && year <= evalYear - to;
        }
    }

    static final Years LAST_YEAR = new Years(1, 1);        // 上一年度
    static final Years TWO_YEARS = new Years(2, 1);        // 前两年度: Y−2 and Y−1
    static final Years THREE_YEARS = new Years(3, 1);      // 前三年度 and assessments' 近三年: Y−3 … Y−1
    static final Years RECORDS_3 = new Years(2, 0);        // rewards and discipline 近三年: Y−2 … Y

    private ReferenceIndicators() {
    }

    static Map<String, Function<UnitView, Cell>> all() {
        Map<String, Function<UnitView, Cell>> m = new LinkedHashMap<>();
        ageStructure(m);
        genderEducationMajor(m);
        politicsRanksPosts(m);
        sourcesAndYoung(m);
        establishmentAndQuotas(m);
        recruitmentExchangePromotion(m);
        retirementAndReserve(m);
        training(m);
        assessment(m);
        rewardsAndDiscipline(m);
        probationAndData(m);
        return m;
    }

    // ---- A01 年龄结构 ----
    private static void ageStructure(Map<String, Function<UnitView, Cell>> m) {
        m.put("A0101", share(p -> p.age() <= 30));                       // 30周岁及以下
        m.put("A0102", share(p -> p.age() <= 35));
        m.put("A0103", share(p -> p.age() >= 36 && p.age() <= 40));
        m.put("A0104", share(p -> p.age() >= 41 && p.age() <= 45));
        m.put("A0105", share(p -> p.age() >= 46 && p.age() <= 50));
        m.put("A0106", share(p -> p.age() >= 51 && p.age() <= 55));
        m.put("A0107", share(p -> p.age() >= 56));                       // 56周岁及以上
        m.put("A0108", share(p -> p.age() >= 45));                        // 45周岁以上
        m.put("A0109", share(p -> p.age() >= 50));
        m.put("A0110", share(p -> p.age() >= 55));
        m.put("A0111", share(p -> p.age() <= 40));
        m.put("A0112", share(p -> p.age() <= 25));
        m.put("A0113", average(p -> true, Staff::age));                  // 平均年龄 in 周岁
        m.put("A0114", average(Staff::man, Staff::age));
        m.put("A0115", average(Staff::woman, Staff::age));
        m.put("A0116", average(Staff::leader, Staff::age));
        m.put("A0117", count(p -> p.age() <= 35));
        m.put("A0118", count(p -> p.age() >= 36 && p.age() <= 45));
        m.put("A0119", count(Staff::pastRetirement));                   // 已达法定退休年龄仍在职人数
    }

    // ---- A02 性别, A03 学历, A04 专业 ----
    private static void genderEducationMajor(Map<String, Function<UnitView, Cell>> m) {
        m.put("A0201", share(Staff::woman));
        m.put("A0202", shareOf(Staff::leader, Staff::woman));
        m.put("A0203", count(p -> p.woman() && p.post(HEADS)));
        m.put("A0204", shareOf(p -> p.age() <= 35, Staff::woman));
        m.put("A0205", shareOf(Staff::woman, p -> p.highestEducation(GRAD)));
        m.put("A0206", shareOf(Staff::woman, Staff::party));
        m.put("A0207", share(Staff::man));
        m.put("A0208", count(Staff::woman));
        m.put("A0209", count(p -> p.woman() && p.post(COUNTY)));
        m.put("A0210", shareOf(p -> p.post(TOWNSHIP), Staff::woman));

        m.put("A0301", share(p -> p.ftEducation(GRAD)));                 // 全日制研究生
        m.put("A0302", share(p -> p.ftEducation(BACHELOR_UP)));
        m.put("A0303", share(p -> p.ftEducation("大学专科", "中专", "高中及以下")));
        m.put("A0304", share(p -> p.ftEducation("中专", "高中及以下")));
        m.put("A0305", count(p -> p.highestAtMost("高中及以下")));
        m.put("A0306", share(p -> "研究生".equals(p.s().isEducation())));   // 在职研究生
        m.put("A0307", share(p -> p.highestEducation(GRAD)));            // 最高学历
        m.put("A0308", share(p -> p.highestEducation(BACHELOR_UP)));
        m.put("A0309", share(p -> p.degree("博士", "硕士")));
        m.put("A0310", count(p -> p.degree("博士")));
        m.put("A0311", share(p -> p.degree("博士", "硕士", "学士")));
        m.put("A0312", shareOf(p -> p.age() <= 35, p -> p.highestEducation(BACHELOR_UP)));
        m.put("A0313", shareOf(Staff::leader, p -> p.highestEducation(GRAD)));
        m.put("A0314", shareOf(Staff::leader, p -> p.highestEducation(BACHELOR_UP)));

        m.put("A0401", share(p -> p.major("经济管理类")));
        m.put("A0402", share(p -> p.major("法学类")));
        m.put("A0403", share(p -> p.major("文史哲类")));
        m.put("A0404", share(p -> p.major("理工类")));
        m.put("A0405", share(p -> p.major("信息技术类")));
        m.put("A0406", share(p -> p.major("农林水产类")));
        m.put("A0407", count(p -> p.major("海洋类")));
        m.put("A0408", share(p -> p.major("医学类")));
        m.put("A0409", share(p -> p.major("教育类")));
        m.put("A0410", share(p -> p.major("其他")));
        m.put("A0411", share(p -> p.major("经济管理类", "法学类")));
        m.put("A0412", share(p -> p.major("理工类", "信息技术类")));
        m.put("A0413", share(p -> p.major("海洋类", "农林水产类")));
        m.put("A0414", share(p -> p.major("法学类")));                   // applies to 审判检察机关 only
    }

    // ---- A05 政治面貌与民族, A06 职级, A07 领导职务 ----
    private static void politicsRanksPosts(Map<String, Function<UnitView, Cell>> m) {
        m.put("A0501", share(Staff::party));
        m.put("A0502", share(p -> p.political("中共预备党员")));
        m.put("A0503", share(p -> p.political("共青团员")));
        m.put("A0504", share(p -> p.political("民主党派", "群众")));      // 党外
        m.put("A0505", share(p -> p.political("群众")));
        m.put("A0506", share(p -> !"汉族".equals(p.s().ethnicity())));
        m.put("A0507", count(p -> !"汉族".equals(p.s().ethnicity())));
        m.put("A0508", shareOf(Staff::leader, Staff::party));
        m.put("A0509", count(p -> p.leader() && p.political("民主党派", "群众")));
        m.put("A0510", shareOf(p -> p.age() <= 35, Staff::party));
        m.put("A0511", count(p -> p.political("民主党派")));

        m.put("A0601", share(p -> p.rankAtLeast("二级巡视员")));
        m.put("A0602", share(p -> p.rank("一级调研员")));
        m.put("A0603", share(p -> p.rank("二级调研员")));
        m.put("A0604", share(p -> p.rank("三级调研员")));
        m.put("A0605", share(p -> p.rank("四级调研员")));
        m.put("A0606", share(p -> p.rank("一级主任科员")));
        m.put("A0607", share(p -> p.rank("二级主任科员")));
        m.put("A0608", share(p -> p.rank("三级主任科员")));
        m.put("A0609", share(p -> p.rank("四级主任科员")));
        m.put("A0610", share(p -> p.rank("一级科员")));
        m.put("A0611", share(p -> p.rank("二级科员")));
        m.put("A0612", share(p -> p.rank("一级调研员", "二级调研员", "三级调研员", "四级调研员")));
        m.put("A0613", share(p -> p.rank("一级主任科员", "二级主任科员", "三级主任科员", "四级主任科员")));
        m.put("A0614", share(p -> p.rank("一级科员", "二级科员")));
        m.put("A0615", share(p -> p.rankAtLeast("四级调研员")));
        m.put("A0616", share(p -> p.rankAtLeast("二级主任科员")));
        m.put("A0617", share(p -> p.rankAtLeast("四级主任科员")));
        m.put("A0618", share(p -> p.rankAtLeast("一级主任科员")));

        m.put("A0701", share(Staff::leader));
        m.put("A0702", count(p -> p.post("县处级正职")));
        m.put("A0703", count(p -> p.post("县处级副职")));
        m.put("A0704", count(p -> p.post("乡科级正职")));
        m.put("A0705", count(p -> p.post("乡科级副职")));
        m.put("A0706", shareOf(Staff::leader, p -> p.age() <= 45));
        m.put("A0707", shareOf(Staff::leader, p -> p.age() >= 50));
        m.put("A0708", averageYears(Staff::leader, p -> p.s().postSince()));   // 任现职务平均年限
        m.put("A0709", average(p -> p.post(COUNTY), Staff::age));
        m.put("A0710", average(p -> p.post(TOWNSHIP), Staff::age));
        m.put("A0711", average(p -> p.post("乡科级正职"), Staff::age));
        m.put("A0712", shareOf(Staff::leader, p -> p.source("选调生")));
        m.put("A0713", shareOf(p -> p.post(TOWNSHIP), p -> p.highestEducation(GRAD)));
    }

    // ---- A08 来源, A09 年轻干部 ----
    private static void sourcesAndYoung(Map<String, Function<UnitView, Cell>> m) {
        m.put("A0801", share(p -> p.source("考录")));
        m.put("A0802", share(p -> p.source("选调生")));
        m.put("A0803", share(p -> p.source("遴选")));
        m.put("A0804", share(p -> p.source("调任")));
        m.put("A0805", share(p -> p.source("军转")));
        m.put("A0806", share(p -> p.source("考录", "选调生")));
        m.put("A0807", shareOf(p -> p.age() <= 35, p -> p.source("选调生")));
        m.put("A0808", shareOf(Staff::leader, p -> p.source("选调生", "遴选")));
        m.put("A0809", count(p -> p.source("遴选")));
        m.put("A0810", share(p -> p.source("遴选", "调任")));

        m.put("A0901", count(p -> p.leader() && p.age() <= 35));
        m.put("A0902", shareOf(Staff::leader, p -> p.age() <= 40));
        m.put("A0903", shareOf(Staff::leader, p -> p.age() <= 45));
        m.put("A0904", count(p -> p.post(TOWNSHIP) && p.age() <= 35));
        m.put("A0905", count(p -> p.post(COUNTY) && p.age() <= 40));
        m.put("A0906", count(p -> p.age() <= 30));
        m.put("A0907", shareOf(p -> p.age() <= 35, p -> p.highestEducation(GRAD)));
        m.put("A0908", count(p -> p.age() <= 35 && p.rankAtLeast("二级主任科员")));
        m.put("A0909", count(p -> p.age() <= 35 && p.source("选调生")));
        m.put("A0910", u -> new Cell(n(u, p -> p.age() <= 35), n(u, p -> p.age() >= 56)));  // young : 56+
    }

    // ---- B01 编制使用, B02 职数使用 ----
    private static void establishmentAndQuotas(Map<String, Function<UnitView, Cell>> m) {
        m.put("B0101", u -> new Cell(positive(u.unit().headcount() - u.staff().size()), u.unit().headcount()));
        m.put("B0102", u -> Cell.count(positive(u.unit().headcount() - u.staff().size())));   // 空编数
        m.put("B0103", u -> Cell.count(positive(u.staff().size() - u.unit().headcount())));   // 超编人数
        m.put("B0104", u -> new Cell(u.staff().size(), u.unit().headcount()));
        m.put("B0105", u -> new Cell(n(u, Staff::leader), u.unit().headcount()));
        m.put("B0106", u -> Cell.count(u.staff().size()));
        m.put("B0107", u -> new Cell(n(u, p -> p.age() <= 35), u.unit().headcount()));

        m.put("B0201", leaderUse("县处级正职"));
        m.put("B0202", leaderUse("县处级副职"));
        m.put("B0203", leaderUse("乡科级正职"));
        m.put("B0204", leaderUse("乡科级副职"));
        m.put("B0205", leaderOver("县处级正职"));
        m.put("B0206", leaderOver("县处级副职"));
        m.put("B0207", leaderOver("乡科级正职"));
        m.put("B0208", leaderOver("乡科级副职"));
        m.put("B0209", u -> new Cell(n(u, Staff::leader), u.unit().quotaTotal("LEADER")));
        m.put("B0210", u -> Cell.count(positive(u.unit().quotaTotal("LEADER") - n(u, Staff::leader))));
        m.put("B0211", u -> Cell.count(positive(n(u, Staff::leader) - u.unit().quotaTotal("LEADER"))));
        m.put("B0212", rankUse("一级调研员"));
        m.put("B0213", rankUse("二级调研员"));
        m.put("B0214", rankUse("三级调研员"));
        m.put("B0215", rankUse("四级调研员"));
        m.put("B0216", rankUse("一级主任科员"));
        m.put("B0217", rankUse("二级主任科员"));
        m.put("B0218", rankUse("三级主任科员"));
        m.put("B0219", rankOver("一级调研员"));
        m.put("B0220", rankOver("二级调研员"));
        m.put("B0221", rankOver("三级调研员"));
        m.put("B0222", rankOver("四级调研员"));
        m.put("B0223", rankOver("一级主任科员"));
        m.put("B0224", rankOver("二级主任科员"));
        m.put("B0225", rankOver("三级主任科员"));
        m.put("B0226", u -> new Cell(n(u, p -> QUOTA_RANKS.contains(p.s().rank())), u.unit().quotaTotal("RANK")));
    }

    // ---- B03 招录调任, B04 交流轮岗, B05 晋升节奏, B06 进出流动 ----
    private static void recruitmentExchangePromotion(Map<String, Function<UnitView, Cell>> m) {
        m.put("B0301", share(p -> p.source("考录", "选调生") && p.since(p.s().workStart(), y -> y < 3)));
        m.put("B0302", count(p -> p.source("考录", "选调生") && p.since(p.s().workStart(), y -> y < 1)));
        m.put("B0303", count(p -> p.source("选调生") && p.since(p.s().workStart(), y -> y < 1)));
        m.put("B0304", count(p -> p.source("选调生") && p.since(p.s().workStart(), y -> y < 3)));
        m.put("B0305", count(p -> p.source("遴选") && p.since(p.s().joinedUnit(), y -> y < 3)));
        m.put("B0306", count(p -> p.source("调任") && p.since(p.s().joinedUnit(), y -> y < 3)));
        m.put("B0307", count(p -> p.source("军转") && p.since(p.s().joinedUnit(), y -> y < 3)));
        m.put("B0308", shareOf(p -> p.since(p.s().joinedUnit(), y -> y < 3), p -> p.highestEducation(GRAD)));
        m.put("B0309", shareOf(p -> p.since(p.s().joinedUnit(), y -> y < 3), p -> p.age() <= 35));

        m.put("B0401", share(p -> p.since(p.s().joinedUnit(), y -> y >= 5)));
        m.put("B0402", count(p -> p.since(p.s().joinedUnit(), y -> y >= 10)));
        m.put("B0403", share(p -> p.since(p.s().joinedUnit(), y -> y >= 10)));
        m.put("B0404", count(p -> p.since(p.s().joinedUnit(), y -> y >= 15)));
        m.put("B0405", share(p -> p.since(p.s().joinedUnit(), y -> y >= 15)));
        m.put("B0406", count(p -> p.leader() && p.since(p.s().joinedUnit(), y -> y >= 10)));
        m.put("B0407", count(p -> p.leader() && p.since(p.s().postSince(), y -> y >= 5)));
        m.put("B0408", count(p -> p.leader() && p.since(p.s().postSince(), y -> y >= 10)));
        m.put("B0409", count(p -> p.post("乡科级正职") && p.since(p.s().joinedUnit(), y -> y >= 10)));
        // 交流进入: new in the unit but not new to work
        m.put("B0410", share(p -> p.since(p.s().joinedUnit(), y -> y < 1) && p.since(p.s().workStart(), y -> y >= 1)));
        m.put("B0411", share(p -> p.since(p.s().joinedUnit(), y -> y < 3) && p.since(p.s().workStart(), y -> y >= 3)));
        m.put("B0412", averageYears(p -> true, p -> p.s().joinedUnit()));

        m.put("B0501", count(p -> p.since(p.s().rankSince(), y -> y >= 3)));
        m.put("B0502", share(p -> p.since(p.s().rankSince(), y -> y >= 3)));
        m.put("B0503", count(p -> p.since(p.s().rankSince(), y -> y >= 5)));
        m.put("B0504", share(p -> p.since(p.s().rankSince(), y -> y >= 5)));
        m.put("B0505", count(p -> p.since(p.s().rankSince(), y -> y >= 8)));
        m.put("B0506", count(p -> p.since(p.s().rankSince(), y -> y >= 10)));
        m.put("B0507", averageYears(p -> true, p -> p.s().rankSince()));
        m.put("B0508", count(p -> p.rank("一级科员") && p.since(p.s().rankSince(), y -> y >= 3)));
        m.put("B0509", count(p -> p.rank("四级主任科员") && p.since(p.s().rankSince(), y -> y >= 4)));
        m.put("B0510", count(p -> p.rank("二级主任科员") && p.since(p.s().rankSince(), y -> y >= 4)));
        m.put("B0511", count(p -> p.leader() && p.since(p.s().rankSince(), y -> y >= 5)));
        m.put("B0512", shareOf(p -> p.age() <= 35, p -> p.since(p.s().rankSince(), y -> y >= 3)));
        m.put("B0513", share(p -> p.since(p.s().rankSince(), y -> y < 1)));
        m.put("B0514", count(p -> p.s().rankSince() == null));

        m.put("B0601", count(p -> p.since(p.s().joinedUnit(), y -> y < 1)));
        m.put("B0602", share(p -> p.since(p.s().joinedUnit(), y -> y < 1)));
        m.put("B0603", share(p -> p.since(p.s().joinedUnit(), y -> y < 3)));
        m.put("B0604", share(p -> p.since(p.s().workStart(), y -> y < 3)));
        m.put("B0605", share(p -> p.since(p.s().workStart(), y -> y >= 30)));   // 工龄30年以上 (as the pack: 满30年)
        m.put("B0606", count(p -> p.leader() && p.since(p.s().joinedUnit(), y -> y < 1)));
        m.put("B0607", average(p -> p.since(p.s().joinedUnit(), y -> y < 3), Staff::age));
        m.put("B0608", shareOf(p -> p.since(p.s().joinedUnit(), y -> y < 3), Staff::woman));
    }

    // ---- B07 退休预测, B08 梯队储备 ----
    private static void retirementAndReserve(Map<String, Function<UnitView, Cell>> m) {
        m.put("B0701", count(p -> p.retiresWithin(1)));
        m.put("B0702", share(p -> p.retiresWithin(1)));
        m.put("B0703", count(p -> p.retiresWithin(2)));
        m.put("B0704", count(p -> p.retiresWithin(3)));
        m.put("B0705", share(p -> p.retiresWithin(3)));
        m.put("B0706", share(p -> p.retiresWithin(4)));
        m.put("B0707", count(p -> p.retiresWithin(5)));
        m.put("B0708", share(p -> p.retiresWithin(5)));
        m.put("B0709", count(Staff::pastRetirement));                   // 已达法定退休年龄仍在职
        m.put("B0710", count(p -> p.leader() && p.retiresWithin(3)));
        m.put("B0711", shareOf(Staff::leader, p -> p.retiresWithin(5)));
        m.put("B0712", u -> new Cell(n(u, p -> p.retiresWithin(5)), n(u, p -> p.age() <= 35)));
        m.put("B0713", count(p -> p.man() && p.retiresWithin(3)));
        m.put("B0714", count(p -> p.woman() && p.retiresWithin(3)));

        m.put("B0801", share(p -> p.age() <= 40 && p.rankAtLeast("二级主任科员")));
        m.put("B0802", count(p -> p.age() <= 45 && p.rankAtLeast("四级调研员")));
        m.put("B0803", count(Reserve::candidate));
        m.put("B0804", u -> new Cell(n(u, Reserve::candidate), u.unit().quotaTotal("LEADER")));
        m.put("B0805", count(p -> p.age() <= 35 && p.highestEducation(BACHELOR_UP) && p.rankAtLeast("三级主任科员")));
        m.put("B0806", count(p -> p.age() <= 35 && p.highestEducation(GRAD)));
        m.put("B0807", count(p -> p.age() >= 41 && p.age() <= 45 && p.rankAtLeast("一级主任科员") && !p.leader()));
        m.put("B0808", shareOf(p -> p.post("乡科级副职"), p -> p.age() <= 40));
        m.put("B0809", shareOf(p -> p.post("县处级副职"), p -> p.age() <= 45));
    }

    /** 可提拔乡科级副职后备: 40周岁及以下, 二级主任科员及以上, not yet a leader. */
    private static final class Reserve {
        static boolean candidate(Staff p) {
            return p.age() <= 40 && p.rankAtLeast("二级主任科员") && !p.leader();
        }
    }

    // ---- C01 教育培训 (the evaluation year's totals valid on D) ----
    private static void training(Map<String, Function<UnitView, Cell>> m) {
        m.put("C0101", share(p -> p.hoursAtLeast(90)));
        m.put("C0102", count(p -> p.hoursBelow(90)));
        m.put("C0103", u -> new Cell(u.staff().stream().mapToDouble(ReferenceIndicators::hours).sum(), u.staff().size()));
        m.put("C0104", count(p -> p.hoursBelow(60)));
        m.put("C0105", count(p -> p.hoursBelow(45)));
        m.put("C0106", shareOf(Staff::leader, p -> p.hoursAtLeast(110)));
        m.put("C0107", u -> new Cell(sum(u, Staff::leader, ReferenceIndicators::hours), n(u, Staff::leader)));
        m.put("C0108", shareOf(p -> p.age() <= 35, p -> p.hoursAtLeast(90)));
        m.put("C0109", shareOf(p -> p.age() >= 50, p -> p.hoursAtLeast(90)));
        m.put("C0110", shareOf(Staff::woman, p -> p.hoursAtLeast(90)));
        m.put("C0111", shareOf(Staff::man, p -> p.hoursAtLeast(90)));
        m.put("C0112", count(p -> p.hours() == null));                   // 年度无培训记录
        m.put("C0113", share(p -> p.hoursAtLeast(150)));
        m.put("C0114", shareOf(Staff::inProbation, p -> p.hoursAtLeast(90)));
        m.put("C0115", u -> new Cell(sum(u, p -> p.post(COUNTY), ReferenceIndicators::hours), n(u, p -> p.post(COUNTY))));
    }

    // ---- C02 年度考核, C03 领导干部考核 (assessment rows valid on D, of people in service) ----
    private static void assessment(Map<String, Function<UnitView, Cell>> m) {
        assessmentGroup(m, "C0201", LAST_YEAR);
        assessmentGroup(m, "C0206", TWO_YEARS);
        assessmentGroup(m, "C0211", THREE_YEARS);
        m.put("C0216", assessed(THREE_YEARS, p -> true, "优秀"));        // 近三年: the three completed years
        m.put("C0217", assessedCount(THREE_YEARS, p -> true, "基本称职", "不称职"));
        m.put("C0218", assessedCount(THREE_YEARS, p -> true, "不确定等次"));
        m.put("C0219", u -> new Cell(rows(u, LAST_YEAR, p -> true), u.staff().size()));

        m.put("C0301", assessed(LAST_YEAR, Staff::leader, "优秀"));
        m.put("C0302", assessed(LAST_YEAR, p -> !p.leader(), "优秀"));
        m.put("C0303", assessedCount(THREE_YEARS, Staff::leader, "基本称职", "不称职"));
        m.put("C0304", assessed(LAST_YEAR, p -> p.post(HEADS), "优秀"));
        m.put("C0305", assessed(LAST_YEAR, p -> p.post(DEPUTIES), "优秀"));
        m.put("C0306", assessed(THREE_YEARS, p -> p.post(COUNTY), "优秀"));
        m.put("C0307", assessed(THREE_YEARS, p -> p.post(TOWNSHIP), "优秀"));
        m.put("C0308", u -> new Cell(rows(u, LAST_YEAR, Staff::leader), n(u, Staff::leader)));
        m.put("C0309", assessed(LAST_YEAR, p -> p.age() <= 35, "优秀"));
        m.put("C0310", assessed(THREE_YEARS, Staff::leader, EXCELLENT_COMPETENT));
    }

    /** The five indicators of one period: 优秀 share, 称职及以上 share, 基本称职 / 不称职 / 不确定 counts. */
    private static void assessmentGroup(Map<String, Function<UnitView, Cell>> m, String first, Years years) {
        int base = Integer.parseInt(first.substring(1));
        m.put(code(base), assessed(years, p -> true, "优秀"));
        m.put(code(base + 1), assessed(years, p -> true, EXCELLENT_COMPETENT));
        m.put(code(base + 2), assessedCount(years, p -> true, "基本称职"));
        m.put(code(base + 3), assessedCount(years, p -> true, "不称职"));
        m.put(code(base + 4), assessedCount(years, p -> true, "不确定等次"));
    }

    private static String code(int n) {
        return String.format("C%04d", n);
    }

    // ---- C04 奖励表彰, C05 监督问责 (近三年 = Y−2 … Y) ----
    private static void rewardsAndDiscipline(Map<String, Function<UnitView, Cell>> m) {
        m.put("C0401", u -> new Cell(records(u, "REWARD", RECORDS_3, p -> true), u.staff().size()));
        m.put("C0402", recordCount("REWARD", RECORDS_3, p -> true));
        m.put("C0403", recordCount("REWARD", RECORDS_3, p -> true, "嘉奖"));
        m.put("C0404", recordCount("REWARD", RECORDS_3, p -> true, "记三等功"));
        m.put("C0405", recordCount("REWARD", RECORDS_3, p -> true, "优秀公务员"));
        m.put("C0406", recordCount("REWARD", LAST_YEAR, p -> true));
        m.put("C0407", recordCount("REWARD", LAST_YEAR, p -> true, "嘉奖"));
        m.put("C0408", u -> new Cell(records(u, "REWARD", RECORDS_3, Staff::leader), n(u, Staff::leader)));
        m.put("C0409", recordCount("REWARD", RECORDS_3, p -> p.age() <= 35));
        m.put("C0410", u -> new Cell(records(u, "REWARD", RECORDS_3, p -> !p.leader()),
                records(u, "REWARD", RECORDS_3, p -> true)));
        m.put("C0411", u -> new Cell(records(u, "REWARD", RECORDS_3, Staff::woman), n(u, Staff::woman)));

        m.put("C0501", recordCount("DISCIPLINE", RECORDS_3, p -> true));
        m.put("C0502", u -> new Cell(records(u, "DISCIPLINE", RECORDS_3, p -> true), u.staff().size()));
        m.put("C0503", recordCount("DISCIPLINE", LAST_YEAR, p -> true));
        m.put("C0504", recordCount("DISCIPLINE", RECORDS_3, p -> true, "警告"));
        m.put("C0505", recordCount("DISCIPLINE", RECORDS_3, p -> true, "记过"));
        m.put("C0506", recordCount("DISCIPLINE", RECORDS_3, p -> true, "记大过"));
        m.put("C0507", recordCount("DISCIPLINE", RECORDS_3, p -> true, "降级"));
        m.put("C0508", recordCount("DISCIPLINE", RECORDS_3, p -> true, "撤职", "开除"));
        m.put("C0509", recordCount("DISCIPLINE", RECORDS_3, Staff::leader));
        m.put("C0510", recordCount("DISCIPLINE", RECORDS_3, p -> p.age() <= 35));
        m.put("C0511", u -> new Cell(records(u, "DISCIPLINE", RECORDS_3, p -> true),
                records(u, "REWARD", RECORDS_3, p -> true)));
        m.put("C0512", u -> new Cell(records(u, "DISCIPLINE", RECORDS_3, Staff::leader),
                records(u, "DISCIPLINE", RECORDS_3, p -> true)));
    }

    // ---- C06 试用期与登记 ----
    private static void probationAndData(Map<String, Function<UnitView, Cell>> m) {
        m.put("C0601", count(Staff::inProbation));
        m.put("C0602", share(Staff::inProbation));
        m.put("C0603", count(p -> p.inProbation() && !p.s().probationEnd().isAfter(p.d().plusMonths(3))));
        m.put("C0604", shareOf(Staff::inProbation, p -> p.highestEducation(GRAD)));
        m.put("C0605", share(p -> "参公人员".equals(p.s().staffKind())));
        m.put("C0606", count(p -> p.s().ftEducation() == null));
        m.put("C0607", count(p -> p.s().major() == null));
        m.put("C0608", count(p -> p.s().workStart() == null));
        m.put("C0609", count(p -> p.leader() && p.s().postSince() == null));
        // served the whole of last year (started work before its 1 January) and have no result for it
        m.put("C0610", count(p -> p.s().workStart() != null
                && p.s().workStart().isBefore(java.time.LocalDate.of(p.d().getYear() - 1, 1, 1))
                && p.assessments().stream().noneMatch(a -> a.year() == p.d().getYear() - 1)));
        m.put("C0611", count(p -> p.s().isEducation() != null && p.s().isDegree() == null));
    }

    // ---- helpers ----

    static double positive(double v) {
        return Math.max(0, v);
    }

    static double n(UnitView u, Predicate<Staff> p) {
        return u.staff().stream().filter(p).count();
    }

    static Function<UnitView, Cell> count(Predicate<Staff> p) {
        return u -> Cell.count(n(u, p));
    }

    /** Share of all people in service. */
    static Function<UnitView, Cell> share(Predicate<Staff> p) {
        return u -> new Cell(n(u, p), u.staff().size());
    }

    /** Share within a group. */
    static Function<UnitView, Cell> shareOf(Predicate<Staff> group, Predicate<Staff> p) {
        return u -> new Cell(n(u, s -> group.test(s) && p.test(s)), n(u, group));
    }

    static double sum(UnitView u, Predicate<Staff> group, ToDoubleFunction<Staff> value) {
        return u.staff().stream().filter(group).mapToDouble(value).sum();
    }

    static Function<UnitView, Cell> average(Predicate<Staff> group, ToDoubleFunction<Staff> value) {
        return u -> new Cell(sum(u, group, value), n(u, group));
    }

    /**
     * Average whole years since a date (满整年, like ages in 周岁 — the pack's 口径 of A0708/B0412/B0507) over
     * the group's people who have it; a date after D counts 0 (no year completed).
     */
    static Function<UnitView, Cell> averageYears(Predicate<Staff> group, Function<Staff, java.time.LocalDate> date) {
        Predicate<Staff> known = p -> group.test(p) && date.apply(p) != null;
        return average(known, p -> Math.max(0, p.yearsSince(date.apply(p))));   // a date after D: 0 years
    }

    static double hours(Staff p) {
        return p.hours() == null ? 0 : p.hours().doubleValue();
    }

    static Function<UnitView, Cell> leaderUse(String post) {
        return u -> new Cell(n(u, p -> p.post(post)), u.unit().quota("LEADER", post));
    }

    static Function<UnitView, Cell> leaderOver(String post) {
        return u -> Cell.count(positive(n(u, p -> p.post(post)) - u.unit().quota("LEADER", post)));
    }

    static Function<UnitView, Cell> rankUse(String rank) {
        return u -> new Cell(n(u, p -> p.rank(rank)), u.unit().quota("RANK", rank));
    }

    static Function<UnitView, Cell> rankOver(String rank) {
        return u -> Cell.count(positive(n(u, p -> p.rank(rank)) - u.unit().quota("RANK", rank)));
    }

    /** Assessment rows (人次) of the group in the years. */
    static double rows(UnitView u, Years years, Predicate<Staff> who) {
        return rows(u, years, who, r -> true);
    }

    static double rows(UnitView u, Years years, Predicate<Staff> who, Predicate<String> result) {
        return u.staff().stream().filter(who).flatMap(p -> p.assessments().stream())
                .filter(a -> years.contains(u.year(), a.year()) && result.test(a.result())).count();
    }

    /** Share of the group's assessment rows of the years with one of the results. */
    static Function<UnitView, Cell> assessed(Years years, Predicate<Staff> who, String... results) {
        List<String> r = List.of(results);
        return u -> new Cell(rows(u, years, who, r::contains), rows(u, years, who));
    }

    static Function<UnitView, Cell> assessedCount(Years years, Predicate<Staff> who, String... results) {
        List<String> r = List.of(results);
        return u -> Cell.count(rows(u, years, who, r::contains));
    }

    static double records(UnitView u, String kind, Years years, Predicate<Staff> who, String... descriptions) {
        List<String> d = List.of(descriptions);
        return u.staff().stream().filter(who).flatMap(p -> p.records().stream())
                .filter(r -> r.kind().equals(kind) && years.contains(u.year(), r.year())
                        && (d.isEmpty() || d.contains(r.description()))).count();
    }

    static Function<UnitView, Cell> recordCount(String kind, Years years, Predicate<Staff> who,
                                                String... descriptions) {
        return u -> Cell.count(records(u, kind, years, who, descriptions));
    }
}
