package cn.zugong.cadrebench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The 年轻干部 and 一把手/离任交接/揭榜出征 part of {@code bench/run.sh cadre} (ADR 078): over the base, five years of
 * pool entries (every 40th person), postings, exits and 选调生 cohorts, notes on every 100th person, completed
 * handovers in the townships and 揭榜出征 tasks with claims, written once with batched SQL; both figures pages and
 * APIs measured over real HTTP; the last year's totals recounted by hand in SQL (never through the part's code).
 */
@Tag("bench")
@IntegrationTest
class YoungCadreBench extends CadreBenchSupport {

    static final String BY = "bench-young";

    @Test
    void youngAndLeaders() {
        Base base = base();
        int rows = seed(base);
        int year = LAST_YEAR;
        List<Latency> all = new ArrayList<>();
        Browser page = signIn("admin");
        Browser api = apiClient("admin");
        all.add(page.measure("/cadres/young/figures?year=" + year));
        all.add(page.measure("/cadres/leaders/figures?year=" + year));
        all.add(api.measure("/api/cadres/young/figures?year=" + year));
        all.add(api.measure("/api/cadres/leaders/figures?year=" + year));
        String young = api.get("/api/cadres/young/figures?year=" + year).body();
        String leaders = api.get("/api/cadres/leaders/figures?year=" + year).body();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        String city = "/33/3309/%";
        long inPool = count("select count(*) from young_cadre c join org_node u on u.id = c.unit_id where u.path like ? "
                + "and c.entered_on is not null and c.entered_on <= ? and (c.exited_on is null or c.exited_on > ?)",
                city, last, last);
        long posted = count("select count(distinct p.cadre_id) from young_posting p join young_cadre c on c.id = p.cadre_id "
                + "join org_node u on u.id = c.unit_id where u.path like ? and c.entered_on <= ? and p.starts_on <= ? "
                + "and p.ends_on >= ?", city, last, last, first);
        long exited = count("select count(*) from young_cadre c join org_node u on u.id = c.unit_id where u.path like ? "
                + "and c.exited_on between ? and ?", city, first, last);
        long notes = count("select count(*) from leader_note n join org_node u on u.id = n.unit_id where u.path like ? "
                + "and n.noted_on between ? and ?", city, first, last);
        long handed = count("select count(distinct h.leaving_person_id) from leader_handover h join org_node t on "
                + "t.id = h.township_id where t.path like ? and h.status = 'DONE' and h.completed_at >= ? "
                + "and h.completed_at < ?", city, Timestamp.valueOf(first.atStartOfDay()),
                Timestamp.valueOf(first.plusYears(1).atStartOfDay()));
        long claimants = count("select count(distinct c.person_id) from frontline_claim c join frontline_task t on "
                + "t.id = c.task_id join org_node u on u.id = t.node_id where u.path like ? and c.claimed_at >= ? "
                + "and c.claimed_at < ?", city, Timestamp.valueOf(first.atStartOfDay()),
                Timestamp.valueOf(first.plusYears(1).atStartOfDay()));
        boolean same = number(young, "inPool") == inPool && number(young, "posted") == posted
                && number(young, "exited") == exited && number(leaders, "notes") == notes
                && number(leaders, "handoverLeaders") == handed && number(leaders, "claimants") == claimants;
        double worst = all.stream().mapToDouble(Latency::p99).max().orElse(0);
        int errors = all.stream().mapToInt(Latency::failures).sum();
        part("young", "rows=" + rows + " worst_p99_ms=" + String.format("%.1f", worst) + " recount="
                + (same ? "ok" : "differs") + " errors5xx=" + errors + " in_pool=" + inPool + " posted=" + posted
                + " handover_leaders=" + handed + " claimants=" + claimants);
        all.forEach(l -> System.out.println("cadre-young " + l.path() + " " + l.figures()));
        assertThat(same).as("young " + young + " leaders " + leaders).isTrue();
    }

