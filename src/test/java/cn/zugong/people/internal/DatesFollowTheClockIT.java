package cn.zugong.people.internal;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.IdNumbers;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The roster and the audit trail take "today" from the platform's clock, not from the machine: with the clock
 * moved years ahead, the template's years, the ages, the import's "not in the future" check, the file names and
 * the audit entries' times all follow it.
 */
@IntegrationTest
class DatesFollowTheClockIT {

    static final LocalDateTime AT = LocalDateTime.of(2031, 3, 1, 10, 0);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;
    @Autowired RosterWriter writer;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @BeforeEach
    void pin() {
        RosterTestData.ensure(orgBuilder, tree, accounts);
        clock.setTo(AT);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void templateHasTheClocksYears() throws Exception {
        byte[] file = mvc.perform(get("/people/template.xlsx").with(users.page(RosterTestData.REPORTER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> headers = new ArrayList<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            wb.getSheetAt(0).getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
        }
        assertThat(headers).contains("2028年度考核", "2030年度考核", "2031年度培训学时");
    }

    @Test
    void exportIsNamedAndAuditedOnTheClocksDay() throws Exception {
        long marker = AuditLog.last(jdbc);
        var export = mvc.perform(get("/api/people/export.xlsx").with(api(RosterTestData.ADMIN)))
                .andExpect(status().isOk());
        List<LocalDateTime> times = jdbc.sql("select at from audit_entry where id > :m").param("m", marker)
                .query(LocalDateTime.class).list();
        assertThat(times).isNotEmpty().allMatch(at -> at.toLocalDate().equals(AT.toLocalDate()));
        export.andExpect(header().string("Content-Disposition", Matchers.containsString("roster-2031-03-01.xlsx")));
    }

    @Test
    void ageIsCountedFromTheClocksDay() throws Exception {
        LocalDate birth = AT.toLocalDate().minusYears(35).plusDays(1); // 34 on the clock's day, younger today
        long unit = RosterTestData.node(tree, RosterTestData.UNIT_2).id();
        writer.save(List.of(RosterImportIT.personRow(unit, IdNumbers.of("110191", birth, 3), "时钟年龄测试人")));
        mvc.perform(get("/api/people").param("q", "时钟年龄测试人").param("ageMin", "34").param("ageMax", "34")
                        .with(api(RosterTestData.ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void importTakesRewardsUpToTheClocksYear() throws Exception {
        var row = RosterFiles.person(RosterTestData.UNIT, "110192", 0);
        row.put("奖励", "2030:嘉奖");
        mvc.perform(multipart("/api/people/import").file(new MockMultipartFile("file", "clock.xlsx",
                                "application/octet-stream", RosterFiles.xlsx(List.of(row))))
                        .with(api(RosterTestData.ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(1));
    }

    @Test
    void auditExportIsNamedOnTheClocksDay() throws Exception {
        mvc.perform(get("/api/audit/export.xlsx").with(api("auditor")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("audit-20310301.xlsx")));
    }
}
