package cn.zugong.healthcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zugong.FigureNodes;
import cn.zugong.FigureSourceChecks;
import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.indicator.IndicatorPacks;
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
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * healthcheck.checks (issue 20): evaluations of a township of the test's own dated the day before, the first and
 * last days of and the day after the first half of 2024 (no demo evaluation is that old), red and other results at
 * its units and a sibling's, a roll-up row, rectifications closed in and out of the period; the source adds up to
 * its records, equals the figures API and is zero (but for the pack's indicators) on an empty node.
 */
@IntegrationTest
class HealthCheckFigureSourceIT {

    static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate TO = LocalDate.of(2024, 6, 30);

    @Autowired HealthCheckFigureSource source;
    @Autowired IndicatorPacks packs;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DataSource dataSource;

    @Test
    void figuresAddUpEqualTheFiguresApiAndKeepToScopeAndPeriod() throws Exception {
        FigureNodes nodes = new FigureNodes(jdbc, accounts);
        OrgScope township = nodes.node("330902", "TOWNSHIP", "体检测试镇");
        OrgScope unit = nodes.node(township.nodeId(), "UNIT", "体检测试单位");
        OrgScope unit2 = nodes.node(township.nodeId(), "UNIT", "体检测试单位");
        OrgScope sibling = nodes.node("330902", "TOWNSHIP", "体检测试邻镇");
        OrgScope siblingUnit = nodes.node(sibling.nodeId(), "UNIT", "体检测试邻镇单位");
        long before = evaluation("2023-12-31", township.nodeId());
        result(before, unit.nodeId(), "H01", "RED", false);
        long first = evaluation("2024-01-01", township.nodeId());
        result(first, unit.nodeId(), "H01", "RED", false);
        result(first, unit.nodeId(), "H02", "YELLOW", false);
        result(first, township.nodeId(), "H01", "RED", true); // a roll-up: not a unit's result
        long last = evaluation("2024-06-30", township.nodeId());
        result(last, unit.nodeId(), "H01", "RED", false);
        result(last, unit2.nodeId(), "H03", "RED", false);
        long after = evaluation("2024-07-01", township.nodeId());
        result(after, unit2.nodeId(), "H03", "RED", false);
        long elsewhere = evaluation("2024-03-01", sibling.nodeId()); // does not cover the township
        result(elsewhere, siblingUnit.nodeId(), "H01", "RED", false);
        rectification(first, unit.nodeId(), LocalDateTime.of(2024, 1, 1, 0, 0));
        rectification(first, unit2.nodeId(), LocalDateTime.of(2024, 6, 30, 23, 59));
        rectification(first, unit.nodeId(), LocalDateTime.of(2024, 7, 1, 0, 0)); // a day after
        rectification(first, unit.nodeId(), null); // still open
        rectification(elsewhere, siblingUnit.nodeId(), LocalDateTime.of(2024, 3, 3, 9, 0)); // out of scope

        CurrentUser admin = new CurrentUser(0, "fgadmin", "测试", Role.ADMIN, township, "体检测试镇");
        Map<String, BigDecimal> values = FigureSourceChecks.assertConsistent(source, township, FROM, TO, admin);
        int indicators = packs.latest(HealthCheckViews.PACK).indicators().size();
        assertThat(indicators).isPositive();
        assertThat(values.get("indicators")).isEqualByComparingTo(BigDecimal.valueOf(indicators));
        assertThat(values.get("evaluations")).isEqualByComparingTo("2");
        assertThat(values.get("red")).isEqualByComparingTo("3");
        assertThat(values.get("rectified")).isEqualByComparingTo("2");

        String username = nodes.account(Role.ADMIN, township.nodeId());
        JsonNode api = json.readTree(mvc.perform(get("/api/healthcheck/figures?from=" + FROM + "&to=" + TO)
                .with(TestUsers.api(username))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        for (String key : values.keySet()) {
            assertThat(values.get(key)).as(key).isEqualByComparingTo(api.get(key).decimalValue());
        }
        // a node inside the caller's scope: that node's figures (one red at the second unit); outside it: not found
        JsonNode ofUnit2 = json.readTree(mvc.perform(get("/api/healthcheck/figures?from=" + FROM + "&to=" + TO
                        + "&nodeId=" + unit2.nodeId()).with(TestUsers.api(username))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(ofUnit2.get("red").asLong()).isEqualTo(1);
        assertThat(ofUnit2.get("evaluations").asLong()).isEqualTo(2);
        assertThat(mvc.perform(get("/api/healthcheck/figures?from=" + FROM + "&to=" + TO + "&nodeId="
                + siblingUnit.nodeId()).with(TestUsers.api(username))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(source.page(township, FROM, TO)).isEqualTo("/healthcheck/nodes/" + township.nodeId() + "?year=2024");
        // the node page shows the year's figures: the same code over the whole of 2024 (July's evaluation too)
        Map<String, BigDecimal> year = source.values(township, FROM, LocalDate.of(2024, 12, 31));
        assertThat(year.get("evaluations")).isEqualByComparingTo("3");
        String page = mvc.perform(get(source.page(township, FROM, TO)).with(users.page(username))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2024年：体检指标 " + indicators + " 项，开展体检 3 次，红色预警 "
                + year.get("red") + " 项次，整改销号 " + year.get("rectified") + " 个");

        OrgScope empty = nodes.node("330902", "TOWNSHIP", "体检测试空镇");
        Map<String, BigDecimal> none = FigureSourceChecks.assertConsistent(source, empty, FROM, TO, admin);
        assertThat(none).containsEntry("evaluations", BigDecimal.ZERO).containsEntry("red", BigDecimal.ZERO)
                .containsEntry("rectified", BigDecimal.ZERO);
    }

    long evaluation(String asOf, long scopeNode) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into indicator_evaluation (as_of, pack_code, pack_version, scope_node_id, created_by, "
                        + "created_at, finished_at, status, unit_count, result_count) "
                        + "values (:a, :p, 1, :s, 'test', :at, :at, 'DONE', 2, 2)")
                .param("a", LocalDate.parse(asOf)).param("p", HealthCheckViews.PACK).param("s", scopeNode)
                .param("at", LocalDate.parse(asOf).atTime(9, 0)).update(key, "id");
        long id = key.getKey().longValue();
        if (postgres()) { // results are partitioned by evaluation there (V64): the run's partition first
            jdbc.sql("create table indicator_result_fg" + id + " partition of indicator_result for values in (" + id
                    + ")").update();
        }
        return id;
    }

    boolean postgres() {
        try (var c = dataSource.getConnection()) {
            return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void result(long evaluation, long node, String code, String colour, boolean rollup) {
        jdbc.sql("insert into indicator_result (evaluation_id, node_id, indicator_code, rollup, numerator, "
                        + "denominator, result_value, colour) values (:e, :n, :c, :r, 1, 2, 0.5, :colour)")
                .param("e", evaluation).param("n", node).param("c", code).param("r", rollup).param("colour", colour)
                .update();
        // the unit's colour tally (V95), as the result writers keep it
        jdbc.sql("delete from indicator_colour_tally where evaluation_id = :e and node_id = :n")
                .param("e", evaluation).param("n", node).update();
        jdbc.sql("insert into indicator_colour_tally (evaluation_id, node_id, colour, results) select evaluation_id,"
                        + " node_id, colour, count(*) from indicator_result where evaluation_id = :e and node_id = :n"
                        + " and rollup = false and colour is not null group by evaluation_id, node_id, colour")
                .param("e", evaluation).param("n", node).update();
    }

    void rectification(long evaluation, long unit, LocalDateTime closedAt) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into closure_item (kind, source_ref, owner_node_id, title, status, deadline, registered_by, "
                        + "registered_at, updated_at, closed_at) values ('" + Rectifications.KIND + "', :ref, :o, "
                        + "'体检测试整改', :s, '2024-12-31', 'test', :at, :at, :closed)")
                .param("ref", "fg-" + FigureNodes.RUN + "-" + System.nanoTime()).param("o", unit)
                .param("s", closedAt == null ? "IN_PROGRESS" : "CLOSED").param("at", LocalDateTime.of(2023, 12, 1, 9, 0))
                .param("closed", closedAt).update(key, "id");
        jdbc.sql("insert into healthcheck_rectification (item_id, evaluation_id, unit_id, indicator_code, colour, "
                        + "result_value) values (:i, :e, :u, 'H01', 'RED', 0.5)").param("i", key.getKey().longValue())
                .param("e", evaluation).param("u", unit).update();
    }
}
