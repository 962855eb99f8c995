package cn.zugong.cadre.training;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.IndicatorResult;
import cn.zugong.indicator.PackId;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.Role;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 干部培训 over HTTP and the database (ADR 079): a class's enrolment within its capacity, attendance of enrolled
 * people only, the imports all or nothing with every problem listed, the roster's yearly hours written with history
 * and seen by the health check's training indicators, scope (another district: 404, nothing changed) and roles.
 */
@IntegrationTest
class TrainingIT {

    static final String API = "/api/cadres/training";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired Evaluations evaluations;

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

    long newClass(String who, long nodeId, String kind, String name, int capacity) throws Exception {
        return id(postJson(who, API + "/classes", "{\"nodeId\":\"" + nodeId + "\",\"kind\":\"" + kind + "\",\"name\":\""
                + name + "\",\"startsOn\":\"2026-06-01\",\"endsOn\":\"2026-06-30\",\"plannedHours\":\"96\","
                + "\"capacity\":\"" + capacity + "\"}").andExpect(status().isOk()));
    }

    long newSession(String who, long classId, String day, String hours) throws Exception {
        return id(postJson(who, API + "/classes/" + classId + "/sessions", "{\"heldOn\":\"" + day
                + "\",\"title\":\"专题课\",\"hours\":\"" + hours + "\"}").andExpect(status().isOk()));
    }

    ResultActions enrol(String who, long classId, long person) throws Exception {
        return postJson(who, API + "/classes/" + classId + "/enrolments", "{\"personId\":\"" + person + "\"}");
    }

    ResultActions attend(String who, long session, long person, String status) throws Exception {
        return postJson(who, API + "/sessions/" + session + "/attendance", "{\"personId\":\"" + person
                + "\",\"status\":\"" + status + "\"}");
    }

    long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    // ------------------------------------------------------------------ workflow

