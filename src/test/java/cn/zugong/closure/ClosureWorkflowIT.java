package cn.zugong.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared closure workflow with the demo accounts' roles and scopes: the whole lifecycle with reject and
 * reopen, 销号 only after verification, transfer with a reason, escalation on the working-day calendar with
 * the test clock, leader instructions, evidence limits, and scope.
 */
@IntegrationTest
class ClosureWorkflowIT {

    @Autowired ClosureItems items;
    @Autowired ClosureWorkflow workflow;
    @Autowired Escalations escalations;
    @Autowired WorkCalendar calendar;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock testClock;
    @Autowired Clock clock;

    CurrentUser dinghai;
    CurrentUser putuo;
    CurrentUser reporter;
    CurrentUser reviewer;
    CurrentUser leader;
    OrgNode unit;

    @BeforeEach
    void users() {
        OrgNode city = tree.byCode("3309").orElseThrow();
        dinghai = user("dinghai", Role.ADMIN, tree.byCode("330902").orElseThrow());
        putuo = user("putuo", Role.ADMIN, tree.byCode("330903").orElseThrow());
        long unitId = jdbc.sql("select id from org_node where name = '定海区教育局'").query(Long.class).single();
        unit = tree.byId(unitId).orElseThrow();
        reporter = user("reporter", Role.REPORTER, unit);
        reviewer = user("reviewer", Role.REVIEWER, city);
        leader = user("leader", Role.LEADER, city);
    }

    @AfterEach
    void resetClock() {
        testClock.reset();
    }

    private static CurrentUser user(String name, Role role, OrgNode node) {
        return new CurrentUser(0, name, name + "（测试）", role, node.asScope(), node.name());
    }

    private ClosureItem register(LocalDate deadline) {
        return items.register(new NewClosureItem("TEST_ITEM", UUID.randomUUID().toString(), unit.id(), "RED",
                "测试整改事项", "测试", deadline), dinghai);
    }

    @Test
    void theWholeLifecycleWithRejectAndReopen() {
        ClosureItem item = register(LocalDate.now(clock).plusDays(30));
        assertThat(item.status()).isEqualTo(ClosureStatus.REGISTERED);
        assertThatThrownBy(() -> workflow.start(item.id(), "措施", reporter))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("当前状态为「已登记」");
        assertThatThrownBy(() -> workflow.assign(item.id(), "张三", null, null, reporter))
                .isInstanceOf(ForbiddenException.class);
        workflow.assign(item.id(), "张三", null, "请按期整改", dinghai);
        assertThatThrownBy(() -> workflow.start(item.id(), " ", reporter))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("请填写整改措施");
        workflow.start(item.id(), "补充招录年轻干部 2 名", reporter);
        workflow.progress(item.id(), "已完成招录公告", reporter);
        Attachment evidence = workflow.attach(item.id(), "招录公告.pdf", "%PDF-1.4 test".getBytes(), reporter);
        assertThat(evidence.contentType()).isEqualTo("application/pdf");
        assertThatThrownBy(() -> workflow.attach(item.id(), "病毒.exe", "MZ".getBytes(), reporter))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("类型不支持");
        assertThatThrownBy(() -> workflow.attach(item.id(), "假的.pdf", "not a pdf".getBytes(), reporter))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("内容与扩展名");
        workflow.resolve(item.id(), "已录用 2 名 30 岁以下干部", reporter);
        assertThatThrownBy(() -> workflow.verify(item.id(), "自己核验", reporter)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> workflow.close(item.id(), "直接销号", reviewer))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("尚未核验通过，不能销号");
        workflow.reject(item.id(), "佐证材料不足", reviewer);
        assertThat(items.get(item.id(), reporter).status()).isEqualTo(ClosureStatus.IN_PROGRESS);
        workflow.resolve(item.id(), "补充了录用名单", reporter);
        workflow.verify(item.id(), "核验属实", reviewer);
        ClosureItem closed = workflow.close(item.id(), "同意销号", reviewer);
        assertThat(closed.status()).isEqualTo(ClosureStatus.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThatThrownBy(() -> workflow.reopen(item.id(), "", null, reviewer))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("理由");
        ClosureItem reopened = workflow.reopen(item.id(), "复查发现问题反弹", null, reviewer);
        assertThat(reopened.status()).isEqualTo(ClosureStatus.IN_PROGRESS);
        assertThat(reopened.closedAt()).isNull();

        List<ClosureAction> actions = items.history(item.id(), reporter).stream().map(ClosureEvent::action).toList();
        assertThat(actions).containsExactly(ClosureAction.REGISTER, ClosureAction.ASSIGN, ClosureAction.START,
                ClosureAction.PROGRESS, ClosureAction.ATTACH, ClosureAction.RESOLVE, ClosureAction.REJECT,
                ClosureAction.RESOLVE, ClosureAction.VERIFY, ClosureAction.CLOSE, ClosureAction.REOPEN);
        assertThat(items.history(item.id(), reporter).get(6).note()).isEqualTo("佐证材料不足");
        long audited = jdbc.sql("select count(*) from audit_entry where object_type = 'closure_item' and object_id = :id")
                .param("id", String.valueOf(item.id())).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(10);
        assertThat(jdbc.sql("select after_json from audit_entry where object_type = 'closure_item' and object_id = :id"
                        + " and summary like '销号%'").param("id", String.valueOf(item.id())).query(String.class).single())
                .contains("CLOSED");
    }

    @Test
    void transferNeedsAReasonAndMovesTheItemOutOfTheOldUnitsSight() {
        ClosureItem item = register(LocalDate.now(clock).plusDays(30));
        OrgNode other = tree.units(tree.byCode("330902").orElseThrow().asScope()).stream()
                .filter(u -> u.id() != unit.id()).findFirst().orElseThrow();
        OrgNode putuoUnit = tree.units(tree.byCode("330903").orElseThrow().asScope()).get(0);
        assertThatThrownBy(() -> workflow.transfer(item.id(), other.id(), " ", null, dinghai))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("转办理由");
        assertThatThrownBy(() -> workflow.transfer(item.id(), putuoUnit.id(), "越权转办", null, dinghai))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> workflow.transfer(item.id(), other.id(), "职责调整", null, reporter))
                .isInstanceOf(ForbiddenException.class);
        ClosureItem moved = workflow.transfer(item.id(), other.id(), "职责调整，由人社部门牵头", null, dinghai);
        assertThat(moved.ownerNodeId()).isEqualTo(other.id());
        assertThat(moved.status()).isEqualTo(ClosureStatus.ASSIGNED);
        assertThat(items.history(item.id(), dinghai).get(1).note()).contains("职责调整，由人社部门牵头", unit.name(),
                other.name());
        assertThatThrownBy(() -> items.get(item.id(), reporter)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void overdueItemsEscalateByWorkingDaysOnTheTestClock() {
        LocalDate deadline = LocalDate.now(clock);
        ClosureItem item = register(deadline);
        workflow.assign(item.id(), null, null, null, dinghai);
        assertThat(daysUntilOverdue(deadline, 1)).isPositive();
        moveTo(deadline, daysUntilOverdue(deadline, 1) - 1);
        escalations.run();
        assertThat(items.get(item.id(), dinghai).escalation()).isEqualTo(Escalation.NONE);
        moveTo(deadline, daysUntilOverdue(deadline, 1));
        escalations.run();
        assertThat(items.get(item.id(), dinghai).escalation()).isEqualTo(Escalation.REMINDER);
        moveTo(deadline, daysUntilOverdue(deadline, 5));
        escalations.run();
        assertThat(items.get(item.id(), dinghai).escalation()).isEqualTo(Escalation.YELLOW_CARD);
        moveTo(deadline, daysUntilOverdue(deadline, 10));
        escalations.run();
        ClosureItem red = items.get(item.id(), dinghai);
        assertThat(red.escalation()).isEqualTo(Escalation.RED_CARD);
        assertThat(red.escalatedToNodeId()).isEqualTo(tree.byCode("3309").orElseThrow().id());
        assertThat(items.history(item.id(), dinghai).stream().filter(e -> e.action() == ClosureAction.ESCALATE)
                .map(ClosureEvent::note)).hasSize(3).last().asString().contains("红牌督办", "舟山市");
        assertThat(items.find(new ClosureFilter("TEST_ITEM", null, null, true, unit.id(), 1, 200), dinghai).items())
                .extracting(ClosureItem::id).contains(item.id());
    }

    @Test
    void theCalendarCountsHolidaysAndMakeUpWorkdays() {
        assertThat(calendar.isWorkday(LocalDate.of(2026, 10, 1))).isFalse(); // 国庆节, a Thursday
        assertThat(calendar.isWorkday(LocalDate.of(2026, 10, 10))).isTrue(); // 调休上班, a Saturday
        assertThat(calendar.workdaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 9))).isEqualTo(2);
    }

