package cn.zugong.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 聚力共富's part of {@code bench/run.sh grassroots} (issue 18, ADR 072): 5,000 needs and 20,000 offers (with their
 * fields, skills and places), 4,000 engagements with outcomes and ratings, written once with batched SQL; the figures
 * page, API and Excel and the ranking of one need (page and API) measured over real HTTP as the city's admin; the
 * figures' totals recounted by hand in SQL (written apart from the code) and compared with what the API answered.
 */
@Tag("bench")
@IntegrationTest
class MatchingGrassrootsBench extends GrassrootsBenchSupport {

    static final int NEEDS = Integer.getInteger("bench.matching.needs", 5_000);
    static final int OFFERS = Integer.getInteger("bench.matching.offers", 20_000);
    static final int ENGAGEMENTS = NEEDS * 4 / 5;
    static final String BY = "bench-matching";
    static final String[] FIELDS = {"INDUSTRY", "PLANNING", "TOURISM", "FISHERY", "DIGITAL", "MEDICAL", "EDUCATION",
            "ECOMMERCE", "GOVERNANCE", "FINANCE", "LAW", "ECOLOGY"};

    @Autowired ObjectMapper json;

    @Test
    void figuresAndRankingAtScale() throws Exception {
        long started = System.nanoTime();
        generate();
        long generatedMs = (System.nanoTime() - started) / 1_000_000;
        Browser admin = signIn("admin");
        Browser api = apiClient("admin");
        String from = "2026-01-01";
        String to = "2026-12-31";
        long need = jdbc.queryForObject("select min(id) from matching_need where created_by = ?", Long.class, BY);
        // /api/** is stateless (Basic or token): pages with the session browser, /api routes with the API client
        List<String> routes = List.of("/prosperity/matching/figures?from=" + from + "&to=" + to,
                "/prosperity/matching/figures/data?from=" + from + "&to=" + to,
                "/prosperity/matching/figures.xlsx?from=" + from + "&to=" + to,
                "/api/prosperity/matching/needs/" + need + "/candidates",
                "/prosperity/matching/needs/" + need,
                "/api/prosperity/matching/figures?from=" + from + "&to=" + to);
        Map<String, Latency> latencies = new LinkedHashMap<>();
        int errors5xx = 0;
        int failures = 0;
        for (String route : routes) {
            Browser client = route.startsWith("/api/") ? api : admin;
            Latency l = client.measure(route);
            latencies.put(route, l);
            failures += l.failures();
            if (client.get(route).statusCode() >= 500) {
                errors5xx++;
            }
            System.out.println("matching " + route + " " + l.figures() + " failures=" + l.failures());
        }
        JsonNode total = json.readTree(api.get("/api/prosperity/matching/figures?from=" + from + "&to=" + to).body())
                .get("total");
        Map<String, Number> hand = recount(from, to);
        Map<String, Number> answered = new LinkedHashMap<>();
        hand.keySet().forEach(k -> answered.put(k, k.equals("fundsYuan") ? new BigDecimal(total.get(k).asText())
                : (Number) total.get(k).asLong()));
        boolean equal = hand.entrySet().stream().allMatch(e -> compare(e.getValue(), answered.get(e.getKey())));
        double worst = latencies.values().stream().mapToDouble(Latency::p99).max().orElse(0);
        Latency ranking = latencies.get(routes.get(3));
        Latency figuresApi = latencies.get(routes.get(5));
        part("matching", String.format("rows=needs:%d,offers:%d,engagements:%d worst_p99_ms=%.1f recount=%s "
                        + "errors5xx=%d figures_api_p99_ms=%.1f ranking_p99_ms=%.1f generate_ms=%d",
                count("matching_need"), count("matching_offer"), count("matching_engagement"), worst,
                equal ? "ok" : "differs", errors5xx, figuresApi.p99(), ranking.p99(), generatedMs));
        if (!equal) {
            System.out.println("matching recount by hand " + hand + " answered " + answered);
        }
        assertThat(failures).isZero();
        assertThat(errors5xx).isZero();
        assertThat(equal).as("the figures against the hand recount (amounts compared by value): " + answered).isTrue();
    }

