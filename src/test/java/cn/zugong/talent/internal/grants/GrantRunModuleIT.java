package cn.zugong.talent.internal.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.talent.CreditCodes;
import cn.zugong.talent.NewEmployer;
import cn.zugong.talent.NewTalent;
import cn.zugong.talent.TalentRegistry;
import cn.zugong.talent.internal.TalentStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 码上秒享 on its own fixture: ten talents whose entitlements for November 2026 were worked out by hand from
 * talent/benefits.yaml (every rule, the directory bonus, both caps, the once-only rule, each condition failing once);
 * the month run, reviewed, paid, then run again (nothing paid twice, checked in the database); facts changed after
 * payment and the month run once more (corrections, positive and negative, explained); the fact import's errors by
 * row and column; the four-eyes review.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"audit", "org"})
@Import({TestDatabase.class, TestClock.Config.class})
class GrantRunModuleIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "talent_grants_module");
    }

    static final YearMonth NOV = YearMonth.of(2026, 11);

    @Autowired GrantRuns runs;
    @Autowired FactImport facts;
    @Autowired TalentRegistry registry;
    @Autowired TalentStore store;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;

    OrgNode district;
    CurrentUser admin;
    CurrentUser admin2;
    CurrentUser reviewer;
    CurrentUser putuo;
    long e1;
    long e2;
    long[] t = new long[11];
    String[] ids = new String[11];

    @BeforeEach
    void fixture() {
        district = tree.byCode("330902").orElseThrow();
        admin = new CurrentUser(0, "gr-admin", "定海区人才办", Role.ADMIN, district.asScope(), district.name());
        admin2 = new CurrentUser(0, "gr-admin2", "定海区人才办（二）", Role.ADMIN, district.asScope(), district.name());
        reviewer = new CurrentUser(0, "gr-reviewer", "定海区审核员", Role.REVIEWER, district.asScope(), district.name());
        OrgNode pt = tree.byCode("330903").orElseThrow();
        putuo = new CurrentUser(0, "gr-putuo", "普陀区人才办", Role.ADMIN, pt.asScope(), pt.name());
        if (!jdbc.sql("select count(*) from talent_grant_line").query(Long.class).single().equals(0L)
                || !jdbc.sql("select count(*) from talent_grant_run").query(Long.class).single().equals(0L)) {
            jdbc.sql("delete from talent_grant_line").update();
            jdbc.sql("delete from talent_grant_run").update();
        }
        for (String table : List.of("talent_house_purchase", "talent_rental", "talent_social_security", "talent_employment",
                "talent_credential", "talent", "talent_directory_entry", "talent_directory", "talent_employer")) {
            jdbc.sql("delete from " + table).update();
        }
        e1 = registry.registerEmployer(new NewEmployer(district.id(), CreditCodes.of(true, "330902", 91000001),
                "舟山甲能源有限公司", "ENTERPRISE", "OIL_GAS_TRADE"), "test");
        e2 = registry.registerEmployer(new NewEmployer(district.id(), CreditCodes.of(true, "330902", 91000002),
                "舟山乙科技有限公司", "ENTERPRISE", "DIGITAL_ECONOMY"), "test");
        // the published 2026 directory lists e1, not e2
        jdbc.sql("insert into talent_directory (report_year, cutoff, published_at, published_by) values (2026, 1, "
                + "timestamp '2026-04-01 10:00:00', 'test')").update();
        jdbc.sql("insert into talent_directory_entry values (2026, :e, 90, 1, true)").param("e", e1).update();
        jdbc.sql("insert into talent_directory_entry values (2026, :e, 50, 2, false)").param("e", e2).update();

        talent(1, "A", "2025-03-01", e1);
        talent(2, "B", "2024-01-15", e2);
        talent(3, "C", "2022-05-01", e1);
        talent(4, "D", "2025-09-01", e1);
        talent(5, "D", "2025-01-01", e2);
        talent(6, "E", "2025-06-01", e1);
        talent(7, "E", "2025-06-01", e2);
        talent(8, "E", "2025-02-01", null);
        talent(9, "C", "2025-08-01", e1);
        talent(10, "B", "2026-02-01", e1);
        employment(9, e1, "2025-08-01", "2026-10-31");  // left before November

        house(1, "2025-06-01");
        house(2, "2023-12-01");      // bought before arriving: no 购房补贴
        house(3, "2026-10-10");
        house(9, "2026-01-05");      // not employed in November
        house(10, "2026-11-20");
        rental(4, "3000");
        rental(5, "1500");
        rental(6, "2500");
        rental(7, "2000");
        rental(8, "1800");
        social(4, 202611, true);
        social(5, 202611, true);
        for (int m = 0; m < 12; m++) {
            YearMonth ym = NOV.minusMonths(m);
            social(6, ym.getYear() * 100 + ym.getMonthValue(), true);
        }
        social(7, 202611, false);    // paid, but not in the city
        for (int m = 1; m <= 5; m++) {
            YearMonth ym = NOV.minusMonths(m);
            social(7, ym.getYear() * 100 + ym.getMonthValue(), true);   // 5 of 12: short of 6
        }
        social(8, 202611, true);
    }

    private void talent(int i, String level, String arrived, Long employer) {
        LocalDate birth = LocalDate.of(1985, 1, i);
        ids[i] = IdNumbers.of("330902", birth, 100 + i);
        t[i] = registry.register(new NewTalent(district.id(), employer, "测试人才" + i, "男", birth, ids[i], "1390580000" + (i % 10),
                null, "ENGINEER", "OIL_GAS_TRADE", "MASTER", null, null, new BigDecimal("200000"), LocalDate.parse(arrived),
                List.of()), "test");
        store.setLevel(t[i], level, "REGULAR", LocalDate.parse(arrived), null);
        if (employer != null) {
            employment(i, employer, arrived, null);
        }
    }

    private void employment(int i, long employer, String from, String to) {
        jdbc.sql("delete from talent_employment where talent_id = :t").param("t", t[i]).update();
        jdbc.sql("insert into talent_employment (talent_id, employer_id, from_date, to_date, imported_by, imported_at) "
                + "values (:t, :e, :f, :to, 'test', timestamp '2026-11-01 00:00:00')").param("t", t[i]).param("e", employer)
                .param("f", java.sql.Date.valueOf(from)).param("to", to == null ? null : java.sql.Date.valueOf(to)).update();
    }

    private void house(int i, String date) {
        jdbc.sql("insert into talent_house_purchase (talent_id, contract_date, address, area, imported_by, imported_at) "
                + "values (:t, :d, '定海区测试路' || :i || '号', 98.5, 'test', timestamp '2026-11-01 00:00:00')")
                .param("t", t[i]).param("d", java.sql.Date.valueOf(date)).param("i", i).update();
    }

    private void rental(int i, String rent) {
        jdbc.sql("insert into talent_rental (talent_id, from_date, to_date, monthly_rent, imported_by, imported_at) "
                + "values (:t, date '2025-01-01', null, :r, 'test', timestamp '2026-11-01 00:00:00')")
                .param("t", t[i]).param("r", new BigDecimal(rent)).update();
    }

    private void social(int i, int month, boolean inCity) {
        jdbc.sql("insert into talent_social_security (talent_id, pay_month, paid_in_city, imported_by, imported_at) "
                + "values (:t, :m, :c, 'test', timestamp '2026-11-01 00:00:00')")
                .param("t", t[i]).param("m", month).param("c", inCity).update();
    }

    /** talent → rule → amount of the run's lines. */
    private Map<String, BigDecimal> amounts(long run) {
        Map<String, BigDecimal> out = new java.util.TreeMap<>();
        jdbc.sql("select talent_id, rule_code, amount from talent_grant_line where run_id = :r").param("r", run)
                .query((rs, n) -> out.put(index(rs.getLong("talent_id")) + ":" + rs.getString("rule_code"),
                        rs.getBigDecimal("amount").stripTrailingZeros())).list();
        return out;
    }

    private int index(long id) {
        for (int i = 1; i <= 10; i++) {
            if (t[i] == id) {
                return i;
            }
        }
        return -1;
    }

    private static BigDecimal y(String v) {
        return new BigDecimal(v).stripTrailingZeros();
    }

    @Test
    void theMonthIsComputedAsWorkedOutByHandPaidOnceAndCorrectedWithExplainedLines() {
        GrantRun nov = runs.compute(NOV, admin);
        Map<String, BigDecimal> expected = new java.util.TreeMap<>();
        expected.put("1:HOUSE_PURCHASE", y("3000000"));   // A 3,000,000 × 1.2 = 3,600,000, capped at 3,000,000
        expected.put("1:SETTLING", y("1000000"));         // A 1,000,000 × 1.2, capped at 1,000,000
        expected.put("2:SETTLING", y("500000"));          // B, not in the directory; house bought before arrival
        expected.put("3:HOUSE_PURCHASE", y("960000"));    // C 800,000 × 1.2; arrived 2022: no 安家补助 (36 months)
        expected.put("4:RENT", y("2400"));                // D 2,000 × 1.2 = 2,400 ≤ rent 3,000
        expected.put("4:SETTLING", y("120000"));          // D 100,000 × 1.2
        expected.put("5:RENT", y("1500"));                // D 2,000, capped by the rent 1,500
        expected.put("5:SETTLING", y("100000"));          // D, not in the directory
        expected.put("6:RENT", y("1200"));                // E 1,000 × 1.2
        expected.put("6:HOUSING", y("20000"));            // E, 12 of 12 months in the city, factor 1.0
        expected.put("10:HOUSE_PURCHASE", y("1800000"));  // B 1,500,000 × 1.2
        expected.put("10:SETTLING", y("600000"));         // B 500,000 × 1.2
        // 7: November paid outside the city, 5 of 12 months; 8: not employed; 9: left in October
        assertThat(amounts(nov.id())).isEqualTo(expected);
        assertThat(nov.lineCount()).isEqualTo(12);
        assertThat(nov.totalAmount()).isEqualByComparingTo("8105100");
        assertThat(nov.directoryYear()).isEqualTo(2026);
        assertThat(nov.status()).isEqualTo(GrantRun.Status.PENDING);

        // explanations name the rule, the level, the facts, the bonus and the cap
        GrantLine house1 = runs.lines(nov.id(), new GrantRuns.LineFilter("HOUSE_PURCHASE", null, "测试人才1"), 1, 50, admin)
                .items().stream().filter(l -> l.talentId() == t[1]).findFirst().orElseThrow();
        assertThat(house1.explanation()).contains("购房补贴", "A 类", "3000000.00", "舟山甲能源有限公司", "自贸企业目录在册", "×1.2",
                "购房合同 2025-06-01", "按上限核定", "核定 3000000.00 元");
        assertThat(house1.idNumber()).isEqualTo(ids[1]);

        // a second open run of the month is refused; four eyes; a REVIEWER does not compute
        assertThatThrownBy(() -> runs.compute(NOV, admin2)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> runs.approve(nov.id(), null, admin)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> runs.compute(NOV, reviewer)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> runs.run(nov.id(), putuo)).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select reviewed_by from talent_grant_run where id = :id").param("id", nov.id())
                .query(String.class).optional()).isEmpty();
        runs.approve(nov.id(), "核对无误", reviewer);
        runs.markPaid(nov.id(), admin);

        // the same month again: nothing new, nothing twice
        GrantRun again = runs.compute(NOV, admin2);
        assertThat(again.lineCount()).isZero();
        assertThat(again.totalAmount()).isEqualByComparingTo("0");
        assertThat(jdbc.sql("select count(*) from (select talent_id, ent_key from talent_grant_line where kind = 'GRANT' "
                + "group by talent_id, ent_key having count(*) > 1) d").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select sum(amount) from talent_grant_line").query(BigDecimal.class).single())
                .isEqualByComparingTo("8105100");
        // and the database itself refuses a second grant line of a paid entitlement
        assertThatThrownBy(() -> jdbc.sql("insert into talent_grant_line (run_id, talent_id, rule_code, ent_key, revision, "
                + "granted_period, kind, amount) values (:r, :t, 'SETTLING', 'SETTLING', 0, 202611, 'GRANT', 1000000)")
                .param("r", again.id()).param("t", t[1]).update()).isInstanceOf(DataIntegrityViolationException.class);
        runs.approve(again.id(), null, reviewer);

        // facts change after payment: T3 moves to a non-directory employer, T4's rent falls to 2,000, T5's rises
        // to 1,800, T6's November contribution is withdrawn
        employment(3, e2, "2022-05-01", null);
        jdbc.sql("update talent_rental set monthly_rent = 2000 where talent_id = :t").param("t", t[4]).update();
        jdbc.sql("update talent_rental set monthly_rent = 1800 where talent_id = :t").param("t", t[5]).update();
        jdbc.sql("delete from talent_social_security where talent_id = :t and pay_month = 202611").param("t", t[6]).update();
        GrantRun corrected = runs.compute(NOV, admin);
        Map<String, BigDecimal> corrections = new java.util.TreeMap<>();
        corrections.put("3:HOUSE_PURCHASE", y("-160000"));  // 800,000 without the bonus, 960,000 paid
        corrections.put("4:RENT", y("-400"));               // capped by the rent 2,000, 2,400 paid
        corrections.put("5:RENT", y("300"));                // 1,800, 1,500 paid
        corrections.put("6:RENT", y("-1200"));              // no longer due
        assertThat(amounts(corrected.id())).isEqualTo(corrections);
        assertThat(corrected.totalAmount()).isEqualByComparingTo("-161300");
        List<GrantLine> lines = runs.lines(corrected.id(), new GrantRuns.LineFilter(null, "CORRECTION", null), 1, 50, admin).items();
        assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l.revision()).isEqualTo(1));
        assertThat(lines).filteredOn(l -> l.talentId() == t[6]).singleElement()
                .satisfies(l -> assertThat(l.explanation()).contains("已不再符合条件", "原已发 1200.00", "冲减 1200.00"));
        assertThat(lines).filteredOn(l -> l.talentId() == t[5]).singleElement()
                .satisfies(l -> assertThat(l.explanation()).contains("复核为 1800.00", "原已发 1500.00", "补发 300.00"));
        // the paid lines were not touched
        assertThat(jdbc.sql("select sum(amount) from talent_grant_line where run_id = :r").param("r", nov.id())
                .query(BigDecimal.class).single()).isEqualByComparingTo("8105100");
        runs.approve(corrected.id(), null, reviewer);
        GrantRun nothing = runs.compute(NOV, admin2);
        assertThat(nothing.lineCount()).isZero();
        runs.approve(nothing.id(), null, reviewer);

        // a rejected run leaves nothing behind, and the month can be computed again
        jdbc.sql("update talent_rental set monthly_rent = 1900 where talent_id = :t").param("t", t[5]).update();
        GrantRun wrong = runs.compute(NOV, admin);
        assertThat(wrong.lineCount()).isEqualTo(1);
        runs.reject(wrong.id(), "租金数据待核实", reviewer);
        assertThat(jdbc.sql("select count(*) from talent_grant_line where run_id = :r").param("r", wrong.id())
                .query(Long.class).single()).isZero();
        assertThat(runs.compute(NOV, admin).lineCount()).isEqualTo(1);
    }

    @Test
    void anImportWithErrorsImportsNothingAndNamesEveryRowAndColumn() throws Exception {
        byte[] bad = sheet(FactKind.RENTAL, List.of(
                new Object[] {ids[4], "2026-01-01", "", "2500"},
                new Object[] {"330902198501019999", "2026-01-01", "", "2500"},
                new Object[] {ids[5], "2026-13-01", "2025-01-01", "abc"},
                new Object[] {ids[6], "2026-03-01", "2026-02-01", "2500"}));
        FactImport.Outcome outcome = facts.importSheet(FactKind.RENTAL, new ByteArrayInputStream(bad), admin);
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.problems()).extracting(FactImport.Problem::row, FactImport.Problem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "A"), org.assertj.core.groups.Tuple.tuple(4, "B"),
                        org.assertj.core.groups.Tuple.tuple(4, "D"), org.assertj.core.groups.Tuple.tuple(5, "C"));
        assertThat(outcome.problems().get(2).text()).contains("第 4 行 D 列（月租金（元））");
        // nothing imported: T4 still has its one fixture rental
        assertThat(jdbc.sql("select count(*) from talent_rental where talent_id = :t").param("t", t[4]).query(Long.class)
                .single()).isEqualTo(1L);
        // a talent of another district reads as unknown
        FactImport.Outcome other = facts.importSheet(FactKind.RENTAL, new ByteArrayInputStream(sheet(FactKind.RENTAL,
                List.<Object[]>of(new Object[] {ids[4], "2026-01-01", "", "2500"}))), putuo);
        assertThat(other.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("不在您的管理范围内"));

        byte[] good = sheet(FactKind.RENTAL, List.of(new Object[] {ids[4], "2026-01-01", "", "2600"},
                new Object[] {ids[4], "2025-01-01", "2025-12-31", "2400"}));
        FactImport.Outcome ok = facts.importSheet(FactKind.RENTAL, new ByteArrayInputStream(good), admin);
        assertThat(ok.ok()).isTrue();
        assertThat(jdbc.sql("select sum(monthly_rent) from talent_rental where talent_id = :t").param("t", t[4])
                .query(BigDecimal.class).single()).isEqualByComparingTo("5000");
        assertThatThrownBy(() -> facts.importSheet(FactKind.RENTAL, new ByteArrayInputStream(good), reviewer))
                .isInstanceOf(ForbiddenException.class);
        byte[] employment = sheet(FactKind.EMPLOYMENT, List.<Object[]>of(new Object[] {ids[8], "91330902XXXXXXXXXX", "2026-01-01", ""}));
        assertThat(facts.importSheet(FactKind.EMPLOYMENT, new ByteArrayInputStream(employment), admin).problems())
                .singleElement().satisfies(p -> assertThat(p.column()).isEqualTo("B"));
    }

    @Test
    void aBrokenRuleStopsTheStartWithItsCodeAndReason() {
        var classification = cn.zugong.talent.internal.Classification.load();
        assertThatThrownBy(() -> BenefitRules.parse("""
                rules:
                  - {code: RENT, name: 租房补贴, kind: MONTHLY, levels: {F: 100}, cap_by_rent: true}
                  - {code: X1, name: 甲, kind: ONCE, levels: {A: -5}, directory_factor: 0.5}
                """, classification)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("规则 RENT：等级 F 不在人才分类目录中")
                .hasMessageContaining("规则 RENT：cap_by_rent 只能用于要求租房")
                .hasMessageContaining("规则 X1：等级 A 的金额须为正数")
                .hasMessageContaining("规则 X1：directory_factor 须在 1 到 3 之间");
        assertThat(BenefitRules.load(classification).rules()).extracting(BenefitRules.Rule::code)
                .containsExactly("HOUSE_PURCHASE", "SETTLING", "RENT", "HOUSING");
    }

    private static byte[] sheet(FactKind kind, List<Object[]> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet();
            Row head = s.createRow(0);
            for (int i = 0; i < kind.headers().size(); i++) {
                head.createCell(i).setCellValue(kind.headers().get(i));
            }
            int r = 1;
            for (Object[] values : rows) {
                Row row = s.createRow(r++);
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i).setCellValue(String.valueOf(values[i]));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
