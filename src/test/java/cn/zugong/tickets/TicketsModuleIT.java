package cn.zugong.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.ModuleTestDatabase;
import cn.zugong.closure.ClosureEvents;
import cn.zugong.closure.ClosureRuleException;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.closure.StepInput;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import cn.zugong.tickets.internal.Ticket;
import cn.zugong.tickets.internal.TicketService;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tickets module on its own (with the modules it depends on, without the demo): its own small fixture — two
 * units under 定海区 and users made up for the test — and a ticket walked from raising to 销号 through the module's
 * service, checked against the closure events it publishes. Runs on a database of its own, so the demo-backed
 * integration tests' data is never touched (see {@link ModuleTestDatabase}).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "audit")
@Import({TestDatabase.class, TestClock.Config.class})
class TicketsModuleIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "tickets_module");
    }

    @Autowired TicketService tickets;
    @Autowired ClosureWorkflow workflow;
    @Autowired ProblemTickets problemTickets;
    @Autowired OrgBuilder builder;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;

    OrgNode district;
    OrgNode school;
    CurrentUser office;
    CurrentUser unit;
    CurrentUser reviewer;

    @BeforeEach
    void fixture() {
        district = tree.byCode("330902").orElseThrow();
        if (tree.byCode("330902MT1").isEmpty()) {
            builder.addUnits(List.of(
                    new NewUnit("330902", "330902MT1", "模块测试学校", 1, "事业单位", "区直", 40, List.of())));
        }
        school = tree.byCode("330902MT1").orElseThrow();
        office = new CurrentUser(0, "mt-office", "定海区委组织部", Role.ADMIN, district.asScope(), district.name());
        unit = new CurrentUser(0, "mt-unit", "模块测试学校填报员", Role.REPORTER, school.asScope(), school.name());
        OrgNode city = tree.byCode("3309").orElseThrow();
        reviewer = new CurrentUser(0, "mt-reviewer", "市委组织部审核员", Role.REVIEWER, city.asScope(), city.name());
    }

    @Test
    void aTicketRaisedThroughThePublicApiIsWorkedTo销号AndPublishesItsClosure(Scenario scenario) {
        var raised = problemTickets.raise(new NewTicket("POLICY", "HOTLINE", "12345-MT-1", school.id(), null,
                "学校反映校车线路调整后学生上学不便", "张老师", "13905800001", null, null), office);
        long id = raised.itemId();
        assertThat(raised.ticketNo()).matches("WT\\d{4}-\\d{6}");
        assertThat(tickets.get(id, office).status()).isEqualTo(ClosureStatus.REGISTERED);

        assertThatThrownBy(() -> step(id, "resolve", "已处理", unit)).isInstanceOf(ClosureRuleException.class);

        tickets.triage(id, "POLICY", school.id(), null, "王校长", "请按期答复", office);
        step(id, "start", "已与公交公司对接", unit);
        step(id, "resolve", "增设早班校车一班", unit);
        tickets.callback(id, "SATISFIED", "家长满意", office);
        step(id, "verify", "核验属实", reviewer);

        scenario.stimulate(() -> step(id, "close", "同意销号", reviewer))
                .andWaitForEventOfType(ClosureEvents.ItemClosed.class)
                .matching(e -> e.itemId() == id)
                .toArriveAndVerify(e -> {
                    assertThat(e.kind()).isEqualTo(ProblemTickets.KIND);
                    assertThat(e.ownerNodeId()).isEqualTo(school.id());
                });

        Ticket closed = tickets.get(id, office);
        assertThat(closed.status()).isEqualTo(ClosureStatus.CLOSED);
        assertThat(jdbc.sql("select status from closure_item where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("CLOSED");
        // the module test's database holds its own fixture only: no demo rows were loaded
        assertThat(jdbc.sql("select count(*) from closure_item").query(Long.class).single()).isEqualTo(1L);
    }

    /** A step by name through the one entry pages and the API use. */
    private Object step(long id, String action, String note, CurrentUser user) {
        return workflow.apply(ProblemTickets.KIND, id, action, StepInput.note(note), user);
    }
}
