package cn.zugong.rating.internal.results;

import cn.zugong.org.PartySector;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.internal.results.Results.CountRow;
import cn.zugong.rating.internal.results.Results.Movements;
import cn.zugong.rating.internal.results.Results.Option;
import cn.zugong.rating.internal.results.Results.RankRow;
import cn.zugong.rating.internal.results.Results.Withdrawn;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of a {@link Selection} in SQL: star and 双强 counts grouped by area, sector and party organisation type
 * (one aggregate query each), the ranking with its year-over-year movement (one query, ranks by a window function)
 * and the 摘星 list. Only entries whose organisation lies in the selection's scope are ever read.
 */
@Component
class ResultsQuery {

    /** The entries of the selection in scope, with the area (the node one level below the scope's) they lie in. */
    static final String BASE = base("");

    /** {@link #BASE} with more joins before the conditions. */
    static String base(String joins) {
        return " from rating_entry e join org_node n on n.id = e.node_id"
                + " left join party_org po on po.node_id = e.node_id"
                + " left join org_node a on a.depth = :areaDepth and n.path like a.path || '%' " + joins
                + " where e.round_id in (:rounds) and n.path like :scopePath ";
    }

    private final JdbcClient jdbc;

    ResultsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Selection s) {
        return spec.param("rounds", s.roundIds()).param("areaDepth", s.areaDepth())
                .param("scopePath", s.scope().pathPattern());
    }

    /** The groupings counts are given by: the key and name expressions (fixed SQL, never user input). */
    enum Grouping {
        AREA("coalesce(a.id, 0)", "coalesce(a.name, '本级')"),
        SECTOR("coalesce(po.sector, '')", "coalesce(po.sector, '')"),
        ORG_TYPE("coalesce(po.org_type, '')", "coalesce(po.org_type, '')"),
        ALL("0", "'合计'");

        final String key;
        final String name;

        Grouping(String key, String name) {
            this.key = key;
            this.name = name;
        }
    }

    /** Star and 双强 counts by a grouping: one aggregate query, pivoted here. */
    List<CountRow> counts(Selection s, Grouping g) {
        RatingScheme scheme = s.scheme();
        int max = Math.max(scheme.maxStars(), 0);
        String ds = "case when e.strong_party and e.strong_development then 1 else 0 end";
        String stars = "coalesce(e.stars, 0)";
        String sql;
        if (g == Grouping.AREA) {
            sql = "select " + g.key + " k, " + g.name + " nm, coalesce(a.sort_order, -1) so, " + stars + " st, " + ds
                    + " ds, count(*) c " + BASE + " group by " + g.key + ", " + g.name + ", coalesce(a.sort_order, -1), "
                    + stars + ", " + ds + " order by coalesce(a.sort_order, -1), " + g.key;
        } else if (g == Grouping.ALL) {
            // no constant in the grouping: PostgreSQL reads a number there as a column position
            sql = "select " + stars + " st, " + ds + " ds, count(*) c " + BASE + " group by " + stars + ", " + ds;
        } else {
            sql = "select " + g.key + " k, " + g.name + " nm, " + stars + " st, " + ds + " ds, count(*) c " + BASE
                    + " group by " + g.key + ", " + g.name + ", " + stars + ", " + ds + " order by " + g.key;
        }
        Map<String, long[]> cells = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        // cells: [0..max] by stars, then 双强, 五星双强, 四星双强, total
        bind(jdbc.sql(sql), s).query((rs, i) -> {
            String key = g == Grouping.ALL ? "0" : rs.getString("k");
            names.putIfAbsent(key, g == Grouping.ALL ? "合计" : rs.getString("nm"));
            long[] c = cells.computeIfAbsent(key, k -> new long[max + 5]);
            int st = Math.min(Math.max(rs.getInt("st"), 0), max);
            boolean doubleStrong = rs.getInt("ds") == 1;
            long n = rs.getLong("c");
            c[st] += n;
            if (doubleStrong) {
                c[max + 1] += n;
                if (st == max && max > 0) {
                    c[max + 2] += n;
                }
                if (st == max - 1 && max > 1) {
                    c[max + 3] += n;
                }
            }
            c[max + 4] += n;
            return null;
        }).list();
        List<CountRow> rows = new ArrayList<>();
        for (var e : cells.entrySet()) {
            String name = names.get(e.getKey());
            if (g == Grouping.SECTOR && !name.isEmpty()) {
                name = PartySector.valueOf(name).label();
            } else if (name.isEmpty()) {
                name = "未分类";
            }
            rows.add(row(e.getKey(), name, e.getValue(), max));
        }
        return rows;
    }

    /** The whole scope's counts (a single row; all zero when nothing was rated). */
    CountRow total(Selection s) {
        List<CountRow> rows = counts(s, Grouping.ALL);
        return rows.isEmpty() ? row("0", "合计", new long[Math.max(s.scheme().maxStars(), 0) + 5],
                Math.max(s.scheme().maxStars(), 0)) : rows.get(0);
    }

    private static CountRow row(String key, String name, long[] c, int max) {
        long total = c[max + 4];
        long three = 0;
        for (int st = 3; st <= max; st++) {
            three += c[st];
        }
        List<Long> byStars = Arrays.stream(Arrays.copyOf(c, max + 1)).boxed().toList();
        return new CountRow(key, name, total, byStars, c[max + 1], c[max + 2], c[max + 3], three, share(three, total));
    }

    static BigDecimal share(long part, long total) {
        return total == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(total), 1,
                RoundingMode.HALF_UP);
    }

    /**
     * The ranking of the selection (optionally within one area or one sector: ranks are then within it), by points,
     * ties sharing a rank; with each organisation's stars and points in the previous year's rounds.
     */
    List<RankRow> ranking(Selection s, Long areaId, String sector) {
        String filter = (areaId != null ? " and coalesce(a.id, 0) = :areaId" : "")
                + (sector != null ? " and po.sector = :sector" : "");
        String sql = "select rank() over (order by coalesce(e.points, 0) desc) rk, e.node_id, n.name, "
                + "coalesce(a.name, '本级') area, po.sector, po.org_type, e.points, coalesce(e.stars, 0) stars, "
                + "e.strong_party, e.strong_development, e.vetoed, e.stage, e.published_stars, e.withdrawn, "
                + "p.id pid, p.stars pstars, p.points ppoints " + base(
                " left join rating_entry p on p.node_id = e.node_id and p.round_id in (:previous)")
                + filter + " order by rk, n.sort_order, n.id";
        var spec = bind(jdbc.sql(sql), s).param("previous", s.previousIds());
        if (areaId != null) {
            spec = spec.param("areaId", areaId);
        }
        if (sector != null) {
            spec = spec.param("sector", sector);
        }
        RatingScheme scheme = s.scheme();
        boolean hasPrevious = !s.previousRounds().isEmpty();
        return spec.query((rs, i) -> {
            int stars = rs.getInt("stars");
            boolean ds = rs.getBoolean("strong_party") && rs.getBoolean("strong_development");
            BigDecimal points = rs.getBigDecimal("points");
            boolean first = rs.getObject("pid") == null;
            Integer pstars = first ? null : rs.getInt("pstars");
            BigDecimal ppoints = first ? null : rs.getBigDecimal("ppoints");
            String movement = first ? "NEW" : stars > pstars ? "UP" : stars < pstars ? "DOWN" : "SAME";
            String sectorCode = rs.getString("sector");
            return new RankRow(rs.getLong("rk"), rs.getLong("node_id"), rs.getString("name"), rs.getString("area"),
                    sectorCode == null ? "" : PartySector.valueOf(sectorCode).label(), rs.getString("org_type"),
                    points, stars, scheme.title(stars, ds), ds, rs.getBoolean("vetoed"), rs.getString("stage"),
                    (Integer) rs.getObject("published_stars", Integer.class), rs.getBoolean("withdrawn"), pstars,
                    ppoints, movement, hasPrevious || !first ? label(movement) : "—",
                    points != null && ppoints != null ? points.subtract(ppoints) : null);
        }).list();
    }

    static String label(String movement) {
        return switch (movement) {
            case "UP" -> "升星";
            case "DOWN" -> "降星";
            case "SAME" -> "持平";
            default -> "新参评";
        };
    }

    static Movements movements(Selection s, List<RankRow> all) {
        long up = 0;
        long down = 0;
        long same = 0;
        long first = 0;
        for (RankRow r : all) {
            switch (r.movement()) {
                case "UP" -> up++;
                case "DOWN" -> down++;
                case "SAME" -> same++;
                default -> first++;
            }
        }
        return new Movements(!s.previousRounds().isEmpty(), up, down, same, first);
    }

    /** Organisations whose stars now are below those published (摘星), with the last 摘星 step. */
    List<Withdrawn> withdrawn(Selection s) {
        String sql = "select e.node_id, n.name, coalesce(a.name, '本级') area, e.published_stars, coalesce(e.stars, 0) st, "
                + "w.comment, w.actor, w.at " + base(" left join rating_step w on w.id = (select "
                + "max(x.id) from rating_step x where x.entry_id = e.id and x.action = 'WITHDRAW')")
                + " and e.published_stars is not null and (e.withdrawn or coalesce(e.stars, 0) < e.published_stars)"
                + " order by n.sort_order, n.id";
        return bind(jdbc.sql(sql), s).query((rs, i) -> {
            Timestamp at = rs.getTimestamp("at");
            return new Withdrawn(rs.getLong("node_id"), rs.getString("name"), rs.getString("area"),
                    rs.getInt("published_stars"), rs.getInt("st"), rs.getString("comment"), rs.getString("actor"),
                    at == null ? null : at.toLocalDateTime());
        }).list();
    }

    /** The areas with rated organisations, for the ranking's filter. */
    List<Option> areas(Selection s) {
        return bind(jdbc.sql("select distinct coalesce(a.id, 0) id, coalesce(a.name, '本级') nm, "
                + "coalesce(a.sort_order, -1) so " + BASE + " order by so, id"), s)
                .query((rs, i) -> new Option(rs.getString("id"), rs.getString("nm"))).list();
    }

    /** An organisation's score sheet as the export lists it: the points now per criterion code. */
    record SheetRow(String name, String areaName, Map<String, BigDecimal> points, BigDecimal total, int stars,
                    String title, boolean doubleStrong, boolean vetoed, String stage) {
    }

    /** Every score sheet of the selection in scope: two queries (entries, then all their score rows). */
    List<SheetRow> sheets(Selection s) {
        Map<Long, Map<String, BigDecimal>> scores = new java.util.HashMap<>();
        bind(jdbc.sql("select sc.entry_id, sc.criterion_code, sc.points from rating_score sc where sc.entry_id in "
                + "(select e.id " + BASE + ")"), s)
                .query((rs, i) -> scores.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>())
                        .put(rs.getString(2), rs.getBigDecimal(3))).list();
        RatingScheme scheme = s.scheme();
        return bind(jdbc.sql("select e.id, n.name, coalesce(a.name, '本级') area, e.points, coalesce(e.stars, 0) st, "
                + "e.strong_party, e.strong_development, e.vetoed, e.stage " + BASE
                + " order by coalesce(a.sort_order, -1), coalesce(a.id, 0), n.sort_order, n.id"), s)
                .query((rs, i) -> {
                    boolean ds = rs.getBoolean("strong_party") && rs.getBoolean("strong_development");
                    int stars = rs.getInt("st");
                    return new SheetRow(rs.getString("name"), rs.getString("area"),
                            scores.getOrDefault(rs.getLong("id"), Map.of()), rs.getBigDecimal("points"), stars,
                            scheme.title(stars, ds), ds, rs.getBoolean("vetoed"), rs.getString("stage"));
                }).list();
    }
}
