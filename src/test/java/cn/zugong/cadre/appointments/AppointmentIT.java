package cn.zugong.cadre.appointments;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.cadre.AppointmentFigures;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.IndicatorResult;
import cn.zugong.indicator.PackId;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.OrgScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 选拔任用纪实 over HTTP on own fixtures (a township of 定海区 with 甲局 and 乙局): the procedure in order with its
 * illegal steps refused (and the database unchanged), 任职 changing the roster through its API with history, the
 * health check's as-of evaluation before and after, the frontline share recounted by hand, scope and roles.
 */
@IntegrationTest
class AppointmentIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;
    @Autowired Evaluations evaluations;
    @Autowired AppointmentFigures figures;
    @Autowired ObjectMapper json;

    static String body(Object... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(kv[i]).append("\":").append(kv[i + 1] == null ? "null" : "\"" + kv[i + 1] + "\"");
        }
        return sb.append('}').toString();
    }

    ResultActions postJson(String path, String user, String body) throws Exception {
        return mvc.perform(post(path).with(api(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode json(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    String error(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    long open(long person, String kind, Long unit, String post, String postLevel, String rank, boolean frontline,
              String basis, String on) throws Exception {
        JsonNode created = json(postJson("/api/cadres/appointments", "dinghai", body("personId", person, "kind", kind,
                "unitId", unit, "targetPost", post, "targetPostLevel", postLevel, "targetRank", rank,
                "frontline", frontline, "basis", basis, "proposedOn", on, "reason", "工作需要"))
                .andExpect(status().isOk()));
        return created.get("id").asLong();
    }

    ResultActions step(long id, String step, String on, String ends) throws Exception {
        return postJson("/api/cadres/appointments/" + id + "/steps", "dinghai", body("step", step, "doneOn", on, "endsOn", ends));
    }

    /** Walks a record through the whole procedure, 任职 on {@code on} (公示 the two weeks before). */
    void complete(long id, LocalDate on) throws Exception {
        step(id, "RECOMMENDATION", on.minusDays(40).toString(), null).andExpect(status().isOk());
        step(id, "INSPECTION", on.minusDays(35).toString(), null).andExpect(status().isOk());
        step(id, "DECISION", on.minusDays(25).toString(), null).andExpect(status().isOk());
        step(id, "PUBLICITY", on.minusDays(20).toString(), on.minusDays(6).toString()).andExpect(status().isOk());
        step(id, "APPOINTMENT", on.toString(), null).andExpect(status().isOk());
    }

    String lastStep(long id) {
        return jdbc.sql("select last_step from cadre_appointment where id = :id").param("id", id).query(String.class).single();
    }

    long stepRows(long id) {
        return jdbc.sql("select count(*) from cadre_appointment_step where appointment_id = :id").param("id", id)
                .query(Long.class).single();
    }

    @Test
    void theProcedureRunsInOrderAndIllegalStepsAreRefused() throws Exception {
        AppointmentFixture f = new AppointmentFixture(org, tree, "W");
        long p = AppointmentFixture.person(roster, f.a, "程序", "一级主任科员", "乡科级副职", Map.of(), List.of());
        long id = open(p, "PROMOTION", null, "甲局局长", "乡科级正职", null, false, null, "2026-03-02");
        assertThat(lastStep(id)).isEqualTo("PROPOSAL");

        // a skipped step: 考察 before 民主推荐
        assertThat(error(step(id, "INSPECTION", "2026-03-10", null).andExpect(status().isBadRequest())))
                .contains("不能跳过程序", "「民主推荐」");
        assertThat(lastStep(id)).isEqualTo("PROPOSAL");
        assertThat(stepRows(id)).isEqualTo(1);
        // a date before the previous step
        assertThat(error(step(id, "RECOMMENDATION", "2026-03-01", null).andExpect(status().isBadRequest())))
                .contains("不能早于「动议」");
        // a date in the future (the test clock is 2026-12-04)
        assertThat(error(step(id, "RECOMMENDATION", "2026-12-20", null).andExpect(status().isBadRequest())))
                .contains("不能晚于今天");
        assertThat(stepRows(id)).isEqualTo(1);
        step(id, "RECOMMENDATION", "2026-03-10", null).andExpect(status().isOk());
        // the same step twice
        assertThat(error(step(id, "RECOMMENDATION", "2026-03-11", null).andExpect(status().isConflict())))
                .contains("已登记");
        step(id, "INSPECTION", "2026-03-20", null).andExpect(status().isOk());
        step(id, "DECISION", "2026-04-01", null).andExpect(status().isOk());
        // 任职 before 公示
        assertThat(error(step(id, "APPOINTMENT", "2026-04-20", null).andExpect(status().isBadRequest())))
                .contains("「任前公示」");
        // 公示 of four working days: Tue 2026-04-07 to Fri 04-10 (清明 holidays end Mon 04-06)
        assertThat(error(step(id, "PUBLICITY", "2026-04-07", "2026-04-10").andExpect(status().isBadRequest())))
                .contains("任前公示期不少于 5 个工作日", "只有 4 个工作日");
        // 清明 counts for nothing: Mon 04-06 (a holiday on the calendar) to Thu 04-09 is three working days
        assertThat(error(step(id, "PUBLICITY", "2026-04-06", "2026-04-09").andExpect(status().isBadRequest())))
                .contains("只有 3 个工作日");
        // a weekend does not count: Thu 04-09 to Tue 04-14 is four working days
        step(id, "PUBLICITY", "2026-04-09", "2026-04-14").andExpect(status().isBadRequest());
        assertThat(lastStep(id)).isEqualTo("DECISION");
        step(id, "PUBLICITY", "2026-04-07", "2026-04-13").andExpect(status().isOk());
        // 任职 inside the 公示 period
        assertThat(error(step(id, "APPOINTMENT", "2026-04-13", null).andExpect(status().isBadRequest())))
                .contains("公示期满之后");
        String rankBefore = jdbc.sql("select post_level from person where id = :p").param("p", p).query(String.class).single();
        assertThat(rankBefore).isEqualTo("乡科级副职");
        step(id, "APPOINTMENT", "2026-04-15", null).andExpect(status().isOk());

        // the roster changed through its API: today's state and a version from the 任职 day with its reason
        assertThat(jdbc.sql("select post_level from person where id = :p").param("p", p).query(String.class).single())
                .isEqualTo("乡科级正职");
        Map<String, Object> version = jdbc.sql("""
                select change_kind, change_note, post_level, post_since from person_version
                where person_id = :p and valid_from = date '2026-04-15' and superseded_at = timestamp '9999-12-31 00:00:00'
                """).param("p", p).query().singleRow();
        assertThat(version.get("change_kind")).isEqualTo("POST");
        assertThat((String) version.get("change_note")).contains("提拔", "甲局局长", "选拔任用纪实 " + id);
        assertThat(version.get("post_level")).isEqualTo("乡科级正职");
        // the day before still shows the old post in the history
        assertThat(jdbc.sql("""
                select post_level from person_version where person_id = :p and valid_from <= date '2026-04-14'
                and valid_to > date '2026-04-14' and superseded_at = timestamp '9999-12-31 00:00:00'
                """).param("p", p).query(String.class).single()).isEqualTo("乡科级副职");
        Map<String, Object> row = jdbc.sql("select status, effective_on, last_step from cadre_appointment where id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.get("status")).isEqualTo("DONE");
        assertThat(row.get("last_step")).isEqualTo("APPOINTMENT");
        assertThat(stepRows(id)).isEqualTo(6);
        // a closed record takes no more steps nor a stop
        step(id, "APPOINTMENT", "2026-04-16", null).andExpect(status().isConflict());
        postJson("/api/cadres/appointments/" + id + "/stop", "dinghai", body("reason", "测试")).andExpect(status().isConflict());
        // the person's timeline on the roster page shows it
        String page = mvc.perform(get("/people/" + p).with(users.page("dinghai"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2026-04-15", "乡科级正职");
    }

    @Test
    void kindRulesAndTheBasisOfAFrontlineRecordAreChecked() throws Exception {
        AppointmentFixture f = new AppointmentFixture(org, tree, "K");
        long p = AppointmentFixture.person(roster, f.a, "规则", "一级主任科员", "乡科级正职", Map.of(), List.of());
        assertThat(error(postJson("/api/cadres/appointments", "dinghai", body("personId", p, "kind", "PROMOTION",
                "targetPost", "副局长", "targetPostLevel", "乡科级副职", "proposedOn", "2026-03-02"))
                .andExpect(status().isBadRequest()))).contains("提拔须任更高的职务层次");
        assertThat(error(postJson("/api/cadres/appointments", "dinghai", body("personId", p, "kind", "RANK_PROMOTION",
                "targetRank", "二级主任科员", "proposedOn", "2026-03-02")).andExpect(status().isBadRequest())))
                .contains("职级晋升须晋升到更高职级");
        assertThat(error(postJson("/api/cadres/appointments", "dinghai", body("personId", p, "kind", "EXCHANGE",
                "unitId", f.a, "targetPost", "局长", "proposedOn", "2026-03-02")).andExpect(status().isBadRequest())))
                .contains("交流须到另一单位");
        assertThat(error(postJson("/api/cadres/appointments", "dinghai", body("personId", p, "kind", "FURTHER_USE",
                "targetPost", "局长", "frontline", "true", "proposedOn", "2026-03-02")).andExpect(status().isBadRequest())))
                .contains("来自一线的任用须写明依据");
        assertThat(jdbc.sql("select count(*) from cadre_appointment where person_id = :p").param("p", p)
                .query(Long.class).single()).isZero();
        // 交流 to 乙局: the unit changes at 任职
        long id = open(p, "EXCHANGE", f.b, "乙局局长", null, null, true, "海岛防台救灾一线", "2026-05-04");
        complete(id, LocalDate.of(2026, 7, 1));
        assertThat(jdbc.sql("select unit_id from person where id = :p").param("p", p).query(Long.class).single())
                .isEqualTo(f.b);
        assertThat(jdbc.sql("""
                select change_kind from person_version where person_id = :p and valid_from = date '2026-07-01'
                and superseded_at = timestamp '9999-12-31 00:00:00'""").param("p", p).query(String.class).single())
                .isEqualTo("TRANSFER");
    }

    @Test
    void theAsOfEvaluationSeesTheRankPromotion() throws Exception {
        AppointmentFixture f = new AppointmentFixture(org, tree, "E");
        long p = AppointmentFixture.person(roster, f.a, "晋升", "一级主任科员", null, Map.of(), List.of());
        AppointmentFixture.person(roster, f.a, "同事", "二级主任科员", null, Map.of(), List.of());
        OrgScope scope = tree.byId(f.townshipId).orElseThrow().asScope();
        PackId pack = new PackId("healthcheck", 1);
        long id = open(p, "RANK_PROMOTION", null, null, null, "四级调研员", false, null, "2026-03-02");
        complete(id, LocalDate.of(2026, 6, 15));
        // A0605 四级调研员占比 of 甲局: nobody in May, the promoted one in November
        Evaluation may = evaluations.evaluate(LocalDate.of(2026, 5, 1), pack, scope, "tester");
        Evaluation nov = evaluations.evaluate(LocalDate.of(2026, 11, 1), pack, scope, "tester");
        assertThat(numerator(may, f.a, scope)).isEqualByComparingTo("0");
        assertThat(numerator(nov, f.a, scope)).isEqualByComparingTo("1");
        assertThat(jdbc.sql("select rank_level from person where id = :p").param("p", p).query(String.class).single())
                .isEqualTo("四级调研员");
    }

    private BigDecimal numerator(Evaluation e, long unit, OrgScope scope) {
        return evaluations.results(e.id(), unit, scope).stream().filter(r -> r.indicatorCode().equals("A0605"))
                .map(IndicatorResult::numerator).findFirst().orElseThrow();
    }

    @Test
    void theFrontlineShareIsRecountedByHand() throws Exception {
        AppointmentFixture f = new AppointmentFixture(org, tree, "F");
        long[] people = new long[6];
        for (int i = 0; i < people.length; i++) {
            people[i] = AppointmentFixture.person(roster, i < 3 ? f.a : f.b, "一线" + i, "一级主任科员", "乡科级副职",
                    Map.of(), List.of());
        }
        LocalDate day = LocalDate.of(2025, 9, 1);
        // frontline: 0 (提拔), 1 (职级晋升), 2 (进一步使用) and 3's 交流 (not counted among people);
        // not frontline: 3 (提拔), 4 (职级晋升); 5's record stays open (not counted); 0 also has a non-frontline 职级晋升
        complete(open(people[0], "PROMOTION", null, "局长", "乡科级正职", null, true, "重大项目一线", "2025-06-02"), day);
        complete(open(people[1], "RANK_PROMOTION", null, null, null, "四级调研员", true, "防台救灾", "2025-06-02"), day);
        complete(open(people[2], "FURTHER_USE", null, "副局长（主持工作）", null, null, true, "疫情防控", "2025-06-02"), day);
        complete(open(people[3], "EXCHANGE", f.a, "甲局副局长", null, null, true, "重点工程", "2025-06-02"), day);
        complete(open(people[3], "PROMOTION", null, "局长", "乡科级正职", null, false, null, "2025-06-02"), day.plusDays(30));
        complete(open(people[4], "RANK_PROMOTION", null, null, null, "四级调研员", false, null, "2025-06-02"), day);
        complete(open(people[0], "RANK_PROMOTION", null, null, null, "四级调研员", false, null, "2025-06-02"), day.plusDays(7));
        open(people[5], "PROMOTION", null, "局长", "乡科级正职", null, true, "重大项目一线", "2025-06-02");

        OrgScope scope = tree.byId(f.townshipId).orElseThrow().asScope();
        AppointmentFigures.Figures fig = figures.of(scope, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        // by hand: 7 appointments made, 4 from the frontline; people promoted or used: 0,1,2,3,4 = 5; frontline 0,1,2 = 3
        assertThat(fig.appointments()).isEqualTo(7);
        assertThat(fig.frontlineAppointments()).isEqualTo(4);
        assertThat(fig.people()).isEqualTo(5);
        assertThat(fig.frontlinePeople()).isEqualTo(3);
        assertThat(fig.sharePercent()).isEqualByComparingTo("60.0");
        assertThat(fig.sentence()).contains("一线提拔使用或职级晋升干部 3 人", "5 人", "60.0%");
        assertThat(fig.byKind()).anySatisfy(k -> {
            assertThat(k.label()).isEqualTo("职级晋升");
            assertThat(k.total()).isEqualTo(3);
            assertThat(k.frontline()).isEqualTo(1);
        });
        assertThat(fig.byCounty()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("定海区");
            assertThat(c.total()).isEqualTo(7);
        });
        // and the same recounted in SQL written here
        long sqlPeople = jdbc.sql("""
                select count(distinct a.person_id) from cadre_appointment a join org_node u on u.id = a.unit_id
                where a.status = 'DONE' and a.kind in ('PROMOTION', 'FURTHER_USE', 'RANK_PROMOTION') and a.frontline
                  and extract(year from a.effective_on) = 2025 and u.path like :p""")
                .param("p", scope.pathPattern()).query(Long.class).single();
        assertThat(sqlPeople).isEqualTo(3);
        // the page, the API and the workbook answer for the district
        mvc.perform(get("/cadres/appointments/figures?from=2025-01-01&to=2025-12-31").with(users.page("dinghai")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/cadres/appointments/figures").with(api("leader"))).andExpect(status().isOk());
        byte[] xlsx = mvc.perform(get("/cadres/appointments/figures.xlsx").with(users.page("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheet("按县区").getRow(0).getCell(0).getStringCellValue()).isEqualTo("县（市、区）");
        }
    }

    @Test
    void scopeAndRoles() throws Exception {
        AppointmentFixture f = new AppointmentFixture(org, tree, "S");
        long p = AppointmentFixture.person(roster, f.a, "范围", "一级主任科员", null, Map.of(),
                List.of(new PersonRow.YearNote(2024, "嘉奖")));
        long id = open(p, "RANK_PROMOTION", null, null, null, "四级调研员", false, null, "2026-03-02");
        // another district's ADMIN: 404 everywhere, nothing changes
        mvc.perform(get("/api/cadres/appointments/" + id).with(api("putuo"))).andExpect(status().isNotFound());
        mvc.perform(get("/cadres/appointments/" + id).with(users.page("putuo"))).andExpect(status().isNotFound());
        postJson("/api/cadres/appointments/" + id + "/steps", "putuo", body("step", "RECOMMENDATION", "doneOn", "2026-03-10"))
                .andExpect(status().isNotFound());
        postJson("/api/cadres/appointments/" + id + "/stop", "putuo", body("reason", "越权")).andExpect(status().isNotFound());
        mvc.perform(get("/api/cadres/appointments/people/" + p + "/form.docx").with(api("putuo"))).andExpect(status().isNotFound());
        postJson("/api/cadres/appointments", "putuo", body("personId", p, "kind", "RANK_PROMOTION", "targetRank", "四级调研员",
                "proposedOn", "2026-03-02")).andExpect(status().isNotFound());
        assertThat(lastStep(id)).isEqualTo("PROPOSAL");
        assertThat(jdbc.sql("select status from cadre_appointment where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("OPEN");
        // LEADER and 干部监督 read, may not write; REPORTER of another unit reads nothing of it
        mvc.perform(get("/api/cadres/appointments/" + id).with(api("leader"))).andExpect(status().isOk());
        mvc.perform(get("/api/cadres/appointments/" + id).with(api("jiandu"))).andExpect(status().isOk());
        for (String reader : List.of("leader", "jiandu", "reporter")) {
            postJson("/api/cadres/appointments/" + id + "/steps", reader, body("step", "RECOMMENDATION", "doneOn", "2026-03-10"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/cadres/appointments/" + id).with(api("reporter"))).andExpect(status().isNotFound());
        // CADRE, TALENT, PARTY_MEMBER and the officers never reach the module
        for (String outsider : List.of("cadre", "talent", "dangyuan", "sysadmin", "auditor")) {
            mvc.perform(get("/api/cadres/appointments/" + id).with(api(outsider))).andExpect(status().isForbidden());
        }
        assertThat(stepRows(id)).isEqualTo(1);
        // REVIEWER (the city's 干部科) writes
        postJson("/api/cadres/appointments/" + id + "/steps", "reviewer", body("step", "RECOMMENDATION", "doneOn", "2026-03-10"))
                .andExpect(status().isOk());
        postJson("/api/cadres/appointments/" + id + "/stop", "dinghai", body("reason", "民主推荐得票未过半"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select status from cadre_appointment where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("STOPPED");
        // the pages answer
        mvc.perform(get("/cadres/appointments").with(users.page("dinghai"))).andExpect(status().isOk());
        mvc.perform(get("/cadres/appointments?q=范围").with(users.page("dinghai"))).andExpect(status().isOk());
        mvc.perform(get("/cadres/appointments/" + id).with(users.page("dinghai"))).andExpect(status().isOk());
        mvc.perform(get("/cadres/appointments/new?personId=" + p).with(users.page("dinghai"))).andExpect(status().isOk());
        mvc.perform(get("/cadres/appointments/new?personId=" + p).with(users.page("leader"))).andExpect(status().isForbidden());
        mvc.perform(get("/cadres/appointments/people/" + p).with(users.page("jiandu"))).andExpect(status().isOk());
    }
}
