package cn.zugong.cadre.young;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.cadre.YoungCadreFigures;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.Role;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * 年轻干部 (issue 19 item 4) on hand-made people of a township of its own, the clock pinned at 2026-12-04: the entry
 * rule (乡科级: ≤ 35, 大学本科, 四级主任科员, 3 years) as the SQL list and at 预审; every illegal step refused with the
 * database unchanged; scope (another district's ADMIN: 404) and roles; the figures recounted by hand.
 */
@IntegrationTest
class YoungCadreIT {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 4, 10, 0);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired TestClock clock;
    @Autowired YoungCadreFigures figures;

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

    long ok(long unit, String name) {
        return fx.person(unit, name, LocalDate.of(1995, 3, 1), "大学本科", "四级主任科员", null, LocalDate.of(2018, 8, 1));
    }

    @Test
    void theEntryRuleAsSqlAndAtTheReview() throws Exception {
        long[] t = fx.township("入库");
        long unit = t[1];
        long good = ok(unit, "合格");
        long edge = fx.person(unit, "刚满", LocalDate.of(1990, 12, 5), "研究生", "三级主任科员", null, LocalDate.of(2015, 7, 1));
        long old = fx.person(unit, "超龄", LocalDate.of(1990, 12, 4), "大学本科", "三级主任科员", null, LocalDate.of(2015, 7, 1));
        long lowEdu = fx.person(unit, "专科", LocalDate.of(1995, 3, 1), "大学专科", "四级主任科员", null, LocalDate.of(2018, 8, 1));
        long lowRank = fx.person(unit, "科员", LocalDate.of(1995, 3, 1), "大学本科", "一级科员", null, LocalDate.of(2018, 8, 1));
        long fresh = fx.person(unit, "新人", LocalDate.of(1999, 3, 1), "大学本科", "四级主任科员", null, LocalDate.of(2024, 8, 1));
        String admin = fx.account(Role.ADMIN, t[0]);

        // the SQL list: exactly the two who meet every condition (35 on the day counts, 36 does not)
        mvc.perform(get("/api/cadres/young/qualifying?level=TOWNSHIP").with(TestUsers.api(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[*].id", Matchers.containsInAnyOrder((int) good, (int) edge)));

        // 预审: a pass refused for each failing condition, named; the entry stays in REVIEW
        long first = 0;
        for (long[] p : new long[][] {{old, 0}, {lowEdu, 1}, {lowRank, 2}, {fresh, 3}}) {
            long id = propose(admin, p[0], "TOWNSHIP", null);
            first = first == 0 ? id : first;
            String why = new String[] {"年龄36岁", "学历大学专科", "职级一级科员", "工作年限不足3年"}[(int) p[1]];
            postJson(admin, "/api/cadres/young/" + id + "/review", "{\"result\":\"PASS\",\"reason\":\"同意\"}")
                    .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString(why)));
            assertThat(fx.status(id)).isEqualTo("REVIEW");
        }
        long id = propose(admin, good, "TOWNSHIP", null);
        postJson(admin, "/api/cadres/young/" + id + "/review", "{\"result\":\"PASS\"}").andExpect(status().isBadRequest());
        postJson(admin, "/api/cadres/young/" + id + "/review", "{\"result\":\"PASS\",\"reason\":\"经预审符合条件\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_POOL"))
                .andExpect(jsonPath("$.enteredOn").value("2026-12-04"));
        postJson(admin, "/api/cadres/young/" + id + "/review", "{\"result\":\"FAIL\",\"reason\":\"再审\"}")
                .andExpect(status().isConflict());
        postJson(admin, "/api/cadres/young", "{\"personId\":\"" + good + "\",\"level\":\"TOWNSHIP\"}")
                .andExpect(status().isConflict());
        // a FAIL needs only the reason; the person may be proposed again afterwards
        postJson(admin, "/api/cadres/young/" + first + "/review", "{\"result\":\"FAIL\",\"reason\":\"超龄\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFUSED"));
        assertThat(propose(admin, old, "COUNTY", null)).isPositive();
    }

    @Test
    void theWorkflowRefusesIllegalSteps() throws Exception {
        long[] t = fx.township("流程");
        long young = ok(t[1], "培养");
        long noPost = ok(t[1], "无职");
        long head = fx.person(t[1], "书记", LocalDate.of(1975, 1, 1), "研究生", "一级调研员", "乡科级正职", LocalDate.of(1997, 7, 1));
        String admin = fx.account(Role.ADMIN, t[0]);
        long id = propose(admin, young, "TOWNSHIP", null);
        // nothing before 预审
        postJson(admin, "/api/cadres/young/" + id + "/postings", posting("TRIAL", "2026-01-01", "2026-06-30"))
                .andExpect(status().isConflict());
        postJson(admin, "/api/cadres/young/" + id + "/exit", "{\"reason\":\"x\"}").andExpect(status().isConflict());
        postJson(admin, "/api/cadres/young/" + id + "/review", "{\"result\":\"PASS\",\"reason\":\"符合\"}")
                .andExpect(status().isOk());
        // 导师: a leader only; notes only with a mentor
        postJson(admin, "/api/cadres/young/" + id + "/notes", "{\"metOn\":\"2026-11-01\",\"content\":\"谈心\"}")
                .andExpect(status().isConflict()).andExpect(content().string(Matchers.containsString("尚未配备导师")));
        postJson(admin, "/api/cadres/young/" + id + "/mentor", "{\"mentorId\":\"" + noPost + "\"}")
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("未担任领导职务")));
        postJson(admin, "/api/cadres/young/" + id + "/mentor", "{\"mentorId\":\"" + head + "\"}").andExpect(status().isOk());
        postJson(admin, "/api/cadres/young/" + id + "/notes", "{\"metOn\":\"2026-11-01\",\"content\":\"谈心谈话\"}")
                .andExpect(status().isOk());
        // postings: a period the right way round, one at a time, ended only with the assessment
        postJson(admin, "/api/cadres/young/" + id + "/postings", posting("TRIAL", "2026-06-30", "2026-01-01"))
                .andExpect(status().isBadRequest());
        long p = JsonPath.parse(postJson(admin, "/api/cadres/young/" + id + "/postings",
                posting("TRIAL", "2026-01-01", "2026-06-30")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).read("$.id", Long.class);
        postJson(admin, "/api/cadres/young/" + id + "/postings", posting("ATTACHED", "2026-07-01", "2026-12-31"))
                .andExpect(status().isConflict());
        postJson(admin, "/api/cadres/young/" + id + "/exit", "{\"reason\":\"比选靠后\"}").andExpect(status().isConflict());
        postJson(admin, "/api/cadres/young/postings/" + p + "/end", "{\"grade\":\"优秀\"}")
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("考核")));
        assertThat(jdbc.sql("select status from young_posting where id = :p").param("p", p).query(String.class).single())
                .isEqualTo("OPEN");
        postJson(admin, "/api/cadres/young/postings/" + p + "/end", "{\"grade\":\"优秀\",\"comment\":\"敢于担当\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ENDED"));
        postJson(admin, "/api/cadres/young/postings/" + p + "/end", "{\"grade\":\"一般\",\"comment\":\"再评\"}")
                .andExpect(status().isConflict());
        // the database refuses an ended posting without its assessment too
        assertThatThrownBy(() -> jdbc.sql("update young_posting set grade = null where id = :p").param("p", p).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        postJson(admin, "/api/cadres/young/" + id + "/exit", "{}").andExpect(status().isBadRequest());
        postJson(admin, "/api/cadres/young/" + id + "/exit", "{\"reason\":\"比选排名靠后\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXITED"));
        assertThat(fx.status(id)).isEqualTo("EXITED");
        postJson(admin, "/api/cadres/young/" + id + "/exit", "{\"reason\":\"再退\"}").andExpect(status().isConflict());
    }

    @Test
    void scopeAndRoles() throws Exception {
        long[] t = fx.township("范围");
        long id = propose(fx.account(Role.ADMIN, t[0]), ok(t[1], "范围"), "TOWNSHIP", null);
        // another district's ADMIN: 404 on read and write, nothing changes
        mvc.perform(get("/api/cadres/young/" + id).with(TestUsers.api("putuo"))).andExpect(status().isNotFound());
        postJson("putuo", "/api/cadres/young/" + id + "/review", "{\"result\":\"FAIL\",\"reason\":\"越权\"}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/cadres/young/" + id).with(users.page("putuo"))).andExpect(status().isNotFound());
        assertThat(fx.status(id)).isEqualTo("REVIEW");
        // LEADER and REPORTER of the scope read only; 干部监督 reads; CADRE and TALENT never
        for (Role r : new Role[] {Role.LEADER, Role.REPORTER}) {
            String who = fx.account(r, t[0]);
            mvc.perform(get("/api/cadres/young/" + id).with(TestUsers.api(who))).andExpect(status().isOk());
            postJson(who, "/api/cadres/young/" + id + "/review", "{\"result\":\"FAIL\",\"reason\":\"x\"}")
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/cadres/young/" + id).with(TestUsers.api("jiandu"))).andExpect(status().isOk());
        postJson("jiandu", "/api/cadres/young/" + id + "/review", "{\"result\":\"FAIL\",\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
        for (String who : new String[] {"cadre", "talent", "dangyuan"}) {
            mvc.perform(get("/api/cadres/young/" + id).with(TestUsers.api(who))).andExpect(status().isForbidden());
        }
        assertThat(fx.status(id)).isEqualTo("REVIEW");
        mvc.perform(get("/cadres/young/" + id).with(users.page("leader"))).andExpect(status().isOk());
    }

    /**
     * By hand, 2026: a (in, a 试岗 ended 2026-11-30 优秀, promoted 2026-12-04), b (in, exited 2026-12-04), c (选调生
     * 2024, an 实挂 open over the year's end), d (refused at 预审, not counted) → in pool 2 (a, c), posted 2 (a, c),
     * promoted 1, exited 1; cohort 2024: in 1, posted 1. The ranking: a 100 (优秀), c 0.
     */
    @Test
    void theFiguresByHand() throws Exception {
        long[] t = fx.township("统计");
        String admin = fx.account(Role.ADMIN, t[0]);
        long pa = ok(t[1], "甲");
        long a = enter(admin, pa, null);
        long b = enter(admin, ok(t[1], "乙"), null);
        long c = enter(admin, ok(t[1], "丙"), 2024);
        long d = propose(admin, ok(t[1], "丁"), "TOWNSHIP", null);
        postJson(admin, "/api/cadres/young/" + d + "/review", "{\"result\":\"FAIL\",\"reason\":\"不同意\"}")
                .andExpect(status().isOk());
        long pA = JsonPath.parse(postJson(admin, "/api/cadres/young/" + a + "/postings", posting("TRIAL", "2026-06-01",
                "2026-11-30")).andReturn().getResponse().getContentAsString()).read("$.id", Long.class);
        postJson(admin, "/api/cadres/young/postings/" + pA + "/end", "{\"grade\":\"优秀\",\"comment\":\"好\"}")
                .andExpect(status().isOk());
        postJson(admin, "/api/cadres/young/" + c + "/postings", posting("ATTACHED", "2026-12-01", "2027-05-31"))
                .andExpect(status().isOk());
        postJson(admin, "/api/cadres/young/" + b + "/exit", "{\"reason\":\"比选淘汰\"}").andExpect(status().isOk());
        jdbc.sql("insert into cadre_appointment (person_id, unit_id, kind, status, effective_on, created_at, created_by) "
                        + "values (:p, :u, 'PROMOTION', 'DONE', date '2026-12-04', timestamp '2026-12-04 10:00:00', 't')")
                .param("p", pa).param("u", t[1]).update();
        String url = "/api/cadres/young/figures?year=2026";
        mvc.perform(get(url).with(TestUsers.api(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total.inPool").value(2)).andExpect(jsonPath("$.total.posted").value(2))
                .andExpect(jsonPath("$.total.promoted").value(1)).andExpect(jsonPath("$.total.exited").value(1))
                .andExpect(jsonPath("$.byCounty[0].name").value("定海区"))
                .andExpect(jsonPath("$.byCohort.length()").value(1))
                .andExpect(jsonPath("$.byCohort[0].inPool").value(1)).andExpect(jsonPath("$.byCohort[0].posted").value(1));
        // 2025: nobody had entered yet
        mvc.perform(get("/api/cadres/young/figures?year=2025").with(TestUsers.api(admin)))
                .andExpect(jsonPath("$.total.inPool").value(0));
        postJson(admin, "/api/cadres/young/ranking", "{\"year\":\"2026\"}").andExpect(jsonPath("$.ranked").value(2));
        mvc.perform(get("/api/cadres/young/ranking?year=2026").with(TestUsers.api(admin)))
                .andExpect(jsonPath("$[0].cadreId").value(a)).andExpect(jsonPath("$[0].score").value(100.0))
                .andExpect(jsonPath("$[1].cadreId").value(c)).andExpect(jsonPath("$[1].score").value(0.0));
        mvc.perform(get("/cadres/young/figures?year=2026").with(users.page(admin))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("选派2名优秀年轻干部")));
        mvc.perform(get("/api/cadres/young/cohorts").with(TestUsers.api(admin)))
                .andExpect(jsonPath("$[0].cohort").value(2024)).andExpect(jsonPath("$[0].openPostings").value(1));
        // the pages render
        for (String page : new String[] {"/cadres/young", "/cadres/young/" + a, "/cadres/young/cohorts",
                "/cadres/young/qualifying?level=COUNTY", "/cadres/young?q=" + YoungFixture.RUN}) {
            mvc.perform(get(page).with(users.page(admin))).andExpect(status().isOk());
        }
    }

    long enter(String admin, long person, Integer cohort) throws Exception {
        long id = propose(admin, person, "TOWNSHIP", cohort);
        postJson(admin, "/api/cadres/young/" + id + "/review", "{\"result\":\"PASS\",\"reason\":\"符合\"}")
                .andExpect(status().isOk());
        return id;
    }

    long propose(String who, long person, String level, Integer cohort) throws Exception {
        String body = "{\"personId\":\"" + person + "\",\"level\":\"" + level + "\""
                + (cohort == null ? "" : ",\"cohort\":\"" + cohort + "\"") + "}";
        return JsonPath.parse(postJson(who, "/api/cadres/young", body).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).read("$.id", Long.class);
    }

    static String posting(String kind, String from, String to) {
        return "{\"kind\":\"" + kind + "\",\"hostUnit\":\"重点项目指挥部\",\"post\":\"副指挥\",\"startsOn\":\"" + from
                + "\",\"endsOn\":\"" + to + "\"}";
    }

    ResultActions postJson(String who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(TestUsers.api(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
