package cn.zugong.cadre.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Re-use of a disciplined cadre tracked to the appointment record, shown both ways (ADR 077): the discipline's page
 * offers the person's appointment records in force (those inside the 影响期 marked) and links the registered one; the
 * appointment record's page shows the re-use with a link back only to ADMIN and 干部监督 of the scope, that read
 * audited, and nothing of it to a REVIEWER.
 */
@IntegrationTest
class CareReuseLinkIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
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

    String page(String path, String who) throws Exception {
        return mvc.perform(get(path).with(users.page(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theReuseLinksTheDisciplineAndTheAppointmentRecordBothWays() throws Exception {
        long person = fx.people("330902", 7, 1).get(0);
        String created = mvc.perform(post("/api/cadres/care/disciplines").with(TestUsers.api("dinghai"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"personId\":" + person
                                + ",\"kind\":\"严重警告\",\"decidedOn\":\"2020-03-01\",\"summary\":\"工作失职\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long d = ((Number) JsonPath.read(created, "$.id")).longValue();
        long inside = fx.appointment(person, "FURTHER_USE", "DONE", LocalDate.of(2021, 2, 28));
        long after = fx.appointment(person, "PROMOTION", "DONE", LocalDate.of(2021, 3, 1));
        long open = fx.appointment(person, "PROMOTION", "OPEN", null);

        // the discipline's page offers the records in force, the one inside the 影响期 marked, not the open one
        String form = page("/cadres/care/disciplines/" + d, "jiandu");
        assertThat(form).contains("value=\"" + after + "\"").contains("value=\"" + inside + "\"")
                .doesNotContain("value=\"" + open + "\"").contains("（影响期内）");
        // registered from the page; the record inside the 影响期 refused, nothing written
        mvc.perform(post("/cadres/care/disciplines/" + d + "/reuses").param("appointmentId", String.valueOf(inside))
                .with(users.page("jiandu")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(fx.count("select count(*) from care_reuse where discipline_id = :d", Map.of("d", d))).isZero();
        mvc.perform(post("/cadres/care/disciplines/" + d + "/reuses").param("appointmentId", String.valueOf(after))
                .with(users.page("jiandu")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(fx.count("select count(*) from care_reuse where discipline_id = :d and appointment_id = :a",
                Map.of("d", d, "a", after))).isOne();
        assertThat(page("/cadres/care/disciplines/" + d, "jiandu")).contains("/cadres/appointments/" + after)
                .doesNotContain("value=\"" + after + "\"");

        // the appointment record shows it to ADMIN and 干部监督, audited; a REVIEWER learns nothing
        long before = fx.audits("dinghai", "care_reuse", reuseId(after));
        assertThat(page("/cadres/appointments/" + after, "dinghai")).contains("受处理处分后使用")
                .contains("/cadres/care/disciplines/" + d);
        assertThat(fx.audits("dinghai", "care_reuse", reuseId(after))).isEqualTo(before + 1);
        assertThat(page("/cadres/appointments/" + after, "jiandu")).contains("/cadres/care/disciplines/" + d);
        long reviewerReads = fx.audits("reviewer", "care_reuse", reuseId(after));
        assertThat(page("/cadres/appointments/" + after, "reviewer")).doesNotContain("处分")
                .doesNotContain("/cadres/care/");
        assertThat(fx.audits("reviewer", "care_reuse", reuseId(after))).isEqualTo(reviewerReads);
        // a record without a re-use shows nothing either
        assertThat(page("/cadres/appointments/" + inside, "dinghai")).doesNotContain("受处理处分后使用");
    }

    long reuseId(long appointment) {
        return fx.count("select id from care_reuse where appointment_id = :a", Map.of("a", appointment));
    }
}
