package cn.zugong.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.zugong.IntegrationTest;
import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.audit.AuditLog;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
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
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 12, holes 1 and 5 on the roster import: rights before the file is read, the row cap while streaming,
 * numbers that cannot explode (a shared string "_x0000_N1E+999999999" once answered 500 with OutOfMemoryError),
 * short error values, failed imports in the audit trail.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"security", "shared"})
@AutoConfigureMockMvc
@Import({TestDatabase.class, TestClock.Config.class})
class RosterUploadLimitsIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "people_upload_limits");
    }

    private static final String PASSWORD = IntegrationTest.PASSWORD;
    private static final String MARK = "HOSTILEMARK";

    @Autowired MockMvc mvc;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void data() {
        RosterTestData.ensure(orgBuilder, tree, accounts);
    }

    private long people() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    private MvcResult api(String username, byte[] file) throws Exception {
        return mvc.perform(multipart("/api/people/import").file(new MockMultipartFile("file", "名册.xlsx",
                "application/octet-stream", file)).with(httpBasic(username, PASSWORD))).andReturn();
    }

    private MvcResult page(String username, byte[] file) throws Exception {
        return mvc.perform(multipart("/people/import").file(new MockMultipartFile("file", "名册.xlsx",
                        "application/octet-stream", file)).with(user(userDetails.loadUserByUsername(username)))
                .with(csrf())).andReturn();
    }

    /** Header row of the template and {@code rows} rows with a unit code and a name, streamed (small in memory). */
    static byte[] bigRoster(int rows) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var wb = new SXSSFWorkbook(100)) {
            var sheet = wb.createSheet("干部名册");
            var head = sheet.createRow(0);
            for (int c = 0; c < RosterFiles.HEADERS.size(); c++) {
                head.createCell(c).setCellValue(RosterFiles.HEADERS.get(c));
            }
            for (int r = 1; r <= rows; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue(RosterTestData.UNIT);
                row.createCell(2).setCellValue("批量" + r);
            }
            wb.write(out);
            wb.dispose();
        }
        return out.toByteArray();
    }

    /** A valid one-person file whose shared string {@link #MARK} is replaced by {@code raw} (XML as stored). */
    static byte[] withSharedString(String column, String raw) throws Exception {
        List<Map<String, Object>> rows = RosterFiles.people(RosterTestData.UNIT, "110130", 1);
        rows.get(0).put(column, MARK);
        byte[] file = RosterFiles.xlsx(rows);
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(file)); var zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    assertThat(xml).contains(MARK);
                    bytes = xml.replace(MARK, raw).getBytes(StandardCharsets.UTF_8);
                }
                zip.write(bytes);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aLeaderIsRefusedBeforeTheFileIsRead() throws Exception {
        long before = people();
        byte[] big = bigRoster(60_000);
        long start = System.nanoTime();
        assertThat(api(RosterTestData.LEADER, big).getResponse().getStatus()).isEqualTo(403);
        assertThat(page(RosterTestData.LEADER, big).getResponse().getStatus()).isEqualTo(403);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
        byte[] garbage = "not a workbook".getBytes(StandardCharsets.UTF_8);
        assertThat(api(RosterTestData.LEADER, garbage).getResponse().getStatus()).isEqualTo(403);
        assertThat(page(RosterTestData.LEADER, garbage).getResponse().getStatus()).isEqualTo(403);
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void overTheRowCapIsRefusedWhileStreamingAndAudited() throws Exception {
        long before = people();
        long marker = AuditLog.last(jdbc);
        byte[] big = bigRoster(RosterSheets.MAX_ROWS + 10_000);
        long start = System.nanoTime();
        MvcResult r = api(RosterTestData.ADMIN, big);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("roster import over the cap: bytes=" + big.length + " ms=" + ms);
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("数据行数超过上限：每个文件最多 " + RosterSheets.MAX_ROWS + " 行");
        assertThat(ms).isLessThan(10_000);
        assertThat(people()).isEqualTo(before);
        var failed = AuditLog.since(jdbc, marker).stream().filter(e -> e.action().equals("IMPORT_FAILED")).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).actor()).isEqualTo(RosterTestData.ADMIN);
        assertThat(failed.get(0).objectType()).isEqualTo("person");
        assertThat(failed.get(0).summary()).contains("名册.xlsx", "数据行数超过上限");
    }

    @Test
    void aControlCharacterNumberTagCannotExplode() throws Exception {
        long before = people();
        for (String payload : List.of("_x0000_N1E+999999999", "_x0000_N1E+100000000", "_x0000_D9999-99-99")) {
            for (String column : List.of("姓名*", RosterFiles.YEAR + "年度培训学时")) {
                byte[] file = withSharedString(column, payload);
                assertThat(file.length).isLessThan(10_000);
                for (MvcResult r : List.of(api(RosterTestData.ADMIN, file), page(RosterTestData.ADMIN, file))) {
                    assertThat(r.getResponse().getStatus()).as(payload + " in " + column).isBetween(400, 499);
                    assertThat(r.getResponse().getContentAsByteArray().length).isLessThan(10_000);
                }
            }
        }
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void hugeExponentsAreRowErrorsWithShortValues() throws Exception {
        long before = people();
        long marker = AuditLog.last(jdbc);
        for (String payload : List.of("1E+100000000", "1E+999999999", "1E-999999999", "9".repeat(900))) {
            byte[] file = withSharedString(RosterFiles.YEAR + "年度培训学时", payload);
            MvcResult r = api(RosterTestData.ADMIN, file);
            String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(r.getResponse().getStatus()).as(payload).isBetween(400, 499);
            assertThat(body.length()).as(payload).isLessThan(10_000);
            assertThat(body).contains("培训学时");
        }
        assertThat(people()).isEqualTo(before);
        var failed = AuditLog.since(jdbc, marker).stream().filter(e -> e.action().equals("IMPORT_FAILED")).toList();
        assertThat(failed).hasSize(4);
        assertThat(failed.get(0).summary()).contains("名册.xlsx", "1 处错误");
    }

    @Test
    void errorValuesAreTruncated() {
        var e = new ImportError(2, "C", "姓名", "长".repeat(500), "姓名不能超过50个字");
        assertThat(e.value()).hasSize(51).endsWith("…");
    }
}
