package cn.zugong.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 共富工坊 in {@code bench/run.sh grassroots}: 1,000 workshops over the demo city's villages with 24 ledger months
 * each (2024-11 … 2026-10), written with SQL once; the figures routes (page, API, Excel; cumulative and one year;
 * 百企联百村) measured over real HTTP as the city's admin; the cumulative totals the API answers recounted by hand in
 * SQL (jobs through a window function rather than the code's max-month join).
 */
@Tag("bench")
@IntegrationTest
class WorkshopGrassrootsBench extends GrassrootsBenchSupport {

    static final int WORKSHOPS = Integer.getInteger("bench.workshops", 1_000);
    static final int MONTHS = 24;

    @Autowired ObjectMapper json;

    @Test
    void figuresOfAThousandWorkshopsOverTwoYears() throws Exception {
        long generated = generate();
        List<String> routes = List.of("/prosperity/workshops/figures", "/prosperity/workshops/figures?from=2025-01&to=2025-12",
                "/api/prosperity/workshops/figures", "/api/prosperity/workshops/figures?from=2025-01&to=2025-12",
                "/prosperity/workshops/figures.xlsx", "/prosperity/pairs", "/api/prosperity/pairs/figures");
        Browser admin = signIn("admin");
        Browser api = apiClient("admin");
        double worst = 0;
        int failures = 0;
        StringBuilder each = new StringBuilder();
        for (String route : routes) {
            Latency l = route.startsWith("/api/") ? api.measure(route) : admin.measure(route);
            worst = Math.max(worst, l.p99());
            failures += l.failures();
            System.out.println("workshops route " + route + " " + l.figures() + " failures=" + l.failures());
            each.append(route.contains("/api/") ? "api" : "page").append(route.contains("2025") ? "_year" : "")
                    .append(route.endsWith(".xlsx") ? "_xlsx" : "").append(route.contains("pairs") ? "_pairs" : "")
                    .append("_p99_ms=").append(String.format("%.1f", l.p99())).append(' ');
        }
        JsonNode answered = json.readTree(api.get("/api/prosperity/workshops/figures").body()).get("total");
        Map<String, Object> recount = recount();
        boolean equal = answered.get("workshops").asLong() == ((Number) recount.get("workshops")).longValue()
                && answered.get("jobs").asLong() == ((Number) recount.get("jobs")).longValue()
                && answered.get("workerMonths").asLong() == ((Number) recount.get("worker_months")).longValue()
                && new BigDecimal(answered.get("wages").asText()).compareTo((BigDecimal) recount.get("wages")) == 0
                && new BigDecimal(answered.get("collectiveIncome").asText())
                        .compareTo((BigDecimal) recount.get("collective")) == 0;
        System.out.println("workshops recount " + recount + " answered " + answered);
        part("workshops", String.format("rows=%d worst_p99_ms=%.1f recount=%s errors5xx=%d workshops=%d %s",
                generated, worst, equal ? "ok" : "differs", failures, answered.get("workshops").asLong(),
                each.toString().strip()));
        assertThat(failures).as("answers other than 200").isZero();
        assertThat(equal).as("the API's totals equal the hand recount").isTrue();
    }

    /** The bench's workshops and ledger, written once (skipped when they are there); the ledger rows in the set. */
    private long generate() {
        long have = jdbc.queryForObject("select count(*) from workshop where created_by = 'bench'", Long.class);
        if (have < WORKSHOPS) {
            List<long[]> villages = jdbc.query("""
                    select v.id, c.id from org_node v join org_node t on t.id = v.parent_id
                    join org_node c on c.id = t.parent_id
                    where v.kind = 'VILLAGE' and v.code like '3309%' order by v.code""",
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
            Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 11, 1, 8, 0));
            List<Object[]> rows = new ArrayList<>();
            for (int i = (int) have; i < WORKSHOPS; i++) {
                long[] v = villages.get(i % villages.size());
                rows.add(new Object[] {"压测工坊" + i, v[0], v[1], i % 7 == 0, now});
            }
            jdbc.batchUpdate("insert into workshop (name, node_id, county_id, type_code, started_on, provincial_model, "
                    + "status, created_by, created_at) values (?, ?, ?, 'PROCESSING', date '2024-06-01', ?, 'OPEN', "
                    + "'bench', ?)", rows);
            jdbc.update("insert into workshop_village (workshop_id, village_id) select w.id, w.node_id from workshop w "
                    + "where w.created_by = 'bench' and not exists (select 1 from workshop_village x where x.workshop_id = w.id)");
            List<Long> ids = jdbc.queryForList("select id from workshop where created_by = 'bench' and not exists "
                    + "(select 1 from workshop_ledger l where l.workshop_id = workshop.id) order by id", Long.class);
            List<Object[]> ledger = new ArrayList<>();
            for (long id : ids) {
                for (int m = 0; m < MONTHS; m++) {
                    int month = 202411 + m + (m >= 2 ? 88 : 0) + (m >= 14 ? 88 : 0); // 202411, 202412, 202501 … 202610
                    int employed = 20 + (int) ((id * 7 + m * 3) % 60);
                    ledger.add(new Object[] {id, month, employed, employed / 5, BigDecimal.valueOf(employed * 2500L),
                            BigDecimal.valueOf(employed * 7000L), BigDecimal.valueOf(1500 + (id * 13 + m) % 2000), now});
                }
                if (ledger.size() >= 5_000) {
                    insertLedger(ledger);
                    ledger.clear();
                }
            }
            insertLedger(ledger);
        }
        return jdbc.queryForObject("select count(*) from workshop_ledger l join workshop w on w.id = l.workshop_id "
                + "where w.created_by = 'bench'", Long.class);
    }

    private void insertLedger(List<Object[]> rows) {
        jdbc.batchUpdate("insert into workshop_ledger (workshop_id, ledger_month, employed, low_income, wages, sales, "
                + "collective_income, source, entered_by, entered_at) values (?, ?, ?, ?, ?, ?, ?, 'IMPORT', 'bench', ?)",
                rows);
    }

    /**
     * The cumulative figures of the city as of this month, written by hand: operating workshops of the city's
     * nodes; jobs as each workshop's newest month (row_number over the ledger); sums over every month.
     */
    private Map<String, Object> recount() {
        int now = currentMonth();
        return jdbc.queryForMap("""
                select (select count(*) from workshop w join org_node n on n.id = w.node_id
                         where n.code like '3309%' and w.started_on <= ? and (w.closed_on is null
                            or w.closed_on >= date '2000-01-01')) as workshops,
                       (select coalesce(sum(employed), 0) from (
                            select l.employed, row_number() over (partition by l.workshop_id
                                                                  order by l.ledger_month desc) as rn
                              from workshop_ledger l join workshop w on w.id = l.workshop_id
                              join org_node n on n.id = w.node_id
                             where n.code like '3309%' and l.ledger_month <= ?) newest where rn = 1) as jobs,
                       sum(l.employed) as worker_months, sum(l.wages) as wages, sum(l.collective_income) as collective
                  from workshop_ledger l join workshop w on w.id = l.workshop_id join org_node n on n.id = w.node_id
                 where n.code like '3309%' and l.ledger_month <= ?""",
                Date.valueOf(java.time.YearMonth.of(now / 100, now % 100).atEndOfMonth()), now, now);
    }

    /** The application's month (its clock: the tests' fixed one), as the figures' default period ends. */
    private int currentMonth() {
        var m = java.time.YearMonth.now(clock);
        return m.getYear() * 100 + m.getMonthValue();
    }

    @Autowired java.time.Clock clock;
}
