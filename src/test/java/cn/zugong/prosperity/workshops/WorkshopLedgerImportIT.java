package cn.zugong.prosperity.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ledger's Excel import by the 东海社区 reporter (donghai, REPORTER of the village): a file with an error in
 * every row is refused as a whole with each problem by row, column and field and nothing saved; a good file adds its
 * months; the same file with one value changed corrects that month and keeps the old row.
 */
@IntegrationTest
class WorkshopLedgerImportIT {

    static final String PREFIX = "导入测试工坊";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    private long own;
    private long elsewhere;

    @BeforeEach
    void fixture() throws Exception {
        WorkshopFixtures fx = new WorkshopFixtures(mvc, users, jdbc);
        fx.removeAll(PREFIX);
        long donghai = fx.nodeByCode("330922100001");
        own = fx.create(PREFIX + "东海", donghai, donghai, "2020-03-01", false, 12_000_001);
        long dinghai = fx.village("330902");
        elsewhere = fx.create(PREFIX + "外村", dinghai, dinghai, "2020-03-01", false, 12_000_002);
    }

    @Test
    void aFileWithErrorsIsRefusedWholeWithEveryProblemByRowAndColumnAndNothingIsSaved() throws Exception {
        byte[] file = sheet(List.of(
                new Object[] {own, PREFIX + "东海", "2020-04", 10, 2, 20000, 50000, 1000},     // row 2: fine
                new Object[] {elsewhere, null, "2020-04", 10, 0, 20000, 50000, 1000},          // row 3: not in scope
                new Object[] {own, null, "2030-01", 10, 0, 20000, 50000, 1000},                // row 4: future month
                new Object[] {own, null, "2020-05", 5, 6, 20000, 50000, 1000},                 // row 5: low > employed
                new Object[] {own, null, "2020-06", 5, 0, -1, "一万", 1000.555},               // row 6: money
                new Object[] {own, null, "2020-04", 10, 2, 20000, 50000, 1000},                // row 7: twice
                new Object[] {own, "别的名字", "2020-02", null, 0, 1, 1, 1}));                   // row 8: name, before start, employed
        MockHttpServletResponse r = upload("donghai", file);
        assertThat(r.getStatus()).isEqualTo(422);
        String page = r.getContentAsString();
        assertThat(page).contains("整个文件未导入");
        assertThat(problems(page)).contains(
                "3|A|工坊编号", "4|C|月份", "5|E|其中低收入农户", "6|F|发放工资（元）", "6|G|销售额（元）", "6|H|村集体增收（元）",
                "7|C|月份", "8|B|工坊名称", "8|C|月份", "8|D|用工人数");
        assertThat(page).contains("没有该编号的共富工坊（或不在您的管理范围内）").contains("月份不能晚于本月")
                .contains("不能多于用工人数").contains("不能为负数").contains("应为金额").contains("至多两位小数")
                .contains("在文件中出现了两次").contains("月份早于工坊成立的月份");
        assertThat(count("workshop_ledger", own) + count("workshop_ledger", elsewhere)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'IMPORT_FAILED' and object_type = 'workshop_ledger'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aGoodFileAddsItsMonthsAndASecondOneCorrectsWithTheOldValuesKept() throws Exception {
        byte[] first = sheet(List.of(new Object[] {own, PREFIX + "东海", "2020-04", 10, 2, 20000, 50000, 1000},
                new Object[] {own, null, "2020-05", 12, 2, 24000, 52000, 1100}));
        MockHttpServletResponse ok = upload("donghai", first);
        assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(200);
        assertThat(ok.getContentAsString()).contains("新增 2 行，更正 0 行");
        assertThat(count("workshop_ledger", own)).isEqualTo(2);

        byte[] second = sheet(List.<Object[]>of(new Object[] {own, null, "2020-05", 13, 2, 26000, 52000, 1100}));
        MockHttpServletResponse corrected = upload("donghai", second);
        assertThat(corrected.getContentAsString()).contains("新增 0 行，更正 1 行");
        assertThat(jdbc.sql("select employed from workshop_ledger where workshop_id = :w and ledger_month = 202005")
                .param("w", own).query(Integer.class).single()).isEqualTo(13);
        assertThat(jdbc.sql("select employed from workshop_ledger_change where workshop_id = :w and ledger_month = 202005")
                .param("w", own).query(Integer.class).single()).isEqualTo(12);
    }

    @Test
    void theTemplateListsTheCallersWorkshopsOnlyAndAWrongHeaderIsRefused() throws Exception {
        byte[] template = mvc.perform(get("/prosperity/workshops/import/template.xlsx").with(users.page("donghai")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("工坊编号*");
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 1; i <= s.getLastRowNum(); i++) {
                ids.add((long) s.getRow(i).getCell(0).getNumericCellValue());
            }
            assertThat(ids).contains(own).doesNotContain(elsewhere);
        }
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            wb.createSheet("x").createRow(0).createCell(0).setCellValue("编号");
            wb.write(out);
            MockHttpServletResponse r = upload("donghai", out.toByteArray());
            assertThat(r.getStatus()).isEqualTo(400);
            assertThat(r.getContentAsString()).contains("表头不符合模板：第 A 列应为“工坊编号”");
        }
    }

    @Test
    void aReviewerMayNotImportAndNothingIsSaved() throws Exception {
        byte[] file = sheet(List.<Object[]>of(new Object[] {own, null, "2020-04", 10, 2, 20000, 50000, 1000}));
        assertThat(upload("reviewer", file).getStatus()).isEqualTo(403);
        assertThat(count("workshop_ledger", own)).isZero();
    }

    private MockHttpServletResponse upload(String user, byte[] content) throws Exception {
        return mvc.perform(multipart("/prosperity/workshops/import").file(new MockMultipartFile("file", "台账.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content))
                .with(users.page(user)).with(csrf())).andReturn().getResponse();
    }

    private long count(String table, long workshop) {
        return jdbc.sql("select count(*) from " + table + " where workshop_id = :w").param("w", workshop)
                .query(Long.class).single();
    }

    /** The error table's rows as "row|column|header". */
    private static List<String> problems(String page) {
        var m = java.util.regex.Pattern.compile("<tr><td>(\\d+)</td><td>([A-Z]+)</td><td>([^<]+)</td>").matcher(page);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3));
        }
        return out;
    }

    private static byte[] sheet(List<Object[]> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("月度台账");
            String[] headers = {"工坊编号*", "工坊名称", "月份*", "用工人数*", "其中低收入农户", "发放工资（元）*", "销售额（元）*",
                    "村集体增收（元）*"};
            Row head = s.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                Object[] v = rows.get(r);
                for (int c = 0; c < v.length; c++) {
                    if (v[c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v[c] != null) {
                        row.createCell(c).setCellValue(v[c].toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
