package cn.zugong.cadre;

import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of 一线考察 (issue 19, ADR 075) for the part's figures page and the annual review (issue 20), and the
 * outcomes per campaign for the appointment records. 口径: a campaign counts in the period when it starts in it; what is
 * counted are the cadres assessed whose unit lies in the scope — the campaigns and teams that assessed them, the
 * on-site records about them (by method), their outcomes (by category, 待定 while none) — and the county is the one of
 * the cadre's unit (市直 for the city's own units). Whole-table aggregates, one query per grouping.
 */
@Service
public class FrontlineFigures {

    /** One line: a county, a year or the total. */
    public record Line(String key, String name, long campaigns, long teams, long cadres, long see, long visit,
                       long assess, long advanced, long cases, long ordinary, long problem, long pending) {
        public long records() {
            return see + visit + assess;
        }
    }

    public record Figures(LocalDate from, LocalDate to, Line total, List<Line> byCounty, List<Line> byYear) {
    }

    /** A cadre assessed in a campaign with the outcome (null while pending) and the ids of its evidence records. */
    public record Assessed(long campaignId, long personId, String name, long unitId, String unitName,
                           FrontlineForms.Outcome outcome, String note, List<Long> evidence) {
    }

    private final JdbcClient jdbc;

    FrontlineFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Figures of(OrgScope scope, LocalDate from, LocalDate to) {
        Map<String, String> counties = new HashMap<>();
        jdbc.sql("select id, name from org_node where kind = 'COUNTY'").query((rs, i) ->
                counties.put(rs.getString(1), rs.getString(2))).list();
        counties.put("0", "市直");
        Line total = lines(scope, from, to, null, Map.of("0", "合计")).getOrDefault("0", empty("0", "合计"));
        List<Line> byCounty = new ArrayList<>(lines(scope, from, to, "uc.county_id", counties).values());
        byCounty.sort((a, b) -> a.key().equals("0") ? -1 : b.key().equals("0") ? 1 : a.name().compareTo(b.name()));
        Map<String, String> years = new HashMap<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            years.put(String.valueOf(y), y + "年");
        }
        List<Line> byYear = new ArrayList<>(lines(scope, from, to, "extract(year from cp.starts_on)", years).values());
        byYear.sort((a, b) -> a.key().compareTo(b.key()));
        return new Figures(from, to, total, byCounty, byYear);
    }

    private static Line empty(String key, String name) {
        return new Line(key, name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Units in the scope with their county (0: none), joined to the cadres assessed, grouped by {@code key}. */
    private static final String FROM = """
            from frontline_cadre fc
            join frontline_campaign cp on cp.id = fc.campaign_id
            join (select u.id as unit_id, coalesce(max(k.id), 0) as county_id
                    from org_node u left join org_node k on k.kind = 'COUNTY' and u.path like concat(k.path, '%')
                   where u.path like :sp and u.id in (select distinct unit_id from frontline_cadre)
                   group by u.id) uc on uc.unit_id = fc.unit_id
            where cp.starts_on between :from and :to
            """;

    private Map<String, Line> lines(OrgScope scope, LocalDate from, LocalDate to, String key, Map<String, String> names) {
        // per key: campaigns, teams, cadres, 现场看, 一线访, 综合评, 先进, 典型案例, 一般, 问题, 待定
        Map<String, long[]> acc = new LinkedHashMap<>();
        String select = key == null ? "'0'" : key; // the total: no grouping (PostgreSQL refuses GROUP BY a constant)
        jdbc.sql("select " + select + " as k, count(distinct fc.campaign_id), count(distinct fc.team_id), count(*), "
                        + "sum(case when fc.outcome = 'ADVANCED' then 1 else 0 end), "
                        + "sum(case when fc.outcome = 'CASE' then 1 else 0 end), "
                        + "sum(case when fc.outcome = 'ORDINARY' then 1 else 0 end), "
                        + "sum(case when fc.outcome = 'PROBLEM' then 1 else 0 end), "
                        + "sum(case when fc.outcome is null then 1 else 0 end) " + FROM + (key == null ? "" : " group by " + key))
                .param("sp", scope.pathPattern()).param("from", from).param("to", to)
                .query((rs, i) -> {
                    long[] a = acc.computeIfAbsent(keyOf(rs.getObject(1)), k -> new long[11]);
                    a[0] = rs.getLong(2);
                    a[1] = rs.getLong(3);
                    a[2] = rs.getLong(4);
                    for (int c = 0; c < 5; c++) {
                        a[6 + c] = rs.getLong(5 + c);
                    }
                    return null;
                }).list();
        jdbc.sql("select " + select + " as k, r.method, count(*) from frontline_record r "
                        + "join frontline_cadre fc on fc.id = r.cadre_id "
                        + FROM.substring(FROM.indexOf("join frontline_campaign")) + " group by " + (key == null ? "" : key + ", ") + "r.method")
                .param("sp", scope.pathPattern()).param("from", from).param("to", to)
                .query((rs, i) -> {
                    long[] a = acc.computeIfAbsent(keyOf(rs.getObject(1)), k -> new long[11]);
                    a[switch (rs.getString(2)) { case "SEE" -> 3; case "VISIT" -> 4; default -> 5; }] += rs.getLong(3);
                    return null;
                }).list();
        Map<String, Line> out = new LinkedHashMap<>();
        acc.forEach((k, a) -> out.put(k, new Line(k, names.getOrDefault(k, k), a[0], a[1], a[2], a[3], a[4], a[5],
                a[6], a[7], a[8], a[9], a[10])));
        return out;
    }

    private static String keyOf(Object o) {
        return o instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(o);
    }

    /** The cadres assessed in a campaign with their outcomes and evidence (for the appointment records). */
    public List<Assessed> assessed(long campaignId) {
        return assessedWhere("fc.campaign_id = :v", campaignId);
    }

    /** Every assessment of one person, newest campaign first (the basis an appointment may cite). */
    public List<Assessed> assessmentsOf(long personId) {
        return assessedWhere("fc.person_id = :v", personId);
    }

    /** The people among {@code personIds} with a 先进 or 典型案例 outcome in any campaign. */
    public List<Assessed> advancedAmong(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where fc.person_id in (:ids) and fc.outcome in ('ADVANCED', 'CASE') "
                + "order by cp.starts_on desc, fc.id").param("ids", personIds).query(this::assessedRow).list()
                .stream().map(this::withEvidence).toList();
    }

    private static final String SELECT = """
            select fc.id, fc.campaign_id, fc.person_id, p.name, fc.unit_id, u.name as unit_name, fc.outcome,
                   fc.outcome_note
              from frontline_cadre fc join person p on p.id = fc.person_id join org_node u on u.id = fc.unit_id
              join frontline_campaign cp on cp.id = fc.campaign_id""";

    private List<Assessed> assessedWhere(String where, long value) {
        return jdbc.sql(SELECT + " where " + where + " order by cp.starts_on desc, fc.id").param("v", value)
                .query(this::assessedRow).list().stream().map(this::withEvidence).toList();
    }

    private record Row(long id, Assessed a) {
    }

    private Row assessedRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String o = rs.getString("outcome");
        return new Row(rs.getLong("id"), new Assessed(rs.getLong("campaign_id"), rs.getLong("person_id"),
                rs.getString("name"), rs.getLong("unit_id"), rs.getString("unit_name"),
                o == null ? null : FrontlineForms.Outcome.valueOf(o), rs.getString("outcome_note"), List.of()));
    }

    private Assessed withEvidence(Row r) {
        List<Long> ev = jdbc.sql("select record_id from frontline_evidence where cadre_id = :c order by record_id")
                .param("c", r.id()).query(Long.class).list();
        Assessed a = r.a();
        return new Assessed(a.campaignId(), a.personId(), a.name(), a.unitId(), a.unitName(), a.outcome(), a.note(), ev);
    }
}
