package cn.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.support.SupportForms.ContactForm;
import cn.zugong.talent.internal.support.SupportForms.CoverageFilter;
import cn.zugong.talent.internal.support.SupportForms.KeyTalentForm;
import cn.zugong.talent.internal.support.SupportForms.LeaderForm;
import cn.zugong.talent.internal.support.SupportForms.OfficeRequestForm;
import cn.zugong.talent.internal.support.SupportForms.PlatformForm;
import cn.zugong.talent.internal.support.SupportForms.ProjectForm;
import cn.zugong.talent.internal.support.SupportForms.TeamForm;
import cn.zugong.talent.internal.support.SupportRecords.TargetKind;
import cn.zugong.talent.internal.support.SupportService;
import cn.zugong.talent.internal.support.SupportViews.Coverage;
import cn.zugong.talent.internal.support.SupportViews.CoverageRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 党委联系服务专家 coverage on a fixture of its own, counted by hand: in 定海区 three key talents (A, C, and a D named
 * to the list; a D not named is not key), two platforms and a project; the talent A, the named D and the first
 * platform have a leader. 普陀区 holds a B talent and a platform the 定海 officer never sees. Also: a refused write
 * (wrong role, other district) leaves the tables as they were, and an employer's request lands on the 问题清单
 * with source 人才.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "audit")
