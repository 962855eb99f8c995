package cn.zugong.party.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.party.CheckinReason;
import cn.zugong.party.CheckinRecords;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.Role;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures by hand on a township of its own (two villages on one remote island of its own, under 普陀区): members
 * m1 (both villages) and m2 (village A) → 2 members, 2 villages, 1 remote island; logs in 2026: A 3 + 2 elderly,
 * 1000.50 + 500 yuan, B 4 elderly, 2,000,000 yuan → 9 visits, 2,001,500.50 yuan; a 2025 log is outside the period.
 */
@IntegrationTest
class CheckinFiguresIT {

    static final LocalDateTime AT = LocalDateTime.of(2026, 2, 1, 9, 0);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired CheckinRecords records;

    @Test
    void twoVillagesOneIslandByHandAndTheWorkbook() throws Exception {
        CheckinFixture fx = new CheckinFixture(jdbc, roster, accounts, records);
        String tag = CheckinFixture.RUN;
        long township = fx.node("330903", "TOWNSHIP", "330903T" + tag, "报到测试镇" + tag);
        long a = fx.node("330903T" + tag, "VILLAGE", "330903T" + tag + "A", "甲村" + tag);
        long b = fx.node("330903T" + tag, "VILLAGE", "330903T" + tag + "B", "乙村" + tag);
        fx.node("330903T" + tag + "A", "PARTY_ORG", "330903T" + tag + "AP1", "甲村党支部");
        fx.node("330903T" + tag + "B", "PARTY_ORG", "330903T" + tag + "BP1", "乙村党支部");
        fx.island(fx.nodeId("330903"), "测试岛" + tag, a, b);
        long edu = fx.nodeId("330902U10P1");
        long m1 = fx.member(edu, "330903", "成效甲");
        long m2 = fx.member(edu, "330903", "成效乙");
        long r1a = records.register(m1, a, CheckinReason.HOMETOWN, null, null, null, "test", AT);
        long r1b = records.register(m1, b, CheckinReason.HOMETOWN, null, null, null, "test", AT);
        long r2a = records.register(m2, a, CheckinReason.HOMETOWN, null, null, null, "test", AT.minusYears(1));
        for (long r : new long[] {r1a, r1b}) {
            records.confirm(r, "test", AT);
        }
        records.confirm(r2a, "test", AT.minusYears(1));
        records.log(m1, a, null, LocalDate.of(2026, 3, 2), "走访", null, 3, new BigDecimal("1000.50"), null, "t", AT.plusMonths(2));
        records.log(m2, a, null, LocalDate.of(2026, 4, 2), "走访", null, 2, new BigDecimal("500"), null, "t", AT.plusMonths(3));
        records.log(m1, b, null, LocalDate.of(2026, 5, 2), "争取资金", null, 4, new BigDecimal("2000000"), null, "t", AT.plusMonths(4));
        records.log(m2, a, null, LocalDate.of(2025, 6, 2), "去年", null, 7, new BigDecimal("99"), null, "t", AT.minusMonths(6));

        String admin = fx.officeAccount(Role.ADMIN, township);
        mvc.perform(get("/api/party/checkin/figures?from=2026-01-01&to=2026-12-31").with(TestUsers.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.members").value(2))
                .andExpect(jsonPath("$.total.villages").value(2))
                .andExpect(jsonPath("$.total.logs").value(3))
                .andExpect(jsonPath("$.total.elderlyVisits").value(9))
                .andExpect(jsonPath("$.total.fundsYuan").value(2001500.50))
                .andExpect(jsonPath("$.remoteIslands").value(1))
                .andExpect(jsonPath("$.remoteIslandsCovered").value(1))
                .andExpect(jsonPath("$.byIsland[0].members").value(2))
                .andExpect(jsonPath("$.byCounty[0].name").value("普陀区"))
                .andExpect(jsonPath("$.sentence").value(
                        "已有2名党员报到，覆盖1个偏远小岛，走访老年群众9人次，帮助争取各类补助帮扶资金200余万元"));
        // 2025 alone: only m2 was reported then (m1 in 2026), the 2025 log
        mvc.perform(get("/api/party/checkin/figures?from=2025-01-01&to=2025-12-31").with(TestUsers.api(admin)))
                .andExpect(jsonPath("$.total.members").value(1)).andExpect(jsonPath("$.total.elderlyVisits").value(7))
                .andExpect(jsonPath("$.remoteIslandsWithNobody.length()").value(0));
        mvc.perform(get("/party/checkin/figures?from=2026-01-01&to=2026-12-31").with(users.page(admin)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("200余万元")));

        byte[] xlsx = mvc.perform(get("/party/checkin/figures.xlsx?from=2026-01-01&to=2026-12-31")
                .with(users.page(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet summary = book.getSheet("总体");
            assertThat(summary.getRow(1).getCell(0).getStringCellValue()).contains("已有2名党员报到");
            assertThat(summary.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(summary.getRow(9).getCell(1).getNumericCellValue()).isEqualTo(9.0);
            assertThat(summary.getRow(10).getCell(1).getNumericCellValue()).isEqualTo(2001500.5);
            Sheet villages = book.getSheet("按村社");
            assertThat(villages.getLastRowNum()).isEqualTo(5); // header at 2, two villages, the total
            assertThat(villages.getRow(5).getCell(5).getNumericCellValue()).isEqualTo(9.0);
        }
        // another county's admin sees none of it
        mvc.perform(get("/api/party/checkin/figures?from=2026-01-01&to=2026-12-31").with(TestUsers.api("shengsi")))
                .andExpect(jsonPath("$.byVillage[?(@.name == '甲村" + tag + "')]").isEmpty());
    }

    /**
     * The logs are read from their monthly sums plus the partial months at a period's ends (ADR 082): five logs
     * around February 2026 (elderly 1, 2, 4, 8, 16 so that every subset has its own sum) counted for periods that
     * cut months in different places; then a log moved to another month and one deleted, the sums following.
     */
    @Test
    void periodsThatCutMonthsCountEveryLogOnce() throws Exception {
        CheckinFixture fx = new CheckinFixture(jdbc, roster, accounts, records);
        String tag = CheckinFixture.RUN;
        long township = fx.node("330903", "TOWNSHIP", "330903M" + tag, "月切测试镇" + tag);
        long village = fx.node("330903M" + tag, "VILLAGE", "330903M" + tag + "A", "月切村" + tag);
        fx.node("330903M" + tag + "A", "PARTY_ORG", "330903M" + tag + "AP1", "月切村党支部");
        long member = fx.member(fx.nodeId("330902U10P1"), "330903", "月切甲");
        long reg = records.register(member, village, CheckinReason.HOMETOWN, null, null, null, "test", AT.minusYears(1));
        records.confirm(reg, "test", AT.minusYears(1));
        LocalDate[] days = {LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 15),
            LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1)};
        long[] ids = new long[days.length];
        for (int i = 0; i < days.length; i++) {
            ids[i] = records.log(member, village, null, days[i], "走访", null, 1 << i, BigDecimal.TEN, null, "t",
                    LocalDateTime.of(2026, 4, 1, 9, 0));
        }
        String admin = fx.officeAccount(Role.ADMIN, township);
        assertElderly(admin, "2026-01-15", "2026-02-15", 1 + 2 + 4, 3);
        assertElderly(admin, "2026-02-02", "2026-02-27", 4, 1);
        assertElderly(admin, "2026-02-01", "2026-02-28", 2 + 4 + 8, 3);
        assertElderly(admin, "2026-02-28", "2026-03-01", 8 + 16, 2);
        assertElderly(admin, "2026-01-31", "2026-03-01", 31, 5);
        mvc.perform(get("/api/party/checkin/figures?from=2026-01-31&to=2026-03-01").with(TestUsers.api(admin)))
                .andExpect(jsonPath("$.byMonth.length()").value(3))
                .andExpect(jsonPath("$.byMonth[1].elderlyVisits").value(14))
                .andExpect(jsonPath("$.byMonth[1].logs").value(3))
                .andExpect(jsonPath("$.total.fundsYuan").value(50));

        jdbc.sql("update checkin_log set served_on = date '2026-03-20', elderly_visits = 32 where id = :id")
                .param("id", ids[2]).update();
        jdbc.sql("delete from checkin_log where id = :id").param("id", ids[0]).update();
        assertElderly(admin, "2026-02-01", "2026-02-28", 2 + 8, 2);
        assertElderly(admin, "2026-01-01", "2026-03-31", 2 + 8 + 16 + 32, 4);
        assertThat(jdbc.sql("""
                select count(*) from checkin_log_month m
                where m.village_id = :v and m.logs <> (select count(*) from checkin_log l where l.village_id = m.village_id
                    and l.served_on >= m.month_start and l.served_on < m.month_start + 31
                    and extract(month from l.served_on) = extract(month from m.month_start))""")
                .param("v", village).query(Long.class).single()).isZero();
    }

    private void assertElderly(String admin, String from, String to, int elderly, int logs) throws Exception {
        mvc.perform(get("/api/party/checkin/figures?from=" + from + "&to=" + to).with(TestUsers.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.elderlyVisits").value(elderly))
                .andExpect(jsonPath("$.total.logs").value(logs));
    }
}
