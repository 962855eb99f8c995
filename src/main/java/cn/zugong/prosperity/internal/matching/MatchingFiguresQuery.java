package cn.zugong.prosperity.internal.matching;

import cn.zugong.shared.NumberPhrases;
import cn.zugong.prosperity.MatchingFigureRow;
import cn.zugong.prosperity.MatchingFigureSet;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures in seven aggregate queries, each grouped by (county, field, month) and rolled up in memory into the
 * totals, the counties, the fields and the months (sums only, so every grouping adds up to the total). The county
 * of a row is the prefix of its node's path down to the county (division codes give every county path one length);
 * a node above the counties counts under 市本级.
 */
@Component
public class MatchingFiguresQuery {

    static final String CITY_LEVEL = "市本级";

    private final JdbcClient jdbc;

    MatchingFiguresQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One cell of the grouping: the county path prefix, the field code, the month (yyyymm). */
    private record Key(String county, String field, int month) {
    }

    /** Sums of one group. */
    private static final class Acc {
        long needs, matched, offers, engagements, completed, outcomes, projects, trained, needRatings, needStars,
                offerRatings, offerStars;
        BigDecimal funds = BigDecimal.ZERO;

        void add(Acc o) {
            needs += o.needs;
            matched += o.matched;
            offers += o.offers;
            engagements += o.engagements;
            completed += o.completed;
            outcomes += o.outcomes;
            projects += o.projects;
            trained += o.trained;
            needRatings += o.needRatings;
            needStars += o.needStars;
            offerRatings += o.offerRatings;
            offerStars += o.offerStars;
            funds = funds.add(o.funds);
        }

        MatchingFigureRow row(String key, String name) {
            return new MatchingFigureRow(key, name, needs, matched, offers, engagements, completed, outcomes, projects,
                    funds, trained, needRatings, needStars, offerRatings, offerStars);
        }
    }

    public MatchingFigureSet figures(OrgScope scope, String scopeName, LocalDate from, LocalDate to) {
        int countyLength = countyPathLength();
        Map<String, Object> p = Map.of("scopePath", scope.pathPattern(), "from", from, "to", to,
                "fromTs", from.atStartOfDay(), "toTs", to.plusDays(1).atStartOfDay());
        Map<Key, Acc> cells = new HashMap<>();
        String county = "substring(pn.path, 1, " + countyLength + ")";
        String needScope = "n.node_id in (select s.id from org_node s where s.path like :scopePath)";
        String needJoin = " from matching_need n join org_node pn on pn.id = n.place_node_id";
        // needs posted in the period (not withdrawn), and those with an engagement not ended
        query("select " + county + ", n.field, " + month("n.posted_on") + ", count(*),"
                + " sum(case when exists (select 1 from matching_engagement e where e.need_id = n.id"
                + " and e.status <> 'ENDED') then 1 else 0 end)" + needJoin + " where " + needScope
                + " and n.status <> 'WITHDRAWN' and n.posted_on between :from and :to"
                + " group by " + county + ", n.field, " + month("n.posted_on"), p, cells, (a, rs) -> {
                    a.needs += rs.getLong(4);
                    a.matched += rs.getLong(5);
                });
        // offers registered in the period, by their managing office's county; field null (counted by field below)
        String offerCounty = "substring(pn.path, 1, " + countyLength + ")";
        query("select " + offerCounty + ", cast(null as varchar(32)), " + month("o.registered_on") + ", count(*)"
                + " from matching_offer o join org_node pn on pn.id = o.node_id"
                + " where o.node_id in (select s.id from org_node s where s.path like :scopePath)"
                + " and o.status = 'ACTIVE' and o.registered_on between :from and :to"
                + " group by " + offerCounty + ", " + month("o.registered_on"), p, cells,
                (a, rs) -> a.offers += rs.getLong(4));
        Map<String, Long> offersByField = new HashMap<>();
        jdbc.sql("select f.field, count(*) from matching_offer o join matching_offer_field f on f.offer_id = o.id"
                        + " where o.node_id in (select s.id from org_node s where s.path like :scopePath)"
                        + " and o.status = 'ACTIVE' and o.registered_on between :from and :to group by f.field")
                .params(p).query(rs -> {
                    offersByField.put(rs.getString(1), rs.getLong(2));
                });
        String engagementJoin = " from matching_engagement e join matching_need n on n.id = e.need_id"
                + " join org_node pn on pn.id = n.place_node_id";
        query("select " + county + ", n.field, " + month("e.start_on") + ", count(*)" + engagementJoin + " where "
                + needScope + " and e.start_on between :from and :to group by " + county + ", n.field, "
                + month("e.start_on"), p, cells, (a, rs) -> a.engagements += rs.getLong(4));
        query("select " + county + ", n.field, " + month("e.completed_on") + ", count(*)" + engagementJoin + " where "
                + needScope + " and e.status = 'DONE' and e.completed_on between :from and :to group by " + county
                + ", n.field, " + month("e.completed_on"), p, cells, (a, rs) -> a.completed += rs.getLong(4));
        query("select " + county + ", n.field, " + month("x.recorded_on") + ", count(*), sum(x.projects),"
                + " sum(x.funds_yuan), sum(x.people_trained) from matching_outcome x"
                + " join matching_engagement e on e.id = x.engagement_id join matching_need n on n.id = e.need_id"
                + " join org_node pn on pn.id = n.place_node_id where " + needScope
                + " and x.recorded_on between :from and :to group by " + county + ", n.field, "
                + month("x.recorded_on"), p, cells, (a, rs) -> {
                    a.outcomes += rs.getLong(4);
                    a.projects += rs.getLong(5);
                    a.funds = a.funds.add(rs.getBigDecimal(6));
                    a.trained += rs.getLong(7);
                });
        query("select " + county + ", n.field, " + month("r.rated_at") + ", count(*), sum(r.stars), r.side"
                + " from matching_rating r join matching_engagement e on e.id = r.engagement_id"
                + " join matching_need n on n.id = e.need_id join org_node pn on pn.id = n.place_node_id where "
                + needScope + " and r.rated_at >= :fromTs and r.rated_at < :toTs group by " + county + ", n.field, "
                + month("r.rated_at") + ", r.side", p, cells, (a, rs) -> {
                    if ("NEED".equals(rs.getString(6))) {
                        a.needRatings += rs.getLong(4);
                        a.needStars += rs.getLong(5);
                    } else {
                        a.offerRatings += rs.getLong(4);
                        a.offerStars += rs.getLong(5);
                    }
                });
        long people = jdbc.sql("select count(distinct e.offer_id)" + engagementJoin + " where " + needScope
                + " and e.start_on between :from and :to").params(p).query(Long.class).single();
        return rollUp(scopeName, from, to, cells, offersByField, people);
    }

