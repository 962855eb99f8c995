package cn.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 自贸企业认定 over HTTP: the demo's published 2025 directory of 98; a fixture year imported from Excel, scored as
 * computed by hand, cut off, published, frozen, reopened with a recorded reason and published again; only the city's
 * ADMIN decides.
 */
@IntegrationTest
class TalentDirectoryIT {

    static final String[] HEADERS = {"统一社会信用代码", "企业名称", "亩均税收（万元/亩）", "亩均营业收入（万元/亩）", "油气贸易额（亿元）",
            "保税燃料油加注量（万吨）", "研发经费占营业收入比重（%）", "从业人数（人）", "在职人才数（人）"};
    static final int YEAR = 2099;

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired EnterpriseDirectory directory;

    @Test
    void theDemoPublishes98For2025() throws Exception {
        assertThat(directory.published(2025)).isTrue();
        assertThat(directory.listedEmployers(2025)).hasSize(98);
        String page = mvc.perform(get("/talent/directory").param("year", "2025").with(users.page("reviewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("入选 98 家").contains("已发布").doesNotContain("id=\"actions\"");
        mvc.perform(get("/talent/directory/export.xlsx").param("year", "2025").with(users.page("leader")))
                .andExpect(status().isOk());
        // frozen: no computation, no import on a published year
        mvc.perform(post("/talent/directory/compute").param("year", "2025").with(users.page("admin")).with(csrf()))
                .andExpect(status().isConflict());
        // only the city's ADMIN decides
        mvc.perform(post("/talent/directory/reopen").param("year", "2025").param("reason", "测试")
                .with(users.page("dinghai")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/talent/directory/reopen").param("year", "2025").param("reason", "测试")
                .with(users.page("reviewer")).with(csrf())).andExpect(status().isForbidden());
        assertThat(directory.published(2025)).isTrue();
    }

    @Test
    void aFixtureYearIsScoredAsByHandPublishedFrozenAndRepublished() throws Exception {
        List<String> codes = jdbc.sql("select credit_code from talent_employer where kind = 'ENTERPRISE' order by credit_code")
                .query(String.class).list().subList(0, 3);
        // A at every minimum, B at every maximum, C exactly half-way except no 保税燃料油加注量 (weight 0.10):
        // A = 0; B = 100 × 1 = 100; C = 100 × (1 − 0.10) × 0.5 = 45
        byte[] file = xlsx(new String[][] {
                {codes.get(0), "甲", "10", "100", "0", "0", "1", "100", "0"},
                {codes.get(1), "乙", "30", "300", "20", "8", "5", "300", "40"},
                {codes.get(2), "丙", "20", "200", "10", "", "3", "200", "20"}});
        mvc.perform(multipart("/talent/directory/figures").file(new MockMultipartFile("file", "指标.xlsx",
                        "application/octet-stream", file)).param("year", String.valueOf(YEAR))
                .with(users.page("admin")).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/talent/directory/compute").param("year", String.valueOf(YEAR)).with(users.page("admin"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(score(codes.get(0))).isEqualByComparingTo("0");
        assertThat(score(codes.get(1))).isEqualByComparingTo("100");
        assertThat(score(codes.get(2))).isEqualByComparingTo("45");
        assertThat(rank(codes.get(1))).isEqualTo(1);
        assertThat(rank(codes.get(2))).isEqualTo(2);
        assertThat(rank(codes.get(0))).isEqualTo(3);

        mvc.perform(post("/talent/directory/publish").param("year", String.valueOf(YEAR)).with(users.page("admin"))
                .with(csrf())).andExpect(status().isConflict()); // no cut-off yet
        mvc.perform(post("/talent/directory/cutoff").param("year", String.valueOf(YEAR)).param("mode", "top")
                .param("topN", "2").with(users.page("admin")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(directory.listedEmployers(YEAR)).isEmpty(); // not published yet
        mvc.perform(post("/talent/directory/publish").param("year", String.valueOf(YEAR)).with(users.page("dinghai"))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/talent/directory/publish").param("year", String.valueOf(YEAR)).with(users.page("admin"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        long b = id(codes.get(1));
        long a = id(codes.get(0));
        assertThat(directory.listed(b, YEAR)).isTrue();
        assertThat(directory.listed(a, YEAR)).isFalse();
        assertThat(directory.listedEmployers(YEAR)).hasSize(2);

        // frozen: figures, computation and the cut-off are refused and nothing changes
        mvc.perform(multipart("/talent/directory/figures").file(new MockMultipartFile("file", "指标.xlsx",
                        "application/octet-stream", file)).param("year", String.valueOf(YEAR))
                .with(users.page("admin")).with(csrf())).andExpect(status().isConflict());
        mvc.perform(post("/talent/directory/cutoff").param("year", String.valueOf(YEAR)).param("mode", "top")
                .param("topN", "3").with(users.page("admin")).with(csrf())).andExpect(status().isConflict());
        assertThat(directory.listedEmployers(YEAR)).hasSize(2);

        // a republication: reopened with a reason (refused without), then a new cut-off and a new publication
        mvc.perform(post("/talent/directory/reopen").param("year", String.valueOf(YEAR)).param("reason", " ")
                .with(users.page("admin")).with(csrf())).andExpect(status().isConflict());
        mvc.perform(post("/talent/directory/reopen").param("year", String.valueOf(YEAR))
                .param("reason", "丙企业指标更正后重新发布").with(users.page("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.published(YEAR)).isFalse();
        mvc.perform(post("/talent/directory/cutoff").param("year", String.valueOf(YEAR)).param("mode", "score")
                .param("minScore", "0").with(users.page("admin")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/talent/directory/publish").param("year", String.valueOf(YEAR)).with(users.page("admin"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(directory.listedEmployers(YEAR)).hasSize(3);
        assertThat(jdbc.sql("select action from talent_directory_decision where report_year = :y order by id")
                .param("y", YEAR).query(String.class).list())
                .containsExactly("COMPUTE", "CUTOFF", "PUBLISH", "REOPEN", "CUTOFF", "PUBLISH");
        assertThat(jdbc.sql("select reason from talent_directory_decision where report_year = :y and action = 'REOPEN'")
                .param("y", YEAR).query(String.class).single()).isEqualTo("丙企业指标更正后重新发布");
    }

    @Test
    void aFiguresFileWithErrorsListsThemByRowAndColumnAndSavesNothing() throws Exception {
        int year = 2098;
        String institution = jdbc.sql("select min(credit_code) from talent_employer where kind = 'INSTITUTION'")
                .query(String.class).single();
        String enterprise = jdbc.sql("select min(credit_code) from talent_employer where kind = 'ENTERPRISE'")
                .query(String.class).single();
        String badCheck = enterprise.substring(0, 17) + (enterprise.charAt(17) == 'A' ? 'B' : 'A');
        byte[] file = xlsx(new String[][] {
                {enterprise, "甲", "10", "abc", "", "", "", "", ""},
                {institution, "乙", "10", "", "", "", "", "", ""},
                {badCheck, "丙", "-1", "", "", "", "", "", ""},
                {enterprise, "甲", "1", "", "", "", "", "", ""}});
        String page = mvc.perform(multipart("/talent/directory/figures").file(new MockMultipartFile("file", "指标.xlsx",
                        "application/octet-stream", file)).param("year", String.valueOf(year))
                .with(users.page("admin")).with(csrf())).andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<td>2</td><td>D</td><td>亩均营业收入（万元/亩）</td><td>应为数字")
                .contains("<td>3</td><td>A</td><td>统一社会信用代码</td><td>该代码没有登记为企业类用人单位")
                .contains("<td>4</td><td>A</td><td>统一社会信用代码</td><td>统一社会信用代码校验位错误")
                .contains("<td>4</td><td>C</td><td>亩均税收（万元/亩）</td><td>应在 0 至")
                .contains("<td>5</td><td>A</td><td>统一社会信用代码</td><td>与第 2 行重复</td>");
        assertThat(jdbc.sql("select count(*) from talent_enterprise_figure where report_year = :y").param("y", year)
                .query(Long.class).single()).isZero();
    }

    private BigDecimal score(String code) {
        return jdbc.sql("""
                select d.score from talent_directory_entry d join talent_employer e on e.id = d.employer_id
                 where d.report_year = :y and e.credit_code = :c""").param("y", YEAR).param("c", code)
                .query(BigDecimal.class).single();
    }

    private int rank(String code) {
        return jdbc.sql("""
                select d.ranking from talent_directory_entry d join talent_employer e on e.id = d.employer_id
                 where d.report_year = :y and e.credit_code = :c""").param("y", YEAR).param("c", code)
                .query(Integer.class).single();
    }

    private long id(String code) {
        return jdbc.sql("select id from talent_employer where credit_code = :c").param("c", code).query(Long.class)
                .single();
    }

    static byte[] xlsx(String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("企业指标");
            Row h = s.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                h.createCell(i).setCellValue(HEADERS[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c].isEmpty()) {
                        continue;
                    }
                    if (c >= 2 && rows[r][c].matches("-?[0-9.]+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
