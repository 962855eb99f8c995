package cn.zugong.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.NodeLevel;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.org.OrgTree;
import java.io.ByteArrayInputStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 一键生成图文报告 through the pages: the job runs in the background and reports progress; the Word file
 * is opened with POI (headings, a table's numbers and the native chart match the stored evaluation), the
 * PDF's text is extracted (Chinese unit name and an indicator's value); scope and audit.
 */
@IntegrationTest
class HealthReportIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgTree tree;
    @Autowired IndicatorPacks packs;

    long evaluation;
    IndicatorPack pack;

    @BeforeEach
    void demo() {
        evaluation = jdbc.sql("select max(id) from indicator_evaluation where created_by = 'demo' and status = 'DONE'")
                .query(Long.class).single();
        pack = packs.latest("healthcheck");
    }

    /** Starts a report as {@code user} and waits for it (polling the status fragment like the page does). */
    private byte[] report(long node, String format, String user) throws Exception {
        long start = System.nanoTime();
        MvcResult started = mvc.perform(post("/healthcheck/nodes/" + node + "/reports").param("format", format)
                        .param("evaluation", String.valueOf(evaluation)).with(csrf()).with(users.page(user)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String job = started.getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/healthcheck/reports/");
        assertThat(body(mvc.perform(get(job).with(users.page(user))).andExpect(status().isOk()).andReturn()))
                .contains("id=\"job-status\"", "progress-bar");
        for (int i = 0; i < 600; i++) {
            String fragment = body(mvc.perform(get(job + "/status").with(users.page(user))).andReturn());
            if (fragment.contains("下载报告")) {
                assertThat(fragment).doesNotContain("hx-get");
                byte[] file = mvc.perform(get(job + "/file").with(users.page(user))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsByteArray();
                System.out.printf("healthcheck report node=%d format=%s ms=%d bytes=%d%n", node, format,
                        (System.nanoTime() - start) / 1_000_000, file.length);
                return file;
            }
            assertThat(fragment).doesNotContain("生成失败").contains("hx-get");
            Thread.sleep(100);
        }
        throw new AssertionError("report not ready in 60 s");
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long ownCount(long node, String category, String colour) {
        List<String> codes = pack.indicators().stream().filter(i -> i.categoryCode().equals(category))
                .map(Indicator::code).toList();
        return jdbc.sql("select count(*) from indicator_result where evaluation_id = :e and node_id = :n "
                        + "and colour = :c and indicator_code in (:codes)")
                .param("e", evaluation).param("n", node).param("c", colour).param("codes", codes)
                .query(Long.class).single();
    }

    @Test
    void aUnitsWordReportHasHeadingsTablesAndANativeChartThatMatchTheEvaluation() throws Exception {
        long unit = jdbc.sql("select scope_node_id from account where username = 'reporter'").query(Long.class).single();
        byte[] docx = report(unit, "docx", "dinghai");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> headings = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertThat(headings).startsWith("一、总体情况", "二、模块一 队伍结构", "三、模块二 配备使用", "四、模块三 教育管理");
            assertThat(headings.get(4)).isIn("五、同级比较", "五、下级比较");
            assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText))
                    .anyMatch(t -> t.contains("定海区教育局公务员队伍数字体检报告"))
                    .anyMatch(t -> t.startsWith("本次体检以 2026-11-01 为基准日"));
            // each listed warning carries its indicator's 口径
            List<String> definitions = pack.indicators().stream().map(i -> "口径：" + i.definition()).toList();
            assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> t.startsWith("口径：")))
                    .isNotEmpty().allMatch(definitions::contains);

            XWPFTable categories = doc.getTables().get(0); // 模块一's categories
            var firstCategory = pack.modules().get(0).categories().get(0);
            assertThat(categories.getRow(1).getCell(0).getText()).isEqualTo(firstCategory.name());
            assertThat(categories.getRow(1).getCell(1).getText())
                    .isEqualTo(String.valueOf(ownCount(unit, firstCategory.code(), "RED")));
            assertThat(categories.getRow(1).getCell(2).getText())
                    .isEqualTo(String.valueOf(ownCount(unit, firstCategory.code(), "YELLOW")));

            assertThat(doc.getCharts()).hasSize(3);
            var series = doc.getCharts().get(0).getChartSeries().get(0).getSeries(0);
            assertThat(series.getCategoryData().getPointAt(0)).isEqualTo(firstCategory.name());
            assertThat(((Number) series.getValuesData().getPointAt(0)).longValue())
                    .isEqualTo(ownCount(unit, firstCategory.code(), "RED"));
        }
    }

    @Test
    void theCityWordReportComparesTheDistricts() throws Exception {
        long city = tree.byCode("3309").orElseThrow().id();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(report(city, "docx", "admin")))) {
            assertThat(doc.getCharts()).hasSize(3);
            XWPFTable peers = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(peers.getRow(0).getCell(1).getText()).isEqualTo("单位 / 区划");
            assertThat(peers.getRows().stream().map(r -> r.getCell(1).getText()))
                    .contains("定海区", "普陀区", "岱山县", "嵊泗县");
        }
    }

    @Test
    void theCityPdfCarriesChineseTextAndTheValues() throws Exception {
        long city = tree.byCode("3309").orElseThrow().id();
        byte[] pdf = report(city, "pdf", "admin");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(3);
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
        assertThat(text).contains("舟山市公务员队伍数字体检报告", "一、总体情况", "下级比较", "定海区", "普陀区");
        var red = jdbc.sql("""
                select indicator_code, result_value from indicator_result
                where evaluation_id = :e and node_id = :n and colour in ('RED', 'YELLOW')
                order by case colour when 'RED' then 0 else 1 end, indicator_code
                fetch first 1 rows only""").param("e", evaluation).param("n", city).query().singleRow();
        Indicator indicator = pack.indicator((String) red.get("indicator_code")).orElseThrow();
        String value = ((java.math.BigDecimal) red.get("result_value"))
                .setScale(Indicator.UNITS.getOrDefault(indicator.unitAt(NodeLevel.CITY), 2), RoundingMode.HALF_UP)
                .toPlainString();
        assertThat(text).contains(indicator.name().replaceAll("\\s+", "") + "：" + value + indicator.unitAt(NodeLevel.CITY));
        assertThat(text).contains(("口径：" + indicator.definition()).replaceAll("\\s+", ""));
    }

    @Test
    void theMatrixExportColoursEveryUnitsValues() throws Exception {
        long dinghai = tree.byCode("330902").orElseThrow().id();
        long marker = AuditLog.last(jdbc);
        byte[] xlsx = mvc.perform(get("/healthcheck/nodes/" + dinghai + "/matrix.xlsx")
                        .param("evaluation", String.valueOf(evaluation)).with(users.page("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(AuditLog.since(jdbc, marker)).extracting(AuditLog.Entry::action).containsExactly("EXPORT");
        long units = jdbc.sql("""
                select count(distinct r.node_id) from indicator_result r join org_node n on n.id = r.node_id
                where r.evaluation_id = :e and r.rollup = false and n.path like '/33/3309/330902/%'
                """).param("e", evaluation).query(Long.class).single();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getLastCellNum()).isEqualTo((short) (2 + pack.indicators().size()));
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + units); // header, 定海区 roll-up, its units
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("定海区");
            XSSFCell a0102 = (XSSFCell) sheet.getRow(1).getCell(2 + indexOf("A0102"));
            var stored = jdbc.sql("select result_value, colour from indicator_result where evaluation_id = :e "
                    + "and node_id = :n and indicator_code = 'A0102'").param("e", evaluation).param("n", dinghai)
                    .query().singleRow();
            assertThat(a0102.getNumericCellValue())
                    .isCloseTo(((java.math.BigDecimal) stored.get("result_value")).doubleValue(),
                            org.assertj.core.data.Offset.offset(1e-6));
            short fill = a0102.getCellStyle().getFillForegroundColor();
            assertThat(fill).isEqualTo(switch ((String) stored.get("colour")) {
                case "RED" -> org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex();
                case "YELLOW" -> org.apache.poi.ss.usermodel.IndexedColors.GOLD.getIndex();
                case "BLUE" -> org.apache.poi.ss.usermodel.IndexedColors.PALE_BLUE.getIndex();
                default -> org.apache.poi.ss.usermodel.IndexedColors.LIGHT_GREEN.getIndex();
            });
        }
    }

    @Test
    void aReportForAScopeYouLackIsRefusedAndJobsArePrivate() throws Exception {
        long putuo = tree.byCode("330903").orElseThrow().id();
        long marker = AuditLog.last(jdbc);
        mvc.perform(post("/healthcheck/nodes/" + putuo + "/reports").param("format", "pdf").with(csrf())
                .with(users.page("dinghai"))).andExpect(status().isNotFound());
        mvc.perform(get("/healthcheck/nodes/" + putuo + "/matrix.xlsx").with(users.page("dinghai")))
                .andExpect(status().isNotFound());
        // no report, no export entry: only the two refusals are audited
        assertThat(AuditLog.since(jdbc, marker)).extracting(AuditLog.Entry::action)
                .containsExactly("ACCESS_DENIED", "ACCESS_DENIED");
        long dinghai = tree.byCode("330902").orElseThrow().id();
        String job = mvc.perform(post("/healthcheck/nodes/" + dinghai + "/reports").param("format", "docx")
                .with(csrf()).with(users.page("dinghai"))).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(job).with(users.page("putuo"))).andExpect(status().isNotFound());
        mvc.perform(get(job + "/file").with(users.page("admin"))).andExpect(status().isNotFound());
    }

    private int indexOf(String code) {
        for (int i = 0; i < pack.indicators().size(); i++) {
            if (pack.indicators().get(i).code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code);
    }
}
