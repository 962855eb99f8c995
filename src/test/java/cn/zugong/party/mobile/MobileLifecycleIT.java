package cn.zugong.party.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.people.RosterWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The five steps of one mobile member over HTTP and the database (ADR 070): 源头查找 (a list imported, matched by
 * ID number), 建档建库 (the candidate confirmed into a file, phone encrypted and masked), 走亲连心 (a contact sets the
 * next due date; with the clock moved past it the contact is overdue by working days and 督办 at 红牌), 动态管理
 * (失联, 恢复联系, 返回 replayed into the state), 用其所长 (skills and a task).
 */
@IntegrationTest
class MobileLifecycleIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;
    @Autowired TestClock clock;

    MobileFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new MobileFixtures(jdbc, roster);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiveStepsOfOneMemberWithAnOverdueContact() throws Exception {
        clock.setTo(LocalDateTime.of(2026, 12, 4, 10, 0));
        var member = fx.member(fx.villageBranch("330902"), "流动甲");
        String city = "测试城" + fx.run;

        // 源头查找: a 外出务工 list with the member and someone who is no party member
        byte[] list = MobileFixtures.sheet(List.of(
                Arrays.asList(member.name(), member.idNumber(), "江苏省", city, "新区", "测试机械厂", "13900001111"),
                Arrays.asList("非党员" + fx.run, fx.idNumber(), null, city, null, null, null)));
        mvc.perform(multipart("/api/party/mobile/sources/import")
                        .file(new MockMultipartFile("file", "外出务工名单.xlsx", null, list))
                        .param("listName", "2026年外出务工名单").with(TestUsers.api("dinghai")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(2)).andExpect(jsonPath("$.matched").value(1))
                .andExpect(jsonPath("$.added").value(1)).andExpect(jsonPath("$.notMembers").value(1));
        long candidate = jdbc.sql("select id from mobile_candidate where member_id = :m and status = 'OPEN'")
                .param("m", member.id()).query(Long.class).single();
        assertThat(jdbc.sql("select phone from mobile_candidate where id = :c").param("c", candidate)
                .query(String.class).single()).startsWith("v1:");

        // 建档建库: the officer confirms the candidate
        String location = mvc.perform(post("/party/mobile/sources/" + candidate + "/file").with(users.page("dinghai"))
                        .with(csrf()).param("memberId", String.valueOf(member.id())).param("province", "江苏省")
                        .param("city", city).param("district", "新区").param("employer", "测试机械厂")
                        .param("phone", "13900001111").param("leftOn", "2026-03-01").param("reason", "务工")
                        .param("relation", "未转出"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/party/mobile/files/");
        long file = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Map<String, Object> row = file(file);
        assertThat(row.get("member_id")).isEqualTo(member.id());
        assertThat(row.get("state")).isEqualTo("OUT");
        assertThat((String) row.get("phone")).startsWith("v1:").doesNotContain("13900001111");
        assertThat(row.get("next_due").toString()).isEqualTo("2027-03-04"); // filed 2026-12-04 + 90 days (OUT)
        assertThat(jdbc.sql("select status from mobile_candidate where id = :c").param("c", candidate)
                .query(String.class).single()).isEqualTo("FILED");
        String page = mvc.perform(get(location).with(users.page("dinghai"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("139****1111").doesNotContain("13900001111").contains("外出");

        // 走亲连心: a call on 2026-12-01 → next due 90 days later, 2027-03-01 (a Monday)
        contact(file, "2026-12-01", "电话").andExpect(status().isOk());
        assertThat(file(file).get("next_due").toString()).isEqualTo("2027-03-01");
        assertThat(file(file).get("last_contact_on").toString()).isEqualTo("2026-12-01");

        // a month later nobody has called: overdue 23 working days (2 Mar – 1 Apr 2027, no holiday) → 红牌督办
        clock.setTo(LocalDateTime.of(2027, 4, 1, 10, 0));
        List<Map<String, Object>> mine = overdue(file);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("workdays")).isEqualTo(23);
        assertThat(mine.get(0).get("level")).isEqualTo("RED_CARD");
        mvc.perform(post("/party/mobile/files/" + file + "/dun").with(users.page("dinghai")).with(csrf())
                .param("note", "请本周内联系")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select level || ':' || overdue from mobile_dunning where file_id = :f").param("f", file)
                .query(String.class).list()).containsExactly("RED_CARD:23");

        // 动态管理: lost, found again, a contact, then back home
        event(file, "LOST", "2027-03-20").andExpect(status().isOk());
        assertThat(file(file).get("state")).isEqualTo("LOST");
        // lost: the next contact is due 30 days after the last one (the rule for 失联), still overdue
        assertThat(file(file).get("next_due").toString()).isEqualTo("2026-12-31");
        event(file, "RECONNECTED", "2027-03-28").andExpect(status().isOk());
        contact(file, "2027-03-28", "视频").andExpect(status().isOk());
        assertThat(file(file).get("state")).isEqualTo("OUT");
        assertThat(file(file).get("next_due").toString()).isEqualTo("2027-06-26");
        event(file, "RETURNED", "2027-03-31").andExpect(status().isOk());
        assertThat(file(file).get("state")).isEqualTo("RETURNED");
        assertThat(file(file).get("next_due")).isNull();
        assertThat(jdbc.sql("select kind from mobile_event where file_id = :f order by happened_on, id")
                .param("f", file).query(String.class).list())
                .containsExactly("LEFT", "LOST", "RECONNECTED", "RETURNED");
        // back home: nothing overdue any more
        assertThat(overdue(file)).isEmpty();

        // 用其所长: skills as tags, a task with its result
        mvc.perform(post("/party/mobile/files/" + file + "/skills").with(users.page("dinghai")).with(csrf())
                .param("skills", "电商直播, 水产养殖，电商直播")).andExpect(status().is3xxRedirection());
        assertThat(file(file).get("skills")).isEqualTo("电商直播、水产养殖");
        mvc.perform(post("/party/mobile/files/" + file + "/tasks").with(users.page("dinghai")).with(csrf())
                .param("task", "带回电商技术培训村民").param("on", "2027-03-31").param("result", "培训 20 人"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select task || '|' || result from mobile_task where file_id = :f").param("f", file)
                .query(String.class).list()).containsExactly("带回电商技术培训村民|培训 20 人");
        String detail = mvc.perform(get(location).with(users.page("dinghai"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("已返回").contains("失联").contains("恢复联系").contains("带回电商技术培训村民");
    }

    private org.springframework.test.web.servlet.ResultActions contact(long file, String on, String channel)
            throws Exception {
        return mvc.perform(post("/api/party/mobile/files/" + file + "/contacts").with(TestUsers.api("dinghai"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"on\":\"" + on + "\",\"channel\":\"" + channel + "\",\"by\":\"村书记\",\"content\":\"了解近况\"}"));
    }

    private org.springframework.test.web.servlet.ResultActions event(long file, String kind, String on) throws Exception {
        return mvc.perform(post("/api/party/mobile/files/" + file + "/events").with(TestUsers.api("dinghai"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"" + kind + "\",\"on\":\"" + on + "\"}"));
    }

    /** The file's line of the overdue list, page by page (the demo's overdue members come first). */
    private List<Map<String, Object>> overdue(long file) throws Exception {
        for (int page = 1; page <= 100; page++) {
            String body = mvc.perform(get("/api/party/mobile/overdue").param("size", "200")
                            .param("page", String.valueOf(page)).with(TestUsers.api("dinghai")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            List<Map<String, Object>> mine = com.jayway.jsonpath.JsonPath.read(body, "$.items[?(@.file.id == " + file + ")]");
            List<Object> items = com.jayway.jsonpath.JsonPath.read(body, "$.items");
            if (!mine.isEmpty() || items.size() < 200) {
                return mine;
            }
        }
        return List.of();
    }

    /** The file's row (column names case-insensitive). */
    private Map<String, Object> file(long id) {
        return jdbc.sql("select * from mobile_file where id = :id").param("id", id).query().singleRow();
    }
}
