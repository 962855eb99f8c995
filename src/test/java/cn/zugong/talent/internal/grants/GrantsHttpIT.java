package cn.zugong.talent.internal.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Role;
import cn.zugong.talent.CreditCodes;
import cn.zugong.talent.NewEmployer;
import cn.zugong.talent.NewTalent;
import cn.zugong.talent.TalentRegistry;
import cn.zugong.talent.internal.TalentStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 码上秒享 over HTTP in the demo world, on a fixture of its own (two talents of 定海区 with accounts of their own):
 * 定海's admin computes November, the city's reviewer approves, the payment list downloads; 普陀 sees no 定海 run
 * (404) and cannot review it; a leader cannot compute (403, nothing in the database); a talent sees only the own
 * grants, on the phone page and the API, and none of the office's routes.
 */
@IntegrationTest
class GrantsHttpIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TalentRegistry registry;
    @Autowired TalentStore store;
    @Autowired Accounts accounts;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;

    private long talent(OrgNode node, long employer, int n, String username) {
        LocalDate birth = LocalDate.of(1990, 3, n);
        long id = registry.register(new NewTalent(node.id(), employer, "秒享测试" + n, "女", birth,
                IdNumbers.of("330902", birth, 700 + n), "13905809" + (100 + n), null, "ENGINEER", "OIL_GAS_TRADE",
                "MASTER", null, null, new BigDecimal("150000"), LocalDate.of(2025, 7, 1), List.of()), "grants-http");
        store.setLevel(id, "E", "REGULAR", LocalDate.of(2025, 7, 1), null);
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "秒享测试" + n, Role.TALENT, node.id()), false);
        registry.linkAccount(id, username);
        jdbc.sql("insert into talent_employment (talent_id, employer_id, from_date, imported_by, imported_at) values "
                + "(:t, :e, date '2025-07-01', 'test', timestamp '2026-11-01 00:00:00')").param("t", id).param("e", employer).update();
        jdbc.sql("insert into talent_rental (talent_id, from_date, monthly_rent, imported_by, imported_at) values "
                + "(:t, date '2025-07-01', :r, 'test', timestamp '2026-11-01 00:00:00')").param("t", id)
                .param("r", new BigDecimal(600 + n * 100)).update();
        jdbc.sql("insert into talent_social_security (talent_id, pay_month, paid_in_city, imported_by, imported_at) values "
                + "(:t, 202611, true, 'test', timestamp '2026-11-01 00:00:00')").param("t", id).update();
        return id;
    }

    @Test
    void officeComputesAndReviewsInScopeAndATalentSeesOnlyTheOwnGrants() throws Exception {
        OrgNode dinghai = tree.byCode("330902").orElseThrow();
        long employer = registry.registerEmployer(new NewEmployer(dinghai.id(), CreditCodes.of(true, "330902", 97000001),
                "舟山秒享测试有限公司", "ENTERPRISE", "OIL_GAS_TRADE"), "grants-http");
        long a = talent(dinghai, employer, 1, "gr-talent-a");
        long b = talent(dinghai, employer, 2, "gr-talent-b");

        long before = count("select count(*) from talent_grant_run");
        mvc.perform(post("/talent/grants/runs").param("period", "2026-11").with(csrf()).with(users.page("leader")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(403));
        assertThat(count("select count(*) from talent_grant_run")).isEqualTo(before);

        var created = mvc.perform(post("/talent/grants/runs").param("period", "2026-11").with(csrf())
                .with(users.page("dinghai"))).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        long run = Long.parseLong(created.getRedirectedUrl().replaceAll(".*/runs/", ""));
        // E 1,000 a month, capped by the rent: 700 for a, 800 for b
        assertThat(jdbc.sql("select amount from talent_grant_line where run_id = :r and talent_id = :t and rule_code = 'RENT'")
                .param("r", run).param("t", a).query(BigDecimal.class).single()).isEqualByComparingTo("700");

        // 普陀 sees no 定海 run and cannot review it; the computing admin cannot review it either
        mvc.perform(get("/talent/grants/runs/" + run).with(users.page("putuo")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
        mvc.perform(get("/api/talent/grants/runs/" + run).with(TestUsers.api("putuo")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
        mvc.perform(post("/talent/grants/runs/" + run + "/approve").with(csrf()).with(users.page("putuo")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
        mvc.perform(post("/talent/grants/runs/" + run + "/approve").with(csrf()).with(users.page("dinghai")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(403));
        assertThat(jdbc.sql("select status from talent_grant_run where id = :r").param("r", run).query(String.class).single())
                .isEqualTo("PENDING");
        mvc.perform(get("/talent/grants/runs/" + run + "/payments").with(users.page("dinghai")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(409));

        String page = mvc.perform(get("/talent/grants/runs/" + run).param("name", "秒享测试").with(users.page("reviewer")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("租房补贴", "月租 700.00 元", "id=\"approve\"");
        save("run.html", page);
        mvc.perform(post("/talent/grants/runs/" + run + "/approve").param("note", "核对无误").with(csrf())
                .with(users.page("reviewer"))).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(302));
        var list = mvc.perform(get("/talent/grants/runs/" + run + "/payments").with(users.page("dinghai"))).andReturn().getResponse();
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentType()).contains("spreadsheetml");
        save("home.html", mvc.perform(get("/talent/grants").param("year", "2026").with(users.page("dinghai"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));

        // the talent: own lines only; the office's routes are not theirs
        String json = mvc.perform(get("/api/talent/my/grants").with(TestUsers.api("gr-talent-a"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"talentId\":" + a).doesNotContain("\"talentId\":" + b).contains("700");
        String mine = mvc.perform(get("/talent/my/grants").with(users.page("gr-talent-a"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("租房补贴", "700.00 元").doesNotContain("800.00 元").doesNotContain("秒享测试2");
        save("my.html", mine);
        mvc.perform(get("/talent/grants/runs/" + run).with(users.page("gr-talent-a")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(403, 404));
        mvc.perform(get("/api/talent/grants/runs/" + run).with(TestUsers.api("gr-talent-a")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(403, 404));
        // an office user has no own grants page
        mvc.perform(get("/api/talent/my/grants").with(TestUsers.api("dinghai")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(403, 404));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void save(String name, String html) throws Exception {
        Path dir = Path.of("target", "talent-grants-pages");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), html);
    }
}
