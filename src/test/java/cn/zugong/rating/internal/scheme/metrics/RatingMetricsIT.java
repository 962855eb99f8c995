package cn.zugong.rating.internal.scheme.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.HistoricalItem;
import cn.zugong.lighting.LightingHistory;
import cn.zugong.org.Division;
import cn.zugong.org.NewPartyOrg;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.PartySector;
import cn.zugong.people.PartyMemberRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.rating.RatingMetric;
import cn.zugong.rating.RatingSchemes;
import cn.zugong.rating.internal.scheme.ComputedCriteria;
import cn.zugong.shared.IdNumbers;
import cn.zugong.tickets.TicketHistory;
import cn.zugong.tickets.TicketSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each metric against a small world of its own, written through the modules' own APIs (org tree, tickets, 亮灯台
 * lists, party members) or SQL where no API writes history (三事分流 matters with their closure items, the lights of
 * closed months, 数字体检 results): a township 评星街道 with a village, a community, a unit whose 党委 has a 党支部,
 * and the township's own 党委. Every expected value is worked out by hand in the comments; rows of other years
 * (2025, 2027) and of unfinished runs are there to be left out. The year is a parameter, the clock is the tests'.
 */
@IntegrationTest
class RatingMetricsIT {

    private static final int YEAR = 2026;
    private static final String T = "330902RS7";

    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired TicketHistory tickets;
    @Autowired LightingHistory lighting;
    @Autowired RosterWriter roster;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired List<RatingMetric> metrics;
    @Autowired ComputedCriteria computed;
    @Autowired RatingSchemes schemes;

    private OrgNode township;
    private OrgNode village;
    private OrgNode community;
    private OrgNode unit;
    /** The party organisations: the village's, the community's, the unit's 党委 and its 党支部, the township's. */
    private OrgNode villageParty;
    private OrgNode communityParty;
    private OrgNode unitParty;
    private OrgNode unitBranch;
    private OrgNode townshipParty;

    @BeforeEach
    void world() throws Exception {
        if (tree.byCode(T).isEmpty()) {
            build();
        }
        township = node(T);
        village = node(T + "001");
        community = node(T + "002");
        unit = node(T + "U");
        villageParty = node(T + "001P");
        communityParty = node(T + "002P");
        unitParty = node(T + "UP");
        unitBranch = node(T + "UP1");
        townshipParty = node(T + "P");
    }

    private OrgNode node(String code) {
        return tree.byCode(code).orElseThrow();
    }

    private List<OrgNode> parties() {
        return List.of(villageParty, communityParty, unitParty, unitBranch, townshipParty);
    }

    private Map<Long, BigDecimal> values(String code) {
        RatingMetric metric = metrics.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
        return metric.values(parties(), YEAR);
    }

    private void build() throws Exception {
        org.addDivisions(List.of(new Division(T, "评星街道", "township", "330902"),
                new Division(T + "001", "评星村", "village", T), new Division(T + "002", "评星社区", "village", T)));
        org.addUnits(List.of(new NewUnit(T, T + "U", "评星街道办事处", 1, "行政机关", "乡镇", 20, List.of())));
        org.addPartyOrgs(List.of(new NewPartyOrg(T, T + "P", "中共评星街道工作委员会", 1, "党委"),
                new NewPartyOrg(T + "001", T + "001P", "中共评星村支部委员会", 1, "党支部"),
                new NewPartyOrg(T + "002", T + "002P", "中共评星社区支部委员会", 1, "党支部"),
                new NewPartyOrg(T + "U", T + "UP", "中共评星街道办事处委员会", 1, "党委"),
                new NewPartyOrg(T + "UP", T + "UP1", "中共评星街道办事处第一支部委员会", 1, "党支部")));
        OrgNode t = node(T);
        OrgNode v = node(T + "001");
        OrgNode c = node(T + "002");
        OrgNode u = node(T + "U");
        tickets(v, u);
        matters(v, c);
        lights(t, u);
        healthcheck(t, u);
        members(node(T + "001P"), node(T + "UP1"));
    }

