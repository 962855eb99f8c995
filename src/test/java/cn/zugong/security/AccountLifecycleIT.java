package cn.zugong.security;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.SessionCookie;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.audit.AuditLog.Entry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An account from creation to use, as the three people involved do it: the system administrator creates it
 * (no role), the security administrator grants a role and scope, the owner must change the initial password.
 */
@IntegrationTest
class AccountLifecycleIT {

    private static final Pattern INITIAL = Pattern.compile("id=\"initial-password\">([^<]+)<");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired SessionRepository<?> sessions;

    private String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String initialPassword(MvcResult result) throws Exception {
        Matcher m = INITIAL.matcher(body(result));
        assertThat(m.find()).as("the initial password is shown once").isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
    }

    private long idOf(String username) {
        return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
    }

    private MvcResult login(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(cn.zugong.TestClients.fromNewClient())).andReturn();
    }

    @Test
    void createGrantForcePasswordChangeUse() throws Exception {
        String username = "life" + System.nanoTime() % 1_000_000;
        long marker = AuditLog.last(jdbc);

        // 1. the system administrator creates it; role and scope sent along are ignored (mass assignment)
        MvcResult created = mvc.perform(post("/admin/accounts").param("username", username)
                        .param("displayName", "王晓东").param("role", "ADMIN").param("scopeNodeId", "1")
                        .with(csrf()).with(users.page("sysadmin")))
                .andExpect(status().isOk()).andReturn();
        String initial = initialPassword(created);
        Map<String, Object> row = jdbc.sql("select role, scope_node_id, must_change_password, created_by from account "
                + "where username = :u").param("u", username).query().singleRow();
        assertThat(row.get("role")).isNull();
        assertThat(row.get("scope_node_id")).isNull();
        assertThat(row.get("must_change_password")).isEqualTo(true);
        assertThat(row.get("created_by")).isEqualTo("sysadmin");

        // 2. without a grant it cannot sign in, even with the right password
        assertThat(login(username, initial).getResponse().getRedirectedUrl()).isEqualTo("/login?pending");
        assertThat(login(username, "Wrong#password1").getResponse().getRedirectedUrl()).isEqualTo("/login?error");

        // 3. the security administrator grants 单位填报员 for 定海区
        mvc.perform(post("/admin/grants/" + idOf(username)).param("role", "REPORTER").param("scopeCode", "330902")
                .with(csrf()).with(users.page("secadmin"))).andExpect(redirectedUrl("/admin/grants"));

        // 4. the first login leads to the password change, and nowhere else
        MvcResult first = login(username, initial);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/");
        SessionCookie session = SessionCookie.of(first, sessions);
        mvc.perform(get("/people").with(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/").with(session)).andExpect(redirectedUrl("/account/password"));
        assertThat(body(mvc.perform(get("/account/password").with(session)).andReturn()))
                .contains("请先修改密码后再使用系统");
        assertThat(body(mvc.perform(get("/api/people").with(httpBasic(username, initial)))
                .andExpect(status().isForbidden()).andReturn())).contains("请先在登录页面修改初始密码");

        // 5. a weak or reused password is refused with every reason
        String refused = body(mvc.perform(post("/account/password").param("current", initial).param("next", "abc")
                .param("confirmation", "abc").with(csrf()).with(session)).andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("密码长度不能少于 10 位", "至少三类");
        String reused = body(mvc.perform(post("/account/password").param("current", initial).param("next", initial)
                .param("confirmation", initial).with(csrf()).with(session)).andReturn());
        assertThat(reused).contains("新密码不能与最近 5 次使用过的密码相同");

        // 6. a good one ends the session; the new password works, the initial one no longer
        String chosen = "Zhoushan#2026a";
        mvc.perform(post("/account/password").param("current", initial).param("next", chosen)
                .param("confirmation", chosen).with(csrf()).with(session))
                .andExpect(redirectedUrl("/login?changed"));
        assertThat(session.isInvalid()).isTrue();
        assertThat(login(username, initial).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        MvcResult again = login(username, chosen);
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/people").with(SessionCookie.of(again, sessions)))
                .andExpect(status().isOk());

        // 7. each step is in the audit trail, by the person who did it
        List<Entry> entries = AuditLog.since(jdbc, marker);
        assertThat(entries).filteredOn(e -> e.action().equals("CREATE")).extracting(Entry::actor)
                .containsExactly("sysadmin");
        assertThat(entries).filteredOn(e -> e.action().equals("GRANT")).extracting(Entry::actor)
                .containsExactly("secadmin");
        assertThat(entries).filteredOn(e -> e.action().equals("GRANT")).extracting(Entry::afterJson)
                .allMatch(json -> json.contains("单位填报员") && json.contains("定海区"));
        assertThat(entries).filteredOn(e -> e.action().equals("PASSWORD_CHANGE")).extracting(Entry::actor)
                .containsExactly(username);
        assertThat(entries).filteredOn(e -> e.action().equals("LOGIN_FAILURE")).isNotEmpty();
    }

    @Test
    void theSecurityAdministratorGrantsOnlyBusinessRolesAndNeverToAnOfficer() throws Exception {
        MvcResult created = mvc.perform(post("/admin/accounts").param("username", "grant" + System.nanoTime() % 100000)
                .param("displayName", "授权测试").with(csrf()).with(users.page("sysadmin"))).andReturn();
        String username = INITIAL.matcher(body(created)).find() ? body(created).replaceAll("(?s).*授权测试.*", "") : "";
        long id = jdbc.sql("select max(id) from account where display_name = '授权测试'").query(Long.class).single();

        String refused = body(mvc.perform(post("/admin/grants/" + id).param("role", "SYS_ADMIN")
                .param("scopeCode", "3309").with(csrf()).with(users.page("secadmin"))).andExpect(status().isOk())
                .andReturn());
        assertThat(refused).contains("只能授予业务角色");
        assertThat(body(mvc.perform(post("/admin/grants/" + id).param("role", "LEADER").param("scopeCode", "999999")
                .with(csrf()).with(users.page("secadmin"))).andReturn())).contains("管理范围的组织代码不存在：999999");
        assertThat(jdbc.sql("select role from account where id = :id").param("id", id).query(String.class).optional())
                .isEmpty();

        mvc.perform(post("/admin/grants/" + idOf("auditor")).param("role", "ADMIN").param("scopeCode", "3309")
                .with(csrf()).with(users.page("secadmin"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/grants/" + idOf("secadmin")).param("role", "ADMIN").param("scopeCode", "3309")
                .with(csrf()).with(users.page("secadmin"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select role from account where username = 'auditor'").query(String.class).single())
                .isEqualTo("AUDITOR");
        assertThat(username).isNotNull();
    }

    @Test
    void theSystemAdministratorCannotDisableAnOfficerNorTouchTheOwnAccount() throws Exception {
        mvc.perform(post("/admin/accounts/" + idOf("auditor") + "/disable").with(csrf())
                .with(users.page("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/" + idOf("sysadmin") + "/reset-password").with(csrf())
                .with(users.page("sysadmin"))).andExpect(status().isForbidden());
        String bad = body(mvc.perform(post("/admin/accounts").param("username", "Admin Bad").param("displayName", "")
                .with(csrf()).with(users.page("sysadmin"))).andReturn());
        assertThat(bad).contains("用户名须为 3–30 位小写字母", "姓名（显示名）不能为空");
        assertThat(body(mvc.perform(post("/admin/accounts").param("username", "leader").param("displayName", "重名")
                .with(csrf()).with(users.page("sysadmin"))).andReturn())).contains("用户名 leader 已存在");
    }

    @Test
    void aDisabledAccountCannotSignInAndAResetForcesAChange() throws Exception {
        MvcResult created = mvc.perform(post("/admin/accounts").param("username", "dis" + System.nanoTime() % 100000)
                .param("displayName", "停用测试").with(csrf()).with(users.page("sysadmin"))).andReturn();
        long id = jdbc.sql("select max(id) from account where display_name = '停用测试'").query(Long.class).single();
        String username = jdbc.sql("select username from account where id = :id").param("id", id)
                .query(String.class).single();
        mvc.perform(post("/admin/grants/" + id).param("role", "LEADER").param("scopeCode", "330902").with(csrf())
                .with(users.page("secadmin")));
        String initial = initialPassword(created);
        mvc.perform(post("/admin/accounts/" + id + "/disable").with(csrf()).with(users.page("sysadmin")))
                .andExpect(redirectedUrl("/admin/accounts"));
        assertThat(login(username, initial).getResponse().getRedirectedUrl()).isEqualTo("/login?disabled");
        mvc.perform(post("/admin/accounts/" + id + "/enable").with(csrf()).with(users.page("sysadmin")));
        String reset = initialPassword(mvc.perform(post("/admin/accounts/" + id + "/reset-password").with(csrf())
                .with(users.page("sysadmin"))).andReturn());
        assertThat(reset).isNotEqualTo(initial);
        assertThat(login(username, initial).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(login(username, reset).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/api/org/root").with(api("leader"))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }
}
