package cn.zugong.closure;

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
import cn.zugong.shared.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The closure module with only the modules it depends on (org, audit, calendar, shared… — bootstrapping it alone
 * would mean mocking the org tree, the audit trail and the calendar, which its rules read), on a database of its
 * own (not the one the full-application tests share), without the demo, on the tests' fixed clock (the kernel's clock
 * is not a module's bean): a step publishes its event, and a
 * historical import writes the history it is given and publishes nothing.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import({TestDatabase.class, TestClock.Config.class})
class ClosureModuleTests {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "closure_module");
    }

    @Autowired ClosureItems items;
    @Autowired ClosureWorkflow workflow;
    @Autowired OrgTree tree;
    @Autowired Clock clock;
    @Autowired TestClock testClock;
    @Autowired OrgBuilder builder;
    @Autowired Escalations escalations;

    @Test
    void assigningPublishesTheStatusChange(Scenario scenario) {
        CurrentUser admin = cityAdministrator();
        long id = items.register(new NewClosureItem("MODULE_TEST", "module/" + UUID.randomUUID(), district().id(),
                null, "模块测试事项", null, LocalDate.now(clock).plusDays(10)), admin).id();

        scenario.stimulate(() -> workflow.assign(id, "经办人", null, "交办", admin))
                .andWaitForEventOfType(ClosureEvents.StatusChanged.class)
                .matching(e -> e.itemId() == id)
                .toArriveAndVerify(e -> {
                    assertThat(e.from()).isEqualTo(ClosureStatus.REGISTERED);
                    assertThat(e.to()).isEqualTo(ClosureStatus.ASSIGNED);
                    assertThat(e.kind()).isEqualTo("MODULE_TEST");
                });
    }

    @Test
    void registeringPublishesOneEventPerNewItem(Scenario scenario) {
        CurrentUser admin = cityAdministrator();
        String ref = "module/" + UUID.randomUUID();
        scenario.stimulate(() -> items.register(new NewClosureItem("MODULE_TEST", ref, district().id(), null,
                        "模块测试登记", null, LocalDate.now(clock).plusDays(10)), admin))
                .andWaitForEventOfType(ClosureEvents.ItemRegistered.class)
                .matching(e -> e.sourceRef().equals(ref))
                .toArriveAndVerify((e, item) -> assertThat(e.itemId()).isEqualTo(item.id()));
    }

    @Test
    void aHistoricalImportKeepsTheHistoryAndPublishesNothing(Scenario scenario) {
        CurrentUser admin = cityAdministrator();
        String ref = "module-history/" + UUID.randomUUID();
        var raised = java.time.LocalDateTime.of(2026, 3, 2, 9, 0);
        HistoricalItem closed = new HistoricalItem(ref, district().id(), "OTHER", "历史事项", null,
                ClosureStatus.CLOSED, null, null, "已解决", raised.toLocalDate().plusDays(30), Escalation.NONE, null,
                "admin", raised, raised.plusDays(4), raised.plusDays(6), List.of(
                new HistoricalItem.Step(raised, "admin", "管理员", ClosureAction.REGISTER, null,
                        ClosureStatus.REGISTERED, null),
                new HistoricalItem.Step(raised.plusDays(4), "unit", "经办人", ClosureAction.RESOLVE,
                        ClosureStatus.IN_PROGRESS, ClosureStatus.RESOLVED, "已解决"),
                new HistoricalItem.Step(raised.plusDays(6), "reviewer", "审核员", ClosureAction.CLOSE,
                        ClosureStatus.VERIFIED, ClosureStatus.CLOSED, null)));

        scenario.stimulate(() -> items.importHistorical("MODULE_TEST", List.of(closed)))
                .andWaitForStateChange(() -> items.find(ClosureFilter.all("MODULE_TEST"), admin).items().stream()
                        .filter(i -> i.sourceRef().equals(ref)).findFirst(), java.util.Optional::isPresent)
                .andVerifyEvents(events -> assertThat(events.ofType(Object.class)
                        .matching(e -> e.getClass().getEnclosingClass() == ClosureEvents.class)).isEmpty());
        long id = items.find(ClosureFilter.all("MODULE_TEST"), admin).items().stream()
                .filter(i -> i.sourceRef().equals(ref)).findFirst().orElseThrow().id();
        ClosureItem item = items.get(id, admin);
        assertThat(item.status()).isEqualTo(ClosureStatus.CLOSED);
        assertThat(item.closedAt()).isEqualTo(raised.plusDays(6));
        assertThat(item.updatedAt()).isEqualTo(raised.plusDays(6));
        assertThat(items.history(id, admin)).extracting(ClosureEvent::action)
                .containsExactly(ClosureAction.REGISTER, ClosureAction.RESOLVE, ClosureAction.CLOSE);
    }

    @Test
    void overLongTextIsRefusedWithTheFieldNameAndNothingIsWritten() {
        CurrentUser admin = cityAdministrator();
        long id = items.register(new NewClosureItem("MODULE_TEST", "module/" + UUID.randomUUID(), district().id(),
                null, "模块测试事项", null, LocalDate.now(clock).plusDays(10)), admin).id();
        workflow.assign(id, "经办人", null, "交办", admin);

        assertThatThrownBy(() -> workflow.apply("MODULE_TEST", id, "start", StepInput.note("措".repeat(2001)), admin))
                .isInstanceOf(ClosureRuleException.class).hasMessage("整改措施过长（不超过 2000 个字）");

        assertThat(items.get(id, admin).status()).isEqualTo(ClosureStatus.ASSIGNED);
        assertThat(items.get(id, admin).measures()).isNull();
        assertThat(items.history(id, admin)).extracting(ClosureEvent::action)
                .containsExactly(ClosureAction.REGISTER, ClosureAction.ASSIGN);
        workflow.apply("MODULE_TEST", id, "start", StepInput.note("措".repeat(2000)), admin);
        assertThat(items.get(id, admin).measures()).hasSize(2000);
    }

    @Test
    void aRedCardNeverGoesAboveTheDeploymentsRootDivision() {
        CurrentUser admin = cityAdministrator();
        OrgNode city = tree.byCode("3309").orElseThrow();
        if (tree.byCode("3309MT1").isEmpty()) { // a 市直 unit: the level above its division is the province
            builder.addUnits(List.of(new NewUnit("3309", "3309MT1", "模块测试市直单位", 1, "行政机关", "市直", 20,
                    List.of())));
        }
        OrgNode cityUnit = tree.byCode("3309MT1").orElseThrow();
        long cityItem = items.register(new NewClosureItem("MODULE_TEST", "module/" + UUID.randomUUID(),
                cityUnit.id(), null, "市直单位事项", null, LocalDate.now(clock).plusDays(1)), admin).id();
        long districtItem = items.register(new NewClosureItem("MODULE_TEST", "module/" + UUID.randomUUID(),
                unitUnderDistrict().id(), null, "区直单位事项", null, LocalDate.now(clock).plusDays(1)), admin).id();
        workflow.assign(cityItem, "经办人", null, "交办", admin);
        workflow.assign(districtItem, "经办人", null, "交办", admin);
        try {
            testClock.advance(Duration.ofDays(40)); // far past the deadline in working days: 红牌
            escalations.run();
            assertThat(items.get(cityItem, admin).escalation()).isEqualTo(Escalation.RED_CARD);
            assertThat(items.get(cityItem, admin).escalatedToNodeId()).isEqualTo(city.id());
            assertThat(items.get(districtItem, admin).escalatedToNodeId()).isEqualTo(city.id());
            assertThat(items.history(cityItem, admin)).extracting(ClosureEvent::note)
                    .anyMatch(n -> n != null && n.contains("报「" + city.name() + "」"))
                    .noneMatch(n -> n != null && n.contains("浙江省"));
        } finally {
            testClock.reset();
        }
    }

    private OrgNode unitUnderDistrict() {
        if (tree.byCode("330902MT2").isEmpty()) {
            builder.addUnits(List.of(new NewUnit("330902", "330902MT2", "模块测试区直单位", 2, "行政机关", "县直", 20,
                    List.of())));
        }
        return tree.byCode("330902MT2").orElseThrow();
    }

    private OrgNode district() {
        return tree.byCode("330902").orElseThrow();
    }

    private CurrentUser cityAdministrator() {
        OrgNode city = tree.byCode("3309").orElseThrow();
        return new CurrentUser(0, "module-admin", "模块测试管理员", Role.ADMIN, city.asScope(), city.name());
    }
}