    /** 评星村: 2026 four raised, three closed (one still in progress), one of 2025 closed; the unit: two, both closed. */
    private void tickets(OrgNode v, OrgNode u) {
        List<TicketHistory.Ticket> list = new ArrayList<>();
        list.add(ticket(1, v, LocalDateTime.of(2026, 3, 2, 9, 0), true));
        list.add(ticket(2, v, LocalDateTime.of(2026, 5, 6, 9, 0), true));
        list.add(ticket(3, v, LocalDateTime.of(2026, 8, 3, 9, 0), true));
        list.add(ticket(4, v, LocalDateTime.of(2026, 11, 2, 9, 0), false));
        list.add(ticket(5, v, LocalDateTime.of(2025, 11, 3, 9, 0), true));
        list.add(ticket(6, u, LocalDateTime.of(2026, 4, 1, 9, 0), true));
        list.add(ticket(7, u, LocalDateTime.of(2026, 9, 1, 9, 0), true));
        tickets.write(list, "admin", "评星指标测试问题");
    }

    private static TicketHistory.Ticket ticket(int i, OrgNode at, LocalDateTime raised, boolean closed) {
        List<HistoricalItem.Step> steps = new ArrayList<>();
        steps.add(new HistoricalItem.Step(raised, "admin", "市委组织部管理员", ClosureAction.REGISTER, null,
                ClosureStatus.REGISTERED, null));
        steps.add(new HistoricalItem.Step(raised.plusHours(2), "admin", "市委组织部管理员", ClosureAction.ASSIGN,
                ClosureStatus.REGISTERED, ClosureStatus.ASSIGNED, null));
        LocalDateTime done = raised.plusDays(5);
        if (closed) {
            steps.add(new HistoricalItem.Step(done, "reviewer", "市委组织部审核员", ClosureAction.CLOSE,
                    ClosureStatus.VERIFIED, ClosureStatus.CLOSED, null));
        }
        return new TicketHistory.Ticket("rating-metric-" + i, "OTHER", TicketSource.VISIT, "评星指标测试问题 " + i,
                "描述 " + i, "请求人", null, at.id(), at.id(), "admin", "市委组织部管理员", raised, null, null,
                closed ? ClosureStatus.CLOSED : ClosureStatus.IN_PROGRESS, raised.toLocalDate().plusDays(30),
                raised.plusHours(2), 0, null, null, closed ? "已解决" : null, closed ? done.minusDays(1) : null,
                closed ? done : null, steps, List.of(), null);
    }

    /**
     * 评星社区 2026: four matters — two closed, one in progress, one still 待归类 (no item) — and one of 2025 closed;
     * 评星村 2026: one closed.
     */
    private void matters(OrgNode v, OrgNode c) {
        matter(c, LocalDate.of(2026, 2, 10), ClosureStatus.CLOSED);
        matter(c, LocalDate.of(2026, 4, 10), ClosureStatus.CLOSED);
        matter(c, LocalDate.of(2026, 6, 10), ClosureStatus.IN_PROGRESS);
        matter(c, LocalDate.of(2026, 9, 10), null);
        matter(c, LocalDate.of(2025, 12, 10), ClosureStatus.CLOSED);
        matter(v, LocalDate.of(2026, 5, 20), ClosureStatus.CLOSED);
    }

    private void matter(OrgNode community, LocalDate raised, ClosureStatus status) {
        Long item = null;
        LocalDateTime at = raised.atTime(10, 0);
        if (status != null) {
            String ref = "rating-metric-" + community.code() + "-" + raised;
            jdbc.sql("insert into closure_item (kind, source_ref, owner_node_id, title, status, deadline, registered_by,"
                            + " registered_at, updated_at, closed_at) values ('SANSHI_MATTER', :ref, :owner, '测试事项', :status,"
                            + " :deadline, 'admin', :at, :at, :closed)")
                    .param("ref", ref).param("owner", community.id()).param("status", status.name())
                    .param("deadline", raised.plusDays(30)).param("at", at)
                    .param("closed", status == ClosureStatus.CLOSED ? at.plusDays(10) : null).update();
            item = jdbc.sql("select id from closure_item where kind = 'SANSHI_MATTER' and source_ref = :ref")
                    .param("ref", ref).query(Long.class).single();
        }
        jdbc.sql("insert into deliberation_matter (community_node_id, title, raised_by, raised_on, kind, status,"
                        + " closure_item_id, registered_by, registered_at) values (:c, '测试事项', '居民', :raised, :kind,"
                        + " :status, :item, 'admin', :at)")
                .param("c", community.id()).param("raised", raised).param("kind", item == null ? null : "SMALL")
                .param("status", item == null ? "PENDING" : "DECIDED").param("item", item).param("at", at).update();
    }

