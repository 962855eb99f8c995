package cn.zugong.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.closure.ClosureItem;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosureRuleException;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A decided matter on the closure workflow (resolved with the outcome, verified and closed by the county),
 * the figures on a hand-built community, the pages, and scope: 普陀 cannot see a 嵊泗 matter, a cadre
 * cannot open 三事分流 at all, a leader reads but does not act.
 */
@IntegrationTest
class SanshiClosureIT {

    @Autowired Matters matters;
    @Autowired cn.zugong.closure.internal.ClosureKinds kinds;
    @Autowired Meetings meetings;
    @Autowired DeliberationFigures figures;
    @Autowired ClosureItems items;
    @Autowired ClosureWorkflow workflow;
    @Autowired OrgTree tree;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    private CurrentUser user(String name, Role role, String code) {
        OrgNode node = tree.byCode(code).orElseThrow();
        return new CurrentUser(0, name, name + "（测试）", role, node.asScope(), node.name());
    }

    private Matter routed(OrgNode c, String title, MatterKind kind, CurrentUser user) {
        Matter m = matters.register(new NewMatter(c.id(), title, "测试", "陈秀兰", null, "第2网格", null, null), user);
        return matters.classify(m.id(), kind, "测试归类", user);
    }

    @Test
    void aDecidedMatterIsResolvedWithItsOutcomeThenVerifiedAndClosedAboveTheCommunity() {
        OrgNode c = tree.byCode("330922100204").orElseThrow();
        CurrentUser reporter = user("sanshi-reporter", Role.REPORTER, c.code());
        CurrentUser county = user("sanshi-county", Role.ADMIN, "330922");
        CurrentUser leader = user("sanshi-leader", Role.LEADER, "3309");
        Matter big = routed(c, "渔港码头至社区道路拓宽", MatterKind.BIG, reporter);
        assertThatThrownBy(() -> matters.classify(big.id(), MatterKind.SMALL, "领导改归类", leader))
                .isInstanceOf(ForbiddenException.class);
        LocalDate today = LocalDate.now(clock);
        Meeting joint = meetings.create(c.id(), MeetingLevel.JOINT, today, "镇会议室", reporter);
        assertThatThrownBy(() -> meetings.hold(joint.id(), "领导", List.of(), leader))
                .isInstanceOf(ForbiddenException.class);
        meetings.hold(joint.id(), "镇城建办、交通局、社区、居民代表", List.of(Outcome.decided(big.id(),
                "由镇城建办牵头拓宽道路，交通局配合", "菜园镇城建办", today.plusDays(60), null)), reporter);

        Matter decided = matters.get(big.id(), reporter);
        assertThat(decided.settledByResidents()).isNull();
        ClosureItem item = items.get(decided.closureItemId(), reporter);
        assertThat(item.kind()).isEqualTo(Matters.KIND);
        assertThat(item.ownerNodeId()).isEqualTo(c.id());
        // decided is not done: the 责任方 carries it out, then the community reports it 办结
        assertThat(item.status()).isEqualTo(ClosureStatus.IN_PROGRESS);
        assertThat(item.assignee()).isEqualTo("菜园镇城建办");
        // the sitting dispatched it: the community's own user 交办 under their own name (the kind is dispatched by
        // its owner); the same user may not dispatch a kind that is not
        assertThat(items.history(item.id(), reporter)).filteredOn(e -> e.action() == cn.zugong.closure.ClosureAction.ASSIGN)
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("sanshi-reporter"));
        assertThat(kinds.isDispatchedByOwner("HEALTHCHECK_RECTIFICATION")).isFalse();
        assertThat(kinds.isDispatchedByOwner(Matters.KIND)).isTrue();
        assertThat(item.deadline()).isEqualTo(today.plusDays(60));
        assertThat(item.measures()).contains("由镇城建办牵头拓宽道路");
        assertThatThrownBy(() -> workflow.verify(item.id(), "未办结就核验", county))
                .isInstanceOf(ClosureRuleException.class);
        workflow.resolve(item.id(), "道路拓宽完成，已通车", reporter);
        assertThat(items.get(item.id(), reporter).resolution()).contains("道路拓宽完成");
        assertThatThrownBy(() -> workflow.verify(item.id(), "自己核验", reporter)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> workflow.close(item.id(), "直接销号", county))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("尚未核验通过");
        workflow.verify(item.id(), "现场核实", county);
        workflow.close(item.id(), "同意销号", county);
        assertThat(matters.get(big.id(), reporter).closureStatus()).isEqualTo(ClosureStatus.CLOSED);
        assertThat(figures.of(c.id(), null, null, county).byKind().get(MatterKind.BIG))
                .isEqualTo(new Figures.Line(1, 1, 1, 1));
    }

    @Test
    void figuresOnAHandBuiltCommunity() {
        OrgNode c = tree.byCode("330922100205").orElseThrow();
        CurrentUser reporter = user("sanshi-reporter", Role.REPORTER, c.code());
        List<Outcome> grid = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Matter m = routed(c, "私事" + i, MatterKind.PRIVATE, reporter);
            grid.add(Outcome.decided(m.id(), "双方协商一致", "网格员", null, i < 7));
        }
        Matter unsettled = routed(c, "未议结的私事", MatterKind.PRIVATE, reporter);
        List<Outcome> council = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Matter m = routed(c, "小事" + i, MatterKind.SMALL, reporter);
            council.add(Outcome.decided(m.id(), "物业限期处理", "物业服务中心", null, true));
        }
        matters.register(new NewMatter(c.id(), "待归类事项", null, "周伟东", null, null, null, null), reporter);
        LocalDate today = LocalDate.now(clock);
        meetings.hold(meetings.create(c.id(), MeetingLevel.GRID, today, null, reporter).id(), "网格员", grid, reporter);
        meetings.hold(meetings.create(c.id(), MeetingLevel.COUNCIL, today, null, reporter).id(), "理事会", council,
                reporter);

        Figures f = figures.of(c.id(), null, null, reporter);
        // decided at the sitting; only the 7 私事 the residents settled there are 办结 at once
        assertThat(f.byKind().get(MatterKind.PRIVATE)).isEqualTo(new Figures.Line(11, 10, 7, 0));
        assertThat(f.byKind().get(MatterKind.SMALL)).isEqualTo(new Figures.Line(3, 3, 0, 0));
        assertThat(f.byKind().get(MatterKind.BIG)).isEqualTo(new Figures.Line(0, 0, 0, 0));
        assertThat(f.unclassified()).isOne();
        assertThat(f.raised()).isEqualTo(15);
        assertThat(f.privateSettledByResidents()).isEqualTo(7);
        assertThat(f.privateSettledShare()).isEqualByComparingTo(new BigDecimal("70.00"));
        assertThat(f.privateSettledShare().scale()).isEqualTo(2);
        assertThat(f.meetingsHeld()).containsEntry(MeetingLevel.GRID, 1L).containsEntry(MeetingLevel.COUNCIL, 1L)
                .containsEntry(MeetingLevel.JOINT, 0L);
        assertThat(matters.get(unsettled.id(), reporter).carried()).isOne();
        Figures before = figures.of(c.id(), today.minusYears(1).withDayOfYear(1), today.minusYears(1), reporter);
        assertThat(before.raised()).isZero();
        assertThat(before.privateSettledShare()).isNull();
        Figures township = figures.of(tree.byCode("330922100").orElseThrow().id(), null, null,
                user("sanshi-county", Role.ADMIN, "330922"));
        assertThat(township.byKind().get(MatterKind.PRIVATE).decided()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void scopeAndRolesOnThePagesAndTheApi() throws Exception {
        OrgNode donghai = tree.byCode("330922100001").orElseThrow();
        CurrentUser reporter = user("sanshi-reporter", Role.REPORTER, donghai.code());
        Matter m = routed(donghai, "作用域测试事项", MatterKind.SMALL, reporter);
        assertThatThrownBy(() -> matters.get(m.id(), user("putuo", Role.ADMIN, "330903")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> meetings.agenda(donghai.id(), MeetingLevel.COUNCIL, user("putuo", Role.ADMIN, "330903")))
                .isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(get("/deliberation/matters/" + m.id()).with(users.page("putuo"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/deliberation/matters/" + m.id()).with(TestUsers.api("putuo"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/deliberation").with(users.page("cadre"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/deliberation/matters/" + m.id() + "/classify").param("kind", "BIG")
                .param("reason", "领导改").with(users.page("leader")).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);

        String home = page("/deliberation", "donghai");
        assertThat(home).contains("东海社区居委会", "作用域测试事项", "家园理事会");
        assertThat(page("/deliberation/matters/" + m.id(), "donghai")).contains("三事归类单", "测试归类");
        assertThat(page("/deliberation/matters/" + m.id() + "/sheet", "donghai")).contains("三事归类单", "小事");
        assertThat(page("/deliberation/meetings?nodeId=" + donghai.id(), "donghai")).contains("议事排期");
        assertThat(page("/deliberation/figures?nodeId=" + donghai.id(), "leader")).contains("私事居民自行协商解决占比");
        assertThat(page("/deliberation", "admin")).contains("东海社区居委会");
        Meeting next = meetings.next(donghai.id(), MeetingLevel.COUNCIL, reporter);
        Meeting stored = next.id() != null ? next : meetings.create(donghai.id(), MeetingLevel.COUNCIL, next.date(),
                null, reporter);
        assertThat(page("/deliberation/meetings/" + stored.id(), "donghai")).contains("作用域测试事项");
        var xlsx = mvc.perform(get("/deliberation/figures.xlsx").param("nodeId", String.valueOf(donghai.id()))
                .with(users.page("donghai"))).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentAsByteArray()).startsWith(0x50, 0x4B);
        assertThat(mvc.perform(get("/api/deliberation/figures").param("nodeId", String.valueOf(donghai.id()))
                .with(TestUsers.api("donghai"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("privateSettledShare");
        var registered = mvc.perform(post("/deliberation/matters").param("nodeId", String.valueOf(donghai.id()))
                .param("title", "页面登记的事项").param("raisedBy", "林国平").param("phone", "13812345678")
                .with(users.page("donghai")).with(csrf())).andReturn().getResponse();
        assertThat(registered.getStatus()).isEqualTo(302);
        assertThat(page("/deliberation?nodeId=" + donghai.id() + "&status=PENDING", "donghai"))
                .contains("页面登记的事项", "138****5678").doesNotContain("13812345678");
    }

    private String page(String url, String username) throws Exception {
        var response = mvc.perform(get(url).with(users.page(username))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
