package cn.zugong.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zugong.FigureNodes;
import cn.zugong.FigureSourceChecks;
import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.security.Accounts;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * service.visits (issue 20): on a township of the test's own, the source's figures add up to their records, equal
 * the visit figures API for the same scope and period, leave out visits a day outside the period and cadres of a
 * sibling node, and are zero on an empty node.
 */
@IntegrationTest
class VisitFigureSourceIT {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 6, 30);
    static final LocalDateTime AT = LocalDateTime.of(2026, 11, 1, 9, 0);

    @Autowired VisitFigureSource source;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;

    @Test
    void figuresAddUpEqualTheFiguresApiAndKeepToScopeAndPeriod() throws Exception {
        FigureNodes nodes = new FigureNodes(jdbc, accounts);
        OrgScope township = nodes.node("330902", "TOWNSHIP", "走访测试镇");
        OrgScope unit = nodes.node(township.nodeId(), "UNIT", "走访测试单位");
        OrgScope sibling = nodes.node("330902", "TOWNSHIP", "走访测试邻镇");
        long a = cadre(unit.nodeId(), "走访甲");
        long b = cadre(township.nodeId(), "走访乙");
        cadre(township.nodeId(), "走访丙"); // no visits: still a service cadre of the scope
        long other = cadre(sibling.nodeId(), "走访邻");
        visit(a, "PROJECT", "2025-12-31", unit.nodeId()); // a day before
        visit(a, "PROJECT", "2026-01-01", unit.nodeId());
        visit(b, "PROJECT", "2026-06-30", unit.nodeId());
        visit(a, "ENTERPRISE", "2026-03-03", unit.nodeId());
        visit(a, "FARMER", "2026-07-01", unit.nodeId()); // a day after
        visit(b, "FARMER", "2026-02-02", unit.nodeId());
        visit(other, "ENTERPRISE", "2026-03-03", unit.nodeId()); // out of scope

        CurrentUser admin = new CurrentUser(0, "fgadmin", "测试", Role.ADMIN, township, "走访测试镇");
        Map<String, BigDecimal> values = FigureSourceChecks.assertConsistent(source, township, FROM, TO, admin);
        assertThat(values).containsEntry("cadres", BigDecimal.valueOf(3))
                .containsEntry("projectVisits", BigDecimal.valueOf(2))
                .containsEntry("enterpriseVisits", BigDecimal.ONE)
                .containsEntry("householdVisits", BigDecimal.ONE);

        String username = nodes.account(Role.ADMIN, township.nodeId());
        JsonNode api = json.readTree(mvc.perform(get("/api/service/figures?period=custom&from=" + FROM + "&to=" + TO)
                .with(TestUsers.api(username))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(values.get("cadres")).isEqualByComparingTo(BigDecimal.valueOf(api.get("cadres").size()));
        assertThat(values.get("projectVisits")).isEqualByComparingTo(sum(api, "projects"));
        assertThat(values.get("enterpriseVisits")).isEqualByComparingTo(sum(api, "enterprises"));
        assertThat(values.get("householdVisits")).isEqualByComparingTo(sum(api, "farmers"));
        assertThat(source.page(township, FROM, TO)).isEqualTo("/service/figures?period=custom&from=2026-01-01&to=2026-06-30");
        assertThat(mvc.perform(get(source.page(township, FROM, TO)).with(users.page(username))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("项目对接 2 次，走访企业 1 次，走访渔农户 1 次");

        OrgScope empty = nodes.node("330902", "TOWNSHIP", "走访测试空镇");
        assertThat(FigureSourceChecks.assertConsistent(source, empty, FROM, TO, admin).values())
                .allSatisfy(v -> assertThat(v).isZero());
    }

    static BigDecimal sum(JsonNode api, String field) {
        long total = 0;
        for (JsonNode c : api.get("cadres")) {
            total += c.get(field).asLong();
        }
        return BigDecimal.valueOf(total);
    }

    long cadre(long nodeId, String name) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into service_cadre (name, node_id, cadre_type, created_by, created_at, updated_at) "
                        + "values (:n, :node, 'FIVE_BATCHES', 'test', :at, :at)").param("n", name + FigureNodes.RUN)
                .param("node", nodeId).param("at", AT).update(key, "id");
        return key.getKey().longValue();
    }

    void visit(long cadre, String kind, String date, long village) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into service_charge (cadre_id, target_kind, village_node_id, valid_from, created_by, created_at) "
                        + "values (:c, 'VILLAGE', :v, '2025-01-01', 'test', :at)").param("c", cadre).param("v", village)
                .param("at", AT).update(key, "id");
        jdbc.sql("insert into service_visit (cadre_id, charge_id, kind, visit_date, place, whom, created_by, created_at) "
                        + "values (:c, :ch, :k, :d, '村委会', '村民', 'test', :at)").param("c", cadre)
                .param("ch", key.getKey().longValue()).param("k", kind).param("d", LocalDate.parse(date))
                .param("at", AT).update();
    }
}
