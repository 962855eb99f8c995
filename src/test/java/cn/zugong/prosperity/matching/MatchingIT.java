package cn.zugong.prosperity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 聚力共富 through HTTP on the real database: one need and three offers scored by hand (each component and the total),
 * the ranking and the page's reasons; an engagement rated by both sides, each once, the wrong side refused and the
 * database unchanged; scope (404 outside) and role (403 for read-only roles) on pages and API. Own fixtures: a field
 * of the test's own (data, like every field) and skills no demo row has, so no demo offer is a candidate.
 */
@IntegrationTest
class MatchingIT {

    static final String FIELD = "TEST_MATCHING";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree tree;
    @Autowired ObjectMapper json;

    OrgNode dinghai;
    OrgNode township;
    OrgNode village;
    OrgNode otherVillage;
    OrgNode putuoVillage;

    @BeforeEach
    void nodes() {
        if (jdbc.sql("select count(*) from matching_field where code = :c").param("c", FIELD).query(Long.class)
                .single() == 0) {
            jdbc.sql("insert into matching_field (code, name, sort_order) values (:c, '测试领域', 99)").param("c", FIELD)
                    .update();
        }
        dinghai = tree.byCode("330902").orElseThrow();
        township = kids(dinghai, NodeKind.TOWNSHIP).stream().filter(t -> kids(t, NodeKind.VILLAGE).size() >= 2)
                .findFirst().orElseThrow();
        village = kids(township, NodeKind.VILLAGE).get(0);
        otherVillage = kids(township, NodeKind.VILLAGE).get(1);
        OrgNode putuo = tree.byCode("330903").orElseThrow();
        putuoVillage = kids(kids(putuo, NodeKind.TOWNSHIP).get(0), NodeKind.VILLAGE).get(0);
    }

    private List<OrgNode> kids(OrgNode n, NodeKind kind) {
        return tree.children(n.id(), n.asScope()).stream().filter(x -> x.kind() == kind).toList();
    }

