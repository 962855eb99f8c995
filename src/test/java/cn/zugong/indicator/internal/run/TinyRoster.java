package cn.zugong.indicator.internal.run;

import cn.zugong.RosterVersions;
import cn.zugong.org.Division;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.org.UnitFacts.Kind;
import cn.zugong.org.UnitFacts.PostQuota;
import cn.zugong.people.PersonRow;
import cn.zugong.people.PersonRow.YearNote;
import cn.zugong.people.ChangeKind;
import cn.zugong.people.RosterChange;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.IdNumbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two units with six people under a test township (330902T91) of 定海区, built once per shared context
 * through the public org and people APIs. The expected values of the engine tests are worked out by
 * hand from these rows, as of {@link #AS_OF}.
 */
final class TinyRoster {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static final String TOWNSHIP = "330902T91";
    static final String H1 = "330902T91H1";
    static final String H2 = "330902T91H2";
    private static int sequence = 100;

    private TinyRoster() {
    }

    /** As {@link #ensure(OrgBuilder, OrgTree, RosterWriter)}, and every person gets a roster version (ADR 050). */
    static synchronized void ensure(OrgBuilder org, OrgTree tree, RosterWriter roster, JdbcClient jdbc) {
        ensure(org, tree, roster);
        RosterVersions.backfill(jdbc);
    }

    static synchronized void ensure(OrgBuilder org, OrgTree tree, RosterWriter roster) {
        if (tree.byCode(TOWNSHIP).isPresent()) {
            return;
        }
        org.addDivisions(List.of(new Division(TOWNSHIP, "体检测试街道", "township", "330902")));
        org.addUnits(List.of(
                new NewUnit(TOWNSHIP, H1, "体检测试局", 1, "政府部门", "县直", 10, List.of(
                        new PostQuota(Kind.LEADER, "乡科级正职", 1), new PostQuota(Kind.LEADER, "乡科级副职", 2),
                        new PostQuota(Kind.RANK, "一级主任科员", 2))),
                new NewUnit(TOWNSHIP, H2, "体检测试办", 2, "政府部门", "县直", 4, List.of())));
        long h1 = tree.byCode(H1).orElseThrow().id();
        long h2 = tree.byCode(H2).orElseThrow().id();
        saveFromJoining(roster, List.of(
                // P1: exactly 36 on AS_OF, 研究生, 选调生, 乡科级正职, 16.5 years in the unit
                person(h1, "甲一", "男", "1990-11-01", "研究生", "一级主任科员", "2020-11-01", "乡科级正职", "2018-01-01",
                        "2012-08-01", "2010-05-01", "选调生", "中共党员", null,
                        Map.of(2025, "优秀", 2024, "称职"), Map.of(2026, "95"), List.of(new YearNote(2025, "嘉奖")),
                        List.of()),
                // P2: one day short of 35, 群众, 60 training hours, a 警告 in 2024
                person(h1, "甲二", "女", "1991-11-02", "大学本科", "四级主任科员", "2024-11-01", null, null,
                        "2014-08-01", "2020-01-01", "考录", "群众", null,
                        Map.of(2025, "称职"), Map.of(2026, "60"), List.of(), List.of(new YearNote(2024, "警告"))),
                // P3: man born 1966-07-01 retires at 60y5m on 2026-12-01 (within a year)
                person(h1, "甲三", "男", "1966-07-01", "大学专科", "一级主任科员", "2015-01-01", "乡科级副职", "2016-01-01",
                        "1986-08-01", "2000-01-01", "军转", "中共党员", null,
                        Map.of(2025, "基本称职"), Map.of(2026, "120"), List.of(), List.of()),
                // P4: woman cadre born 1971-03-15 retired at 55y4m on 2026-07-15 (already past), no training
                person(h1, "甲四", "女", "1971-03-15", "大学本科", "三级主任科员", "2019-03-01", null, null,
                        "1993-08-01", "2019-06-01", "调任", "民主党派", null,
                        Map.of(2025, "优秀"), Map.of(), List.of(), List.of()),
                // P5: in probation until 2027-01-15
                person(h2, "乙一", "女", "2000-01-01", "研究生", "二级科员", "2026-01-15", null, null,
                        "2026-01-15", "2026-01-15", "考录", "共青团员", "2027-01-15",
                        Map.of(), Map.of(2026, "100"), List.of(), List.of()),
                // P6: exactly 10 years in the unit, exactly 90 training hours
                person(h2, "乙二", "男", "1980-06-01", "大学本科", "四级调研员", "2021-06-01", null, null,
                        "2002-08-01", "2016-11-01", "遴选", "中共党员", null,
                        Map.of(2025, "称职", 2024, "优秀", 2023, "优秀"), Map.of(2026, "90"), List.of(), List.of())));
    }

    /** Each person's history starts the day they joined the unit (the evaluation dates lie after it). */
    private static void saveFromJoining(RosterWriter roster, List<PersonRow> people) {
        for (PersonRow p : people) {
            roster.save(List.of(p), new RosterChange(p.joinedUnitDate(), ChangeKind.IMPORT, "测试夹具"));
        }
    }

    static PersonRow person(long unit, String name, String gender, String birth, String education, String rank,
                            String rankSince, String post, String postSince, String workStart, String joined,
                            String source, String political, String probationEnd, Map<Integer, String> assessments,
                            Map<Integer, String> training, List<YearNote> rewards, List<YearNote> disciplines) {
        LocalDate born = LocalDate.parse(birth);
        Map<Integer, BigDecimal> hours = new java.util.TreeMap<>();
        training.forEach((y, h) -> hours.put(y, new BigDecimal(h)));
        return new PersonRow(null, unit, name, gender, born, IdNumbers.of("110101", born, sequence++ * 2 + (gender.equals("男") ? 1 : 0)),
                null, "汉族", political, education, education.equals("研究生") ? "硕士" : "学士", null, null, "法学类",
                "公务员", rank, date(rankSince), post, date(postSince), date(workStart), LocalDate.parse(joined), source,
                date(probationEnd), assessments, hours, rewards, disciplines);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