    /** The first number after {@code "field":} (the totals come first in both answers). */
    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** Five years of the part's records, once (batched SQL); the rows this bench wrote. */
    private int seed(Base base) {
        Long have = jdbc.queryForObject("select count(*) from young_cadre where created_by = ?", Long.class, BY);
        if (have != null && have > 0) {
            return have.intValue();
        }
        List<long[]> people = jdbc.query("select p.id, p.unit_id from person p join org_node u on u.id = p.unit_id "
                + "where u.code like '3309%' and not exists (select 1 from young_cadre c where c.open_person_id = p.id) "
                + "order by p.id", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        List<Object[]> cadres = new ArrayList<>();
        List<Object[]> notes = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            long[] p = people.get(i);
            int y = FIRST_YEAR + i % 5;
            if (i % 40 == 0) {
                boolean exits = i % 280 == 0;
                LocalDate entered = LocalDate.of(y, 3, 1 + i % 27);
                cadres.add(new Object[] {p[0], p[1], y - 1 > 2000 && i % 200 == 0 ? y - 1 : null,
                        exits ? "EXITED" : "IN_POOL", Date.valueOf(entered),
                        exits ? Date.valueOf(LocalDate.of(Math.min(LAST_YEAR, y + 1), 6, 30)) : null,
                        exits ? "比选淘汰" : null, exits ? null : p[0], Timestamp.valueOf(entered.atStartOfDay())});
            }
            if (i % 100 == 1) {
                for (int yy = FIRST_YEAR; yy <= LAST_YEAR; yy++) {
                    for (int k = 0; k < 2; k++) {
                        notes.add(new Object[] {p[0], p[1], Date.valueOf(LocalDate.of(yy, 2 + k * 6, 10))});
                    }
                }
            }
        }
        jdbc.batchUpdate("insert into young_cadre (person_id, unit_id, level, cohort, status, review_result, "
                + "review_reason, reviewed_at, reviewed_by, entered_on, exited_on, exit_reason, exited_by, open_person_id, "
                + "created_at, created_by) values (?, ?, 'TOWNSHIP', ?, ?, 'PASS', '压测', ?, 'bench', ?, ?, ?, "
                + "?, ?, ?, '" + BY + "')", cadres.stream().map(c -> new Object[] {c[0], c[1], c[2], c[3], c[8], c[4], c[5],
                c[6], c[6] == null ? null : "bench", c[7], c[8]}).toList());
        jdbc.update("insert into young_posting (cadre_id, kind, host_unit, post, starts_on, ends_on, status, grade, comment, "
                + "ended_at, ended_by, created_at, created_by) select c.id, case when mod(c.id, 2) = 0 then 'TRIAL' "
                + "else 'ATTACHED' end, '重大项目指挥部', '副指挥', c.entered_on + 30, c.entered_on + 200, 'ENDED', '良好', "
                + "'压测', c.created_at, 'bench', c.created_at, 'bench' from young_cadre c where c.created_by = '" + BY
                + "' and mod(c.id, 3) <> 0");
        jdbc.batchUpdate("insert into leader_note (person_id, unit_id, noted_on, kind, content, created_at, created_by) "
                + "values (?, ?, ?, 'DUTY', '压测', current_timestamp, '" + BY + "')", notes);
        List<Long> towns = jdbc.queryForList("select id from org_node where kind = 'TOWNSHIP' and code like '3309%' "
                + "order by code", Long.class);
        List<Object[]> handovers = new ArrayList<>();
        for (int i = 0; i < Math.min(towns.size() * 10, people.size() / 2); i++) {
            int y = FIRST_YEAR + i % 5;
            Timestamp at = Timestamp.valueOf(LocalDate.of(y, 1 + i % 12, 1 + i % 28).atTime(10, 0));
            handovers.add(new Object[] {towns.get(i % towns.size()), people.get(2 * i + 1)[0], people.get(2 * i)[0],
                    Date.valueOf(at.toLocalDateTime().toLocalDate()), at, at, at, at});
        }
        jdbc.batchUpdate("insert into leader_handover (township_id, leaving_person_id, receiving_person_id, leaves_on, "
                + "status, leaving_signed_by, leaving_signed_at, receiving_signed_by, receiving_signed_at, completed_at, "
                + "completed_by, created_at, created_by) values (?, ?, ?, ?, 'DONE', 'bench', ?, 'bench2', ?, ?, 'bench', "
                + "?, '" + BY + "')", handovers);
        List<Long> nodes = jdbc.queryForList("select id from org_node where kind in ('CITY', 'COUNTY') and code like "
                + "'3309%' order by code", Long.class);
        int claimCount = 0;
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            for (int t = 0; t < 40; t++) {
                jdbc.update("insert into frontline_task (node_id, title, capacity, claimed, starts_on, ends_on, status, "
                        + "created_at, created_by) values (?, ?, 20, 15, ?, ?, 'OPEN', current_timestamp, '" + BY + "')",
                        nodes.get(t % nodes.size()), "压测揭榜" + y + "-" + t, Date.valueOf(LocalDate.of(y, 1 + t % 12, 1)),
                        Date.valueOf(LocalDate.of(y, 12, 31)));
                long task = jdbc.queryForObject("select max(id) from frontline_task where created_by = ?", Long.class, BY);
                List<Object[]> claims = new ArrayList<>();
                for (int k = 0; k < 15; k++) {
                    long person = people.get((y * 40 * 15 + t * 15 + k) % people.size())[0];
                    claims.add(new Object[] {task, person, Timestamp.valueOf(LocalDate.of(y, 1 + t % 12, 2).atTime(9, 0))});
                }
                jdbc.batchUpdate("insert into frontline_claim (task_id, person_id, basis, status, claimed_at, claimed_by) "
                        + "values (?, ?, '压测', 'ACTIVE', ?, 'bench')", claims);
                claimCount += claims.size();
            }
        }
        return cadres.size() + notes.size() + handovers.size() + claimCount;
    }
}
