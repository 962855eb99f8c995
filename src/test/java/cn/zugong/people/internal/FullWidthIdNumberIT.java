package cn.zugong.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.crypto.BlindIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Hole 4 of issue 12: "33０9031９7111270027" (full-width digits) passed the check digit and became a
 * second person beside the one registered as 330903197111270027, past the blind-index uniqueness and
 * the foreign-scope check. ID numbers are now NFKC-normalised, then must be ASCII digits (last may be X).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"security", "shared"})
@AutoConfigureMockMvc
@Import({TestDatabase.class, TestClock.Config.class})
class FullWidthIdNumberIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "people_full_width");
    }

    @Autowired MockMvc mvc;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;
    @Autowired RosterWriter writer;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired BlindIndex index;

    @BeforeEach
    void data() {
        RosterTestData.ensure(orgBuilder, tree, accounts);
        IdLookupsFixture.forget(jdbc, RosterTestData.ADMIN);
    }

    /** 0-9 as full-width digits (what a Chinese input method in full-width mode types). */
    static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append(Character.isDigit(c) ? (char) (c - '0' + '０') : (char) c));
        return out.toString();
    }

    private long people() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    private String importAs(String username, Map<String, Object> row, int status) throws Exception {
        return mvc.perform(multipart("/api/people/import").file(new MockMultipartFile("file", "x.xlsx",
                                "application/octet-stream", RosterFiles.xlsx(List.of(row))))
                        .with(httpBasic(username, IntegrationTest.PASSWORD)))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String body(RequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void fullWidthDigitsOfAnInScopePersonMatchThatPersonNeverASecondRow() throws Exception {
        var row = RosterFiles.person(RosterTestData.UNIT, "120101", 2);
        String ascii = (String) row.get("身份证号*");
        importAs(RosterTestData.ADMIN, row, 200);
        long before = people();

        row.put("身份证号*", fullWidth(ascii).replace("１２", "12")); // mixed, as in the probe
        row.put("职级*", "四级调研员");
        JsonNode result = json.readTree(importAs(RosterTestData.ADMIN, row, 200));
        assertThat(result.get("inserted").asInt()).isZero();
        assertThat(result.get("updated").asInt()).isOne();
        assertThat(people()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from person where id_number_idx = :idx").param("idx", index.of(ascii))
                .query(Long.class).single()).isOne();
        long id = jdbc.sql("select id from person where id_number_idx = :idx and rank_level = '四级调研员'")
                .param("idx", index.of(ascii)).query(Long.class).single();
        // stored as ASCII: the unmasked value is the plain number
        JsonNode unmasked = json.readTree(body(post("/api/people/" + id + "/unmask").param("field", "idNumber")
                .with(httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD)), 200));
        assertThat(unmasked.get("value").asText()).isEqualTo(ascii);
    }

    @Test
    void fullWidthDigitsOfAForeignPersonAreRefusedAsForeign() throws Exception {
        long putuo = RosterTestData.node(tree, RosterTestData.PUTUO_UNIT).id();
        String ascii = IdNumbers.of("330903", LocalDate.of(1971, 11, 27), 938);
        writer.save(List.of(RosterImportIT.personRow(putuo, ascii, "普陀全角测试人")));
        long before = people();
        var row = RosterFiles.person(RosterTestData.UNIT, "120102", 2);
        row.put("出生日期*", LocalDate.of(1971, 11, 27));
        row.put("性别*", "女");
        row.put("身份证号*", fullWidth(ascii));
        String body = importAs(RosterTestData.ADMIN, row, 422);
        assertThat(body).contains("管理范围以外").doesNotContain("普陀");
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void otherScriptsDigitsAreRefusedWithAClearMessage() throws Exception {
        var row = RosterFiles.person(RosterTestData.UNIT, "120103", 2);
        String ascii = (String) row.get("身份证号*");
        String arabicIndic = ascii.substring(0, 3) + '\u0663' + ascii.substring(4); // ٣ for one digit
        row.put("身份证号*", arabicIndic);
        long before = people();
        JsonNode errors = json.readTree(importAs(RosterTestData.ADMIN, row, 422)).get("errors");
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(2);
            assertThat(e.get("column").asText()).isEqualTo("F");
            assertThat(e.get("header").asText()).isEqualTo("身份证号");
            assertThat(e.get("message").asText()).contains("0-9");
        });
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void searchNormalisesFullWidthAndRefusesOtherDigits() throws Exception {
        var row = RosterFiles.person(RosterTestData.UNIT, "120104", 2);
        String ascii = (String) row.get("身份证号*");
        importAs(RosterTestData.ADMIN, row, 200);
        var admin = httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD);
        JsonNode found = json.readTree(body(get("/api/people").param("q", fullWidth(ascii)).with(admin), 200));
        assertThat(found.get("total").asLong()).isOne();
        String arabicIndic = ascii.substring(0, 3) + '\u0663' + ascii.substring(4);
        assertThat(body(get("/api/people").param("q", arabicIndic).with(admin), 400)).contains("身份证号", "0-9");
    }

    @Test
    void fullWidthPhoneIsStoredAsPlainDigits() throws Exception {
        var row = RosterFiles.person(RosterTestData.UNIT, "120105", 2);
        row.put("手机号", fullWidth("13912345678"));
        importAs(RosterTestData.ADMIN, row, 200);
        long id = jdbc.sql("select id from person where id_number_idx = :idx")
                .param("idx", index.of((String) row.get("身份证号*"))).query(Long.class).single();
        JsonNode unmasked = json.readTree(body(post("/api/people/" + id + "/unmask").param("field", "phone")
                .with(httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD)), 200));
        assertThat(unmasked.get("value").asText()).isEqualTo("13912345678");
    }
}
