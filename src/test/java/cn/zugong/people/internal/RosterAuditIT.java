package cn.zugong.people.internal;

import static cn.zugong.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.audit.AuditLog;
import cn.zugong.audit.AuditLog.Entry;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** A roster import leaves one IMPORT entry (counts, ids of the people updated); a rejected file leaves none. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"security", "shared"})
@AutoConfigureMockMvc
@Import({TestDatabase.class, TestClock.Config.class})
class RosterAuditIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "people_roster_audit");
    }

    private static final String REGION = "150102";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;
    @Autowired ObjectMapper json;

    @BeforeEach
    void data() {
        RosterTestData.ensure(orgBuilder, tree, accounts);
    }

    private void upload(byte[] file, int expectedStatus) throws Exception {
        mvc.perform(multipart("/api/people/import")
                        .file(new MockMultipartFile("file", "r.xlsx", "application/octet-stream", file))
                        .with(httpBasic(RosterTestData.ADMIN, PASSWORD)))
                .andExpect(status().is(expectedStatus));
    }

    @Test
    void anImportIsOneEntryWithItsCounts() throws Exception {
        long marker = AuditLog.last(jdbc);
        upload(RosterFiles.xlsx(RosterFiles.people(RosterTestData.UNIT, REGION, 3)), 200);
        List<Entry> entries = withoutBasicLogins(AuditLog.since(jdbc, marker));
        assertThat(entries).extracting(Entry::action).containsExactly("IMPORT");
        Entry first = entries.get(0);
        assertThat(first.actor()).isEqualTo(RosterTestData.ADMIN);
        assertThat(first.objectType()).isEqualTo("person");
        // the 生效日期 defaults to the import day (ADR 050)
        assertThat(first.summary()).isEqualTo("导入干部名册：新增 3 人，更新 0 人，生效日期 "
                + cn.zugong.TestClock.START.toLocalDate());

        List<Long> ids = jdbc.sql("select id from person where name like :p order by id")
                .param("p", "测试" + REGION + "-%").query(Long.class).list();
        List<Map<String, Object>> rows = new ArrayList<>(RosterFiles.people(RosterTestData.UNIT, REGION, 4));
        marker = AuditLog.last(jdbc);
        upload(RosterFiles.xlsx(rows), 200);
        entries = withoutBasicLogins(AuditLog.since(jdbc, marker));
        assertThat(entries).extracting(Entry::action).containsExactly("IMPORT");
        Entry second = entries.get(0);
        assertThat(second.summary()).isEqualTo("导入干部名册：新增 1 人，更新 3 人，生效日期 "
                + cn.zugong.TestClock.START.toLocalDate());
        var after = json.readTree(second.afterJson());
        assertThat(after.get("inserted").asInt()).isOne();
        assertThat(after.get("updated").asInt()).isEqualTo(3);
        List<Long> updated = new ArrayList<>();
        after.get("updatedPersonIds").forEach(n -> updated.add(n.asLong()));
        assertThat(updated).containsExactlyInAnyOrderElementsOf(ids);
        // a database of its own (ADR 043): the imported test people and nobody else
        assertThat(jdbc.sql("select count(*) from person where name not like '测试%'").query(Long.class).single()).isZero();
    }

    @Test
    void aRejectedImportLeavesNoImportEntry() throws Exception {
        var rows = new ArrayList<>(RosterFiles.people(RosterTestData.UNIT, "150103", 2));
        Map<String, Object> bad = new java.util.LinkedHashMap<>(rows.get(1));
        bad.put("身份证号*", "123");
        rows.set(1, bad);
        long marker = AuditLog.last(jdbc);
        upload(RosterFiles.xlsx(rows), 422);
        // no IMPORT entry; the failure itself is recorded (issue 12: failed imports are audited)
        assertThat(AuditLog.since(jdbc, marker)).extracting(Entry::action).doesNotContain("IMPORT")
                .contains("IMPORT_FAILED");
    }

    /** An HTTP Basic login is recorded once per account and address per 30 minutes, so it may or may not be there. */
    private static List<Entry> withoutBasicLogins(List<Entry> entries) {
        return entries.stream().filter(e -> !e.action().equals("LOGIN_SUCCESS")).toList();
    }
}
