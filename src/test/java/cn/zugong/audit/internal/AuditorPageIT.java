package cn.zugong.audit.internal;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditLog;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The auditor's page, API and export. Everyone but the security auditor is refused (403), on pages and
 * API. Filters and the Excel export are tested on the services now; the tests through HTTP as an auditor
 * run as soon as {@code Role.AUDITOR} exists (三员分立, issue 4 item 1) and skip until then.
 */
@IntegrationTest
class AuditorPageIT {

    static final String AUDITOR_ACCOUNT = "audit-it-auditor";
    static final List<String> NOT_AUDITORS = List.of("admin", "leader", "reviewer", "reporter", "dinghai", "putuo",
            "sysadmin", "secadmin");
    static final List<String> ROUTES = List.of("/audit", "/audit/verify", "/audit/export.xlsx?action=LOGIN_SUCCESS");
    static final List<String> API_ROUTES = List.of("/api/audit", "/api/audit/verify",
            "/api/audit/export.xlsx?action=LOGIN_SUCCESS");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail trail;
    @Autowired AuditQueries queries;
    @Autowired AuditExcel excel;
    @Autowired Accounts accounts;
    @Autowired OrgTree tree;
    @Autowired ObjectMapper json;
    @Autowired Clock clock;

    String actor;

    /** Five entries of one test actor: two reads of person 1, an update of unit 7 (with a script), two exports. */
    @BeforeEach
    void entries() {
        actor = "f" + System.nanoTime();
        trail.record(AuditEvent.read("person", 1, "第一次").by(actor));
        trail.record(AuditEvent.read("person", 1, "第二次").by(actor));
        trail.record(new AuditEvent(AuditAction.UPDATE, "unit", "7", "<script>alert(1)</script>",
                Map.of("name", "旧名"), Map.of("name", "<b>新名</b>"), actor));
        trail.record(AuditEvent.of(AuditAction.EXPORT, "person", null, "导出 A").by(actor));
        trail.record(AuditEvent.of(AuditAction.EXPORT, "person", null, "导出 B").by(actor));
    }

    private static AuditFilter filter(String actor, LocalDate from, LocalDate to, AuditAction action, String type,
                                      String id) {
        return new AuditFilter(actor, from, to, action, type, id);
    }