    @Test
    void enrolmentWithinTheCapacityAndAttendanceOfEnrolledPeopleOnly() throws Exception {
        var t = fx.township("培训甲");
        long a = fx.person(t.unitId(), "学员甲", null, null);
        long b = fx.person(t.unitId(), "学员乙", null, null);
        long c = fx.person(t.unitId(), "学员丙", null, null);
        long c1 = newClass("dinghai", t.id(), "MAIN", "中青班" + CadreFixture.RUN, 2);
        long s1 = newSession("dinghai", c1, "2026-06-02", "8");

        enrol("dinghai", c1, a).andExpect(status().isOk()).andExpect(jsonPath("$.personId").value(a));
        enrol("dinghai", c1, a).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("不能重复报名")));
        enrol("dinghai", c1, b).andExpect(status().isOk());
        enrol("dinghai", c1, c).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("容量 2 人")));
        assertThat(count("select count(*) from training_enrolment where class_id = :id", c1)).isEqualTo(2);

        // a person of another district is unknown to the class (404) and not enrolled
        long elsewhere = jdbc.sql("select min(p.id) from person p join org_node u on u.id = p.unit_id "
                + "where u.path like '%/330903/%'").query(Long.class).single();
        long c2 = newClass("dinghai", t.id(), "SEMINAR", "研讨班" + CadreFixture.RUN, 10);
        enrol("dinghai", c2, elsewhere).andExpect(status().isNotFound());
        assertThat(count("select count(*) from training_enrolment where class_id = :id", c2)).isZero();

        // attendance for a person not enrolled: refused, nothing written
        attend("dinghai", s1, c, "PRESENT").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("未报名")));
        assertThat(count("select count(*) from training_attendance where session_id = :id", s1)).isZero();
        attend("dinghai", s1, a, "出勤").andExpect(status().isOk());
        attend("dinghai", s1, b, "请假").andExpect(status().isOk());
        attend("dinghai", s1, b, "迟到").andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select status from training_attendance where session_id = :id order by enrolment_id")
                .param("id", s1).query(String.class).list()).containsExactly("PRESENT", "LEAVE");
        assertThat(jdbc.sql("select attended_hours from training_enrolment where class_id = :c and person_id = :p")
                .param("c", c1).param("p", a).query(BigDecimal.class).single()).isEqualByComparingTo("8");

        // a session outside the period, a session of an online course: refused
        postJson("dinghai", API + "/classes/" + c1 + "/sessions", "{\"heldOn\":\"2026-07-02\",\"title\":\"x\","
                + "\"hours\":\"4\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("不在班次的办班期间")));
        long online = newClass("dinghai", t.id(), "ONLINE", "网络课程" + CadreFixture.RUN, 10);
        postJson("dinghai", API + "/classes/" + online + "/sessions", "{\"heldOn\":\"2026-06-02\",\"title\":\"x\","
                + "\"hours\":\"4\"}").andExpect(status().isBadRequest());
        assertThat(count("select count(*) from training_session where class_id = :id", online)).isZero();

        // scope: 普陀区's ADMIN does not see the class (404) and cannot change it
        mvc.perform(get(API + "/classes/" + c1).with(api("putuo"))).andExpect(status().isNotFound());
        enrol("putuo", c1, c).andExpect(status().isNotFound());
        attend("putuo", s1, b, "PRESENT").andExpect(status().isNotFound());
        assertThat(jdbc.sql("select status from training_attendance where session_id = :id order by enrolment_id")
                .param("id", s1).query(String.class).list()).containsExactly("PRESENT", "LEAVE");

        // roles: LEADER and REPORTER read, do not write; CADRE, TALENT, PARTY_MEMBER are refused
        mvc.perform(get(API + "/classes/" + c1).with(api("leader"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.enrolments.length()").value(2));
        enrol("leader", c2, a).andExpect(status().isForbidden());
        String reporter = fx.account(Role.REPORTER, t.id());
        mvc.perform(get(API + "/classes/" + c1).with(api(reporter))).andExpect(status().isOk());
        enrol(reporter, c2, a).andExpect(status().isForbidden());
        assertThat(count("select count(*) from training_enrolment where class_id = :id", c2)).isZero();
        for (String who : List.of("cadre", "talent", "dangyuan")) {
            mvc.perform(get(API + "/classes/" + c1).with(api(who))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/cadres/training/classes/" + c1).with(users.page("dinghai"))).andExpect(status().isOk());
        mvc.perform(get("/cadres/training/classes/" + c1).with(users.page("putuo"))).andExpect(status().isNotFound());
    }

    // ------------------------------------------------------------------ the roster and the health check

    @Test
    void attendanceWritesTheYearsHoursToTheRosterWithHistoryAndTheHealthCheckSeesThem() throws Exception {
        var t = fx.township("学时");
        long p = fx.person(t.unitId(), "学时甲", null, new BigDecimal("50"));
        long c1 = newClass("dinghai", t.id(), "MAIN", "学时班" + CadreFixture.RUN, 5);
        long[] sessions = {newSession("dinghai", c1, "2026-06-01", "24"), newSession("dinghai", c1, "2026-06-02", "24"),
                newSession("dinghai", c1, "2026-06-03", "24"), newSession("dinghai", c1, "2026-06-04", "24")};
        enrol("dinghai", c1, p).andExpect(status().isOk());

        var scope = tree.byId(t.id()).orElseThrow().asScope();
        PackId pack = new PackId("healthcheck", 1);
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        Evaluation before = evaluations.evaluate(asOf, pack, scope, "tester");
        assertThat(result(before, t.unitId(), "C0103").value()).isEqualByComparingTo("50");
        assertThat(result(before, t.unitId(), "C0101").value()).isEqualByComparingTo("0");

        for (long s : sessions) {
            attend("dinghai", s, p, "PRESENT").andExpect(status().isOk());
        }
        attend("dinghai", sessions[3], p, "ABSENT").andExpect(status().isOk());
        attend("dinghai", sessions[3], p, "PRESENT").andExpect(status().isOk());

        // the roster: 96 now, 50 before 06-01, the steps in between kept as history
        assertThat(rosterHours(p, LocalDate.of(2026, 12, 1))).isEqualByComparingTo("96");
        assertThat(rosterHours(p, LocalDate.of(2026, 5, 31))).isEqualByComparingTo("50");
        assertThat(rosterHours(p, LocalDate.of(2026, 6, 1))).isEqualByComparingTo("24");
        assertThat(count("select count(*) from person_training where person_id = :id and fact_year = 2026 "
                + "and superseded_at < timestamp '9999-12-31 00:00:00'", p)).isPositive();

        Evaluation after = evaluations.evaluate(asOf, pack, scope, "tester");
        assertThat(result(after, t.unitId(), "C0103").value()).isEqualByComparingTo("96");
        assertThat(result(after, t.unitId(), "C0101").value()).isEqualByComparingTo("100");
        // as of a day before the class, the roster's own 50 hours
        Evaluation may = evaluations.evaluate(LocalDate.of(2026, 5, 1), pack, scope, "tester");
        assertThat(result(may, t.unitId(), "C0103").value()).isEqualByComparingTo("50");
    }

    /** The person's 2026 training hours on the roster valid on the day, as known now. */
    BigDecimal rosterHours(long person, LocalDate day) {
        return jdbc.sql("select hours from person_training where person_id = :p and fact_year = 2026 "
                        + "and superseded_at = timestamp '9999-12-31 00:00:00' and valid_from <= :d and valid_to > :d")
                .param("p", person).param("d", day).query(BigDecimal.class).single();
    }

    private IndicatorResult result(Evaluation e, long node, String code) {
        return evaluations.results(e.id(), node, tree.byId(node).orElseThrow().asScope()).stream()
                .filter(r -> r.indicatorCode().equals(code)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ imports

    @Test
    void importsAreAllOrNothingWithEveryProblemListed() throws Exception {
        var t = fx.township("导入");
        long a = fx.person(t.unitId(), "导入甲", null, null);
        long b = fx.person(t.unitId(), "导入乙", null, null);
        long c = fx.person(t.unitId(), "导入丙", null, null);
        long c1 = newClass("dinghai", t.id(), "MAIN", "导入班" + CadreFixture.RUN, 2);
        newSession("dinghai", c1, "2026-06-05", "6");
        String nameA = name(a);
        String nameB = name(b);
        String nameC = name(c);

        // four rows for a capacity of two, one with a wrong name, one repeated
        byte[] bad = sheet(new String[] {"人员编号", "姓名"}, new String[][] {{"" + a, nameA}, {"" + b, "别人"},
                {"" + a, nameA}, {"" + c, nameC}, {"99999999", "无名"}});
        mvc.perform(multipart(API + "/classes/" + c1 + "/enrolments/import").file(file("报名.xlsx", bad))
                        .with(api("dinghai")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0]").value(Matchers.containsString("报名.xlsx 第 3 行 B 列（姓名）")))
                .andExpect(jsonPath("$.errors[1]").value(Matchers.containsString("第 4 行 A 列（人员编号）：与第 2 行是同一人员")))
                .andExpect(jsonPath("$.errors[2]").value(Matchers.containsString("第 6 行 A 列")));
        assertThat(count("select count(*) from training_enrolment where class_id = :id", c1)).isZero();

        byte[] tooMany = sheet(new String[] {"人员编号", "姓名"}, new String[][] {{"" + a, nameA}, {"" + b, nameB},
                {"" + c, nameC}});
        mvc.perform(multipart(API + "/classes/" + c1 + "/enrolments/import").file(file("报名.xlsx", tooMany))
                        .with(api("dinghai")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value(Matchers.containsString("第 4 行 A 列（人员编号）：超过班次容量")));
        assertThat(count("select count(*) from training_enrolment where class_id = :id", c1)).isZero();

        byte[] good = sheet(new String[] {"人员编号", "姓名"}, new String[][] {{"" + a, nameA}, {"" + b, nameB}});
        mvc.perform(multipart(API + "/classes/" + c1 + "/enrolments/import").file(file("报名.xlsx", good))
                .with(api("dinghai"))).andExpect(status().isOk()).andExpect(jsonPath("$.written").value(2));

        // attendance: c is not enrolled, a bad status, a day without a session; nothing written
        byte[] badMarks = sheet(new String[] {"人员编号", "姓名", "上课日期", "考勤"}, new String[][] {
                {"" + a, nameA, "2026-06-05", "出勤"}, {"" + c, nameC, "2026-06-05", "出勤"},
                {"" + b, nameB, "2026-06-05", "迟到"}, {"" + b, nameB, "2026-06-06", "出勤"}});
        mvc.perform(multipart(API + "/classes/" + c1 + "/attendance/import").file(file("考勤.xlsx", badMarks))
                        .with(api("dinghai")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0]").value(Matchers.containsString("第 3 行 A 列（人员编号）：" + nameC + " 未报名本班次")))
                .andExpect(jsonPath("$.errors[1]").value(Matchers.containsString("第 4 行 D 列（考勤）")))
                .andExpect(jsonPath("$.errors[2]").value(Matchers.containsString("第 5 行 C 列（上课日期）：本班次在 2026-06-06 没有课次")));
        assertThat(count("select count(*) from training_attendance a join training_enrolment e on e.id = a.enrolment_id "
                + "where e.class_id = :id", c1)).isZero();

        byte[] marks = sheet(new String[] {"人员编号", "姓名", "上课日期", "考勤"}, new String[][] {
                {"" + a, nameA, "2026-06-05", "出勤"}, {"" + b, nameB, "2026-06-05", "缺勤"}});
        mvc.perform(multipart(API + "/classes/" + c1 + "/attendance/import").file(file("考勤.xlsx", marks))
                .with(api("dinghai"))).andExpect(status().isOk()).andExpect(jsonPath("$.written").value(2));
        assertThat(rosterHours(a, LocalDate.of(2026, 12, 1))).isEqualByComparingTo("6");

        // the page's upload of a bad file answers 400 with the class page listing every problem
        String html = mvc.perform(multipart("/cadres/training/classes/" + c1 + "/attendance/import")
                        .file(file("考勤.xlsx", badMarks)).with(users.page("dinghai")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"problems\"").contains("未报名本班次");
    }

    private String name(long person) {
        return jdbc.sql("select name from person where id = :id").param("id", person).query(String.class).single();
    }

    static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
    }

    static byte[] sheet(String[] headers, String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var s = wb.createSheet("表");
            var h = s.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                var row = s.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    // ------------------------------------------------------------------ figures

    @Test
    void figuresRecountedByHand() throws Exception {
        var t = fx.township("统计");
        String admin = fx.account(Role.ADMIN, t.id());
        long a = fx.person(t.unitId(), "统计甲", null, null);
        long b = fx.person(t.unitId(), "统计乙", null, null);
        long main = newClass(admin, t.id(), "MAIN", "主体班" + CadreFixture.RUN, 10);
        long s1 = newSession(admin, main, "2026-06-10", "8");
        long s2 = newSession(admin, main, "2026-06-11", "4");
        enrol(admin, main, a).andExpect(status().isOk());
        enrol(admin, main, b).andExpect(status().isOk());
        attend(admin, s1, a, "PRESENT").andExpect(status().isOk());
        attend(admin, s2, a, "PRESENT").andExpect(status().isOk());
        attend(admin, s1, b, "ABSENT").andExpect(status().isOk());
        attend(admin, s2, b, "LEAVE").andExpect(status().isOk());
        long online = newClass(admin, t.id(), "ONLINE", "网课" + CadreFixture.RUN, 10);
        enrol(admin, online, b).andExpect(status().isOk());
        long enrolment = jdbc.sql("select id from training_enrolment where class_id = :c").param("c", online)
                .query(Long.class).single();
        postJson(admin, API + "/enrolments/" + enrolment + "/completion", "{\"hours\":\"97\",\"completedOn\":\"2026-06-20\"}")
                .andExpect(status().isBadRequest());
        postJson(admin, API + "/enrolments/" + enrolment + "/completion", "{\"hours\":\"10\",\"completedOn\":\"2026-06-20\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.hoursEarned").value(10.0));

        // by hand: 2 classes, 3 人次, 4 marks of which 2 attended (50.0%), 8 + 4 + 10 = 22 hours
        mvc.perform(get(API + "/figures?from=2026-01-01&to=2026-12-31").with(api(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total.classes").value(2))
                .andExpect(jsonPath("$.total.enrolments").value(3))
                .andExpect(jsonPath("$.total.marked").value(4))
                .andExpect(jsonPath("$.total.attended").value(2))
                .andExpect(jsonPath("$.total.ratePct").value(50.0))
                .andExpect(jsonPath("$.total.hours").value(22.0))
                .andExpect(jsonPath("$.byKind[0].name").value("主体班次"))
                .andExpect(jsonPath("$.byKind[0].hours").value(12.0))
                .andExpect(jsonPath("$.byKind[2].name").value("网络课程"))
                .andExpect(jsonPath("$.byKind[2].enrolments").value(1))
                .andExpect(jsonPath("$.byCounty[0].name").value("定海区"))
                .andExpect(jsonPath("$.byYear[0].name").value("2026年"))
                .andExpect(jsonPath("$.sentence").value(Matchers.containsString("各级各类干部3人次参训")));
        // another period holds none of it
        mvc.perform(get(API + "/figures?from=2025-01-01&to=2025-12-31").with(api(admin)))
                .andExpect(jsonPath("$.total.enrolments").value(0));
        // the roster: a's 12 hours, b's 10 (online) — b's absence and leave earn nothing
        assertThat(rosterHours(b, LocalDate.of(2026, 12, 1))).isEqualByComparingTo("10");
        assertThat(rosterHours(a, LocalDate.of(2026, 12, 1))).isEqualByComparingTo("12");
        String page = mvc.perform(get("/cadres/training/figures?from=2026-01-01&to=2026-12-31").with(users.page(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("各级各类干部3人次参训", "出勤率50%");
        mvc.perform(get("/cadres/training/figures.xlsx").with(users.page(admin))).andExpect(status().isOk());
    }
}
