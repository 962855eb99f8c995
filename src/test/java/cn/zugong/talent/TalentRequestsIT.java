package cn.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 人才诉求 end to end: a talent raises a request on the own page and API; it lands on the 问题清单 with source 人才,
 * the talent sees its status (and, for the demo talent's answered request, the answer); another talent gets 404 on
 * it (pages and API) and nothing is written; the office sees it by scope (定海 yes, 普陀 404); talents never reach
 * the office's pages; refused writes leave the tables as they were; the office's pages and Excel files render on
 * the demo's 专班.
 */
@IntegrationTest
class TalentRequestsIT {

    static final String OTHER = "ts-talent-other";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired TalentRegistry registry;
    @Autowired Accounts accounts;
    @Autowired OrgTree tree;

    @BeforeEach
    void otherTalent() {
        if (accounts.exists(OTHER)) {
            return;
        }
        OrgNode dinghai = tree.byCode("330902").orElseThrow();
        long id = registry.register(new NewTalent(dinghai.id(), null, "测试人才乙", "女", LocalDate.of(1990, 2, 3),
                IdNumbers.of("330902", LocalDate.of(1990, 2, 3), 882), "13905802882", null, "ENGINEER",
                "DIGITAL_ECONOMY", "MASTER", null, null, BigDecimal.valueOf(200000), null, List.of()), "ts-it");
        accounts.create(new NewAccount(OTHER, IntegrationTest.PASSWORD, "测试人才乙", Role.TALENT, dinghai.id()));
        registry.linkAccount(id, OTHER);
    }

    @Test
    void aTalentsRequestGoesOnTheProblemListAndOnlyTheTalentSeesIt() throws Exception {
        String body = mvc.perform(post("/api/talent/my/requests").with(TestUsers.api("talent"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"topic\":\"SPOUSE\",\"description\":\"爱人随迁来舟，希望推荐就业岗位\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ticketNo").value(matchesPattern("WT\\d{4}-\\d{6}")))
                .andExpect(jsonPath("$.statusLabel").value("已受理"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        Map<String, Object> ticket = jdbc.sql("""
                select t.source, t.raised_by, t.category_code, t.requester_name from problem_ticket t
                join talent_request r on r.ticket_item_id = t.item_id where r.id = :id""").param("id", id)
                .query().singleRow();
        assertThat(ticket.get("source")).isEqualTo("TALENT");
        assertThat(ticket.get("raised_by")).isEqualTo("talent");
        assertThat(ticket.get("category_code")).isEqualTo("LIVELIHOOD");

        mvc.perform(get("/api/talent/my/requests/" + id).with(TestUsers.api("talent")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.statusLabel").value("已受理"))
                .andExpect(jsonPath("$.handledBy").value("定海区委组织部"));
        mvc.perform(get("/talent/my/requests/" + id).with(users.page("talent")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("爱人随迁来舟")));

        // another talent: 404 on the page and the API, not in the own list, nothing written
        Map<String, Long> before = counts();
        mvc.perform(get("/api/talent/my/requests/" + id).with(TestUsers.api(OTHER))).andExpect(status().isNotFound());
        mvc.perform(get("/talent/my/requests/" + id).with(users.page(OTHER))).andExpect(status().isNotFound());
        mvc.perform(get("/api/talent/my/requests").with(TestUsers.api(OTHER)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString("爱人随迁来舟"))));
        mvc.perform(get("/talent/my/requests").with(users.page(OTHER)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString("爱人随迁来舟"))));
        assertThat(counts()).isEqualTo(before);

        // the office by scope
        mvc.perform(get("/api/talent/support/requests/" + id).with(TestUsers.api("dinghai"))).andExpect(status().isOk());
        mvc.perform(get("/talent/support/requests/" + id).with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/api/talent/support/requests/" + id).with(TestUsers.api("putuo"))).andExpect(status().isNotFound());
        mvc.perform(get("/talent/support/requests/" + id).with(users.page("putuo"))).andExpect(status().isNotFound());
    }

    @Test
    void theTalentRaisesOnThePhonePageAndSeesTheAnswerOfAnAnsweredRequest() throws Exception {
        mvc.perform(post("/talent/my/requests").with(users.page(OTHER)).with(csrf())
                        .param("topic", "HOUSING").param("description", "希望申请人才公寓"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/talent/my/requests").with(users.page(OTHER)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("希望申请人才公寓")));
        // the demo talent's answered request shows the answer
        mvc.perform(get("/api/talent/my/requests").with(TestUsers.api("talent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.answer != null)].answer").value(org.hamcrest.Matchers.hasItem(
                        containsString("就近小学"))));
        // a bad topic is refused with the field named, nothing written
        Map<String, Long> before = counts();
        mvc.perform(post("/api/talent/my/requests").with(TestUsers.api(OTHER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"topic\":\"NOPE\",\"description\":\"x\"}")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("诉求类别")));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void talentsNeverReachTheOfficesPagesAndRefusedWritesChangeNothing() throws Exception {
        Map<String, Long> before = counts();
        mvc.perform(get("/talent/support").with(users.page("talent"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/talent/support/teams").with(TestUsers.api("talent"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/talent/support/requests").with(TestUsers.api("talent"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"employerId\":1,\"topic\":\"OTHER\",\"description\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/talent/my/requests").with(TestUsers.api("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"topic\":\"OTHER\",\"description\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/talent/support/platforms").with(TestUsers.api("reviewer"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"越权平台\",\"kind\":\"重点实验室\",\"grade\":\"CITY\",\"employerId\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/talent/support/leaders").with(users.page("leader")).with(csrf())
                .param("kind", "PLATFORM").param("targetId", "1").param("name", "越权"))
                .andExpect(status().isForbidden());
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theOfficesPagesShowTheDemos专班AndCoverage() throws Exception {
        mvc.perform(get("/talent/support").with(users.page("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("油气全产业链人才工作专班")))
                .andExpect(content().string(containsString("高校院所人才工作专班")));
        mvc.perform(get("/api/talent/support/figures").with(TestUsers.api("admin"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.teams.length()").value(12))
                .andExpect(jsonPath("$.solved").value(org.hamcrest.Matchers.greaterThanOrEqualTo(50)));
        mvc.perform(get("/talent/support/coverage").param("covered", "NO").with(users.page("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("table-warning")));
        mvc.perform(get("/talent/support/coverage.xlsx").with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/talent/support/figures.xlsx").with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/talent/support/figures").with(users.page("reviewer"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("常态帮助相关企业和人才解决问题诉求")));
        mvc.perform(get("/talent/support/platforms").with(users.page("admin"))).andExpect(status().isOk());
        long team = jdbc.sql("select min(id) from talent_team").query(Long.class).single();
        mvc.perform(get("/talent/support/teams/" + team).with(users.page("leader"))).andExpect(status().isOk());
        // the city's 专班 are outside a district's scope
        mvc.perform(get("/talent/support/teams/" + team).with(users.page("putuo"))).andExpect(status().isNotFound());
        long platform = jdbc.sql("select min(p.id) from talent_platform p join org_node n on n.id = p.node_id "
                + "where n.path like '%/330902/%'").query(Long.class).single();
        mvc.perform(get("/talent/support/platforms/" + platform).with(users.page("dinghai"))).andExpect(status().isOk());
        mvc.perform(get("/talent/support/platforms/" + platform).with(users.page("putuo"))).andExpect(status().isNotFound());
    }

    private Map<String, Long> counts() {
        Map<String, Long> m = new TreeMap<>();
        for (String t : List.of("talent_team", "talent_liaison", "talent_contact", "talent_request", "talent_platform",
                "problem_ticket", "closure_item")) {
            m.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        return m;
    }
}
