package cn.zugong.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.HistoricalItem;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import cn.zugong.tickets.internal.Figure;
import cn.zugong.tickets.internal.FigureFilter;
import cn.zugong.tickets.internal.Figures;
import cn.zugong.tickets.internal.Satisfaction;
import cn.zugong.tickets.internal.TicketFigures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures on a hand-built set: 20 tickets of a fresh unit and category in 2026 (10 raised in March, 10 in
 * July; cadre A 10, cadre B 10), 19 closed — 10 after 5 days, 9 after 10 days, 2 of them resolved (the day before
 * 销号) after their 7-day deadline —
 * and 1 still in progress past its deadline after a 不满意 callback. By hand: 化解率 19/20 = 95.00%; overdue 1 open
 * + 2 closed late = 3; average days to close (10×5 + 9×10) / 19 = 7.4; 满意率 19/20 = 95.00%.
 */
@IntegrationTest
class TicketFiguresIT {

    @Autowired TicketHistory history;
    @Autowired TicketFigures figures;
    @Autowired OrgBuilder builder;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    static OrgNode unit;
    static String category;
    static String cadreA;
    static String cadreB;
    CurrentUser cityAdmin;

    @BeforeEach
    void handBuiltSet() {
        OrgNode city = tree.byCode("3309").orElseThrow();
        cityAdmin = new CurrentUser(0, "admin", "市委组织部管理员", Role.ADMIN, city.asScope(), city.name());
        if (unit != null) {
            return;
        }
        int n = ThreadLocalRandom.current().nextInt(1000, 9999);
        builder.addUnits(List.of(new NewUnit("330902", "330902F" + n, "定海区统计测试局" + n, 991, "行政机关", "县直", 10,
                List.of())));
        unit = tree.byCode("330902F" + n).orElseThrow();
        category = "FIG" + n;
        jdbc.sql("insert into ticket_category (code, name, sla_days, sort_order) values (:c, :n, 30, 99)")
                .param("c", category).param("n", "统计测试类别" + n).update();
        cadreA = "fig-a-" + n;
        cadreB = "fig-b-" + n;
        List<TicketHistory.Ticket> seeds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            seeds.add(seed(n, i));
        }
        history.write(seeds, "test", "统计测试");
    }

    private static TicketHistory.Ticket seed(int n, int i) {
        LocalDateTime raised = i < 10 ? LocalDateTime.of(2026, 3, 2 + i, 9, 0) : LocalDateTime.of(2026, 7, i - 8, 9, 0);
        boolean open = i == 19;
        boolean late = i == 10 || i == 11;
        LocalDate deadline = raised.toLocalDate().plusDays(open ? 30 : (late ? 7 : 30));
        LocalDateTime closed = open ? null : raised.plusDays(i < 10 ? 5 : 10);
        String cadre = i % 2 == 0 ? cadreA : cadreB;
        List<HistoricalItem.Step> events = new ArrayList<>();
        events.add(new HistoricalItem.Step(raised, "admin", "市委组织部管理员", ClosureAction.REGISTER, null,
                ClosureStatus.REGISTERED, null));
        events.add(new HistoricalItem.Step(raised.plusHours(2), "admin", "市委组织部管理员", ClosureAction.ASSIGN,
                ClosureStatus.REGISTERED, ClosureStatus.ASSIGNED, null));
        if (!open) {
            events.add(new HistoricalItem.Step(closed, "reviewer", "市委组织部审核员", ClosureAction.CLOSE,
                    ClosureStatus.VERIFIED, ClosureStatus.CLOSED, null));
        }
        Satisfaction s = open ? Satisfaction.UNSATISFIED : (i == 5 ? Satisfaction.BASIC : Satisfaction.SATISFIED);
        List<TicketHistory.Callback> calls = List.of(new TicketHistory.Callback(raised.plusDays(3), cadre, "干部", s.name(),
                "回访"));
        return new TicketHistory.Ticket("figures-" + n + "-" + i, category, TicketSource.VISIT, "统计测试问题 " + i,
                "统计测试问题描述 " + i, "请求人", null, unit.id(), unit.id(), "admin", "市委组织部管理员", raised, cadre,
                i % 2 == 0 ? "甲干部" + n : "乙干部" + n, open ? ClosureStatus.IN_PROGRESS : ClosureStatus.CLOSED,
                deadline, raised.plusHours(2), 0, null, null, open ? null : "已解决", open ? null : closed.minusDays(1),
                closed, events, calls, null);
    }

    private Figures of(Integer quarter, Integer month, String cadre, String by) {
        return figures.figures(new FigureFilter(2026, quarter, month, category, unit.id(), cadre, by), cityAdmin);
    }

    @Test
    void theWholeSetComputedByHand() {
        Figure total = of(null, null, null, null).total();
        assertThat(total.headline()).isEqualTo("发现问题 20 个，解决 19 个，化解率 95.00%");
        assertThat(total.overdueOpen()).isEqualTo(1);
        assertThat(total.closedLate()).isEqualTo(2);
        assertThat(total.overdue()).isEqualTo(3);
        assertThat(total.averageDaysToClose()).hasToString("7.4");
        assertThat(total.satisfactionRate()).hasToString("95.00");
        assertThat(of(null, null, null, null).byUnit()).singleElement()
                .satisfies(f -> assertThat(f.label()).isEqualTo(unit.name()));
    }

    @Test
    void byCadreCategoryAndPeriod() {
        Figures all = of(null, null, null, "quarter");
        assertThat(all.byCadre()).extracting(Figure::key, Figure::found, Figure::solved)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(cadreA, 10L, 10L),
                        org.assertj.core.groups.Tuple.tuple(cadreB, 10L, 9L));
        assertThat(all.byCadre()).filteredOn(f -> f.key().equals(cadreB)).singleElement()
                .satisfies(f -> assertThat(f.rate()).hasToString("90.00"));
        assertThat(all.byCategory()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo(category);
            assertThat(f.rate()).hasToString("95.00");
        });
        assertThat(all.byPeriod()).extracting(Figure::label, Figure::found, Figure::solved).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2026 年第 1 季度", 10L, 10L),
                org.assertj.core.groups.Tuple.tuple("2026 年第 3 季度", 10L, 9L));
        assertThat(of(1, null, null, null).total().headline()).isEqualTo("发现问题 10 个，解决 10 个，化解率 100.00%");
        assertThat(of(null, 7, null, null).total().headline()).isEqualTo("发现问题 10 个，解决 9 个，化解率 90.00%");
        Figure july = of(null, 7, null, null).total();
        assertThat(july.averageDaysToClose()).hasToString("10.0");
        assertThat(july.closedLate()).isEqualTo(2);
        assertThat(of(null, null, cadreA, null).total().headline()).isEqualTo("发现问题 10 个，解决 10 个，化解率 100.00%");
        assertThat(of(null, null, null, "month").byPeriod()).extracting(Figure::label)
                .containsExactly("2026 年 3 月", "2026 年 7 月");
    }

    @Test
    void thePageAndTheExcelPrintTheSeedsSentence() throws Exception {
        String page = mvc.perform(get("/tickets/figures").param("year", "2026").param("unitId", String.valueOf(unit.id()))
                        .param("category", category).with(users.page("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("发现问题 20 个，解决 19 个，化解率 95.00%", "甲干部", "统计测试类别", "2026 年 7 月");
        byte[] xlsx = mvc.perform(get("/tickets/figures.xlsx").param("year", "2026")
                        .param("unitId", String.valueOf(unit.id())).with(users.page("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheet("总览").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("发现问题 20 个，解决 19 个，化解率 95.00%");
            Sheet cadres = book.getSheet("按服务干部");
            assertThat(cadres.getLastRowNum()).isEqualTo(2);
            assertThat(book.getSheet("按单位").getRow(1).getCell(0).getStringCellValue()).isEqualTo(unit.name());
            assertThat(book.getSheet("按单位").getRow(1).getCell(3).getStringCellValue()).isEqualTo("95.00");
        }
        String json = mvc.perform(get("/api/tickets/figures").param("year", "2026")
                        .param("unitId", String.valueOf(unit.id()))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("admin", IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"headline\":\"发现问题 20 个，解决 19 个，化解率 95.00%\"", "\"rate\":95.00");
    }

    @Test
    void theCitysFiguresPrintTheSeedsWholeSentenceWithTheVisits() throws Exception {
        // counted independently: every 2026 visit of a cadre whose node is in 舟山市, by kind
        java.util.Map<String, Long> visits = new java.util.HashMap<>();
        jdbc.sql("""
                select v.kind, count(*) from service_visit v join service_cadre c on c.id = v.cadre_id
                join org_node n on n.id = c.node_id
                where n.path like :city and v.visit_date between date '2026-01-01' and date '2026-12-31'
                group by v.kind""").param("city", tree.byCode("3309").orElseThrow().path() + "%")
                .query((rs, i) -> visits.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(visits.values().stream().mapToLong(Long::longValue).sum()).as("demo visits").isPositive();
        Figure tickets = figures.figures(new FigureFilter(2026, null, null, null, null, null, null), cityAdmin).total();
        String page = mvc.perform(get("/tickets/figures").param("year", "2026").with(users.page("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("累计对接项目 " + visits.getOrDefault("PROJECT", 0L) + " 次，走访联系企业 "
                + visits.getOrDefault("ENTERPRISE", 0L) + " 次，走访渔农户 " + visits.getOrDefault("FARMER", 0L)
                + " 次，发现收集各类问题诉求 " + tickets.found() + " 个，整改解决 " + tickets.solved() + " 个，问题化解整改率 "
                + tickets.rate().toPlainString() + "%");
        // the hand-built unit has no cadres: its sentence counts no visits
        String unitPage = mvc.perform(get("/tickets/figures").param("year", "2026")
                        .param("unitId", String.valueOf(unit.id())).with(users.page("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unitPage).contains("累计对接项目 0 次，走访联系企业 0 次，走访渔农户 0 次，发现收集各类问题诉求 20 个，整改解决 19 个，"
                + "问题化解整改率 95.00%");
    }
}
