package cn.zugong.lighting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.OrgScope;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 12, hole 1 and the attachment weak points: the rights on the list are checked before the upload is read,
 * the import streams with a row cap, attachments are checked by magic number and capped per report.
 */
@IntegrationTest
class LightingUploadLimitsIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ListRepository lists;
    @Autowired OrgTree tree;
    @Autowired TestClock clock;

    /** A city list whose reporting window for the previous month is open today (1st–31st). */
    private TaskList openList() {
        Period reported = Period.of(LocalDate.now(clock)).previous();
        OrgScope city = tree.byCode("3309").orElseThrow().asScope();
        String code = "UL-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        long id = lists.insertList(new TaskList(0, code, "上传限制清单" + code, reported.year(), "人才工作",
                TaskList.MEETING, "推进例会", null, city.nodeId(), city.path(), "舟山市", new ListConfig(1, 31, 40,
                BigDecimal.ONE, new BigDecimal("0.8"), null, 2, ListConfig.points(100, 90, 70, 40, 0), null), "test"),
                LocalDateTime.now(clock));
        return lists.list(id).orElseThrow();
    }

    private long unit(String name) {
        return tree.search(name, tree.byCode("3309").orElseThrow().asScope(), 5).stream()
                .filter(n -> n.name().equals(name)).findFirst().orElseThrow().id();
    }

    private long task(TaskList list) {
        return lists.insertTask(new Task(0, list.id(), "UL-T1", "上传测试任务", unit("定海区教育局"), "定海区教育局",
                List.of(), "", BigDecimal.ONE, new BigDecimal("100"), "人", List.of(50, 50, 50, 50, 50, 50, 50, 50, 50,
                50, 50, 100), LocalDate.of(list.year(), 12, 31), null), LocalDateTime.now(clock));
    }

    /** A task sheet of {@code rows} valid-looking rows, written with POI's streaming writer (small in memory). */
    static byte[] taskSheet(int rows, int year) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var wb = new SXSSFWorkbook(100)) {
            var sheet = wb.createSheet(TaskSheet.SHEET);
            var head = sheet.createRow(0);
            for (int i = 0; i < TaskSheet.HEADERS.size(); i++) {
                head.createCell(i).setCellValue(TaskSheet.HEADERS.get(i));
            }
            for (int r = 1; r <= rows; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("B-" + r);
                row.createCell(1).setCellValue("批量导入任务" + r);
                row.createCell(2).setCellValue("定海区教育局");
                row.createCell(4).setCellValue(1);
                row.createCell(5).setCellValue(100);
                row.createCell(6).setCellValue("人");
                for (int m = 1; m <= 12; m++) {
                    row.createCell(6 + m).setCellValue(Math.min(100, m * 10));
                }
                row.createCell(19).setCellValue(year + "-12-31");
            }
            wb.write(out);
            wb.dispose();
        }
        return out.toByteArray();
    }

    private MvcResult importAs(String user, TaskList list, byte[] file) throws Exception {
        return mvc.perform(multipart("/lighting/import").file(new MockMultipartFile("file", "tasks.xlsx",
                "application/octet-stream", file)).param("listId", String.valueOf(list.id()))
                .with(users.page(user)).with(csrf())).andReturn();
    }

    private long tasks(TaskList list) {
        return jdbc.sql("select count(*) from lighting_task where list_id = :l").param("l", list.id())
                .query(Long.class).single();
    }

    @Test
    void aLeaderIsRefusedBeforeTheFileIsRead() throws Exception {
        TaskList list = openList();
        byte[] huge = taskSheet(200_000, list.year());
        long start = System.nanoTime();
        MvcResult r = importAs("leader", list, huge);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("lighting import by leader: bytes=" + huge.length + " ms=" + ms);
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(ms).isLessThan(2000);
        // a file that would fail parsing still gets the rights refusal: the parser is never reached
        MvcResult garbage = importAs("leader", list, "not a workbook".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.getResponse().getStatus()).isEqualTo(403);
        // another district's administrator does not see the city list at all
        MvcResult foreign = importAs("putuo", list, "not a workbook".getBytes(StandardCharsets.UTF_8));
        assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
        assertThat(tasks(list)).isZero();
    }

    @Test
    void anAdministratorOverTheRowCapGetsTheCapMessageQuicklyAndNothingIsSaved() throws Exception {
        TaskList list = openList();
        long marker = AuditLog.last(jdbc);
        byte[] over = taskSheet(TaskSheet.MAX_ROWS + 1, list.year());
        MvcResult r = importAs("admin", list, over);
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("数据行数超过上限：每个文件最多 " + TaskSheet.MAX_ROWS + " 行");
        assertThat(tasks(list)).isZero();

        byte[] huge = taskSheet(200_000, list.year());
        long start = System.nanoTime();
        MvcResult big = importAs("admin", list, huge);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("lighting import 200000 rows by admin: bytes=" + huge.length + " ms=" + ms);
        assertThat(big.getResponse().getStatus()).isEqualTo(400);
        assertThat(big.getResponse().getContentAsString(StandardCharsets.UTF_8)).containsAnyOf("数据行数超过上限",
                "文件过大");
        assertThat(ms).isLessThan(3000);
        assertThat(tasks(list)).isZero();

        // failed imports are in the audit trail: who, which file, how many errors
        var failed = AuditLog.since(jdbc, marker).stream().filter(e -> e.action().equals("IMPORT_FAILED")).toList();
        assertThat(failed).hasSizeGreaterThanOrEqualTo(2);
        assertThat(failed.get(0).actor()).isEqualTo("admin");
        assertThat(failed.get(0).objectType()).isEqualTo("lighting_task");
        assertThat(failed.get(0).summary()).contains("tasks.xlsx", "数据行数超过上限");
    }

    @Test
    void anImportWithRowErrorsIsAuditedWithTheErrorCount() throws Exception {
        TaskList list = openList();
        long marker = AuditLog.last(jdbc);
        var out = new ByteArrayOutputStream();
        try (var wb = new SXSSFWorkbook()) {
            var sheet = wb.createSheet(TaskSheet.SHEET);
            var head = sheet.createRow(0);
            for (int i = 0; i < TaskSheet.HEADERS.size(); i++) {
                head.createCell(i).setCellValue(TaskSheet.HEADERS.get(i));
            }
            sheet.createRow(1).createCell(0).setCellValue("E-1");
            wb.write(out);
            wb.dispose();
        }
        MvcResult r = importAs("admin", list, out.toByteArray());
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(tasks(list)).isZero();
        var failed = AuditLog.since(jdbc, marker).stream().filter(e -> e.action().equals("IMPORT_FAILED")).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).summary()).contains("tasks.xlsx").containsPattern("\\d+ 处错误");
    }

    @Test
    void aCellOverTheSizeCapIsRefusedNamingSheetRowAndColumn() throws Exception {
        TaskList list = openList();
        var out = new ByteArrayOutputStream();
        try (var wb = new SXSSFWorkbook()) {
            var sheet = wb.createSheet(TaskSheet.SHEET);
            var head = sheet.createRow(0);
            for (int i = 0; i < TaskSheet.HEADERS.size(); i++) {
                head.createCell(i).setCellValue(TaskSheet.HEADERS.get(i));
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("C-1");
            row.createCell(1).setCellValue("长".repeat(5000));
            wb.write(out);
            wb.dispose();
        }
        MvcResult r = importAs("admin", list, out.toByteArray());
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("工作表“亮灯任务”第 2 行 B 列", "超过 1000 个字符");
        assertThat(body).doesNotContain("长".repeat(100));
        assertThat(tasks(list)).isZero();
    }

    private MvcResult attach(long taskId, String month, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/lighting/report/attachments").file(new MockMultipartFile("file", name,
                        "application/pdf", bytes)).param("taskId", String.valueOf(taskId)).param("month", month)
                .with(users.page("admin")).with(csrf())).andReturn();
    }

    private long attachments(long taskId) {
        return jdbc.sql("""
                select count(*) from lighting_attachment a join lighting_report r on r.id = a.report_id
                where r.task_id = :t""").param("t", taskId).query(Long.class).single();
    }

    @Test
    void attachmentsAreCheckedByMagicNumberAndCappedPerReport() throws Exception {
        TaskList list = openList();
        long taskId = task(list);
        String month = Period.of(LocalDate.now(clock)).previous().iso();
        byte[] pdf = "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII);

        MvcResult fake = attach(taskId, month, "证明.pdf", "MZ this is an exe".getBytes(StandardCharsets.US_ASCII));
        assertThat(fake.getResponse().getStatus()).isEqualTo(400);
        assertThat(fake.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("内容与扩展名 .pdf 不符");
        assertThat(attachments(taskId)).isZero();

        for (int i = 1; i <= Reporting.MAX_ATTACHMENTS; i++) {
            assertThat(attach(taskId, month, "证明" + i + ".pdf", pdf).getResponse().getStatus()).isEqualTo(302);
        }
        assertThat(attachments(taskId)).isEqualTo(Reporting.MAX_ATTACHMENTS);
        MvcResult eleventh = attach(taskId, month, "证明11.pdf", pdf);
        assertThat(eleventh.getResponse().getStatus()).isEqualTo(409);
        assertThat(eleventh.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("每份进度最多上传 " + Reporting.MAX_ATTACHMENTS + " 个附件");
        assertThat(attachments(taskId)).isEqualTo(Reporting.MAX_ATTACHMENTS);
    }

    @Test
    void aLeaderMayNotAttachAndTheFileIsNotRead() throws Exception {
        TaskList list = openList();
        long taskId = task(list);
        String month = Period.of(LocalDate.now(clock)).previous().iso();
        MvcResult r = mvc.perform(multipart("/lighting/report/attachments").file(new MockMultipartFile("file",
                        "x.pdf", "application/pdf", "garbage".getBytes(StandardCharsets.US_ASCII)))
                .param("taskId", String.valueOf(taskId)).param("month", month)
                .with(users.page("leader")).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(attachments(taskId)).isZero();
    }
}
