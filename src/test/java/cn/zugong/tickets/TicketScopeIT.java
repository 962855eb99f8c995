package cn.zugong.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import cn.zugong.tickets.internal.Ticket;
import cn.zugong.tickets.internal.TicketService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who sees which ticket, through the pages and the API with the demo accounts: a unit's reporter only its unit's
 * tickets (and the ones it raised, even after a transfer out of its unit); the cadre only the tickets they raised
 * or serve, not everything in 定海区; 定海区's administrator all of 定海 and a 404 for a 普陀 ticket; the city all.
 */
@IntegrationTest
class TicketScopeIT {

    @Autowired TicketService tickets;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired ObjectMapper json;

    static String marker;
    static Map<String, Ticket> made;

    @BeforeEach
    void tickets() {
        if (made != null) {
            return;
        }
        marker = "范围测试" + UUID.randomUUID().toString().substring(0, 8);
        OrgNode dinghaiDistrict = tree.byCode("330902").orElseThrow();
        OrgNode putuoDistrict = tree.byCode("330903").orElseThrow();
        OrgNode school = tree.byId(jdbc.sql("select id from org_node where name = '定海区教育局'").query(Long.class)
                .single()).orElseThrow();
        List<OrgNode> others = tree.units(dinghaiDistrict.asScope()).stream().filter(u -> u.id() != school.id())
                .toList();
        OrgNode putuoUnit = tree.units(putuoDistrict.asScope()).get(0);
        CurrentUser dinghai = user("dinghai", Role.ADMIN, dinghaiDistrict);
        CurrentUser putuo = user("putuo", Role.ADMIN, putuoDistrict);
        CurrentUser cadre = user("cadre", Role.CADRE, dinghaiDistrict);
        CurrentUser reporter = user("reporter", Role.REPORTER, school);
        made = new java.util.LinkedHashMap<>();
        made.put("school", raise(school, dinghai));
        made.put("other", raise(others.get(0), dinghai));
        made.put("cadre", raise(others.get(1), cadre));
        made.put("putuo", raise(putuoUnit, putuo));
        Ticket moved = raise(school, reporter);
        tickets.triage(moved.itemId(), null, others.get(2).id(), null, null, "职责调整", dinghai);
        made.put("moved", moved);
    }

    private Ticket raise(OrgNode unit, CurrentUser by) {
        return tickets.raise(new NewTicket("LIVELIHOOD", "HOTLINE", null, unit.id(), null, marker + " 路灯损坏",
                null, null, null, null), List.of(), by);
    }

    private static CurrentUser user(String name, Role role, OrgNode node) {
        return new CurrentUser(0, name, name, role, node.asScope(), node.name());
    }

    private Set<String> listed(String username) throws Exception {
        String body = mvc.perform(get("/api/tickets").param("q", marker).param("size", "200")
                        .with(httpBasic(username, IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Set<String> numbers = new java.util.HashSet<>();
        for (JsonNode item : json.readTree(body).get("items")) {
            numbers.add(item.get("ticketNo").asText());
        }
        return numbers;
    }

    private Set<String> numbers(String... keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            out.add(made.get(k).ticketNo());
        }
        return Set.copyOf(out);
    }

    @Test
    void aUnitsReporterSeesItsUnitsTicketsAndTheOnesItRaised() throws Exception {
        assertThat(listed("reporter")).isEqualTo(numbers("school", "moved"));
        mvc.perform(get("/tickets/" + made.get("other").itemId()).with(users.page("reporter")))
                .andExpect(status().isNotFound());
        String page = mvc.perform(get("/tickets/" + made.get("moved").itemId()).with(users.page("reporter")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(made.get("moved").ticketNo(), "办理记录由责任单位及其上级查看");
    }

    @Test
    void theCadreSeesOnlyTheirOwnTickets() throws Exception {
        assertThat(listed("cadre")).isEqualTo(numbers("cadre"));
        mvc.perform(get("/tickets/" + made.get("school").itemId()).with(users.page("cadre")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tickets/" + made.get("other").itemId()).with(httpBasic("cadre", IntegrationTest.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tickets/" + made.get("cadre").itemId()).with(users.page("cadre"))).andExpect(status().isOk());
        long own = jdbc.sql("select count(*) from problem_ticket where raised_by = 'cadre' or cadre_username = 'cadre'")
                .query(Long.class).single();
        String figures = mvc.perform(get("/api/tickets/figures").param("year", "0")
                        .with(httpBasic("cadre", IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(figures).get("total").get("found").asLong()).isEqualTo(own);
        assertThat(json.readTree(figures).get("byUnit").findValuesAsText("label")).isNotEmpty()
                .allSatisfy(label -> assertThat(label).doesNotContain("普陀"));
    }

    @Test
    void districtAndCityAdministrators() throws Exception {
        assertThat(listed("dinghai")).isEqualTo(numbers("school", "other", "cadre", "moved"));
        assertThat(listed("putuo")).isEqualTo(numbers("putuo"));
        assertThat(listed("admin")).isEqualTo(numbers("school", "other", "cadre", "putuo", "moved"));
        long putuoTicket = made.get("putuo").itemId();
        mvc.perform(get("/tickets/" + putuoTicket).with(users.page("dinghai"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/tickets/" + putuoTicket).with(httpBasic("dinghai", IntegrationTest.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/tickets/" + putuoTicket + "/triage")
                        .with(httpBasic("dinghai", IntegrationTest.PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(made.values().stream().map(Ticket::ticketNo).collect(Collectors.toSet())).hasSize(5);
    }
}