    @Test
    void everyoneButTheAuditorIsRefused() throws Exception {
        assertThat(AuditorAccess.AUDITOR).isEqualTo("AUDITOR");
        long marker = AuditLog.last(jdbc);
        for (String name : NOT_AUDITORS) {
            for (String url : ROUTES) {
                String body = mvc.perform(get(url).with(users.page(name))).andExpect(status().isForbidden())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(body).as(name + " " + url).doesNotContain(actor); // the route rule refuses before any query
            }
            for (String url : API_ROUTES) {
                String body = mvc.perform(get(url).with(api(name))).andExpect(status().isForbidden())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(body).as(name + " " + url).contains("\"status\":403").doesNotContain(actor);
            }
            assertThat(mvc.perform(get("/").with(users.page(name))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("审计日志");
        }
        // refused exports write nothing but one refusal each (and the API's logins, once per account and address)
        List<AuditLog.Entry> written = AuditLog.since(jdbc, marker);
        assertThat(written).extracting(AuditLog.Entry::action).isSubsetOf("LOGIN_SUCCESS", "ACCESS_DENIED");
        assertThat(written).filteredOn(e -> e.action().equals("ACCESS_DENIED"))
                .hasSize(NOT_AUDITORS.size() * (ROUTES.size() + API_ROUTES.size()));
        mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
        mvc.perform(get("/audit")).andExpect(status().is3xxRedirection());
    }

    @Test
    void filtersByUserTimeActionAndObjectNewestFirst() {
        LocalDate today = LocalDate.now(clock);
        var all = queries.page(filter(actor, null, null, null, null, null), 1, 20);
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.items()).extracting(AuditRecord::summary)
                .containsExactly("导出 B", "导出 A", "<script>alert(1)</script>", "第二次", "第一次");
        assertThat(queries.page(filter(actor, null, null, AuditAction.READ_PERSONAL, null, null), 1, 20).items())
                .extracting(AuditRecord::summary).containsExactly("第二次", "第一次");
        assertThat(queries.page(filter(actor, null, null, null, "unit", "7"), 1, 20).items())
                .singleElement().extracting(AuditRecord::actionLabel).isEqualTo("修改");
        assertThat(queries.page(filter(actor, null, null, null, "person", "1"), 1, 20).total()).isEqualTo(2);
        assertThat(queries.page(filter(actor, today, today, null, null, null), 1, 20).total()).isEqualTo(5);
        assertThat(queries.page(filter(actor, today.plusDays(1), null, null, null, null), 1, 20).total()).isZero();
        assertThat(queries.page(filter(actor, null, today.minusDays(1), null, null, null), 1, 20).total()).isZero();
        assertThat(queries.page(filter(actor + "x", null, null, null, null, null), 1, 20).total()).isZero();
        var second = queries.page(filter(actor, null, null, null, null, null), 2, 2);
        assertThat(second.items()).extracting(AuditRecord::summary).containsExactly("<script>alert(1)</script>", "第二次");
        assertThat(second.pages()).isEqualTo(3);
        assertThat(queries.page(AuditFilter.none(), 1, 1).total()).isGreaterThanOrEqualTo(5);
        assertThat(filter(actor, today, null, AuditAction.EXPORT, null, null).query())
                .isEqualTo("actor=" + actor + "&from=" + today + "&action=EXPORT&");
    }

    @Test
    void theExcelExportHoldsExactlyTheFilteredEntries() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = excel.write(filter(actor, null, null, AuditAction.EXPORT, null, null), out);
        assertThat(n).isEqualTo(2);
        List<List<String>> rows = read(out.toByteArray());
        assertThat(rows.get(0)).containsExactly(AuditExcel.HEADERS);
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).extracting(r -> r.get(8)).containsExactly("导出 B", "导出 A");
        assertThat(rows.subList(1, 3)).extracting(r -> r.get(2)).containsOnly(actor);
        assertThat(rows.subList(1, 3)).extracting(r -> r.get(5)).containsOnly("导出");
    }

    // ---- as the security auditor: runs once Role.AUDITOR exists ----------------------------------

    private void auditorExists() {
        assumeTrue(Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(AuditorAccess.AUDITOR)),
                "Role.AUDITOR not in the shared kernel yet (三员分立)");
        synchronized (AuditorPageIT.class) {
            if (!accounts.exists(AUDITOR_ACCOUNT)) {
                accounts.create(new NewAccount(AUDITOR_ACCOUNT, IntegrationTest.PASSWORD, "测试审计员",
                        Role.valueOf(AuditorAccess.AUDITOR), tree.byCode("3309").orElseThrow().id()));
            }
        }
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(users.page(AUDITOR_ACCOUNT))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode apiJson(String url) throws Exception {
        return json.readTree(mvc.perform(get(url).with(api(AUDITOR_ACCOUNT))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theAuditorFiltersThePageAndSeesChangesEscaped() throws Exception {
        auditorExists();
        String body = page("/audit?actor=" + actor + "&objectType=unit&objectId=7");
        assertThat(body).contains("id=\"nav-audit\"", "共 <strong id=\"total\">1</strong> 条", "修改")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;新名&lt;/b&gt;")
                .doesNotContain("<script>alert(1)", "<b>新名").doesNotContain("第一次");
        assertThat(page("/audit?actor=" + actor + "&action=READ_PERSONAL")).contains("第一次", "第二次")
                .doesNotContain("导出 A");
        assertThat(page("/audit/verify")).contains("审计链完整");
    }

    @Test
    void theAuditorSeesWhereTheChainBreaks() throws Exception {
        auditorExists();
        long target = queries.page(filter(actor, null, null, null, "unit", "7"), 1, 1).items().get(0).id();
        try {
            jdbc.sql("update audit_entry set summary = 'x' where id = :id").param("id", target).update();
            assertThat(page("/audit/verify")).contains("审计链自第 " + target + " 条起被篡改");
            JsonNode v = apiJson("/api/audit/verify");
            assertThat(v.get("intact").asBoolean()).isFalse();
            assertThat(v.get("brokenAt").asLong()).isEqualTo(target);
            assertThat(v.get("reason").asText()).isEqualTo("HASH_MISMATCH");
        } finally {
            jdbc.sql("update audit_entry set summary = '<script>alert(1)</script>' where id = :id")
                    .param("id", target).update();
        }
        assertThat(apiJson("/api/audit/verify").get("intact").asBoolean()).isTrue();
    }

    @Test
    void theAuditorsApiFiltersAndExportsAndTheExportIsAudited() throws Exception {
        auditorExists();
        JsonNode reads = apiJson("/api/audit?actor=" + actor + "&action=READ_PERSONAL&objectType=person&objectId=1");
        assertThat(reads.get("total").asLong()).isEqualTo(2);
        assertThat(reads.get("items").get(0).get("summary").asText()).isEqualTo("第二次");
        assertThat(apiJson("/api/audit?actor=" + actor + "&from=" + LocalDate.now(clock).plusDays(1)).get("total").asLong())
                .isZero();

        long marker = AuditLog.last(jdbc);
        byte[] file = mvc.perform(get("/audit/export.xlsx?actor=" + actor).with(users.page(AUDITOR_ACCOUNT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(read(file)).hasSize(6);
        assertThat(AuditLog.since(jdbc, marker)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(AUDITOR_ACCOUNT);
            assertThat(e.action()).isEqualTo("EXPORT");
            assertThat(e.objectType()).isEqualTo("audit_entry");
            assertThat(e.summary()).isEqualTo("导出审计日志：用户=" + actor + "；共 5 条");
        });
    }

    private static List<List<String>> read(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < AuditExcel.HEADERS.length; i++) {
                    var cell = row.getCell(i);
                    cells.add(cell == null ? null : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
