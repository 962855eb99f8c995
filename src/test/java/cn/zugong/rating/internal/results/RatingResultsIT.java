package cn.zugong.rating.internal.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.NewPartyOrg;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.PartySector;
import cn.zugong.rating.RatingFigures;
import cn.zugong.rating.RatingResult;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.RatingSchemes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Results, ranking, movement, 比 and the organisation page over a fixture of its own: seven 两新 organisations of
 * the city's 2014 round (published; 2013 before it), four in 定海 (two townships) and three in 普陀, every entry's
 * points, stars and 双强 computed with {@link RatingScheme#score}. Every figure below is counted by hand:
 *
 * <pre>
 *   org  where      sector  2014 points  stars 2014      2013
 *   A    定海 T1    非公    950 (−50)    5 双强          4 (850)   升星
 *   B    定海 T1    社会    950          5 → 摘星 → 4    5 (950)   降星
 *   C    定海 T1    非公    850          4 双强          5 (950)   降星
 *   D    定海 T2    社会    720 (ORG-1 120 capped) 3     —         新参评
 *   E    普陀 T3    非公    650          2               2 (650)   持平
 *   F    普陀 T3    社会    200          0               1 (510)   降星
 *   G    普陀 T3    社会    930, 一票否决 0              —         新参评
 * </pre>
 */
@IntegrationTest
class RatingResultsIT {

    static final String SCHEME = "liangxin-wuxing";
    static final int YEAR = 2014;

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired OrgTree tree;
    @Autowired OrgBuilder builder;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired RatingSchemes schemes;
    @Autowired RatingFigures figures;

    private final Map<String, Long> nodes = new LinkedHashMap<>();
    private final Map<String, Long> entries = new HashMap<>();

    @BeforeEach
    void fixture() {
        RatingScheme scheme = schemes.find(SCHEME, "2026.1").orElseThrow();
        OrgNode city = tree.byCode("3309").orElseThrow();
        List<OrgNode> dinghaiTownships = townships("330902");
        List<OrgNode> putuoTownships = townships("330903");
        String[][] orgs = {{"A", "0", "PRIVATE_ENTERPRISE", "党委"}, {"B", "0", "SOCIAL_ORG", "党支部"},
                {"C", "0", "PRIVATE_ENTERPRISE", "党支部"}, {"D", "1", "SOCIAL_ORG", "党支部"},
                {"E", "2", "PRIVATE_ENTERPRISE", "党支部"}, {"F", "2", "SOCIAL_ORG", "党支部"},
                {"G", "2", "SOCIAL_ORG", "党支部"}};
        if (tree.byCode("RRT-A").isEmpty()) {
            List<NewPartyOrg> add = new ArrayList<>();
            for (String[] o : orgs) {
                OrgNode township = o[1].equals("2") ? putuoTownships.get(0) : dinghaiTownships.get(Integer.parseInt(o[1]));
                add.add(new NewPartyOrg(township.code(), "RRT-" + o[0], "结果测试" + o[0] + "有限公司" + o[3], 900,
                        o[3], PartySector.valueOf(o[2])));
            }
            builder.addPartyOrgs(add);
        }
        for (String[] o : orgs) {
            nodes.put(o[0], tree.byCode("RRT-" + o[0]).orElseThrow().id());
        }
        Long existing = jdbc.sql("select id from rating_round where node_id = :n and scheme_code = :s and rating_year = :y")
                .param("n", city.id()).param("s", SCHEME).param("y", YEAR).query(Long.class).optional().orElse(null);
        if (existing != null) {
            jdbc.sql("select e.id, n.code from rating_entry e join org_node n on n.id = e.node_id where e.round_id = :r")
                    .param("r", existing).query((rs, i) -> entries.put(rs.getString(2).substring(4), rs.getLong(1)))
                    .list();
            return;
        }
        long before = round(city.id(), YEAR - 1, "PUBLISHED");
        // 2013: A 850 (4), B 950 (5), C 950 (5), E 650 (2), F 510 (1)
        entry(scheme, before, "A", full(Map.of("ROLE-1", "0", "ROLE-2", "50")), Set.of(), false);
        entry(scheme, before, "B", full(Map.of("DEV-2", "30")), Set.of(), false);
        entry(scheme, before, "C", full(Map.of("DEV-2", "30")), Set.of(), false);
        entry(scheme, before, "E", full(Map.of("ORG-1", "0", "ORG-2", "0", "ORG-3", "0", "LIFE-3", "50")), Set.of(), false);
        entry(scheme, before, "F", full(Map.of("ORG-1", "0", "ORG-2", "0", "ORG-3", "0", "LIFE-1", "0", "LIFE-3", "30")),
                Set.of(), false);
        long now = round(city.id(), YEAR, "PUBLISHED");
        entries.put("A", entry(scheme, now, "A", full(Map.of("MINUS-1", "50")), Set.of(), false));
        entries.put("B", entry(scheme, now, "B", full(Map.of("DEV-2", "30")), Set.of(), true));
        entries.put("C", entry(scheme, now, "C", full(Map.of("ROLE-1", "90", "ROLE-2", "0", "DEV-2", "40")), Set.of(),
                false));
        entries.put("D", entry(scheme, now, "D", full(Map.of("ORG-1", "120", "ROLE-1", "0", "ROLE-2", "0", "DEV-2", "0")),
                Set.of(), false));
        entries.put("E", entry(scheme, now, "E", full(Map.of("ORG-1", "0", "ORG-2", "0", "ORG-3", "0", "LIFE-3", "50")),
                Set.of(), false));
        entries.put("F", entry(scheme, now, "F", full(Map.of("ORG-1", "0", "ORG-2", "0", "ORG-3", "0", "LIFE-1", "0",
                "LIFE-2", "0", "LIFE-3", "0", "DEV-1", "20", "DEV-2", "0", "ROLE-2", "80")), Set.of(), false));
        entries.put("G", entry(scheme, now, "G", full(Map.of("DEV-2", "10")), Set.of("V-SAFETY"), false));
        // A's sheet: a step, a score change, an evidence file; E (普陀) an evidence file too
        long a = entries.get("A");
        jdbc.sql("insert into rating_step (entry_id, action, from_stage, to_stage, comment, actor, at) values "
                + "(:e, 'SUBMIT', 'SELF', 'TOWNSHIP', '自评完成', 'rr-self', timestamp '2014-11-02 09:00:00')")
                .param("e", a).update();
        jdbc.sql("insert into rating_score_change (entry_id, criterion_code, what, stage, before_value, after_value, "
                + "reason, actor, at) values (:e, 'DEV-1', 'SCORE', 'COUNTY', 110, 120, '补充财务报表后复核', "
                + "'rr-county', timestamp '2014-11-20 10:00:00')").param("e", a).update();
        evidence(a, "DEV-1", "2014年财务报表", "报表A.pdf");
        evidence(entries.get("E"), "DEV-1", "普陀财务报表", "报表E.pdf");
        // 摘星 of B after publication
        jdbc.sql("insert into rating_step (entry_id, action, from_stage, to_stage, comment, actor, at) values "
                + "(:e, 'WITHDRAW', 'DONE', 'DONE', '发生劳动纠纷群体事件', 'rr-city', timestamp '2015-03-02 09:00:00')")
                .param("e", entries.get("B")).update();
    }

    private List<OrgNode> townships(String county) {
        OrgNode c = tree.byCode(county).orElseThrow();
        return tree.children(c.id(), c.asScope()).stream().filter(n -> n.kind() == NodeKind.TOWNSHIP).toList();
    }

    /** Full marks on every base criterion, then the given points instead. */
    private static Map<String, BigDecimal> full(Map<String, String> instead) {
        Map<String, BigDecimal> p = new LinkedHashMap<>();
        for (String[] c : new String[][] {{"ORG-1", "100"}, {"ORG-2", "100"}, {"ORG-3", "100"}, {"LIFE-1", "120"},
                {"LIFE-2", "80"}, {"LIFE-3", "100"}, {"ROLE-1", "100"}, {"ROLE-2", "100"}, {"DEV-1", "120"},
                {"DEV-2", "80"}}) {
            p.put(c[0], new BigDecimal(c[1]));
        }
        instead.forEach((k, v) -> p.put(k, new BigDecimal(v)));
        return p;
    }

    private long round(long node, int year, String status) {
        jdbc.sql("insert into rating_round (node_id, scheme_code, scheme_version, rating_year, name, status, "
                        + "publicity_days, published_at, created_by, created_at) values (:n, :s, '2026.1', :y, :name, "
                        + ":st, 5, :at, 'rr-it', :at)").param("n", node).param("s", SCHEME).param("y", year)
                .param("name", year + "年结果测试评定").param("st", status)
                .param("at", Timestamp.valueOf(year + "-12-20 10:00:00")).update();
        return jdbc.sql("select id from rating_round where node_id = :n and scheme_code = :s and rating_year = :y")
                .param("n", node).param("s", SCHEME).param("y", year).query(Long.class).single();
    }

    private long entry(RatingScheme scheme, long round, String org, Map<String, BigDecimal> points, Set<String> vetoes,
                       boolean withdrawnToFour) {
        RatingResult r = scheme.score(points, vetoes);
        jdbc.sql("insert into rating_entry (round_id, node_id, stage, self_points, points, stars, strong_party, "
                        + "strong_development, vetoed, published_points, published_stars, withdrawn, updated_by, "
                        + "updated_at) values (:r, :n, 'DONE', :p, :p, :st, :sp, :sd, :v, :p, :st, false, 'rr-it', "
                        + "timestamp '2014-12-20 10:00:00')").param("r", round).param("n", nodes.get(org))
                .param("p", r.points()).param("st", r.stars()).param("sp", r.strongParty())
                .param("sd", r.strongDevelopment()).param("v", r.vetoed()).update();
        long id = jdbc.sql("select id from rating_entry where round_id = :r and node_id = :n").param("r", round)
                .param("n", nodes.get(org)).query(Long.class).single();
        points.forEach((code, p) -> jdbc.sql("insert into rating_score (entry_id, criterion_code, points, self_points, "
                        + "updated_by, updated_at) values (:e, :c, :p, :p, 'rr-it', timestamp '2014-12-01 10:00:00')")
                .param("e", id).param("c", code).param("p", p).update());
        vetoes.forEach(v -> jdbc.sql("insert into rating_veto (entry_id, veto_code, reason, recorded_by, recorded_at) "
                + "values (:e, :v, '安全事故', 'rr-it', timestamp '2014-12-01 10:00:00')").param("e", id).param("v", v)
                .update());
        if (withdrawnToFour) {
            jdbc.sql("update rating_entry set stars = 4, withdrawn = true where id = :e").param("e", id).update();
        }
        return id;
    }

    private void evidence(long entry, String criterion, String description, String file) {
        jdbc.sql("insert into rating_evidence (entry_id, criterion_code, description, file_name, content_type, "
                        + "size_bytes, sha256, content, uploaded_by, uploaded_at) values (:e, :c, :d, :f, "
                        + "'application/pdf', 5, 'x', :b, 'rr-it', timestamp '2014-11-01 10:00:00')")
                .param("e", entry).param("c", criterion).param("d", description).param("f", file)
                .param("b", "%PDF-".getBytes(StandardCharsets.US_ASCII)).update();
    }

    private JsonNode api(String user, String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(TestUsers.api(user))).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<Long> values(JsonNode array, String field) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asLong()));
        return out;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    private static final String RESULTS = "/api/ratings/results?scheme=" + SCHEME + "&year=" + YEAR;

    @Test
    void countsAndSharesByHand() throws Exception {
        JsonNode city = api("admin", RESULTS);
        assertThat(city.get("published").asBoolean()).isTrue();
        assertThat(city.at("/total/total").asLong()).isEqualTo(7);
        // stars now (B withdrawn to 4): 0★ F G, 2★ E, 3★ D, 4★ B C, 5★ A
        assertThat(longs(city.at("/total/byStars"))).containsExactly(2L, 0L, 1L, 1L, 2L, 1L);
        assertThat(city.at("/total/threeOrMore").asLong()).isEqualTo(4);
        assertThat(city.at("/total/shareThreeOrMore").decimalValue()).isEqualByComparingTo("57.1");
        assertThat(city.at("/total/doubleStrong").asLong()).isEqualTo(2); // A, C (G vetoed)
        assertThat(city.at("/total/topDoubleStrong").asLong()).isEqualTo(1); // A 五星双强
        assertThat(city.at("/total/nextDoubleStrong").asLong()).isEqualTo(1); // C 四星双强
        Map<String, Long> byArea = new HashMap<>();
        city.get("byArea").forEach(a -> byArea.put(a.get("name").asText(), a.get("total").asLong()));
        assertThat(byArea).containsEntry("定海区", 4L).containsEntry("普陀区", 3L);
        Map<String, Long> bySector = new HashMap<>();
        city.get("bySector").forEach(a -> bySector.put(a.get("name").asText(), a.get("total").asLong()));
        assertThat(bySector).containsEntry("非公企业", 3L).containsEntry("社会组织", 4L);
        Map<String, Long> byType = new HashMap<>();
        city.get("byOrgType").forEach(a -> byType.put(a.get("name").asText(), a.get("total").asLong()));
        assertThat(byType).containsEntry("党委", 1L).containsEntry("党支部", 6L);
        assertThat(city.get("withdrawn").size()).isEqualTo(1);
        assertThat(city.at("/withdrawn/0/publishedStars").asInt()).isEqualTo(5);
        assertThat(city.at("/withdrawn/0/stars").asInt()).isEqualTo(4);
        assertThat(city.at("/withdrawn/0/reason").asText()).isEqualTo("发生劳动纠纷群体事件");

        // 定海: by township; 普陀's three never counted
        JsonNode dinghai = api("dinghai", RESULTS);
        assertThat(dinghai.at("/total/total").asLong()).isEqualTo(4);
        assertThat(longs(dinghai.at("/total/byStars"))).containsExactly(0L, 0L, 0L, 1L, 2L, 1L);
        assertThat(dinghai.at("/total/shareThreeOrMore").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(dinghai.get("byArea").size()).isEqualTo(2);
        assertThat(values(dinghai.get("byArea"), "total")).containsExactlyInAnyOrder(3L, 1L);
        assertThat(dinghai.toString()).doesNotContain("结果测试E", "结果测试F", "结果测试G");

        // the public figures for other modules agree
        var f = figures.of(tree.byCode("330902").orElseThrow().asScope(), YEAR).stream()
                .filter(x -> x.schemeCode().equals(SCHEME)).findFirst().orElseThrow();
        assertThat(f.organisations()).isEqualTo(4);
        assertThat(f.shareThreeOrMore()).isEqualByComparingTo("100.0");
        assertThat(f.topDoubleStrong()).isEqualTo(1);
        assertThat(f.nextDoubleStrong()).isEqualTo(1);
        assertThat(f.withdrawn()).isEqualTo(1);
        assertThat(f.published()).isTrue();
    }

    @Test
    void rankingTiesAndMovements() throws Exception {
        JsonNode city = api("admin", RESULTS);
        Map<String, Long> rank = new HashMap<>();
        Map<String, String> movement = new HashMap<>();
        city.get("ranking").forEach(r -> {
            String org = r.get("name").asText().substring(4, 5);
            rank.put(org, r.get("rank").asLong());
            movement.put(org, r.get("movementLabel").asText());
        });
        assertThat(rank).containsExactlyInAnyOrderEntriesOf(Map.of("A", 1L, "B", 1L, "G", 3L, "C", 4L, "D", 5L,
                "E", 6L, "F", 7L));
        assertThat(movement).containsExactlyInAnyOrderEntriesOf(Map.of("A", "升星", "B", "降星", "C", "降星",
                "D", "新参评", "E", "持平", "F", "降星", "G", "新参评"));
        assertThat(city.at("/movements/up").asLong()).isEqualTo(1);
        assertThat(city.at("/movements/down").asLong()).isEqualTo(3);
        assertThat(city.at("/movements/same").asLong()).isEqualTo(1);
        assertThat(city.at("/movements/first").asLong()).isEqualTo(2);

        // filtered to 定海's second township: D alone, ranked 1 there
        JsonNode dinghai = api("dinghai", RESULTS);
        assertThat(dinghai.get("ranking").size()).isEqualTo(4);
        assertThat(values(dinghai.get("ranking"), "rank")).containsExactly(1L, 1L, 3L, 4L);
        long t2 = tree.byCode("RRT-D").orElseThrow().parentId();
        JsonNode filtered = api("dinghai", RESULTS + "&areaId=" + t2);
        assertThat(filtered.get("ranking").size()).isEqualTo(1);
        assertThat(filtered.at("/ranking/0/rank").asLong()).isEqualTo(1);
        JsonNode social = api("admin", RESULTS + "&sector=SOCIAL_ORG");
        assertThat(social.get("ranking").size()).isEqualTo(4); // B 950, G 930, D 720, F 400
        assertThat(social.at("/ranking/1/rank").asLong()).isEqualTo(2);
        assertThat(dinghai.at("/movements/up").asLong()).isEqualTo(1);
        assertThat(dinghai.at("/movements/down").asLong()).isEqualTo(2);
        assertThat(dinghai.at("/movements/first").asLong()).isEqualTo(1);
    }

    @Test
    void comparisonAveragesByHand() throws Exception {
        long c = nodes.get("C");
        JsonNode p = api("dinghai", "/api/ratings/compare?scheme=" + SCHEME + "&year=" + YEAR + "&nodeId=" + c);
        // dimensions: ORG, LIFE, ROLE, DEV, BONUS
        JsonNode sel = p.get("selected");
        assertThat(sel.at("/org/name").asText()).startsWith("结果测试C");
        assertThat(sel.at("/org/townshipRank").asLong()).isEqualTo(3); // A, B 950 tie at 1
        assertThat(sel.at("/org/countyRank").asLong()).isEqualTo(3);
        // township T1 (A, B, C): (950 + 950 + 850) / 3
        assertThat(sel.at("/township/points").decimalValue()).isEqualByComparingTo("916.67");
        assertThat(sel.at("/township/organisations").asLong()).isEqualTo(3);
        same(sel.at("/township/dims"), "300", "300", "163.33", "170", "-16.67");
        // county 定海 (A, B, C, D; D's ORG-1 of 120 counts as its cap of 100)
        assertThat(sel.at("/county/points").decimalValue()).isEqualByComparingTo("867.50");
        same(sel.at("/county/dims"), "300", "300", "122.5", "157.5", "-12.5");
        same(sel.at("/org/dims"), "300", "300", "90", "160", "0");
        assertThat(p.get("counties").size()).isEqualTo(1);
        assertThat(p.toString()).doesNotContain("结果测试E");
        // an organisation outside the scope cannot be chosen
        assertThat(mvc.perform(get("/api/ratings/compare?scheme=" + SCHEME + "&year=" + YEAR + "&nodeId="
                + nodes.get("E")).with(TestUsers.api("dinghai"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        String page = mvc.perform(get("/ratings/compare?scheme=" + SCHEME + "&year=" + YEAR + "&nodeId=" + c)
                .with(users.page("dinghai"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("dims-chart", "916.67", "867.50");
    }

    /** The numbers of a JSON array compared as numbers (scale ignored). */
    private static void same(JsonNode array, String... expected) {
        assertThat(array.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(array.get(i).decimalValue()).as(array + " [" + i + "]").isEqualByComparingTo(expected[i]);
        }
    }

    @Test
    void organisationPageHistorySheetAndScope() throws Exception {
        long a = nodes.get("A");
        JsonNode p = api("dinghai", "/api/ratings/orgs/" + a + "?scheme=" + SCHEME + "&year=" + YEAR);
        assertThat(p.get("history").size()).isEqualTo(2);
        assertThat(p.at("/history/0/year").asInt()).isEqualTo(YEAR);
        assertThat(p.at("/history/0/title").asText()).isEqualTo("五星双强");
        assertThat(p.at("/history/1/title").asText()).isEqualTo("四星");
        assertThat(p.at("/sheet/result/points").decimalValue()).isEqualByComparingTo("950");
        assertThat(p.at("/sheet/changes/0/reason").asText()).isEqualTo("补充财务报表后复核");
        assertThat(p.at("/sheet/changes/0/stage").asText()).isEqualTo("县级复审");
        assertThat(p.at("/sheet/steps/0/actionLabel").asText()).isEqualTo("提交");
        assertThat(p.at("/sheet/evidenceFiles").asInt()).isEqualTo(1);
        JsonNode b = api("dinghai", "/api/ratings/orgs/" + nodes.get("B"));
        assertThat(b.at("/starSteps/0/action").asText()).isEqualTo("摘星");
        String page = mvc.perform(get("/ratings/orgs/" + a).with(users.page("dinghai"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("报表A.pdf", "补充财务报表后复核", "五星双强");
        // 普陀's E: 404 for 定海, page and API; the city sees it
        for (String url : List.of("/ratings/orgs/" + nodes.get("E"), "/api/ratings/orgs/" + nodes.get("E"))) {
            assertThat(mvc.perform(get(url).with(users.page("dinghai"))).andReturn().getResponse().getStatus())
                    .as(url).isEqualTo(404);
        }
        assertThat(api("admin", "/api/ratings/orgs/" + nodes.get("E")).get("history").size()).isEqualTo(2);
    }

    @Test
    void evidenceDownloadIsScopedAndAudited() throws Exception {
        long mine = jdbc.sql("select id from rating_evidence where entry_id = :e").param("e", entries.get("A"))
                .query(Long.class).single();
        long theirs = jdbc.sql("select id from rating_evidence where entry_id = :e").param("e", entries.get("E"))
                .query(Long.class).single();
        long audits = jdbc.sql("select count(*) from audit_entry where object_type = 'rating_evidence' and object_id = :i")
                .param("i", String.valueOf(mine)).query(Long.class).single();
        MockHttpServletResponse ok = mvc.perform(get("/ratings/results/evidence/" + mine).with(users.page("dinghai")))
                .andReturn().getResponse();
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getContentAsByteArray()).isEqualTo("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'rating_evidence' and object_id = :i")
                .param("i", String.valueOf(mine)).query(Long.class).single()).isEqualTo(audits + 1);
        assertThat(mvc.perform(get("/ratings/results/evidence/" + theirs).with(users.page("dinghai"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/ratings/results/evidence/" + theirs).with(users.page("putuo"))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void excelExportsCarryTheScopedFigures() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/ratings/results.xlsx?scheme=" + SCHEME + "&year=" + YEAR)
                .with(users.page("dinghai"))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            Sheet area = book.getSheet("按区域");
            Row total = area.getRow(area.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(4);
            assertThat(total.getCell(7 + 1).getNumericCellValue()).isEqualTo(2); // 双强 after 参评 and six star columns
            assertThat(total.getCell(12).getNumericCellValue()).isEqualTo(100.0);
            Sheet ranking = book.getSheet("排名");
            assertThat(ranking.getLastRowNum()).isEqualTo(3 + 3);
            for (int i = 3; i <= ranking.getLastRowNum(); i++) {
                assertThat(ranking.getRow(i).getCell(1).getStringCellValue()).doesNotContain("结果测试E");
            }
            assertThat(ranking.getRow(3).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(ranking.getRow(4).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(book.getSheet("摘星").getRow(3).getCell(4).getStringCellValue()).isEqualTo("发生劳动纠纷群体事件");
        }
        MockHttpServletResponse s = mvc.perform(get("/ratings/results/scores.xlsx?scheme=" + SCHEME + "&year=" + YEAR)
                .with(users.page("dinghai"))).andReturn().getResponse();
        assertThat(s.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(s.getContentAsByteArray()))) {
            Sheet sheet = book.getSheet("评分表");
            assertThat(sheet.getLastRowNum()).isEqualTo(3 + 3);
            Row header = sheet.getRow(2);
            assertThat(header.getCell(3).getStringCellValue()).startsWith("ORG-1 ");
            int totalColumn = 3 + 12;
            assertThat(header.getCell(totalColumn).getStringCellValue()).isEqualTo("总分");
            boolean sawA = false;
            for (int i = 3; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                assertThat(row.getCell(0).getStringCellValue()).doesNotContain("结果测试E", "结果测试F", "结果测试G");
                if (row.getCell(0).getStringCellValue().startsWith("结果测试A")) {
                    sawA = true;
                    assertThat(row.getCell(3 + 11).getNumericCellValue()).isEqualTo(50); // MINUS-1
                    assertThat(row.getCell(totalColumn).getNumericCellValue()).isEqualTo(950);
                    assertThat(row.getCell(totalColumn + 1).getNumericCellValue()).isEqualTo(5);
                    assertThat(row.getCell(totalColumn + 3).getStringCellValue()).isEqualTo("是");
                }
            }
            assertThat(sawA).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'rating_score' and action = 'EXPORT'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void pagesRenderAndRefuseOutsiders() throws Exception {
        String page = mvc.perform(get("/ratings/results?scheme=" + SCHEME + "&year=" + YEAR).with(users.page("dinghai")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("stars-chart", "结果测试A", "发生劳动纠纷群体事件").doesNotContain("结果测试E", "未发布</span>");
        assertThat(mvc.perform(get("/ratings/results").with(users.page("cadre"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }
}