@Import({TestDatabase.class, TestClock.Config.class})
class TalentSupportModuleIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "talent_support_module");
    }

    @Autowired SupportService support;
    @Autowired TalentRegistry registry;
    @Autowired TalentStore store;
    @Autowired OrgTree tree;
    @Autowired OrgBuilder builder;
    @Autowired JdbcClient jdbc;

    static Fixture f;

    record Fixture(long dhEmployer, long ptEmployer, long a, long c, long namedD, long plainD, long ptB, long p1,
                   long p2, long project, long ptPlatform) {
    }

    OrgNode dinghai;
    OrgNode putuo;
    CurrentUser dh;
    CurrentUser pt;
    CurrentUser city;
    CurrentUser reviewer;

    @BeforeEach
    void fixture() {
        dinghai = tree.byCode("330902").orElseThrow();
        putuo = tree.byCode("330903").orElseThrow();
        OrgNode root = tree.byCode("3309").orElseThrow();
        dh = new CurrentUser(0, "ts-dinghai", "定海区委组织部", Role.ADMIN, dinghai.asScope(), dinghai.name());
        pt = new CurrentUser(0, "ts-putuo", "普陀区委组织部", Role.ADMIN, putuo.asScope(), putuo.name());
        city = new CurrentUser(0, "ts-city", "市委组织部", Role.ADMIN, root.asScope(), root.name());
        reviewer = new CurrentUser(0, "ts-reviewer", "市委组织部审核员", Role.REVIEWER, root.asScope(), root.name());
        if (f != null) {
            return;
        }
        builder.addUnits(List.of(
                new NewUnit("330902", "330902TS1", "定海区委组织部", 1, "党委部门", "区直", 20, List.of()),
                new NewUnit("330903", "330903TS1", "普陀区委组织部", 1, "党委部门", "区直", 20, List.of())));
        long dhEmployer = registry.registerEmployer(new NewEmployer(dinghai.id(), CreditCodes.of(true, "330902", 20000001),
                "定海测试海工有限公司", "ENTERPRISE", "MARINE_EQUIPMENT"), "ts");
        long ptEmployer = registry.registerEmployer(new NewEmployer(putuo.id(), CreditCodes.of(true, "330903", 20000002),
                "普陀测试水产有限公司", "ENTERPRISE", "FISHERY"), "ts");
        long a = talent(dinghai, dhEmployer, "甲", 1, "A");
        long c = talent(dinghai, dhEmployer, "乙", 2, "C");
        long namedD = talent(dinghai, dhEmployer, "丙", 3, "D");
        long plainD = talent(dinghai, dhEmployer, "丁", 4, "D");
        long ptB = talent(putuo, ptEmployer, "戊", 5, "B");
        support.designateKeyTalent(new KeyTalentForm(namedD, "省海洋科技创新团队带头人"), dh);
        long p1 = support.addPlatform(new PlatformForm("测试重点实验室", "重点实验室", "PROVINCIAL", dhEmployer), dh).id();
        long p2 = support.addPlatform(new PlatformForm("测试博士后工作站", "博士后工作站", "PROVINCIAL", dhEmployer), dh).id();
        long project = support.addProject(new ProjectForm(null, "测试海工项目", "人才项目", dhEmployer, null), dh).id();
        long ptPlatform = support.addPlatform(new PlatformForm("普陀测试工作站", "院士工作站", "NATIONAL", ptEmployer), pt).id();
        support.assignLeader(new LeaderForm("TALENT", a, null, "王书记", "区委副书记", LocalDate.of(2026, 3, 1)), dh);
        support.assignLeader(new LeaderForm("TALENT", namedD, null, "李部长", "区委组织部部长", null), dh);
        support.assignLeader(new LeaderForm("PLATFORM", p1, null, "张区长", "副区长", null), dh);
        support.logContact(new ContactForm(null, "PLATFORM", p1, LocalDate.of(2026, 5, 6), "VISIT", "实验室主任",
                null, "走访了解平台建设需求"), dh);
        f = new Fixture(dhEmployer, ptEmployer, a, c, namedD, plainD, ptB, p1, p2, project, ptPlatform);
    }

    private long talent(OrgNode node, long employer, String name, int n, String level) {
        long id = registry.register(new NewTalent(node.id(), employer, "测试人才" + name, "男", LocalDate.of(1980, 1, n),
                cn.zugong.shared.IdNumbers.of(node.code(), LocalDate.of(1980, 1, n), 100 + n), "1390580" + (1000 + n),
                null, "ENGINEER", "MARINE_EQUIPMENT", "DOCTOR", null, null, BigDecimal.valueOf(500000), null, List.of()),
                "ts");
        store.setLevel(id, level, "REGULAR", LocalDate.of(2026, 1, 1), LocalDate.of(2029, 12, 31));
        return id;
    }

    @Test
    void coverageCountedByHand() {
        Coverage c = support.coverage(new CoverageFilter(null, null, null), dh);
        assertThat(c.totals().get(TargetKind.TALENT)).containsExactly(3, 2);
        assertThat(c.totals().get(TargetKind.PLATFORM)).containsExactly(2, 1);
        assertThat(c.totals().get(TargetKind.PROJECT)).containsExactly(1, 0);
        assertThat(c.overallRate()).isEqualTo("50.0");
        assertThat(c.rows()).extracting(r -> r.kind() + ":" + r.id()).containsExactly("TALENT:" + f.a(),
                "TALENT:" + f.c(), "TALENT:" + f.namedD(), "PLATFORM:" + f.p1(), "PLATFORM:" + f.p2(),
                "PROJECT:" + f.project());
        CoverageRow p1 = c.rows().stream().filter(r -> r.kind() == TargetKind.PLATFORM && r.id() == f.p1())
                .findFirst().orElseThrow();
        assertThat(p1.contacts()).isEqualTo(1);
        assertThat(p1.lastContact()).isEqualTo(LocalDate.of(2026, 5, 6));

        Coverage uncovered = support.coverage(new CoverageFilter(null, "NO", null), dh);
        assertThat(uncovered.rows()).extracting(r -> r.kind() + ":" + r.id()).containsExactly(
                "TALENT:" + f.c(), "PLATFORM:" + f.p2(), "PROJECT:" + f.project());
        assertThat(support.coverage(new CoverageFilter("PLATFORM", "YES", null), dh).rows())
                .extracting(CoverageRow::id).containsExactly(f.p1());

        // the city sees both districts: 普陀's B talent and platform are uncovered
        Coverage all = support.coverage(new CoverageFilter(null, null, null), city);
        assertThat(all.totals().get(TargetKind.TALENT)).containsExactly(4, 2);
        assertThat(all.totals().get(TargetKind.PLATFORM)).containsExactly(3, 1);
        // a node outside the caller's scope is refused
        assertThatThrownBy(() -> support.coverage(new CoverageFilter(null, null, putuo.id()), dh))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTalentBelowCIsNotKeyUntilNamed() {
        assertThatThrownBy(() -> support.assignLeader(new LeaderForm("TALENT", f.plainD(), null, "赵主任", null, null), dh))
                .hasMessageContaining("不是重点人才");
        assertThat(count("talent_liaison")).isEqualTo(3);
    }

    @Test
    void refusedWritesLeaveTheTablesAsTheyWere() {
        Map<String, Long> before = counts();
        // another district: 404, whatever the role
        assertThatThrownBy(() -> support.assignLeader(new LeaderForm("PLATFORM", f.p2(), null, "越权", null, null), pt))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> support.target(TargetKind.PLATFORM, f.p1(), pt)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> support.logContact(new ContactForm(null, "TALENT", f.a(), LocalDate.of(2026, 6, 1),
                "CALL", "越权", null, "越权"), pt)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> support.raiseForOthers(new OfficeRequestForm(f.dhEmployer(), null, null, null,
                "HOUSING", null, "越权登记", null, null), pt)).isInstanceOf(NotFoundException.class);
        // a reviewer reads but does not write
        assertThatThrownBy(() -> support.assignLeader(new LeaderForm("PLATFORM", f.p2(), null, "审核员", null, null),
                reviewer)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> support.createTeam(new TeamForm(null, "TS_X", "越权专班", null, null, "某局", null, "某人",
                null), reviewer)).isInstanceOf(ForbiddenException.class);
        // bad input: refused with the field's name, nothing written
        assertThatThrownBy(() -> support.logContact(new ContactForm(null, "PLATFORM", f.p1(), LocalDate.of(2026, 5, 7),
                "FAX", "某人", null, "内容"), dh)).hasMessageContaining("联系方式");
        assertThat(counts()).isEqualTo(before);
        assertThat(support.coverage(new CoverageFilter(null, null, null), pt).totals().get(TargetKind.PLATFORM))
                .containsExactly(1, 0);
    }

    @Test
    void anEmployersRequestLandsOnTheProblemListWithSource人才() {
        var team = support.createTeam(new TeamForm(null, "TS_MARINE", "测试海工专班", "船舶与海工装备", null, "定海区经信局",
                null, "陈组长", 1), dh);
        var v = support.raiseForOthers(new OfficeRequestForm(f.dhEmployer(), null, team.id(), null, "HIRING",
                null, "急需焊接技师 10 名", "刘经理", "13905801234"), dh);
        assertThat(jdbc.sql("select source from problem_ticket where item_id = :i").param("i", v.request().ticketItemId())
                .query(String.class).single()).isEqualTo("TALENT");
        assertThat(v.progress().ownerName()).isEqualTo("定海区委组织部");
        assertThat(v.statusLabel()).isEqualTo("已受理");
        assertThat(support.teams(dh)).filteredOn(l -> l.team().id() == team.id()).singleElement()
                .satisfies(l -> assertThat(l.problems()).isEqualTo(1));
        assertThatThrownBy(() -> support.request(v.request().id(), pt)).isInstanceOf(NotFoundException.class);
    }

    private Map<String, Long> counts() {
        Map<String, Long> m = new java.util.TreeMap<>();
        for (String t : List.of("talent_team", "talent_liaison", "talent_contact", "talent_request", "talent_platform",
                "problem_ticket", "closure_item", "talent_key_talent")) {
            m.put(t, count(t));
        }
        return m;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
