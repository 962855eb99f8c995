package cn.zugong.lighting.internal;

import cn.zugong.shared.OrgScope;
import cn.zugong.shared.legend.Colour;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 赋分和排名, from the lights (one aggregate query per question):
 * task score = points of its colour × weight; unit (or list) score of a month = Σ(points × weight) / Σ weight
 * over the tasks it leads, 0–100; units are ranked within their tier (市直 / 区县直属 / 乡镇) by score,
 * equal scores sharing a rank (1, 2, 2, 4); movement = last month's rank − this month's (+ = up).
 */
@Service
public class Scoring {

    public static final String FORMULA = "任务得分 = 颜色分值 × 任务权重；单位月度得分 = Σ(颜色分值 × 权重) ÷ Σ权重"
            + "（按该单位牵头的全部任务，满分 100）；清单得分同理按全部任务计算；同类单位（市直单位、区县直属单位、乡镇街道）"
            + "按得分从高到低排名，得分相同名次并列；排名变化 = 上月名次 − 本月名次（正数为上升）。";

    private final JdbcClient jdbc;

    Scoring(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A period's 亮灯台 figures in a scope: key tasks, lights and of them green (绿灯率 = green ÷ lights). */
    public record PeriodFigures(long tasks, long lights, long green) {
        @JsonProperty("greenShare")
        public BigDecimal greenShare() {
            return lights == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(green * 100L)
                    .divide(BigDecimal.valueOf(lights), 2, RoundingMode.HALF_UP);
        }
    }

    /**
     * The figures of a period (the board's year line, {@code GET /api/lighting/figures}, the annual review): the
     * tasks led by a unit in the scope on the lists of the years the period touches, and the lights of the months it
     * touches at the scope's units (as {@link #trend} counts them). Two aggregates.
     */
    public PeriodFigures period(OrgScope scope, LocalDate from, LocalDate to) {
        long tasks = jdbc.sql("select count(*) from lighting_task t join lighting_list l on l.id = t.list_id "
                        + "where l.list_year between :fromYear and :toYear and " + OrgScope.sqlContains("t.lead_unit_id"))
                .param("fromYear", from.getYear()).param("toYear", to.getYear())
                .param("scopePath", scope.pathPattern()).query(Long.class).single();
        return jdbc.sql("select count(*), coalesce(sum(case when l.colour = 'GREEN' then 1 else 0 end), 0) "
                        + "from lighting_light l where l.period between :fromMonth and :toMonth and "
                        + OrgScope.sqlContains("l.unit_id"))
                .param("fromMonth", Period.of(from).code()).param("toMonth", Period.of(to).code())
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> new PeriodFigures(tasks, rs.getLong(1), rs.getLong(2))).single();
    }

    public record UnitScore(long unitId, String unitName, String tier, int tasks, Map<Colour, Integer> colours,
                            BigDecimal score, int rank, Integer previousRank, BigDecimal previousScore) {

        public Integer movement() {
            return previousRank == null ? null : previousRank - rank;
        }

        public int count(Colour c) {
            return colours.getOrDefault(c, 0);
        }
    }

    public record MonthFigures(Period period, Map<Colour, Integer> colours, BigDecimal score, boolean provisional) {
        public int count(Colour c) {
            return colours.getOrDefault(c, 0);
        }

