package cn.zugong.cadrebench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 激励关爱 on the cadre base (ADR 077): five years (2022–2026) of care records for the base's people written once in
 * batched SQL — 澄清正名 and 容错纠错 cases for about 0.3 % of people a year, a 处理处分 with one or two 暖心回访
 * visits for about 2 %, re-use of a tenth of them tracked to a completed appointment, two 及时奖励 batches a year
 * (100 people and 50 units each), published 担当作为好干部 — then the figures page, its API and the Excel export
 * measured over real HTTP as 干部监督, and the API's totals compared with a recount written here in SQL.
 */
@Tag("bench")
@IntegrationTest
class CareCadreBench extends CadreBenchSupport {

    static final String BY = "bench-care";

    @Test
    void figuresAndExport() throws Exception {
        Base base = base();
        long started = System.nanoTime();
        generate();
        long generatedMs = (System.nanoTime() - started) / 1_000_000;

        Browser page = signIn("jiandu");
        Browser client = apiClient("jiandu");
        List<Latency> latencies = List.of(page.measure("/cadres/care?year=2026"),
                client.measure("/api/cadres/care/figures?year=2025"),
                client.measure("/api/cadres/care/export.xlsx?year=2026", 3, 20));
        int errors = latencies.stream().mapToInt(Latency::failures).sum();
        double worst = latencies.stream().mapToDouble(Latency::p99).max().orElse(0);
        boolean recount = true;
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            JsonNode t = new ObjectMapper().readTree(client.get("/api/cadres/care/figures?year=" + year).body())
                    .path("totals");
            recount &= recount(t, year);
        }
        long rows = count("select (select count(*) from care_case) + (select count(*) from care_clearance) "
                + "+ (select count(*) from care_discipline) + (select count(*) from care_visit) "
                + "+ (select count(*) from care_reward_item) + (select count(*) from care_exemplar)");
        part("care", String.format("rows=%d people=%d worst_p99_ms=%.1f recount=%s errors5xx=%d generated_ms=%d "
                        + "page_p99_ms=%.1f api_p99_ms=%.1f xlsx_p99_ms=%.1f", rows, base.personIds().length, worst,
                recount ? "ok" : "differs", errors, generatedMs, latencies.get(0).p99(), latencies.get(1).p99(),
                latencies.get(2).p99()));
        assertThat(recount).isTrue();
        assertThat(errors).isZero();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** The city's figures of the year recounted by hand: distinct people (units) per measure in the year. */
    private boolean recount(JsonNode t, int year) {
        Date from = Date.valueOf(LocalDate.of(year, 1, 1));
        Date to = Date.valueOf(LocalDate.of(year, 12, 31));
        String city = " join org_node n on n.id = x.node_id where n.code like '3309%' and ";
        long cleared = count("select count(distinct x.person_id) from care_clearance x" + city
                + "x.cleared_on between ? and ?", from, to);
        long tolerated = count("select count(distinct x.person_id) from care_case x" + city
                + "x.status = 'DECIDED' and x.result <> 'REFUSED' and x.decided_on between ? and ?", from, to);
        long visited = count("select count(distinct x.person_id) from care_visit x" + city
                + "x.visited_on between ? and ?", from, to);
        long reused = count("select count(distinct x.person_id) from care_reuse x" + city
                + "x.effective_on between ? and ?", from, to);
        long people = count("select count(distinct x.person_id) from care_reward_item x join care_reward_batch b "
                + "on b.id = x.batch_id" + city + "b.awarded_on between ? and ?", from, to);
        long units = count("select count(distinct x.unit_id) from care_reward_item x join care_reward_batch b "
                + "on b.id = x.batch_id" + city + "b.awarded_on between ? and ?", from, to);
        return t.path("cleared").asLong() == cleared && t.path("tolerated").asLong() == tolerated
                && t.path("visited").asLong() == visited && t.path("reused").asLong() == reused
                && t.path("rewardedPeople").asLong() == people && t.path("rewardedUnits").asLong() == units;
    }

    // ------------------------------------------------------------------ rows, once

