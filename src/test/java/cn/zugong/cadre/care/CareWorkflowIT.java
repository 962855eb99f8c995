package cn.zugong.cadre.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The 激励关爱 workflows over the API and the database (ADR 077): each illegal step refused with its Chinese reason
 * and nothing changed in the database; the rules (三个区分开来, the 影响期, 公示 in working days, 督办 by working days
 * overdue) applied; the personal text stored encrypted.
 */
@IntegrationTest
class CareWorkflowIT {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    CareFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CareFixtures(jdbc);
        clock.setTo(LocalDateTime.of(2021, 6, 15, 10, 0));
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    ResultActions call(String path, String json, String who) throws Exception {
        return mvc.perform(post("/api/cadres/care" + path).with(TestUsers.api(who))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    String stateOf(String table, long id) {
        return jdbc.sql("select status from " + table + " where id = :id").param("id", id).query(String.class).single();
    }

    static String checks(boolean a, boolean b, boolean c, String note) {
        return "[{\"criterionId\":1,\"met\":" + a + ",\"note\":\"" + note + "\"},{\"criterionId\":2,\"met\":" + b
                + ",\"note\":\"" + note + "\"},{\"criterionId\":3,\"met\":" + c + ",\"note\":\"" + note + "\"}]";
    }

    @Test
    void toleranceCaseRunsAppliedVerifiedDecidedAndRefusesEveryIllegalStep() throws Exception {
        long person = fx.people("330902", 0, 1).get(0);
        long id = id(call("/cases", "{\"personId\":" + person + ",\"matter\":\"先行先试中程序瑕疵\",\"appliedOn\":\"2021-06-01\"}",
                "dinghai").andExpect(status().isOk()));
        assertThat(jdbc.sql("select matter from care_case where id = :id").param("id", id).query(String.class).single())
                .startsWith("v1:");
        // 认定 before 核实
        call("/cases/" + id + "/decide", "{\"result\":\"EXEMPT\",\"note\":\"x\",\"decidedOn\":\"2021-06-10\",\"checks\":"
                + checks(true, true, true, "符合") + "}", "dinghai").andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", containsString("只有“已核实”的案例可以认定")));
        assertThat(stateOf("care_case", id)).isEqualTo("APPLIED");
        // 核实 dated before the application
        call("/cases/" + id + "/verify", "{\"finding\":\"属实\",\"verifiedOn\":\"2021-05-01\"}", "dinghai")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("不能早于申请日期")));
        assertThat(stateOf("care_case", id)).isEqualTo("APPLIED");
        call("/cases/" + id + "/verify", "{\"finding\":\"属实\",\"verifiedOn\":\"2021-06-05\"}", "jiandu")
                .andExpect(status().isOk());
        call("/cases/" + id + "/verify", "{\"finding\":\"再次\",\"verifiedOn\":\"2021-06-06\"}", "jiandu")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", containsString("只有“已申请”的案例可以核实")));
        // 免责 with a criterion not met; a criterion without its note
        call("/cases/" + id + "/decide", "{\"result\":\"EXEMPT\",\"note\":\"研究认定\",\"decidedOn\":\"2021-06-10\",\"checks\":"
                + checks(true, false, true, "说明") + "}", "dinghai").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("免责须符合“三个区分开来”全部 3 条，当前符合 2 条")));
        call("/cases/" + id + "/decide", "{\"result\":\"LIGHTER\",\"note\":\"研究认定\",\"decidedOn\":\"2021-06-10\",\"checks\":"
                + checks(false, false, false, "") + "}", "dinghai").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("第1条：应填写判定说明")));
        call("/cases/" + id + "/decide", "{\"result\":\"LIGHTER\",\"note\":\"研究认定\",\"decidedOn\":\"2021-06-10\",\"checks\":"
                + checks(false, false, false, "不符合") + "}", "dinghai").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("从轻减轻须至少符合")));
        assertThat(stateOf("care_case", id)).isEqualTo("VERIFIED");
        assertThat(fx.count("select count(*) from care_case_check where case_id = :id", Map.of("id", id))).isZero();
        call("/cases/" + id + "/decide", "{\"result\":\"LIGHTER\",\"note\":\"研究认定\",\"decidedOn\":\"2021-06-10\",\"checks\":"
                + checks(true, false, true, "经研究") + "}", "dinghai").andExpect(status().isOk());
        assertThat(jdbc.sql("select status || ':' || result from care_case where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("DECIDED:LIGHTER");
        assertThat(jdbc.sql("select note from care_case_check where case_id = :id").param("id", id).query(String.class)
                .list()).hasSize(3).allMatch(n -> n.startsWith("v1:"));
        call("/cases/" + id + "/decide", "{\"result\":\"REFUSED\",\"note\":\"x\",\"decidedOn\":\"2021-06-11\",\"checks\":"
                + checks(false, false, false, "x") + "}", "dinghai").andExpect(status().isConflict());
        mvc.perform(get("/api/cadres/care/cases/" + id).with(TestUsers.api("jiandu"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.matter").value("先行先试中程序瑕疵"))
                .andExpect(jsonPath("$.checks[1].met").value(false));
    }

    @Test
    void clearanceNeedsItsPublicationAndScope() throws Exception {
        long person = fx.people("330902", 1, 1).get(0);
        String before = fx.snapshot();
        call("/clearances", "{\"personId\":" + person + ",\"report\":\"反映不实\",\"clearedOn\":\"2021-06-01\","
                + "\"published\":\"广播\",\"reach\":\"全宇宙\"}", "dinghai").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("澄清方式"))).andExpect(jsonPath("$.error",
                        containsString("澄清范围")));
        call("/clearances", "{\"personId\":" + person + ",\"report\":\"反映不实\",\"clearedOn\":\"2021-07-01\","
                + "\"published\":\"会议通报\",\"reach\":\"本单位\"}", "dinghai").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("不能晚于今天")));
        assertThat(fx.snapshot()).isEqualTo(before);
        long id = id(call("/clearances", "{\"personId\":" + person + ",\"report\":\"反映不实\",\"clearedOn\":\"2021-06-01\","
                + "\"published\":\"会议通报\",\"reach\":\"本单位\"}", "dinghai").andExpect(status().isOk()));
        assertThat(jdbc.sql("select report from care_clearance where id = :id").param("id", id).query(String.class)
                .single()).startsWith("v1:");
    }

    @Test
    void visitsFallDueOnWorkingDaysAndAMissedOneIsDunnedByLevel() throws Exception {
        long person = fx.people("330902", 2, 1).get(0);
        // 警告 on 2021-01-04: 影响期 6 months, the first visit due a month later (2021-02-04, a Thursday)
        long d = id(call("/disciplines", "{\"personId\":" + person + ",\"kind\":\"警告\",\"decidedOn\":\"2021-01-04\","
                + "\"summary\":\"工作失职\",\"visitMonths\":3}", "dinghai").andExpect(status().isOk()));
        assertThat(jdbc.sql("select influence_until from care_discipline where id = :id").param("id", d)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2021, 7, 3));
        assertThat(jdbc.sql("select next_visit_due from care_discipline where id = :id").param("id", d)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2021, 2, 4));
        // today 2021-06-15: overdue by far more than 20 working days → 红牌督办
        call("/disciplines/" + d + "/dunning", "{}", "jiandu").andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("RED_CARD"));
        call("/disciplines/" + d + "/visits", "{\"visitedOn\":\"2020-12-01\",\"visitors\":\"监督科\",\"content\":\"谈心\"}",
                "dinghai").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("不能早于处理处分日期")));
        // a visit on 2021-06-05 (Saturday): the next falls due 3 months later, 2021-09-05 a Sunday → Monday 09-06
        call("/disciplines/" + d + "/visits", "{\"visitedOn\":\"2021-06-05\",\"visitors\":\"监督科\",\"content\":\"谈心谈话\"}",
                "dinghai").andExpect(status().isOk());
        assertThat(jdbc.sql("select next_visit_due from care_discipline where id = :id").param("id", d)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2021, 9, 6));
        assertThat(jdbc.sql("select content from care_visit where discipline_id = :id").param("id", d)
                .query(String.class).single()).startsWith("v1:");
        long dunnings = fx.count("select count(*) from care_visit_dunning where discipline_id = :d", Map.of("d", d));
        call("/disciplines/" + d + "/dunning", "{}", "jiandu").andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", containsString("未逾期")));
        assertThat(fx.count("select count(*) from care_visit_dunning where discipline_id = :d", Map.of("d", d)))
                .isEqualTo(dunnings);
        // three working days past the due date: 提醒
        clock.setTo(LocalDateTime.of(2021, 9, 9, 10, 0));
        call("/disciplines/" + d + "/dunning", "{}", "jiandu").andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("REMINDER"));
    }

    @Test
    void reuseNeedsACompletedAppointmentAfterTheInfluencePeriod() throws Exception {
        long person = fx.people("330902", 3, 1).get(0);
        long other = fx.people("330902", 4, 1).get(0);
        long d = id(call("/disciplines", "{\"personId\":" + person + ",\"kind\":\"严重警告\",\"decidedOn\":\"2020-03-01\","
                + "\"summary\":\"工作失职\"}", "dinghai").andExpect(status().isOk()));
        // 严重警告: 12 months, until 2021-02-28
        long open = fx.appointment(person, "PROMOTION", "OPEN", null);
        long inside = fx.appointment(person, "FURTHER_USE", "DONE", LocalDate.of(2021, 2, 28));
        long exchange = fx.appointment(person, "EXCHANGE", "DONE", LocalDate.of(2021, 4, 1));
        long someoneElse = fx.appointment(other, "PROMOTION", "DONE", LocalDate.of(2021, 4, 1));
        long after = fx.appointment(person, "PROMOTION", "DONE", LocalDate.of(2021, 3, 1));
        String before = fx.snapshot();
        call("/reuses", "{\"disciplineId\":" + d + ",\"appointmentId\":" + open + "}", "dinghai")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", containsString("尚未任职")));
        call("/reuses", "{\"disciplineId\":" + d + ",\"appointmentId\":" + inside + "}", "dinghai")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", containsString("影响期未满")));
        call("/reuses", "{\"disciplineId\":" + d + ",\"appointmentId\":" + exchange + "}", "dinghai")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("不属于进一步使用或提拔任用")));
        call("/reuses", "{\"disciplineId\":" + d + ",\"appointmentId\":" + someoneElse + "}", "dinghai")
                .andExpect(status().isBadRequest());
        assertThat(fx.snapshot()).isEqualTo(before);
        call("/reuses", "{\"disciplineId\":" + d + ",\"appointmentId\":" + after + "}", "jiandu").andExpect(status().isOk());
        call("/reuses", "{\"disciplineId\":" + d + ",\"appointmentId\":" + after + "}", "jiandu")
                .andExpect(status().isConflict());
        assertThat(fx.count("select count(*) from care_reuse where appointment_id = :a", Map.of("a", after))).isOne();
    }

    @Test
    void rewardBatchTakesPeopleOrUnitsOnceEach() throws Exception {
        List<Long> p = fx.people("330902", 5, 2);
        long unit = fx.unitOf(p.get(0));
        long b = id(call("/rewards", "{\"name\":\"测试批次\",\"awardedOn\":\"2021-06-01\",\"basis\":\"通知\",\"items\":["
                + "{\"personId\":" + p.get(0) + ",\"reason\":\"突出\"},{\"unitId\":" + unit + ",\"reason\":\"突出\"}]}",
                "dinghai").andExpect(status().isOk()));
        String before = fx.snapshot();
        call("/rewards/" + b + "/items", "{\"personId\":" + p.get(1) + ",\"unitId\":" + unit + ",\"reason\":\"x\"}",
                "dinghai").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("二选一")));
        call("/rewards/" + b + "/items", "{\"personId\":" + p.get(0) + ",\"reason\":\"再次\"}", "dinghai")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", containsString("已在本批次奖励名单中")));
        // a batch whose second item is wrong is not saved at all
        call("/rewards", "{\"name\":\"坏批次\",\"awardedOn\":\"2021-06-01\",\"basis\":\"通知\",\"items\":["
                + "{\"personId\":" + p.get(1) + ",\"reason\":\"突出\"},{\"reason\":\"突出\"}]}", "dinghai")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("第2项")));
        assertThat(fx.snapshot()).isEqualTo(before);
        mvc.perform(get("/api/cadres/care/rewards/" + b).with(TestUsers.api("jiandu"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.line.people").value(1)).andExpect(jsonPath("$.line.units").value(1));
    }

    @Test
    void exemplarRunsNominationReviewPublicityInWorkingDaysThenPublication() throws Exception {
        long person = fx.people("330902", 7, 1).get(0);
        long e = id(call("/exemplars", "{\"personId\":" + person + ",\"round\":\"2021年度\",\"deeds\":\"扎根一线\"}",
                "dinghai").andExpect(status().isOk()));
        call("/exemplars/" + e + "/publicity", "{\"from\":\"2021-06-15\"}", "dinghai").andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", containsString("只有“审核通过”的提名可以公示")));
        call("/exemplars/" + e + "/publish", "{}", "dinghai").andExpect(status().isConflict());
        call("/exemplars/" + e + "/review", "{\"passed\":false}", "dinghai").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("不通过时必填")));
        assertThat(stateOf("care_exemplar", e)).isEqualTo("NOMINATED");
        call("/exemplars/" + e + "/review", "{\"passed\":true,\"note\":\"符合条件\"}", "jiandu").andExpect(status().isOk());
        call("/exemplars/" + e + "/publicity", "{\"from\":\"2021-06-15\",\"workdays\":3}", "dinghai")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("5 至 15 个工作日")));
        // 5 working days from Tuesday 2021-06-15: 15, 16, 17, 18, 21 (06-14 was 端午节, 06-19/20 a weekend)
        call("/exemplars/" + e + "/publicity", "{\"from\":\"2021-06-15\",\"workdays\":5}", "dinghai")
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select publicity_until from care_exemplar where id = :id").param("id", e)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2021, 6, 21));
        clock.setTo(LocalDateTime.of(2021, 6, 21, 17, 0));
        call("/exemplars/" + e + "/publish", "{}", "dinghai").andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", containsString("公示期至 2021-06-21")));
        assertThat(stateOf("care_exemplar", e)).isEqualTo("PUBLICIZING");
        clock.setTo(LocalDateTime.of(2021, 6, 22, 9, 0));
        call("/exemplars/" + e + "/publish", "{}", "dinghai").andExpect(status().isOk());
        assertThat(stateOf("care_exemplar", e)).isEqualTo("PUBLISHED");
    }
}
