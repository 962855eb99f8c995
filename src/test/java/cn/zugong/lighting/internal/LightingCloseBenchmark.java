package cn.zugong.lighting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench/run.sh lighting}: month close of a list of 110 tasks for each of 100 units (11,000 tasks) with
 * twelve months of reports (132,000), and of the demo's 110 tasks, on H2 in the test context (or PostgreSQL with
 * {@code -Ppostgres}). {@code close_ms}: the real flow, the month lit provisionally while open, then closed;
 * {@code cold_close_ms}: no light of the month stored yet. Best of 5. Tagged "bench": not in the normal run.
 */
@Tag("bench")
@IntegrationTest
class LightingCloseBenchmark {

    @Autowired OrgBuilder builder;
    @Autowired OrgTree tree;
    @Autowired ListRepository lists;
    @Autowired MonthClose close;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void closeAMonth() {
        int unitCount = Integer.getInteger("bench.units", 100);
        int perUnit = Integer.getInteger("bench.tasks", 110);
        List<Long> units = new ArrayList<>();
        List<NewUnit> newUnits = new ArrayList<>();
        for (int u = 0; u < unitCount; u++) {
            newUnits.add(new NewUnit("330902", String.format("330902B%03d", u), "基准单位" + u, 900 + u, "行政机关", "县直",
                    10, List.of()));
        }
        builder.addUnits(newUnits);
        for (int u = 0; u < unitCount; u++) {
            units.add(tree.byCode(String.format("330902B%03d", u)).orElseThrow().id());
        }
        // the interpretation "110 tasks for each of 100 units" (11,000 tasks) ...
        measure("BENCH", unitCount * perUnit, units);
        // ... and the demo size: the 110 tasks of one list, led by the same 100 units
        measure("BENCH-DEMO", perUnit, units);
    }

    private void measure(String code, int taskCount, List<Long> units) {
        var city = tree.byCode("3309").orElseThrow();
        long list = lists.insertList(new TaskList(0, code, "基准清单" + code, 2026, "人才工作", TaskList.ANNUAL, null, null,
                city.id(), city.path(), city.name(), new ListConfig(1, 10, 3, BigDecimal.ONE, new BigDecimal("0.8"), null, 2,
                ListConfig.points(100, 90, 70, 40, 0), null), "bench"), LocalDateTime.now(clock));
        List<Object[]> tasks = new ArrayList<>();
        for (int t = 0; t < taskCount; t++) {
            tasks.add(new Object[] {list, "B-" + t, "基准任务", units.get(t % units.size()), 1, 100, "人",
                    "8,16,25,33,41,50,58,66,75,83,91,100", java.sql.Date.valueOf("2026-12-31")});
        }
        jdbc.batchUpdate("insert into lighting_task (list_id, code, title, lead_unit_id, weight, target_value, measure, plan, "
                + "deadline) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", tasks);
        List<Object[]> reports = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (var row : jdbc.queryForList("select id, lead_unit_id from lighting_task where list_id = ?", list)) {
            for (int m = 1; m <= 12; m++) {
                if (random.nextInt(20) == 0) {
                    continue;
                }
                reports.add(new Object[] {row.get("id"), 202600 + m, row.get("lead_unit_id"),
                        BigDecimal.valueOf(m * 8L * (80 + random.nextInt(40)) / 100), "进展", "APPROVED", "bench",
                        java.sql.Timestamp.valueOf(LocalDateTime.now(clock))});
            }
        }
        jdbc.batchUpdate("insert into lighting_report (task_id, period, unit_id, actual_value, narrative, status, saved_by, "
                + "saved_at) values (?, ?, ?, ?, ?, ?, ?, ?)", reports);
        analyze();
        for (int m = 1; m <= 11; m++) { // the history of lights; also warms the JIT
            close.close(list, new Period(2026, m), "bench");
        }
        analyze();
        Period december = new Period(2026, 12);
        long best = Long.MAX_VALUE;
        long cold = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            // the real flow: while the window is open the job lights the month provisionally, then closes it
            close.lightProvisionally(list, december);
            long start = System.nanoTime();
            var result = close.close(list, december, "bench");
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
            assertThat(result.tasks()).isEqualTo(taskCount);
            // the worst case: no light stored yet for the month (every row inserted)
            jdbc.update("delete from lighting_light where list_id = ? and period = ?", list, december.code());
            start = System.nanoTime();
            close.close(list, december, "bench");
            cold = Math.min(cold, (System.nanoTime() - start) / 1_000_000);
        }
        long lights = jdbc.queryForObject("select count(*) from lighting_light where list_id = ?", Long.class, list);
        assertThat(lights).isEqualTo(12L * taskCount);
        System.out.printf("lighting tasks=%d units=%d reports=%d close_ms=%d cold_close_ms=%d%n", taskCount,
                units.size(), reports.size(), best, cold);
    }

    /** On PostgreSQL, the planner statistics autovacuum would gather after a bulk load (H2 needs none). */
    private void analyze() {
        if (jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).contains("PostgreSQL")) {
            jdbc.execute("analyze lighting_task, lighting_report, lighting_light");
        }
    }
}
