package cn.zugong.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.indicator.PackId;
import cn.zugong.indicator.RuleSpec;
import cn.zugong.indicator.WarningRules;
import cn.zugong.org.OrgTree;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 预警规则 versions: a platform administrator raises a threshold; the next evaluation colours the unit by
 * the new rule while the earlier evaluation keeps its colour and shows the legend it was computed with; an
 * invalid rule is refused in Chinese naming the problem; district administrators may not change rules.
 */
@IntegrationTest
class WarningRulesIT {

    static final String CODE = "A0102"; // 35周岁及以下干部占比: higher is better, red 8 yellow 12 blue 15

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree tree;
    @Autowired Evaluations evaluations;
    @Autowired IndicatorPacks packs;
    @Autowired WarningRules rules;

    private String body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aChangedThresholdColoursTheNextEvaluationAndTheOldOneKeepsItsRules() throws Exception {
        long latest = jdbc.sql("select max(id) from indicator_evaluation where created_by = 'demo' and status = 'DONE'")
                .query(Long.class).single();
        Map<String, Object> unit = jdbc.sql("""
                select r.node_id, r.result_value from indicator_result r
                where r.evaluation_id = :e and r.indicator_code = :c and r.rollup = false and r.colour = 'GREEN'
                order by r.node_id limit 1
                """).param("e", latest).param("c", CODE).query().singleRow();
        long unitId = ((Number) unit.get("node_id")).longValue();
        BigDecimal value = (BigDecimal) unit.get("result_value");
        PackId pack = packs.latest("healthcheck").id();
        RuleSpec original = RuleSpec.of(rules.current(pack).indicator(CODE).orElseThrow());
        int versionBefore = rules.currentVersion(pack);

        BigDecimal red = value.setScale(0, java.math.RoundingMode.CEILING).add(BigDecimal.TEN);
        mvc.perform(post("/healthcheck/rules/" + CODE).with(users.page("admin")).with(csrf())
                        .param("direction", "higher").param("red", red.toPlainString())
                        .param("yellow", red.add(BigDecimal.ONE).toPlainString())
                        .param("blue", red.add(BigDecimal.valueOf(2)).toPlainString())
                        .param("adviceRed", original.adviceRed()).param("adviceYellow", original.adviceYellow())
                        .param("adviceBlue", original.adviceBlue()).param("reason", "提高年轻干部占比要求"))
                .andExpect(status().is3xxRedirection());
        try {
            assertThat(rules.currentVersion(pack)).isEqualTo(versionBefore + 1);
            Evaluation old = evaluations.find(latest).orElseThrow();
            Evaluation fresh = evaluations.evaluate(old.asOf(), pack, tree.byId(unitId).orElseThrow().asScope(), "admin");
            assertThat(rules.versionOf(fresh)).isEqualTo(versionBefore + 1);
            assertThat(colour(fresh.id(), unitId)).isEqualTo("RED");
            assertThat(colour(latest, unitId)).isEqualTo("GREEN");
            assertThat(rules.versionOf(old)).isZero();

            String oldPage = body(mvc.perform(get("/healthcheck/nodes/" + unitId + "/indicators/" + CODE + "?evaluation="
                    + latest).with(users.page("admin"))));
            assertThat(oldPage).contains("id=\"rules-version\">0<", "&lt; 8%").doesNotContain("&lt; " + red.toPlainString() + "%");
            String freshPage = body(mvc.perform(get("/healthcheck/nodes/" + unitId + "/indicators/" + CODE
                    + "?evaluation=" + fresh.id()).with(users.page("admin"))));
            assertThat(freshPage).contains("id=\"rules-version\">" + (versionBefore + 1) + "<",
                    "&lt; " + red.toPlainString() + "%");
            String history = body(mvc.perform(get("/healthcheck/rules/" + CODE).with(users.page("admin"))));
            assertThat(history).contains("提高年轻干部占比要求", "admin");
            assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'indicator_rule' and action = 'CONFIG'")
                    .query(Long.class).single()).isPositive();
        } finally {
            rules.change(pack, CODE, original, "测试结束，恢复原规则", "admin");
        }
    }

    @Test
    void anInvalidRuleIsRefusedInChineseAndDistrictAdminsMayNotChangeRules() throws Exception {
        PackId pack = packs.latest("healthcheck").id();
        int version = rules.currentVersion(pack);
        String wrongOrder = body(mvc.perform(post("/healthcheck/rules/" + CODE).with(users.page("admin")).with(csrf())
                .param("direction", "higher").param("red", "20").param("yellow", "10").param("blue", "30")
                .param("adviceRed", "红").param("adviceYellow", "黄").param("adviceBlue", "蓝").param("reason", "测试"))
                .andExpect(status().isUnprocessableEntity()));
        assertThat(wrongOrder).contains("阈值应从红到蓝逐级升高", "黄色阈值 10");
        String badAdvice = body(mvc.perform(post("/healthcheck/rules/" + CODE).with(users.page("admin")).with(csrf())
                .param("direction", "higher").param("red", "8").param("yellow", "12").param("blue", "15")
                .param("adviceRed", "{name} 过低 {oops}").param("adviceYellow", "黄").param("reason", "测试"))
                .andExpect(status().isUnprocessableEntity()));
        assertThat(badAdvice).contains("{oops} 不可用", "缺少 blue 的意见建议模板");
        String notNumber = body(mvc.perform(post("/healthcheck/rules/" + CODE).with(users.page("admin")).with(csrf())
                .param("direction", "higher").param("red", "八").param("reason", "测试"))
                .andExpect(status().isUnprocessableEntity()));
        assertThat(notNumber).contains("红色阈值应为数字");
        assertThat(rules.currentVersion(pack)).isEqualTo(version);
        mvc.perform(get("/healthcheck/rules").with(users.page("dinghai"))).andExpect(status().isForbidden());
        mvc.perform(post("/healthcheck/rules/" + CODE).with(users.page("dinghai")).with(csrf())
                .param("direction", "higher").param("red", "1")).andExpect(status().isForbidden());
        mvc.perform(get("/healthcheck/rules").with(users.page("admin"))).andExpect(status().isOk());
    }

    /** A valid change of {@link #CODE} except for the parameters given (name, value; null removes one). */
    private org.springframework.test.web.servlet.ResultActions change(String... overrides) throws Exception {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("direction", "higher");
        p.put("red", "8");
        p.put("yellow", "12");
        p.put("blue", "15");
        p.put("adviceRed", "{name}过低");
        p.put("adviceYellow", "{name}偏低");
        p.put("adviceBlue", "{name}接近目标");
        p.put("reason", "按年度考核要求调整");
        for (int i = 0; i < overrides.length; i += 2) {
            p.put(overrides[i], overrides[i + 1]);
        }
        var request = post("/healthcheck/rules/" + CODE).with(users.page("admin")).with(csrf());
        p.forEach((k, v) -> {
            if (v != null) {
                request.param(k, v);
            }
        });
        return mvc.perform(request);
    }

    private long ruleRows() {
        return jdbc.sql("select count(*) from indicator_rule_change").query(Long.class).single();
    }

    private long ruleAudits() {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'indicator_rule'").query(Long.class).single();
    }

    @Test
    void aChangeWithoutAReasonIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        long rows = ruleRows();
        long audits = ruleAudits();
        for (String reason : new String[] {null, "", "   ", "\u3000\u3000", "改"}) {
            String page = body(change("reason", reason).andExpect(status().isUnprocessableEntity()));
            assertThat(page).contains("修改理由不能为空", "2–500");
        }
        String tooLong = body(change("reason", "理".repeat(501)).andExpect(status().isUnprocessableEntity()));
        assertThat(tooLong).contains("修改理由不能超过 500 个字");
        assertThat(ruleRows()).isEqualTo(rows);
        assertThat(ruleAudits()).isEqualTo(audits);
    }

    @Test
    void hugeOrMalformedThresholdsAreRefusedBeforeTheyAreRenderedAndNothingIsSaved() throws Exception {
        long rows = ruleRows();
        long audits = ruleAudits();
        var page = change("red", "1e999999").andExpect(status().isUnprocessableEntity()).andReturn().getResponse();
        assertThat(page.getContentAsByteArray().length).isLessThan(200_000);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("红色阈值", "不能使用科学计数法");
        assertThat(body(change("yellow", "1E+5").andExpect(status().isUnprocessableEntity())))
                .contains("黄色阈值", "不能使用科学计数法");
        assertThat(body(change("blue", "2000000000").andExpect(status().isUnprocessableEntity())))
                .contains("蓝色阈值", "绝对值不能超过 1000000000");
        assertThat(body(change("red", "-1000000001").andExpect(status().isUnprocessableEntity())))
                .contains("红色阈值", "绝对值不能超过 1000000000");
        assertThat(body(change("red", "8.123456").andExpect(status().isUnprocessableEntity())))
                .contains("红色阈值", "最多 4 位小数");
        assertThat(body(change("red", "NaN").andExpect(status().isUnprocessableEntity()))).contains("红色阈值应为数字");
        assertThat(body(change("red", "Infinity").andExpect(status().isUnprocessableEntity()))).contains("红色阈值应为数字");
        assertThat(body(change("red", "\uff18").andExpect(status().isUnprocessableEntity()))).contains("红色阈值应为数字");
        String both = body(change("direction", "band", "low", "1e9999", "high", "9".repeat(5000), "red", null)
                .andExpect(status().isUnprocessableEntity()));
        assertThat(both).contains("区间下限", "区间上限").doesNotContain("9".repeat(100));
        assertThat(body(change("adviceRed", "红".repeat(501)).andExpect(status().isUnprocessableEntity())))
                .contains("red 的意见建议模板超过 500 字");
        assertThat(ruleRows()).isEqualTo(rows);
        assertThat(ruleAudits()).isEqualTo(audits);
    }

    @Test
    void aBoundedDecimalThresholdWithAReasonIsSaved() throws Exception {
        PackId pack = packs.latest("healthcheck").id();
        RuleSpec original = RuleSpec.of(rules.current(pack).indicator(CODE).orElseThrow());
        long rows = ruleRows();
        change("red", "-0.5", "yellow", "12.25", "blue", "999999999.9999", "reason", "  细化阈值  ")
                .andExpect(status().is3xxRedirection());
        try {
            assertThat(ruleRows()).isEqualTo(rows + 1);
            var saved = jdbc.sql("select red, yellow, blue, reason from indicator_rule_change order by id desc limit 1")
                    .query().singleRow();
            assertThat((BigDecimal) saved.get("red")).isEqualByComparingTo("-0.5");
            assertThat((BigDecimal) saved.get("blue")).isEqualByComparingTo("999999999.9999");
            assertThat(saved.get("reason")).isEqualTo("细化阈值");
        } finally {
            rules.change(pack, CODE, original, "测试结束，恢复原规则", "admin");
        }
    }

    private String colour(long evaluation, long unit) {
        return jdbc.sql("select colour from indicator_result where evaluation_id = :e and node_id = :n and indicator_code = :c")
                .param("e", evaluation).param("n", unit).param("c", CODE).query(String.class).single();
    }
}
