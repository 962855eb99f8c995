package cn.zugong.cadre.research;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.cadre.training.CadreFixture;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.Role;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 调研课题 over HTTP and the database (ADR 079): a topic led only by a 县处级 (or higher) leader of the roster,
 * problems solved once and only when known, the conclusion, scope and roles, and 破难解题率 recounted by hand.
 */
@IntegrationTest
class ResearchIT {

    static final String API = "/api/cadres/research";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;

    CadreFixture fx;

    @BeforeEach
    void setUp() {
        fx = new CadreFixture(org, tree, roster, accounts);
    }

    ResultActions postJson(String who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(api(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
                .longValue();
    }

    ResultActions topic(String who, long node, long leader, boolean key, String title) throws Exception {
        return postJson(who, API + "/topics", "{\"nodeId\":\"" + node + "\",\"leaderId\":\"" + leader + "\",\"title\":\""
                + title + "\",\"keyTopic\":\"" + key + "\",\"startsOn\":\"2026-03-01\"}");
    }

    long problem(String who, long topic, String text) throws Exception {
        return id(postJson(who, API + "/topics/" + topic + "/problems", "{\"description\":\"" + text
                + "\",\"foundOn\":\"2026-04-01\"}").andExpect(status().isOk()));
    }

    ResultActions solve(String who, long problem, String on) throws Exception {
        return postJson(who, API + "/problems/" + problem + "/solve", "{\"solvedOn\":\"" + on
                + "\",\"solution\":\"建立联审机制\"}");
    }

    long topics(String title) {
        return jdbc.sql("select count(*) from research_topic where title = :t").param("t", title).query(Long.class)
                .single();
    }

    @Test
    void aTopicIsLedByACountyLevelLeaderAndItsProblemsAreSolvedOnce() throws Exception {
        var t = fx.township("调研");
        long leader = fx.person(t.unitId(), "领导甲", "县处级副职", null);
        long clerk = fx.person(t.unitId(), "科员乙", null, null);
        long section = fx.person(t.unitId(), "科长丙", "乡科级正职", null);
        String title = "海岛共富课题" + CadreFixture.RUN;

        topic("dinghai", t.id(), clerk, true, title).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("须为县处级以上领导干部")));
        topic("dinghai", t.id(), section, true, title).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("乡科级正职")));
        assertThat(topics(title)).isZero();
        long topic = id(topic("dinghai", t.id(), leader, true, title).andExpect(status().isOk()));
        assertThat(jdbc.sql("select leader_post from research_topic where id = :id").param("id", topic)
                .query(String.class).single()).isEqualTo("县处级副职");

        postJson("dinghai", API + "/topics/" + topic + "/progress", "{\"notedOn\":\"2026-03-15\",\"note\":\"赴三个海岛调研\"}")
                .andExpect(status().isOk());
        postJson("dinghai", API + "/topics/" + topic + "/progress", "{\"notedOn\":\"2026-02-15\",\"note\":\"早于立项\"}")
                .andExpect(status().isBadRequest());
        long p1 = problem("dinghai", topic, "渡运班次不足");

        // solving an unknown problem: 404, nothing changes
        solve("dinghai", 987_654_321L, "2026-05-01").andExpect(status().isNotFound());
        // before it was found: refused
        solve("dinghai", p1, "2026-03-20").andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select solved from research_problem where id = :id").param("id", p1)
                .query(Boolean.class).single()).isFalse();
        solve("dinghai", p1, "2026-05-01").andExpect(status().isOk()).andExpect(jsonPath("$.solved").value(true));
        solve("dinghai", p1, "2026-05-02").andExpect(status().isConflict());
        assertThat(jdbc.sql("select solved_on from research_problem where id = :id").param("id", p1)
                .query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.of(2026, 5, 1));

        // scope: another district's ADMIN sees nothing and changes nothing
        long p2 = problem("dinghai", topic, "码头设施老化");
        mvc.perform(get(API + "/topics/" + topic).with(api("putuo"))).andExpect(status().isNotFound());
        solve("putuo", p2, "2026-05-01").andExpect(status().isNotFound());
        postJson("putuo", API + "/topics/" + topic + "/conclude", "{\"concludedOn\":\"2026-06-01\",\"findings\":\"x\"}")
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select solved from research_problem where id = :id").param("id", p2)
                .query(Boolean.class).single()).isFalse();

        // roles
        mvc.perform(get(API + "/topics/" + topic).with(api("leader"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.problems.length()").value(2));
        solve("leader", p2, "2026-05-01").andExpect(status().isForbidden());
        for (String who : List.of("cadre", "talent", "dangyuan")) {
            mvc.perform(get(API + "/topics/" + topic).with(api(who))).andExpect(status().isForbidden());
        }

        // conclusion needs the findings, and happens once; afterwards no new problems
        postJson("dinghai", API + "/topics/" + topic + "/conclude", "{\"concludedOn\":\"2026-06-01\",\"findings\":\"\"}")
                .andExpect(status().isBadRequest());
        postJson("dinghai", API + "/topics/" + topic + "/conclude",
                "{\"concludedOn\":\"2026-06-01\",\"findings\":\"形成渡运保障报告\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONCLUDED"));
        postJson("dinghai", API + "/topics/" + topic + "/conclude",
                "{\"concludedOn\":\"2026-06-02\",\"findings\":\"再次\"}").andExpect(status().isConflict());
        postJson("dinghai", API + "/topics/" + topic + "/problems", "{\"description\":\"新问题\",\"foundOn\":\"2026-06-01\"}")
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from research_problem where topic_id = :id").param("id", topic)
                .query(Long.class).single()).isEqualTo(2);

        mvc.perform(get("/cadres/research/topics/" + topic).with(users.page("dinghai"))).andExpect(status().isOk());
        mvc.perform(get("/cadres/research/topics/" + topic).with(users.page("putuo"))).andExpect(status().isNotFound());
    }

    @Test
    void theSolvedShareRecountedByHand() throws Exception {
        var t = fx.township("破难");
        String admin = fx.account(Role.ADMIN, t.id());
        long leader = fx.person(t.unitId(), "领导丁", "县处级正职", null);
        long k1 = id(topic(admin, t.id(), leader, true, "重点一" + CadreFixture.RUN).andExpect(status().isOk()));
        long k2 = id(topic(admin, t.id(), leader, true, "重点二" + CadreFixture.RUN).andExpect(status().isOk()));
        long g = id(topic(admin, t.id(), leader, false, "一般三" + CadreFixture.RUN).andExpect(status().isOk()));
        long[] solvedOnes = {problem(admin, k1, "甲"), problem(admin, k1, "乙"), problem(admin, k2, "丙")};
        problem(admin, g, "丁");
        long late = problem(admin, g, "戊");
        for (long p : solvedOnes) {
            solve(admin, p, "2026-05-01").andExpect(status().isOk());
        }
        solve(admin, late, "2026-11-02").andExpect(status().isOk());

        // by hand, period 2026: 3 topics, 2 key, 5 problems, 4 solved → 80.0%
        mvc.perform(get(API + "/figures?from=2026-01-01&to=2026-12-31").with(api(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total.topics").value(3))
                .andExpect(jsonPath("$.total.keyTopics").value(2))
                .andExpect(jsonPath("$.total.problems").value(5))
                .andExpect(jsonPath("$.total.solved").value(4))
                .andExpect(jsonPath("$.total.solvedPct").value(80.0))
                .andExpect(jsonPath("$.byCounty[0].name").value("定海区"))
                .andExpect(jsonPath("$.sentence").value(Matchers.containsString(
                        "动态开展调研课题3个、重点课题2个，发现问题5个、破解4个，破难解题率达80.0%")));
        // a period ending before the late solution counts it unsolved: 3 / 5 = 60.0%
        mvc.perform(get(API + "/figures?from=2026-01-01&to=2026-10-31").with(api(admin)))
                .andExpect(jsonPath("$.total.solved").value(3)).andExpect(jsonPath("$.total.solvedPct").value(60.0));
        String page = mvc.perform(get("/cadres/research/figures?from=2026-01-01&to=2026-12-31").with(users.page(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("破难解题率达80.0%");
        mvc.perform(get("/cadres/research/figures.xlsx").with(users.page(admin))).andExpect(status().isOk());
    }
}
