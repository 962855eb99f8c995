package cn.zugong.indicator.internal.run;

import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorResult;
import cn.zugong.indicator.PackId;
import cn.zugong.indicator.ResultChange;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.legend.Colour;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The evaluation tables: runs, their results (with their colour tally, V95), and the queries over them. */
@Repository
public class ResultStore {

    private static final int BATCH = 2_000;
    /** Rows per transaction when a run is written: a province run is millions of rows. */
    private static final int ROWS_PER_TRANSACTION = 100_000;
    private static final String INSERT = """
            insert into indicator_result (evaluation_id, node_id, indicator_code, rollup, numerator, denominator,
                                          result_value, colour, advice)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String SELECT_EVALUATION = """
            select id, as_of, pack_code, pack_version, scope_node_id, created_by, created_at, status, unit_count,
                   result_count, known_at
            from indicator_evaluation
            """;
    private static final String SELECT_RESULT = """
            select r.evaluation_id, r.node_id, r.indicator_code, r.rollup, r.numerator, r.denominator, r.result_value,
                   r.colour, r.advice
            from indicator_result r
            """;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    ResultStore(JdbcTemplate template, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        this.template = template;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    public long begin(LocalDate asOf, PackId pack, long scopeNodeId, String createdBy) {
        LocalDateTime now = LocalDateTime.now(clock);
        return begin(asOf, now, now, pack, scopeNodeId, createdBy);
    }

    /**
     * Starts an evaluation row that read the roster as known at {@code knownAt}, started at {@code startedAt}
     * (equal when the run read the latest knowledge: Evaluation#knowsLatest).
     */
    public long begin(LocalDate asOf, LocalDateTime knownAt, LocalDateTime startedAt, PackId pack, long scopeNodeId,
                      String createdBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        LocalDateTime now = startedAt;
        template.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    insert into indicator_evaluation (as_of, pack_code, pack_version, scope_node_id, created_by,
                                                      created_at, status, known_at)
                    values (?, ?, ?, ?, ?, ?, 'RUNNING', ?)
                    """, new String[] {"id"});
            ps.setObject(1, asOf);
            ps.setString(2, pack.code());
            ps.setInt(3, pack.version());
            ps.setLong(4, scopeNodeId);
            ps.setString(5, createdBy);
            ps.setTimestamp(6, Timestamp.valueOf(now));
            ps.setTimestamp(7, Timestamp.valueOf(knownAt));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Writes every applicable node × indicator, in batches and chunked transactions; returns the row count. */
    public int insert(long evaluationId, Computation c, List<Indicator> indicators) {
        ScopeNodes nodes = c.nodes();
        int n = indicators.size();
        List<Object[]> rows = new ArrayList<>(BATCH);
        int[] written = {0};
        ResultCell.Rules rules = new ResultCell.Rules(indicators);
        ColourTally tally = new ColourTally(evaluationId);
        int node = 0;
        while (node < nodes.size()) {
            int from = node;
            int cells = 0;
            while (node < nodes.size() && cells < ROWS_PER_TRANSACTION) {
                cells += n;
                node++;
            }
            int to = node;
            tx.executeWithoutResult(s -> {
                for (int k = from; k < to; k++) {
                    for (int i = 0; i < n; i++) {
                        if (!c.applies(k, i)) {
                            continue;
                        }
                        ResultCell cell = rules.cell(i, nodes.level(k), c.numerator(k, i), c.denominator(k, i));
                        rows.add(row(evaluationId, nodes.ids()[k], indicators.get(i).code(), nodes.isRollup(k), cell));
                        tally.count(cell.colour() == null ? null : Colour.of(cell.colour()));
                        if (rows.size() == BATCH) {
                            flush(rows);
                            written[0] += BATCH;
                        }
                    }
                    tally.endNode(nodes.ids()[k], nodes.isRollup(k));
                }
                written[0] += rows.size();
                flush(rows);
                tally.insert(template);
            });
        }
        return written[0];
    }

    static Object[] row(long evaluationId, long nodeId, String code, boolean rollup, ResultCell cell) {
        return new Object[] {evaluationId, nodeId, code, rollup, cell.numerator(), cell.denominator(), cell.value(),
                cell.colour(), cell.advice()};
    }

    void flush(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate(INSERT, rows, rows.size(), (ps, r) -> {
            ps.setLong(1, (Long) r[0]);
            ps.setLong(2, (Long) r[1]);
            ps.setString(3, (String) r[2]);
            ps.setBoolean(4, (Boolean) r[3]);
            ps.setBigDecimal(5, (BigDecimal) r[4]);
            setDecimal(ps, 6, (BigDecimal) r[5]);
            setDecimal(ps, 7, (BigDecimal) r[6]);
            ps.setString(8, (String) r[7]);
            ps.setString(9, (String) r[8]);
        });
        rows.clear();
    }

    private static void setDecimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DECIMAL);
        } else {
            ps.setBigDecimal(i, v);
        }
    }

    public void finish(long evaluationId, int units, int results) {
        jdbc.sql("""
                        update indicator_evaluation set status = 'DONE', finished_at = :now, unit_count = :units,
                               result_count = :results where id = :id
                        """).param("now", Timestamp.valueOf(LocalDateTime.now(clock))).param("units", units)
                .param("results", results).param("id", evaluationId).update();
    }

    public void fail(long evaluationId) {
        jdbc.sql("delete from indicator_colour_tally where evaluation_id = :id").param("id", evaluationId).update();
        jdbc.sql("delete from indicator_result where evaluation_id = :id").param("id", evaluationId).update();
        jdbc.sql("update indicator_evaluation set status = 'FAILED', finished_at = :now where id = :id")
                .param("now", Timestamp.valueOf(LocalDateTime.now(clock))).param("id", evaluationId).update();
    }

    public Optional<Evaluation> find(long id) {
        return jdbc.sql(SELECT_EVALUATION + " where id = :id").param("id", id).query(ResultStore::evaluation)
                .optional();
    }

    /** The latest finished evaluation of the pack code whose scope node is {@code scopeNodeId}. */
    public Optional<Evaluation> latest(String packCode, long scopeNodeId) {
        return jdbc.sql(SELECT_EVALUATION + """
                         where pack_code = :code and scope_node_id = :node and status = 'DONE'
                         order by id desc limit 1
                        """).param("code", packCode).param("node", scopeNodeId)
                .query(ResultStore::evaluation).optional();
    }

    /** The finished evaluation of the same pack code and scope node just before this one. */
    public Optional<Evaluation> previous(Evaluation e) {
        return jdbc.sql(SELECT_EVALUATION + """
                         where pack_code = :code and scope_node_id = :node and status = 'DONE' and id < :id
                         order by id desc limit 1
                        """).param("code", e.pack().code()).param("node", e.scopeNodeId()).param("id", e.id())
                .query(ResultStore::evaluation).optional();
    }

    public List<IndicatorResult> resultsOfNode(long evaluationId, long nodeId) {
        return jdbc.sql(SELECT_RESULT + " where r.evaluation_id = :e and r.node_id = :n order by r.indicator_code")
                .param("e", evaluationId).param("n", nodeId).query(ResultStore::result).list();
    }

    public List<IndicatorResult> resultsOfIndicator(long evaluationId, String code, OrgScope scope) {
        return jdbc.sql(SELECT_RESULT + " where r.evaluation_id = :e and r.indicator_code = :c and "
                        + OrgScope.sqlContains("r.node_id") + " order by r.node_id")
                .param("e", evaluationId).param("c", code).param("scopePath", scope.pathPattern())
                .query(ResultStore::result).list();
    }

    /** Node × indicator pairs inside the scope whose value or colour differs from the previous evaluation. */
    public List<ResultChange> changes(long evaluationId, long previousId, OrgScope scope) {
        return jdbc.sql("""
                        select c.node_id, c.indicator_code, p.result_value as previous_value, c.result_value,
                               p.colour as previous_colour, c.colour
                        from indicator_result c
                        left join indicator_result p on p.evaluation_id = :prev and p.node_id = c.node_id
                                                    and p.indicator_code = c.indicator_code
                        where c.evaluation_id = :cur and\s""" + OrgScope.sqlContains("c.node_id") + """
                          and (p.node_id is null or p.result_value is distinct from c.result_value
                               or p.colour is distinct from c.colour)
                        order by c.node_id, c.indicator_code
                        """).param("prev", previousId).param("cur", evaluationId)
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> new ResultChange(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6))).list();
    }

    /**
     * Stored numerator and denominator (NaN if null) of one node, optionally only some indicators, for
     * re-checking a unit. Always one primary-key range (H2 would scan the whole run for "node_id in (…)").
     */
    public List<StoredCell> cells(long evaluationId, long nodeId, List<String> codes) {
        if (codes != null && codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select node_id, indicator_code, numerator, denominator from indicator_result
                        where evaluation_id = :e and node_id = :n""" + (codes == null ? "" : " and indicator_code in (:c)"))
                .param("e", evaluationId).param("n", nodeId).param("c", codes == null ? List.of("") : codes)
                .query((rs, i) -> new StoredCell(rs.getLong(1), rs.getString(2), rs.getDouble(3),
                        rs.getObject(4) == null ? Double.NaN : rs.getDouble(4))).list();
    }

    public record StoredCell(long nodeId, String code, double numerator, double denominator) {
    }

    /** Counts a unit's result colours again after {@link #delete} and {@link #flush} rewrote some of its results. */
    public void recountColours(long evaluationId, long unitId) {
        ColourTally.recount(template, evaluationId, unitId);
    }

    public void delete(long evaluationId, long nodeId, List<String> codes) {
        if (!codes.isEmpty()) {
            jdbc.sql("delete from indicator_result where evaluation_id = :e and node_id = :n and indicator_code in (:c)")
                    .param("e", evaluationId).param("n", nodeId).param("c", codes).update();
        }
    }

    private static Evaluation evaluation(ResultSet rs, int i) throws SQLException {
        return new Evaluation(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
                new PackId(rs.getString("pack_code"), rs.getInt("pack_version")), rs.getLong("scope_node_id"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("status"),
                rs.getInt("unit_count"), rs.getInt("result_count"), knownAt(rs));
    }

    private static IndicatorResult result(ResultSet rs, int i) throws SQLException {
        return new IndicatorResult(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9));
    }

    static LocalDateTime knownAt(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp("known_at");
        return t == null ? null : t.toLocalDateTime();
    }
}
