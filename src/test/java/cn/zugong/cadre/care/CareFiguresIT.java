package cn.zugong.cadre.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The seed's sentence printed from the data (ADR 077): the test writes a known set of records in 2019 for 定海 and
 * checks the figures' change against what it wrote, and the figures against a recount written by hand in SQL.
 */
@IntegrationTest
class CareFiguresIT {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    long post(String path, String json) throws Exception {
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/cadres/care" + path).with(TestUsers.api("dinghai"))
                        .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    Map<String, Object> totals(String who) throws Exception {
        String body = mvc.perform(get("/api/cadres/care/figures").param("from", "2019-01-01").param("to", "2019-12-31")
                .with(TestUsers.api(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.totals");
    }

    long n(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).longValue();
    }

    static String checks(boolean met) {
        return "[{\"criterionId\":1,\"met\":" + met + ",\"note\":\"n\"},{\"criterionId\":2,\"met\":" + met
                + ",\"note\":\"n\"},{\"criterionId\":3,\"met\":" + met + ",\"note\":\"n\"}]";
    }

    @Test
    void figuresCountDistinctPeopleOfThePeriodAsTheSentenceSaysAndMatchAHandRecount() throws Exception {
        clock.setTo(LocalDateTime.of(2019, 12, 20, 10, 0));
        CareFixtures fx = new CareFixtures(jdbc);
        List<Long> p = fx.people("330902", 40, 6);
        Map<String, Object> before = totals("dinghai");
        Map<String, Object> putuoBefore = totals("putuo");
        // 澄清正名: one person twice, another once → 2 people; one in 2018 → outside the period
        for (long who : List.of(p.get(0), p.get(0), p.get(1))) {
            post("/clearances", "{\"personId\":" + who + ",\"report\":\"不实\",\"clearedOn\":\"2019-05-01\","
                    + "\"published\":\"会议通报\",\"reach\":\"本单位\"}");
        }
        post("/clearances", "{\"personId\":" + p.get(2) + ",\"report\":\"不实\",\"clearedOn\":\"2018-05-01\","
                + "\"published\":\"会议通报\",\"reach\":\"本单位\"}");
        // 容错纠错: 免责 and 不予容错 → 1 person; a case only verified counts nothing
        for (int i = 0; i < 3; i++) {
            long c = post("/cases", "{\"personId\":" + p.get(i) + ",\"matter\":\"m\",\"appliedOn\":\"2019-03-01\"}");
            post("/cases/" + c + "/verify", "{\"finding\":\"f\",\"verifiedOn\":\"2019-03-10\"}");
            if (i < 2) {
                post("/cases/" + c + "/decide", "{\"result\":\"" + (i == 0 ? "EXEMPT" : "REFUSED") + "\",\"note\":\"n\","
                        + "\"decidedOn\":\"2019-04-01\",\"checks\":" + checks(i == 0) + "}");
            }
        }
        // 暖心回访: two people, three visits; one re-used after the 影响期
        long d1 = post("/disciplines", "{\"personId\":" + p.get(3) + ",\"kind\":\"警告\",\"decidedOn\":\"2018-01-02\","
                + "\"summary\":\"s\",\"visitMonths\":12}");
        long d2 = post("/disciplines", "{\"personId\":" + p.get(4) + ",\"kind\":\"警告\",\"decidedOn\":\"2018-01-02\","
                + "\"summary\":\"s\",\"visitMonths\":12}");
        for (String v : List.of(d1 + ":2019-02-01", d1 + ":2019-08-01", d2 + ":2019-03-01")) {
            String[] x = v.split(":");
            post("/disciplines/" + x[0] + "/visits", "{\"visitedOn\":\"" + x[1] + "\",\"visitors\":\"v\",\"content\":\"c\"}");
        }
        long a = fx.appointment(p.get(3), "FURTHER_USE", "DONE", LocalDate.of(2019, 9, 1));
        post("/reuses", "{\"disciplineId\":" + d1 + ",\"appointmentId\":" + a + "}");
        // 及时奖励: two batches; a person in both counts once; one unit
        long unit = fx.unitOf(p.get(5));
        post("/rewards", "{\"name\":\"一\",\"awardedOn\":\"2019-06-01\",\"basis\":\"b\",\"items\":[{\"personId\":"
                + p.get(5) + ",\"reason\":\"r\"},{\"personId\":" + p.get(0) + ",\"reason\":\"r\"},{\"unitId\":" + unit
                + ",\"reason\":\"r\"}]}");
        post("/rewards", "{\"name\":\"二\",\"awardedOn\":\"2019-10-01\",\"basis\":\"b\",\"items\":[{\"personId\":"
                + p.get(5) + ",\"reason\":\"r\"}]}");

        Map<String, Object> after = totals("dinghai");
        assertThat(n(after, "cleared") - n(before, "cleared")).isEqualTo(2);
        assertThat(n(after, "tolerated") - n(before, "tolerated")).isEqualTo(1);
        assertThat(n(after, "visited") - n(before, "visited")).isEqualTo(2);
        assertThat(n(after, "visits") - n(before, "visits")).isEqualTo(3);
        assertThat(n(after, "reused") - n(before, "reused")).isEqualTo(1);
        assertThat(n(after, "rewardedPeople") - n(before, "rewardedPeople")).isEqualTo(2);
        assertThat(n(after, "rewardedUnits") - n(before, "rewardedUnits")).isEqualTo(1);
        assertThat(n(after, "batches") - n(before, "batches")).isEqualTo(2);
        assertThat(totals("putuo")).isEqualTo(putuoBefore);

        // the recount, by hand
        String scope = "join org_node n on n.id = x.node_id join org_node c on c.code = '330902' "
                + "where n.path like c.path || '%' and ";
        long cleared = fx.count("select count(distinct x.person_id) from care_clearance x " + scope
                + "x.cleared_on between '2019-01-01' and '2019-12-31'", Map.of());
        long tolerated = fx.count("select count(distinct x.person_id) from care_case x " + scope
                + "x.result in ('EXEMPT', 'LIGHTER') and x.decided_on between '2019-01-01' and '2019-12-31'", Map.of());
        long visited = fx.count("select count(distinct x.person_id) from care_visit x " + scope
                + "x.visited_on between '2019-01-01' and '2019-12-31'", Map.of());
        long reused = fx.count("select count(distinct x.person_id) from care_reuse x " + scope
                + "x.effective_on between '2019-01-01' and '2019-12-31'", Map.of());
        long people = fx.count("select count(distinct x.person_id) from care_reward_item x join care_reward_batch b "
                + "on b.id = x.batch_id " + scope + "b.awarded_on between '2019-01-01' and '2019-12-31'", Map.of());
        long units = fx.count("select count(distinct x.unit_id) from care_reward_item x join care_reward_batch b "
                + "on b.id = x.batch_id " + scope + "b.awarded_on between '2019-01-01' and '2019-12-31'", Map.of());
        assertThat(List.of(n(after, "cleared"), n(after, "tolerated"), n(after, "visited"), n(after, "reused"),
                n(after, "rewardedPeople"), n(after, "rewardedUnits")))
                .containsExactly(cleared, tolerated, visited, reused, people, units);
        String body = mvc.perform(get("/api/cadres/care/figures").param("year", "2019").with(TestUsers.api("dinghai")))
                .andReturn().getResponse().getContentAsString();
        String sentence = JsonPath.read(body, "$.sentence");
        assertThat(sentence).isEqualTo("为" + cleared + "名党员干部澄清正名，为" + tolerated + "名党员干部容错纠错减责，对"
                + visited + "名党员干部开展暖心回访，" + reused + "名受到处理处分后的党员干部得到进一步使用或提拔任用；对表现突出的"
                + people + "名个人、" + units + "个集体，实施" + (n(after, "batches") == 2 ? "两" : String.valueOf(
                n(after, "batches"))) + "批次及时奖励。");
        // by county: 定海区's row is the whole scope here
        List<Map<String, Object>> counties = JsonPath.read(body, "$.counties");
        assertThat(counties).anySatisfy(c -> assertThat(((Number) c.get("cleared")).longValue()).isEqualTo(cleared));

        // the ledger of 2019 holds 2019's records only: the 2018 clearance is left out
        byte[] file = mvc.perform(get("/api/cadres/care/export.xlsx").param("year", "2019")
                .with(TestUsers.api("dinghai"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file))) {
            long clearances = fx.count("select count(*) from care_clearance x " + scope
                    + "x.cleared_on between '2019-01-01' and '2019-12-31'", Map.of());
            long cases = fx.count("select count(*) from care_case x " + scope + "(x.applied_on between '2019-01-01' "
                    + "and '2019-12-31' or x.decided_on between '2019-01-01' and '2019-12-31')", Map.of());
            long awards = fx.count("select count(*) from care_reward_item i join care_reward_batch x on x.id = "
                    + "i.batch_id " + scope + "x.awarded_on between '2019-01-01' and '2019-12-31'", Map.of());
            assertThat(clearances).isEqualTo(3);
            assertThat(wb.getSheet("澄清正名").getLastRowNum()).isEqualTo(clearances);
            assertThat(wb.getSheet("容错纠错").getLastRowNum()).isEqualTo(cases).isGreaterThanOrEqualTo(3);
            assertThat(wb.getSheet("及时奖励").getLastRowNum()).isEqualTo(awards).isGreaterThanOrEqualTo(4);
            assertThat(wb.getSheet("澄清正名").getRow(1).getCell(2).getStringCellValue()).startsWith("2019-");
            for (var row : wb.getSheet("澄清正名")) {
                assertThat(row.getCell(2).getStringCellValue()).doesNotStartWith("2018-");
            }
        }
    }
}
