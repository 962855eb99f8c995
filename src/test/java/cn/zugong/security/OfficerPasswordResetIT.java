package cn.zugong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.audit.AuditLog.Entry;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 12, hole 2 (三员分立 broke with one person): the system administrator reset the security
 * administrator's password, signed in as them and granted itself a role. Officers' and 组织部管理员 accounts
 * are now reset only by two other officers together, each seeing half of the new password (ADR 033).
 * Own officer accounts per test, so that the demo's officers keep their passwords.
 */
@IntegrationTest
class OfficerPasswordResetIT {

    private static final Pattern HALF = Pattern.compile("id=\"password-half\">([^<]+)<");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired OrgTree tree;

    String sys;
    String sec;
    String aud;
    String cityAdmin;

    @BeforeEach
    void officers() {
        String tag = String.valueOf(System.nanoTime() % 1_000_000_000L);
        sys = account("osys" + tag, Role.SYS_ADMIN);
        sec = account("osec" + tag, Role.SEC_ADMIN);
        aud = account("oaud" + tag, Role.AUDITOR);
        cityAdmin = account("oadm" + tag, Role.ADMIN);
    }

    private String account(String username, Role role) {
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "三员测试", role,
                tree.byCode("3309").orElseThrow().id()));
        return username;
    }

    private long idOf(String username) {
        return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
    }

    private Map<String, Object> row(String username) {
        return jdbc.sql("select password_hash, must_change_password from account where username = :u")
                .param("u", username).query().singleRow();
    }

    private String half(MvcResult result) throws Exception {
        Matcher m = HALF.matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(m.find()).as("half of the new password is shown once").isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    private String loginTarget(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                        .with(cn.zugong.TestClients.fromNewClient()))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private long openRequest(String target) {
        return jdbc.sql("select max(id) from officer_password_reset where account_id = :id")
                .param("id", idOf(target)).query(Long.class).single();
    }

    @Test
    void theSystemAdministratorAloneResetsNoOfficerAndNoOrganisationAdministrator() throws Exception {
        for (String target : List.of(sec, aud, cityAdmin, "secadmin", "auditor", "admin")) {
            Map<String, Object> before = row(target);
            long marker = AuditLog.last(jdbc);
            mvc.perform(post("/admin/accounts/" + idOf(target) + "/reset-password").with(csrf())
                    .with(users.page(sys))).andExpect(status().isForbidden());
            assertThat(row(target)).as(target + " keeps its password").isEqualTo(before);
            assertThat(AuditLog.since(jdbc, marker)).extracting(Entry::action).containsExactly("ACCESS_DENIED");
        }
    }

    @Test
    void twoOtherOfficersResetAnOfficerEachSeeingHalfOfTheNewPassword() throws Exception {
        Map<String, Object> before = row(sec);
        long marker = AuditLog.last(jdbc);

        String first = half(mvc.perform(post("/officers/resets").param("accountId", String.valueOf(idOf(sec)))
                .with(csrf()).with(users.page(sys))).andExpect(status().isOk()).andReturn());
        assertThat(row(sec)).as("a request alone changes nothing").isEqualTo(before);
        long request = openRequest(sec);

        // neither the requester nor the target confirms
        for (String refused : List.of(sys, sec)) {
            mvc.perform(post("/officers/resets/" + request + "/confirm").with(csrf()).with(users.page(refused)))
                    .andExpect(status().isForbidden());
        }
        assertThat(row(sec)).isEqualTo(before);

        String second = half(mvc.perform(post("/officers/resets/" + request + "/confirm").with(csrf())
                .with(users.page(aud))).andExpect(status().isOk()).andReturn());
        assertThat(row(sec).get("must_change_password")).isEqualTo(true);
        assertThat(loginTarget(sec, first)).isEqualTo("/login?error");
        assertThat(loginTarget(sec, second)).isEqualTo("/login?error");
        assertThat(loginTarget(sec, first + second)).isEqualTo("/");

        // confirmed once: a second confirmation is refused
        mvc.perform(post("/officers/resets/" + request + "/confirm").with(csrf()).with(users.page(aud)))
                .andExpect(status().isNotFound());

        List<Entry> entries = AuditLog.since(jdbc, marker);
        assertThat(entries).filteredOn(e -> e.action().equals("PASSWORD_RESET_REQUEST"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(sys);
                    assertThat(e.objectId()).isEqualTo(String.valueOf(idOf(sec)));
                });
        assertThat(entries).filteredOn(e -> e.action().equals("PASSWORD_RESET")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(aud);
            assertThat(e.summary()).contains(sys, aud, sec);
        });
        assertThat(entries).filteredOn(e -> e.action().equals("ACCESS_DENIED")).hasSize(3);
    }

    @Test
    void theOrganisationAdministratorIsResetTheSameWay() throws Exception {
        String first = half(mvc.perform(post("/officers/resets").param("accountId", String.valueOf(idOf(cityAdmin)))
                .with(csrf()).with(users.page(sec))).andExpect(status().isOk()).andReturn());
        String second = half(mvc.perform(post("/officers/resets/" + openRequest(cityAdmin) + "/confirm")
                .with(csrf()).with(users.page(sys))).andExpect(status().isOk()).andReturn());
        assertThat(loginTarget(cityAdmin, first + second)).isEqualTo("/");
        assertThat(row(cityAdmin).get("must_change_password")).isEqualTo(true);
    }

    @Test
    void noOfficerRequestsTheOwnResetNorOneForAnOrdinaryAccount() throws Exception {
        Map<String, Object> before = row(sys);
        mvc.perform(post("/officers/resets").param("accountId", String.valueOf(idOf(sys))).with(csrf())
                .with(users.page(sys))).andExpect(status().isForbidden());
        mvc.perform(post("/officers/resets").param("accountId", String.valueOf(idOf("leader"))).with(csrf())
                .with(users.page(sec))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from officer_password_reset where account_id in (:ids)")
                .param("ids", List.of(idOf(sys), idOf("leader"))).query(Long.class).single()).isZero();
        assertThat(row(sys)).isEqualTo(before);
    }

    @Test
    void theOfficersSeeThePageAndBusinessRolesDoNot() throws Exception {
        for (String officer : List.of(sys, sec, aud)) {
            String page = mvc.perform(get("/officers/resets").with(users.page(officer))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("三员密码重置", cityAdmin);
        }
        for (String business : List.of("admin", "leader", "dinghai")) {
            mvc.perform(get("/officers/resets").with(users.page(business))).andExpect(status().isForbidden());
        }
    }
}
