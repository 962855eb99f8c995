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
 * 一线考察's part of {@code bench/run.sh cadre} (ADR 075): five years of campaigns over the base — eight a year, five
 * teams of three each, one cadre in eighty of the base assessed per campaign with a 现场看, 一线访 and 综合评 record and
 * an outcome — written once with batched SQL; the figures page, its API, the lists page and a campaign's Word report
 * measured over real HTTP as the city's admin; the totals recounted by hand in SQL written here.
 */
@Tag("bench")
@IntegrationTest
class FrontlineCadreBench extends CadreBenchSupport {

    static final int CAMPAIGNS_PER_YEAR = 8;
    static final int TEAMS = 5;
    static final String[] OUTCOMES = {"ADVANCED", "CASE", "ORDINARY", "ORDINARY", "ORDINARY", "ORDINARY", "ORDINARY",
        "ORDINARY", "PROBLEM", null};
    static final String PERIOD = "?from=" + FIRST_YEAR + "-01-01&to=" + LAST_YEAR + "-12-31";

    @Test
    void figures() throws Exception {
        Base base = base();
        long started = System.nanoTime();
        generate(base);
        long generatedMs = (System.nanoTime() - started) / 1_000_000;

        var admin = signIn("admin");
        var client = apiClient("admin");
        long campaign = jdbc.queryForObject("select max(id) from frontline_campaign where created_by = 'bench'",
                Long.class);
        List<Latency> latencies = List.of(admin.measure("/cadres/frontline/figures" + PERIOD),
                client.measure("/api/cadres/frontline/figures" + PERIOD),
                admin.measure("/cadres/frontline/lists" + PERIOD, 5, 40),
                admin.measure("/cadres/frontline/" + campaign + "/report.docx", 2, 20));
        int errors = latencies.stream().mapToInt(Latency::failures).sum();
        double worst = latencies.stream().mapToDouble(Latency::p99).max().orElse(0);
        JsonNode total = new ObjectMapper().readTree(client.get("/api/cadres/frontline/figures" + PERIOD).body())
                .path("total");
        boolean recount = recount(total);
        long rows = count("select count(*) from frontline_record") + count("select count(*) from frontline_cadre");
        part("frontline", String.format("rows=%d worst_p99_ms=%.1f recount=%s errors5xx=%d campaigns=%d cadres=%d "
                        + "records=%d generated_ms=%d page_p99_ms=%.1f api_p99_ms=%.1f lists_p99_ms=%.1f docx_p99_ms=%.1f",
                rows, worst, recount ? "ok" : "differs", errors, total.path("campaigns").asLong(),
                total.path("cadres").asLong(), total.path("see").asLong() + total.path("visit").asLong()
                        + total.path("assess").asLong(), generatedMs, latencies.get(0).p99(), latencies.get(1).p99(),
                latencies.get(2).p99(), latencies.get(3).p99()));
        assertThat(recount).isTrue();
        assertThat(errors).isZero();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** The totals of the API against counts written here: the city's cadres of campaigns starting in the period. */
    private boolean recount(JsonNode t) {
        String city = jdbc.queryForObject("select path from org_node where code = '3309'", String.class) + "%";
        Date from = Date.valueOf(FIRST_YEAR + "-01-01");
        Date to = Date.valueOf(LAST_YEAR + "-12-31");
        String cadres = "from frontline_cadre x join frontline_campaign c on c.id = x.campaign_id "
                + "join org_node u on u.id = x.unit_id where u.path like ? and c.starts_on >= ? and c.starts_on <= ?";
        boolean ok = t.path("cadres").asLong() == count("select count(*) " + cadres, city, from, to)
                && t.path("campaigns").asLong() == count("select count(distinct x.campaign_id) " + cadres, city, from, to)
                && t.path("teams").asLong() == count("select count(distinct x.team_id) " + cadres, city, from, to)
                && t.path("pending").asLong() == count("select count(*) " + cadres + " and x.outcome is null", city,
                from, to);
        String[][] outcomes = {{"advanced", "ADVANCED"}, {"cases", "CASE"}, {"ordinary", "ORDINARY"},
            {"problem", "PROBLEM"}};
        for (String[] o : outcomes) {
            ok &= t.path(o[0]).asLong() == count("select count(*) " + cadres + " and x.outcome = ?", city, from, to, o[1]);
        }
        String[][] methods = {{"see", "SEE"}, {"visit", "VISIT"}, {"assess", "ASSESS"}};
        for (String[] m : methods) {
            ok &= t.path(m[0]).asLong() == count("select count(*) from frontline_record r join frontline_cadre x "
                    + "on x.id = r.cadre_id join frontline_campaign c on c.id = x.campaign_id join org_node u "
                    + "on u.id = x.unit_id where u.path like ? and c.starts_on >= ? and c.starts_on <= ? "
                    + "and r.method = ?", city, from, to, m[1]);
        }
        return ok;
    }

    // ------------------------------------------------------------------ rows, once

    private void generate(Base base) {
        if (count("select count(*) from frontline_campaign where created_by = 'bench'") > 0) {
            return;
        }
        long city = jdbc.queryForObject("select id from org_node where code = '3309'", Long.class);
        long[] people = base.personIds();
        java.util.Map<Long, Long> unitOf = new java.util.HashMap<>();
        jdbc.query("select id, unit_id from person", rs -> {
            unitOf.put(rs.getLong(1), rs.getLong(2));
        });
        int perCampaign = Math.max(10, people.length / 80);
        int next = 0;
        String[] kinds = {"EPIDEMIC", "TYPHOON", "MAJOR_PROJECT", "HARD_TASK", "RURAL", "MAJOR_PROJECT", "TYPHOON",
            "OTHER"};
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            for (int k = 0; k < CAMPAIGNS_PER_YEAR; k++) {
                LocalDate starts = LocalDate.of(year, 1 + k, 1);
                Timestamp at = Timestamp.valueOf(starts.atTime(9, 0));
                jdbc.update("insert into frontline_campaign (node_id, name, kind, starts_on, ends_on, status, created_at, "
                                + "created_by) values (?, ?, ?, ?, ?, 'CLOSED', ?, 'bench')", city,
                        "压测一线考察" + year + "-" + k, kinds[k], Date.valueOf(starts),
                        Date.valueOf(starts.plusMonths(3)), at);
                long campaign = jdbc.queryForObject("select max(id) from frontline_campaign where created_by = 'bench'",
                        Long.class);
                long[] teams = new long[TEAMS];
                List<Object[]> members = new ArrayList<>();
                for (int t = 0; t < TEAMS; t++) {
                    jdbc.update("insert into frontline_team (campaign_id, name, created_at, created_by) values (?, ?, ?, "
                            + "'bench')", campaign, "第" + (t + 1) + "组", at);
                    teams[t] = jdbc.queryForObject("select max(id) from frontline_team where campaign_id = ?",
                            Long.class, campaign);
                    for (int m = 0; m < 3; m++) {
                        members.add(new Object[] {teams[t], people[(next + people.length / 2 + t * 3 + m) % people.length],
                            m == 0 ? "LEADER" : "MEMBER"});
                    }
                }
                jdbc.batchUpdate("insert into frontline_team_member (team_id, person_id, role) values (?, ?, ?)", members);
                List<Object[]> cadres = new ArrayList<>();
                for (int i = 0; i < perCampaign; i++) {
                    long person = people[next++ % people.length];
                    String outcome = OUTCOMES[(int) (person % OUTCOMES.length)];
                    cadres.add(new Object[] {campaign, teams[i % TEAMS], person, unitOf.get(person), outcome,
                        outcome == null ? null : "压测结果", at});
                }
                jdbc.batchUpdate("insert into frontline_cadre (campaign_id, team_id, person_id, unit_id, outcome, "
                        + "outcome_note, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, 'bench')", cadres);
                List<Object[]> records = new ArrayList<>();
                jdbc.query("select id, team_id from frontline_cadre where campaign_id = ?", rs -> {
                    long cadre = rs.getLong(1);
                    for (String method : new String[] {"SEE", "VISIT", "ASSESS"}) {
                        records.add(new Object[] {campaign, rs.getLong(2), cadre, method,
                            Date.valueOf(starts.plusDays(cadre % 80)), "压测现场记录", at});
                    }
                }, campaign);
                jdbc.batchUpdate("insert into frontline_record (campaign_id, team_id, cadre_id, method, recorded_on, "
                        + "summary, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, 'bench')", records);
            }
        }
        jdbc.update("insert into frontline_evidence (cadre_id, record_id) select r.cadre_id, min(r.id) "
                + "from frontline_record r join frontline_cadre x on x.id = r.cadre_id "
                + "where x.created_by = 'bench' and x.outcome in ('ADVANCED', 'CASE', 'PROBLEM') group by r.cadre_id");
    }
}
