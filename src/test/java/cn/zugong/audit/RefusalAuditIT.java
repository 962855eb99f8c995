package cn.zugong.audit;

import static cn.zugong.TestClients.from;
import static cn.zugong.TestClients.newClient;
import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog.Entry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12's weaker points on the trail: refused cross-scope requests left no entry, while every HTTP Basic
 * call wrote a LOGIN_SUCCESS (1,886 of 2,476 entries). Now each refusal writes one ACCESS_DENIED entry, and a
 * Basic login is recorded once per account and client address per 30 minutes; every failure still is.
 */
@IntegrationTest
class RefusalAuditIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    long putuoPerson;
    long marker;

    @BeforeEach
    void setUp() {
        putuoPerson = jdbc.sql("""
                select p.id from person p join org_node u on u.id = p.unit_id
                where u.path like '/33/3309/330903/%' order by p.id limit 1""").query(Long.class).single();
        marker = AuditLog.last(jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<Entry> written() {
        return AuditLog.since(jdbc, marker);
    }

    @Test
    void aDinghaiAdministratorAskingForAPutuoPersonIsRefusedAndAudited() throws Exception {
        mvc.perform(get("/people/" + putuoPerson).with(users.page("dinghai")).with(from("10.78.1.1")))
                .andExpect(status().isNotFound());
        assertThat(written()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ACCESS_DENIED");
            assertThat(e.actor()).isEqualTo("dinghai");
            assertThat(e.actorRole()).isEqualTo("ADMIN");
            assertThat(e.clientIp()).isEqualTo("10.78.1.1");
            assertThat(e.objectType()).isEqualTo("people");
            assertThat(e.objectId()).isEqualTo(String.valueOf(putuoPerson));
            assertThat(e.summary()).contains("GET /people/" + putuoPerson, "404");
        });
    }

    @Test
    void theSameRefusalThroughTheApiIsAuditedOnce() throws Exception {
        String client = newClient();
        mvc.perform(get("/api/people/" + putuoPerson).with(api("dinghai")).with(from(client)))
                .andExpect(status().isNotFound());
        assertThat(written()).filteredOn(e -> e.action().equals("ACCESS_DENIED")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("dinghai");
            assertThat(e.objectId()).isEqualTo(String.valueOf(putuoPerson));
            assertThat(e.clientIp()).isEqualTo(client);
        });
    }

    @Test
    void theRefusalKeepsTheQueryParametersNamesNotTheirValues() throws Exception {
        long putuo = jdbc.sql("select id from org_node where code = '330903'").query(Long.class).single();
        mvc.perform(get("/api/people?nodeId=" + putuo + "&q=330903199001011234").with(api("dinghai")).with(from(newClient()))).andExpect(status().isNotFound());
        assertThat(written()).filteredOn(e -> e.action().equals("ACCESS_DENIED")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("GET /api/people?nodeId&q → 404")
                        .doesNotContain("330903199001011234"));
    }

    @Test
    void routesARoleMayNotReachAreAuditedAsRefused() throws Exception {
        mvc.perform(get("/admin/accounts").with(users.page("leader"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/people").with(api("sysadmin")).with(from(newClient())))
                .andExpect(status().isForbidden());
        List<Entry> refused = written().stream().filter(e -> e.action().equals("ACCESS_DENIED")).toList();
        assertThat(refused).extracting(Entry::actor).containsExactly("leader", "sysadmin");
        assertThat(refused.get(0).summary()).contains("GET /admin/accounts", "403");
        assertThat(refused.get(1).summary()).contains("GET /api/people", "403");
    }

    @Test
    void basicLoginsAreRecordedOncePerAccountAndClientPerHalfHour() throws Exception {
        String client = newClient();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/org/root").with(api("reviewer")).with(from(client))).andExpect(status().isOk());
        }
        assertThat(written()).extracting(Entry::action).containsExactly("LOGIN_SUCCESS");

        mvc.perform(get("/api/org/root").with(api("reviewer")).with(from(newClient()))).andExpect(status().isOk());
        mvc.perform(get("/api/org/root").with(api("leader")).with(from(client))).andExpect(status().isOk());
        assertThat(written()).extracting(Entry::actor).containsExactly("reviewer", "reviewer", "leader");

        clock.advance(Duration.ofMinutes(31));
        mvc.perform(get("/api/org/root").with(api("reviewer")).with(from(client))).andExpect(status().isOk());
        assertThat(written()).hasSize(4);

        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/org/root").with(httpBasic("nobody-audit", "Wrong#password1")).with(from(client)))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(written()).extracting(Entry::action).endsWith("LOGIN_FAILURE", "LOGIN_FAILURE", "LOGIN_FAILURE");
    }
}