    private static boolean compare(Number a, Number b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.longValue() == b.longValue();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /**
     * The totals by hand, in the admin's scope (the city): needs posted in the period and not withdrawn, those with an
     * engagement not ended, offers registered in the period and active, engagements started, engagements done in the
     * period, outcomes and their sums, ratings of each side rated in the period.
     */
    private Map<String, Number> recount(String from, String to) {
        String scope = jdbc.queryForObject("select n.path from account a join org_node n on n.id = a.scope_node_id "
                + "where a.username = 'admin'", String.class) + "%";
        Date f = Date.valueOf(from);
        Date t = Date.valueOf(to);
        Timestamp tf = Timestamp.valueOf(LocalDate.parse(from).atStartOfDay());
        Timestamp tt = Timestamp.valueOf(LocalDate.parse(to).plusDays(1).atStartOfDay());
        Map<String, Number> m = new LinkedHashMap<>();
        String needIn = "select x.id from matching_need x join org_node o on o.id = x.node_id where o.path like ?";
        m.put("needs", jdbc.queryForObject("select count(*) from matching_need where status <> 'WITHDRAWN' and "
                + "posted_on >= ? and posted_on <= ? and id in (" + needIn + ")", Long.class, f, t, scope));
        m.put("matchedNeeds", jdbc.queryForObject("select count(distinct n.id) from matching_need n join "
                + "matching_engagement e on e.need_id = n.id and e.status in ('ACTIVE', 'DONE') where n.status <> "
                + "'WITHDRAWN' and n.posted_on >= ? and n.posted_on <= ? and n.id in (" + needIn + ")", Long.class, f,
                t, scope));
        m.put("offers", jdbc.queryForObject("select count(*) from matching_offer x join org_node o on o.id = x.node_id "
                + "where x.status = 'ACTIVE' and x.registered_on >= ? and x.registered_on <= ? and o.path like ?",
                Long.class, f, t, scope));
        m.put("engagements", jdbc.queryForObject("select count(*) from matching_engagement where start_on >= ? and "
                + "start_on <= ? and need_id in (" + needIn + ")", Long.class, f, t, scope));
        m.put("completed", jdbc.queryForObject("select count(*) from matching_engagement where status = 'DONE' and "
                + "completed_on >= ? and completed_on <= ? and need_id in (" + needIn + ")", Long.class, f, t, scope));
        String outcomes = " from matching_outcome where recorded_on >= ? and recorded_on <= ? and engagement_id in "
                + "(select id from matching_engagement where need_id in (" + needIn + "))";
        m.put("outcomes", jdbc.queryForObject("select count(*)" + outcomes, Long.class, f, t, scope));
        m.put("projects", jdbc.queryForObject("select coalesce(sum(projects), 0)" + outcomes, Long.class, f, t, scope));
        m.put("fundsYuan", jdbc.queryForObject("select coalesce(sum(funds_yuan), 0)" + outcomes, BigDecimal.class, f, t,
                scope));
        m.put("peopleTrained", jdbc.queryForObject("select coalesce(sum(people_trained), 0)" + outcomes, Long.class, f,
                t, scope));
        for (String side : List.of("NEED", "OFFER")) {
            String ratings = " from matching_rating where side = '" + side + "' and rated_at >= ? and rated_at < ? and "
                    + "engagement_id in (select id from matching_engagement where need_id in (" + needIn + "))";
            String key = side.equals("NEED") ? "need" : "offer";
            m.put(key + "Ratings", jdbc.queryForObject("select count(*)" + ratings, Long.class, tf, tt, scope));
            m.put(key + "Stars", jdbc.queryForObject("select coalesce(sum(stars), 0)" + ratings, Long.class, tf, tt,
                    scope));
        }
        return m;
    }

    /** The bench rows, once (batched inserts; ids read back by their bench names). */
    private void generate() {
        if (jdbc.queryForObject("select count(*) from matching_offer where created_by = ?", Long.class, BY) == 0) {
            insertRows();
        }
        // fresh statistics, as autovacuum would give them: without, the planner takes the bulk-loaded tables for
        // empty and nests loops over them (the figures took seconds instead of tens of milliseconds)
        for (String table : List.of("matching_need", "matching_need_skill", "matching_offer", "matching_offer_field",
                "matching_offer_skill", "matching_offer_place", "matching_engagement", "matching_outcome",
                "matching_rating")) {
            jdbc.execute("analyze " + table);
        }
    }

    private void insertRows() {
        List<long[]> places = jdbc.query("""
                select v.id, t.id, c.id from org_node v join org_node t on t.id = v.parent_id
                join org_node c on c.id = t.parent_id
                where v.kind = 'VILLAGE' and t.kind = 'TOWNSHIP' and c.kind = 'COUNTY' and v.code like '3309%'
                order by v.code""", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        long city = jdbc.queryForObject("select id from org_node where code = '3309'", Long.class);
        SplittableRandom r = new SplittableRandom(72);
        Timestamp now = Timestamp.valueOf("2026-11-01 09:00:00");
        List<Object[]> offers = new ArrayList<>();
        for (int i = 0; i < OFFERS; i++) {
            long[] p = places.get(r.nextInt(places.size()));
            LocalDate from = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(300));
            offers.add(new Object[] {i % 3 == 0 ? city : p[2], i % 3 == 2 ? "TALENT" : "CADRE", "bench-offer-" + i,
                    "测试挂职岗位", Date.valueOf(from), r.nextInt(4) == 0 ? null : Date.valueOf(from.plusMonths(12)),
                    Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(r.nextInt(330))), BY, now});
        }
        jdbc.batchUpdate("insert into matching_offer (node_id, kind, name, current_post, available_from, available_to, "
                + "status, registered_on, created_by, created_at) values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)", offers);
        Map<Integer, Long> offerIds = ids("select id, name from matching_offer where created_by = ?", "bench-offer-");
        List<Object[]> fields = new ArrayList<>();
        List<Object[]> skills = new ArrayList<>();
        List<Object[]> offerPlaces = new ArrayList<>();
        for (int i = 0; i < OFFERS; i++) {
            long id = offerIds.get(i);
            int f = r.nextInt(FIELDS.length);
            fields.add(new Object[] {id, FIELDS[f]});
            if (r.nextInt(3) == 0) {
                fields.add(new Object[] {id, FIELDS[(f + 1 + r.nextInt(FIELDS.length - 1)) % FIELDS.length]});
            }
            int k = 2 + r.nextInt(3);
            for (int s = 0; s < k; s++) {
                skills.add(new Object[] {id, FIELDS[f] + "-技能" + ((s * 3 + r.nextInt(3)) % 8)});
            }
            long[] p = places.get(r.nextInt(places.size()));
            offerPlaces.add(new Object[] {id, r.nextInt(4) == 0 ? city : p[r.nextInt(3)]});
        }
        jdbc.batchUpdate("insert into matching_offer_field (offer_id, field) values (?, ?)", fields);
        jdbc.batchUpdate("insert into matching_offer_skill (offer_id, skill) values (?, ?) on conflict do nothing",
                skills);
        jdbc.batchUpdate("insert into matching_offer_place (offer_id, node_id) values (?, ?)", offerPlaces);

        List<Object[]> needs = new ArrayList<>();
        List<String> needFields = new ArrayList<>();
        for (int i = 0; i < NEEDS; i++) {
            long[] p = places.get(r.nextInt(places.size()));
            String field = FIELDS[r.nextInt(FIELDS.length)];
            needFields.add(field);
            LocalDate posted = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(300));
            LocalDate from = posted.plusDays(10);
            needs.add(new Object[] {p[0], "VILLAGE", "测试村", "bench-need-" + i, field, p[0], Date.valueOf(from),
                    Date.valueOf(from.plusMonths(3 + r.nextInt(9))), 1 + r.nextInt(2),
                    r.nextInt(20) == 0 ? "WITHDRAWN" : "OPEN", Date.valueOf(posted), BY, now});
        }
        jdbc.batchUpdate("insert into matching_need (node_id, poster_kind, poster_name, title, field, place_node_id, "
                + "period_from, period_to, headcount, status, posted_on, created_by, created_at) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", needs);
        Map<Integer, Long> needIds = ids("select id, title from matching_need where created_by = ?", "bench-need-");
        List<Object[]> needSkills = new ArrayList<>();
        for (int i = 0; i < NEEDS; i++) {
            for (int s = 0; s < 3; s++) {
                needSkills.add(new Object[] {needIds.get(i), needFields.get(i) + "-技能" + (s * 2 + r.nextInt(2))});
            }
        }
        jdbc.batchUpdate("insert into matching_need_skill (need_id, skill) values (?, ?)", needSkills);

