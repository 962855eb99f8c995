package cn.zugong.lighting.internal;

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
 * lighting.board (issue 20): lists of 2025 and 2026 with tasks led by units of a township of the test's own and of a
 * sibling, lights of December 2025, January, June and July 2026; over January–June 2026 the source counts the 2026
 * tasks inside the scope and the green share of January–June, adds up to its records, equals the figures API and the
 * board's line, and is zero on an empty node.
 */
@IntegrationTest
class LightingFigureSourceIT {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 6, 30);

    @Autowired LightingFigureSource source;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;

    @Test
    void figuresAddUpEqualTheFiguresApiAndKeepToScopeAndPeriod() throws Exception {
        FigureNodes nodes = new FigureNodes(jdbc, accounts);
        OrgScope township = nodes.node("330902", "TOWNSHIP", "亮灯测试镇");
        OrgScope unit = nodes.node(township.nodeId(), "UNIT", "亮灯测试单位");
        OrgScope sibling = nodes.node("330902", "TOWNSHIP", "亮灯测试邻镇");
        long list2025 = list(2025, township.nodeId());
        long list2026 = list(2026, township.nodeId());
        long old = task(list2025, "A1", unit.nodeId());
        long a = task(list2026, "B1", unit.nodeId());
        long b = task(list2026, "B2", township.nodeId());
        long other = task(list2026, "B3", sibling.nodeId());
        light(old, list2025, 202512, unit.nodeId(), "GREEN"); // a month before
        light(a, list2026, 202601, unit.nodeId(), "GREEN");
        light(b, list2026, 202601, township.nodeId(), "RED");
        light(a, list2026, 202606, unit.nodeId(), "BLUE");
        light(b, list2026, 202606, township.nodeId(), "GREEN");
        light(a, list2026, 202607, unit.nodeId(), "GREEN"); // a month after
        light(other, list2026, 202603, sibling.nodeId(), "GREEN"); // out of scope

        CurrentUser admin = new CurrentUser(0, "fgadmin", "测试", Role.ADMIN, township, "亮灯测试镇");
        Map<String, BigDecimal> values = FigureSourceChecks.assertConsistent(source, township, FROM, TO, admin);
        assertThat(values.get("tasks")).isEqualByComparingTo("2");
        assertThat(values.get("greenShare")).isEqualByComparingTo("50.00");

        String username = nodes.account(Role.ADMIN, township.nodeId());
        JsonNode api = json.readTree(mvc.perform(get("/api/lighting/figures?from=" + FROM + "&to=" + TO)
                .with(TestUsers.api(username))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(values.get("tasks")).isEqualByComparingTo(api.get("tasks").decimalValue());
        assertThat(values.get("greenShare")).isEqualByComparingTo(api.get("greenShare").decimalValue());
        assertThat(source.page(township, FROM, TO)).isEqualTo("/lighting/board?month=2026-06");
        // the board shows its list year's figures: the same code over 2026 (July's light too)
        Map<String, BigDecimal> year = source.values(township, FROM, LocalDate.of(2026, 12, 31));
        assertThat(year.get("greenShare")).isEqualByComparingTo("60.00");
        String board = mvc.perform(get("/lighting/board?listId=" + list2026 + "&month=2026-06")
                .with(users.page(username))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(board).contains("2026年本范围：重点任务 " + year.get("tasks") + " 项，亮灯 5 盏次，绿灯率 "
                + year.get("greenShare").toPlainString() + "％");

        OrgScope empty = nodes.node("330902", "TOWNSHIP", "亮灯测试空镇");
        assertThat(FigureSourceChecks.assertConsistent(source, empty, FROM, TO, admin).values())
                .allSatisfy(v -> assertThat(v).isZero());
    }

    long list(int year, long owner) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lighting_list (code, name, list_year, domain, source, owner_node_id, open_day, close_day,
                    remind_days, blue_ratio, yellow_ratio, stall_months, points_green, points_blue, points_yellow,
                    points_purple, points_red, created_by, created_at)
                values (:c, :n, :y, '党建', '年度重点任务', :o, 1, 10, 3, 0.9, 0.7, 2, 100, 80, 60, 40, 0, 'test', :at)
                """).param("c", "FG" + FigureNodes.RUN + "-" + year + "-" + owner).param("n", year + " 年亮灯测试清单")
                .param("y", year).param("o", owner).param("at", LocalDateTime.of(2025, 1, 1, 9, 0)).update(key, "id");
        return key.getKey().longValue();
    }

    long task(long list, String code, long unit) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lighting_task (list_id, code, title, lead_unit_id, weight, target_value, measure, plan,
                    deadline, updated_at)
                values (:l, :c, :t, :u, 1, 100, '个', '10,20,30,40,50,60,70,80,90,100,100,100', '2026-12-31', :at)
                """).param("l", list).param("c", code).param("t", "亮灯测试任务 " + code).param("u", unit)
                .param("at", LocalDateTime.of(2025, 1, 1, 9, 0)).update(key, "id");
        return key.getKey().longValue();
    }

    void light(long task, long list, int period, long unit, String colour) {
        jdbc.sql("""
                insert into lighting_light (task_id, period, list_id, unit_id, colour, planned, points, weight, reason,
                    lit_at)
                values (:t, :p, :l, :u, :c, 50, 100, 1, '测试', :at)
                """).param("t", task).param("p", period).param("l", list).param("u", unit).param("c", colour)
                .param("at", LocalDateTime.of(2026, 8, 1, 9, 0)).update();
    }
}
