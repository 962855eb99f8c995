package cn.zugong.security;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.shared.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 三员分立: each officer reaches only the own pages and never a personnel file; business roles reach none
 * of the officers' pages. The attack suite checks every route; this test reads as the rule itself.
 */
@IntegrationTest
class SeparationOfDutiesIT {

    static final List<String> PERSONNEL_PAGES = List.of("/org", "/people", "/party-members", "/people/export.xlsx");
    static final List<String> PERSONNEL_API = List.of("/api/people", "/api/org/root", "/api/party-members");
    static final Map<String, String> OWN_PAGE = Map.of("sysadmin", "/admin/accounts", "secadmin", "/admin/grants",
            "auditor", "/audit");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void officersCannotReadPersonnelFiles() throws Exception {
        for (String officer : OWN_PAGE.keySet()) {
            for (String page : PERSONNEL_PAGES) {
                mvc.perform(get(page).with(users.page(officer))).andExpect(status().isForbidden());
            }
            for (String route : PERSONNEL_API) {
                String body = mvc.perform(get(route).with(api(officer))).andExpect(status().isForbidden())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(body).isEqualTo("{\"status\":403,\"error\":\"当前角色无权访问该接口\"}");
            }
            long person = jdbc.sql("select min(id) from person").query(Long.class).single();
            mvc.perform(get("/people/" + person).with(users.page(officer))).andExpect(status().isForbidden());
            mvc.perform(post("/people/" + person + "/unmask").param("field", "idNumber").with(csrf())
                    .with(users.page(officer))).andExpect(status().isForbidden());
        }
    }

    @Test
    void eachOfficerReachesOnlyTheOwnPage() throws Exception {
        for (var officer : OWN_PAGE.entrySet()) {
            for (var page : OWN_PAGE.values()) {
                mvc.perform(get(page).with(users.page(officer.getKey())))
                        .andExpect(status().is(page.equals(officer.getValue()) ? 200 : 403));
            }
            mvc.perform(get("/").with(users.page(officer.getKey()))).andExpect(status().isOk());
            mvc.perform(get("/account/password").with(users.page(officer.getKey()))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/audit").with(api("auditor"))).andExpect(status().isOk());
        mvc.perform(get("/api/audit").with(api("sysadmin"))).andExpect(status().isForbidden());
    }

    @Test
    void businessRolesReachNoneOfTheOfficersPages() throws Exception {
        for (String user : List.of("admin", "leader", "reviewer", "reporter", "dinghai")) {
            for (String page : OWN_PAGE.values()) {
                mvc.perform(get(page).with(users.page(user))).andExpect(status().isForbidden());
            }
            mvc.perform(get("/api/audit").with(api(user))).andExpect(status().isForbidden());
        }
    }

    @Test
    void everyAccountHoldsExactlyOneRoleAndTheOfficersAreThreeDifferentAccounts() {
        List<Map<String, Object>> officers = jdbc.sql(
                "select username, role from account where role in ('SYS_ADMIN', 'SEC_ADMIN', 'AUDITOR') order by role")
                .query().listOfRows();
        assertThat(officers).extracting(r -> r.get("role")).contains("AUDITOR", "SEC_ADMIN", "SYS_ADMIN");
        assertThat(officers).extracting(r -> r.get("username")).doesNotHaveDuplicates();
        assertThat(Role.business()).doesNotContain(Role.SYS_ADMIN, Role.SEC_ADMIN, Role.AUDITOR);
    }
}
