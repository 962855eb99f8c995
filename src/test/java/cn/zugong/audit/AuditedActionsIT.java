package cn.zugong.audit;

import static cn.zugong.TestClients.fromNewClient;
import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog.Entry;
import cn.zugong.audit.internal.AuditChain;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What exists is audited: logins (form and HTTP Basic, success and failure), logout, opening a person
 * (page and API) and exporting the roster each leave exactly the expected entries. The import is covered
 * in people's RosterAuditIT.
 */
@IntegrationTest
class AuditedActionsIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired AuditChain chain;

    long dinghaiPerson;
    long marker;

    @BeforeEach
    void setUp() {
        dinghaiPerson = jdbc.sql("""
                select p.id from person p join org_node u on u.id = p.unit_id
                where u.path like '/33/3309/330902/%' order by p.id limit 1""").query(Long.class).single();
        marker = AuditLog.last(jdbc);
    }

    private List<Entry> written() {
        return AuditLog.since(jdbc, marker);
    }

    @Test
    void openingAPersonPageIsAuditedAsAReadOfPersonalData() throws Exception {
        mvc.perform(get("/people/" + dinghaiPerson).with(users.page("dinghai"))).andExpect(status().isOk());
        assertThat(written()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("dinghai");
            assertThat(e.actorRole()).isEqualTo("ADMIN");
            assertThat(e.action()).isEqualTo("READ_PERSONAL");
            assertThat(e.objectType()).isEqualTo("person");
            assertThat(e.objectId()).isEqualTo(String.valueOf(dinghaiPerson));
            assertThat(e.clientIp()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void aPersonOutsideTheScopeIsNotFoundAndRecordedAsRefusedNotAsRead() throws Exception {
        mvc.perform(get("/people/" + dinghaiPerson).with(users.page("putuo"))).andExpect(status().isNotFound());
        assertThat(written()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ACCESS_DENIED");
            assertThat(e.actor()).isEqualTo("putuo");
            assertThat(e.objectId()).isEqualTo(String.valueOf(dinghaiPerson));
        });
    }

    @Test
    void openingAPersonThroughTheApiIsAuditedAfterTheBasicLogin() throws Exception {
        mvc.perform(get("/api/people/" + dinghaiPerson).with(api("leader")).with(fromNewClient()))
                .andExpect(status().isOk());
        List<Entry> entries = written();
        assertThat(entries).extracting(Entry::action).containsExactly("LOGIN_SUCCESS", "READ_PERSONAL");
        assertThat(entries).extracting(Entry::actor).containsOnly("leader");
        assertThat(entries).extracting(Entry::actorRole).containsOnly("LEADER");
        assertThat(entries.get(0).summary()).isEqualTo("HTTP Basic");
        assertThat(entries.get(1).objectType()).isEqualTo("person");
        assertThat(entries.get(1).objectId()).isEqualTo(String.valueOf(dinghaiPerson));
    }

    @Test
    void basicLoginFailureIsAuditedWithTheUsernameTried() throws Exception {
        mvc.perform(get("/api/people").with(httpBasic("dinghai", "wrong-password"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/people").with(httpBasic("no-such-user", "x"))).andExpect(status().isUnauthorized());
        List<Entry> entries = written();
        assertThat(entries).extracting(Entry::action).containsExactly("LOGIN_FAILURE", "LOGIN_FAILURE");
        assertThat(entries).extracting(Entry::actor).containsExactly("dinghai", "no-such-user");
        assertThat(entries).extracting(Entry::objectId).containsExactly("dinghai", "no-such-user");
        assertThat(entries).extracting(Entry::summary).containsOnly("HTTP Basic：用户名或密码错误");
        assertThat(entries).extracting(Entry::actorRole).containsOnlyNulls();
        assertThat(entries).extracting(Entry::clientIp).containsOnly("127.0.0.1");
    }

    @Test
    void formLoginSuccessFailureAndLogoutAreAudited() throws Exception {
        mvc.perform(post("/login").param("username", "reviewer").param("password", IntegrationTest.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").param("username", "reviewer").param("password", "nope").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/logout").with(users.page("reviewer")).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"));
        List<Entry> entries = written();
        assertThat(entries).extracting(Entry::action).containsExactly("LOGIN_SUCCESS", "LOGIN_FAILURE", "LOGOUT");
        assertThat(entries).extracting(Entry::actor).containsOnly("reviewer");
        assertThat(entries).extracting(Entry::actorRole).containsExactly("REVIEWER", null, "REVIEWER");
        assertThat(entries).extracting(Entry::summary).containsExactly("表单登录", "表单登录：用户名或密码错误", null);
        assertThat(entries).extracting(Entry::objectType).containsOnly("account");
    }

    @Test
    void anAbsurdUsernameTriedIsStoredCutToTheColumnAndTheChainStaysIntact() throws Exception {
        String tried = "x\u0000".repeat(40) + "𠀀".repeat(30);
        mvc.perform(get("/api/people").with(httpBasic(tried, "x"))).andExpect(status().isUnauthorized());
        assertThat(written()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("LOGIN_FAILURE");
            assertThat(e.actor()).hasSizeLessThanOrEqualTo(50).startsWith("xxxx").doesNotContain("\u0000");
        });
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void rosterExportIsAuditedWithItsFilterAndRowCount() throws Exception {
        byte[] file = mvc.perform(get("/people/export.xlsx").param("gender", "女")
                        .with(users.page("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        int rows;
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            rows = wb.getSheetAt(0).getLastRowNum();
        }
        assertThat(rows).isPositive();
        assertThat(written()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("dinghai");
            assertThat(e.action()).isEqualTo("EXPORT");
            assertThat(e.objectType()).isEqualTo("person");
            assertThat(e.summary()).contains("gender=女").endsWith("共 " + rows + " 人");
        });

        marker = AuditLog.last(jdbc);
        mvc.perform(get("/api/people/export.xlsx").with(api("putuo")).with(fromNewClient())).andExpect(status().isOk());
        assertThat(written()).extracting(Entry::action).containsExactly("LOGIN_SUCCESS", "EXPORT");
        assertThat(written().get(1).summary()).contains("条件 无").contains("共 ");
    }
}
