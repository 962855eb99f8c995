package cn.zugong.rating.internal.results;

import cn.zugong.rating.Criterion;
import cn.zugong.rating.CriterionKind;
import cn.zugong.rating.Dimension;
import cn.zugong.rating.RatingResult;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.internal.results.Compare.Average;
import cn.zugong.rating.internal.results.Compare.OrgRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 比: organisations of a selection ranked within their township and their county (window functions), their points
 * per dimension (the scheme's one calculation over their score rows, read in one query), and the averages of every
 * township and county in one aggregate query.
 */
@Component
class CompareQuery {

    private static final String PLACES = """
             from rating_entry e
             join org_node n on n.id = e.node_id
             left join org_node t on t.kind = 'TOWNSHIP' and n.path like t.path || '%'
             left join org_node c on c.kind = 'COUNTY' and n.path like c.path || '%'
            where e.round_id in (:rounds) and n.path like :scopePath
            """;

    private final JdbcClient jdbc;

    CompareQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static List<Compare.Dim> dims(RatingScheme scheme) {
        return scheme.dimensions().stream().map(d -> new Compare.Dim(d.code(), d.name(), d.max())).toList();
    }

    /** Every organisation of the selection, county by county, township by township, by rank. */
    List<OrgRow> rows(Selection s) {
        Map<Long, Map<String, BigDecimal>> scores = new HashMap<>();
        jdbc.sql("select s.entry_id, s.criterion_code, s.points from rating_score s join rating_entry e on "
                        + "e.id = s.entry_id join org_node n on n.id = e.node_id where e.round_id in (:rounds) "
                        + "and n.path like :scopePath")
                .param("rounds", s.roundIds()).param("scopePath", s.scope().pathPattern())
                .query((rs, i) -> scores.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getBigDecimal(3))).list();
        RatingScheme scheme = s.scheme();
        String sql = "select e.id, e.node_id, n.name, coalesce(t.id, 0) tid, coalesce(t.name, '县直') tname, "
                + "coalesce(c.id, 0) cid, coalesce(c.name, '市直') cname, e.points, coalesce(e.stars, 0) stars, "
                + "e.strong_party, e.strong_development, "
                + "rank() over (partition by coalesce(t.id, 0) order by coalesce(e.points, 0) desc) trk, "
                + "rank() over (partition by coalesce(c.id, 0) order by coalesce(e.points, 0) desc) crk "
                + PLACES + " order by coalesce(c.sort_order, -1), coalesce(c.id, 0), coalesce(t.sort_order, -1), "
                + "coalesce(t.id, 0), trk, n.sort_order, n.id";
        return jdbc.sql(sql).param("rounds", s.roundIds()).param("scopePath", s.scope().pathPattern())
                .query((rs, i) -> {
                    RatingResult r = scheme.score(scores.getOrDefault(rs.getLong("id"), Map.of()), Set.of());
                    int stars = rs.getInt("stars");
                    boolean ds = rs.getBoolean("strong_party") && rs.getBoolean("strong_development");
                    return new OrgRow(rs.getLong("node_id"), rs.getString("name"), rs.getLong("tid"),
                            rs.getString("tname"), rs.getLong("cid"), rs.getString("cname"), rs.getBigDecimal("points"),
                            stars, scheme.title(stars, ds), rs.getLong("trk"), rs.getLong("crk"),
                            scheme.dimensions().stream().map(d -> r.dimensionPoints().get(d.code())).toList());
                }).list();
    }

    /**
     * The averages of every township and county of the selection in one aggregate query: per dimension the sum of
     * its criteria's points (each within [0, cap], deductions subtracted, as {@link RatingScheme#score} counts
     * them) over the organisations, divided by their number; the total points likewise.
     */
    List<Average> averages(Selection s) {
        RatingScheme scheme = s.scheme();
        StringBuilder values = new StringBuilder();
        for (Dimension d : scheme.dimensions()) {
            for (Criterion c : d.criteria()) {
                values.append(values.isEmpty() ? "" : ", ").append("(").append(literal(c.code())).append(", ")
                        .append(literal(d.code())).append(", ").append(c.points().toPlainString()).append(", ")
                        .append(c.kind() == CriterionKind.DEDUCTION ? -1 : 1).append(")");
            }
        }
        if (values.isEmpty()) {
            values.append("('', '', 0, 0)");
        }
        String sql = "with crit (code, dim, cap, sgn) as (values " + values + "), "
                + "ent as (select e.id, e.points, coalesce(t.id, 0) tid, coalesce(t.name, '县直') tname, "
                + "coalesce(c.id, 0) cid, coalesce(c.name, '市直') cname " + PLACES + "), "
                + "per as (select s.entry_id, cr.dim, sum(cr.sgn * least(greatest(s.points, 0), cr.cap)) v "
                + "from rating_score s join crit cr on cr.code = s.criterion_code "
                + "where s.entry_id in (select id from ent) group by s.entry_id, cr.dim) "
                + "select 'TOWNSHIP' lvl, ent.tid gid, ent.tname gname, per.dim, sum(per.v) v, 0 n "
                + "from ent join per on per.entry_id = ent.id group by ent.tid, ent.tname, per.dim "
                + "union all select 'COUNTY', ent.cid, ent.cname, per.dim, sum(per.v), 0 "
                + "from ent join per on per.entry_id = ent.id group by ent.cid, ent.cname, per.dim "
                + "union all select 'TOWNSHIP', tid, tname, '#', sum(coalesce(points, 0)), count(*) from ent "
                + "group by tid, tname "
                + "union all select 'COUNTY', cid, cname, '#', sum(coalesce(points, 0)), count(*) from ent "
                + "group by cid, cname";
        record Cell(String level, long id, String name, String dim, BigDecimal sum, long n) {
        }
        List<Cell> cells = jdbc.sql(sql).param("rounds", s.roundIds()).param("scopePath", s.scope().pathPattern())
                .query((rs, i) -> new Cell(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getLong(6))).list();
        Map<String, Map<String, BigDecimal>> sums = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Cell c : cells) {
            String key = c.level() + ":" + c.id();
            names.put(key, c.name());
            sums.computeIfAbsent(key, k -> new HashMap<>()).put(c.dim(), c.sum());
            if (c.dim().equals("#")) {
                counts.put(key, c.n());
            }
        }
        List<Average> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            long n = e.getValue();
            Map<String, BigDecimal> sum = sums.get(e.getKey());
            String[] key = e.getKey().split(":");
            out.add(new Average(key[0], Long.parseLong(key[1]), names.get(e.getKey()), n, avg(sum.get("#"), n),
                    scheme.dimensions().stream().map(d -> avg(sum.getOrDefault(d.code(), BigDecimal.ZERO), n))
                            .toList()));
        }
        return out;
    }

    private static BigDecimal avg(BigDecimal sum, long n) {
        return n == 0 || sum == null ? null : sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    /** A scheme code as an SQL literal (codes come from the checked scheme files; quotes doubled all the same). */
    private static String literal(String code) {
        return "'" + code.replace("'", "''") + "'";
    }
}
