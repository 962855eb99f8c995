package cn.zugong.cadre;

import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 激励关爱 figures (issue 19, ADR 077) of a scope and period, as the seed's sentence counts them: people cleared
 * (澄清正名), people whose 容错纠错 case ended in 免责 or 从轻减轻, people visited (暖心回访), disciplined people
 * re-used (进一步使用或提拔任用, by the appointment's 任职 date), the people and units of the 及时奖励 batches awarded and
 * the batches, people published as 担当作为好干部 — each a count of distinct people (units) in the period, by county.
 * Whole-table aggregates (one query a measure for the total, one by county). The sensitive data rule (ADR 074) is
 * the caller's: only ADMIN and 干部监督 may see these counts.
 */
@Service
public class CareFigures {

    public record Totals(long cleared, long tolerated, long visited, long visits, long reused, long rewardedPeople,
                         long rewardedUnits, long batches, long exemplars, long overdueVisits) {
    }

    /** A county's counts; {@code id} null for the units outside every county (市直). */
    public record County(Long id, String name, long cleared, long tolerated, long visited, long reused,
                         long rewardedPeople, long rewardedUnits, long exemplars) {
    }

    public record Figures(LocalDate from, LocalDate to, Totals totals, List<County> counties, String sentence) {
    }

    static final String OUTSIDE = "市直及其他";

    private final JdbcClient jdbc;

    CareFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One measure: the table (aliased x, joined to its node n), its date column and what is counted distinct. */
    private record Measure(String from, String date, String counted) {
    }

    private static final Measure CLEARED = new Measure("care_clearance x", "x.cleared_on", "x.person_id");
    private static final Measure TOLERATED = new Measure("care_case x", "x.decided_on",
            "case when x.status = 'DECIDED' and x.result in ('EXEMPT', 'LIGHTER') then x.person_id end");
    private static final Measure VISITED = new Measure("care_visit x", "x.visited_on", "x.person_id");
    private static final Measure VISITS = new Measure("care_visit x", "x.visited_on", "x.id");
    private static final Measure REUSED = new Measure("care_reuse x", "x.effective_on", "x.person_id");
    private static final Measure REWARDED_PEOPLE = new Measure(
            "care_reward_item x join care_reward_batch b on b.id = x.batch_id", "b.awarded_on", "x.person_id");
    private static final Measure REWARDED_UNITS = new Measure(
            "care_reward_item x join care_reward_batch b on b.id = x.batch_id", "b.awarded_on", "x.unit_id");
    private static final Measure BATCHES = new Measure("care_reward_batch x", "x.awarded_on", "x.id");
    private static final Measure EXEMPLARS = new Measure("care_exemplar x", "x.published_on",
            "case when x.status = 'PUBLISHED' then x.person_id end");

    public Figures of(OrgScope scope, LocalDate from, LocalDate to, LocalDate today) {
        Totals totals = new Totals(total(CLEARED, scope, from, to), total(TOLERATED, scope, from, to),
                total(VISITED, scope, from, to), total(VISITS, scope, from, to), total(REUSED, scope, from, to),
                total(REWARDED_PEOPLE, scope, from, to), total(REWARDED_UNITS, scope, from, to),
                total(BATCHES, scope, from, to), total(EXEMPLARS, scope, from, to), overdue(scope, today));
        Map<Long, String> counties = counties(scope);
        Map<Long, String> paths = countyPaths(scope);
        List<Map<Long, Long>> by = List.of(byCounty(CLEARED, scope, from, to, paths),
                byCounty(TOLERATED, scope, from, to, paths), byCounty(VISITED, scope, from, to, paths),
                byCounty(REUSED, scope, from, to, paths), byCounty(REWARDED_PEOPLE, scope, from, to, paths),
                byCounty(REWARDED_UNITS, scope, from, to, paths), byCounty(EXEMPLARS, scope, from, to, paths));
        List<County> rows = new ArrayList<>();
        List<Long> keys = new ArrayList<>(counties.keySet());
        keys.add(0L);
        for (Long k : keys) {
            long[] v = by.stream().mapToLong(m -> m.getOrDefault(k, 0L)).toArray();
            boolean any = java.util.Arrays.stream(v).anyMatch(x -> x > 0);
            if (k != 0L || any) {
                rows.add(new County(k == 0L ? null : k, k == 0L ? OUTSIDE : counties.get(k), v[0], v[1], v[2], v[3],
                        v[4], v[5], v[6]));
            }
        }
        return new Figures(from, to, totals, rows, sentence(totals));
    }

    /** The seed's sentence, printed from the counts. */
    public static String sentence(Totals t) {
        return "为" + t.cleared() + "名党员干部澄清正名，为" + t.tolerated() + "名党员干部容错纠错减责，对" + t.visited()
                + "名党员干部开展暖心回访，" + t.reused() + "名受到处理处分后的党员干部得到进一步使用或提拔任用；对表现突出的"
                + t.rewardedPeople() + "名个人、" + t.rewardedUnits() + "个集体，实施" + chinese(t.batches())
                + "批次及时奖励。";
    }

    static String chinese(long n) {
        String[] d = {"零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"};
        return n >= 0 && n <= 10 ? d[(int) n] : String.valueOf(n);
    }

    private long total(Measure m, OrgScope scope, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(distinct " + m.counted() + ") from " + m.from()
                        + " join org_node n on n.id = x.node_id where n.path like :scopePath and " + m.date()
                        + " between :from and :to").param("scopePath", scope.pathPattern()).param("from", from)
                .param("to", to).query(Long.class).single();
    }

    /**
     * One measure by county. The county of a record is picked by a CASE over the (few) counties' paths rather than a
     * join on {@code like}: a non-equi join to org_node made PostgreSQL loop over the tree for every row.
     */
    private Map<Long, Long> byCounty(Measure m, OrgScope scope, LocalDate from, LocalDate to, Map<Long, String> counties) {
        Map<Long, Long> out = new HashMap<>();
        StringBuilder key = new StringBuilder("case");
        Map<String, Object> params = new HashMap<>();
        int i = 0;
        for (var c : counties.entrySet()) {
            key.append(" when n.path like :c").append(i).append(" then ").append(c.getKey());
            params.put("c" + i, c.getValue() + "%");
            i++;
        }
        String group = counties.isEmpty() ? "0" : key.append(" else 0 end").toString();
        // the CASE in a subquery: bound twice (select and group by) PostgreSQL would not see the same expression
        jdbc.sql("select county, count(distinct counted) from (select " + group + " as county, " + m.counted()
                        + " as counted from " + m.from() + " join org_node n on n.id = x.node_id where n.path like "
                        + ":scopePath and " + m.date() + " between :from and :to) t group by county")
                .params(params).param("scopePath", scope.pathPattern()).param("from", from).param("to", to)
                .query((rs, r) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }

    private long overdue(OrgScope scope, LocalDate today) {
        return jdbc.sql("select count(*) from care_discipline x join org_node n on n.id = x.node_id "
                        + "where n.path like :scopePath and x.next_visit_due < :today")
                .param("scopePath", scope.pathPattern()).param("today", today).query(Long.class).single();
    }

    private Map<Long, String> countyPaths(OrgScope scope) {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.sql("select id, path from org_node where kind = 'COUNTY' and (path like :scopePath or :path like "
                        + "concat(path, '%')) order by code").param("scopePath", scope.pathPattern())
                .param("path", scope.path()).query((rs, i) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    /** The counties inside the scope, or the one holding it (a township's office sees its own county). */
    private Map<Long, String> counties(OrgScope scope) {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.sql("select id, name from org_node where kind = 'COUNTY' and (path like :scopePath or :path like "
                        + "concat(path, '%')) order by code").param("scopePath", scope.pathPattern())
                .param("path", scope.path()).query((rs, i) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }
}
