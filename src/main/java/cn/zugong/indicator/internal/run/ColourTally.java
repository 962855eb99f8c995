package cn.zugong.indicator.internal.run;

import cn.zugong.shared.legend.Colour;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many of each unit's results got each colour (indicator_colour_tally, V95, ADR 083), counted while the results
 * are written: a scope's colour counts then sum about four rows per unit instead of reading its ~300 results.
 * Not thread-safe: one per writing thread.
 */
final class ColourTally {

    private static final Colour[] COLOURS = Colour.values();
    private static final String INSERT =
            "insert into indicator_colour_tally (evaluation_id, node_id, colour, results) values (?, ?, ?, ?)";

    private final long evaluationId;
    private final int[] counts = new int[COLOURS.length];
    private final List<Row> rows = new ArrayList<>();

    /** One tally row of this evaluation. */
    private record Row(long nodeId, String colour, int results) {
    }

    ColourTally(long evaluationId) {
        this.evaluationId = evaluationId;
    }

    /** One result of the current node; null: uncoloured. */
    void count(Colour colour) {
        if (colour != null) {
            counts[colour.ordinal()]++;
        }
    }

    /** Ends the current node: a unit's counts become rows, a roll-up's are dropped (its units are counted). */
    void endNode(long nodeId, boolean rollup) {
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && !rollup) {
                rows.add(new Row(nodeId, COLOURS[c].code(), counts[c]));
            }
            counts[c] = 0;
        }
    }

    /** Adds another thread's rows to these. */
    ColourTally with(ColourTally other) {
        rows.addAll(other.rows);
        return this;
    }

    long evaluationId() {
        return evaluationId;
    }

    /** Inserts the rows counted so far (in the caller's transaction, H2) and forgets them. */
    void insert(JdbcTemplate jdbc) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows, 2_000, (ps, r) -> {
                ps.setLong(1, evaluationId);
                ps.setLong(2, r.nodeId());
                ps.setString(3, r.colour());
                ps.setInt(4, r.results());
            });
            rows.clear();
        }
    }

    /**
     * The rows counted so far by COPY (PostgreSQL, in the caller's transaction), then forgotten: a province run's
     * ~38,000 rows in ~30 ms, where the batched insert took ~250 ms.
     */
    void copy(JdbcTemplate jdbc) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 32);
        for (Row r : rows) {
            csv.append(evaluationId).append(',').append(r.nodeId()).append(',').append(r.colour()).append(',')
                    .append(r.results()).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.US_ASCII);
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy indicator_colour_tally (evaluation_id, node_id, colour, results) from stdin with (format csv)",
                        new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        rows.clear();
    }

    /** Counts one unit's stored results again (after a re-check rewrote some of them). */
    static void recount(JdbcTemplate jdbc, long evaluationId, long unitId) {
        jdbc.update("delete from indicator_colour_tally where evaluation_id = ? and node_id = ?", evaluationId, unitId);
        jdbc.update("""
                insert into indicator_colour_tally (evaluation_id, node_id, colour, results)
                select evaluation_id, node_id, colour, count(*) from indicator_result
                where evaluation_id = ? and node_id = ? and rollup = false and colour is not null
                group by evaluation_id, node_id, colour""", evaluationId, unitId);
    }
}
