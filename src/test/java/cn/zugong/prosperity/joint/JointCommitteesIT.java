package cn.zugong.prosperity.joint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 党建联建 through HTTP on the real database, with fixtures of its own in 菜园镇 (the demo account caiyuan, an ADMIN
 * scoped to that township, where the demo sets up no committee): the chair's rotation (overlapping terms refused,
 * today's chair by the platform clock), the figures by hand, scope and role.
 */
@IntegrationTest
class JointCommitteesIT {

    private static final String TOWNSHIP = "330922100";        // 菜园镇
    private static final String TOWNSHIP_PARTY = "330922100P1"; // 菜园镇党委
    private static final String VILLAGE_A = "330922100200P1";   // 基湖村
    private static final String VILLAGE_B = "330922100201P1";   // 高场湾村
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void overlappingTermsAreRefusedAndTodaysChairFollowsTheClock() throws Exception {
        long id = committee("轮值", "2029-05-01");
        member(id, TOWNSHIP_PARTY, true, 1);
        member(id, VILLAGE_A, false, 2);
        member(id, VILLAGE_B, false, null);
        term(id, TOWNSHIP_PARTY, "甲书记", "2030-01-01", "2030-12-31").andExpect(status().isOk());
        term(id, VILLAGE_A, "乙书记", "2031-01-01", "2031-12-31").andExpect(status().isOk());
        // sharing one day with the second term, or holding it whole, or inside it: refused, nothing written
        for (String[] bad : new String[][] {{"2031-12-31", "2032-06-30"}, {"2030-06-01", "2032-01-01"},
            {"2031-03-01", "2031-03-02"}}) {
            String body = term(id, TOWNSHIP_PARTY, "丙书记", bad[0], bad[1]).andExpect(status().isBadRequest())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).contains("任期：与", "重叠");
        }
        // a member outside the rotation may not chair; an end before the start is refused
        term(id, VILLAGE_B, "丁书记", "2032-01-01", "2032-12-31").andExpect(status().isBadRequest());
        term(id, TOWNSHIP_PARTY, "丁书记", "2032-12-31", "2032-01-01").andExpect(status().isBadRequest());
        assertThat(count("select count(*) from joint_chair_term where committee_id = ?", id)).isEqualTo(2);
        // the day after the first term ends the next may begin
        term(id, TOWNSHIP_PARTY, "丙书记", "2032-01-01", "2032-12-31").andExpect(status().isOk());

