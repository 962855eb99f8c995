package cn.zugong.cadre.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.cadre.training.CadreFixture;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.Role;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 督办 of 调研课题 past their 计划结题日期 without a 结题 (ADR 079): the overdue topics of the scope in the 督办 list with
 * the level their working days overdue reach under the closure workflow's rule (1 / 5 / 10 working days: 提醒 / 黄牌 /
 * 红牌), a weekend not counted; 督办 pressed once per level, refused (409, nothing written) for a topic not due, without
 * a due date, concluded or not yet one working day late; scope and roles. The clock pinned around 2026-12-04.
 */
@IntegrationTest
class ResearchDunningIT {

    static final String API = "/api/cadres/research";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired TestClock clock;

    CadreFixture fx;

    @BeforeEach
    void setUp() {
        fx = new CadreFixture(org, tree, roster, accounts);
        clock.setTo(LocalDateTime.of(2026, 12, 4, 10, 0)); // a Friday
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    ResultActions postJson(String who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(TestUsers.api(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long topic(long node, long leader, String title, String due) throws Exception {
        ResultActions r = postJson("dinghai", API + "/topics", "{\"nodeId\":\"" + node + "\",\"leaderId\":\"" + leader
                + "\",\"title\":\"" + title + "\",\"keyTopic\":\"true\",\"startsOn\":\"2026-03-01\""
                + (due == null ? "" : ",\"dueOn\":\"" + due + "\"") + "}").andExpect(status().isOk());
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
                .longValue();
    }

    ResultActions dun(String who, long topic) throws Exception {
        return postJson(who, API + "/topics/" + topic + "/dunning", "{\"note\":\"请于月底前结题\"}");
    }

    long dunnings(long topic) {
        return jdbc.sql("select count(*) from research_dunning where topic_id = :t").param("t", topic).query(Long.class)
                .single();
    }

    String list(String who) throws Exception {
        return mvc.perform(get(API + "/dunning").with(TestUsers.api(who))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void overdueTopicsAreListedWithTheirLevelAndDunnedOncePerLevel() throws Exception {
        var t = fx.township("督办");
        long leader = fx.person(t.unitId(), "领题", "县处级正职", null);
        String run = CadreFixture.RUN;

        // a due date before the start is refused, nothing written
        postJson("dinghai", API + "/topics", "{\"nodeId\":\"" + t.id() + "\",\"leaderId\":\"" + leader + "\",\"title\":\"早于"
                + run + "\",\"startsOn\":\"2026-03-01\",\"dueOn\":\"2026-02-01\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("不能早于立项日期")));
        assertThat(jdbc.sql("select count(*) from research_topic where title = :t").param("t", "早于" + run)
                .query(Long.class).single()).isZero();

        long late = topic(t.id(), leader, "逾期课题" + run, "2026-11-30");
        long notDue = topic(t.id(), leader, "未到期课题" + run, "2026-12-31");
        long undated = topic(t.id(), leader, "未定期课题" + run, null);
        long done = topic(t.id(), leader, "已结题课题" + run, "2026-11-30");
        long friday = topic(t.id(), leader, "周五到期课题" + run, "2026-12-04");
        postJson("dinghai", API + "/topics/" + done + "/conclude", "{\"concludedOn\":\"2026-12-01\",\"findings\":\"形成报告\"}")
                .andExpect(status().isOk());

        // the list: only the open topic past its date, 4 working days late (12-01..12-04): 提醒
        String json = list("dinghai");
        List<Integer> ids = JsonPath.read(json, "$[*].topic.id");
        assertThat(ids).contains((int) late).doesNotContain((int) notDue, (int) undated, (int) done, (int) friday);
        assertThat(JsonPath.<List<Object>>read(json, "$[?(@.topic.id == " + late + ")].level")).containsExactly("REMINDER");
        assertThat(JsonPath.<List<Object>>read(json, "$[?(@.topic.id == " + late + ")].overdueWorkdays")).containsExactly(4);
        assertThat(mvc.perform(get("/cadres/research/dunning").with(users.page("dinghai"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("逾期课题" + run).contains("提醒").doesNotContain("未到期课题" + run);

        // refused, nothing written
        dun("dinghai", notDue).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("未到计划结题日期")));
        dun("dinghai", undated).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("未设计划结题日期")));
        dun("dinghai", done).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("已于 2026-12-01 结题")));
        // scope: another district does not see it (404) nor list it; a LEADER and 干部监督 read but may not press
        dun("putuo", late).andExpect(status().isNotFound());
        assertThat(list("putuo")).doesNotContain("逾期课题" + run);
        String viewer = fx.account(Role.LEADER, tree.byCode("330902").orElseThrow().id());
        assertThat(list(viewer)).contains("逾期课题" + run);
        dun(viewer, late).andExpect(status().isForbidden());
        dun("jiandu", late).andExpect(status().isForbidden());
        assertThat(dunnings(late) + dunnings(notDue) + dunnings(undated) + dunnings(done)).isZero();

        // 提醒 once
        dun("dinghai", late).andExpect(status().isOk()).andExpect(jsonPath("$.level").value("REMINDER"))
                .andExpect(jsonPath("$.overdue").value(4));
        dun("dinghai", late).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("已提醒，不能重复督办")));
        assertThat(dunnings(late)).isOne();

        // Saturday: the Friday topic is past its date but not one working day late — listed, not pressed
        clock.setTo(LocalDateTime.of(2026, 12, 5, 10, 0));
        assertThat(JsonPath.<List<Object>>read(list("dinghai"), "$[?(@.topic.id == " + friday + ")].level"))
                .containsExactly("NONE");
        dun("dinghai", friday).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("逾期未满 1 个工作日")));
        assertThat(dunnings(friday)).isZero();

        // Tuesday 12-08: 6 working days late, 黄牌督办 (from the page)
        clock.setTo(LocalDateTime.of(2026, 12, 8, 10, 0));
        mvc.perform(post("/cadres/research/topics/" + late + "/dunning").param("back", "list").param("note", "")
                .with(users.page("dinghai")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select level from research_dunning where topic_id = :t order by id").param("t", late)
                .query(String.class).list()).containsExactly("REMINDER", "YELLOW_CARD");
        assertThat(mvc.perform(get("/cadres/research/topics/" + late).with(users.page("dinghai"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("逾期未结题").contains("黄牌督办").contains("请于月底前结题");

        // concluded: off the list, no more 督办
        postJson("dinghai", API + "/topics/" + late + "/conclude", "{\"concludedOn\":\"2026-12-08\",\"findings\":\"形成报告\"}")
                .andExpect(status().isOk());
        assertThat(list("dinghai")).doesNotContain("逾期课题" + run);
        dun("dinghai", late).andExpect(status().isConflict());
        assertThat(dunnings(late)).isEqualTo(2);
    }
}
