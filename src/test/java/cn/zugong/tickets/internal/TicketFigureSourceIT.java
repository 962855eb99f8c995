package cn.zugong.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zugong.FigureNodes;
import cn.zugong.FigureSourceChecks;
import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.HistoricalItem;
import cn.zugong.security.Accounts;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import cn.zugong.tickets.TicketHistory;
import cn.zugong.tickets.TicketSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * tickets.figures (issue 20): tickets of a township of the test's own, raised at the year's first and last moments
 * and a moment outside it, one of a sibling township; the source's figures add up to their records, equal the
 * figures API for the unit and year, and are zero on an empty node.
 */
@IntegrationTest
class TicketFigureSourceIT {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired TicketFigureSource source;
    @Autowired TicketHistory history;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;

    @Test
    void figuresAddUpEqualTheFiguresApiAndKeepToScopeAndPeriod() throws Exception {
        FigureNodes nodes = new FigureNodes(jdbc, accounts);
        OrgScope township = nodes.node("330902", "TOWNSHIP", "问题测试镇");
        OrgScope unit = nodes.node(township.nodeId(), "UNIT", "问题测试单位");
        OrgScope sibling = nodes.node("330902", "TOWNSHIP", "问题测试邻镇");
        String category = "FG" + FigureNodes.RUN;
        jdbc.sql("insert into ticket_category (code, name, sla_days, sort_order) values (:c, :n, 30, 99)")
                .param("c", category).param("n", "这一年测试类别" + FigureNodes.RUN).update();
        history.write(List.of(
                ticket(category, unit, LocalDateTime.of(2025, 12, 31, 23, 59), true),
                ticket(category, unit, LocalDateTime.of(2026, 1, 1, 0, 0), true),
                ticket(category, township, LocalDateTime.of(2026, 6, 15, 9, 0), true),
                ticket(category, unit, LocalDateTime.of(2026, 12, 31, 23, 0), false),
                ticket(category, unit, LocalDateTime.of(2027, 1, 1, 0, 0), true),
                ticket(category, sibling, LocalDateTime.of(2026, 5, 1, 9, 0), true)), "test", "这一年测试");

        CurrentUser admin = new CurrentUser(0, "fgadmin", "测试", Role.ADMIN, township, "问题测试镇");
        Map<String, BigDecimal> values = FigureSourceChecks.assertConsistent(source, township, FROM, TO, admin);
        assertThat(values.get("found")).isEqualByComparingTo("3");
        assertThat(values.get("solved")).isEqualByComparingTo("2");
        assertThat(values.get("rate")).isEqualByComparingTo("66.67");

        String username = nodes.account(Role.ADMIN, township.nodeId());
        JsonNode total = json.readTree(mvc.perform(get("/api/tickets/figures?year=2026&unitId=" + township.nodeId())
                .with(TestUsers.api(username))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("total");
        assertThat(values.get("found")).isEqualByComparingTo(total.get("found").decimalValue());
        assertThat(values.get("solved")).isEqualByComparingTo(total.get("solved").decimalValue());
        assertThat(values.get("rate")).isEqualByComparingTo(total.get("rate").decimalValue());
        assertThat(source.page(township, FROM, TO)).isEqualTo("/tickets/figures?unitId=" + township.nodeId()
                + "&year=2026");
        assertThat(mvc.perform(get(source.page(township, FROM, TO)).with(users.page(username))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("66.67");

        OrgScope empty = nodes.node("330902", "TOWNSHIP", "问题测试空镇");
        assertThat(FigureSourceChecks.assertConsistent(source, empty, FROM, TO, admin).values())
                .allSatisfy(v -> assertThat(v).isZero());
    }

    static TicketHistory.Ticket ticket(String category, OrgScope unit, LocalDateTime raised, boolean closed) {
        int n = SEQ.incrementAndGet();
        LocalDateTime closedAt = closed ? raised.plusDays(5) : null;
        List<HistoricalItem.Step> steps = new ArrayList<>();
        steps.add(new HistoricalItem.Step(raised, "admin", "市委组织部管理员", ClosureAction.REGISTER, null,
                ClosureStatus.REGISTERED, null));
        steps.add(new HistoricalItem.Step(raised.plusHours(2), "admin", "市委组织部管理员", ClosureAction.ASSIGN,
                ClosureStatus.REGISTERED, ClosureStatus.ASSIGNED, null));
        if (closed) {
            steps.add(new HistoricalItem.Step(closedAt, "reviewer", "市委组织部审核员", ClosureAction.CLOSE,
                    ClosureStatus.VERIFIED, ClosureStatus.CLOSED, null));
        }
        return new TicketHistory.Ticket("fg-" + FigureNodes.RUN + "-" + n, category, TicketSource.VISIT,
                "这一年测试问题 " + n, "这一年测试问题描述 " + n, "请求人", null, unit.nodeId(), unit.nodeId(), "admin",
                "市委组织部管理员", raised, null, null, closed ? ClosureStatus.CLOSED : ClosureStatus.IN_PROGRESS,
                raised.toLocalDate().plusDays(30), raised.plusHours(2), 0, null, null, closed ? "已解决" : null,
                closed ? closedAt.minusDays(1) : null, closedAt, steps, List.of(), null);
    }
}
