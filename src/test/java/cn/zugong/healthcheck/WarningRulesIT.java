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
                .param("adviceRed", "红").param("adviceYellow", "黄").param("adviceBlue", "蓝"))
                .andExpect(status().isUnprocessableEntity()));
        assertThat(wrongOrder).contains("阈值应从红到蓝逐级升高", "黄色阈值 10");
        String badAdvice = body(mvc.perform(post("/healthcheck/rules/" + CODE).with(users.page("admin")).with(csrf())
                .param("direction", "higher").param("red", "8").param("yellow", "12").param("blue", "15")
                .param("adviceRed", "{name} 过低 {oops}").param("adviceYellow", "黄"))
                .andExpect(status().isUnprocessableEntity()));
        assertThat(badAdvice).contains("{oops} 不可用", "缺少 blue 的意见建议模板");
        String notNumber = body(mvc.perform(post("/healthcheck/rules/" + CODE).with(users.page("admin")).with(csrf())
                .param("direction", "higher").param("red", "八"))
                .andExpect(status().isUnprocessableEntity()));
        assertThat(notNumber).contains("红色阈值应为数字");
        assertThat(rules.currentVersion(pack)).isEqualTo(version);
        mvc.perform(get("/healthcheck/rules").with(users.page("dinghai"))).andExpect(status().isForbidden());
        mvc.perform(post("/healthcheck/rules/" + CODE).with(users.page("dinghai")).with(csrf())
                .param("direction", "higher").param("red", "1")).andExpect(status().isForbidden());
        mvc.perform(get("/healthcheck/rules").with(users.page("admin"))).andExpect(status().isOk());
    }

    private String colour(long evaluation, long unit) {
        return jdbc.sql("select colour from indicator_result where evaluation_id = :e and node_id = :n and indicator_code = :c")
                .param("e", evaluation).param("n", unit).param("c", CODE).query(String.class).single();
    }
}
