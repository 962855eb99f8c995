package cn.zugong.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.ChangeKind;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterChange;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Role;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roster history (ADR 050): the sequenced update, corrections keeping the old knowledge, imports with a
 * 生效日期, departures, and the person page's 时间线 — each checked in the database. Clock: {@link TestClock}.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"security", "shared"})
@AutoConfigureMockMvc
@Import({TestDatabase.class, TestClock.Config.class})
class RosterHistoryIT {

    private static final String PUTUO_ADMIN = "hist-putuo";
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate APR = LocalDate.of(2026, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    private static final LocalDate JUN = LocalDate.of(2026, 6, 1);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "people_roster_history");
    }

    @Autowired MockMvc mvc;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService userDetails;
    @Autowired RosterWriter writer;
    @Autowired PeopleDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired TransactionTemplate tx;

    @BeforeEach
    void data() {
        RosterTestData.ensure(orgBuilder, tree, accounts);
        if (!accounts.exists(PUTUO_ADMIN)) {
            accounts.create(new NewAccount(PUTUO_ADMIN, IntegrationTest.PASSWORD, "普陀测试管理员", Role.ADMIN,
                    tree.byCode("330903").orElseThrow().id()));
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void promotionInThePastSplitsAVersionAndALaterCorrectionKeepsTheOldKnowledge() {
        long id = save("120101", 1, JAN);
        LocalDateTime beforePromotion = LocalDateTime.now(clock);
        clock.advance(Duration.ofHours(1));
        writer.change(id, new RosterChange(JUN, ChangeKind.PROMOTION, "晋升"), p -> withRank(p, "四级主任科员"));

        assertThat(current(id)).containsExactly(JAN + " 一级科员 IMPORT", JUN + " 四级主任科员 PROMOTION");
        assertThat(count("select count(*) from person_version where person_id = " + id
                + " and superseded_at < timestamp '9999-01-01 00:00:00'")).isEqualTo(1);
        assertThat(rankOfPerson(id)).isEqualTo("四级主任科员");

        LocalDateTime beforeCorrection = LocalDateTime.now(clock);
        clock.advance(Duration.ofHours(1));
        // the promotion had in fact taken effect on 1 April
        writer.change(id, new RosterChange(APR, ChangeKind.CORRECTION, "任职时间更正"), p -> withRank(p, "四级主任科员"));

        assertThat(current(id)).containsExactly(JAN + " 一级科员 IMPORT", APR + " 四级主任科员 CORRECTION",
                JUN + " 四级主任科员 PROMOTION");
        // as of 1 May: known before the correction 一级科员, known now 四级主任科员; before the promotion 一级科员
        assertThat(rankAsOf(id, MAY, beforeCorrection)).isEqualTo("一级科员");
        assertThat(rankAsOf(id, MAY, LocalDateTime.now(clock))).isEqualTo("四级主任科员");
        assertThat(rankAsOf(id, JUN, beforePromotion)).isEqualTo("一级科员");
        assertThat(rankAsOf(id, JUN, beforeCorrection)).isEqualTo("四级主任科员");
        // nothing deleted: the first recording is still there, superseded
        assertThat(count("select count(*) from person_version where person_id = " + id)).isEqualTo(6);
    }

    @Test
    void changedFactsWriteVersionsAndUnchangedOnesNothing() {
        long id = save("120102", 1, JAN);
        long facts = count("select count(*) from person_assessment where person_id = " + id);
        clock.advance(Duration.ofMinutes(5));
        PersonRow again = row("120102", 1).withId(id);
        writer.save(List.of(again), new RosterChange(JUN, ChangeKind.EDIT, null));
        assertThat(count("select count(*) from person_assessment where person_id = " + id)).isEqualTo(facts);
        assertThat(count("select count(*) from person_version where person_id = " + id)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        PersonRow changed = new PersonRow(id, again.unitId(), again.name(), again.gender(), again.birthDate(),
                again.idNumber(), again.phone(), again.ethnicity(), again.politicalStatus(), again.ftEducation(),
                again.ftDegree(), again.isEducation(), again.isDegree(), again.majorCategory(), again.staffKind(),
                again.rankLevel(), again.rankSince(), again.postLevel(), again.postSince(), again.workStartDate(),
                again.joinedUnitDate(), again.source(), again.probationEnd(), Map.of(2025, "称职"),
                again.trainingHours(), again.rewards(), again.disciplines());
        writer.save(List.of(changed), new RosterChange(JUN, ChangeKind.EDIT, null));
        assertThat(jdbc.sql("""
                        select result || ' ' || valid_from || ' ' || valid_to from person_assessment
                        where person_id = :id and superseded_at = timestamp '9999-12-31 00:00:00' order by valid_from
                        """).param("id", id).query(String.class).list())
                .containsExactly("优秀 " + JAN + " " + JUN, "称职 " + JUN + " 9999-12-31");
    }

    @Test
    void departureHidesThePersonFromListsAndCountsButKeepsThePage() throws Exception {
        long id = save("120103", 1, JAN);
        long unitId = RosterTestData.node(tree, RosterTestData.UNIT).id();
        long before = listed(unitId);
        var unitScope = RosterTestData.node(tree, RosterTestData.UNIT).asScope();
        assertThat(directory.unit(unitId, unitScope, JAN)).extracting(c -> c.id()).contains(id);

        writer.depart(id, LocalDate.of(2026, 11, 30), "退休", "达到法定退休年龄");

        assertThat(jdbc.sql("select service_status || ' ' || left_on from person where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("退休 2026-11-30");
        assertThat(listed(unitId)).isEqualTo(before - 1);
        assertThat(directory.unit(unitId, unitScope, JAN)).extracting(c -> c.id()).doesNotContain(id);
        assertThat(current(id)).containsExactly(JAN + " 一级科员 IMPORT", "2026-11-30 一级科员 RETIRE");
        mvc.perform(get("/people/" + id).with(user(userDetails.loadUserByUsername(RosterTestData.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"service-status\"")))
                .andExpect(content().string(containsString("退休（2026-11-30）")))
                .andExpect(content().string(containsString("在职状态：在职 → 退休")));
    }

    @Test
    void timelineShowsTransferPromotionAndCorrectionAndIsScoped() throws Exception {
        long id = save("120104", 1, JAN);
        long unit2 = RosterTestData.node(tree, RosterTestData.UNIT_2).id();
        clock.advance(Duration.ofMinutes(1));
        writer.change(id, new RosterChange(MAY, ChangeKind.TRANSFER, "调任"), p -> withUnit(p, unit2));
        clock.advance(Duration.ofMinutes(1));
        writer.change(id, new RosterChange(JUN, ChangeKind.PROMOTION, null), p -> withRank(p, "四级主任科员"));
        clock.advance(Duration.ofMinutes(1));
        writer.change(id, new RosterChange(APR, ChangeKind.CORRECTION, "调动日期更正"), p -> withUnit(p, unit2));

        String html = mvc.perform(get("/people/" + id).with(user(userDetails.loadUserByUsername(RosterTestData.ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("时间线", "id=\"timeline\"", "职级晋升", "一级科员 → 四级主任科员",
                "定海区测试局（导入） → 定海区测试办（导入）", "调动日期更正", "已更正", "system");
        assertThat(html.indexOf("2026-06-01")).isLessThan(html.indexOf("2026-04-01")); // newest first

        mvc.perform(get("/people/" + id).with(user(userDetails.loadUserByUsername(PUTUO_ADMIN))))
                .andExpect(status().isNotFound());
    }

    @Test
    void importWithAnEffectiveDateWritesVersionsFromThatDay() throws Exception {
        var rows = RosterFiles.people(RosterTestData.UNIT, "120105", 3);
        mvc.perform(multipart("/api/people/import").file(file(RosterFiles.xlsx(rows))).param("effectiveDate", "2026-03-01")
                        .with(httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(3));
        List<Long> ids = jdbc.sql("select id from person where name like '测试120105-%' order by id")
                .query(Long.class).list();
        assertThat(ids).hasSize(3);
        assertThat(jdbc.sql("select distinct valid_from || ' ' || change_kind || ' ' || recorded_by from person_version"
                        + " where person_id in (:ids)").param("ids", ids).query(String.class).list())
                .containsExactly("2026-03-01 IMPORT " + RosterTestData.ADMIN);

        rows.forEach(r -> r.put("职级*", "四级调研员"));
        long versions = count("select count(*) from person_version");
        mvc.perform(multipart("/api/people/import").file(file(RosterFiles.xlsx(rows))).param("effectiveDate", "2027-01-01")
                        .with(httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("晚于导入当天")));
        mvc.perform(multipart("/api/people/import").file(file(RosterFiles.xlsx(rows))).param("effectiveDate", "2026/9/1x")
                        .with(httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("生效日期格式不正确")));
        assertThat(count("select count(*) from person_version")).isEqualTo(versions);
        assertThat(count("select count(*) from person where name like '测试120105-%' and rank_level = '四级调研员'"))
                .isZero();

        mvc.perform(multipart("/api/people/import").file(file(RosterFiles.xlsx(rows))).param("effectiveDate", "2026-09-01")
                        .with(httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(3));
        for (long id : ids) {
            assertThat(current(id)).containsExactly("2026-03-01 一级主任科员 IMPORT", "2026-09-01 四级调研员 IMPORT");
        }
        assertThat(count("select count(*) from person where name like '测试120105-%' and rank_level = '四级调研员'"))
                .isEqualTo(3);
    }

    private static MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("file", "名册.xlsx", "application/octet-stream", bytes);
    }

    private long listed(long unitId) throws Exception {
        String body = mvc.perform(get("/api/people").param("nodeId", "" + unitId).param("size", "1")
                        .with(httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Long.parseLong(body.replaceAll(".*\"total\":(\\d+).*", "$1"));
    }

    private long save(String region, int n, LocalDate effective) {
        return tx.execute(s -> writer.save(List.of(row(region, n)),
                new RosterChange(effective, ChangeKind.IMPORT, null))).get(0).id();
    }

    private PersonRow row(String region, int n) {
        long unit = RosterTestData.node(tree, RosterTestData.UNIT).id();
        LocalDate birth = LocalDate.of(1980, 3, 1);
        return new PersonRow(null, unit, "历史" + region + "-" + n, "男", birth, IdNumbers.of(region, birth, 2 * n + 1),
                "13900002222", "汉族", "中共党员", "大学本科", "学士", null, null, "法学类", "公务员", "一级科员",
                LocalDate.of(2022, 1, 1), null, null, LocalDate.of(2004, 8, 1), LocalDate.of(2010, 1, 1), "考录", null,
                Map.of(2025, "优秀"), Map.of(), List.of(new PersonRow.YearNote(2024, "嘉奖")), List.of());
    }

    private List<String> current(long id) {
        return jdbc.sql("""
                        select valid_from || ' ' || rank_level || ' ' || change_kind from person_version
                        where person_id = :id and superseded_at = timestamp '9999-12-31 00:00:00' order by valid_from
                        """).param("id", id).query(String.class).list();
    }

    /** ADR 050's as-of read: valid on the day, as known at the time. */
    private String rankAsOf(long id, LocalDate day, LocalDateTime knownAt) {
        return jdbc.sql("""
                        select rank_level from person_version where person_id = :id
                        and valid_from <= :d and valid_to > :d and recorded_at <= :k and superseded_at > :k
                        """).param("id", id).param("d", day).param("k", Timestamp.valueOf(knownAt))
                .query(String.class).single();
    }

    private String rankOfPerson(long id) {
        return jdbc.sql("select rank_level from person where id = :id").param("id", id).query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static PersonRow withRank(PersonRow p, String rank) {
        return new PersonRow(p.id(), p.unitId(), p.name(), p.gender(), p.birthDate(), p.idNumber(), p.phone(),
                p.ethnicity(), p.politicalStatus(), p.ftEducation(), p.ftDegree(), p.isEducation(), p.isDegree(),
                p.majorCategory(), p.staffKind(), rank, p.rankSince(), p.postLevel(), p.postSince(), p.workStartDate(),
                p.joinedUnitDate(), p.source(), p.probationEnd(), p.assessments(), p.trainingHours(), p.rewards(),
                p.disciplines());
    }

    private static PersonRow withUnit(PersonRow p, long unitId) {
        return new PersonRow(p.id(), unitId, p.name(), p.gender(), p.birthDate(), p.idNumber(), p.phone(),
                p.ethnicity(), p.politicalStatus(), p.ftEducation(), p.ftDegree(), p.isEducation(), p.isDegree(),
                p.majorCategory(), p.staffKind(), p.rankLevel(), p.rankSince(), p.postLevel(), p.postSince(),
                p.workStartDate(), p.joinedUnitDate(), p.source(), p.probationEnd(), p.assessments(),
                p.trainingHours(), p.rewards(), p.disciplines());
    }
}
