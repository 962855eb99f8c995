package cn.zugong.prosperity.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.talent.CreditCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Scope and role on the workshop routes: a workshop outside the caller's scope answers 404 (read and write); only
 * ADMIN keeps the register, pairs and companies; ADMIN or REPORTER enter the ledger; every refused write leaves the
 * database as it was; wrong values are refused in Chinese naming the field.
 */
@IntegrationTest
class WorkshopAccessIT {

    static final String PREFIX = "权限测试工坊";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    private WorkshopFixtures fx;
    private long dinghaiWorkshop;
    private long donghaiWorkshop;

    @BeforeEach
    void fixture() throws Exception {
        fx = new WorkshopFixtures(mvc, users, jdbc);
        fx.removeAll(PREFIX);
        long dinghai = fx.village("330902");
        dinghaiWorkshop = fx.create(PREFIX + "定海", dinghai, dinghai, "2021-01-01", false, 13_000_001);
        long donghai = fx.nodeByCode("330922100001");
        donghaiWorkshop = fx.create(PREFIX + "东海", donghai, donghai, "2021-01-01", false, 13_000_002);
    }

    @Test
    void aWorkshopOutsideTheScopeIsNotFoundForReadsAndWrites() throws Exception {
        assertThat(status(get("/prosperity/workshops/" + dinghaiWorkshop), "putuo")).isEqualTo(404);
        assertThat(mvc.perform(get("/api/prosperity/workshops/" + dinghaiWorkshop).with(TestUsers.api("putuo")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(fx.enter("putuo", dinghaiWorkshop, "2021-05", 5, 0, "1", "1", "1")).isEqualTo(404);
        assertThat(fx.enter("donghai", dinghaiWorkshop, "2021-05", 5, 0, "1", "1", "1")).isEqualTo(404);
        assertThat(ledgerRows(dinghaiWorkshop)).isZero();
        assertThat(status(get("/prosperity/workshops/" + dinghaiWorkshop), "dinghai")).isEqualTo(200);
        String list = mvc.perform(get("/prosperity/workshops?q=" + PREFIX).with(users.page("donghai"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains(PREFIX + "东海").doesNotContain(PREFIX + "定海");
    }

    @Test
    void theVillageReporterEntersItsLedgerAndReadersMayNot() throws Exception {
        assertThat(fx.enter("donghai", donghaiWorkshop, "2021-05", 8, 1, "20000", "30000", "900")).isEqualTo(302);
        assertThat(ledgerRows(donghaiWorkshop)).isOne();
        assertThat(fx.enter("reviewer", donghaiWorkshop, "2021-06", 8, 1, "20000", "30000", "900")).isEqualTo(403);
        assertThat(fx.enter("leader", donghaiWorkshop, "2021-06", 8, 1, "20000", "30000", "900")).isEqualTo(403);
        var api = mvc.perform(post("/api/prosperity/workshops/" + donghaiWorkshop + "/ledger")
                .with(TestUsers.api("reviewer")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"month\":\"2021-06\",\"employed\":\"8\",\"wages\":\"1\",\"sales\":\"1\",\"collectiveIncome\":\"1\"}"))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(ledgerRows(donghaiWorkshop)).isOne();
        assertThat(status(get("/prosperity/workshops/" + donghaiWorkshop + "/ledger"), "leader")).isEqualTo(403);
    }

    @Test
    void onlyAnAdminKeepsTheRegisterPairsAndCompanies() throws Exception {
        long before = jdbc.sql("select count(*) from workshop").query(Long.class).single();
        long village = fx.nodeByCode("330922100001");
        for (String user : new String[] {"donghai", "reviewer", "leader"}) {
            MockHttpServletResponse r = mvc.perform(post("/prosperity/workshops").with(users.page(user)).with(csrf())
                    .param("name", PREFIX + "越权").param("nodeId", String.valueOf(village)).param("type", "OTHER")
                    .param("startedOn", "2021-01-01").param("villageIds", String.valueOf(village))
                    .param("enterprises", "越权公司 " + CreditCodes.of(true, "330922", 13_000_009))).andReturn().getResponse();
            assertThat(r.getStatus()).as(user).isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from workshop").query(Long.class).single()).isEqualTo(before);
        long pairs = jdbc.sql("select count(*) from workshop_pair").query(Long.class).single();
        MockHttpServletResponse pair = mvc.perform(post("/prosperity/pairs").with(users.page("reviewer")).with(csrf())
                .param("enterpriseName", "越权企业").param("creditCode", CreditCodes.of(true, "330922", 13_000_010))
                .param("villageId", String.valueOf(village)).param("since", "2024-01-01").param("content", "x"))
                .andReturn().getResponse();
        assertThat(pair.getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from workshop_pair").query(Long.class).single()).isEqualTo(pairs);
    }

    @Test
    void wrongValuesAreRefusedInChineseNamingTheFieldAndNothingIsSaved() throws Exception {
        MockHttpServletResponse future = mvc.perform(post("/prosperity/workshops/" + donghaiWorkshop + "/ledger")
                .with(users.page("donghai")).with(csrf()).param("month", "2027-01").param("employed", "3")
                .param("lowIncome", "4").param("wages", "abc").param("sales", "1").param("collectiveIncome", "-5"))
                .andReturn().getResponse();
        assertThat(future.getStatus()).isEqualTo(400);
        assertThat(future.getContentAsString()).contains("月份：月份不能晚于本月").contains("发放工资：应为金额")
                .contains("村集体增收：不能为负数").contains("其中低收入农户（4）不能多于用工人数（3）");
        assertThat(ledgerRows(donghaiWorkshop)).isZero();

        long village = fx.nodeByCode("330922100001");
        MockHttpServletResponse code = mvc.perform(post("/prosperity/workshops").with(users.page("admin")).with(csrf())
                .param("name", PREFIX + "错码").param("nodeId", String.valueOf(village)).param("type", "OTHER")
                .param("startedOn", "2021-01-01").param("villageIds", String.valueOf(village))
                .param("enterprises", "错码公司 91330922MA2A00000X")).andReturn().getResponse();
        assertThat(code.getStatus()).isEqualTo(400);
        assertThat(code.getContentAsString()).contains("运营企业第 1 行（错码公司）：统一社会信用代码");
        assertThat(jdbc.sql("select count(*) from workshop where name = :n").param("n", PREFIX + "错码")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theAdminAddsAPairAndACompanyAndTheFiguresCountThem() throws Exception {
        jdbc.sql("delete from workshop_pair where content = '权限测试帮扶'").update();
        long village = fx.nodeByCode("330922100001");
        MockHttpServletResponse r = mvc.perform(post("/prosperity/pairs").with(users.page("shengsi")).with(csrf())
                .param("enterpriseName", "权限测试企业").param("creditCode", CreditCodes.of(true, "330922", 13_000_011))
                .param("villageId", String.valueOf(village)).param("since", "2024-01-01").param("content", "权限测试帮扶"))
                .andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
        String page = mvc.perform(get("/prosperity/pairs").with(users.page("caiyuan"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("权限测试企业").contains("组建强村公司");
        MockHttpServletResponse outside = mvc.perform(post("/prosperity/pairs").with(users.page("putuo")).with(csrf())
                .param("enterpriseName", "越界企业").param("creditCode", CreditCodes.of(true, "330922", 13_000_012))
                .param("villageId", String.valueOf(village)).param("since", "2024-01-01").param("content", "越界"))
                .andReturn().getResponse();
        assertThat(outside.getStatus()).isEqualTo(400);
        assertThat(outside.getContentAsString()).contains("结对村：须为您管理范围内的村（社区）");
        assertThat(jdbc.sql("select count(*) from workshop_pair where content = '越界'").query(Long.class).single()).isZero();
    }

    private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user)
            throws Exception {
        return mvc.perform(request.with(users.page(user))).andReturn().getResponse().getStatus();
    }

    private long ledgerRows(long workshop) {
        return jdbc.sql("select count(*) from workshop_ledger where workshop_id = :w").param("w", workshop)
                .query(Long.class).single();
    }
}
