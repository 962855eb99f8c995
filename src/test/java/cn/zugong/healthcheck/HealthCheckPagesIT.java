package cn.zugong.healthcheck;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.org.OrgTree;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The 数字体检 pages on the demo city's two evaluations (made at start-up): figures on the page equal the
 * stored results, drill-down stays inside the scope, the people behind a numerator are the numerator and
 * their listing is audited, only administrators run an evaluation.
 */
@IntegrationTest
class HealthCheckPagesIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree tree;
    @Autowired IndicatorPacks packs;

    long city;
    long dinghai;
    long putuo;
    long evaluation;

    @BeforeEach
    void demoEvaluations() {
        city = tree.byCode("3309").orElseThrow().id();
        dinghai = tree.byCode("330902").orElseThrow().id();
        putuo = tree.byCode("330903").orElseThrow().id();
        evaluation = jdbc.sql("select max(id) from indicator_evaluation where created_by = 'demo' and status = 'DONE'")
                .query(Long.class).single();
    }

    private String page(String url, String user) throws Exception {
        MvcResult result = mvc.perform(get(url).with(users.page(user))).andExpect(status().isOk()).andReturn();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long stored(long node, String colour) {
        return jdbc.sql("select count(*) from indicator_result where evaluation_id = :e and node_id = :n and colour = :c")
                .param("e", evaluation).param("n", node).param("c", colour).query(Long.class).single();
    }

    private static String figure(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).strip();
    }

    @Test
    void theOverviewShowsTheStoredCountsAndAMatrixOfTheChildren() throws Exception {
        String html = page("/healthcheck/nodes/" + city + "?evaluation=" + evaluation, "admin");
        for (String colour : new String[] {"RED", "YELLOW", "BLUE", "GREEN"}) {
            assertThat(Long.parseLong(figure(html, "own-" + colour))).as(colour).isEqualTo(stored(city, colour));
        }
        long unitReds = jdbc.sql("""
                select count(*) from indicator_result where evaluation_id = :e and rollup = false and colour = 'RED'
                """).param("e", evaluation).query(Long.class).single();
        assertThat(Long.parseLong(figure(html, "units-RED"))).isEqualTo(unitReds).isPositive();
        assertThat(html).contains("data-node=\"" + dinghai + "\"", "data-node=\"" + putuo + "\"", "问题最集中的体检项目");
        assertThat(Pattern.compile("data-node=").matcher(html).results().count()).isEqualTo(4 + 45);
        assertThat(html).contains("年龄结构", "试用期与登记"); // first and last of the 23 categories
    }

    /** Per-level legends (ADR 053) on the demo city: a head-count per 100 staff, and one uncoloured above the unit. */
    @Test
    void theCitysIndicatorPageShowsItsLevelsRule() throws Exception {
        var row = jdbc.sql("""
                select numerator, denominator, result_value from indicator_result
                where evaluation_id = :e and node_id = :n and indicator_code = 'B0402'
                """).param("e", evaluation).param("n", city).query().singleRow();
        double perHundred = 100 * ((BigDecimal) row.get("numerator")).doubleValue()
                / ((BigDecimal) row.get("denominator")).doubleValue();
        assertThat(((BigDecimal) row.get("result_value")).doubleValue()).isCloseTo(perHundred,
                org.assertj.core.api.Assertions.within(1e-3));
        String scaled = page("/healthcheck/nodes/" + city + "/indicators/B0402?evaluation=" + evaluation, "admin");
        assertThat(scaled).contains("id=\"level-rule\"", "市汇总：按每百名在职人员折算", "人/百人", "id=\"definition\"");
        assertThat(scaled).contains(">在职人数<");
        String none = page("/healthcheck/nodes/" + city + "/indicators/B0103?evaluation=" + evaluation, "admin");
        assertThat(none).contains("市汇总：不着色", "id=\"no-legend\"");
        assertThat(jdbc.sql("""
                select count(*) from indicator_result
                where evaluation_id = :e and rollup = true and indicator_code = 'B0103' and colour is not null
                """).param("e", evaluation).query(Long.class).single()).isZero();
    }

    @Test
    void aDistrictOfficerDrillsDownInsideTheScopeOnly() throws Exception {
        mvc.perform(get("/healthcheck").with(users.page("dinghai")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/healthcheck/nodes/" + dinghai));
        String html = page("/healthcheck/nodes/" + dinghai, "dinghai");
        assertThat(html).contains("定海区").doesNotContain("data-node=\"" + putuo + "\"");
        for (String url : new String[] {"/healthcheck/nodes/" + putuo, "/healthcheck/nodes/" + putuo
                + "/indicators/A0102", "/healthcheck/nodes/" + city + "?evaluation=" + evaluation}) {
            mvc.perform(get(url).with(users.page("dinghai"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/healthcheck/nodes/" + putuo).with(api("dinghai"))).andExpect(status().isNotFound());
        long unit = jdbc.sql("""
                select min(r.node_id) from indicator_result r join org_node n on n.id = r.node_id
                where r.evaluation_id = :e and r.rollup = false and n.path like '/33/3309/330902/%'
                """).param("e", evaluation).query(Long.class).single();
        String unitPage = page("/healthcheck/nodes/" + unit + "?evaluation=" + evaluation, "dinghai");
        assertThat(unitPage).contains("id=\"unit-indicators\"", "意见建议", "data-code=\"A0102\"");
    }

    @Test
    void thePeopleBehindANumeratorAreTheNumeratorAndTheirListingIsAudited() throws Exception {
        var row = jdbc.sql("""
                select node_id, numerator from indicator_result
                where evaluation_id = :e and rollup = false and indicator_code = 'A0102' and numerator > 0
                order by node_id fetch first 1 rows only
                """).param("e", evaluation).query().singleRow();
        long unit = ((Number) row.get("node_id")).longValue();
        int numerator = ((BigDecimal) row.get("numerator")).intValue();
        String indicatorPage = page("/healthcheck/nodes/" + unit + "/indicators/A0102?evaluation=" + evaluation,
                "admin");
        assertThat(figure(indicatorPage, "numerator")).isEqualTo(String.valueOf(numerator));
        assertThat(indicatorPage).contains("data-trend=", "35周岁及以下干部占比");
        // the indicator's 口径, from the pack
        assertThat(indicatorPage).contains("id=\"definition\"",
                "在职人员中35周岁及以下的人数占在职人数的百分比；年龄按体检日周岁（生日当天起满）。");

        long marker = AuditLog.last(jdbc);
        String people = page("/healthcheck/nodes/" + unit + "/indicators/A0102/people?evaluation=" + evaluation,
                "admin");
        assertThat(Integer.parseInt(figure(people, "people-count"))).isEqualTo(numerator);
        assertThat(AuditLog.since(jdbc, marker)).extracting(AuditLog.Entry::action).containsExactly("READ_PERSONAL");
        assertThat(AuditLog.since(jdbc, marker).get(0).summary()).contains("35周岁及以下干部占比", numerator + " 人");

        String averageAge = packs.latest("healthcheck").indicators().stream()
                .filter(i -> i.name().equals("平均年龄")).findFirst().orElseThrow().code();
        marker = AuditLog.last(jdbc);
        assertThat(page("/healthcheck/nodes/" + unit + "/indicators/" + averageAge + "/people?evaluation="
                + evaluation, "admin")).contains("没有人员明细");
        assertThat(AuditLog.since(jdbc, marker)).isEmpty();
    }

    @Test
    void whatChangedCountsTheStoredDifferences() throws Exception {
        long previous = jdbc.sql("select max(id) from indicator_evaluation where created_by = 'demo' and id < :e")
                .param("e", evaluation).query(Long.class).single();
        long changed = jdbc.sql("""
                select count(*) from indicator_result c join indicator_result p
                  on p.evaluation_id = :p and p.node_id = c.node_id and p.indicator_code = c.indicator_code
                where c.evaluation_id = :e
                  and (coalesce(p.colour, '-') <> coalesce(c.colour, '-')
                       or coalesce(p.result_value, -1) <> coalesce(c.result_value, -1))
                """).param("p", previous).param("e", evaluation).query(Long.class).single();
        String html = page("/healthcheck/changes?evaluation=" + evaluation, "admin");
        long added = jdbc.sql("""
                select count(*) from indicator_result c where c.evaluation_id = :e and not exists (
                  select 1 from indicator_result p where p.evaluation_id = :p and p.node_id = c.node_id
                    and p.indicator_code = c.indicator_code)
                """).param("p", previous).param("e", evaluation).query(Long.class).single();
        assertThat(Long.parseLong(figure(html, "change-count"))).isEqualTo(changed + added).isPositive();
    }

    @Test
    void onlyAdministratorsRunAnEvaluationAndItCoversTheirScope() throws Exception {
        mvc.perform(post("/healthcheck/evaluations").with(csrf()).with(users.page("leader")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/healthcheck/evaluations").with(api("reporter"))).andExpect(status().isForbidden());
        mvc.perform(post("/healthcheck/evaluations").param("asOf", "2999-01-01").with(csrf())
                .with(users.page("dinghai"))).andExpect(status().isForbidden());
        long before = jdbc.sql("select count(*) from indicator_evaluation").query(Long.class).single();
        MvcResult run = mvc.perform(post("/healthcheck/evaluations").param("asOf", "2026-11-01").with(csrf())
                .with(users.page("dinghai"))).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(run.getResponse().getRedirectedUrl()).startsWith("/healthcheck/nodes/" + dinghai + "?evaluation=");
        var latest = jdbc.sql("select scope_node_id, created_by, status from indicator_evaluation order by id desc "
                + "fetch first 1 rows only").query().singleRow();
        assertThat(latest.get("scope_node_id")).isEqualTo(dinghai);
        assertThat(latest.get("created_by")).isEqualTo("dinghai");
        assertThat(latest.get("status")).isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from indicator_evaluation").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void aUnitIsRecheckedInPlaceByItsReporterOrAnAdministrator() throws Exception {
        long unit = jdbc.sql("select scope_node_id from account where username = 'reporter'").query(Long.class).single();
        long run = jdbc.sql("select max(id) from indicator_evaluation where status = 'DONE' and scope_node_id = :c")
                .param("c", city).query(Long.class).single();
        MvcResult done = mvc.perform(post("/healthcheck/nodes/" + unit + "/recheck").param("evaluation",
                        String.valueOf(run)).with(csrf()).with(users.page("reporter")))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/healthcheck/nodes/" + unit + "?evaluation=" + run);
        assertThat((String) done.getFlashMap().get("recheck")).contains("已按最新名册复检本单位", "毫秒");
        mvc.perform(post("/healthcheck/nodes/" + unit + "/recheck").with(csrf()).with(users.page("leader")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/healthcheck/nodes/" + putuo + "/recheck").with(csrf()).with(users.page("dinghai")))
                .andExpect(status().isNotFound());
    }
}
