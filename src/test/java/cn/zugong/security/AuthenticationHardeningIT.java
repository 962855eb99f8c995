package cn.zugong.security;

import static cn.zugong.TestClients.from;
import static cn.zugong.TestClients.newClient;
import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.audit.AuditLog.Entry;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Lock-out, client throttle, forced password change, session timeout, CSRF and headers, through HTTP. */
@IntegrationTest
class AuthenticationHardeningIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestClock clock;
    @Autowired Accounts accounts;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext webServer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String account(Role role) {
        String username = "hard" + System.nanoTime() % 1_000_000_000L;
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "加固测试", role,
                tree.byCode("330902").orElseThrow().id()));
        return username;
    }

    private int apiStatus(String username, String password, String client) throws Exception {
        return mvc.perform(get("/api/org/root").with(httpBasic(username, password)).with(from(client)))
                .andReturn().getResponse().getStatus();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() throws Exception {
        String user = account(Role.LEADER);
        String client = newClient();
        long marker = AuditLog.last(jdbc);
        for (int i = 0; i < 4; i++) {
            assertThat(apiStatus(user, "Wrong#password1", client)).isEqualTo(401);
        }
        assertThat(apiStatus(user, IntegrationTest.PASSWORD, client)).as("four failures do not lock").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(apiStatus(user, "Wrong#password1", client)).isEqualTo(401);
        }
        MvcResult locked = mvc.perform(get("/api/org/root").with(httpBasic(user, IntegrationTest.PASSWORD))
                .with(from(newClient()))).andExpect(status().isUnauthorized()).andReturn();
        // the answer of a wrong password: "locked" would tell that the account exists (issue 12)
        assertThat(locked.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("未登录或用户名密码错误");
        assertThat(AuditLog.since(jdbc, marker)).extracting(Entry::action).contains("LOCK");

        clock.advance(Duration.ofMinutes(14));
        assertThat(apiStatus(user, IntegrationTest.PASSWORD, newClient())).isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(apiStatus(user, IntegrationTest.PASSWORD, newClient())).isEqualTo(200);
    }

    @Test
    void theFormLoginAnswersALockLikeAWrongPasswordAndWarnsOfTheLock() throws Exception {
        String user = account(Role.REVIEWER);
        String client = newClient();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", user).param("password", "Wrong#password1").with(csrf())
                    .with(from(client))).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").param("username", user).param("password", IntegrationTest.PASSWORD).with(csrf())
                .with(from(client))).andExpect(redirectedUrl("/login?error"));
        String page = mvc.perform(get("/login?error")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("连续输错 5 次的账户将锁定 15 分钟");
        assertThat(jdbc.sql("select locked_until from account where username = :u").param("u", user)
                .query(java.sql.Timestamp.class).single()).isNotNull();
    }

    @Test
    void aClientThatFailsTooOftenIsThrottledWhateverAccountItTries() throws Exception {
        String sprayer = newClient();
        for (int i = 0; i < 20; i++) {
            assertThat(apiStatus("nobody" + i, "Guess#password1", sprayer)).isEqualTo(401);
        }
        MvcResult refused = mvc.perform(get("/api/org/root").with(api("leader")).with(from(sprayer)))
                .andExpect(status().isTooManyRequests()).andReturn();
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("登录失败次数过多");
        mvc.perform(post("/login").param("username", "leader").param("password", IntegrationTest.PASSWORD)
                .with(csrf()).with(from(sprayer))).andExpect(redirectedUrl("/login?throttled"));
        assertThat(apiStatus("leader", IntegrationTest.PASSWORD, newClient())).as("other clients").isEqualTo(200);
        clock.advance(Duration.ofMinutes(16));
        assertThat(apiStatus("leader", IntegrationTest.PASSWORD, sprayer)).isEqualTo(200);
    }

    @Test
    void anUnknownAccountAndAWrongPasswordLookTheSame() throws Exception {
        String client = newClient();
        String unknown = mvc.perform(get("/api/org/root").with(httpBasic("no-such-user", "Wrong#password1"))
                .with(from(client))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String wrong = mvc.perform(get("/api/org/root").with(httpBasic("leader", "Wrong#password1"))
                .with(from(client))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknown).isEqualTo(wrong).contains("未登录或用户名密码错误");
    }

    @Test
    void sessionsExpireAfterThirtyIdleMinutes() {
        // the servlet container's own setting (MockMvc sessions do not expire): minutes on the Tomcat context
        var tomcat = (org.springframework.boot.web.embedded.tomcat.TomcatWebServer) webServer.getWebServer();
        var context = (org.apache.catalina.Context) tomcat.getTomcat().getHost().findChildren()[0];
        assertThat(context.getSessionTimeout()).isEqualTo(30);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/admin/accounts").param("username", "nocsrf").param("displayName", "无令牌")
                .with(users.page("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(post("/account/password").with(users.page("leader"))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(users.page("leader"))).andExpect(status().isForbidden());
        assertThat(accounts.exists("nocsrf")).isFalse();
    }

    @Test
    void pagesAndApiSendTheSecureHeaders() throws Exception {
        for (var request : new org.springframework.test.web.servlet.RequestBuilder[] {get("/login"),
                get("/api/org/root").with(api("leader")), get("/people").with(users.page("leader"))}) {
            mvc.perform(request)
                    .andExpect(header().string("Content-Security-Policy",
                            org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("Content-Security-Policy",
                            org.hamcrest.Matchers.containsString("default-src 'self'")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
        }
    }

    @Test
    void passwordsAreStoredWithAnAdaptiveHash() {
        String hash = jdbc.sql("select password_hash from account where username = 'leader'").query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain(IntegrationTest.PASSWORD);
    }
}