    /**
     * A 2026 list of the township: task 1 (the unit, weight 2), task 2 (the unit, weight 1), task 3 (the township,
     * weight 1). March and April are closed, May is not (its lights do not count), and a 2025 month is not this year.
     */
    private void lights(OrgNode t, OrgNode u) {
        long list = lighting.addList(new LightingHistory.NewList("RS7-2026", "评星街道重点任务", 2026, "党的建设", false,
                null, null, t, null, "admin", LocalDateTime.of(2026, 1, 5, 9, 0)));
        long t1 = task(list, "RS7-1", u, "2");
        long t2 = task(list, "RS7-2", u, "1");
        long t3 = task(list, "RS7-3", t, "1");
        light(list, t1, u, 202603, 100, "2");
        light(list, t2, u, 202603, 60, "1");
        light(list, t3, t, 202603, 80, "1");
        light(list, t1, u, 202604, 80, "2");
        light(list, t2, u, 202604, 100, "1");
        light(list, t3, t, 202604, 40, "1");
        light(list, t1, u, 202605, 0, "2");
        light(list, t1, u, 202512, 0, "2");
        for (int period : new int[] {202603, 202604, 202512}) {
            jdbc.sql("insert into lighting_month (list_id, period, status, changed_by, changed_at)"
                            + " values (:l, :p, 'CLOSED', 'admin', :at)")
                    .param("l", list).param("p", period).param("at", LocalDateTime.of(2026, 5, 10, 9, 0)).update();
        }
    }

    private long task(long list, String code, OrgNode lead, String weight) {
        jdbc.sql("insert into lighting_task (list_id, code, title, lead_unit_id, weight, target_value, measure, plan,"
                        + " deadline) values (:l, :code, :code, :u, :w, 100, '数值', '0,0,0,0,0,0,0,0,0,0,0,100', :d)")
                .param("l", list).param("code", code).param("u", lead.id()).param("w", new BigDecimal(weight))
                .param("d", LocalDate.of(2026, 12, 31)).update();
        return jdbc.sql("select id from lighting_task where list_id = :l and code = :code").param("l", list)
                .param("code", code).query(Long.class).single();
    }

    private void light(long list, long task, OrgNode u, int period, int points, String weight) {
        jdbc.sql("insert into lighting_light (task_id, period, list_id, unit_id, colour, actual, planned, ratio, points,"
                        + " weight, reason, lit_at) values (:t, :p, :l, :u, 'GREEN', 1, 1, 1, :points, :w, '测试', :at)")
                .param("t", task).param("p", period).param("l", list).param("u", u.id()).param("points", points)
                .param("w", new BigDecimal(weight)).param("at", LocalDateTime.of(2026, 5, 10, 9, 0)).update();
    }

    /**
     * 数字体检 (pack healthcheck) runs over the township: March (superseded), September (the one that counts: the
     * unit 1 red of 9 coloured, one result without colour; the township's roll-up 1 red of 4), January 2027 (another
     * year) and a September run that failed.
     */
    private void healthcheck(OrgNode t, OrgNode u) throws Exception {
        long march = evaluation(t, LocalDate.of(2026, 3, 31), "DONE");
        results(march, u, false, "RED", "RED", "GREEN", "GREEN");
        long september = evaluation(t, LocalDate.of(2026, 9, 30), "DONE");
        results(september, u, false, "RED", "GREEN", "GREEN", "GREEN", "GREEN", "GREEN", "GREEN", "YELLOW", "YELLOW",
                null);
        results(september, t, true, "RED", "GREEN", "GREEN", "GREEN");
        long next = evaluation(t, LocalDate.of(2027, 1, 31), "DONE");
        results(next, u, false, "RED", "RED");
        long failed = evaluation(t, LocalDate.of(2026, 10, 31), "FAILED");
        results(failed, u, false, "RED", "RED", "RED");
    }

    private long evaluation(OrgNode scope, LocalDate asOf, String status) throws Exception {
        jdbc.sql("insert into indicator_evaluation (as_of, pack_code, pack_version, scope_node_id, created_by, created_at,"
                        + " finished_at, status) values (:asOf, 'healthcheck', 1, :scope, 'admin', :at, :at, :status)")
                .param("asOf", asOf).param("scope", scope.id()).param("at", asOf.atTime(12, 0)).param("status", status)
                .update();
        long id = jdbc.sql("select max(id) from indicator_evaluation where scope_node_id = :scope")
                .param("scope", scope.id()).query(Long.class).single();
        if (postgres()) {
            // on PostgreSQL indicator_result is partitioned by evaluation (ADR 054): each run has its partition
            jdbc.sql("create table indicator_result_e" + id + " partition of indicator_result for values in (" + id
                    + ")").update();
        }
        return id;
    }

