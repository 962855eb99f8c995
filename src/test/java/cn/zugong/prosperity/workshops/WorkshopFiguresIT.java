package cn.zugong.prosperity.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.prosperity.WorkshopFigures;
import cn.zugong.prosperity.WorkshopPeriod;
import cn.zugong.org.OrgTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ledger's figures counted by hand for two workshops over three months (2019-01 … 2019-03, long before the
 * demo's workshops), entered through the phone page's form, one month corrected on the way; a third workshop closed
 * (停办) in 2018 is not counted.
 *
 * <pre>
 *   workshop  county  省级示范  month    employed  low  wages    sales    collective
 *   A         定海    yes      2019-01  10        2    25000    80000    3000
 *                              2019-02  12 (13)   3    30000 (31000, corrected)  90000  3500
 *                              2019-03  11        3    27500    85000    3200
 *   B         普陀    no       2019-01  20        5    52000    150000   6000
 *                              2019-02  18        4    46800    140000   5500
 *                              2019-03  —  (B's latest month in the period is 2019-02)
 *   C         定海    no       2018-12  5 (closed 2018-12-31: not in the period)
 *
 *   workshops 2 (省级示范 1); jobs = A's 2019-03 + B's 2019-02 = 11 + 18 = 29 (low income 3 + 4 = 7)
 *   worker-months 10+12+11+20+18 = 71; wages 181,300; per worker 181300 / 71 = 2553.52
 *   sales 545,000; collective 3000+3500+3200+6000+5500 = 21,200
 *   定海: jobs 11, worker-months 33, wages 82,500 → 2500.00, collective 9,700
 *   普陀: jobs 18, worker-months 38, wages 98,800 → 2600.00, collective 11,500
 *   2019-02 alone: jobs 12 + 18 = 30, worker-months 30, wages 76,800 → 2560.00
 * </pre>
 */
@IntegrationTest
class WorkshopFiguresIT {

    static final String PREFIX = "手算工坊";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired WorkshopFigures figures;
    @Autowired OrgTree tree;

    private WorkshopFixtures fx;
    private long a;

    @BeforeEach
    void fixture() throws Exception {
        fx = new WorkshopFixtures(mvc, users, jdbc);
        fx.removeAll(PREFIX);
        long dinghai = fx.village("330902");
        long putuo = fx.village("330903");
        a = fx.create(PREFIX + "A", dinghai, dinghai, "2018-06-01", true, 11_000_001);
        long b = fx.create(PREFIX + "B", putuo, putuo, "2018-09-15", false, 11_000_002);
        long c = fx.create(PREFIX + "C", dinghai, dinghai, "2018-01-10", false, 11_000_003);
        assertThat(fx.enter("admin", a, "2019-01", 10, 2, "25000", "80000", "3000")).isEqualTo(302);
        assertThat(fx.enter("admin", a, "2019-02", 13, 3, "31000", "90000", "3500")).isEqualTo(302);
        assertThat(fx.enter("dinghai", a, "2019-02", 12, 3, "30000.00", "90000", "3500")).isEqualTo(302);
        assertThat(fx.enter("admin", a, "2019-03", 11, 3, "27500", "85000", "3200")).isEqualTo(302);
        assertThat(fx.enter("admin", b, "2019-01", 20, 5, "52000", "150000", "6000")).isEqualTo(302);
        assertThat(fx.enter("putuo", b, "2019-02", 18, 4, "46800", "140000", "5500")).isEqualTo(302);
        assertThat(fx.enter("admin", c, "2018-12", 5, 0, "10000", "20000", "1000")).isEqualTo(302);
        var edit = mvc.perform(post("/prosperity/workshops/" + c).with(users.page("admin")).with(csrf())
                .param("name", PREFIX + "C").param("type", "PROCESSING").param("startedOn", "2018-01-10")
                .param("villageIds", String.valueOf(dinghai)).param("closedOn", "2018-12-31")
                .param("enterprises", "测试服饰有限公司 " + cn.zugong.talent.CreditCodes.of(true, "330902", 11_000_003)))
                .andReturn();
        assertThat(edit.getResponse().getStatus()).as(edit.getResponse().getContentAsString()).isEqualTo(302);
    }

    @Test
    void theFiguresOfTwoWorkshopsOverThreeMonthsAreTheHandCount() throws Exception {
        WorkshopFigures.Figures f = figures.of(tree.byCode("3309").orElseThrow().asScope(),
                new WorkshopPeriod(YearMonth.of(2019, 1), YearMonth.of(2019, 3)));
        WorkshopFigures.Totals t = f.total();
        assertThat(t.workshops()).isEqualTo(2);
        assertThat(t.provincialModels()).isEqualTo(1);
        assertThat(t.jobs()).isEqualTo(29);
        assertThat(t.lowIncomeJobs()).isEqualTo(7);
        assertThat(t.workerMonths()).isEqualTo(71);
        assertThat(t.wages()).isEqualByComparingTo("181300");
        assertThat(t.sales()).isEqualByComparingTo("545000");
        assertThat(t.collectiveIncome()).isEqualByComparingTo("21200");
        assertThat(t.monthlyIncomePerWorker()).isEqualByComparingTo("2553.52");
        assertThat(f.sentence()).isEqualTo("累计打造“共富工坊”2家，促进村集体增收2.1万余元，吸纳农村就业29人，人均月增收2554元");
        assertThat(f.byCounty()).extracting(WorkshopFigures.Totals::key).containsExactly("330902", "330903");
        WorkshopFigures.Totals dinghai = f.byCounty().get(0);
        assertThat(dinghai.jobs()).isEqualTo(11);
        assertThat(dinghai.workerMonths()).isEqualTo(33);
        assertThat(dinghai.monthlyIncomePerWorker()).isEqualByComparingTo("2500.00");
        assertThat(dinghai.collectiveIncome()).isEqualByComparingTo("9700");
        WorkshopFigures.Totals putuo = f.byCounty().get(1);
        assertThat(putuo.jobs()).isEqualTo(18);
        assertThat(putuo.workerMonths()).isEqualTo(38);
        assertThat(putuo.monthlyIncomePerWorker()).isEqualByComparingTo("2600.00");
        assertThat(putuo.collectiveIncome()).isEqualByComparingTo("11500");

        WorkshopFigures.Totals feb = figures.of(tree.byCode("3309").orElseThrow().asScope(),
                new WorkshopPeriod(YearMonth.of(2019, 2), YearMonth.of(2019, 2))).total();
        assertThat(feb.jobs()).isEqualTo(30);
        assertThat(feb.workerMonths()).isEqualTo(30);
        assertThat(feb.monthlyIncomePerWorker()).isEqualByComparingTo("2560.00");
    }

    @Test
    void theApiThePageAndTheExcelAnswerTheSameFiguresAndAScopeSeesItsOwnCountyOnly() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/api/prosperity/workshops/figures?from=2019-01&to=2019-03")
                .with(TestUsers.api("admin"))).andReturn().getResponse().getContentAsString());
        assertThat(api.at("/total/jobs").asLong()).isEqualTo(29);
        assertThat(new BigDecimal(api.at("/total/collectiveIncome").asText())).isEqualByComparingTo("21200");
        assertThat(api.at("/sentence").asText()).contains("人均月增收2554元");

        String page = mvc.perform(get("/prosperity/workshops/figures?from=2019-01&to=2019-03")
                .with(users.page("admin"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("累计打造“共富工坊”2家，促进村集体增收2.1万余元，吸纳农村就业29人，人均月增收2554元")
                .contains("口径").contains("181,300.00");

        byte[] xlsx = mvc.perform(get("/prosperity/workshops/figures.xlsx?from=2019-01&to=2019-03")
                .with(users.page("admin"))).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheet("工坊成效");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("吸纳农村就业29人");
            var total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(29);
            assertThat(total.getCell(8).getNumericCellValue()).isEqualTo(21200);
        }

        JsonNode putuo = json.readTree(mvc.perform(get("/api/prosperity/workshops/figures?from=2019-01&to=2019-03")
                .with(TestUsers.api("putuo"))).andReturn().getResponse().getContentAsString());
        assertThat(putuo.at("/total/workshops").asLong()).isEqualTo(1);
        assertThat(putuo.at("/total/jobs").asLong()).isEqualTo(18);
        assertThat(putuo.at("/byCounty").size()).isEqualTo(1);
    }

    @Test
    void aCorrectionReplacesTheMonthAndKeepsTheOldValues() {
        var change = jdbc.sql("select employed, wages, old_entered_by, changed_by from workshop_ledger_change "
                + "where workshop_id = :w and ledger_month = 201902").param("w", a).query().singleRow();
        assertThat(((Number) change.get("employed")).intValue()).isEqualTo(13);
        assertThat((BigDecimal) change.get("wages")).isEqualByComparingTo("31000");
        assertThat(change.get("old_entered_by")).isEqualTo("admin");
        assertThat(change.get("changed_by")).isEqualTo("dinghai");
        assertThat(jdbc.sql("select count(*) from workshop_ledger where workshop_id = :w and ledger_month = 201902")
                .param("w", a).query(Long.class).single()).isOne();
    }

    @Test
    void aPeriodEndingInTheFutureOrBackwardsIsRefusedInChinese() throws Exception {
        var future = mvc.perform(get("/api/prosperity/workshops/figures?to=2030-01").with(TestUsers.api("admin")))
                .andReturn().getResponse();
        assertThat(future.getStatus()).isEqualTo(400);
        assertThat(future.getContentAsString()).contains("截止月份不能晚于本月");
        var backwards = mvc.perform(get("/api/prosperity/workshops/figures?from=2019-05&to=2019-01")
                .with(TestUsers.api("admin"))).andReturn().getResponse();
        assertThat(backwards.getStatus()).isEqualTo(400);
        assertThat(backwards.getContentAsString()).contains("起始月份不能晚于截止月份");
    }
}
