package cn.zugong.cadre.leaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.cadre.young.YoungFixture;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.Role;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * 一把手 / 离任交接 / 揭榜出征 (issue 19 item 5) on a township of its own, the clock pinned at 2026-12-04: the
 * handover's illegal steps refused with the database unchanged, the claims within the capacity under concurrency,
 * eligibility from the roster's history, scope and roles, the figures recounted by hand.
 */
@IntegrationTest
class LeadersIT {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 4, 10, 0);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired TestClock clock;

    YoungFixture fx;

    @BeforeEach
    void pin() {
        clock.setTo(NOW);
        fx = new YoungFixture(jdbc, roster, accounts, org, tree);
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    long leader(long unit, String name, String post) {
        return fx.person(unit, name, LocalDate.of(1975, 1, 1), "研究生", "一级调研员", post, LocalDate.of(1997, 7, 1));
    }

    @Test
    void theHandoverRefusesEveryStepOutOfOrder() throws Exception {
        long[] t = fx.township("交接");
        long head = leader(t[1], "书记", "乡科级正职");
        long next = leader(t[1], "镇长", "乡科级副职");
        long clerk = fx.person(t[1], "科员", LocalDate.of(1990, 1, 1), "大学本科", "一级科员", null, LocalDate.of(2012, 7, 1));
        String a1 = fx.account(Role.ADMIN, t[0]);
        String a2 = fx.account(Role.REVIEWER, t[0]);
        postJson(a1, "/api/cadres/leaders/handovers", open(t[0], clerk, next)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("未担任领导职务")));
        postJson(a1, "/api/cadres/leaders/handovers", open(t[1], head, next)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("不是镇乡")));
        postJson(a1, "/api/cadres/leaders/handovers", open(t[0], head, head)).andExpect(status().isBadRequest());
        long id = id(postJson(a1, "/api/cadres/leaders/handovers", open(t[0], head, next)));
        postJson(a1, "/api/cadres/leaders/handovers", open(t[0], head, next)).andExpect(status().isConflict());
        List<Integer> items = JsonPath.parse(mvc.perform(get("/api/cadres/leaders/handovers/" + id)
                .with(TestUsers.api(a1))).andReturn().getResponse().getContentAsString()).read("$.items[*].id");
        assertThat(items).hasSize(6);
        // no signature and no completion before every item
        postJson(a1, "/api/cadres/leaders/handovers/" + id + "/sign", "{\"side\":\"LEAVING\"}")
                .andExpect(status().isConflict()).andExpect(content().string(Matchers.containsString("尚有6项未确认")));
        postJson(a1, "/api/cadres/leaders/handovers/" + id + "/complete", "{}").andExpect(status().isConflict());
        for (int item : items) {
            postJson(a1, "/api/cadres/leaders/handovers/" + id + "/items/" + item + "/confirm", "{\"note\":\"已移交\"}")
                    .andExpect(status().isOk());
        }
        postJson(a1, "/api/cadres/leaders/handovers/" + id + "/items/" + items.get(0) + "/confirm", "{}")
                .andExpect(status().isConflict());
        postJson(a1, "/api/cadres/leaders/handovers/" + id + "/sign", "{\"side\":\"LEAVING\"}").andExpect(status().isOk());
        postJson(a1, "/api/cadres/leaders/handovers/" + id + "/complete", "{}").andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("接任领导签字")));
        postJson(a1, "/api/cadres/leaders/handovers/" + id + "/sign", "{\"side\":\"LEAVING\"}").andExpect(status().isConflict());
        postJson(a1, "/api/cadres/leaders/handovers/" + id + "/sign", "{\"side\":\"RECEIVING\"}")
                .andExpect(status().isConflict()).andExpect(content().string(Matchers.containsString("不同账号")));
        assertThat(jdbc.sql("select receiving_signed_at from leader_handover where id = :id").param("id", id)
                .query(java.sql.Timestamp.class).optional()).isEmpty();
        postJson(a2, "/api/cadres/leaders/handovers/" + id + "/sign", "{\"side\":\"RECEIVING\"}").andExpect(status().isOk());
        postJson(a2, "/api/cadres/leaders/handovers/" + id + "/complete", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"));
        postJson(a2, "/api/cadres/leaders/handovers/" + id + "/complete", "{}").andExpect(status().isConflict());
        assertThat(jdbc.sql("select status from leader_handover where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("DONE");
        // another district: 404 and nothing changes; LEADER reads only
        mvc.perform(get("/api/cadres/leaders/handovers/" + id).with(TestUsers.api("putuo"))).andExpect(status().isNotFound());
        String viewer = fx.account(Role.LEADER, t[0]);
        mvc.perform(get("/api/cadres/leaders/handovers/" + id).with(TestUsers.api(viewer))).andExpect(status().isOk());
        postJson(viewer, "/api/cadres/leaders/handovers", open(t[0], next, head)).andExpect(status().isForbidden());
        mvc.perform(get("/cadres/leaders/handovers/" + id).with(users.page(a1))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已完成")));
    }

    @Test
    void claimsNeverPassTheCapacityAndOnlyFormerLeadersClaim() throws Exception {
        long[] t = fx.township("揭榜");
        String admin = fx.account(Role.ADMIN, t[0]);
        List<Long> formers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            formers.add(fx.former(t[1], "退" + i, "乡科级副职"));
        }
        long sitting = leader(t[1], "现任", "乡科级正职");
        long never = fx.person(t[1], "从未", LocalDate.of(1980, 1, 1), "大学本科", "二级主任科员", null, LocalDate.of(2002, 7, 1));
        long task = id(postJson(admin, "/api/cadres/leaders/tasks", "{\"title\":\"海塘加固攻坚\",\"capacity\":\"3\","
                + "\"startsOn\":\"2026-11-01\",\"endsOn\":\"2027-03-31\"}"));
        postJson(admin, "/api/cadres/leaders/tasks/" + task + "/claims", "{\"personId\":\"" + sitting + "\"}")
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("现任乡科级正职")));
        postJson(admin, "/api/cadres/leaders/tasks/" + task + "/claims", "{\"personId\":\"" + never + "\"}")
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("未曾担任领导职务")));
        // six former leaders at once on three places: exactly three claims
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (long p : formers) {
            answers.add(pool.submit(() -> {
                go.await();
                return postJson(admin, "/api/cadres/leaders/tasks/" + task + "/claims", "{\"personId\":\"" + p + "\"}")
                        .andReturn().getResponse().getStatus();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes.stream().filter(c -> c == 200).count()).isEqualTo(3);
        assertThat(codes.stream().filter(c -> c == 409).count()).isEqualTo(3);
        assertThat(jdbc.sql("select claimed from frontline_task where id = :t").param("t", task).query(Integer.class)
                .single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from frontline_claim where task_id = :t").param("t", task)
                .query(Integer.class).single()).isEqualTo(3);
        long claim = jdbc.sql("select min(id) from frontline_claim where task_id = :t").param("t", task)
                .query(Long.class).single();
        postJson(admin, "/api/cadres/leaders/claims/" + claim + "/progress", "{\"progress\":\"完成一期\"}")
                .andExpect(status().isOk());
        postJson(admin, "/api/cadres/leaders/claims/" + claim + "/finish", "{}").andExpect(status().isBadRequest());
        postJson(admin, "/api/cadres/leaders/claims/" + claim + "/finish", "{\"result\":\"海塘按期合龙\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"));
        postJson(admin, "/api/cadres/leaders/claims/" + claim + "/progress", "{\"progress\":\"再报\"}")
                .andExpect(status().isConflict());
        postJson(admin, "/api/cadres/leaders/tasks/" + task + "/close", "{}").andExpect(status().isOk());
        postJson(admin, "/api/cadres/leaders/tasks/" + task + "/close", "{}").andExpect(status().isConflict());
        mvc.perform(get("/api/cadres/leaders/tasks/" + task).with(TestUsers.api("putuo"))).andExpect(status().isNotFound());
        postJson("putuo", "/api/cadres/leaders/claims/" + claim + "/progress", "{\"progress\":\"越权\"}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/cadres/leaders/tasks/" + task).with(users.page(admin))).andExpect(status().isOk());
    }

    /**
     * By hand, 2026, in the township: notes 2 on the 书记 (1 leader), a note on a 副职 refused; 1 handover done
     * (1 leader, 1 township, 1 county); 1 task of 5 places with 2 former leaders claiming → 2 claimants.
     */
    @Test
    void theFiguresByHand() throws Exception {
        long[] t = fx.township("统计");
        long head = leader(t[1], "书记", "乡科级正职");
        long deputy = leader(t[1], "副书记", "乡科级副职");
        String a1 = fx.account(Role.ADMIN, t[0]);
        String a2 = fx.account(Role.ADMIN, t[0]);
        for (String d : new String[] {"2026-03-01", "2026-09-01"}) {
            postJson(a1, "/api/cadres/leaders/people/" + head + "/notes", "{\"notedOn\":\"" + d
                    + "\",\"kind\":\"DUTY\",\"content\":\"抓项目落地\"}").andExpect(status().isOk());
        }
        postJson(a1, "/api/cadres/leaders/people/" + deputy + "/notes", "{\"notedOn\":\"2026-03-01\",\"kind\":\"DUTY\","
                + "\"content\":\"x\"}").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("不是“一把手”")));
        long h = id(postJson(a1, "/api/cadres/leaders/handovers", open(t[0], head, deputy)));
        List<Integer> items = JsonPath.parse(mvc.perform(get("/api/cadres/leaders/handovers/" + h)
                .with(TestUsers.api(a1))).andReturn().getResponse().getContentAsString()).read("$.items[*].id");
        for (int item : items) {
            postJson(a1, "/api/cadres/leaders/handovers/" + h + "/items/" + item + "/confirm", "{}").andExpect(status().isOk());
        }
        postJson(a1, "/api/cadres/leaders/handovers/" + h + "/sign", "{\"side\":\"LEAVING\"}").andExpect(status().isOk());
        postJson(a2, "/api/cadres/leaders/handovers/" + h + "/sign", "{\"side\":\"RECEIVING\"}").andExpect(status().isOk());
        postJson(a2, "/api/cadres/leaders/handovers/" + h + "/complete", "{}").andExpect(status().isOk());
        long task = id(postJson(a1, "/api/cadres/leaders/tasks", "{\"title\":\"招商攻坚\",\"capacity\":\"5\","
                + "\"startsOn\":\"2026-10-01\",\"endsOn\":\"2026-12-31\"}"));
        for (int i = 0; i < 2; i++) {
            long p = fx.former(t[1], "出征" + i, "乡科级正职");
            postJson(a1, "/api/cadres/leaders/tasks/" + task + "/claims", "{\"personId\":\"" + p + "\"}")
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/cadres/leaders/figures?year=2026").with(TestUsers.api(a1))).andExpect(status().isOk())
                .andExpect(jsonPath("$.notes").value(2)).andExpect(jsonPath("$.leadersTracked").value(1))
                .andExpect(jsonPath("$.handoverLeaders").value(1)).andExpect(jsonPath("$.handoverTownships").value(1))
                .andExpect(jsonPath("$.handoverCounties").value(1)).andExpect(jsonPath("$.tasks").value(1))
                .andExpect(jsonPath("$.places").value(5)).andExpect(jsonPath("$.claimants").value(2))
                .andExpect(jsonPath("$.byCounty[0].name").value("定海区"));
        mvc.perform(get("/api/cadres/leaders/figures?year=2025").with(TestUsers.api(a1)))
                .andExpect(jsonPath("$.notes").value(0)).andExpect(jsonPath("$.claimants").value(0));
        mvc.perform(get("/cadres/leaders/figures?year=2026").with(users.page(a1))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1个区（县、市）1个镇乡（街道）1名领导完成离任交接")));
        for (String page : new String[] {"/cadres/leaders", "/cadres/leaders/people/" + head, "/cadres/leaders/handovers",
                "/cadres/leaders/handovers?township=" + t[0], "/cadres/leaders/tasks"}) {
            mvc.perform(get(page).with(users.page(a1))).andExpect(status().isOk());
        }
        for (String who : new String[] {"cadre", "talent", "dangyuan"}) {
            mvc.perform(get("/api/cadres/leaders/figures").with(TestUsers.api(who))).andExpect(status().isForbidden());
        }
    }

    static String open(long township, long leaving, long receiving) {
        return "{\"townshipId\":\"" + township + "\",\"leavingId\":\"" + leaving + "\",\"receivingId\":\"" + receiving
                + "\",\"leavesOn\":\"2026-11-30\"}";
    }

    long id(ResultActions r) throws Exception {
        return JsonPath.parse(r.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .read("$.id", Long.class);
    }

    ResultActions postJson(String who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(TestUsers.api(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
