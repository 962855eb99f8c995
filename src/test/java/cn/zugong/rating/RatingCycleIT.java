package cn.zugong.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The yearly cycle over HTTP and the database (ADR 062, 064), on the test scheme test-cycle 2030.1
 * (src/test/resources/ratings/schemes: A-1 30 + A-2 30 + B-1 40 = 100; P-1 bonus 2 per item up to 6; M-1
 * deduction 5 per item up to 10; 五星 ≥ 90, 四星 ≥ 80, 三星 ≥ 70; 党建强 A ≥ 85% of 60, 发展强 B ≥ 80% of 40;
 * veto V-1). Every test opens its own round (its own year) on the demo's org tree.
 */
@IntegrationTest
class RatingCycleIT {

    static final String SCHEME = "test-cycle@2030.1";
    /** 东海社区党支部: SELF donghai → TOWNSHIP 菜园镇 caiyuan → COUNTY 嵊泗县 shengsi → CITY admin/reviewer. */
    static final String DONGHAI = "330922100001P1";
    /** 定海区教育局机关党支部: a county department's branch, SELF reporter → COUNTY dinghai → CITY. */
    static final String EDU = "330902U10P1";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    // ------------------------------------------------------------------ helpers

    private long open(String who, int year) throws Exception {
        String body = mvc.perform(post("/api/ratings/rounds").with(TestUsers.api(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scheme\":\"" + SCHEME + "\",\"year\":" + year + ",\"publicityDays\":5}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long entry(long round, String orgCode) {
        return jdbc.sql("select e.id from rating_entry e join org_node n on n.id = e.node_id where e.round_id = :r "
                + "and n.code = :c").param("r", round).param("c", orgCode).query(Long.class).single();
    }

    private ResultActions api(String who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(TestUsers.api(who)).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    private ResultActions scores(String who, long entry, String scores, String reason) throws Exception {
        return api(who, "/api/ratings/entries/" + entry + "/scores", "{\"scores\":" + scores
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    private Map<String, Object> row(long entry) {
        return jdbc.sql("select stage, points, stars, strong_party, strong_development, vetoed, version, "
                + "published_stars, withdrawn from rating_entry where id = :e").param("e", entry).query().singleRow();
    }

    private String stage(long entry) {
        return (String) row(entry).get("stage");
    }

    private List<String> steps(long entry) {
        return jdbc.sql("select action || ':' || coalesce(from_stage, '') || '>' || coalesce(to_stage, '') from "
                + "rating_step where entry_id = :e order by id").param("e", entry).query(String.class).list();
    }

    private long count(String table, long entry) {
        return jdbc.sql("select count(*) from " + table + " where entry_id = :e").param("e", entry)
                .query(Long.class).single();
    }

    private String orgUnder(String prefix, String sector) {
        return jdbc.sql("select min(n.code) from org_node n join party_org o on o.node_id = n.id where n.code like :p "
                + "and o.sector = :s").param("p", prefix + "%").param("s", sector).query(String.class).single();
    }

    // ------------------------------------------------------------------ the chain

    @Test
    void aReturnedSheetIsFixedAndGoesUpTheWholeChainToDone() throws Exception {
        long round = open("admin", 2031);
        long e = entry(round, DONGHAI);
        // 28 + 27 + 36 + 1 item × 2 = 93 → 五星; A 55/60 = 91.7% 党建强, B 38/40 = 95% 发展强
        scores("donghai", e, "{\"A-1\":\"28\",\"A-2\":\"27\",\"B-1\":\"36\",\"P-1\":\"1\",\"M-1\":\"0\"}", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.points").value(93.0))
                .andExpect(jsonPath("$.stars").value(5));
        api("donghai", "/api/ratings/entries/" + e + "/submit", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("TOWNSHIP"));
        // a reporter never reviews; the county may not act at the township's stage
        api("donghai", "/api/ratings/entries/" + e + "/approve", null).andExpect(status().isForbidden());
        api("shengsi", "/api/ratings/entries/" + e + "/approve", null).andExpect(status().isForbidden());
        api("caiyuan", "/api/ratings/entries/" + e + "/return", "{\"reason\":\" \"}").andExpect(status().isBadRequest());
        assertThat(stage(e)).isEqualTo("TOWNSHIP");
        api("caiyuan", "/api/ratings/entries/" + e + "/return", "{\"reason\":\"组织生活记录缺两次\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("SELF"));
        // the organisation fixes its sheet: 28 + 25 + 36 + 2 = 91
        scores("donghai", e, "{\"A-2\":\"25\"}", "按退回意见更正").andExpect(status().isOk())
                .andExpect(jsonPath("$.points").value(91.0));
        api("donghai", "/api/ratings/entries/" + e + "/submit", null).andExpect(jsonPath("$.stage").value("TOWNSHIP"));
        // the township changes a score: a reason is required; 28 + 25 + 30 + 2 = 85 → 四星, B 32/40 = 80% still 发展强
        scores("caiyuan", e, "{\"B-1\":\"30\"}", null).andExpect(status().isBadRequest());
        int version = (Integer) row(e).get("version");
        scores("caiyuan", e, "{\"B-1\":\"30\"}", "年报显示增长未达标").andExpect(status().isOk())
                .andExpect(jsonPath("$.points").value(85.0)).andExpect(jsonPath("$.stars").value(4))
                .andExpect(jsonPath("$.strongDevelopment").value(true));
        // a stale version is refused (optimistic locking)
        api("caiyuan", "/api/ratings/entries/" + e + "/approve", "{\"version\":" + version + "}")
                .andExpect(status().isConflict());
        api("caiyuan", "/api/ratings/entries/" + e + "/approve", null).andExpect(jsonPath("$.stage").value("COUNTY"));
        api("shengsi", "/api/ratings/entries/" + e + "/approve", null).andExpect(jsonPath("$.stage").value("CITY"));
        api("reviewer", "/api/ratings/entries/" + e + "/approve", "{\"comment\":\"同意\"}")
                .andExpect(jsonPath("$.stage").value("DONE"));
        assertThat(steps(e)).containsExactly("SUBMIT:SELF>TOWNSHIP", "RETURN:TOWNSHIP>SELF", "SUBMIT:SELF>TOWNSHIP",
                "APPROVE:TOWNSHIP>COUNTY", "APPROVE:COUNTY>CITY", "CONFIRM:CITY>DONE");
        assertThat(jdbc.sql("select comment from rating_step where entry_id = :e and action = 'RETURN'").param("e", e)
                .query(String.class).single()).isEqualTo("组织生活记录缺两次");
        // every score change: who, at which stage, before and after, why
        List<Map<String, Object>> changes = jdbc.sql("select criterion_code, what, stage, before_value, after_value, "
                + "reason, actor from rating_score_change where entry_id = :e order by id").param("e", e).query()
                .listOfRows();
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.get("criterion_code")).isEqualTo("B-1");
            assertThat(c.get("stage")).isEqualTo("TOWNSHIP");
            assertThat((BigDecimal) c.get("before_value")).isEqualByComparingTo("36");
            assertThat((BigDecimal) c.get("after_value")).isEqualByComparingTo("30");
            assertThat(c.get("reason")).isEqualTo("年报显示增长未达标");
            assertThat(c.get("actor")).isEqualTo("caiyuan");
        });
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.get("what")).isEqualTo("STARS");
            assertThat((BigDecimal) c.get("before_value")).isEqualByComparingTo("5");
            assertThat((BigDecimal) c.get("after_value")).isEqualByComparingTo("4");
        });
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.get("criterion_code")).isEqualTo("A-2");
            assertThat(c.get("stage")).isEqualTo("SELF");
            assertThat(c.get("reason")).isEqualTo("按退回意见更正");
        });
        // the sheet page shows the chain with the levels and the history
        String page = mvc.perform(get("/ratings/entries/" + e).with(users.page("donghai"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("菜园镇").contains("组织生活记录缺两次").contains("四星双强");
    }

    @Test
    void aCountyDepartmentsBranchSkipsTheTownship() throws Exception {
        long round = open("admin", 2032);
        long e = entry(round, EDU);
        scores("reporter", e, "{\"A-1\":\"30\",\"A-2\":\"30\",\"B-1\":\"30\"}", null).andExpect(status().isOk());
        api("reporter", "/api/ratings/entries/" + e + "/submit", null).andExpect(jsonPath("$.stage").value("COUNTY"));
        api("reporter", "/api/ratings/entries/" + e + "/approve", null).andExpect(status().isForbidden());
        api("dinghai", "/api/ratings/entries/" + e + "/approve", null).andExpect(jsonPath("$.stage").value("CITY"));
        api("admin", "/api/ratings/entries/" + e + "/return", "{\"reason\":\"请补充年报\"}")
                .andExpect(jsonPath("$.stage").value("COUNTY")); // one stage back: the county, not a township
        api("dinghai", "/api/ratings/entries/" + e + "/approve", null).andExpect(jsonPath("$.stage").value("CITY"));
        api("admin", "/api/ratings/entries/" + e + "/approve", null).andExpect(jsonPath("$.stage").value("DONE"));
        assertThat(steps(e)).containsExactly("SUBMIT:SELF>COUNTY", "APPROVE:COUNTY>CITY", "RETURN:CITY>COUNTY",
                "APPROVE:COUNTY>CITY", "CONFIRM:CITY>DONE");
        mvc.perform(get("/api/ratings/entries/" + e).with(TestUsers.api("reporter"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.chain", Matchers.contains("SELF", "COUNTY", "CITY", "DONE")));
    }

    @Test
    void aScoreAboveTheCapIsRefusedNamingTheCriterionAndNothingIsSaved() throws Exception {
        long round = open("admin", 2033);
        long e = entry(round, EDU);
        Map<String, Object> before = row(e);
        scores("reporter", e, "{\"A-1\":\"31\",\"A-2\":\"20\"}", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", Matchers.containsString("A-1 组织设置")))
                .andExpect(jsonPath("$.error", Matchers.containsString("最多30 分")));
        // the page form: back to the sheet with the reason, nothing saved either
        mvc.perform(post("/ratings/entries/" + e + "/scores").param("criterion", "A-2", "B-1")
                        .param("value", "20", "41").with(users.page("reporter")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", Matchers.containsString("B-1 发展实绩")));
        assertThat(count("rating_score", e)).isZero();
        assertThat(count("rating_score_change", e)).isZero();
        assertThat(row(e)).isEqualTo(before);
        // a count for a per-item criterion must be whole; a computed-free scheme takes points elsewhere
        scores("reporter", e, "{\"P-1\":\"1.5\"}", null).andExpect(status().isBadRequest());
        assertThat(count("rating_score", e)).isZero();
        // submitting with base criteria missing is refused with their names
        api("reporter", "/api/ratings/entries/" + e + "/submit", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", Matchers.containsString("A-1 组织设置")));
        assertThat(stage(e)).isEqualTo("SELF");
    }

    @Test
    void aVetoLeavesNoStarsAndLiftingItGivesThemBack() throws Exception {
        long round = open("admin", 2034);
        long e = entry(round, DONGHAI);
        scores("donghai", e, "{\"A-1\":\"30\",\"A-2\":\"30\",\"B-1\":\"35\"}", null)
                .andExpect(jsonPath("$.stars").value(5));
        api("donghai", "/api/ratings/entries/" + e + "/submit", null).andExpect(status().isOk());
        api("donghai", "/api/ratings/entries/" + e + "/veto", "{\"code\":\"V-1\",\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
        api("caiyuan", "/api/ratings/entries/" + e + "/veto", "{\"code\":\"V-1\"}").andExpect(status().isBadRequest());
        api("caiyuan", "/api/ratings/entries/" + e + "/veto", "{\"code\":\"V-1\",\"reason\":\"辖区发生重大安全事故\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.stars").value(0))
                .andExpect(jsonPath("$.points").value(95.0)).andExpect(jsonPath("$.vetoed").value(true))
                .andExpect(jsonPath("$.strongParty").value(false));
        assertThat(count("rating_veto", e)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from rating_score_change where entry_id = :e and what = 'VETO' and "
                + "after_value = 1 and reason = '辖区发生重大安全事故'").param("e", e).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/ratings/entries/" + e).with(users.page("caiyuan"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("未评星")));
        api("caiyuan", "/api/ratings/entries/" + e + "/veto/lift", "{\"code\":\"V-1\",\"reason\":\"经复核事故责任不在该组织\"}")
                .andExpect(jsonPath("$.stars").value(5)).andExpect(jsonPath("$.vetoed").value(false));
        assertThat(count("rating_veto", e)).isZero();
    }

    @Test
    void pointsAndStarsOfThreeOrganisationsAsComputedByHand() throws Exception {
        long round = open("admin", 2035);
        List<String> orgs = jdbc.sql("select n.code from org_node n join party_org o on o.node_id = n.id where "
                + "n.code like '330902U%' and o.sector = 'ORGAN' order by n.code limit 3").query(String.class).list();
        long x = entry(round, orgs.get(0));
        long y = entry(round, orgs.get(1));
        long z = entry(round, orgs.get(2));
        // X: 30 + 30 + 40 = 100; P-1 4 items × 2 = 8, capped at 6; M-1 1 × 5 = 5 → 100 + 6 − 5 = 101 → 五星;
        //    A 60/60 = 100% 党建强; B 40 + 6 − 5 = 41 ≥ 32 发展强 → 五星双强
        scores("admin", x, "{\"A-1\":\"30\",\"A-2\":\"30\",\"B-1\":\"40\",\"P-1\":\"4\",\"M-1\":\"1\"}", null)
                .andExpect(status().isOk());
        // Y: 25 + 20 + 35 = 80; M-1 3 × 5 = 15, capped at 10 → 70 → 三星; A 45/60 = 75% < 85%: no 党建强
        scores("admin", y, "{\"A-1\":\"25\",\"A-2\":\"20\",\"B-1\":\"35\",\"M-1\":\"3\"}", null)
                .andExpect(status().isOk());
        // Z: 20 + 20 + 25 + 1 × 2 = 67 < 70 → no star (未评星); B 27/40 = 67.5% no 发展强
        scores("admin", z, "{\"A-1\":\"20\",\"A-2\":\"20\",\"B-1\":\"25\",\"P-1\":\"1\"}", null)
                .andExpect(status().isOk());
        String json = mvc.perform(get("/api/ratings/entries/" + x).with(TestUsers.api("leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(json, "$.title")).isEqualTo("五星双强");
        assertThat(((Number) JsonPath.read(json, "$.result.points")).doubleValue()).isEqualTo(101.0);
        assertThat(row(x)).containsEntry("stars", 5).containsEntry("strong_party", true)
                .containsEntry("strong_development", true);
        assertThat((BigDecimal) row(y).get("points")).isEqualByComparingTo("70");
        assertThat(row(y)).containsEntry("stars", 3).containsEntry("strong_party", false);
        mvc.perform(get("/api/ratings/entries/" + y).with(TestUsers.api("leader")))
                .andExpect(jsonPath("$.title").value("三星"));
        assertThat((BigDecimal) row(z).get("points")).isEqualByComparingTo("67");
        assertThat(row(z)).containsEntry("stars", 0).containsEntry("strong_development", false);
        mvc.perform(get("/api/ratings/entries/" + z).with(TestUsers.api("leader")))
                .andExpect(jsonPath("$.title").value("未评星"));
        // the count is kept beside the points it gave
        assertThat(jdbc.sql("select metric_value from rating_score where entry_id = :e and criterion_code = 'P-1'")
                .param("e", x).query(BigDecimal.class).single()).isEqualByComparingTo("4");
    }

    // ------------------------------------------------------------------ 公示, publication, 摘星

    @Test
    void publicityCountsWorkingDaysAcrossTheHolidayAndObjectionsBlockPublication() throws Exception {
        long round = open("shengsi", 2036);
        long e = entry(round, DONGHAI);
        // not every sheet is 审定 yet: no 公示
        api("shengsi", "/api/ratings/rounds/" + round + "/publicity", "{\"from\":\"2026-09-29\"}")
                .andExpect(status().isConflict());
        // fixture: every sheet of the round 审定 with 92 points, five stars
        jdbc.sql("update rating_entry set stage = 'DONE', points = 92, stars = 5 where round_id = :r").param("r", round)
                .update();
        api("caiyuan", "/api/ratings/rounds/" + round + "/publicity", "{\"from\":\"2026-09-29\"}")
                .andExpect(status().isForbidden());
        // from Tue 2026-09-29, 5 working days: 09-30 (1); 10-01..10-07 国庆 holidays; 10-08 (2), 10-09 (3),
        // Sat 10-10 调休上班 (4), Sun 10-11 no, Mon 10-12 (5) → to 2026-10-12
        api("shengsi", "/api/ratings/rounds/" + round + "/publicity", "{\"from\":\"2026-09-29\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.publicityFrom").value("2026-09-29"))
                .andExpect(jsonPath("$.publicityTo").value("2026-10-12"))
                .andExpect(jsonPath("$.status").value("PUBLICITY"));
        // an objection outside the period is refused; one inside recorded
        api("shengsi", "/api/ratings/entries/" + e + "/objections",
                "{\"raisedOn\":\"2026-10-13\",\"raisedBy\":\"群众\",\"content\":\"评星偏高\"}")
                .andExpect(status().isBadRequest());
        String o = api("shengsi", "/api/ratings/entries/" + e + "/objections",
                "{\"raisedOn\":\"2026-10-09\",\"raisedBy\":\"群众（来电）\",\"content\":\"组织生活开展不经常\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long objection = ((Number) JsonPath.read(o, "$.id")).longValue();
        // unanswered: no publication
        api("shengsi", "/api/ratings/rounds/" + round + "/publish", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", Matchers.containsString("异议未答复")));
        assertThat(jdbc.sql("select status from rating_round where id = :r").param("r", round).query(String.class)
                .single()).isEqualTo("PUBLICITY");
        api("shengsi", "/api/ratings/entries/" + e + "/objections/" + objection + "/answer",
                "{\"answer\":\"经核查属实，核减组织生活分\",\"upheld\":true}").andExpect(status().isOk());
        // the upheld objection leads to a score change by the round's office, with its reason
        scores("shengsi", e, "{\"A-2\":\"20\"}", null).andExpect(status().isBadRequest());
        scores("shengsi", e, "{\"A-2\":\"20\"}", "公示异议成立，核减组织生活分").andExpect(status().isOk());
        // the score (A-2 → 20) and, as the fixture's other scores were never entered, the stars (5 → 0)
        assertThat(jdbc.sql("select what from rating_score_change where entry_id = :e and stage = 'DONE' and "
                + "reason = '公示异议成立，核减组织生活分' order by id").param("e", e).query(String.class).list())
                .containsExactly("SCORE", "STARS");
        api("shengsi", "/api/ratings/rounds/" + round + "/publish", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        // 20 points in all (the fixture's other scores were never entered) → no stars published for 东海社区
        assertThat(row(e)).containsEntry("published_stars", 0);
        long other = entry(round, jdbc.sql("select min(n.code) from rating_entry e join "
                + "org_node n on n.id = e.node_id where e.round_id = :r and n.code <> :d").param("r", round)
                .param("d", DONGHAI).query(String.class).single());
        assertThat(row(other)).containsEntry("published_stars", 5);
        // the printable 公示 list
        mvc.perform(get("/ratings/rounds/" + round + "/publicity").with(users.page("shengsi")))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string(Matchers.containsString("2026-10-12")));

        // 摘星 by the county's office, with the history; the township may not
        api("caiyuan", "/api/ratings/entries/" + other + "/withdraw", "{\"stars\":3,\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
        api("shengsi", "/api/ratings/entries/" + other + "/withdraw", "{\"stars\":5,\"reason\":\"x\"}")
                .andExpect(status().isBadRequest());
        api("shengsi", "/api/ratings/entries/" + other + "/withdraw", "{\"stars\":3,\"reason\":\"发生安全生产事故\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.stars").value(3))
                .andExpect(jsonPath("$.withdrawn").value(true)).andExpect(jsonPath("$.publishedStars").value(5));
        api("shengsi", "/api/ratings/entries/" + other + "/restore", "{\"reason\":\"整改到位，恢复星级\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.stars").value(5))
                .andExpect(jsonPath("$.withdrawn").value(false));
        assertThat(jdbc.sql("select before_value || '>' || after_value || ' ' || reason from rating_score_change "
                        + "where entry_id = :e and what = 'STARS' order by id").param("e", other).query(String.class)
                .list()).hasSize(2).allMatch(s -> s.contains("发生安全生产事故") || s.contains("整改到位"));
        assertThat(steps(other)).contains("WITHDRAW:DONE>DONE", "RESTORE:DONE>DONE");
    }

    @Test
    void publicationWaitsForTheEndOfThePeriod() throws Exception {
        long round = open("shengsi", 2038);
        jdbc.sql("update rating_entry set stage = 'DONE', points = 80, stars = 4 where round_id = :r").param("r", round)
                .update();
        // from the test clock's day (Fri 2026-12-04): to Fri 2026-12-11, so publishing now is refused
        api("shengsi", "/api/ratings/rounds/" + round + "/publicity", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.publicityTo").value("2026-12-11"));
        api("shengsi", "/api/ratings/rounds/" + round + "/publish", null).andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from rating_entry where round_id = :r and published_stars is not null")
                .param("r", round).query(Long.class).single()).isZero();
    }

    // ------------------------------------------------------------------ scope and roles

    @Test
    void scopeAndRoles() throws Exception {
        long round = open("admin", 2037);
        String putuoOrg = orgUnder("330903U", "ORGAN");
        long putuo = entry(round, putuoOrg);
        long edu = entry(round, EDU);
        Map<String, Object> before = row(putuo);
        // 定海 sees the city's round with its own entries only, and never a 普陀 sheet
        mvc.perform(get("/ratings/rounds/" + round).with(users.page("dinghai"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.not(Matchers.containsString("/ratings/entries/" + putuo + "\""))));
        mvc.perform(get("/ratings/entries/" + putuo).with(users.page("dinghai"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/ratings/entries/" + putuo).with(TestUsers.api("dinghai"))).andExpect(status().isNotFound());
        scores("dinghai", putuo, "{\"A-1\":\"10\"}", null).andExpect(status().isNotFound());
        mvc.perform(post("/ratings/entries/" + putuo + "/scores").param("criterion", "A-1").param("value", "10")
                .with(users.page("dinghai")).with(csrf())).andExpect(status().isNotFound());
        assertThat(row(putuo)).isEqualTo(before);
        assertThat(count("rating_score", putuo)).isZero();
        // a 普陀 round is not 定海's at all
        long putuoRound = open("putuo", 2037);
        mvc.perform(get("/ratings/rounds/" + putuoRound).with(users.page("dinghai"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/ratings/rounds/" + putuoRound).with(TestUsers.api("dinghai")))
                .andExpect(status().isNotFound());
        // a township may not open a round, a reporter neither
        api("caiyuan", "/api/ratings/rounds", "{\"scheme\":\"" + SCHEME + "\",\"year\":2039}")
                .andExpect(status().isForbidden());
        api("reporter", "/api/ratings/rounds", "{\"scheme\":\"" + SCHEME + "\",\"year\":2039}")
                .andExpect(status().isForbidden());
        // the same round twice is refused
        api("admin", "/api/ratings/rounds", "{\"scheme\":\"" + SCHEME + "\",\"year\":2037}")
                .andExpect(status().isConflict());
        // LEADER reads only
        mvc.perform(get("/ratings/entries/" + edu).with(users.page("leader"))).andExpect(status().isOk());
        mvc.perform(get("/ratings/rounds/" + round).with(users.page("leader"))).andExpect(status().isOk());
        scores("leader", edu, "{\"A-1\":\"10\"}", null).andExpect(status().isForbidden());
        api("leader", "/api/ratings/rounds", "{\"scheme\":\"" + SCHEME + "\",\"year\":2039}")
                .andExpect(status().isForbidden());
        assertThat(count("rating_score", edu)).isZero();
        assertThat(jdbc.sql("select count(*) from rating_round where rating_year = 2039").query(Long.class).single())
                .isZero();
        // the list pages answer
        mvc.perform(get("/ratings/rounds").with(users.page("donghai"))).andExpect(status().isOk());
        mvc.perform(get("/ratings/rounds/new").with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/ratings/rounds/new").with(users.page("leader"))).andExpect(status().isForbidden());
    }
}
