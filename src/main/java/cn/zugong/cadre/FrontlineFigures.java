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
        // one statement by county, year, campaign and team; the three views rolled up here
        List<Cell> cells = cells(scope, from, to);
        Line total = lines(cells, c -> "0", Map.of("0", "合计")).getOrDefault("0", empty("0", "合计"));
        List<Line> byCounty = new ArrayList<>(lines(cells, Cell::county, counties).values());
        byCounty.sort((a, b) -> a.key().equals("0") ? -1 : b.key().equals("0") ? 1 : a.name().compareTo(b.name()));
        Map<String, String> years = new HashMap<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            years.put(String.valueOf(y), y + "年");
        }
        List<Line> byYear = new ArrayList<>(lines(cells, Cell::year, years).values());
        byYear.sort((a, b) -> a.key().compareTo(b.key()));
        return new Figures(from, to, total, byCounty, byYear);
    }

    private static Line empty(String key, String name) {
        return new Line(key, name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * One group of the aggregate: county id ("0": none), year, campaign and team (null: none); the counts of
     * 现场看, 一线访, 综合评 (records), cadres, 先进, 典型案例, 一般, 问题, 待定 in it.
     */
    private record Cell(String county, String year, long campaign, Long team, long[] counts) {
    }

    /**
     * The cadres assessed in campaigns starting in the period, their units in the scope, grouped by county, year,
     * campaign and team (few groups: distinct campaigns and teams are counted from them); the county of a unit by a
     * CASE over the counties' paths (bound once), not a join on like nor a scan for the units in use. One statement.
     */
    private List<Cell> cells(OrgScope scope, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("sp", scope.pathPattern());
        params.put("from", from);
        params.put("to", to);
        StringBuilder county = new StringBuilder("case");
        jdbc.sql("select id, path from org_node where kind = 'COUNTY' and (path like :sp or :path like concat(path, '%')) "
                        + "order by code").param("sp", scope.pathPattern()).param("path", scope.path())
                .query(rs -> {
                    int i = params.size();
                    county.append(" when u.path like :c").append(i).append(" then ").append(rs.getLong(1));
                    params.put("c" + i, rs.getString(2) + "%");
                });
        String countyOf = params.size() == 3 ? "0" : county.append(" else 0 end").toString();
        // the records counted per cadre first (one hash aggregate), then one pass over the cadres
        Map<List<Object>, long[]> groups = new LinkedHashMap<>();
        jdbc.sql("select county, y, campaign_id, team_id, sum(see), sum(visit), sum(assess), count(*), sum(advanced), "
                        + "sum(typical), sum(ordinary), sum(problem), sum(pending) from (select " + countyOf
                        + " as county, extract(year from cp.starts_on) as y, fc.campaign_id, fc.team_id, "
                        + "coalesce(r.see, 0) as see, coalesce(r.visit, 0) as visit, coalesce(r.assess, 0) as assess, "
                        + "case when fc.outcome = 'ADVANCED' then 1 else 0 end as advanced, "
                        + "case when fc.outcome = 'CASE' then 1 else 0 end as typical, "
                        + "case when fc.outcome = 'ORDINARY' then 1 else 0 end as ordinary, "
                        + "case when fc.outcome = 'PROBLEM' then 1 else 0 end as problem, "
                        + "case when fc.outcome is null then 1 else 0 end as pending "
                        + "from frontline_cadre fc join frontline_campaign cp on cp.id = fc.campaign_id "
                        + "join org_node u on u.id = fc.unit_id "
                        + "left join (select cadre_id, sum(case when method = 'SEE' then 1 else 0 end) as see, "
                        + "sum(case when method = 'VISIT' then 1 else 0 end) as visit, "
                        + "sum(case when method in ('SEE', 'VISIT') then 0 else 1 end) as assess "
                        + "from frontline_record group by cadre_id) r on r.cadre_id = fc.id "
                        + "where cp.starts_on between :from and :to and u.path like :sp) t "
                        + "group by county, y, campaign_id, team_id")
                .params(params).query(rs -> {
                    long[] a = groups.computeIfAbsent(groupKey(rs), k -> new long[9]);
                    for (int c = 0; c < 9; c++) {
                        a[c] += rs.getLong(5 + c);
                    }
                });
        List<Cell> cells = new ArrayList<>();
        groups.forEach((k, a) -> cells.add(new Cell((String) k.get(0), (String) k.get(1), (Long) k.get(2),
                (Long) k.get(3), a)));
        return cells;
    }

    private static List<Object> groupKey(java.sql.ResultSet rs) throws java.sql.SQLException {
        long team = rs.getLong(4);
        return java.util.Arrays.asList(keyOf(rs.getObject(1)), keyOf(rs.getObject(2)), rs.getLong(3),
                rs.wasNull() ? null : team);
    }

    /**
     * The cells rolled up by {@code key}: per key campaigns, teams (distinct), cadres, 现场看, 一线访, 综合评, 先进,
     * 典型案例, 一般, 问题, 待定 — keys with cadres only, as the grouped statements gave them.
     */
    private static Map<String, Line> lines(List<Cell> cells, java.util.function.Function<Cell, String> key,
                                           Map<String, String> names) {
        Map<String, long[]> acc = new LinkedHashMap<>();
        Map<String, java.util.Set<Long>> campaigns = new HashMap<>();
        Map<String, java.util.Set<Long>> teams = new HashMap<>();
        for (Cell c : cells) {
            String k = key.apply(c);
            long[] a = acc.computeIfAbsent(k, x -> new long[11]);
            long[] n = c.counts();
            a[3] += n[0];
            a[4] += n[1];
            a[5] += n[2];
            a[2] += n[3];
            for (int i = 0; i < 5; i++) {
                a[6 + i] += n[4 + i];
            }
            if (n[3] > 0) {
                campaigns.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(c.campaign());
                if (c.team() != null) {
                    teams.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(c.team());
                }
            }
        }
        Map<String, Line> out = new LinkedHashMap<>();
        acc.forEach((k, a) -> out.put(k, new Line(k, names.getOrDefault(k, k),
                campaigns.getOrDefault(k, java.util.Set.of()).size(), teams.getOrDefault(k, java.util.Set.of()).size(),
                a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10])));
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