        clock.setTo(LocalDateTime.of(2031, 3, 1, 10, 0));
        String detail = detail(id, "caiyuan");
        assertThat((String) JsonPath.read(detail, "$.currentChair.chairName")).isEqualTo("乙书记");
        assertThat((String) JsonPath.read(detail, "$.nextInRotation.code")).isEqualTo(TOWNSHIP_PARTY);
        clock.setTo(LocalDateTime.of(2030, 12, 31, 23, 0));
        assertThat((String) JsonPath.read(detail(id, "caiyuan"), "$.currentChair.chairName")).isEqualTo("甲书记");
        assertThat((String) JsonPath.read(detail(id, "caiyuan"), "$.nextInRotation.code")).isEqualTo(VILLAGE_A);
        clock.setTo(LocalDateTime.of(2033, 2, 1, 10, 0));
        assertThat((Object) JsonPath.read(detail(id, "caiyuan"), "$.currentChair")).isNull();
        // the page shows the same chair
        clock.setTo(LocalDateTime.of(2032, 5, 1, 10, 0));
        String page = mvc.perform(get("/prosperity/joint/" + id).with(users.page("caiyuan"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("当前轮值书记", "丙书记", "现任");
    }

    @Test
    void figuresAreTheHandCountOfASmallFixture() throws Exception {
        String period = "?from=2030-01-01&to=2030-12-31";
        String before = figures(period);
        long id = committee("统计", "2029-05-01");
        member(id, TOWNSHIP_PARTY, true, 1);
        member(id, VILLAGE_A, false, null);
        member(id, VILLAGE_B, false, null);
        pair(id, VILLAGE_A.replace("200P1", "204P1"), null); // 关岙村's branch, an org of the tree
        pair(id, null, "测试协会党支部");
        long running = project(id, "统计项目一", "2030-02-01", "");
        long ended = project(id, "统计项目二", "2028-01-01", "2029-12-31"); // ran before the period: not counted
        result(running, "2030-03-01", "1000.50", 10, "200").andExpect(status().isOk());
        result(running, "2030-12-31", "20", 5, "0").andExpect(status().isOk());
        result(running, "2031-01-05", "999", 99, "999").andExpect(status().isOk()); // after the period
        result(ended, "2029-06-01", "777", 77, "777").andExpect(status().isOk());   // before the period
        long later = committee("统计后成立", "2031-01-01"); // founded after the period's end: not counted
        member(later, TOWNSHIP_PARTY, false, null);

        String after = figures(period);
        assertThat(delta(before, after, "$.total.committees")).isEqualTo(1);
        assertThat(delta(before, after, "$.total.members")).isEqualTo(3);
        assertThat(delta(before, after, "$.total.pairs")).isEqualTo(2);
        assertThat(delta(before, after, "$.total.projects")).isEqualTo(1);
        assertThat(delta(before, after, "$.total.results")).isEqualTo(2);
        assertThat(decimal(after, "$.total.fundsYuan").subtract(decimal(before, "$.total.fundsYuan")))
                .isEqualByComparingTo("1020.50");
        assertThat(delta(before, after, "$.total.peopleServed")).isEqualTo(15);
        assertThat(decimal(after, "$.total.incomeYuan").subtract(decimal(before, "$.total.incomeYuan")))
                .isEqualByComparingTo("200");
        // the township's county is its row; the row and the total agree
        assertThat((String) JsonPath.read(after, "$.byCounty[0].countyName")).isEqualTo("嵊泗县");
        assertThat(((Number) JsonPath.read(after, "$.byCounty[0].committees")).longValue())
                .isEqualTo(((Number) JsonPath.read(after, "$.total.committees")).longValue());

        // the page prints the sentence and the workbook carries the same totals
        String page = mvc.perform(get("/prosperity/joint/figures" + period).with(users.page("caiyuan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("共成立联建组织 <b>" + JsonPath.read(after, "$.total.committees") + "</b> 个");
        byte[] xlsx = mvc.perform(get("/prosperity/joint/figures.xlsx" + period).with(users.page("caiyuan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            var total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat((long) total.getCell(1).getNumericCellValue())
                    .isEqualTo(((Number) JsonPath.read(after, "$.total.committees")).longValue());
            assertThat(total.getCell(6).getNumericCellValue())
                    .isEqualTo(decimal(after, "$.total.fundsYuan").doubleValue());
        }
    }

    @Test
    void outsideTheScopeIsNotFoundAndRefusedWritesLeaveTheDatabaseAlone() throws Exception {
        long id = committee("范围", "2029-05-01");
        member(id, TOWNSHIP_PARTY, true, 1);
        long project = project(id, "范围项目", "2030-02-01", "");
        long terms = count("select count(*) from joint_chair_term where committee_id = ?", id);
        long results = count("select count(*) from joint_result where project_id = ?", project);

        // another county's administrator: 404 on page, API and writes
        mvc.perform(get("/prosperity/joint/" + id).with(users.page("dinghai"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/prosperity/joint/committees/" + id).with(TestUsers.api("dinghai")))
                .andExpect(status().isNotFound());
        term(id, TOWNSHIP_PARTY, "越权书记", "2040-01-01", "2040-12-31", "dinghai").andExpect(status().isNotFound());
        mvc.perform(post("/prosperity/joint/projects/" + project + "/results").with(users.page("dinghai")).with(csrf())
                .param("date", "2030-05-01").param("summary", "越权成效")).andExpect(status().isNotFound());
        // the list of another scope does not name it
        assertThat(mvc.perform(get("/api/prosperity/joint/committees").with(TestUsers.api("dinghai")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("范围");
        // a role that reads but does not write: 403 on every write
        term(id, TOWNSHIP_PARTY, "越权书记", "2040-01-01", "2040-12-31", "leader").andExpect(status().isForbidden());
        mvc.perform(post("/prosperity/joint/" + id + "/members").with(users.page("reviewer")).with(csrf())
                .param("orgCode", VILLAGE_A)).andExpect(status().isForbidden());
        mvc.perform(post("/prosperity/joint/projects/" + project + "/results").with(users.page("leader")).with(csrf())
                .param("date", "2030-05-01").param("summary", "越权成效")).andExpect(status().isForbidden());
        mvc.perform(get("/prosperity/joint/" + id).with(users.page("leader"))).andExpect(status().isOk());
        // a party member reaches nothing of the office
        mvc.perform(get("/prosperity/joint").with(users.page("dangyuan"))).andExpect(status().isForbidden());
        // an organisation outside the committee's node is refused by name
        String refused = mvc.perform(post("/prosperity/joint/" + id + "/members").with(users.page("caiyuan"))
                        .with(csrf()).param("orgCode", "330903104P1"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("error").toString();
        assertThat(refused).startsWith("成员单位：");

        assertThat(count("select count(*) from joint_chair_term where committee_id = ?", id)).isEqualTo(terms);
        assertThat(count("select count(*) from joint_result where project_id = ?", project)).isEqualTo(results);
        assertThat(count("select count(*) from joint_member where committee_id = ?", id)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private long committee(String tag, String founded) throws Exception {
        String name = "测试" + tag + "联合党委" + SEQ.incrementAndGet();
        String body = mvc.perform(post("/api/prosperity/joint/committees").with(TestUsers.api("caiyuan"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nodeCode\":\"" + TOWNSHIP
                                + "\",\"name\":\"" + name + "\",\"kind\":\"JOINT\",\"foundedOn\":\"" + founded + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void member(long id, String code, boolean lead, Integer order) throws Exception {
        var request = post("/prosperity/joint/" + id + "/members").with(users.page("caiyuan")).with(csrf())
                .param("orgCode", code).param("lead", String.valueOf(lead));
        if (order != null) {
            request.param("rotationOrder", order.toString());
        }
        var flash = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        assertThat(flash.get("error")).isNull();
    }

    private void pair(long id, String code, String outside) throws Exception {
        var request = post("/prosperity/joint/" + id + "/pairs").with(users.page("caiyuan")).with(csrf())
                .param("pairKind", "UNIT").param("pairedOn", "2029-06-01");
        if (code != null) {
            request.param("orgCode", code);
        } else {
            request.param("outsideName", outside);
        }
        assertThat(mvc.perform(request).andReturn().getFlashMap().get("error")).isNull();
    }

    private long project(long id, String name, String from, String to) throws Exception {
        assertThat(mvc.perform(post("/prosperity/joint/" + id + "/projects").with(users.page("caiyuan")).with(csrf())
                .param("name", name).param("leadOrgCode", TOWNSHIP_PARTY).param("partnerOrgCodes", "")
                .param("startsOn", from).param("endsOn", to).param("budgetYuan", "1000")
                .param("projectStatus", "ACTIVE")).andReturn().getFlashMap().get("error")).isNull();
        return count("select id from joint_project where committee_id = ? and name = ?", id, name);
    }

    private ResultActions result(long project, String date, String funds, int people, String income)
            throws Exception {
        return mvc.perform(post("/api/prosperity/joint/projects/" + project + "/results")
                .with(TestUsers.api("caiyuan")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"date\":\"" + date + "\",\"summary\":\"测试成效\",\"fundsYuan\":" + funds
                        + ",\"peopleServed\":" + people + ",\"incomeYuan\":" + income + "}"));
    }

    private ResultActions term(long id, String code, String chair, String from, String to) throws Exception {
        return term(id, code, chair, from, to, "caiyuan");
    }

    private ResultActions term(long id, String code, String chair, String from, String to, String who)
            throws Exception {
        return mvc.perform(post("/api/prosperity/joint/committees/" + id + "/terms").with(TestUsers.api(who))
                .contentType(MediaType.APPLICATION_JSON).content("{\"orgCode\":\"" + code + "\",\"chairName\":\""
                        + chair + "\",\"startsOn\":\"" + from + "\",\"endsOn\":\"" + to + "\"}"));
    }

    private String detail(long id, String who) throws Exception {
        // a signed-in session rather than Basic: the clock is moved years ahead, past any password's age
        return mvc.perform(get("/api/prosperity/joint/committees/" + id).with(users.page(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String figures(String query) throws Exception {
        return mvc.perform(get("/api/prosperity/joint/figures" + query).with(TestUsers.api("caiyuan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static long delta(String before, String after, String path) {
        return ((Number) JsonPath.read(after, path)).longValue() - ((Number) JsonPath.read(before, path)).longValue();
    }

    private static BigDecimal decimal(String json, String path) {
        return new BigDecimal(JsonPath.read(json, path).toString());
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
