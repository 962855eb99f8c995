package cn.zugong.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 整改 through the pages: a district administrator generates the list of the district's red warnings (twice:
 * no duplicates), sees only the district's items, another district gets 404, the reporter works an item of
 * the own unit, and a later evaluation that shows the indicator back in the green appears on the item.
 */
@IntegrationTest
class RectificationPagesIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree tree;

    private long items(String districtCode) {
        return jdbc.sql("""
                select count(*) from closure_item i join org_node n on n.id = i.owner_node_id
                where i.kind = 'HEALTHCHECK_RECTIFICATION' and n.path like (select path from org_node where code = :c) || '%'
                """).param("c", districtCode).query(Long.class).single();
    }

    private String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(users.page(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void generatingTwiceAddsNothingAndEachDistrictSeesItsOwn() throws Exception {
        long latest = jdbc.sql("select max(id) from indicator_evaluation where created_by = 'demo' and status = 'DONE'")
                .query(Long.class).single();
        long reds = jdbc.sql("""
                select count(*) from indicator_result r join org_node n on n.id = r.node_id
                where r.evaluation_id = :e and r.rollup = false and r.colour = 'RED'
                  and n.path like (select path from org_node where code = '330902') || '%'
                  and not exists (select 1 from healthcheck_rectification h join closure_item i on i.id = h.item_id
                                  where h.unit_id = r.node_id and h.indicator_code = r.indicator_code
                                    and i.status <> 'CLOSED')
                """).param("e", latest).query(Long.class).single();
        long before = items("330902");
        long putuoBefore = items("330903");
        mvc.perform(post("/healthcheck/rectifications").with(users.page("dinghai")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(items("330902") - before).isEqualTo(reds);
        assertThat(items("330903")).isEqualTo(putuoBefore);
        mvc.perform(post("/healthcheck/rectifications").with(users.page("dinghai")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(items("330902") - before).isEqualTo(reds);
        mvc.perform(post("/healthcheck/rectifications").with(users.page("reporter")).with(csrf()))
                .andExpect(status().isForbidden());

        String list = page("/healthcheck/rectifications?colour=RED", "dinghai");
        assertThat(list).contains("整改销号清单").doesNotContain("普陀区");
        Long item = jdbc.sql("""
                select min(i.id) from closure_item i join org_node n on n.id = i.owner_node_id
                where i.kind = 'HEALTHCHECK_RECTIFICATION' and n.path like (select path from org_node where code = '330902') || '%'
                """).query(Long.class).single();
        Assumptions.assumeTrue(item != null, "the demo district has red warnings");
        assertThat(page("/healthcheck/rectifications/" + item, "dinghai")).contains("办理记录", "登记");
        mvc.perform(get("/healthcheck/rectifications/" + item).with(users.page("putuo"))).andExpect(status().isNotFound());
        assertThat(page("/healthcheck/rectifications/" + item, "leader")).contains("领导批示");
    }

    @Test
    void theReporterWorksTheUnitsItemAndALaterGreenResultIsShownAsEvidence() throws Exception {
        long unit = jdbc.sql("select id from org_node where name = '定海区教育局'").query(Long.class).single();
        List<Long> demo = jdbc.sql("select id from indicator_evaluation where created_by = 'demo' and status = 'DONE'"
                + " order by id").query(Long.class).list();
        long older = demo.get(0);
        long latest = demo.get(demo.size() - 1);
        // a warning of the reporter's unit in the older evaluation, preferably one that is green in the latest
        List<Map<String, Object>> candidates = jdbc.sql("""
                select o.indicator_code, n.colour from indicator_result o
                left join indicator_result n on n.evaluation_id = :latest and n.node_id = o.node_id
                                            and n.indicator_code = o.indicator_code
                where o.evaluation_id = :older and o.node_id = :unit and o.colour in ('RED', 'YELLOW')
                order by case when n.colour = 'GREEN' then 0 else 1 end, o.indicator_code
                """).param("latest", latest).param("older", older).param("unit", unit).query().listOfRows();
        Assumptions.assumeFalse(candidates.isEmpty(), "the reporter's unit has a warning in the older evaluation");
        String code = (String) candidates.get(0).get("indicator_code");
        mvc.perform(post("/healthcheck/rectifications/select").param("evaluation", String.valueOf(older))
                        .param("unitId", String.valueOf(unit)).param("code", code)
                        .with(users.page("dinghai")).with(csrf())).andExpect(status().is3xxRedirection());
        long item = jdbc.sql("""
                select max(h.item_id) from healthcheck_rectification h
                where h.unit_id = :u and h.indicator_code = :c
                """).param("u", unit).param("c", code).query(Long.class).single();
        String html = page("/healthcheck/rectifications/" + item, "reporter");
        assertThat(html).contains("此后各次体检中该指标的结果");
        if ("GREEN".equals(candidates.get(0).get("colour"))) {
            assertThat(html).contains("id=\"back-to-green\"", "已恢复正常");
        }
        String status = jdbc.sql("select status from closure_item where id = :id").param("id", item)
                .query(String.class).single();
        if (status.equals("REGISTERED")) {
            mvc.perform(post("/healthcheck/rectifications/" + item + "/assign").param("assignee", "李四")
                    .with(users.page("dinghai")).with(csrf())).andExpect(status().is3xxRedirection());
            mvc.perform(post("/healthcheck/rectifications/" + item + "/start").param("note", "制定招录计划")
                    .with(users.page("reporter")).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(page("/healthcheck/rectifications/" + item, "reporter")).contains("整改中", "制定招录计划");
            // the reporter may not verify: refused with the Chinese reason
            mvc.perform(post("/healthcheck/rectifications/" + item + "/verify").with(users.page("reporter"))
                    .with(csrf())).andExpect(status().isForbidden());
            var flash = mvc.perform(post("/healthcheck/rectifications/" + item + "/close").with(users.page("dinghai"))
                    .with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
            assertThat(String.valueOf(flash.get("error"))).contains("当前状态为「整改中」");
        }
    }
}
