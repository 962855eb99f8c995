package cn.zugong.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.audit.AuditLog;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Masking;
import cn.zugong.shared.crypto.BlindIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Hole 3 of issue 12 (ADR 034): a masked ID number next to the full birth date let a reader rebuild
 * the number (area code × check digit leave one) and confirm it with a whole-ID search. Now no answer
 * carries the full birth date, enumerating from what is shown leaves several candidates, and whole-ID
 * searches are audited (never the number) and limited per account.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"security", "shared"})
@AutoConfigureMockMvc
@Import({TestDatabase.class, TestClock.Config.class})
class IdNumberInferenceIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "people_id_inference");
    }

    /** The county-level codes under 舟山市 (GB/T 2260) an attacker would try. */
    private static final List<String> ZHOUSHAN_AREAS = List.of("330901", "330902", "330903", "330921", "330922");
    private static final LocalDate BIRTH = LocalDate.of(1977, 7, 15);
    private static final String NAME = "推断测试人";

    @Autowired MockMvc mvc;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService userDetails;
    @Autowired RosterWriter writer;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired BlindIndex index;
    @Autowired TestClock clock;

    private String idNumber;
    private long personId;

    @BeforeEach
    void data() {
        RosterTestData.ensure(orgBuilder, tree, accounts);
        idNumber = IdNumbers.of("330902", BIRTH, 987);
        Long existing = jdbc.sql("select id from person where id_number_idx = :idx").param("idx", index.of(idNumber))
                .query(Long.class).optional().orElse(null);
        if (existing == null) {
            long unit = RosterTestData.node(tree, RosterTestData.UNIT).id();
            existing = writer.save(List.of(RosterImportIT.personRow(unit, idNumber, NAME))).get(0).id();
        }
        personId = existing;
        IdLookupsFixture.forget(jdbc, RosterTestData.LEADER, RosterTestData.ADMIN);
    }

    @AfterEach
    void clock() {
        clock.reset();
    }

    @Test
    void leaderNeverGetsTheFullBirthDateBesideTheMaskedIdNumber() throws Exception {
        String full = BIRTH.toString();
        JsonNode list = apiJson(get("/api/people").param("q", NAME), RosterTestData.LEADER);
        JsonNode summary = list.get("items").get(0);
        assertThat(summary.get("idNumberMasked").asText()).isEqualTo(Masking.idNumber(idNumber));
        assertThat(summary.get("birthMonth").asText()).isEqualTo("1977-07");
        assertThat(summary.has("birthDate")).isFalse();
        assertThat(summary.get("age").asInt()).isPositive();
        assertThat(list.toString()).doesNotContain(full);

        JsonNode detail = apiJson(get("/api/people/" + personId), RosterTestData.LEADER);
        assertThat(detail.toString()).contains("1977-07", Masking.idNumber(idNumber)).doesNotContain(full);

        assertThat(body(get("/people/" + personId).with(page(RosterTestData.LEADER)), 200))
                .contains("出生年月", "1977-07", Masking.idNumber(idNumber)).doesNotContain(full, "1977年7月15日");
        assertThat(body(get("/people").param("q", NAME).with(page(RosterTestData.LEADER)), 200))
                .contains(Masking.idNumber(idNumber)).doesNotContain(full);
        // the admin, who may unmask (audited), gets no unaudited path to the number either
        assertThat(apiJson(get("/api/people/" + personId), RosterTestData.ADMIN).toString()).doesNotContain(full);

        byte[] export = mvc.perform(get("/people/export.xlsx").param("q", NAME).with(page(RosterTestData.LEADER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(export)).contains(NAME, Masking.idNumber(idNumber), "1977-07").doesNotContain(full);
    }

    @Test
    void enumeratingCandidatesFromWhatIsShownLeavesMoreThanOne() throws Exception {
        JsonNode shown = apiJson(get("/api/people").param("q", NAME), RosterTestData.LEADER).get("items").get(0);
        String masked = shown.get("idNumberMasked").asText();
        YearMonth month = YearMonth.parse(shown.get("birthMonth").asText());
        assertThat(candidates(masked, ZHOUSHAN_AREAS, month.atDay(1), month.atEndOfMonth())).hasSizeGreaterThan(1);
        // even knowing the area from the unit, the day stays open: 2 to 4 days of a month share a check digit
        assertThat(candidates(masked, List.of("330902"), month.atDay(1), month.atEndOfMonth()))
                .hasSizeBetween(2, 4).contains(idNumber);
        // the check is real: with the full date, as shown before the fix, one number is left
        assertThat(candidates(masked, List.of("330902"), BIRTH, BIRTH)).containsExactly(idNumber);
    }

    @Test
    void wholeIdSearchesAreAuditedWithoutTheNumber() throws Exception {
        long marker = AuditLog.last(jdbc);
        JsonNode hit = apiJson(get("/api/people").param("q", idNumber), RosterTestData.LEADER);
        assertThat(hit.get("total").asLong()).isOne();
        String miss = IdNumbers.of("330902", BIRTH, 985);
        assertThat(apiJson(get("/api/people").param("q", miss), RosterTestData.LEADER).get("total").asLong()).isZero();
        body(get("/people").param("q", idNumber).with(page(RosterTestData.LEADER)), 200);

        var entries = AuditLog.since(jdbc, marker).stream()
                .filter(e -> e.summary() != null && e.summary().contains("身份证号查找")).toList();
        assertThat(entries).hasSize(3);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(RosterTestData.LEADER);
            assertThat(e.action()).isEqualTo("READ_PERSONAL");
            assertThat(e.summary() + e.afterJson()).doesNotContain(idNumber, miss, idNumber.substring(6, 14),
                    miss.substring(6, 14));
        });
        assertThat(entries.get(0).objectId()).isEqualTo(String.valueOf(personId));
        assertThat(entries.get(0).summary()).contains("命中 1 人");
        assertThat(entries.get(1).objectId()).isNull();
        assertThat(entries.get(1).summary()).contains("未命中");
        assertThat(entries.get(2).objectId()).isEqualTo(String.valueOf(personId));
        // the whole ID number never reaches the trail by any other entry either (the export's filter)
        mvc.perform(get("/people/export.xlsx").param("q", idNumber).with(page(RosterTestData.LEADER)))
                .andExpect(status().isOk());
        assertThat(AuditLog.since(jdbc, marker)).allSatisfy(e ->
                assertThat(e.summary() + e.afterJson()).doesNotContain(idNumber));
    }

    @Test
    void theEleventhWholeIdSearchInTenMinutesIsRefusedWithoutAResult() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(apiJson(get("/api/people").param("q", idNumber), RosterTestData.LEADER).get("total").asLong())
                    .isOne();
        }
        long marker = AuditLog.last(jdbc);
        String refused = body(get("/api/people").param("q", idNumber).with(api(RosterTestData.LEADER)), 429);
        assertThat(refused).contains("身份证号", "10 分钟").doesNotContain(NAME, "items", String.valueOf(personId));
        String page = body(get("/people").param("q", idNumber).with(page(RosterTestData.LEADER)), 429);
        assertThat(page).contains("身份证号", "10 分钟").doesNotContain(NAME);
        body(get("/people/export.xlsx").param("q", idNumber).with(page(RosterTestData.LEADER)), 429);
        // name searches and lists go on; the refusals are in the trail
        assertThat(apiJson(get("/api/people").param("q", NAME), RosterTestData.LEADER).get("total").asLong()).isOne();
        assertThat(AuditLog.since(jdbc, marker)).filteredOn(e -> e.summary() != null && e.summary().contains("超过"))
                .hasSize(3).allSatisfy(e -> assertThat(e.actor()).isEqualTo(RosterTestData.LEADER));
        // another account is not affected, and after the window the leader may search again
        assertThat(apiJson(get("/api/people").param("q", idNumber), RosterTestData.ADMIN).get("total").asLong()).isOne();
        clock.advance(Duration.ofMinutes(11));
        assertThat(apiJson(get("/api/people").param("q", idNumber), RosterTestData.LEADER).get("total").asLong())
                .isOne();
    }

    @Test
    void anExportedBirthMonthImportsAgainWithTheDayFromTheIdNumber() throws Exception {
        var good = RosterFiles.person(RosterTestData.UNIT, "120106", 4);
        LocalDate birth = IdNumbers.birthDate((String) good.get("身份证号*")).orElseThrow();
        good.put("出生日期*", YearMonth.from(birth).toString());
        var wrong = RosterFiles.person(RosterTestData.UNIT, "120106", 6);
        wrong.put("出生日期*", "1960-02");
        String errors = mvc.perform(multipart("/api/people/import").file(new MockMultipartFile("file", "x.xlsx",
                        "application/octet-stream", RosterFiles.xlsx(List.of(good, wrong)))).with(api(RosterTestData.ADMIN)))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(errors).get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(3);
            assertThat(e.get("header").asText()).isEqualTo("出生日期");
            assertThat(e.get("message").asText()).contains("出生年月（1960-02）", "不一致");
        });
        mvc.perform(multipart("/api/people/import").file(new MockMultipartFile("file", "x.xlsx",
                        "application/octet-stream", RosterFiles.xlsx(List.of(good)))).with(api(RosterTestData.ADMIN)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select birth_date from person where id_number_idx = :idx")
                .param("idx", index.of((String) good.get("身份证号*"))).query(LocalDate.class).single()).isEqualTo(birth);
    }

    /** Every ID number that fits the masked form, a birth date in [from, to] and a valid check digit. */
    private static List<String> candidates(String masked, List<String> areas, LocalDate from, LocalDate to) {
        String sequence = masked.substring(14, 17);
        List<String> result = new ArrayList<>();
        for (String area : areas) {
            if (!area.startsWith(masked.substring(0, 4))) {
                continue;
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                String first17 = area + d.toString().replace("-", "") + sequence;
                String candidate = first17 + IdNumbers.checkChar(first17);
                if (Masking.idNumber(candidate).equals(masked)) {
                    result.add(candidate);
                }
            }
        }
        return result;
    }

    /** Every cell of the first sheet as shown, dates as ISO text, so a hidden full birth date shows. */
    private static List<String> cells(byte[] xlsx) throws Exception {
        List<String> cells = new ArrayList<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else {
                        cells.add(format.formatCellValue(cell));
                    }
                }
            }
        }
        return cells;
    }

    private JsonNode apiJson(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                             String username) throws Exception {
        return json.readTree(body(request.with(api(username)), 200));
    }

    private String body(RequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private RequestPostProcessor page(String username) {
        return user(userDetails.loadUserByUsername(username));
    }

    private static RequestPostProcessor api(String username) {
        return httpBasic(username, IntegrationTest.PASSWORD);
    }
}
