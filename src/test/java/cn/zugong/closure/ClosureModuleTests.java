package cn.zugong.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.time.Clock;
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

    private OrgNode district() {
        return tree.byCode("330902").orElseThrow();
    }

    private CurrentUser cityAdministrator() {
        OrgNode city = tree.byCode("3309").orElseThrow();
        return new CurrentUser(0, "module-admin", "模块测试管理员", Role.ADMIN, city.asScope(), city.name());
    }
}
