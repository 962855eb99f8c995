package cn.zugong.cadre.frontline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.cadre.FrontlineCampaigns;
import cn.zugong.cadre.FrontlineFigures;
import cn.zugong.cadre.FrontlineFigures.Figures;
import cn.zugong.cadre.FrontlineFigures.Line;
import cn.zugong.cadre.FrontlineForms.CadresForm;
import cn.zugong.cadre.FrontlineForms.CampaignForm;
import cn.zugong.cadre.FrontlineForms.OutcomeForm;
import cn.zugong.cadre.FrontlineForms.RecordForm;
import cn.zugong.cadre.FrontlineForms.TeamForm;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures recounted by hand: two campaigns of 2018 (a year no other fixture uses) with cadres of 定海区, 普陀区 and
 * the city's own units, records by method and outcomes by category; the figures before and after are compared with
 * the counts this test wrote, per county and per year, and the figures page shows the same totals.
 */
@IntegrationTest
class FrontlineFiguresIT {

    static final LocalDate FROM = LocalDate.of(2018, 1, 1);
    static final LocalDate TO = LocalDate.of(2018, 12, 31);

    @Autowired FrontlineCampaigns campaigns;
    @Autowired FrontlineFigures figures;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    @Test
    void theFiguresAddUpToWhatWasWritten() throws Exception {
        FrontlineFixture fx = new FrontlineFixture(jdbc, roster);
        var city = tree.byCode("3309").orElseThrow();
        CurrentUser admin = new CurrentUser(0, "figures-test", "测试", Role.ADMIN, city.asScope(), city.name());
        long dinghaiUnit = fx.unit("330902");
        long putuoUnit = fx.unit("330903");
        long cityUnit = fx.unit("3309U");
        String dinghaiName = tree.byCode("330902").orElseThrow().name();
        String putuoName = tree.byCode("330903").orElseThrow().name();
        Figures before = figures.of(city.asScope(), FROM, TO);

        // campaign A: one team; 2 定海 cadres (SEE + VISIT each; 先进, 典型案例), 1 普陀 cadre (ASSESS; 问题)
        long a = campaigns.create(admin, new CampaignForm(city.id(), "统计A" + FrontlineFixture.RUN, "EPIDEMIC",
                "2018-03-01", "2018-04-30", "担当、实绩", null));
        long teamA = campaigns.addTeam(admin, a, new TeamForm("A组", cityUnit, fx.people(cityUnit, "统计组员", 2)));
        List<Long> dh = fx.people(dinghaiUnit, "统计定海", 2);
        long pt = fx.person(putuoUnit, "统计普陀");
        campaigns.addCadres(admin, a, new CadresForm(teamA, dinghaiUnit, dh));
        campaigns.addCadres(admin, a, new CadresForm(teamA, putuoUnit, List.of(pt)));
        long r1 = record(a, dh.get(0), "SEE", "2018-03-05");
        record(a, dh.get(0), "VISIT", "2018-03-06");
        long r2 = record(a, dh.get(1), "SEE", "2018-03-07");
        record(a, dh.get(1), "VISIT", "2018-03-08");
        long r3 = record(a, pt, "ASSESS", "2018-03-09");
        campaigns.outcome(admin, a, new OutcomeForm(dh.get(0), "ADVANCED", "事迹", List.of(r1)));
        campaigns.outcome(admin, a, new OutcomeForm(dh.get(1), "CASE", "案例", List.of(r2)));
        campaigns.outcome(admin, a, new OutcomeForm(pt, "PROBLEM", "问题", List.of(r3)));
        // campaign B: two teams; 1 定海 cadre (一般, ASSESS), 1 city cadre (pending, SEE)
        long b = campaigns.create(admin, new CampaignForm(city.id(), "统计B" + FrontlineFixture.RUN, "TYPHOON",
                "2018-08-01", "2018-09-30", "担当、实绩", null));
        long teamB1 = campaigns.addTeam(admin, b, new TeamForm("B1组", cityUnit, fx.people(cityUnit, "统计组员", 1)));
        long teamB2 = campaigns.addTeam(admin, b, new TeamForm("B2组", cityUnit, fx.people(cityUnit, "统计组员", 1)));
        long dh3 = fx.person(dinghaiUnit, "统计定海");
        long ct = fx.person(cityUnit, "统计市直");
        campaigns.addCadres(admin, b, new CadresForm(teamB1, dinghaiUnit, List.of(dh3)));
        campaigns.addCadres(admin, b, new CadresForm(teamB2, cityUnit, List.of(ct)));
        record(b, dh3, "ASSESS", "2018-08-10");
        record(b, ct, "SEE", "2018-08-11");
        campaigns.outcome(admin, b, new OutcomeForm(dh3, "ORDINARY", null, List.of()));

        Figures after = figures.of(city.asScope(), FROM, TO);
        // by hand: campaigns 2, teams 3, cadres 5; records SEE 3, VISIT 2, ASSESS 2; outcomes 1/1/1/1, pending 1
        assertDelta(before.total(), after.total(), 2, 3, 5, 3, 2, 2, 1, 1, 1, 1, 1);
        // 定海: campaigns A and B, teams A and B1, 3 cadres, SEE 2 VISIT 2 ASSESS 1, 先进 1 典型案例 1 一般 1
        assertDelta(line(before.byCounty(), dinghaiName), line(after.byCounty(), dinghaiName), 2, 2, 3, 2, 2, 1, 1, 1, 1,
                0, 0);
        assertDelta(line(before.byCounty(), putuoName), line(after.byCounty(), putuoName), 1, 1, 1, 0, 0, 1, 0, 0, 0,
                1, 0);
        assertDelta(line(before.byCounty(), "市直"), line(after.byCounty(), "市直"), 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1);
        assertDelta(line(before.byYear(), "2018年"), line(after.byYear(), "2018年"), 2, 3, 5, 3, 2, 2, 1, 1, 1, 1, 1);
        // a district sees only its cadres: 普陀's view of 2018 grew by the one 普陀 cadre
        var putuo = tree.byCode("330903").orElseThrow().asScope();
        assertThat(figures.of(putuo, FROM, TO).byCounty()).allMatch(l -> l.name().equals(putuoName));

        // the public outcomes of a campaign (for the appointment records)
        var assessed = figures.assessed(a);
        assertThat(assessed).hasSize(3);
        assertThat(assessed.stream().filter(x -> x.personId() == dh.get(0)).findFirst().orElseThrow().evidence())
                .containsExactly(r1);

        String html = mvc.perform(get("/cadres/frontline/figures?from=2018-01-01&to=2018-12-31")
                .with(users.page("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("考察干部 <b>" + after.total().cadres() + "</b> 名");

        // the same figures as Excel: both tables end with the page's 合计 line
        byte[] xlsx = mvc.perform(get("/cadres/frontline/figures.xlsx?from=2018-01-01&to=2018-12-31")
                .with(users.page("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            List<long[]> totals = new java.util.ArrayList<>();
            for (var row : book.getSheetAt(0)) {
                if (row.getCell(0) != null && "合计".equals(row.getCell(0).getStringCellValue())) {
                    totals.add(new long[] {(long) row.getCell(1).getNumericCellValue(),
                        (long) row.getCell(3).getNumericCellValue(), (long) row.getCell(7).getNumericCellValue()});
                }
            }
            assertThat(totals).hasSize(2).allSatisfy(t -> assertThat(t).containsExactly(after.total().campaigns(),
                    after.total().cadres(), after.total().advanced()));
        }
    }

    private long record(long campaign, long person, String method, String on) {
        var city = tree.byCode("3309").orElseThrow();
        CurrentUser admin = new CurrentUser(0, "figures-test", "测试", Role.ADMIN, city.asScope(), city.name());
        return campaigns.record(admin, campaign, new RecordForm(campaigns.cadreRow(campaign, person), method, on, null,
                "现场", "群众", "评价", Map.of("担当", "4", "实绩", "5")));
    }

    private static Line line(List<Line> lines, String name) {
        return lines.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElse(new Line("", name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    private static void assertDelta(Line before, Line after, long... expected) {
        long[] b = values(before);
        long[] a = values(after);
        long[] delta = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            delta[i] = a[i] - b[i];
        }
        assertThat(delta).as(after.name() + "（考察, 考核组, 干部, 现场看, 一线访, 综合评, 先进, 典型案例, 一般, 问题, 待定）")
                .containsExactly(expected);
    }

    private static long[] values(Line l) {
        return new long[] {l.campaigns(), l.teams(), l.cadres(), l.see(), l.visit(), l.assess(), l.advanced(),
            l.cases(), l.ordinary(), l.problem(), l.pending()};
    }
}
