package cn.zugong.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.IdNumbers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"security", "shared"},
        webEnvironment = WebEnvironment.RANDOM_PORT) // the 413 test needs a real server
@AutoConfigureMockMvc
@Import({TestDatabase.class, TestClock.Config.class})
class RosterImportIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "people_roster_import");
    }

    private static final String PASSWORD = IntegrationTest.PASSWORD;
    private static final String FORMAT_ERROR = "文件格式错误：请上传 .xlsx 格式的 Excel 文件";

    @Autowired MockMvc mvc;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService userDetails;
    @Autowired RosterWriter writer;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @BeforeEach
    void data() {
        RosterTestData.ensure(orgBuilder, tree, accounts);
    }

    private RequestPostProcessor page(String username) {
        return user(userDetails.loadUserByUsername(username));
    }

    private static MockMultipartHttpServletRequestBuilder upload(String url, byte[] bytes, String name) {
        return multipart(url).file(new MockMultipartFile("file", name, "application/octet-stream", bytes));
    }

    private long count(String region) {
        // ID numbers are encrypted at rest (ADR 006): the test files name people "测试<region>-<n>"
        return jdbc.sql("select count(*) from person where name like :p").param("p", "测试" + region + "-%")
                .query(Long.class).single();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void templateIsAValidWorkbookWithHeadersAndDropDowns() throws Exception {
        clock.setTo(RosterFiles.IN_YEAR); // the template's yearly columns are the server's year and the three before
        var response = mvc.perform(get("/people/template.xlsx").with(page(RosterTestData.REPORTER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''%E5%B9%B2")))
                .andReturn().getResponse();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("干部名册");
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).startsWith(RosterFiles.HEADERS.subList(0, 23).toArray(String[]::new))
                    .contains((RosterFiles.YEAR - 3) + "年度考核", (RosterFiles.YEAR - 1) + "年度考核",
                            RosterFiles.YEAR + "年度培训学时", "奖励", "处分");
            assertThat(sheet.getDataValidations()).hasSizeGreaterThanOrEqualTo(12);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(wb.getSheet("填写说明")).isNotNull();
            assertThat(wb.isSheetHidden(wb.getSheetIndex("代码表"))).isTrue();
        }
    }

    @Test
    void goodFileImportsEveryRowAndThePeoplePageShowsThem() throws Exception {
        byte[] file = RosterFiles.xlsx(RosterFiles.people(RosterTestData.UNIT, "110101", 20));
        mvc.perform(upload("/api/people/import", file, "名册.xlsx").with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(20))
                .andExpect(jsonPath("$.updated").value(0));
        assertThat(count("110101")).isEqualTo(20);
        long unitId = RosterTestData.node(tree, RosterTestData.UNIT).id();
        mvc.perform(get("/api/people").param("nodeId", "" + unitId).param("q", "测试110101-")
                        .with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                .andExpect(jsonPath("$.total").value(20));
        mvc.perform(get("/people").param("nodeId", "" + unitId).param("q", "测试110101-7")
                        .with(page(RosterTestData.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("测试110101-7")));
        var person = jdbc.sql("select id, birth_date, phone from person where name = '测试110101-3'")
                .query((rs, i) -> List.of(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3))).single();
        assertThat(person.get(1)).isEqualTo(LocalDate.of(1975, 1, 1)); // text date "1975/1/1"
        assertThat(jdbc.sql("select count(*) from person_record where person_id = :id").param("id", person.get(0))
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void fileWithBadRowsImportsNothingAndReportsEveryBadRow() throws Exception {
        List<Map<String, Object>> rows = RosterFiles.people(RosterTestData.UNIT, "110102", 9);
        String goodId = (String) rows.get(0).get("身份证号*");
        rows.get(2).put("单位名称", "单位名称只供核对");
        String id1 = (String) rows.get(1).get("身份证号*");
        rows.get(1).put("身份证号*", id1.substring(0, 17) + (id1.charAt(17) == '0' ? "1" : "0")); // row 3
        rows.get(2).put("单位代码*", "330902Z99");                   // row 4
        rows.get(3).put("性别*", "男性");                              // row 5
        rows.get(4).put("出生日期*", "1990-13-45");                    // row 6
        rows.get(5).put("身份证号*", goodId);                          // row 7
        rows.get(6).put("单位代码*", RosterTestData.PUTUO_UNIT);        // row 8
        rows.get(7).remove("姓名*");                                   // row 9
        rows.get(8).put("手机号", "12345");                             // row 10
        rows.get(8).put(RosterFiles.YEAR + "年度培训学时", 2000);
        byte[] file = RosterFiles.xlsx(rows);
        String body = mvc.perform(upload("/api/people/import", file, "bad.xlsx")
                        .with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'F')].message")
                        .value("身份证号校验位错误"))
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'A')].message")
                        .value("单位代码 330902Z99 不存在或不在您的管理范围内"))
                .andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'D')].value").value("男性"))
                .andExpect(jsonPath("$.errors[?(@.row == 6 && @.column == 'E')].header").value("出生日期"))
                .andExpect(jsonPath("$.errors[?(@.row == 7 && @.column == 'F')].message")
                        .value(hasItem("身份证号与第 2 行重复")))
                .andExpect(jsonPath("$.errors[?(@.row == 8 && @.column == 'A')].message")
                        .value("单位代码 330903X01 不存在或不在您的管理范围内"))
                .andExpect(jsonPath("$.errors[?(@.row == 9 && @.column == 'C')].message").value("必填项不能为空"))
                .andExpect(jsonPath("$.errors[?(@.row == 10 && @.column == 'G')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 10 && @.column == 'Y')].message")
                        .value("培训学时应在0至1000之间"))
                .andExpect(jsonPath("$.errors[?(@.row == 2)]").isEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("男、女"); // the allowed values are listed
        assertThat(count("110102")).isZero();

        mvc.perform(upload("/people/import", file, "bad.xlsx").with(page(RosterTestData.ADMIN)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("处错误，未导入任何数据")))
                .andExpect(content().string(containsString("身份证号校验位错误")))
                .andExpect(content().string(containsString("身份证号与第 2 行重复")));
        assertThat(count("110102")).isZero();
    }

    @Test
    void idNumberRegisteredOutsideTheScopeIsRefusedWithoutSayingWhere() throws Exception {
        long putuo = RosterTestData.node(tree, RosterTestData.PUTUO_UNIT).id();
        var p = RosterFiles.person(RosterTestData.UNIT, "110107", 1);
        writer.save(List.of(personRow(putuo, (String) p.get("身份证号*"), "外区已登记人")));
        mvc.perform(upload("/api/people/import", RosterFiles.xlsx(List.of(p)), "x.xlsx")
                        .with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message", containsString("管理范围以外的单位")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("普陀"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(RosterTestData.PUTUO_UNIT))));
    }

    @Test
    void reimportOfAChangedFileUpdatesInsteadOfDuplicating() throws Exception {
        var rows = RosterFiles.people(RosterTestData.UNIT, "110103", 5);
        mvc.perform(upload("/api/people/import", RosterFiles.xlsx(rows), "a.xlsx")
                        .with(httpBasic(RosterTestData.REPORTER, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(5));
        rows.forEach(r -> {
            r.put("职级*", "四级调研员");
            r.put("单位代码*", RosterTestData.UNIT_2);
            r.put((RosterFiles.YEAR - 1) + "年度考核", "优秀");
        });
        mvc.perform(upload("/api/people/import", RosterFiles.xlsx(rows), "b.xlsx")
                        .with(httpBasic(RosterTestData.REPORTER, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(0)).andExpect(jsonPath("$.updated").value(5));
        assertThat(count("110103")).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from person p join person_assessment a on a.person_id = p.id "
                        + "where p.name like '测试110103-%' and p.rank_level = '四级调研员' and a.result = '优秀'")
                .query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void nonExcelAndEmptyFilesGetAClearMessageNeverA500() throws Exception {
        byte[] xls = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, xls, 0, 8);
        var zip = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("hello.txt"));
            z.write("not a workbook".getBytes());
        }
        byte[] truncated = java.util.Arrays.copyOf(RosterFiles.xlsx(RosterFiles.people("X", "110108", 2)), 300);
        for (byte[] bytes : List.of("姓名,性别\n张三,男\n".getBytes(), xls, zip.toByteArray(), truncated)) {
            mvc.perform(upload("/api/people/import", bytes, "roster.xlsx").with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value(FORMAT_ERROR));
            mvc.perform(upload("/people/import", bytes, "roster.csv").with(page(RosterTestData.ADMIN)).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(FORMAT_ERROR)));
        }
        mvc.perform(upload("/api/people/import", new byte[0], "empty.xlsx").with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("上传的文件为空")));
        mvc.perform(upload("/people/import", new byte[0], "").with(page(RosterTestData.ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择要上传的 .xlsx 文件")));
        mvc.perform(multipart("/api/people/import").with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest());
        byte[] noHeaders = RosterFiles.xlsx(List.of("姓名", "备注"), List.of(Map.of("姓名", "张三")));
        mvc.perform(upload("/api/people/import", noHeaders, "h.xlsx").with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("缺少必填列：单位代码、性别、出生日期、身份证号")));
    }

    @Test
    void zipBombAndTooManyRowsAreRefusedAsAFile() throws Exception {
        var bomb = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(
                RosterFiles.xlsx(RosterFiles.people(RosterTestData.UNIT, "110110", 1))));
             var out = new ZipOutputStream(bomb)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
            }
            out.putNextEntry(new ZipEntry("xl/padding.xml"));
            out.write(new byte[40 * 1024 * 1024]); // compresses over 1000:1, far above POI's 1% minimum ratio
        }
        mvc.perform(upload("/api/people/import", bomb.toByteArray(), "bomb.xlsx")
                        .with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("压缩炸弹")));

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= RosterSheets.MAX_ROWS; i++) {
            many.add(Map.of("姓名*", "x"));
        }
        mvc.perform(upload("/api/people/import", RosterFiles.xlsx(many), "many.xlsx")
                        .with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("最多 50000 行")));
    }

    @Test
    void leaderMayNotImport() throws Exception {
        byte[] file = RosterFiles.xlsx(RosterFiles.people(RosterTestData.UNIT, "110109", 1));
        mvc.perform(get("/people/import").with(page(RosterTestData.LEADER))).andExpect(status().isForbidden());
        mvc.perform(upload("/people/import", file, "a.xlsx").with(page(RosterTestData.LEADER)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(upload("/api/people/import", file, "a.xlsx").with(httpBasic(RosterTestData.LEADER, PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(count("110109")).isZero();
        mvc.perform(get("/people/import").with(page(RosterTestData.REPORTER)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("下载导入模板")));
    }

    @Test
    void exportIsScopedFilteredAndMasked() throws Exception {
        clock.setTo(RosterFiles.IN_YEAR); // the export's yearly columns (the 优秀 of YEAR - 1) are the server's years
        long putuoUnit = RosterTestData.node(tree, RosterTestData.PUTUO_UNIT).id();
        long dinghaiUnit = RosterTestData.node(tree, RosterTestData.UNIT_2).id();
        writer.save(List.of(personRow(putuoUnit, IdNumbers.of("110106", LocalDate.of(1980, 5, 5), 11), "外区导出人"),
                personRow(dinghaiUnit, IdNumbers.of("110106", LocalDate.of(1980, 5, 6), 11), "定海导出人")));
        var admin = httpBasic(RosterTestData.ADMIN, PASSWORD);
        mvc.perform(get("/people/export.xlsx").param("nodeId", "" + putuoUnit).with(page(RosterTestData.ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/people/export.xlsx").param("nodeId", "" + RosterTestData.node(tree, "330903").id())
                .with(admin)).andExpect(status().isNotFound());

        byte[] all = mvc.perform(get("/people/export.xlsx").with(page(RosterTestData.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(all))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(5).getCellComment().getString().getString())
                    .contains("脱敏");
        }
        var rows = RosterFiles.read(all);
        assertThat(rows.get(0)).startsWith(RosterFiles.HEADERS.subList(0, 23).toArray(String[]::new));
        var data = rows.subList(1, rows.size());
        assertThat(data).isNotEmpty();
        assertThat(data).noneMatch(r -> r.get(0).startsWith("330903") || r.get(2).equals("外区导出人"));
        assertThat(data).anyMatch(r -> r.get(2).equals("定海导出人"));
        assertThat(data).allMatch(r -> r.get(5).matches("\\d{4}\\*{10}[\\dX]{4}"));
        assertThat(data).allMatch(r -> r.get(6).isEmpty() || r.get(6).matches("\\d{3}\\*{4}\\d{4}"));

        byte[] filtered = mvc.perform(get("/api/people/export.xlsx").param("nodeId", "" + dinghaiUnit)
                        .param("q", "定海导出人").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var one = RosterFiles.read(filtered);
        assertThat(one).hasSize(2);
        assertThat(one.get(1).get(0)).isEqualTo(RosterTestData.UNIT_2);
        assertThat(String.join("|", one.get(1))).contains("2024:嘉奖", "优秀");
    }

    @Test
    void tenThousandRowsImportViaTheApi() throws Exception {
        byte[] file = RosterFiles.xlsx(RosterFiles.people(RosterTestData.BIG_UNIT, "110104", 10_000));
        long start = System.nanoTime();
        mvc.perform(upload("/api/people/import", file, "big.xlsx").with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(10_000));
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("import rows=10000 ms=" + ms);
        assertThat(count("110104")).isEqualTo(10_000);
        // keep the database lean for the other tests of this class (yearly facts cascade)
        jdbc.sql("delete from person where name like '测试110104-%'").update();
    }

    @Test
    void oversizedUploadGets413WithAChineseMessage() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024 + 100_000];
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        var http = new RealHttp(port);
        var api = http.multipart("/api/people/import", big, java.util.Map.of("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((RosterTestData.ADMIN + ":" + PASSWORD).getBytes())));
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.body()).contains("上传文件过大");

        String token = http.login(RosterTestData.ADMIN, PASSWORD);
        var pageResponse = http.multipart("/people/import?_csrf=" + token, big, java.util.Map.of());
        assertThat(pageResponse.statusCode()).isEqualTo(413);
        assertThat(pageResponse.body()).contains("上传文件过大：单个文件不能超过 20MB");
    }

    static PersonRow personRow(long unitId, String idNumber, String name) {
        LocalDate birth = IdNumbers.birthDate(idNumber).orElseThrow();
        String gender = (idNumber.charAt(16) - '0') % 2 == 1 ? "男" : "女";
        return new PersonRow(null, unitId, name, gender, birth, idNumber, "13900001111", "汉族", "中共党员", "大学本科",
                "学士", null, null, "法学类", "公务员", "一级科员", null, null, null, null, LocalDate.of(2010, 1, 1), "考录",
                null, Map.of(RosterFiles.YEAR - 1, "优秀"), Map.of(),
                List.of(new PersonRow.YearNote(2024, "嘉奖")), List.of());
    }
}
