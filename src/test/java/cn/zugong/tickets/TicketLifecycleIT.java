package cn.zugong.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureEvent;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosureRuleException;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.closure.Escalation;
import cn.zugong.closure.Escalations;
import cn.zugong.closure.StepInput;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.Role;
import cn.zugong.tickets.internal.Satisfaction;
import cn.zugong.tickets.internal.Ticket;
import cn.zugong.tickets.internal.TicketService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A ticket's whole life: raised by a cadre with evidence → triage → transfer with a reason → 督办 on the test clock
 * past the deadline in working days (提醒, 黄牌, 红牌 to the next level up) → resolve → callback 不满意 goes back →
 * resolve → callback 满意 → verify → 销号 → reopen; illegal steps refused with Chinese messages; the ticket table
 * follows the closure item at every step; every step audited.
 */
@IntegrationTest
class TicketLifecycleIT {

    static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};

    @Autowired TicketService tickets;
    @Autowired ClosureItems items;
    @Autowired ClosureWorkflow workflow;
    @Autowired Escalations escalations;
    @Autowired WorkCalendar calendar;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock testClock;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    CurrentUser cadre;
    CurrentUser dinghai;
    CurrentUser reviewer;
    CurrentUser firstReporter;
    CurrentUser secondReporter;
    OrgNode first;
    OrgNode second;

    @BeforeEach
    void users() {
        OrgNode district = tree.byCode("330902").orElseThrow();
        first = tree.byId(jdbc.sql("select id from org_node where name = '定海区教育局'").query(Long.class).single())
                .orElseThrow();
        second = tree.units(district.asScope()).stream() // a 区直 unit: its red card goes to the city
                .filter(u -> u.id() != first.id() && u.parentId() == district.id()).findFirst().orElseThrow();
        cadre = new CurrentUser(0, "cadre", "定海区暖企专员", Role.CADRE, district.asScope(), district.name());
        dinghai = new CurrentUser(0, "dinghai", "定海区委组织部干部", Role.ADMIN, district.asScope(), district.name());
        OrgNode city = tree.byCode("3309").orElseThrow();
        reviewer = new CurrentUser(0, "reviewer", "市委组织部审核员", Role.REVIEWER, city.asScope(), city.name());
        firstReporter = new CurrentUser(0, "lc-first", "教育局填报员", Role.REPORTER, first.asScope(), first.name());
        secondReporter = new CurrentUser(0, "lc-second", "第二单位填报员", Role.REPORTER, second.asScope(), second.name());
    }

    @AfterEach
    void resetClock() {
        testClock.reset();
    }

    @Test
    void aTicketFromRaisingTo销号AndReopen() throws Exception {
        long visit = jdbc.sql("""
                select v.id from service_visit v join service_cadre c on c.id = v.cadre_id
                where c.username = 'cadre' order by v.id limit 1""").query(Long.class).single();
        Ticket t = tickets.raise(new NewTicket("FACTOR", "VISIT", String.valueOf(visit), first.id(), null,
                "定海海丰水产有限公司反映用工短缺，急需焊工约 20 名\n旺季前需到岗", "王海军", "13905801234", null, null),
                List.of(cn.zugong.shared.Upload.of("现场照片.png", PNG)), cadre);
        long id = t.itemId();
        assertThat(t.ticketNo()).matches("WT\\d{4}-\\d{6}");
        assertThat(t.status()).isEqualTo(ClosureStatus.REGISTERED);
        assertThat(t.cadreUsername()).isEqualTo("cadre");
        assertThat(t.cadreName()).isEqualTo("王海峰"); // the cadre who made the visit
        assertThat(t.visitId()).isEqualTo(visit);
        assertThat(t.title()).isEqualTo("定海海丰水产有限公司反映用工短缺，急需焊工约 20 名");
        assertThat(t.requesterPhone()).isEqualTo("139****1234");
        assertThat(jdbc.sql("select requester_phone from problem_ticket where item_id = :id").param("id", id)
                .query(String.class).single()).startsWith("v1:").doesNotContain("13905801234");
        assertThat(items.attachments(id, dinghai)).extracting(a -> a.fileName()).containsExactly("现场照片.png");

        // illegal before triage
        assertThatThrownBy(() -> step(id, "start", StepInput.note("开始办理"), firstReporter))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("当前状态为「已登记」");
        assertThatThrownBy(() -> tickets.triage(id, "POLICY", null, null, null, null, cadre))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("分拣交办");
        assertThatThrownBy(() -> tickets.callback(id, "SATISFIED", null, cadre))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("不能回访");

        // 分拣交办: category confirmed as 政策咨询 (5 days), deadline from today
        t = tickets.triage(id, "POLICY", null, null, "李科长", "请按期答复", dinghai);
        LocalDate deadline = calendar.onOrNextWorkday(LocalDate.now(clock).plusDays(5));
        assertThat(t.status()).isEqualTo(ClosureStatus.ASSIGNED);
        assertThat(t.categoryCode()).isEqualTo("POLICY");
        assertThat(t.deadline()).isEqualTo(deadline);
        assertThat(t.triagedAt()).isNotNull();

        // 转办 with a reason
        assertThatThrownBy(() -> step(id, "transfer", new StepInput(" ", null, null, second.id(), Map.of()), dinghai))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("转办理由");
        t = step(id, "transfer", new StepInput("涉及用工招聘，由人社部门牵头", null, null, second.id(), Map.of()),
                dinghai);
        assertThat(t.ownerNodeId()).isEqualTo(second.id());
        assertThat(t.status()).isEqualTo(ClosureStatus.ASSIGNED);
        assertThat(t.deadline()).isEqualTo(deadline);

        // 督办 by working days past the deadline on the test clock
        moveTo(afterWorkdays(deadline, 1));
        escalations.run();
        assertThat(tickets.get(id, dinghai).escalation()).isEqualTo(Escalation.REMINDER);
        moveTo(afterWorkdays(deadline, 5));
        escalations.run();
        assertThat(tickets.get(id, dinghai).escalation()).isEqualTo(Escalation.YELLOW_CARD);
        moveTo(afterWorkdays(deadline, 10));
        escalations.run();
        Ticket red = tickets.get(id, dinghai);
        assertThat(red.escalation()).isEqualTo(Escalation.RED_CARD);
        assertThat(red.overdue(LocalDate.now(clock))).isTrue();
        List<String> notes = tickets.history(red, dinghai).stream().filter(e -> e.action() == ClosureAction.ESCALATE)
                .map(ClosureEvent::note).toList();
        assertThat(notes).hasSize(3);
        assertThat(notes.get(2)).contains("红牌督办", "舟山市");
        mvc.perform(get("/tickets/" + id).with(users.page("dinghai"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("红牌督办")))
                // the ticket's own words on the shared fragment, not the rectification's 整改措施
                .andExpect(content().string(org.hamcrest.Matchers.containsString("placeholder=\"办理措施\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("placeholder=\"整改措施\""))));
        testClock.reset();

        // the unit works it and resolves; the requester is not satisfied: back to the unit
        step(id, "start", StepInput.note("已对接招聘平台"), secondReporter);
        mvc.perform(get("/tickets/" + id).with(users.page("dinghai"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<td>开始办理</td>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("开始整改"))));
        step(id, "resolve", StepInput.note("已组织专场招聘会"), secondReporter);
        assertThat(tickets.get(id, dinghai).resolvedAt()).isNotNull();
        assertThatThrownBy(() -> step(id, "verify", StepInput.note("核验"), reviewer))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("尚未回访");
        assertThatThrownBy(() -> tickets.callback(id, "SATISFIED", null, secondReporter))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> tickets.callback(id, "UNSATISFIED", " ", cadre))
                .isInstanceOf(ConflictException.class).hasMessageContaining("不满意的原因");
        assertThatThrownBy(() -> tickets.callback(id, "", null, cadre))
                .isInstanceOf(ConflictException.class).hasMessageContaining("回访满意度");
        t = tickets.callback(id, "UNSATISFIED", "只招到 5 人，缺口仍大", cadre);
        assertThat(t.status()).isEqualTo(ClosureStatus.IN_PROGRESS);
        assertThat(t.satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
        ClosureEvent back = tickets.history(t, dinghai).stream().filter(e -> e.action() == ClosureAction.REJECT)
                .findFirst().orElseThrow();
        assertThat(back.note()).isEqualTo("回访不满意：只招到 5 人，缺口仍大");
        assertThat(back.actor()).isEqualTo("cadre");

        // resolved again, 满意, verified, 销号
        step(id, "resolve", StepInput.note("联合职业学校定向培养，已到岗 22 人"), secondReporter);
        assertThatThrownBy(() -> step(id, "verify", StepInput.note("核验"), reviewer))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("尚未回访");
        t = tickets.callback(id, "满意", "企业表示满意", cadre);
        assertThat(t.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThatThrownBy(() -> tickets.callback(id, "BASIC", null, reviewer))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("不能重复回访");
        mvc.perform(post("/api/tickets/" + id + "/close").with(httpBasic("reviewer", IntegrationTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"直接销号\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value(
                        org.hamcrest.Matchers.containsString("尚未核验通过，不能销号")));
        assertThatThrownBy(() -> step(id, "verify", StepInput.note("核验"), secondReporter))
                .isInstanceOf(ForbiddenException.class);
        step(id, "verify", StepInput.note("核验属实"), reviewer);
        t = step(id, "close", StepInput.note("同意销号"), reviewer);
        assertThat(t.status()).isEqualTo(ClosureStatus.CLOSED);
        assertThat(t.closedAt()).isNotNull();
        assertThat(t.daysToClose()).isZero();
        assertThat(t.closedLate()).isFalse();

        // reopen with a reason
        assertThatThrownBy(() -> step(id, "reopen", StepInput.note(""), reviewer))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("理由");
        t = step(id, "reopen", StepInput.note("企业反映新招工人流失"), reviewer);
        assertThat(t.status()).isEqualTo(ClosureStatus.IN_PROGRESS);
        assertThat(t.closedAt()).isNull();
        assertThat(t.daysToClose()).isNull();
        assertThat(t.reopenCount()).isEqualTo(1);

        assertThat(tickets.history(t, dinghai).stream().map(ClosureEvent::action).toList()).containsExactly(
                ClosureAction.REGISTER, ClosureAction.ATTACH, ClosureAction.ASSIGN, ClosureAction.TRANSFER,
                ClosureAction.ESCALATE, ClosureAction.ESCALATE, ClosureAction.ESCALATE, ClosureAction.START,
                ClosureAction.RESOLVE, ClosureAction.REJECT, ClosureAction.RESOLVE, ClosureAction.VERIFY,
                ClosureAction.CLOSE, ClosureAction.REOPEN);
        assertThat(audited("problem_ticket", id)).isEqualTo(2); // raised, triaged
        assertThat(audited("ticket_callback", id)).isEqualTo(2);
        assertThat(audited("closure_item", id)).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theCallbackPageAndTheStepsOnThePage() throws Exception {
        Ticket t = tickets.raise(new NewTicket("POLICY", "HOTLINE", "12345-001", first.id(), "咨询人才安居补贴", "咨询申领条件",
                null, null, null, null), List.of(), dinghai);
        long id = t.itemId();
        mvc.perform(get("/tickets/" + id).with(users.page("dinghai"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("do-triage")));
        mvc.perform(post("/tickets/" + id + "/close").with(users.page("reviewer"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", org.hamcrest.Matchers.containsString("当前状态为「已登记」")));
        mvc.perform(post("/tickets/" + id + "/triage").param("category", "POLICY").with(users.page("dinghai"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(tickets.get(id, dinghai).status()).isEqualTo(ClosureStatus.ASSIGNED);
    }

    /** A step as the ticket's page and API take it, answering the ticket after it. */
    private Ticket step(long id, String action, StepInput in, CurrentUser user) {
        workflow.apply(ProblemTickets.KIND, id, action, in, user);
        return tickets.get(id, user);
    }

    private long audited(String type, long id) {
        return jdbc.sql("select count(*) from audit_entry where object_type = :t and object_id = :id")
                .param("t", type).param("id", String.valueOf(id)).query(Long.class).single();
    }

    private LocalDate afterWorkdays(LocalDate deadline, int n) {
        LocalDate day = deadline;
        while (calendar.workdaysBetween(deadline, day) < n) {
            day = day.plusDays(1);
        }
        return day;
    }

    private void moveTo(LocalDate day) {
        testClock.reset();
        testClock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(clock), day)));
    }

    @Test
    void aTicketStartsFromAVisitOfTheCadre() throws Exception {
        var own = jdbc.sql("""
                select v.id, v.whom from service_visit v join service_cadre c on c.id = v.cadre_id
                where c.username = 'cadre' order by v.id desc limit 1""")
                .query((rs, i) -> java.util.Map.entry(rs.getLong(1), rs.getString(2))).single();
        long othersVisit = jdbc.sql("""
                select v.id from service_visit v join service_cadre c on c.id = v.cadre_id
                where c.username is null or c.username <> 'cadre' order by v.id limit 1""").query(Long.class).single();
        mvc.perform(get("/tickets/new").param("visitId", String.valueOf(own.getKey())).with(users.page("cadre")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString(own.getValue()),
                        org.hamcrest.Matchers.containsString("来自走访："),
                        org.hamcrest.Matchers.containsString("value=\"" + own.getKey() + "\""))));
        // another cadre's visit is not the cadre's to see, nor to raise a ticket from
        mvc.perform(get("/tickets/new").param("visitId", String.valueOf(othersVisit)).with(users.page("cadre")))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> tickets.raise(new NewTicket("FACTOR", "VISIT", String.valueOf(othersVisit),
                first.id(), null, "别人的走访", null, null, null, null), List.of(), cadre))
                .isInstanceOf(cn.zugong.shared.NotFoundException.class);
        assertThatThrownBy(() -> tickets.raise(new NewTicket("FACTOR", "VISIT", "第七次走访", first.id(), null,
                "编号不是数字", null, null, null, null), List.of(), cadre))
                .hasMessageContaining("走访记录编号应为数字");
        // the office raises from a visit in its scope: the ticket is the visiting cadre's
        Ticket t = tickets.raise(new NewTicket("FACTOR", "VISIT", String.valueOf(own.getKey()), first.id(), null,
                "区里代为登记", own.getValue(), null, null, null), List.of(), dinghai);
        assertThat(t.cadreUsername()).isEqualTo("cadre");
        mvc.perform(get("/tickets/" + t.itemId()).with(users.page("dinghai"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "/service/visits/" + own.getKey())));
    }
}
