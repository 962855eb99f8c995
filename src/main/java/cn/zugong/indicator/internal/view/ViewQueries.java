package cn.zugong.indicator.internal.view;

import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.EvaluationViews.Cell;
import cn.zugong.indicator.EvaluationViews.TrendPoint;
import cn.zugong.indicator.PackId;
import cn.zugong.shared.OrgScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ViewQueries {

    private static final String EVALUATION = """
            select e.id, e.as_of, e.pack_code, e.pack_version, e.scope_node_id, e.created_by, e.created_at, e.status,
                   e.unit_count, e.result_count, e.known_at
            from indicator_evaluation e join org_node s on s.id = e.scope_node_id
            where e.pack_code = :code and e.status = 'DONE' and :nodePath like s.path || '%'
            order by e.as_of desc, e.id desc
            """;

    private final JdbcClient jdbc;

    ViewQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Evaluation> latestCovering(String packCode, String nodePath) {
        return covering(packCode, nodePath).stream().findFirst();
    }

    public List<Evaluation> covering(String packCode, String nodePath) {
        return jdbc.sql(EVALUATION).param("code", packCode).param("nodePath", nodePath)
                .query(ViewQueries::evaluation).list();
    }

    public Map<String, Map<String, Long>> unitColourCounts(long evaluationId, OrgScope scope) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("select r.indicator_code, r.colour, count(*) from indicator_result r "
                        + "where r.evaluation_id = :e and r.rollup = false and r.colour is not null and "
                        + OrgScope.sqlContains("r.node_id") + " group by r.indicator_code, r.colour")
                .param("e", evaluationId).param("scopePath", scope.pathPattern())
                .query((ResultSet rs) -> {
                    counts.computeIfAbsent(rs.getString(1), c -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getLong(3));
                });
        return counts;
    }

    public List<cn.zugong.indicator.IndicatorResult> unitResultsOfColour(long evaluationId, String colour,
                                                                          OrgScope scope) {
        return jdbc.sql("""
                        select r.evaluation_id, r.node_id, r.indicator_code, r.rollup, r.numerator, r.denominator,
                               r.result_value, r.colour, r.advice
                        from indicator_result r
                        where r.evaluation_id = :e and r.rollup = false and r.colour = :colour and\s"""
                        + OrgScope.sqlContains("r.node_id") + " order by r.node_id, r.indicator_code")
                .param("e", evaluationId).param("colour", colour).param("scopePath", scope.pathPattern())
                .query((rs, i) -> new cn.zugong.indicator.IndicatorResult(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getBoolean(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        rs.getBigDecimal(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    /**
     * Node id → {red, coloured} results in the latest finished evaluation of the pack with {@code as_of} in the
     * period that has results for the node (latest = highest id). One query for all nodes: the period's
     * evaluations (few), then each node's results through the primary key.
     */
    public java.util.Map<Long, long[]> redCounts(String packCode, Collection<Long> nodeIds, java.time.LocalDate from,
                                                 java.time.LocalDate to) {
        java.util.Map<Long, long[]> out = new java.util.HashMap<>();
        if (nodeIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        with latest as (
                            select r.node_id, max(r.evaluation_id) as evaluation_id from indicator_result r
                            where r.node_id in (:nodes) and r.evaluation_id in (select ev.id from indicator_evaluation ev
                                where ev.pack_code = :code and ev.status = 'DONE' and ev.as_of between :from and :to)
                            group by r.node_id)
                        select r.node_id, coalesce(sum(case when r.colour = 'RED' then 1 else 0 end), 0), count(r.colour)
                        from latest join indicator_result r on r.evaluation_id = latest.evaluation_id
                            and r.node_id = latest.node_id
                        group by r.node_id""")
                .param("code", packCode).param("from", from).param("to", to).param("nodes", nodeIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return out;
    }

    public List<Cell> cells(long evaluationId, Collection<Long> nodeIds, OrgScope scope) {
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select r.node_id, r.indicator_code, r.result_value, r.colour from indicator_result r "
                        + "where r.evaluation_id = :e and r.node_id in (:ids) and " + OrgScope.sqlContains("r.node_id"))
                .param("e", evaluationId).param("ids", nodeIds).param("scopePath", scope.pathPattern())
                .query((rs, i) -> new Cell(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4)))
                .list();
    }

    public List<TrendPoint> trend(String packCode, long nodeId, String indicatorCode) {
        return jdbc.sql("""
                        select e.id, e.as_of, r.result_value, r.colour
                        from indicator_result r join indicator_evaluation e on e.id = r.evaluation_id
                        where e.pack_code = :code and e.status = 'DONE' and r.node_id = :node
                          and r.indicator_code = :indicator
                        order by e.as_of, e.id
                        """).param("code", packCode).param("node", nodeId).param("indicator", indicatorCode)
                .query((rs, i) -> new TrendPoint(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class),
                        rs.getBigDecimal(3), rs.getString(4)))
                .list();
    }

    /** Unit-level colour counts inside the scope for every finished evaluation covering it, oldest first. */
    public List<cn.zugong.indicator.EvaluationViews.ColourCount> colourTrend(String packCode, String nodePath,
                                                                            OrgScope scope) {
        return colourCounts(packCode, nodePath, scope, java.time.LocalDate.of(1900, 1, 1),
                java.time.LocalDate.of(9999, 12, 31));
    }

    /**
     * As {@link #colourTrend}, for the evaluations dated in the period only. Sums the units' colour tally (V95,
     * ADR 083) — about four rows per unit, where the results are about three hundred: over a province's runs the
     * count read every run's 3 M-row partition.
     */
    public List<cn.zugong.indicator.EvaluationViews.ColourCount> colourCounts(String packCode, String nodePath,
                                                                             OrgScope scope, java.time.LocalDate from,
                                                                             java.time.LocalDate to) {
        return jdbc.sql("""
                        select e.id, e.as_of, t.colour, sum(t.results) from indicator_evaluation e
                        join org_node s on s.id = e.scope_node_id
                        join indicator_colour_tally t on t.evaluation_id = e.id
                        where e.pack_code = :code and e.status = 'DONE' and :nodePath like s.path || '%'
                          and e.as_of between :from and :to and\s""" + OrgScope.sqlContains("t.node_id") + """
                        group by e.id, e.as_of, t.colour order by e.as_of, e.id
                        """).param("code", packCode).param("nodePath", nodePath).param("from", from).param("to", to)
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> new cn.zugong.indicator.EvaluationViews.ColourCount(rs.getLong(1),
                        rs.getObject(2, java.time.LocalDate.class), rs.getString(3), rs.getLong(4)))
                .list();
    }

    private static Evaluation evaluation(ResultSet rs, int row) throws SQLException {
        return new Evaluation(rs.getLong("id"), rs.getObject("as_of", java.time.LocalDate.class),
                new PackId(rs.getString("pack_code"), rs.getInt("pack_version")), rs.getLong("scope_node_id"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("status"),
                rs.getInt("unit_count"), rs.getInt("result_count"),
                rs.getTimestamp("known_at") == null ? null : rs.getTimestamp("known_at").toLocalDateTime());
    }
}