    private boolean postgres() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    private void results(long evaluation, OrgNode node, boolean rollup, String... colours) {
        for (int i = 0; i < colours.length; i++) {
            jdbc.sql("insert into indicator_result (evaluation_id, node_id, indicator_code, rollup, numerator, denominator,"
                            + " result_value, colour) values (:e, :n, :code, :rollup, 1, 1, 1, :colour)")
                    .param("e", evaluation).param("n", node.id()).param("code", "RS" + i).param("rollup", rollup)
                    .param("colour", colours[i]).update();
        }
    }

    /**
     * 评星村's branch, 2026 (young: born 1991-01-01 or later): 甲 1995/2020, 乙 1990-12-31/2015 (not young, by a day),
     * 丙 1991-01-01/2026-03-01 (young, new), 丁 1970/2026-12-31 (new), 戊 joined 2027-01-05 (not yet a member);
     * the unit's 党支部: 己 1980/2000, 庚 1998/2025.
     */
    private void members(OrgNode villageBranch, OrgNode unitBranch) {
        roster.addPartyMembers(List.of(
                member(villageBranch, 1, "甲", LocalDate.of(1995, 6, 1), LocalDate.of(2020, 7, 1)),
                member(villageBranch, 2, "乙", LocalDate.of(1990, 12, 31), LocalDate.of(2015, 7, 1)),
                member(villageBranch, 3, "丙", LocalDate.of(1991, 1, 1), LocalDate.of(2026, 3, 1)),
                member(villageBranch, 4, "丁", LocalDate.of(1970, 3, 1), LocalDate.of(2026, 12, 31)),
                member(villageBranch, 5, "戊", LocalDate.of(1996, 3, 1), LocalDate.of(2027, 1, 5)),
                member(unitBranch, 6, "己", LocalDate.of(1980, 3, 1), LocalDate.of(2000, 7, 1)),
                member(unitBranch, 7, "庚", LocalDate.of(1998, 3, 1), LocalDate.of(2025, 7, 1))));
    }

    private static PartyMemberRow member(OrgNode branch, int n, String name, LocalDate birth, LocalDate joined) {
        return new PartyMemberRow(branch.id(), null, "评星" + name, "男", birth, IdNumbers.of("330902", birth, 870 + n),
                null, joined, joined.getYear() >= 2026 ? "预备党员" : "正式党员", false, null);
    }

    @Test
    void theAreaOfAPartyOrganisationIsItsNearestNonPartyAncestor() {
        assertThat(townshipParty.parentId()).isEqualTo(township.id());
        assertThat(tree.partyOrgs(township.asScope(), List.of(PartySector.VILLAGE, PartySector.COMMUNITY)))
                .extracting(p -> p.node().code()).containsExactlyInAnyOrder(T + "001P", T + "002P");
        // the 党支部 under the unit's 党委 climbs through the 党委 to the unit
        assertThat(unitBranch.parentId()).isEqualTo(unitParty.id());
    }

    @Test
    void ticketResolutionRate() {
        Map<Long, BigDecimal> v = values("tickets.resolution_rate");
        // 评星村: 3 closed of 4 raised in 2026 (the 2025 one left out) = 75.00
        assertThat(v.get(villageParty.id())).isEqualByComparingTo("75.00");
        // the unit: 2 of 2; its 党委 and the 党支部 under it alike
        assertThat(v.get(unitParty.id())).isEqualByComparingTo("100.00");
        assertThat(v.get(unitBranch.id())).isEqualByComparingTo("100.00");
        // the township: everything below it, 5 of 6 = 83.33
        assertThat(v.get(townshipParty.id())).isEqualByComparingTo("83.33");
        // 评星社区: no ticket, no value
        assertThat(v).doesNotContainKey(communityParty.id());
    }

