package cn.zugong.security;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.crypto.FieldCipher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A 定海区 officer sees nothing of 普陀区: not through pages, not through the API; answers are
 * 404 with nothing of the other district in the body. Export and import are covered in RosterImportIT.
 */
@IntegrationTest
class ScopeIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired FieldCipher cipher;

    long putuo;
    long dinghai;
    long putuoPerson;
    String putuoPersonName;
    String putuoPersonIdNumber;

    @BeforeEach
    void findPutuoRecords() {
        putuo = tree.byCode("330903").orElseThrow().id();
        dinghai = tree.byCode("330902").orElseThrow().id();
        var row = jdbc.sql("""
                select p.id, p.name, p.id_number from person p join org_node u on u.id = p.unit_id
                where u.path like '/33/3309/330903/%' order by p.id limit 1
                """).query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).single();
        putuoPerson = (Long) row[0];
        putuoPersonName = (String) row[1];
        // stored encrypted (ADR 006): the tests look for the plaintext in every answer
        putuoPersonIdNumber = cipher.decrypt((String) row[2], "person.id_number");
    }

    @Test
    void apiAnswersNotFoundForEveryPutuoRecord() throws Exception {
        for (String url : new String[] {"/api/org/nodes/" + putuo, "/api/org/nodes/" + putuo + "/children",
                "/api/people/" + putuoPerson, "/api/people?nodeId=" + putuo, "/api/party-members?nodeId=" + putuo,
                "/api/org/nodes/" + tree.byCode("3309").orElseThrow().id()}) {
            String body = mvc.perform(get(java.net.URI.create(url)).with(api("dinghai"))).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(url).doesNotContain("普陀", putuoPersonName);
        }
    }

    @Test
    void apiListsAndSearchesOnlyInsideTheScope() throws Exception {
        JsonNode people = getJson("/api/people?size=200", "dinghai");
        assertThat(people.get("total").asLong()).isEqualTo(countPeopleUnder("/33/3309/330902/")).isPositive();
        JsonNode all = getJson("/api/people?size=1", "admin");
        assertThat(all.get("total").asLong()).isGreaterThan(people.get("total").asLong());

        assertThat(getJson("/api/org/search?q=" + enc("普陀"), "dinghai")).isEmpty();
        assertThat(getJson("/api/org/search?q=" + enc("普陀"), "admin")).isNotEmpty();
        assertThat(getJson("/api/people?q=" + putuoPersonIdNumber, "dinghai").get("total").asLong()).isZero();
        assertThat(getJson("/api/people?q=" + putuoPersonIdNumber, "admin").get("total").asLong()).isOne();
        assertThat(getJson("/api/org/root", "dinghai").get("name").asText()).isEqualTo("定海区");
    }

    @Test
    void pagesAnswerNotFoundForPutuoRecords() throws Exception {
        for (String url : new String[] {"/org/nodes/" + putuo, "/people/" + putuoPerson, "/people?nodeId=" + putuo,
                "/party-members?nodeId=" + putuo, "/org/nodes/" + putuo + "/children"}) {
            String body = mvc.perform(get(java.net.URI.create(url)).with(users.page("dinghai"))).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(url).doesNotContain("普陀区", putuoPersonName);
        }
    }

    @Test
    void pagesListOnlyInsideTheScope() throws Exception {
        String list = page("/people?size=200", "dinghai");
        assertThat(list).doesNotContain("普陀");
        assertThat(page("/org/search?q=" + enc("普陀"), "dinghai")).contains("未找到匹配的组织");
        assertThat(page("/org", "dinghai")).contains("定海区").doesNotContain("舟山市</a>");
        assertThat(page("/people/" + putuoPerson, "putuo")).contains(putuoPersonName);
    }

    @Test
    void identifiersAreNeverShownInFull() throws Exception {
        String apiBody = mvc.perform(get("/api/people/" + putuoPerson).with(api("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String pageBody = page("/people/" + putuoPerson, "admin");
        String listBody = page("/people?size=200&q=" + enc(putuoPersonName), "admin");
        for (String body : new String[] {apiBody, pageBody, listBody}) {
            assertThat(body).contains(putuoPersonName)
                    .doesNotContain(putuoPersonIdNumber)
                    .contains(putuoPersonIdNumber.substring(0, 4) + "**********" + putuoPersonIdNumber.substring(14));
        }
    }

    @Test
    void anonymousRequestsAreTurnedAway() throws Exception {
        mvc.perform(get("/people")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/people")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/people").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.httpBasic("dinghai", "wrong"))).andExpect(status().isUnauthorized());
    }

    private long countPeopleUnder(String path) {
        return jdbc.sql("select count(*) from person p join org_node u on u.id = p.unit_id where u.path like :p"
                        + " and p.service_status = '在职'")
                .param("p", path + "%").query(Long.class).single();
    }

    private JsonNode getJson(String url, String username) throws Exception {
        MvcResult result = mvc.perform(get(java.net.URI.create(url)).with(api(username))).andExpect(status().isOk()).andReturn();
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(java.net.URI.create(url)).with(users.page(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
