package cn.zugong.rating.internal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgTree;
import cn.zugong.rating.PublicEvaluations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 双述双评双比 over HTTP and the database (ADR 066), on fixtures of its own: a 嵊泗县 campaign per test (years no demo
 * campaign uses) over two communities of 菜园镇 — A with the 班子成员 X and Y and six raters (three party members,
 * three 村民代表), B with Z and one 村民代表. The 嵊泗 admin runs it, the 菜园镇 admin gives the township's 评价, the
 * phone page is used with codes from the downloaded slips.
 */
@IntegrationTest
class EvaluationHttpIT {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree tree;
    @Autowired PublicEvaluations writer;
    @Autowired BallotBox box;
    @Autowired VoteController vote;
    final ObjectMapper json = new ObjectMapper();

    record Fixture(long campaign, long villageA, long villageB, long x, long y, long z, Map<String, Long> raters,
                   Map<String, String> codes) {
    }

    private Fixture fixture(int year) throws Exception {
        long a = jdbc.sql("select p.node_id from party_org p join org_node n on n.id = p.node_id "
                + "join org_node v on v.id = n.parent_id where v.code = '330922100001'").query(Long.class).single();
        long b = jdbc.sql("select min(p.node_id) from party_org p join org_node n on n.id = p.node_id "
                + "where n.path like '%/330922100/%' and p.sector in ('VILLAGE', 'COMMUNITY') and p.node_id <> :a")
                .param("a", a).query(Long.class).single();
        LocalDateTime now = LocalDateTime.now(clock);
        MvcResult created = mvc.perform(post("/ratings/evaluation").param("scheme", "shuangshu@2026.1")
                        .param("year", String.valueOf(year)).param("name", "测试评议" + year)
                        .param("opensAt", now.minusHours(1).format(LOCAL)).param("closesAt", now.plusHours(2).format(LOCAL))
                        .with(csrf()).with(users.page("shengsi"))).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        long campaign = jdbc.sql("select id from pe_campaign where campaign_year = :y and name = :n")
                .param("y", year).param("n", "测试评议" + year).query(Long.class).single();
        subject(campaign, a, "测试甲" + year, "书记、主任（一肩挑）");
        subject(campaign, a, "测试乙" + year, "委员");
        subject(campaign, b, "测试丙" + year, "书记");
        Map<String, Long> subjects = new HashMap<>();
        jdbc.sql("select id, name from pe_subject where campaign_id = :c").param("c", campaign)
                .query(rs -> {
                    subjects.put(rs.getString("name"), rs.getLong("id"));
                });
        String t = String.valueOf(year);
        writer.addRaters(campaign, List.of(
                new PublicEvaluations.NewRater(a, "PARTY_MEMBER", "PM1-" + t, "评议党员一", null),
                new PublicEvaluations.NewRater(a, "PARTY_MEMBER", "PM2-" + t, "评议党员二", null),
                new PublicEvaluations.NewRater(a, "PARTY_MEMBER", "PM3-" + t, "评议党员三", null),
                new PublicEvaluations.NewRater(a, "VILLAGER_REP", "VR1-" + t, "评议代表一", null),
                new PublicEvaluations.NewRater(a, "VILLAGER_REP", "VR2-" + t, "评议代表二", null),
                new PublicEvaluations.NewRater(a, "VILLAGER_REP", "VR3-" + t, "评议代表三", null),
                new PublicEvaluations.NewRater(b, "VILLAGER_REP", "VB1-" + t, "评议代表四", null)));
        Map<String, Long> raters = new HashMap<>();
        jdbc.sql("select id, rater_no from pe_rater where campaign_id = :c").param("c", campaign)
                .query(rs -> {
                    raters.put(rs.getString("rater_no").replace("-" + t, ""), rs.getLong("id"));
                });
        assertThat(mvc.perform(post("/ratings/evaluation/" + campaign + "/open").with(csrf())
                .with(users.page("shengsi"))).andReturn().getResponse().getStatus()).isEqualTo(302);
        MvcResult slips = mvc.perform(post("/ratings/evaluation/" + campaign + "/codes").param("org", String.valueOf(a))
                .with(csrf()).with(users.page("shengsi"))).andReturn();
        assertThat(slips.getResponse().getStatus()).isEqualTo(200);
        Map<String, String> codes = new HashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(slips.getResponse().getContentAsByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                codes.put(row.getCell(2).getStringCellValue().replace("-" + t, ""), row.getCell(5).getStringCellValue());
            }
        }
        assertThat(codes).hasSize(6); // village A only
        return new Fixture(campaign, a, b, subjects.get("测试甲" + year), subjects.get("测试乙" + year),
                subjects.get("测试丙" + year), raters, codes);
    }

    private void subject(long campaign, long org, String name, String post) throws Exception {
        assertThat(mvc.perform(post("/ratings/evaluation/" + campaign + "/subjects").param("org", String.valueOf(org))
                .param("kind", "MEMBER").param("name", name).param("post", post).param("gender", "男")
                .param("reportText", name + "的述职").with(csrf()).with(users.page("shengsi")))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    private long ballots(long campaign) {
        return jdbc.sql("select count(*) from pe_ballot where campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
    }

    private String channel(long rater) {
        return jdbc.sql("select channel from pe_rater where id = :r").param("r", rater)
                .query((rs, i) -> rs.getString(1)).list().get(0);
    }

    private MvcResult phone(String path, String code, String... grades) throws Exception {
        var request = post(path).param("code", code).with(csrf());
        for (int i = 0; i < grades.length; i += 2) {
            request = request.param(grades[i], grades[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    @Test
    void aRaterVotesOnceOnThePhoneInsideTheWindowAndOnlyForTheOwnVillage() throws Exception {
        Fixture f = fixture(2031);
        String pm1 = f.codes().get("PM1");
        MvcResult sheet = phone("/ratings/vote", pm1);
        assertThat(sheet.getResponse().getStatus()).isEqualTo(200);
        String page = sheet.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("测试甲2031", "测试乙2031", "测试甲2031的述职", "好", "较好", "一般", "差", "弃权")
                .doesNotContain("测试丙2031");
        assertThat(phone("/ratings/vote/confirm", pm1, "g_" + f.x(), "A").getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("确认提交", "弃权");
        MvcResult done = phone("/ratings/vote/cast", pm1, "g_" + f.x(), "A", "g_" + f.y(), "B");
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        assertThat(done.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("评议已提交")
                .doesNotContain("较好").doesNotContain("测试甲2031");
        assertThat(ballots(f.campaign())).isEqualTo(2);
        assertThat(channel(f.raters().get("PM1"))).isEqualTo("ONLINE");

        // twice from one rater: refused, nothing written
        MvcResult again = phone("/ratings/vote/cast", pm1, "g_" + f.x(), "D");
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("已在线投过票");
        assertThat(ballots(f.campaign())).isEqualTo(2);

        // paper after online: the duplicate is detected, nothing written
        assertThatThrownBy(() -> box.cast(f.campaign(), List.of(new BallotBox.Sheet(f.raters().get("PM1"),
                List.of(new BallotBox.Mark(f.x(), "C", null)))), BallotBox.Channel.PAPER))
                .isInstanceOf(BallotsRefused.class).hasMessageContaining("已在线投票");
        assertThat(ballots(f.campaign())).isEqualTo(2);

        // a subject of another village: the whole sheet is refused, the rater may still vote
        MvcResult outside = phone("/ratings/vote/cast", f.codes().get("PM2"), "g_" + f.x(), "A", "g_" + f.z(), "A");
        assertThat(outside.getResponse().getStatus()).isEqualTo(409);
        assertThat(outside.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("不属于本村");
        assertThat(ballots(f.campaign())).isEqualTo(2);
        assertThat(channel(f.raters().get("PM2"))).isNull();

        // a paper sheet first, then the phone: refused as a paper voter
        box.cast(f.campaign(), List.of(new BallotBox.Sheet(f.raters().get("VR1"), List.of(new BallotBox.Mark(f.x(), "B",
                null)))), BallotBox.Channel.PAPER);
        MvcResult paperFirst = phone("/ratings/vote", f.codes().get("VR1"));
        assertThat(paperFirst.getResponse().getStatus()).isEqualTo(409);
        assertThat(paperFirst.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("纸质票");
        assertThat(ballots(f.campaign())).isEqualTo(3);

        // wrong codes: refused in Chinese, and limited per address
        MvcResult wrong = phone("/ratings/vote", "ZZZZ-ZZZZ");
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrong.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("评议码不正确");
        vote.perMinute(2);
        try {
            phone("/ratings/vote", "ZZZZ-ZZZ2");
            // a right code does not count against the neighbours behind the same address
            assertThat(phone("/ratings/vote", f.codes().get("PM2")).getResponse().getStatus()).isEqualTo(200);
            phone("/ratings/vote", "ZZZZ-ZZZ3");
            assertThat(phone("/ratings/vote", "ZZZZ-ZZZ4").getResponse().getStatus()).isEqualTo(429);
            // past the limit a right code waits too, so guessing gains nothing
            assertThat(phone("/ratings/vote", f.codes().get("PM2")).getResponse().getStatus()).isEqualTo(429);
        } finally {
            vote.perMinute(20);
        }

        // after the close (the clock closes the campaign): refused, nothing written
        clock.advance(Duration.ofHours(3));
        try {
            MvcResult late = phone("/ratings/vote/cast", f.codes().get("PM2"), "g_" + f.x(), "A");
            assertThat(late.getResponse().getStatus()).isEqualTo(409);
            assertThat(late.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("评议已截止");
            assertThat(ballots(f.campaign())).isEqualTo(3);
            assertThat(channel(f.raters().get("PM2"))).isNull();
            assertThat(jdbc.sql("select status from pe_campaign where id = :c").param("c", f.campaign())
                    .query(String.class).single()).isEqualTo("CLOSED");
        } finally {
            clock.reset();
        }
    }

    @Test
    void weightedGradesThePoorShareTheTownshipAndTheAdjustmentListByHand() throws Exception {
        Fixture f = fixture(2032);
        Map<String, Long> r = f.raters();
        // X: 党员 A, A, B; 村民代表 B, C (VR3 abstains); Y: 党员 A, A, D; 村民代表 A, A, D
        box.cast(f.campaign(), List.of(
                sheet(r.get("PM1"), f.x(), "A", f.y(), "A"),
                sheet(r.get("PM2"), f.x(), "A", f.y(), "A"),
                sheet(r.get("PM3"), f.x(), "B", f.y(), "D")), BallotBox.Channel.ONLINE);
        box.cast(f.campaign(), List.of(
                sheet(r.get("VR1"), f.x(), "B", f.y(), "A"),
                sheet(r.get("VR2"), f.x(), "C", f.y(), "A"),
                new BallotBox.Sheet(r.get("VR3"), List.of(new BallotBox.Mark(f.y(), "D", null)))),
                BallotBox.Channel.PAPER);

        // the township's 评价 is the township admin's: the county's admin is refused (nothing written)
        String township = "/ratings/evaluation/" + f.campaign() + "/township";
        assertThat(mvc.perform(post(township).param("org", String.valueOf(f.villageA())).param("g_" + f.x(), "D")
                .with(csrf()).with(users.page("shengsi"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from pe_subject where campaign_id = :c and township_grade is not null")
                .param("c", f.campaign()).query(Long.class).single()).isZero();
        assertThat(mvc.perform(post(township).param("org", String.valueOf(f.villageA())).param("g_" + f.x(), "A")
                .param("g_" + f.y(), "A").with(csrf()).with(users.page("caiyuan"))).andReturn().getResponse()
                .getStatus()).isEqualTo(302);

        JsonNode results = json.readTree(mvc.perform(get("/api/ratings/evaluation/campaigns/" + f.campaign() + "/results")
                .with(TestUsers.api("shengsi"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Map<Long, JsonNode> bySubject = new HashMap<>();
        results.forEach(v -> v.get("subjects").forEach(s -> bySubject.put(s.get("id").asLong(), s)));
        // X: 党员 (100 + 100 + 80) / 3 = 93.3333; 村民代表 (80 + 60) / 2 = 70; 乡镇 A = 100
        //    93.3333 × 0.4 + 70 × 0.3 + 100 × 0.3 = 37.3333 + 21 + 30 = 88.33 → 好 (from 85)
        assertThat(bySubject.get(f.x()).get("points").decimalValue()).isEqualByComparingTo("88.33");
        assertThat(bySubject.get(f.x()).get("grade").asText()).isEqualTo("A");
        assertThat(bySubject.get(f.x()).get("votes").get("PARTY_MEMBER").get("A").asLong()).isEqualTo(2);
        assertThat(bySubject.get(f.x()).get("totalVotes").asLong()).isEqualTo(5);
        // Y: 党员 (100 + 100 + 0) / 3 = 66.6667; 村民代表 (100 + 100 + 0) / 3 = 66.6667; 乡镇 A = 100
        //    66.6667 × 0.4 + 66.6667 × 0.3 + 100 × 0.3 = 26.6667 + 20 + 30 = 76.67 → 较好 by the points, but
        //    差 votes 2 of 6 = 33.3% ≥ the scheme's 33.33% → 差
        assertThat(bySubject.get(f.y()).get("points").decimalValue()).isEqualByComparingTo("76.67");
        assertThat(bySubject.get(f.y()).get("grade").asText()).isEqualTo("D");
        assertThat(bySubject.get(f.y()).get("poorByShare").asBoolean()).isTrue();
        // Z: no vote, no 评价 → no result
        assertThat(bySubject.get(f.z()).get("points").isNull()).isTrue();
        // turnout of A: 6 raters, 6 voted
        results.forEach(v -> {
            if (v.get("orgNodeId").asLong() == f.villageA()) {
                assertThat(v.get("raters").asLong()).isEqualTo(6);
                assertThat(v.get("voted").asLong()).isEqualTo(6);
            }
        });

        // closing lists Y (差) on the adjustment list; the decision is the county's, not the township's
        assertThat(mvc.perform(post("/ratings/evaluation/" + f.campaign() + "/close").with(csrf())
                .with(users.page("shengsi"))).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select subject_id from pe_adjustment a join pe_subject s on s.id = a.subject_id "
                + "where s.campaign_id = :c").param("c", f.campaign()).query(Long.class).list()).containsExactly(f.y());
        String decide = "/ratings/evaluation/subjects/" + f.y() + "/decision";
        assertThat(mvc.perform(post(decide).param("decision", "ADJUST").with(csrf()).with(users.page("caiyuan")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(decision(f.y())).isNull();
        assertThat(mvc.perform(post(decide).param("decision", "ADJUST").param("note", "县委组织部研究决定")
                .with(csrf()).with(users.page("shengsi"))).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(decision(f.y())).isEqualTo("ADJUST");

        // anonymity: no answer or export links a rater to a score
        String[] raterMarks = {"评议党员", "评议代表", "PM1-2032", "VR1-2032", "VB1-2032"};
        String api = results.toString() + mvc.perform(get("/api/ratings/evaluation/campaigns/" + f.campaign()
                + "/adjustments").with(TestUsers.api("shengsi"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8) + mvc.perform(get("/api/ratings/evaluation/campaigns/"
                + f.campaign() + "/subjects").with(TestUsers.api("shengsi"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).doesNotContain(raterMarks);
        assertThat(text(mvc.perform(get("/ratings/evaluation/" + f.campaign() + "/results.xlsx")
                .with(users.page("shengsi"))).andReturn().getResponse().getContentAsByteArray()))
                .contains("测试乙2032").doesNotContain(raterMarks);
        assertThat(mvc.perform(get("/ratings/evaluation/" + f.campaign() + "/results").with(users.page("shengsi")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(raterMarks);
        // the village page names the raters, with whether and how they voted only
        String village = mvc.perform(get("/ratings/evaluation/" + f.campaign() + "/village")
                .param("org", String.valueOf(f.villageA())).with(users.page("shengsi"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String ratersTable = village.substring(village.indexOf("id=\"raters\""));
        ratersTable = ratersTable.substring(0, ratersTable.indexOf("</table>"));
        assertThat(ratersTable).contains("评议党员一", "是（在线）", "是（纸质）").doesNotContain("较好", "一般", ">好<", ">差<");
        // the ballot table has no column that could name a rater or a moment (a PostgreSQL test database may hold
        // a copy of the schema elsewhere, e.g. the restore drill's: the distinct names are what counts)
        assertThat(jdbc.sql("select distinct lower(column_name) from information_schema.columns "
                        + "where lower(table_name) = 'pe_ballot'")
                .query(String.class).list()).containsExactlyInAnyOrder("campaign_id", "subject_id", "rater_group",
                "grade", "score", "channel");
    }

    private String decision(long subject) {
        return jdbc.sql("select decision from pe_adjustment where subject_id = :s").param("s", subject)
                .query((rs, i) -> rs.getString(1)).list().get(0);
    }

    private static BallotBox.Sheet sheet(long rater, long s1, String g1, long s2, String g2) {
        return new BallotBox.Sheet(rater, List.of(new BallotBox.Mark(s1, g1, null), new BallotBox.Mark(s2, g2, null)));
    }

    private static String text(byte[] xlsx) throws Exception {
        StringBuilder out = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> out.append(cell.toString()).append('|')));
        }
        return out.toString();
    }

    @Test
    void scopeAndRoleOnTheCampaignRoutes() throws Exception {
        Fixture f = fixture(2033);
        String base = "/ratings/evaluation/" + f.campaign();
        // 定海's admin sees nothing of a 嵊泗 campaign: 404 on every id route, not listed
        for (String path : List.of(base, base + "/results", base + "/adjustments", base + "/results.xlsx",
                base + "/village?org=" + f.villageA())) {
            assertThat(mvc.perform(get(path).with(users.page("dinghai"))).andReturn().getResponse().getStatus())
                    .as(path).isEqualTo(404);
        }
        for (String path : List.of("/api/ratings/evaluation/campaigns/" + f.campaign(),
                "/api/ratings/evaluation/campaigns/" + f.campaign() + "/results")) {
            assertThat(mvc.perform(get(path).with(TestUsers.api("dinghai"))).andReturn().getResponse().getStatus())
                    .as(path).isEqualTo(404);
        }
        assertThat(mvc.perform(get("/ratings/evaluation").with(users.page("dinghai"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("测试评议2033");
        assertThat(mvc.perform(post("/ratings/evaluation/subjects/" + f.x() + "/report").param("reportText", "篡改")
                .with(csrf()).with(users.page("dinghai"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select report_text from pe_subject where id = :s").param("s", f.x()).query(String.class)
                .single()).isEqualTo("测试甲2033的述职");
        // the city's leader reads but does not act
        assertThat(mvc.perform(get(base).with(users.page("leader"))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post(base + "/close").with(csrf()).with(users.page("leader"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post(base + "/codes").with(csrf()).with(users.page("leader"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        // the township's admin sees its villages but does not run the county's campaign, nor start one
        assertThat(mvc.perform(get(base).with(users.page("caiyuan"))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post(base + "/close").with(csrf()).with(users.page("caiyuan"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/ratings/evaluation").param("scheme", "shuangshu@2026.1").param("year", "2034")
                .param("name", "乡镇自建").param("opensAt", "2034-01-01T08:00").param("closesAt", "2034-01-02T08:00")
                .with(csrf()).with(users.page("caiyuan"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select status from pe_campaign where id = :c").param("c", f.campaign()).query(String.class)
                .single()).isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from pe_campaign where campaign_year = 2034").query(Long.class).single())
                .isZero();

        // the reserve pool: nominated by the township, seen in its scope only, through the public API
        assertThat(mvc.perform(post("/ratings/evaluation/reserve").param("org", String.valueOf(f.villageA()))
                .param("name", "后备测试人").param("gender", "女").param("birthDate", "1995-03-04")
                .param("education", "大学本科").param("recommendedBy", "菜园镇党委").with(csrf())
                .with(users.page("caiyuan"))).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get("/api/ratings/evaluation/reserve").with(TestUsers.api("shengsi"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("后备测试人");
        assertThat(mvc.perform(get("/api/ratings/evaluation/reserve").with(TestUsers.api("dinghai"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("后备测试人");
        long reserve = jdbc.sql("select count(*) from pe_reserve").query(Long.class).single();
        assertThat(mvc.perform(post("/ratings/evaluation/reserve").param("org", String.valueOf(f.villageA()))
                .param("name", "越权后备").param("gender", "男").param("birthDate", "1995-03-04")
                .param("education", "大学本科").param("recommendedBy", "定海").with(csrf())
                .with(users.page("dinghai"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from pe_reserve").query(Long.class).single()).isEqualTo(reserve);
    }

    @Test
    void theSubjectsImportIsAllOrNothingWithErrorsByRowAndColumn() throws Exception {
        Fixture f = fixture(2035);
        String code = jdbc.sql("select code from org_node where id = :o").param("o", f.villageA()).query(String.class)
                .single();
        long before = jdbc.sql("select count(*) from pe_subject where campaign_id = :c").param("c", f.campaign())
                .query(Long.class).single();
        byte[] bad = xlsx(new String[][] {EvaluationSheets.SUBJECT_HEADERS,
                {code, "班子成员", "导入甲", "委员", "男", "1980-01-02", "大学本科", "述职"},
                {code, "组长", "导入乙", "委员", "M", "1980-13-40", "高中", ""},
                {"999999", "班子", "导入丙", "", "", "", "", ""}});
        MvcResult refused = mvc.perform(multipart("/ratings/evaluation/" + f.campaign() + "/import")
                .file(new MockMultipartFile("file", "对象.xlsx", EvaluationController.XLSX.toString(), bad))
                .param("what", "subjects").with(csrf()).with(users.page("shengsi"))).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        String page = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("未导入任何数据", "应为“班子”或“班子成员”", "日期格式", "不是本次评议中您管理范围内");
        assertThat(page).containsPattern("<td>3</td><td>B</td><td>类别</td>");
        assertThat(page).containsPattern("<td>4</td><td>A</td><td>村社党组织编码</td>");
        assertThat(jdbc.sql("select count(*) from pe_subject where campaign_id = :c").param("c", f.campaign())
                .query(Long.class).single()).isEqualTo(before);
        byte[] good = xlsx(new String[][] {EvaluationSheets.SUBJECT_HEADERS,
                {code, "班子成员", "导入甲", "委员", "男", "1980-01-02", "大学本科", "述职"},
                {code, "班子", "东海社区班子", "", "", "", "", "班子述职"}});
        assertThat(mvc.perform(multipart("/ratings/evaluation/" + f.campaign() + "/import")
                .file(new MockMultipartFile("file", "对象.xlsx", EvaluationController.XLSX.toString(), good))
                .param("what", "subjects").with(csrf()).with(users.page("shengsi"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from pe_subject where campaign_id = :c").param("c", f.campaign())
                .query(Long.class).single()).isEqualTo(before + 2);
    }

    private static byte[] xlsx(String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