    private MatchingFigureSet rollUp(String scopeName, LocalDate from, LocalDate to, Map<Key, Acc> cells,
                                     Map<String, Long> offersByField, long people) {
        Map<String, String> counties = countyNames();
        Map<String, String> fields = new LinkedHashMap<>();
        jdbc.sql("select code, name from matching_field order by sort_order, code")
                .query(rs -> {
                    fields.put(rs.getString(1), rs.getString(2));
                });
        Acc total = new Acc();
        Map<String, Acc> byCounty = new TreeMap<>();
        Map<String, Acc> byField = new LinkedHashMap<>();
        fields.keySet().forEach(f -> byField.put(f, new Acc()));
        Map<Integer, Acc> byMonth = new TreeMap<>();
        cells.forEach((k, a) -> {
            total.add(a);
            byCounty.computeIfAbsent(counties.containsKey(k.county()) ? k.county() : "", x -> new Acc()).add(a);
            if (k.field() != null) {
                byField.computeIfAbsent(k.field(), x -> new Acc()).add(a);
            }
            byMonth.computeIfAbsent(k.month(), x -> new Acc()).add(a);
        });
        offersByField.forEach((f, n) -> byField.computeIfAbsent(f, x -> new Acc()).offers += n);
        List<MatchingFigureRow> countyRows = new ArrayList<>();
        byCounty.forEach((path, a) -> countyRows.add(a.row(path.isEmpty() ? "CITY" : code(path),
                path.isEmpty() ? CITY_LEVEL : counties.get(path))));
        countyRows.sort(Comparator.comparing(r -> r.key().equals("CITY") ? "~" : r.key()));
        List<MatchingFigureRow> fieldRows = new ArrayList<>();
        byField.forEach((f, a) -> fieldRows.add(a.row(f, fields.getOrDefault(f, f))));
        List<MatchingFigureRow> monthRows = new ArrayList<>();
        byMonth.forEach((m, a) -> monthRows.add(a.row(String.valueOf(m), (m / 100) + "年" + (m % 100) + "月")));
        MatchingFigureRow all = total.row("ALL", "合计");
        return new MatchingFigureSet(scopeName, from, to, all, countyRows, fieldRows, monthRows, people,
                sentence(scopeName, all, people));
    }

    /**
     * The seed's sentence (「拓展“借力”“给力”两张清单，激活440余名挂职干部人才与…精准匹配、双向赋能」) from the figures.
     */
    static String sentence(String scopeName, MatchingFigureRow t, long people) {
        StringBuilder s = new StringBuilder("拓展“借力”“给力”两张清单，激活").append(NumberPhrases.about(t.offers()))
                .append("名挂职干部人才与").append(place(scopeName)).append("经济社会发展精准匹配、双向赋能：发布“借力”需求")
                .append(NumberPhrases.about(t.needs())).append("项，已对接").append(t.matchedNeeds()).append("项、")
                .append(NumberPhrases.about(people)).append("人投身对接，完成").append(t.completed()).append("人次");
        if (t.projects() > 0 || t.fundsYuan().signum() > 0 || t.peopleTrained() > 0) {
            s.append("，引进项目").append(NumberPhrases.about(t.projects())).append("个，争取资金")
                    .append(NumberPhrases.yuan(t.fundsYuan())).append("，培训").append(NumberPhrases.about(t.peopleTrained()))
                    .append("人次");
        }
        return s.append("。").toString();
    }

    /** 舟山市 → 舟山, 定海区 → 定海区: the city's name without 市 as the seed says 丽水. */
    private static String place(String scopeName) {
        return scopeName.endsWith("市") && scopeName.length() > 2 ? scopeName.substring(0, scopeName.length() - 1)
                : scopeName;
    }

    private static String code(String countyPath) {
        String[] parts = countyPath.split("/");
        return parts[parts.length - 1];
    }

    private int countyPathLength() {
        Integer n = jdbc.sql("select max(length(path)) from org_node where kind = 'COUNTY'").query(Integer.class)
                .optional().orElse(null);
        return n == null ? 16 : n;
    }

    private Map<String, String> countyNames() {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("select path, name from org_node where kind = 'COUNTY'").query(rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
        return out;
    }

    private static String month(String column) {
        return "(extract(year from " + column + ") * 100 + extract(month from " + column + "))";
    }

    private interface Adder {
        void add(Acc a, ResultSet rs) throws SQLException;
    }

    private void query(String sql, Map<String, Object> params, Map<Key, Acc> cells, Adder adder) {
        jdbc.sql(sql).params(params).query(rs -> {
            Key k = new Key(rs.getString(1), rs.getString(2), rs.getInt(3));
            adder.add(cells.computeIfAbsent(k, x -> new Acc()), rs);
        });
    }
}
