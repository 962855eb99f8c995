package cn.zugong.rating.internal.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The scheme pages and their API: the list with every shipped scheme and its star rule; a scheme's page with its
 * dimensions, criteria (points, kind, per_item, standard, evidence), computed metric with its points table, vetoes,
 * star bands or per-dimension thresholds and the 双强 conditions; the JSON alike; 404 for an unknown version; a
 * role outside the office (人才, 系统管理员) refused.
 */
@IntegrationTest
class SchemePagesIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired ObjectMapper json;

    private String page(String user, String path) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).with(users.page(user))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode api(String user, String path) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).with(TestUsers.api(user))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theListShowsEveryShippedSchemeWithItsStarRule() throws Exception {
        String html = page("leader", "/ratings/schemes");
        assertThat(html).contains("两新党组织“五星双强”评定", "村（社区）评“五星”", "乡镇（街道）创“五强”",
                "机关和事业单位党组织年度千分制考核", "2026.2", "非公企业", "农村", "乡镇（街道）",
                "按总分：五星 ≥ 900 分", "按维度：党建星 ≥ 85 分", "政治引领强 ≥ 85 分",
                "/ratings/schemes/cun-wuxing/2026.1", "tickets.resolution_rate", "问题化解率（%）");
        assertThat(page("dinghai", "/ratings")).contains("/ratings/schemes");
    }

    @Test
    void aTotalSchemeShowsItsCriteriaBandsBonusesAndVetoes() throws Exception {
        String html = page("reviewer", "/ratings/schemes/jiguan-qianfen/2026.1");
        assertThat(html).contains("机关和事业单位党组织年度千分制考核", "机关、事业单位",
                "id=\"c-ZJ-2\"", "三会一课", "缺一次扣 5 分", "会议记录",
                "获得县级以上党建表彰", "每项 20 分，封顶", "加分", "扣分",
                "亮灯台年度得分", "lighting.score", "≥ 95", "90 ～ 95（不含）",
                "五星", "≥ 920", "一票否决事项", "V-DISCIPLINE", "发生群体性腐败案件",
                "数字体检红灯占比（%）", "亮红灯的指标数");
    }

    @Test
    void aDimensionSchemeShowsEachThresholdAndTheDoubleStrongConditionsOfLiangxin() throws Exception {
        String village = page("dinghai", "/ratings/schemes/cun-wuxing/2026.1");
        assertThat(village).contains("党建星：≥ 85 分", "文明星：≥ 80 分", "三事分流事项销号率",
                "deliberation.closed_rate", "V-ELECTION");
        String liangxin = page("admin", "/ratings/schemes/liangxin-wuxing/2026.2");
        assertThat(liangxin).contains("“双强”条件", "党建强", "组织建设、组织生活、作用发挥", "85%", "发展强",
                "80%", "party.new_members");
    }

    @Test
    void theApiAnswersTheSameInJson() throws Exception {
        JsonNode list = api("dinghai", "/api/ratings/schemes");
        assertThat(list.findValuesAsText("code")).contains("liangxin-wuxing", "cun-wuxing", "xiangzhen-wuqiang",
                "jiguan-qianfen");
        JsonNode town = api("dinghai", "/api/ratings/schemes/xiangzhen-wuqiang/2026.1");
        assertThat(town.get("starMode").asText()).isEqualTo("DIMENSIONS");
        assertThat(town.get("starUnit").asText()).isEqualTo("强");
        assertThat(town.at("/dimensions/0/starName").asText()).isEqualTo("政治引领强");
        assertThat(town.at("/dimensions/0/starAt").decimalValue()).isEqualByComparingTo("85");
        JsonNode fz1 = town.at("/dimensions/1/criteria/0");
        assertThat(fz1.get("code").asText()).isEqualTo("FZ-1");
        assertThat(fz1.get("metric").asText()).isEqualTo("lighting.score");
        assertThat(fz1.at("/metricPoints/0/from").decimalValue()).isEqualByComparingTo("95");
        assertThat(fz1.at("/metricPoints/0/points").asInt()).isEqualTo(40);
        assertThat(town.get("vetoes")).hasSize(3);
        assertThat(town.get("metrics").findValuesAsText("code")).containsExactlyInAnyOrder("lighting.score",
                "tickets.resolution_rate", "deliberation.closed_rate", "healthcheck.red_share");
        JsonNode qianfen = api("admin", "/api/ratings/schemes/jiguan-qianfen/2026.1");
        JsonNode plus1 = qianfen.at("/dimensions/5/criteria/0");
        assertThat(plus1.get("kind").asText()).isEqualTo("BONUS");
        assertThat(plus1.get("perItem").decimalValue()).isEqualByComparingTo("20");
        assertThat(plus1.get("points").decimalValue()).isEqualByComparingTo("50");
        assertThat(qianfen.at("/bands/0/min").decimalValue()).isEqualByComparingTo("920");
    }

    @Test
    void anUnknownSchemeIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/ratings/schemes/cun-wuxing/1999.1").with(users.page("admin"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/ratings/schemes/nothing/2026.1").with(TestUsers.api("admin"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aRoleOutsideTheOfficeIsRefused() throws Exception {
        for (String user : new String[] {"talent", "sysadmin"}) {
            assertThat(mvc.perform(get("/ratings/schemes").with(users.page(user))).andReturn().getResponse()
                    .getStatus()).as(user).isEqualTo(403);
            assertThat(mvc.perform(get("/ratings/schemes/cun-wuxing/2026.1").with(users.page(user))).andReturn()
                    .getResponse().getStatus()).as(user).isEqualTo(403);
            assertThat(mvc.perform(get("/api/ratings/schemes").with(TestUsers.api(user))).andReturn().getResponse()
                    .getStatus()).as(user).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/api/ratings/schemes")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }
}