    private void generate() {
        if (count("select count(*) from care_reward_batch where created_by = ?", BY) > 0) {
            return;
        }
        List<long[]> people = jdbc.query("select p.id, p.unit_id from person p join org_node u on u.id = p.unit_id "
                + "where u.code like '3309%' order by p.id", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        List<Long> units = jdbc.queryForList("select id from org_node where kind = 'UNIT' and code like '3309%' "
                + "order by code", Long.class);
        Timestamp at = Timestamp.valueOf(LocalDate.of(FIRST_YEAR, 1, 1).atTime(9, 0));
        List<Object[]> clearances = new ArrayList<>();
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> disciplines = new ArrayList<>();
        int n = people.size();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            int y = year - FIRST_YEAR;
            for (int i = y; i < n; i += 300) {
                long[] p = people.get(i);
                Date on = Date.valueOf(LocalDate.of(year, 1 + i % 11, 1 + i % 27));
                clearances.add(new Object[] {p[0], p[1], "压测", on, "会议通报", "本单位", at, BY});
                String result = i % 3 == 0 ? "EXEMPT" : i % 3 == 1 ? "LIGHTER" : "REFUSED";
                cases.add(new Object[] {p[0], p[1], "压测", on, "DECIDED", "压测", on, BY, result, "压测", on, BY, at, BY});
            }
            for (int i = 100 + y; i < n; i += 50) {
                long[] p = people.get(i);
                Date decided = Date.valueOf(LocalDate.of(year, 1 + i % 6, 1 + i % 27));
                Date until = Date.valueOf(LocalDate.of(year, 1 + i % 6, 1 + i % 27).plusMonths(6).minusDays(1));
                disciplines.add(new Object[] {p[0], p[1], "警告", decided, until, "压测", 6, decided, at, BY});
            }
        }
        jdbc.batchUpdate("insert into care_clearance (person_id, node_id, report, cleared_on, published, reach, "
                + "created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)", clearances);
        jdbc.batchUpdate("insert into care_case (person_id, node_id, matter, applied_on, status, finding, verified_on, "
                + "verified_by, result, result_note, decided_on, decided_by, created_at, created_by) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cases);
        jdbc.batchUpdate("insert into care_discipline (person_id, node_id, kind, decided_on, influence_until, summary, "
                + "visit_months, next_visit_due, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                disciplines);
        // visits: one two months after the decision, a second seven months after for every other one
        jdbc.update("insert into care_visit (discipline_id, person_id, node_id, visited_on, visitors, content, "
                + "created_at, created_by) select id, person_id, node_id, decided_on + 60, '压测', '压测', created_at, "
                + "created_by from care_discipline where created_by = ?", BY);
        jdbc.update("insert into care_visit (discipline_id, person_id, node_id, visited_on, visitors, content, "
                + "created_at, created_by) select id, person_id, node_id, decided_on + 210, '压测', '压测', created_at, "
                + "created_by from care_discipline where created_by = ? and mod(id, 2) = 0", BY);
        jdbc.update("update care_discipline set next_visit_due = decided_on + 400 where created_by = ?", BY);
        // re-use: a tenth of them, a year after the decision (after the 6-month 影响期), through an appointment
        List<Object[]> reuse = jdbc.query("select id, person_id, node_id, decided_on from care_discipline "
                + "where created_by = ? and mod(id, 10) = 0 and decided_on < ?", (rs, i) -> new Object[] {
                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4)}, BY, Date.valueOf("2025-10-01"));
        for (Object[] r : reuse) {
            Date effective = Date.valueOf(((Date) r[3]).toLocalDate().plusYears(1));
            var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.update(c -> {
                var s = c.prepareStatement("insert into cadre_appointment (person_id, unit_id, kind, status, "
                        + "effective_on, created_at, created_by) values (?, ?, 'FURTHER_USE', 'DONE', ?, ?, ?)",
                        new String[] {"id"});
                s.setLong(1, (Long) r[1]);
                s.setLong(2, (Long) r[2]);
                s.setDate(3, effective);
                s.setTimestamp(4, at);
                s.setString(5, BY);
                return s;
            }, key);
            jdbc.update("insert into care_reuse (discipline_id, person_id, node_id, appointment_id, effective_on, "
                    + "created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)", r[0], r[1], r[2],
                    key.getKey().longValue(), effective, at, BY);
        }
        long city = count("select id from org_node where code = '3309'");
        List<Object[]> items = new ArrayList<>();
        List<Object[]> exemplars = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            for (int b = 0; b < 2; b++) {
                var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
                Date on = Date.valueOf(LocalDate.of(year, b == 0 ? 5 : 10, 20));
                String name = year + "年实干争先及时奖励第" + (b + 1) + "批";
                jdbc.update(c -> {
                    var s = c.prepareStatement("insert into care_reward_batch (node_id, name, awarded_on, basis, "
                            + "created_at, created_by) values (?, ?, ?, '压测', ?, ?)", new String[] {"id"});
                    s.setLong(1, city);
                    s.setString(2, name);
                    s.setDate(3, on);
                    s.setTimestamp(4, at);
                    s.setString(5, BY);
                    return s;
                }, key);
                long batch = key.getKey().longValue();
                for (int i = 0; i < 100; i++) {
                    long[] p = people.get((i * 997 + year * 31 + b * 7) % n);
                    items.add(new Object[] {batch, p[0], null, p[1], "压测"});
                }
                for (int i = 0; i < 50 && i < units.size(); i++) {
                    long unit = units.get((i * 13 + year + b) % units.size());
                    items.add(new Object[] {batch, null, unit, unit, "压测"});
                }
            }
            for (int i = 0; i < 20; i++) {
                long[] p = people.get((i * 4099 + year) % n);
                Date on = Date.valueOf(LocalDate.of(year, 7, 1));
                exemplars.add(new Object[] {p[0], p[1], year + "年度", "压测", "PUBLISHED", on, on, on, at, BY});
            }
        }
        jdbc.batchUpdate("insert into care_reward_item (batch_id, person_id, unit_id, node_id, reason) "
                + "values (?, ?, ?, ?, ?)", items);
        jdbc.batchUpdate("insert into care_exemplar (person_id, node_id, round, deeds, status, publicity_from, "
                + "publicity_until, published_on, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                exemplars);
        // fresh statistics after the bulk load (the planner otherwise guesses one row per table)
        for (String t : List.of("care_case", "care_clearance", "care_discipline", "care_visit", "care_reuse",
                "care_reward_batch", "care_reward_item", "care_exemplar", "org_node")) {
            jdbc.execute("analyze " + t);
        }
    }
}