        List<Object[]> engagements = new ArrayList<>();
        for (int i = 0; i < ENGAGEMENTS; i++) {
            LocalDate start = LocalDate.of(2026, 2, 1).plusDays(r.nextInt(270));
            LocalDate end = start.plusMonths(1 + r.nextInt(5));
            boolean done = end.isBefore(LocalDate.of(2026, 11, 1));
            engagements.add(new Object[] {needIds.get(i), offerIds.get(r.nextInt(OFFERS)), Date.valueOf(start),
                    Date.valueOf(end), "测试对接任务", new BigDecimal("60.00"), done ? "DONE" : "ACTIVE",
                    done ? Date.valueOf(end) : null, BY, now});
        }
        jdbc.batchUpdate("insert into matching_engagement (need_id, offer_id, start_on, end_on, tasks, score, status, "
                + "completed_on, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", engagements);
        List<Object[]> rows = jdbc.query("select id, start_on, end_on, status from matching_engagement where "
                + "created_by = ? order by id", (rs, i) -> new Object[] {rs.getLong(1), rs.getDate(2), rs.getDate(3),
                rs.getString(4)}, BY);
        List<Object[]> outcomes = new ArrayList<>();
        List<Object[]> ratings = new ArrayList<>();
        for (Object[] e : rows) {
            LocalDate start = ((Date) e[1]).toLocalDate();
            outcomes.add(new Object[] {e[0], Date.valueOf(start.plusDays(20)), "测试成效", r.nextInt(3),
                    BigDecimal.valueOf(r.nextInt(500) * 1000L, 0).add(new BigDecimal("0.50")), r.nextInt(50), BY, now});
            if ("DONE".equals(e[3])) {
                Timestamp at = Timestamp.valueOf(((Date) e[2]).toLocalDate().plusDays(2).atTime(10, 0));
                ratings.add(new Object[] {e[0], "NEED", 1 + r.nextInt(5), BY, at});
                if (r.nextInt(4) != 0) {
                    ratings.add(new Object[] {e[0], "OFFER", 1 + r.nextInt(5), BY, at});
                }
            }
        }
        jdbc.batchUpdate("insert into matching_outcome (engagement_id, recorded_on, summary, projects, funds_yuan, "
                + "people_trained, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", outcomes);
        jdbc.batchUpdate("insert into matching_rating (engagement_id, side, stars, rated_by, rated_at) values "
                + "(?, ?, ?, ?, ?)", ratings);
        jdbc.update("update matching_need set status = 'MATCHED' where created_by = ? and status = 'OPEN' and id in "
                + "(select need_id from matching_engagement)", BY);
    }

    private Map<Integer, Long> ids(String sql, String prefix) {
        Map<Integer, Long> out = new HashMap<>();
        jdbc.query(sql, rs -> {
            out.put(Integer.parseInt(rs.getString(2).substring(prefix.length())), rs.getLong(1));
        }, BY);
        return out;
    }
}
