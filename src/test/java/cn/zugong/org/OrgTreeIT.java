package cn.zugong.org;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class OrgTreeIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    @Test
    void zhoushanHasItsRealDivisions() {
        var city = tree.byCode("3309").orElseThrow();
        assertThat(city.name()).isEqualTo("舟山市");
        assertThat(tree.children(city.id(), city.asScope()).stream().filter(n -> n.kind() == NodeKind.COUNTY)
                .map(OrgNode::name)).containsExactly("定海区", "普陀区", "岱山县", "嵊泗县");
        assertThat(realDivisions("TOWNSHIP")).isEqualTo(36);
        assertThat(realDivisions("VILLAGE")).isEqualTo(428);
        assertThat(tree.byCode("330902100").orElseThrow().path()).isEqualTo("/33/3309/330902/330902100/");
    }

    @Test
    void childrenLoadLazilyAsFragments() throws Exception {
        long dinghai = tree.byCode("330902").orElseThrow().id();
        String html = mvc.perform(get("/org/nodes/" + dinghai + "/children").with(users.page("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<html").contains("金塘镇", "hx-get", "定海区教育局");

        JsonNode children = getJson("/api/org/nodes/" + dinghai + "/children", "dinghai");
        List<String> kinds = new ArrayList<>();
        children.forEach(c -> kinds.add(c.get("kind").asText()));
        // divisions first, then units, then party organisations
        assertThat(kinds).isSortedAccordingTo((a, b) -> Integer.compare(rank(a), rank(b)));
        assertThat(kinds).contains("TOWNSHIP", "UNIT");
    }

    @Test
    void searchFindsByNameAndCodeWithinScope() throws Exception {
        JsonNode byName = getJson("/api/org/search?q=" + URLEncoder.encode("金塘", StandardCharsets.UTF_8), "admin");
        assertThat(byName.get(0).get("name").asText()).isEqualTo("金塘镇");
        JsonNode byCode = getJson("/api/org/search?q=330903", "admin");
        assertThat(byCode.get(0).get("name").asText()).isEqualTo("普陀区");
        assertThat(getJson("/api/org/search?q=330903", "dinghai")).isEmpty();
        String html = mvc.perform(get("/org/search").param("q", "组织部").with(users.page("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("市委组织部", "定海区委组织部");
    }

    @Test
    void nodePageShowsUnitsPartyOrganisationsAndHeadCounts() throws Exception {
        OrgNode unit = tree.byCode("3309U02").orElseThrow();
        long people = jdbc.sql("select count(*) from person where unit_id = :id and service_status = '在职'").param("id", unit.id())
                .query(Long.class).single();
        JsonNode view = getJson("/api/org/nodes/" + unit.id(), "admin");
        assertThat(view.get("node").get("name").asText()).isEqualTo("市委组织部");
        assertThat(view.get("unitFacts").get("authorizedHeadcount").asInt()).isPositive();
        assertThat(figure(view, "公务员（含参公）")).isEqualTo(people).isPositive();
        assertThat(view.get("partyOrgs")).isNotEmpty();

        long city = tree.byCode("3309").orElseThrow().id();
        JsonNode cityView = getJson("/api/org/nodes/" + city, "admin");
        long allPeople = jdbc.sql("select count(*) from person where service_status = '在职'")
                .query(Long.class).single();
        assertThat(figure(cityView, "公务员（含参公）")).isEqualTo(allPeople);
        assertThat(figure(cityView, "下辖单位")).isEqualTo(count("UNIT"));
        assertThat(cityView.get("units")).isNotEmpty();

        String html = mvc.perform(get("/org/nodes/" + unit.id()).with(users.page("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("市委组织部", "编制数", "领导职数", "职级职数", "查看本单位人员");
    }

    private static long figure(JsonNode view, String label) {
        for (JsonNode f : view.get("figures")) {
            if (f.get("label").asText().equals(label)) {
                return f.get("value").asLong();
            }
        }
        throw new AssertionError("no figure " + label);
    }

    private static int rank(String kind) {
        return switch (kind) {
            case "UNIT" -> 1;
            case "PARTY_ORG" -> 2;
            default -> 0;
        };
    }

    private long count(String kind) {
        return jdbc.sql("select count(*) from org_node where kind = :k").param("k", kind).query(Long.class).single();
    }

    /** The city's divisions of the kind from the divisions file (all-digit codes), not other tests' fixtures. */
    private long realDivisions(String kind) {
        return jdbc.sql("select code from org_node where kind = :k").param("k", kind).query(String.class).list()
                .stream().filter(code -> code.matches("3309\\d+")).count();
    }

    private JsonNode getJson(String url, String username) throws Exception {
        return json.readTree(mvc.perform(get(java.net.URI.create(url)).with(api(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
