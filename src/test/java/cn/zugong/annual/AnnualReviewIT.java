package cn.zugong.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.zugong.FigureSourceChecks;
import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.deliberation.DeliberationHistory;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.shared.Role;
import cn.zugong.shared.figures.FigureSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * 这一年 (issue 20, ADR 081) on the test's own city: the 三事分流 figure source against its figures API, generation
 * over period and scope boundaries with the change against the previous year, the editor's tokens, publication,
 * provenance, access by scope and role (refused writes leave the database unchanged) and the three files.
 */
@IntegrationTest
class AnnualReviewIT {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);
    private static AnnualFixture f;

    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;
    @Autowired DeliberationHistory history;
    @Autowired List<FigureSource> sources;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    @BeforeEach
    void fixture() {
        if (f == null) {
            f = new AnnualFixture(org, tree, accounts, history);
        }
    }

    private FigureSource matters() {
        return sources.stream().filter(s -> s.id().equals("deliberation.matters")).findFirst().orElseThrow();
    }

    @Test
    void theMattersSourceKeepsItsContractAndEqualsTheFiguresApi() throws Exception {
        Map<String, BigDecimal> values = FigureSourceChecks.assertConsistent(matters(), f.districtA.asScope(), FROM,
                TO, AnnualFixture.user(Role.ADMIN, f.districtA));
        assertThat(values.get("raised")).isEqualByComparingTo("4");
        assertThat(values.get("closed")).isEqualByComparingTo("0");
        for (var node : List.of(f.districtA, f.districtB, f.city, f.villageA1)) {
            JsonNode api = json(apiGet("/api/deliberation/figures?nodeId=" + node.id() + "&from=" + FROM + "&to=" + TO,
                    f.cityAdmin));
            long raised = api.get("unclassified").asLong();
            long resolved = 0;
            for (JsonNode line : api.get("byKind")) {
                raised += line.get("raised").asLong();
                resolved += line.get("resolved").asLong();
            }
            Map<String, BigDecimal> v = matters().values(node.asScope(), FROM, TO);
            assertThat(v.get("raised").longValue()).as(node.name()).isEqualTo(raised);
            assertThat(v.get("closed").longValue()).as(node.name()).isEqualTo(resolved);
        }
        assertThat(matters().page(f.districtA.asScope(), FROM, TO)).startsWith("/deliberation/figures?nodeId=");
        assertThat(page(matters().page(f.districtA.asScope(), FROM, TO), f.aAdmin)).contains("三事分流");
    }

    @Test
    void aDistrictReviewCountsItsPeriodAndItsScopeWithTheChange() throws Exception {
        JsonNode review = generate(f.aAdmin, "{\"nodeId\":" + f.districtA.id() + ",\"year\":2025}");
        JsonNode matters = figure(review, "matters");
        // Dec 31 counted, Jan 1 of the next year not; B's five not; 2024's two as the previous year
        assertThat(matters.get("value").decimalValue()).isEqualByComparingTo("4");
        assertThat(matters.get("previous").decimalValue()).isEqualByComparingTo("2");
        assertThat(matters.get("change").asText()).isEqualTo("比上年增长100％");
        assertThat(figure(review, "mattersClosed").get("change").isNull()).isTrue();
        assertThat(text(review)).contains("推行“三事分流”，群众议事4件，办结0件。")
                .doesNotContain("{{").doesNotContain("五星双强");
        assertThat(review.get("missingModules")).as("every module of the catalogue is built").isEmpty();
        assertThat(review.get("notes").get("politics").asText()).contains("尚未在平台建设");
        assertThat(review.get("review").get("status").asText()).isEqualTo("DRAFT");

        JsonNode city = generate(f.cityAdmin, "{\"nodeId\":" + f.city.id() + ",\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"}");
        assertThat(figure(city, "matters").get("value").decimalValue()).isEqualByComparingTo("9");
        assertThat(figure(city, "matters").get("change").asText()).isEqualTo("比上年增长350％");
        long cityId = city.get("review").get("id").asLong();
        assertThat(jdbc.sql("select node_name, this_value, last_value from annual_review_chart where review_id = :id"
                        + " and section_key = 'grassroots' order by seq").param("id", cityId)
                .query((rs, n) -> rs.getString(1) + "=" + rs.getBigDecimal(2).intValue() + "/" + rs.getBigDecimal(3)
                        .intValue()).list())
                .containsExactly(f.districtA.name() + "=4/2", f.districtB.name() + "=5/0");
        String html = page("/annual/" + cityId, f.cityAdmin);
        assertThat(html).contains("群众议事", "/annual/" + cityId + "/figures/matters", "9件", "政治建设",
                "chart-grassroots");
        // a period that is not a calendar year compares with the same span a year earlier
        JsonNode half = generate(f.aAdmin, "{\"nodeId\":" + f.districtA.id() + ",\"from\":\"2025-06-01\",\"to\":\"2026-01-01\"}");
        // 2025-06-01 ×2, 2025-12-31, 2026-01-01; a year earlier 2024-12-31 and 2025-01-01
        assertThat(figure(half, "matters").get("value").decimalValue()).isEqualByComparingTo("4");
        assertThat(figure(half, "matters").get("previous").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void theEditorKeepsTheTokensLinkedAndRefusesBadOnes() throws Exception {
        JsonNode review = generate(f.aAdmin, "{\"nodeId\":" + f.districtA.id() + ",\"year\":2025}");
        long id = review.get("review").get("id").asLong();
        JsonNode paragraph = paragraphWith(review, "三事分流");
        long pid = paragraph.get("id").asLong();
        String before = body(pid);

        var bad = mvc.perform(post("/annual/" + id + "/edit").param("p" + pid, "全年议事{{matters}}，{{nope}}。")
                .param("action", "save").with(users.page(f.aReviewer)).with(csrf())).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("组织体系").contains("{{nope}}");
        assertThat(body(pid)).isEqualTo(before);
        var broken = apiPut("/api/annual/" + id + "/paragraphs",
                "[{\"id\":" + pid + ",\"body\":\"议事{{matters.rounded}}\"}]", f.aReviewer);
        assertThat(broken.getStatus()).isEqualTo(400);
        assertThat(broken.getContentAsString(StandardCharsets.UTF_8)).contains("{{matters.rounded}}");
        assertThat(body(pid)).isEqualTo(before);
        var leader = mvc.perform(post("/annual/" + id + "/edit").param("p" + pid, "领导改{{matters}}")
                .with(users.page(f.aLeader)).with(csrf())).andReturn().getResponse();
        assertThat(leader.getStatus()).isEqualTo(403);
        assertThat(body(pid)).isEqualTo(before);

        String preview = mvc.perform(post("/annual/" + id + "/edit").param("p" + pid, "预览{{matters}}。")
                .param("action", "preview").with(users.page(f.aReviewer)).with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(preview).contains("预览4件。");
        assertThat(body(pid)).isEqualTo(before);

        var saved = mvc.perform(post("/annual/" + id + "/edit")
                .param("p" + pid, "全区共受理群众议事{{matters}}，{{matters.change}}，其中{{matters.exact}}件已登记。")
                .param("action", "save").with(users.page(f.aReviewer)).with(csrf())).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(body(pid)).isEqualTo("全区共受理群众议事{{matters}}，{{matters.change}}，其中{{matters.exact}}件已登记。");
        assertThat(page("/annual/" + id, f.aLeader)).contains("全区共受理群众议事", "比上年增长100％",
                "/annual/" + id + "/figures/matters");
        assertThat(text(json(apiGet("/api/annual/" + id, f.aLeader))))
                .contains("全区共受理群众议事4件，比上年增长100％，其中4件已登记。");
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'annual_review' and object_id = :id"
                + " and action = 'UPDATE'").param("id", String.valueOf(id)).query(Long.class).single()).isOne();
    }

    @Test
    void aPublishedReviewDoesNotChangeWithTheData() throws Exception {
        JsonNode review = generate(f.aAdmin, "{\"nodeId\":" + f.districtA.id() + ",\"year\":2025}");
        long id = review.get("review").get("id").asLong();
        var refused = mvc.perform(post("/annual/" + id + "/publish").with(users.page(f.aReviewer)).with(csrf()))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(apiPost("/api/annual/" + id + "/publish", "", f.aAdmin).getStatus()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(apiPost("/api/annual/" + id + "/publish", "", f.aAdmin).getStatus()).isEqualTo(409);

        long added = f.matter(f.villageA2, LocalDate.of(2025, 8, 8));
        try {
            JsonNode after = json(apiGet("/api/annual/" + id, f.aAdmin));
            assertThat(figure(after, "matters").get("value").decimalValue()).isEqualByComparingTo("4");
            assertThat(text(after)).contains("群众议事4件");
            long pid = paragraphWith(after, "三事分流").get("id").asLong();
            String before = body(pid);
            assertThat(apiPut("/api/annual/" + id + "/paragraphs", "[{\"id\":" + pid + ",\"body\":\"改{{matters}}\"}]",
                    f.aAdmin).getStatus()).isEqualTo(409);
            assertThat(body(pid)).isEqualTo(before);
            // regenerating makes a new draft with today's data; the published one stays
            var regenerated = mvc.perform(post("/annual/" + id + "/regenerate").with(users.page(f.aAdmin)).with(csrf()))
                    .andReturn().getResponse();
            assertThat(regenerated.getStatus()).isEqualTo(302);
            long draft = Long.parseLong(regenerated.getRedirectedUrl().replace("/annual/", ""));
            assertThat(draft).isNotEqualTo(id);
            assertThat(figure(json(apiGet("/api/annual/" + draft, f.aAdmin)), "matters").get("value").decimalValue())
                    .isEqualByComparingTo("5");
            assertThat(status(id)).isEqualTo("PUBLISHED");
        } finally {
            jdbc.sql("delete from deliberation_matter where id = :id").param("id", added).update();
        }
    }

    @Test
    void provenanceListsTheRecordsBehindTheFigureAndIsAudited() throws Exception {
        JsonNode review = generate(f.aAdmin, "{\"nodeId\":" + f.districtA.id() + ",\"year\":2025}");
        long id = review.get("review").get("id").asLong();
        JsonNode records = json(apiGet("/api/annual/" + id + "/figures/matters/records", f.aLeader));
        assertThat(records.get("total").asLong()).isEqualTo(4);
        assertThat(records.get("value").decimalValue()).isEqualByComparingTo("4");
        assertThat(records.get("rows")).hasSize(4);
        assertThat(records.get("rows").toString()).contains("2025-12-31").doesNotContain("2026-01-01")
                .doesNotContain("乙一社区");
        String html = page("/annual/" + id + "/figures/matters", f.aLeader);
        assertThat(html).contains("三事分流议事事项", "deliberation.matters", "口径", "按登记日期计入期间", "4件",
                "/deliberation/figures?nodeId=" + f.districtA.id());
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'annual_review_figure'"
                + " and object_id = :id and action = 'READ_PERSONAL'").param("id", id + ":matters")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(apiGet("/api/annual/" + id + "/figures/nope/records", f.aLeader)).contains("没有这个数字");
    }

    @Test
    void aDistrictNeverSeesTheCityOrAnotherDistrict() throws Exception {
        long city = generate(f.cityAdmin, "{\"nodeId\":" + f.city.id() + ",\"year\":2025}").get("review").get("id").asLong();
        long a = generate(f.aAdmin, "{\"year\":2025}").get("review").get("id").asLong();
        for (String path : List.of("/annual/" + city, "/annual/" + city + "/figures/matters", "/annual/" + city + "/edit",
                "/annual/" + city + "/review.docx", "/annual/" + city + "/figures.xlsx")) {
            assertThat(status(get(path).with(users.page(f.aAdmin)))).as(path).isEqualTo(404);
        }
        assertThat(status(get("/api/annual/" + city).with(TestUsers.api(f.aAdmin)))).isEqualTo(404);
        assertThat(status(get("/api/annual/" + city + "/figures/matters/records").with(TestUsers.api(f.aLeader))))
                .isEqualTo(404);
        assertThat(status(get("/annual/" + a).with(users.page(f.bAdmin)))).isEqualTo(404);
        assertThat(apiGet("/api/annual", f.aAdmin)).contains("\"id\":" + a).doesNotContain("\"id\":" + city + ",");
        assertThat(page("/annual", f.aAdmin)).doesNotContain("/annual/" + city + "\"");
        assertThat(apiGet("/api/annual", f.cityAdmin)).contains("\"id\":" + a).contains("\"id\":" + city);
        // refused writes leave the database unchanged
        long reviews = count();
        assertThat(apiPost("/api/annual", "{\"nodeId\":" + f.districtB.id() + ",\"year\":2025}", f.aAdmin).getStatus())
                .isEqualTo(404);
        assertThat(apiPost("/api/annual", "{\"year\":2025}", f.aLeader).getStatus()).isEqualTo(403);
        assertThat(status(post("/annual").param("year", "2025").with(users.page(f.aLeader)).with(csrf()))).isEqualTo(403);
        assertThat(apiPost("/api/annual/" + city + "/publish", "", f.aAdmin).getStatus()).isEqualTo(404);
        assertThat(status(city)).isEqualTo("DRAFT");
        assertThat(count()).isEqualTo(reviews);
        // outside the office: refused with 403, not a redirect
        assertThat(status(get("/annual").with(users.page(f.aCadre)))).isEqualTo(403);
        assertThat(status(get("/annual/" + a).with(users.page(f.aCadre)))).isEqualTo(403);
        assertThat(status(get("/api/annual/catalogue").with(TestUsers.api(f.aLeader)))).isEqualTo(200);
    }

    @Test
    void theWordPdfAndExcelFilesCarryTheFigures() throws Exception {
        long id = generate(f.cityAdmin, "{\"nodeId\":" + f.city.id() + ",\"year\":2025}").get("review").get("id").asLong();
        Path out = Path.of("target", "annual");
        Files.createDirectories(out);
        byte[] docx = file("/annual/" + id + "/review.docx", f.cityAdmin);
        Files.write(out.resolve("review.docx"), docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat);
            assertThat(text).contains("群众议事9件", "基层党建", "附录", "尚未在平台建设");
            assertThat(doc.getCharts()).as("charts of the sections with numbers").isNotEmpty();
            var chart = doc.getCharts().stream()
                    .filter(c -> c.getCTChart().toString().contains("三事分流"))
                    .findFirst().orElseThrow().getChartSeries().get(0);
            assertThat(chart.getSeriesCount()).isEqualTo(2);
            assertThat(chart.getSeries(1).getValuesData().getPointAt(0).doubleValue()).isEqualTo(4.0);
            assertThat(chart.getSeries(1).getValuesData().getPointAt(1).doubleValue()).isEqualTo(5.0);
            var appendix = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(appendix.getText()).contains("三事分流议事事项", "9件", "2件", "deliberation.matters.raised",
                    "按登记日期计入期间");
        }
        byte[] pdf = file("/annual/" + id + "/review.pdf", f.cityAdmin);
        Files.write(out.resolve("review.pdf"), pdf);
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("群众议事9件", "数据来源", "三事分流议事事项");
        }
        byte[] xlsx = file("/annual/" + id + "/figures.xlsx", f.cityAdmin);
        Files.write(out.resolve("figures.xlsx"), xlsx);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("键");
            var row = sheet.getRow(1);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals("matters")) {
                    row = sheet.getRow(r);
                }
            }
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("matters");
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(9.0);
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("比上年增长350％");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("件");
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo("deliberation.matters.raised");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private JsonNode generate(String who, String body) throws Exception {
        var response = apiPost("/api/annual", body, who);
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return json(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode figure(JsonNode review, String key) {
        for (JsonNode f : review.get("figures")) {
            if (f.get("key").asText().equals(key)) {
                return f;
            }
        }
        throw new AssertionError("no figure " + key + " in " + review);
    }

    private static String text(JsonNode review) {
        StringBuilder out = new StringBuilder();
        review.get("paragraphs").forEach(p -> out.append(p.get("text").asText()).append('\n'));
        return out.toString();
    }

    private static JsonNode paragraphWith(JsonNode review, String words) {
        for (JsonNode p : review.get("paragraphs")) {
            if (p.get("body").asText().contains(words)) {
                return p;
            }
        }
        throw new AssertionError("no paragraph with " + words);
    }

    private String body(long paragraphId) {
        return jdbc.sql("select body from annual_review_paragraph where id = :id").param("id", paragraphId)
                .query(String.class).single();
    }

    private String status(long reviewId) {
        return jdbc.sql("select status from annual_review where id = :id").param("id", reviewId)
                .query(String.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from annual_review").query(Long.class).single();
    }

    private int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private JsonNode json(String body) throws Exception {
        return json.readTree(body);
    }

    private String apiGet(String url, String who) throws Exception {
        return mvc.perform(get(url).with(TestUsers.api(who))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse apiPost(String url, String body, String who) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body.isEmpty() ? "{}" : body)
                .with(TestUsers.api(who))).andReturn().getResponse();
    }

    private MockHttpServletResponse apiPut(String url, String body, String who) throws Exception {
        return mvc.perform(put(url).contentType(MediaType.APPLICATION_JSON).content(body).with(TestUsers.api(who)))
                .andReturn().getResponse();
    }

    private String page(String url, String who) throws Exception {
        var response = mvc.perform(get(url).with(users.page(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] file(String url, String who) throws Exception {
        var response = mvc.perform(get(url).with(users.page(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsByteArray();
    }
}