    private long created(MockHttpServletRequestBuilder request, Object body, String user) throws Exception {
        String answer = mvc.perform(request.with(TestUsers.api(user)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(answer).get("id").asLong();
    }

    private long need(String user, long posterNode, long place, List<String> skills, String from, String to)
            throws Exception {
        return created(post("/api/prosperity/matching/needs"), Map.of("nodeId", posterNode, "posterKind", "VILLAGE",
                "title", "测试需求" + System.nanoTime(), "field", FIELD, "placeNodeId", place, "from", from, "to", to,
                "headcount", 1, "skills", skills), user);
    }

    private long offer(String user, String name, List<String> fields, List<String> skills, long place, String from,
                       String to) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", "CADRE", "name", name, "currentPost",
                "测试挂职干部", "fields", fields, "skills", skills, "placeNodeIds", List.of(place), "from", from,
                "phone", "13905801234"));
        if (to != null) {
            body.put("to", to);
        }
        return created(post("/api/prosperity/matching/offers"), body, user);
    }

    /**
     * The need: field 测试领域, skills {冷链溯源, 渔获直播, 海岛短视频}, place a village, 2027-01-01..2027-06-29 (180 days).
     * By the shipped file (field 30, skills 40 by covered share, place 20 by tree distance, period 10 by overlap):
     * <pre>
     * A: field yes 30; skills 2/3 → 40 × 0.66666667 = 26.67; serves the village's township (covers) 20;
     *    available all of 2027 → 180/180 × 10 = 10;                                total 86.67
     * B: field yes 30; skills 1/3 → 13.33; serves the other village of the same township → 0.8 × 20 = 16;
     *    available from 2027-04-01 → 90/180 × 10 = 5;                              total 64.33
     * C: field no 0; skills 3/3 → 40; serves a village of another county → same city 0.2 × 20 = 4;
     *    available only in 2026 → 0;                                               total 44.00
     * </pre>
     */
    @Test
    void threeCandidatesScoreAsComputedByHand() throws Exception {
        long need = need("dinghai", village.id(), village.id(), List.of("冷链溯源", "渔获直播", "海岛短视频"), "2027-01-01",
                "2027-06-29");
        long a = offer("dinghai", "甲测试", List.of(FIELD), List.of("冷链溯源", "渔获直播", "数据建模"), township.id(),
                "2026-12-01", "2027-12-31");
        long b = offer("dinghai", "乙测试", List.of("TOURISM", FIELD), List.of("海岛短视频"), otherVillage.id(),
                "2027-04-01", null);
        long c = offer("dinghai", "丙测试", List.of("INDUSTRY"), List.of("冷链溯源", "渔获直播", "海岛短视频", "品牌故事"),
                putuoVillage.id(), "2026-01-01", "2026-06-30");
        // an offer sharing neither field nor skill is no candidate
        long d = offer("dinghai", "丁测试", List.of("INDUSTRY"), List.of("船舶焊接"), township.id(), "2026-01-01", null);

        String body = mvc.perform(get("/api/prosperity/matching/needs/" + need + "/candidates")
                        .with(TestUsers.api("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode list = json.readTree(body);
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.findValues("offer").stream().map(o -> o.get("id").asLong()).toList()).containsExactly(a, b, c)
                .doesNotContain(d);
        expect(list.get(0), "86.67", "30.00", "26.67", "20.00", "10.00");
        expect(list.get(1), "64.33", "30.00", "13.33", "16.00", "5.00");
        expect(list.get(2), "44.00", "0.00", "40.00", "4.00", "0.00");
        assertThat(list.get(0).at("/score/parts/1/why").asText()).isEqualTo("覆盖所需技能 2/3（冷链溯源、渔获直播）");
        assertThat(list.get(1).at("/score/parts/2/why").asText()).isEqualTo("可服务地与需求地点同乡镇");
        assertThat(list.get(1).at("/score/parts/3/why").asText()).isEqualTo("可服务时间覆盖需求期 90/180 天");
        assertThat(list.get(2).at("/score/parts/2/why").asText()).isEqualTo("可服务地与需求地点同市");

        // the page shows the ranking and why, component by component
        mvc.perform(get("/prosperity/matching/needs/" + need).with(users.page("dinghai")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("86.67")))
                .andExpect(content().string(containsString("覆盖所需技能 2/3（冷链溯源、渔获直播）")))
                .andExpect(content().string(containsString("可服务时间覆盖需求期 90/180 天")))
                .andExpect(content().string(not(containsString("丁测试"))));
    }

    private static void expect(JsonNode candidate, String total, String field, String skills, String place,
                               String period) {
        JsonNode s = candidate.get("score");
        assertThat(new BigDecimal(s.get("total").asText())).isEqualByComparingTo(total);
        List<String> codes = List.of("field", "skills", "place", "period");
        List<String> points = List.of(field, skills, place, period);
        for (int i = 0; i < 4; i++) {
            assertThat(s.at("/parts/" + i + "/code").asText()).isEqualTo(codes.get(i));
            assertThat(new BigDecimal(s.at("/parts/" + i + "/points").asText())).as(codes.get(i))
                    .isEqualByComparingTo(points.get(i));
        }
    }

    /**
     * The need is posted by a village of 定海 (dinghai's side); the offer is managed by 普陀 (putuo's side) and serves
     * the village's township, so dinghai sees it and engages it. Each side rates once; the other side's account, a
     * read-only role and an office outside both sides are refused, and the ratings table is unchanged by each refusal.
     */
    @Test
    void eachSideRatesOnceAndOnlyTheRightSide() throws Exception {
        long need = need("dinghai", village.id(), village.id(), List.of("冷链溯源"), "2026-10-01", "2027-03-31");
        long offer = offer("putuo", "戊测试", List.of(FIELD), List.of("冷链溯源"), township.id(), "2026-09-01", null);
        long engagement = created(post("/api/prosperity/matching/needs/" + need + "/engagements"),
                Map.of("offerId", offer, "start", "2026-10-08", "end", "2027-03-31", "tasks", "冷链溯源体系建设"),
                "dinghai");
        assertThat(jdbc.sql("select status from matching_need where id = :id").param("id", need).query(String.class)
                .single()).isEqualTo("MATCHED");
        assertThat(jdbc.sql("select score from matching_engagement where id = :id").param("id", engagement)
                .query(BigDecimal.class).single()).isEqualByComparingTo("100");

        String rate = "/api/prosperity/matching/engagements/" + engagement + "/ratings";
        // the wrong side: putuo may not rate the person for the need side, dinghai not the host for the person
        refused(rate, "putuo", "NEED", 403, engagement);
        refused(rate, "dinghai", "OFFER", 403, engagement);
        // read-only role and an office outside both sides
        refused(rate, "reviewer", "NEED", 403, engagement);
        refused(rate, "shengsi", "NEED", 404, engagement);
        // the right sides, each once
        created(post(rate), Map.of("side", "NEED", "stars", 5, "comment", "扎实"), "dinghai");
        created(post(rate), Map.of("side", "OFFER", "stars", 4, "comment", "支持到位"), "putuo");
        refused(rate, "dinghai", "NEED", 409, engagement);
        refused(rate, "putuo", "OFFER", 409, engagement);
        // the page form refuses the second rating as well
        mvc.perform(post("/prosperity/matching/engagements/" + engagement + "/ratings").with(users.page("dinghai"))
                        .with(csrf()).param("side", "NEED").param("stars", "1"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select side, stars, rated_by from matching_rating where engagement_id = :e order by side")
                .param("e", engagement).query().listOfRows())
                .extracting(r -> r.get("side") + ":" + r.get("stars") + ":" + r.get("rated_by"))
                .containsExactly("NEED:5:dinghai", "OFFER:4:putuo");

        // outcomes and completion by the need side; both sides see the engagement with its ratings
        created(post("/api/prosperity/matching/engagements/" + engagement + "/outcomes"),
                Map.of("recordedOn", "2026-11-20", "summary", "建成冷链溯源台账", "projects", 2, "fundsYuan", "150000.50",
                        "peopleTrained", 30), "dinghai");
        mvc.perform(post("/api/prosperity/matching/engagements/" + engagement + "/complete")
                .with(TestUsers.api("putuo")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/prosperity/matching/engagements/" + engagement + "/complete")
                        .with(TestUsers.api("dinghai")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\":\"2026-12-01\"}"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select status from matching_need where id = :id").param("id", need).query(String.class)
                .single()).isEqualTo("DONE");
        mvc.perform(get("/prosperity/matching/engagements/" + engagement).with(users.page("putuo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("建成冷链溯源台账")))
                .andExpect(content().string(containsString("支持到位")));
        mvc.perform(get("/api/prosperity/matching/engagements/" + engagement).with(TestUsers.api("dinghai")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ratings.length()").value(2))
                .andExpect(jsonPath("$.engagement.statusLabel").value("已完成"));
    }

    private void refused(String path, String user, String side, int expected, long engagement) throws Exception {
        Map<String, Object> before = jdbc.sql("select count(*) n, coalesce(sum(stars), 0) s from matching_rating"
                + " where engagement_id = :e").param("e", engagement).query().singleRow();
        mvc.perform(post(path).with(TestUsers.api(user)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"side\":\"" + side + "\",\"stars\":2}"))
                .andExpect(status().is(expected));
        assertThat(jdbc.sql("select count(*) n, coalesce(sum(stars), 0) s from matching_rating where engagement_id = :e")
                .param("e", engagement).query().singleRow()).isEqualTo(before);
    }

    @Test
    void outsideTheScopeIsNotFoundAndReadOnlyRolesCannotWrite() throws Exception {
        long need = need("dinghai", village.id(), village.id(), List.of("渔获直播"), "2026-12-10", "2027-02-10");
        long offer = offer("dinghai", "己测试", List.of(FIELD), List.of("渔获直播"), township.id(), "2026-12-01", null);
        // another county: 404 on the need and the offer (managed and serving in 定海), pages and API
        for (String path : List.of("/prosperity/matching/needs/" + need, "/prosperity/matching/offers/" + offer)) {
            mvc.perform(get(path).with(users.page("putuo"))).andExpect(status().isNotFound());
            mvc.perform(get("/api" + path).with(TestUsers.api("putuo"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/prosperity/matching/needs").with(TestUsers.api("putuo")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("\"id\":" + need + ","))));
        long needs = count("matching_need");
        long engagements = count("matching_engagement");
        // putuo cannot engage dinghai's need; read-only roles cannot post
        mvc.perform(post("/api/prosperity/matching/needs/" + need + "/engagements").with(TestUsers.api("putuo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"offerId\":" + offer + ",\"start\":\"2026-12-10\",\"end\":\"2027-01-10\",\"tasks\":\"x\"}"))
                .andExpect(status().isNotFound());
        for (String user : List.of("leader", "reviewer")) {
            mvc.perform(post("/api/prosperity/matching/needs").with(TestUsers.api(user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"posterKind\":\"COUNTY\",\"title\":\"越权\",\"field\":\"" + FIELD + "\",\"placeNodeId\":"
                            + village.id() + ",\"from\":\"2027-01-01\",\"to\":\"2027-02-01\",\"headcount\":1,"
                            + "\"skills\":[\"a\"]}"))
                    .andExpect(status().isForbidden());
        }
        // outside the office: the talent and the party member never reach the module
        mvc.perform(get("/prosperity/matching").with(users.page("talent"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/prosperity/matching/needs").with(TestUsers.api("dangyuan")))
                .andExpect(status().isForbidden());
        // a place outside the poster's scope is refused with the field named
        mvc.perform(post("/api/prosperity/matching/needs").with(TestUsers.api("dinghai"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"posterKind\":\"COUNTY\",\"title\":\"越界\",\"field\":\"" + FIELD + "\",\"placeNodeId\":"
                                + putuoVillage.id() + ",\"from\":\"2027-01-01\",\"to\":\"2027-02-01\",\"headcount\":1,"
                                + "\"skills\":[\"a\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(containsString("需求地点")));
        assertThat(count("matching_need")).isEqualTo(needs);
        assertThat(count("matching_engagement")).isEqualTo(engagements);
        // the phone: masked in lists and pages, full only for an admin (audited); a reviewer is refused
        mvc.perform(get("/api/prosperity/matching/offers/" + offer).with(TestUsers.api("dinghai")))
                .andExpect(jsonPath("$.phone").value("139****1234"));
        mvc.perform(post("/api/prosperity/matching/offers/" + offer + "/unmask").with(TestUsers.api("dinghai")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.value").value("13905801234"));
        mvc.perform(post("/api/prosperity/matching/offers/" + offer + "/unmask").with(TestUsers.api("reviewer")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select phone from matching_offer where id = :id").param("id", offer).query(String.class)
                .single()).startsWith("v1:").doesNotContain("13905801234");
    }

    @Test
    void theListsAndFiguresRenderAndTheFiguresEqualAHandCount() throws Exception {
        for (String path : List.of("/prosperity/matching", "/prosperity/matching/offers",
                "/prosperity/matching/engagements", "/prosperity/matching/needs/new", "/prosperity/matching/offers/new",
                "/prosperity/matching/figures")) {
            mvc.perform(get(path).with(users.page("admin"))).andExpect(status().isOk());
        }
        mvc.perform(get("/prosperity/matching/figures.xlsx").with(users.page("admin"))).andExpect(status().isOk());
        String body = mvc.perform(get("/api/prosperity/matching/figures?from=2026-01-01&to=2026-12-31")
                .with(TestUsers.api("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode total = json.readTree(body).get("total");
        long needs = jdbc.sql("""
                select count(*) from matching_need where status <> 'WITHDRAWN'
                and posted_on >= date '2026-01-01' and posted_on <= date '2026-12-31'""").query(Long.class).single();
        long engaged = jdbc.sql("""
                select count(*) from matching_engagement
                where start_on >= date '2026-01-01' and start_on <= date '2026-12-31'""").query(Long.class).single();
        long needStars = jdbc.sql("""
                select coalesce(sum(stars), 0) from matching_rating where side = 'NEED'
                and rated_at >= timestamp '2026-01-01 00:00:00' and rated_at < timestamp '2027-01-01 00:00:00'""")
                .query(Long.class).single();
        assertThat(total.get("needs").asLong()).isEqualTo(needs);
        assertThat(total.get("engagements").asLong()).isEqualTo(engaged);
        assertThat(total.get("needStars").asLong()).isEqualTo(needStars);
        assertThat(json.readTree(body).get("sentence").asText()).startsWith("拓展“借力”“给力”两张清单，激活");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
