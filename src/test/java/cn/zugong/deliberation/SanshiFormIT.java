package cn.zugong.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgTree;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 登记事项 bound to a request record: refused fields come back beside the field on the community's page with what
 * was typed, the figures' one range record refuses a bad date on the API as a field list, and nothing is written.
 */
@IntegrationTest
class SanshiFormIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree tree;

    @Test
    void aRefusedMatterComesBackBesideItsFieldsAndNothingIsWritten() throws Exception {
        long donghai = tree.byCode("330922100001").orElseThrow().id();
        long before = matters();
        String page = mvc.perform(post("/deliberation/matters").param("nodeId", String.valueOf(donghai))
                        .param("title", " ").param("raisedBy", "林国平").param("phone", "电话")
                        .param("grid", "网".repeat(101)).with(users.page("donghai")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"title-error\">请填写事项名称</div>")
                .contains("id=\"phone-error\">联系电话格式不正确：只能包含数字、空格、+ 和 -</div>")
                .contains("id=\"grid-error\">所属网格过长（不超过 100 个字）</div>")
                .doesNotContain("id=\"raisedBy-error\"")
                .contains("value=\"林国平\"", "value=\"电话\"");
        assertThat(matters()).isEqualTo(before);
    }

    @Test
    void theFiguresRangeListsABadDateAsAFieldError() throws Exception {
        mvc.perform(get("/api/deliberation/figures").param("from", "2026-13-01").with(TestUsers.api("donghai")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("日期格式不正确（如 2026-12-04）"));
    }

    private long matters() {
        return jdbc.sql("select count(*) from deliberation_matter").query(Long.class).single();
    }
}
