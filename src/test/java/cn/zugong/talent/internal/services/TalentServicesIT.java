package cn.zugong.talent.internal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureItem;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.PlatformAdmin;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import cn.zugong.talent.CreditCodes;
import cn.zugong.talent.NewEmployer;
import cn.zugong.talent.NewTalent;
import cn.zugong.talent.TalentRegistry;
import cn.zugong.talent.internal.TalentStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * 码上办 end to end on talents made here (not the demo's): material reuse counted by hand (a recognition
 * certificate; an earlier upload, and its 90-day validity), missing uploads and eligibility refused in Chinese with
 * nothing written, the deadline in working days, 代办帮办 recorded, and a talent who asks for another talent's
 * application answered 404 on every route, pages and API.
 */
@IntegrationTest
class TalentServicesIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestClock clock;
    @Autowired TalentRegistry registry;
    @Autowired TalentStore talents;
    @Autowired Accounts accounts;
    @Autowired OrgTree tree;
    @Autowired PlatformAdmin platform;
    @Autowired JdbcClient jdbc;
    @Autowired WorkCalendar calendar;
    @Autowired ClosureItems items;
    @Autowired ServiceApplications services;
    @Autowired ServiceCatalogue catalogue;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A talent of 定海区 with an employer, a master's degree, the given level, and an own account. */
    private record Fixture(long id, String username, String name, String idNumber) {
    }

    private Fixture talent(String level) {
        int n = SEQ.incrementAndGet();
        long dinghai = tree.byCode("330902").orElseThrow().id();
        long employer = registry.registerEmployer(new NewEmployer(dinghai, CreditCodes.of(true, "330902",
                60_000_000 + n + (int) (System.nanoTime() % 1_000_000) * 10), "测试码上办企业" + n, "ENTERPRISE",
                "OIL_GAS_TRADE"), "test-services");
        String idNumber = "33090219900101" + String.format("%04d", (n * 37 + (int) (System.nanoTime() % 9000)) % 10000);
        String name = "码上办测试" + n;
        long id = registry.register(new NewTalent(dinghai, employer, name, "男", LocalDate.of(1990, 1, 1), idNumber,
                "13800000000", null, "ENGINEER", "OIL_GAS_TRADE", "MASTER", null, null, BigDecimal.valueOf(300_000),
                LocalDate.of(2024, 3, 1), List.of()), "test-services");
        if (level != null) {
            talents.setLevel(id, level, "REGULAR", LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31));
        }
        String username = "tsv-talent-" + n + "-" + System.nanoTime() % 100000;
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, name, Role.TALENT, dinghai), false);
        registry.linkAccount(id, username);
        return new Fixture(id, username, name, idNumber);
    }

    private MockMultipartHttpServletRequestBuilder apply(String item, String... materials) {
        var request = multipart("/talent/my/services/" + item + "/apply");
        for (String m : materials) {
            request.file(new MockMultipartFile("file_" + m, m.toLowerCase() + ".pdf", "application/pdf", PDF));
        }
        return request;
    }

    private long applications(long talentId) {
        return jdbc.sql("select count(*) from talent_service_application where talent_id = :t").param("t", talentId)
                .query(Long.class).single();
    }

    private long newest(long talentId) {
        return jdbc.sql("select max(id) from talent_service_application where talent_id = :t").param("t", talentId)
                .query(Long.class).single();
    }

    private Map<String, String> sources(long applicationId) {
        Map<String, String> out = new java.util.TreeMap<>();
        jdbc.sql("select material_code, source from talent_service_material where application_id = :a")
                .param("a", applicationId).query((rs, i) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    private int[] counts(long applicationId) {
        return jdbc.sql("select needed, reused from talent_service_application where id = :a").param("a", applicationId)
                .query((rs, i) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
    }

    @Test
    void aRecognitionCertificateIsReusedCountedByHand() throws Exception {
        Fixture t = talent("B");
        // 人才子女义务教育入学安排: 身份证 (registry: ID number), 人才认定证书 (recognition: level B, valid to 2030),
        // 子女出生证明 and 户口簿 (never handed in before) → 4 needed, 2 reused, 2 uploaded
        mvc.perform(apply("S0201", "BIRTH", "HUKOU_BOOK").with(csrf()).with(users.page(t.username())))
                .andExpect(status().is3xxRedirection());
        long a = newest(t.id());
        assertThat(counts(a)).containsExactly(4, 2);
        assertThat(sources(a)).containsExactlyInAnyOrderEntriesOf(Map.of("ID_CARD", "REGISTRY",
                "CERTIFICATE", "RECOGNITION", "BIRTH", "UPLOAD", "HUKOU_BOOK", "UPLOAD"));
        assertThat(jdbc.sql("select count(*) from talent_service_material where application_id = :a and attachment_id is not null")
                .param("a", a).query(Long.class).single()).isEqualTo(2);
        // on the workflow: owned by 市教育局, the handling unit, deadline 10 working days after submission
        Application app = services.get(a, admin());
        ClosureItem item = items.get(app.itemId(), admin());
        assertThat(item.kind()).isEqualTo(ServiceApplications.KIND);
        assertThat(item.ownerName()).isEqualTo("市教育局");
        assertThat(item.status()).isEqualTo(ClosureStatus.REGISTERED);
        assertThat(items.attachments(item.id(), admin())).hasSize(2);
        String page = mvc.perform(get("/talent/my/applications/" + a).with(users.page(t.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("所需 4 项，平台已有 2 项").contains("人才认定已有").contains("提交申请");
    }

    @Test
    void anEarlierUploadIsReusedCountedByHandWithinItsValidity() throws Exception {
        Fixture t = talent(null);
        // 人才公寓申请: 身份证 (registry), 劳动合同 (registry: employer), 社保缴纳证明 and 结婚证 uploaded → 4 / 2
        mvc.perform(apply("S0301", "SOCIAL_SECURITY", "MARRIAGE").with(csrf()).with(users.page(t.username())))
                .andExpect(status().is3xxRedirection());
        long first = newest(t.id());
        assertThat(counts(first)).containsExactly(4, 2);
        // 人才配偶职业技能培训: 身份证 (registry), 结婚证 (the earlier upload), 配偶身份证 uploaded → 3 / 2
        mvc.perform(apply("S0403", "SPOUSE_ID").with(csrf()).with(users.page(t.username())))
                .andExpect(status().is3xxRedirection());
        long second = newest(t.id());
        assertThat(counts(second)).containsExactly(3, 2);
        assertThat(sources(second)).containsExactlyInAnyOrderEntriesOf(Map.of("ID_CARD", "REGISTRY",
                "MARRIAGE", "EARLIER", "SPOUSE_ID", "UPLOAD"));
        assertThat(jdbc.sql("select from_application from talent_service_material where application_id = :a and material_code = 'MARRIAGE'")
                .param("a", second).query(Long.class).single()).isEqualTo(first);
        // 人才医保关系转移接续: 身份证 and 社保缴纳证明 (uploaded with the first, good for 90 days) → 2 / 2, no upload
        mvc.perform(apply("S0504").with(csrf()).with(users.page(t.username()))).andExpect(status().is3xxRedirection());
        assertThat(counts(newest(t.id()))).containsExactly(2, 2);
        // 91 days later the 社保缴纳证明 is too old: it is asked for again, the 结婚证 is not
        clock.setTo(TestClock.START.plusDays(91));
        var needs = services.needs(catalogue.item("S0504").orElseThrow(), talents.find(t.id()).orElseThrow());
        assertThat(needs).filteredOn(n -> n.code().equals("SOCIAL_SECURITY")).singleElement()
                .satisfies(n -> assertThat(n.reused()).isFalse());
        assertThat(services.needs(catalogue.item("S0403").orElseThrow(), talents.find(t.id()).orElseThrow()))
                .filteredOn(n -> n.code().equals("MARRIAGE")).singleElement()
                .satisfies(n -> assertThat(n.reused()).isTrue());
    }

    @Test
    void aMissingUploadAndAnIneligibleLevelAreRefusedInChineseAndNothingIsWritten() throws Exception {
        Fixture none = talent(null);
        Fixture e = talent("E");
        String missing = mvc.perform(apply("S0301", "MARRIAGE").with(csrf()).with(users.page(none.username())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(missing).contains("请上传以下材料：社保缴纳证明");
        String unrecognised = mvc.perform(apply("S0201", "BIRTH", "HUKOU_BOOK").with(csrf()).with(users.page(none.username())))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unrecognised).contains("「人才子女义务教育入学安排」仅限A/B/C/D类人才申请：您尚未取得人才层次认定");
        String levelE = mvc.perform(apply("S0201", "BIRTH", "HUKOU_BOOK").with(csrf()).with(users.page(e.username())))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(levelE).contains("仅限A/B/C/D类人才申请：您的人才层次为E类");
        // a counter-only item cannot be applied for online
        String counter = mvc.perform(apply("S0303", "HOUSE_CONTRACT", "SOCIAL_SECURITY", "MARRIAGE").with(csrf())
                        .with(users.page(none.username())))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(counter).contains("需到专窗办理");
        // a file whose content is not what its name says is refused like closure evidence
        var fake = multipart("/talent/my/services/S0301/apply")
                .file(new MockMultipartFile("file_SOCIAL_SECURITY", "ss.pdf", "application/pdf", "not a pdf".getBytes()))
                .file(new MockMultipartFile("file_MARRIAGE", "m.pdf", "application/pdf", PDF));
        String badFile = mvc.perform(fake.with(csrf()).with(users.page(none.username())))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badFile).contains("内容与扩展名 .pdf 不符");
        assertThat(applications(none.id())).isZero();
        assertThat(applications(e.id())).isZero();
        assertThat(jdbc.sql("select count(*) from closure_item where kind = 'TALENT_SERVICE' and title like :n")
                .param("n", "%" + none.name() + "%").query(Long.class).single()).isZero();
        // the list says why, and only eligible online items are offered
        String list = mvc.perform(get("/talent/my/services").with(users.page(none.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("item-S0101").doesNotContain("item-S0201").contains("other-S0201")
                .contains("您尚未取得人才层次认定");
    }

    @Test
    void theDeadlineIsCountedInWorkingDays() throws Exception {
        Fixture t = talent(null);
        // Friday 2026-12-04 10:00; 人才家庭医生签约 takes 3 working days: Mon 7, Tue 8, Wed 9 December
        assertThat(TestClock.START.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        mvc.perform(apply("S0503").with(csrf()).with(users.page(t.username()))).andExpect(status().is3xxRedirection());
        Application a = services.get(newest(t.id()), admin());
        assertThat(a.deadline()).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(a.deadline()).isEqualTo(calendar.plusWorkdays(LocalDate.of(2026, 12, 4), 3));
        assertThat(items.get(a.itemId(), admin()).deadline()).isEqualTo(LocalDate.of(2026, 12, 9));
    }

    @Test
    void aCounterOfficerFilesOnTheTalentsBehalfRecordedAsSuch() throws Exception {
        Fixture t = talent(null);
        OrgNode hrss = unit("市人力资源和社会保障局");
        String officer = "tsv-counter-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        accounts.create(new NewAccount(officer, IntegrationTest.PASSWORD, "人社局专窗专员（测试）", Role.REPORTER, hrss.id()),
                false);
        clock.setTo(LocalDateTime.of(2026, 12, 7, 9, 15));
        mvc.perform(post("/talent/applications/new").param("item", "S0101").param("idNumber", t.idNumber())
                        .param("name", t.name()).with(csrf()).with(users.page(officer)))
                .andExpect(status().is3xxRedirection());
        long id = newest(t.id());
        var row = jdbc.sql("select proxy, proxy_by, proxy_by_name, submitted_at from talent_service_application where id = :id")
                .param("id", id).query((rs, i) -> List.of(rs.getBoolean(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toLocalDateTime().withSecond(0).withNano(0))).single();
        assertThat(row).containsExactly(true, officer, "人社局专窗专员（测试）", LocalDateTime.of(2026, 12, 7, 9, 15));
        Application a = services.get(id, admin());
        assertThat(items.history(a.itemId(), admin())).first().satisfies(e -> {
            assertThat(e.action()).isEqualTo(ClosureAction.REGISTER);
            assertThat(e.actor()).isEqualTo(officer);
        });
        assertThat(counts(id)).containsExactly(3, 3);
        // the talent sees it among the own applications, marked as filed at the counter
        String mine = mvc.perform(get("/talent/my/applications").with(users.page(t.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("专窗代办");
        // the officer accepts it (受理) on the shared workflow: the unit's REPORTER works its items
        mvc.perform(post("/talent/applications/" + id + "/assign").param("note", "材料齐全").with(csrf())
                .with(users.page(officer))).andExpect(status().is3xxRedirection());
        assertThat(items.get(a.itemId(), admin()).status()).isEqualTo(ClosureStatus.ASSIGNED);
        // a REPORTER of another unit may not file for this unit's item: 403, nothing written
        long before = applications(t.id());
        mvc.perform(post("/talent/applications/new").param("item", "S0101").param("idNumber", t.idNumber())
                .param("name", t.name()).with(csrf()).with(users.page("reporter"))).andExpect(status().isForbidden());
        // a wrong name for the ID number finds nobody
        mvc.perform(post("/talent/applications/new").param("item", "S0101").param("idNumber", t.idNumber())
                .param("name", "别人").with(csrf()).with(users.page(officer))).andExpect(status().isNotFound());
        assertThat(applications(t.id())).isEqualTo(before);
        // the 专员 sees the unit's applications, not another unit's
        mvc.perform(get("/talent/applications/" + id).with(users.page(officer))).andExpect(status().isOk());
        mvc.perform(get("/talent/applications/" + id).with(users.page("reporter"))).andExpect(status().isNotFound());
    }

    @Test
    void aTalentAskingForAnotherTalentsApplicationGets404EverywhereAndNothingIsWritten() throws Exception {
        Fixture owner = talent(null);
        Fixture other = talent(null);
        mvc.perform(apply("S0101").with(csrf()).with(users.page(owner.username()))).andExpect(status().is3xxRedirection());
        long id = newest(owner.id());
        long audit = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        long all = jdbc.sql("select count(*) from talent_service_application").query(Long.class).single();
        mvc.perform(get("/talent/my/applications/" + id).with(users.page(other.username()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/talent/my/applications/" + id).with(users.page(other.username())))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/talent/my/applications").with(users.page(other.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).isEqualTo("[]");
        // the office's routes are not the talent's at all (the security chain refuses the role)
        mvc.perform(get("/talent/applications/" + id).with(users.page(other.username()))).andExpect(status().isForbidden());
        mvc.perform(get("/api/talent/applications/" + id).with(users.page(other.username())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/talent/applications/" + id + "/assign").with(csrf()).with(users.page(other.username())))
                .andExpect(status().isForbidden());
        // the owner still sees it
        mvc.perform(get("/talent/my/applications/" + id).with(users.page(owner.username()))).andExpect(status().isOk());
        mvc.perform(get("/api/talent/my/applications/" + id).with(users.page(owner.username()))).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from talent_service_application").query(Long.class).single()).isEqualTo(all);
        assertThat(jdbc.sql("select action || ' ' || coalesce(object_type, '') from audit_entry where actor = :u")
                .param("u", other.username()).query(String.class).list())
                .allSatisfy(a -> assertThat(a).doesNotContain("talent_service").doesNotContain("closure"));
        assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isGreaterThanOrEqualTo(audit);
    }

    @Test
    void anItemWhoseUnitIsMissingIsShownAsNotConfigured() {
        ServiceCatalogue other = ServiceCatalogue.parse("""
                areas: {ONBOARD: 入职到岗}
                materials: {ID_CARD: {name: 身份证, held: ID_NUMBER}}
                items:
                  - {code: X1, name: 报到, area: ONBOARD, unit: 市人才服务不存在局, materials: [ID_CARD], days: 3, levels: ALL, online: true, hot: true}
                  - {code: X2, name: 入园, area: ONBOARD, unit: 市教育局, materials: [ID_CARD], days: 3, levels: ALL, online: true, hot: true}
                """);
        HandlingUnits units = new HandlingUnits(tree, platform, other);
        assertThat(units.of(other.item("X1").orElseThrow())).isEmpty();
        assertThat(units.of(other.item("X2").orElseThrow())).map(OrgNode::name).contains("市教育局");
        var view = new ServiceApplications.ItemView(other.item("X1").orElseThrow(), "入职到岗", null, "未配置承办单位");
        assertThat(view.unitName()).isEqualTo("未配置承办单位");
        // every item of the real catalogue has its unit in the demo city
        assertThat(services.catalogue()).allSatisfy(v -> assertThat(v.configured()).as(v.item().code()).isTrue());
    }

    @Test
    void theFiguresAndTheExcelCountReuse() throws Exception {
        Fixture t = talent(null);
        mvc.perform(apply("S0101").with(csrf()).with(users.page(t.username()))).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/talent/applications/figures").with(users.page("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("材料缩减").contains("line-S0101");
        mvc.perform(get("/talent/applications/figures.xlsx").with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/talent/services").param("hot", "true").with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/talent/applications").with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/api/talent/services").with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/api/talent/applications").with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/talent/applications/new").with(users.page("admin"))).andExpect(status().isOk());
    }

    @Test
    void theDemoYearHasEveryStateCounterFilingsAndAReductionNearTheSeeds85Percent() {
        var states = jdbc.sql("""
                select distinct i.status from talent_service_application a join closure_item i on i.id = a.item_id
                 where a.submitted_by in ('demo-talent-services', 'zhuanyuan')
                """).query(String.class).list();
        assertThat(states).containsExactlyInAnyOrder("REGISTERED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "VERIFIED",
                "CLOSED");
        var sums = jdbc.sql("""
                select sum(needed), sum(reused), sum(case when proxy then 1 else 0 end), count(*)
                  from talent_service_application where submitted_by in ('demo-talent-services', 'zhuanyuan')
                """).query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        assertThat(sums[3]).isGreaterThan(1000);
        assertThat(100.0 * sums[1] / sums[0]).isBetween(82.0, 91.0);
        assertThat(sums[2]).isGreaterThan(50);
        long own = jdbc.sql("""
                select count(*) from talent_service_application a join talent t on t.id = a.talent_id
                 where t.username = 'talent'
                """).query(Long.class).single();
        assertThat(own).isGreaterThanOrEqualTo(3);
        // no step of the demo lies after its as-of day
        assertThat(jdbc.sql("""
                select count(*) from closure_event e join talent_service_application a on a.item_id = e.item_id
                 where a.submitted_by in ('demo-talent-services', 'zhuanyuan') and e.happened_at > timestamp '2026-11-01 23:59:59' and e.action <> 'ESCALATE'
                """).query(Long.class).single()).isZero();
    }

    private OrgNode unit(String name) {
        return tree.units(platform.root().asScope()).stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private CurrentUser admin() {
        OrgNode root = platform.root();
        return new CurrentUser(0, "tsv-admin", "测试管理员", Role.ADMIN, root.asScope(), root.name());
    }
}
