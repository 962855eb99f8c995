package cn.zugong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.demo.internal.DemoLoader;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DemoLoaderIT {

    private static final List<String> TABLES = List.of("org_node", "unit", "unit_post_quota", "party_org", "person",
            "person_assessment", "person_training", "person_record", "party_member", "account", "demo_load",
            "indicator_evaluation", "lighting_list", "lighting_task", "lighting_report", "service_cadre",
            "service_visit", "deliberation_matter", "closure_item", "problem_ticket");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    OrgTree orgTree;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoLoader loader;

    @Test
    void zhoushanDemoIsLoaded() {
        var zhoushan = orgTree.byCode("3309").orElseThrow();
        // the demo's units (code: parent + "U" + two digits), not the units other tests' fixtures add to the city
        long demoUnits = jdbc.sql("select code from org_node where kind = 'UNIT' and path like :p")
                .param("p", zhoushan.path() + "%").query(String.class).list().stream()
                .filter(code -> code.matches("\\d+U\\d{2}")).count();
        assertThat(demoUnits).isBetween(230L, 270L);
        assertThat(orgTree.countInSubtree(zhoushan, NodeKind.PARTY_ORG)).isGreaterThan(428L + 36 + 230);
        assertThat(orgTree.byCode("3309U02").orElseThrow().name()).isEqualTo("市委组织部");
        assertThat(orgTree.byCode("330902U02").orElseThrow().name()).isEqualTo("定海区委组织部");
        assertThat(count("select count(*) from person")).isBetween(8_500L, 9_500L);
        assertThat(count("select count(*) from person_assessment")).isGreaterThan(20_000L);
        assertThat(count("select count(*) from party_member where person_id is not null")).isGreaterThan(6_000L);
        assertThat(count("select count(*) from party_member where person_id is null")).isBetween(4_280L, 17_120L);
        assertThat(count("select count(*) from party_member where mobile")).isGreaterThan(100L);
        assertThat(count("select count(*) from demo_load where name = 'zhoushan'")).isEqualTo(1L);
        // the demo's history (ADR 050): retirements during the demo year, earlier states before promotions
        assertThat(count("select count(*) from person where service_status = '退休' and left_on >= date '2026-01-01'"))
                .isBetween(90L, 400L);
        assertThat(count("select count(*) from person_version")).isGreaterThan(count("select count(*) from person"));
        assertThat(count("select count(*) from person_version where change_kind = 'PROMOTION'"
                + " and valid_from > date '2026-05-01' and valid_from <= date '2026-11-01'")).isPositive();
        for (String username : List.of("admin", "leader", "reviewer", "dinghai", "putuo", "reporter")) {
            assertThat(accounts.exists(username)).as(username).isTrue();
        }
    }

    @Test
    void demoAccountsLogInWithTheirScope() throws Exception {
        Map<String, String> roots = Map.of("admin", "3309", "leader", "3309", "reviewer", "3309",
                "dinghai", "330902", "putuo", "330903");
        for (var e : roots.entrySet()) {
            mvc.perform(get("/api/org/root").with(httpBasic(e.getKey(), IntegrationTest.PASSWORD)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.code").value(e.getValue()));
        }
        mvc.perform(get("/api/org/root").with(httpBasic("reporter", IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("定海区教育局"));
        mvc.perform(get("/api/org/root").with(httpBasic("admin", "wrong-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void everyStepOfTheSequenceIsLoaded() {
        assertThat(count("select count(*) from indicator_evaluation where created_by = 'demo'")).isEqualTo(2L);
        assertThat(count("""
                select count(*) from lighting_task t join lighting_list l on l.id = t.list_id
                where l.code = 'ZS-2026-RC'""")).isEqualTo(110L);
        assertThat(count("select count(*) from service_cadre where created_by = 'demo'")).isEqualTo(30L);
        assertThat(count("select count(*) from service_visit where created_by = 'demo'")).isEqualTo(300L);
        assertThat(count("select count(*) from deliberation_matter where registered_by = 'demo-sanshi'"))
                .isEqualTo(60L);
        assertThat(count("""
                select count(*) from closure_item where kind = 'PROBLEM_TICKET' and source_ref like 'demo-ticket-%'"""))
                .isEqualTo(400L);
    }

    @Test
    void runningTheLoaderAgainAddsNothing() throws Exception {
        List<Long> before = TABLES.stream().map(t -> count("select count(*) from " + t)).toList();
        loader.run(new DefaultApplicationArguments());
        List<Long> after = TABLES.stream().map(t -> count("select count(*) from " + t)).toList();
        assertThat(after).isEqualTo(before);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
