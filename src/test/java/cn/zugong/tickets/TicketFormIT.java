package cn.zugong.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ticket form and API bound to request records: a refused field is shown beside the field on the page (with
 * what was typed kept) and listed as {field, message} by the API, both in Chinese, and nothing is written.
 */
@IntegrationTest
class TicketFormIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void theFormShowsEachRefusedFieldBesideItAndKeepsWhatWasTyped() throws Exception {
        List<Long> before = counts();
        String page = mvc.perform(post("/tickets/new").with(users.page("dinghai")).with(csrf())
                        .param("category", "POLICY").param("source", "HOTLINE").param("unitId", String.valueOf(unit()))
                        .param("title", "标".repeat(201)).param("description", "   ")
                        .param("requesterName", "  张三  ").param("requesterPhone", "电话号码"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"description-error\">请填写问题描述</div>")
                .contains("id=\"title-error\">问题标题过长（不超过 200 个字）</div>")
                .contains("id=\"requesterPhone-error\">请求人联系电话格式不正确：只能是 5–20 位数字</div>")
                .doesNotContain("id=\"requesterName-error\"", "id=\"unitId-error\"")
                .contains("value=\"张三\"")
                .contains("value=\"电话号码\"");
        assertThat(page).contains("class=\"form-control is-invalid\" id=\"description\"")
                .contains("class=\"form-control\" id=\"requesterName\"");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theApiListsTheRefusedFieldsWith400AndWritesNothing() throws Exception {
        List<Long> before = counts();
        mvc.perform(post("/api/tickets").with(httpBasic("dinghai", IntegrationTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"category":"POLICY","source":"HOTLINE","description":"","requesterPhone":"abc"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("description", "unitId",
                        "requesterPhone")))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem("请填写问题描述")))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem("请选择问题涉及的单位")));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void oneFilterRecordRefusesABadValueOnTheListTheFiguresAndTheExport() throws Exception {
        mvc.perform(get("/api/tickets/figures").param("month", "13")
                        .with(httpBasic("dinghai", IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"))
                .andExpect(jsonPath("$.errors[0].message").value("月份须为 1–12"));
        mvc.perform(get("/api/tickets").param("unitId", "abc").with(httpBasic("dinghai", IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"))
                .andExpect(jsonPath("$.errors[0].message").value("应为整数"));
        mvc.perform(get("/tickets/figures.xlsx").param("quarter", "5").with(users.page("dinghai")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/tickets").param("q", "词".repeat(101)).with(users.page("dinghai")))
                .andExpect(status().isBadRequest());
    }

    private long unit() {
        return jdbc.sql("select id from org_node where name = '定海区教育局'").query(Long.class).single();
    }

    private List<Long> counts() {
        return List.of("select count(*) from problem_ticket", "select count(*) from closure_item",
                        "select count(*) from closure_event", "select count(*) from closure_attachment",
                        "select count(*) from audit_entry where object_type = 'problem_ticket'").stream()
                .map(sql -> jdbc.sql(sql).query(Long.class).single()).toList();
    }
}