    @Test
    void leadersInstructAndTheUnitAnswers() {
        ClosureItem item = register(LocalDate.now(clock).plusDays(30));
        assertThatThrownBy(() -> workflow.instruct(item.id(), "抓紧整改", reporter)).isInstanceOf(ForbiddenException.class);
        assertThat(workflow.instruct(item.id(), "请于月底前整改到位", leader).instructionOpen()).isTrue();
        assertThat(workflow.answer(item.id(), "已部署，月底前完成", reporter).instructionOpen()).isFalse();
        assertThatThrownBy(() -> workflow.answer(item.id(), "再答复", reporter))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("没有待答复");
    }

    @Test
    void scopeDecidesWhoSeesAndWhoWorks() {
        ClosureItem item = register(LocalDate.now(clock).plusDays(30));
        assertThatThrownBy(() -> items.get(item.id(), putuo)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> workflow.assign(item.id(), null, null, null, putuo)).isInstanceOf(NotFoundException.class);
        assertThat(items.find(ClosureFilter.all("TEST_ITEM"), putuo).items()).noneMatch(i -> i.id() == item.id());
        assertThat(items.find(ClosureFilter.all("TEST_ITEM"), dinghai).items())
                .allMatch(i -> i.ownerPath().startsWith(dinghai.scope().path()));
        assertThat(items.find(ClosureFilter.all("TEST_ITEM"), reporter).items())
                .allMatch(i -> i.ownerNodeId() == unit.id()).isNotEmpty();
        assertThat(items.permissions(item, reporter)).isEqualTo(new ClosurePermissions(true, false, false, false));
        assertThat(items.permissions(item, dinghai)).isEqualTo(new ClosurePermissions(true, true, true, false));
        assertThat(items.permissions(item, reviewer)).isEqualTo(new ClosurePermissions(false, true, false, false));
    }

    /** Calendar days after the deadline until it is overdue by {@code workdays} working days. */
    private int daysUntilOverdue(LocalDate deadline, int workdays) {
        int d = 0;
        while (calendar.workdaysBetween(deadline, deadline.plusDays(d)) < workdays) {
            d++;
        }
        return d;
    }

    private void moveTo(LocalDate deadline, int days) {
        testClock.reset();
        testClock.advance(Duration.ofDays(LocalDate.now(clock).until(deadline.plusDays(days)).getDays()));
    }
}
