package cn.zugong.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
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
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.IdNumbers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
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

/**
 * A weaker point of issue 12: importing a row whose ID number belongs to someone outside the caller's
 * scope says so ("已登记在您管理范围以外的单位"), which made the import a free oracle for ID numbers.
 * The message stays (officers need it to resolve transfers), but every such hit is audited (row and the
 * person hit, never the number) and counts toward the account's whole-ID lookup allowance (ADR 034).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"security", "shared"})
@AutoConfigureMockMvc
@Import({TestDatabase.class, TestClock.Config.class})
class ForeignIdImportIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "people_foreign_id");
    }

    @Autowired MockMvc mvc;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;
    @Autowired RosterWriter writer;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void data() {
        RosterTestData.ensure(orgBuilder, tree, accounts);
        IdLookupsFixture.forget(jdbc, RosterTestData.ADMIN);
    }

    /** People registered in 普陀 (outside xl-dinghai's scope), and rows of a 定海 file naming their numbers. */
    private List<Map<String, Object>> foreignRows(String region, int count) {
        long putuo = RosterTestData.node(tree, RosterTestData.PUTUO_UNIT).id();
        List<PersonRow> foreign = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            var row = RosterFiles.person(RosterTestData.UNIT, region, n);
            foreign.add(RosterImportIT.personRow(putuo, (String) row.get("身份证号*"), "外区" + region + "-" + n));
            rows.add(row);
        }
        writer.save(foreign);
        return rows;
    }

    private String importRows(List<Map<String, Object>> rows, int status) throws Exception {
        return mvc.perform(multipart("/api/people/import").file(new MockMultipartFile("file", "x.xlsx",
                                "application/octet-stream", RosterFiles.xlsx(rows)))
                        .with(httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD)))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private int search(String idNumber) throws Exception {
        return mvc.perform(get("/api/people").param("q", idNumber)
                        .with(httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD)))
                .andReturn().getResponse().getStatus();
    }

    @Test
    void aForeignHitKeepsItsMessageAndIsAuditedWithoutTheNumber() throws Exception {
        var rows = foreignRows("120201", 1);
        String idNumber = (String) rows.get(0).get("身份证号*");
        long personId = jdbc.sql("select id from person where name = '外区120201-0'").query(Long.class).single();
        long marker = AuditLog.last(jdbc);
        assertThat(importRows(rows, 422)).contains("管理范围以外").doesNotContain("普陀", "外区");
        var hits = AuditLog.since(jdbc, marker).stream()
                .filter(e -> e.summary() != null && e.summary().contains("管理范围以外"))
                .filter(e -> !e.action().equals("IMPORT_FAILED")) // the failed import names its first error too
                .toList();
        assertThat(hits).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(RosterTestData.ADMIN);
            assertThat(e.action()).isEqualTo("READ_PERSONAL");
            assertThat(e.objectType()).isEqualTo("person");
            assertThat(e.objectId()).isEqualTo(String.valueOf(personId));
            assertThat(e.summary()).contains("第 2 行");
            assertThat(e.summary() + e.afterJson()).doesNotContain(idNumber);
        });
        assertThat(AuditLog.since(jdbc, marker)).allSatisfy(e ->
                assertThat(e.summary() + e.afterJson()).doesNotContain(idNumber));
    }

    @Test
    void foreignHitsCountTowardTheWholeIdLookupAllowance() throws Exception {
        var rows = foreignRows("120202", 3);
        importRows(rows, 422);
        String own = IdNumbers.of("120202", LocalDate.of(1980, 1, 1), 5);
        for (int i = 0; i < 7; i++) {
            assertThat(search(own)).isEqualTo(200);
        }
        assertThat(search(own)).isEqualTo(429);
    }

    @Test
    void aFileWithMoreForeignHitsThanTheAllowanceTellsNoRow() throws Exception {
        long before = jdbc.sql("select count(*) from person").query(Long.class).single();
        String body = importRows(foreignRows("120203", 11), 429);
        assertThat(body).contains("身份证号", "10 分钟").doesNotContain("已登记在您管理范围以外的单位", "第 2 行", "errors");
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(before + 11);
        // the hits were recorded all the same, and the allowance is spent
        assertThat(search(IdNumbers.of("120203", LocalDate.of(1980, 1, 1), 5))).isEqualTo(429);
    }
}