        public int total() {
            return colours.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static String tierLabel(String tier) {
        if (tier == null) {
            return "其他单位";
        }
        return switch (tier) {
            case "市直" -> "市直单位";
            case "县直" -> "区县直属单位";
            case "乡镇" -> "乡镇（街道）";
            default -> tier;
        };
    }

    /**
     * Ranking of the month: ranks are computed over all units of the list (so a district sees the same
     * ranks as the city), and only the units inside {@code scope} are returned; ordered by tier, then rank.
     */
    public List<UnitScore> ranking(long listId, Period period, OrgScope scope) {
        Period previous = period.previous();
        Map<Integer, Map<Long, Row>> byPeriod = new HashMap<>();
        jdbc.sql("select l.period, l.unit_id, n.name, n.path, u.tier, l.colour, count(*) c, sum(l.points * l.weight) pw, "
                        + "sum(l.weight) w from lighting_light l join org_node n on n.id = l.unit_id "
                        + "left join unit u on u.node_id = l.unit_id where l.list_id = :l and l.period in (:p, :q) "
                        + "group by l.period, l.unit_id, n.name, n.path, u.tier, l.colour")
                .param("l", listId).param("p", period.code())
                .param("q", previous.year() == period.year() ? previous.code() : period.code())
                .query((rs, i) -> {
                    String name = rs.getString(3);
                    String path = rs.getString(4);
                    String tier = tierLabel(rs.getString(5));
                    Row row = byPeriod.computeIfAbsent(rs.getInt(1), k -> new HashMap<>()).computeIfAbsent(rs.getLong(2),
                            k -> new Row(k, name, path, tier));
                    row.colours.merge(Colour.of(rs.getString(6)), rs.getInt(7), Integer::sum);
                    row.pointsWeight = row.pointsWeight.add(rs.getBigDecimal(8));
                    row.weight = row.weight.add(rs.getBigDecimal(9));
                    return null;
                }).list();
        Map<Long, Row> now = byPeriod.getOrDefault(period.code(), Map.of());
        Map<Long, Row> before = previous.year() == period.year() ? byPeriod.getOrDefault(previous.code(), Map.of())
                : Map.of();
        Map<Long, Integer> ranksNow = ranks(now.values());
        Map<Long, Integer> ranksBefore = ranks(before.values());
        List<UnitScore> out = new ArrayList<>();
        for (Row r : now.values()) {
            if (!scope.contains(r.path)) {
                continue;
            }
            Row b = before.get(r.unitId);
            out.add(new UnitScore(r.unitId, r.name, r.tier, r.colours.values().stream().mapToInt(Integer::intValue).sum(),
                    r.colours, r.score(), ranksNow.get(r.unitId), ranksBefore.get(r.unitId), b == null ? null : b.score()));
        }
        out.sort(Comparator.comparing(UnitScore::tier).thenComparing(UnitScore::rank).thenComparing(UnitScore::unitName));
        return out;
    }

    /**
     * The year's score of each area: Σ(points × weight) ÷ Σ weight over the lights of the closed months of the
     * year's lists, for the tasks led by the area or any unit below it (the monthly unit score, taken over the
     * whole year). Area id → score (1 decimal); areas leading no lit task are left out. One query.
     */
    public Map<Long, BigDecimal> yearScores(java.util.Collection<Long> areaIds, int year) {
        Map<Long, BigDecimal> out = new HashMap<>();
        if (areaIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select a.id, sum(l.points * l.weight), sum(l.weight) from lighting_light l"
                        + " join lighting_month m on m.list_id = l.list_id and m.period = l.period and m.status = 'CLOSED'"
                        + " join org_node n on n.id = l.unit_id join org_node a on n.path like a.path || '%'"
                        + " where l.period between :first and :last and a.id in (:areas) group by a.id")
                .param("first", year * 100 + 1).param("last", year * 100 + 12).param("areas", areaIds)
                .query(rs -> {
                    out.put(rs.getLong(1), score(rs.getBigDecimal(2), rs.getBigDecimal(3)));
                });
        return out;
    }

    /** Competition ranking (1, 2, 2, 4) by score within each tier. */
    static Map<Long, Integer> ranks(java.util.Collection<Row> rows) {
        Map<String, List<Row>> tiers = new LinkedHashMap<>();
        rows.forEach(r -> tiers.computeIfAbsent(r.tier, k -> new ArrayList<>()).add(r));
        Map<Long, Integer> ranks = new HashMap<>();
        for (List<Row> tier : tiers.values()) {
            tier.sort(Comparator.comparing(Row::score).reversed());
            for (int i = 0; i < tier.size(); i++) {
                boolean tie = i > 0 && tier.get(i).score().compareTo(tier.get(i - 1).score()) == 0;
                ranks.put(tier.get(i).unitId, tie ? ranks.get(tier.get(i - 1).unitId) : i + 1);
            }
        }
        return ranks;
    }

    /** Colour counts and list score of every lit month of the list's year, for the tasks inside the scope. */
    public List<MonthFigures> trend(long listId, OrgScope scope) {
        Map<Integer, Map<Colour, Integer>> colours = new LinkedHashMap<>();
        Map<Integer, BigDecimal[]> sums = new HashMap<>();
        Map<Integer, Boolean> provisional = new HashMap<>();
        jdbc.sql("select l.period, l.colour, count(*), sum(l.points * l.weight), sum(l.weight), "
                        + "max(case when m.status = 'CLOSED' then 0 else 1 end) from lighting_light l left join lighting_month m "
                        + "on m.list_id = l.list_id and m.period = l.period where l.list_id = :l and "
                        + OrgScope.sqlContains("l.unit_id") + " group by l.period, l.colour order by l.period")
                .param("l", listId).param("scopePath", scope.pathPattern())
                .query((rs, i) -> {
                    int p = rs.getInt(1);
                    colours.computeIfAbsent(p, k -> new EnumMap<>(Colour.class)).put(Colour.of(rs.getString(2)),
                            rs.getInt(3));
                    BigDecimal[] s = sums.computeIfAbsent(p, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    s[0] = s[0].add(rs.getBigDecimal(4));
                    s[1] = s[1].add(rs.getBigDecimal(5));
                    provisional.merge(p, rs.getInt(6) == 1, Boolean::logicalOr);
                    return null;
                }).list();
        List<MonthFigures> out = new ArrayList<>();
        colours.forEach((p, c) -> out.add(new MonthFigures(Period.of(p), c, score(sums.get(p)[0], sums.get(p)[1]),
                provisional.get(p))));
        return out;
    }

    static BigDecimal score(BigDecimal pointsWeight, BigDecimal weight) {
        return weight.signum() == 0 ? BigDecimal.ZERO : pointsWeight.divide(weight, 1, RoundingMode.HALF_UP);
    }

    static final class Row {
        final long unitId;
        final String name;
        final String path;
        final String tier;
        final Map<Colour, Integer> colours = new EnumMap<>(Colour.class);
        BigDecimal pointsWeight = BigDecimal.ZERO;
        BigDecimal weight = BigDecimal.ZERO;

        Row(long unitId, String name, String path, String tier) {
            this.unitId = unitId;
            this.name = name;
            this.path = path;
            this.tier = tier;
        }

        BigDecimal score() {
            return Scoring.score(pointsWeight, weight);
        }
    }
}