    @Test
    void deliberationClosedRate() {
        Map<Long, BigDecimal> v = values("deliberation.closed_rate");
        // 评星社区: 2 closed of 4 raised in 2026 (in progress and 待归类 count as raised, not closed) = 50.00
        assertThat(v.get(communityParty.id())).isEqualByComparingTo("50.00");
        assertThat(v.get(villageParty.id())).isEqualByComparingTo("100.00");
        // the township: 3 of 5 = 60.00; the unit has no matters
        assertThat(v.get(townshipParty.id())).isEqualByComparingTo("60.00");
        assertThat(v).doesNotContainKeys(unitParty.id(), unitBranch.id());
    }

    @Test
    void lightingYearScore() {
        Map<Long, BigDecimal> v = values("lighting.score");
        // the unit, March and April: (100×2 + 60×1 + 80×2 + 100×1) ÷ (2+1+2+1) = 520 ÷ 6 = 86.7
        assertThat(v.get(unitParty.id())).isEqualByComparingTo("86.7");
        assertThat(v.get(unitBranch.id())).isEqualByComparingTo("86.7");
        // the township with its unit: (520 + 80 + 40) ÷ (6 + 2) = 80.0
        assertThat(v.get(townshipParty.id())).isEqualByComparingTo("80.0");
        assertThat(v).doesNotContainKeys(villageParty.id(), communityParty.id());
    }

    @Test
    void healthcheckRedShare() {
        Map<Long, BigDecimal> v = values("healthcheck.red_share");
        // the unit, September run: 1 red of 9 coloured = 11.11 (March superseded, 2027 and the failed run left out)
        assertThat(v.get(unitParty.id())).isEqualByComparingTo("11.11");
        assertThat(v.get(unitBranch.id())).isEqualByComparingTo("11.11");
        // the township's roll-up: 1 of 4 = 25.00
        assertThat(v.get(townshipParty.id())).isEqualByComparingTo("25.00");
        assertThat(v).doesNotContainKeys(villageParty.id(), communityParty.id());
    }

    @Test
    void partyMembers() {
        Map<Long, BigDecimal> young = values("party.young_share");
        Map<Long, BigDecimal> joined = values("party.new_members");
        // 评星村: members 甲乙丙丁 (戊 joins in 2027), young 甲丙 = 2 of 4 = 50.00; new in 2026 丙丁 = 2
        assertThat(young.get(villageParty.id())).isEqualByComparingTo("50.00");
        assertThat(joined.get(villageParty.id())).isEqualByComparingTo("2");
        // the unit's 党支部 and its 党委 (members below it): 己庚, young 庚 = 50.00, none new
        assertThat(young.get(unitBranch.id())).isEqualByComparingTo("50.00");
        assertThat(young.get(unitParty.id())).isEqualByComparingTo("50.00");
        assertThat(joined.get(unitParty.id())).isEqualByComparingTo("0");
        assertThat(young).doesNotContainKeys(communityParty.id(), townshipParty.id());
        assertThat(joined).doesNotContainKeys(communityParty.id(), townshipParty.id());
    }

    @Test
    void computedCriteriaScoreAWholeRoundOfTheQianfenScheme() {
        var scheme = schemes.find("jiguan-qianfen", "2026.1").orElseThrow();
        Map<Long, Map<String, ComputedCriteria.Computed>> out = computed.compute(scheme,
                List.of(unitParty, unitBranch), YEAR);
        Map<String, ComputedCriteria.Computed> branch = out.get(unitBranch.id());
        // 青年党员 50.00% → from 25: 40; 发展党员 0 → 0; 亮灯台 86.7 → from 80: 80; 红灯 11.11% → from 10: 40;
        // 化解率 100.00% → from 90: 100
        assertThat(branch.get("ZJ-4").points()).isEqualByComparingTo("40");
        assertThat(branch.get("ZJ-5").points()).isEqualByComparingTo("0");
        assertThat(branch.get("YW-1").value()).isEqualByComparingTo("86.7");
        assertThat(branch.get("YW-1").points()).isEqualByComparingTo("80");
        assertThat(branch.get("YW-2").points()).isEqualByComparingTo("40");
        assertThat(branch.get("YW-3").points()).isEqualByComparingTo("100");
        assertThat(computed.labels()).containsKeys("tickets.resolution_rate", "deliberation.closed_rate",
                "lighting.score", "healthcheck.red_share", "party.young_share", "party.new_members");
        assertThat(metrics.stream().collect(Collectors.toMap(RatingMetric::code, Function.identity())))
                .hasSize(metrics.size());
    }
}
