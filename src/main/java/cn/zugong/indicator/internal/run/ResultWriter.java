package cn.zugong.indicator.internal.run;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.NodeLevel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an evaluation's result rows (ADR 054) — about three million for the province. On PostgreSQL,
 * where indicator_result is partitioned by evaluation (V64): COPY into a new table without indexes, then
 * its primary key built once, the evaluation's key checked once, and the table
 * attached as the run's partition. Batched INSERTs spent most of their time on the per-row foreign-key
 * trigger and index insertions. On H2 the batch insert of {@link ResultStore} stays (H2 has no COPY; it is
 * the development database).
 */
@Component
class ResultWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ResultWriter.class);

    /** After "copy <table>". */
    private static final String COPY = """
             (evaluation_id, node_id, indicator_code, rollup, numerator, denominator, result_value, colour, advice)
            from stdin with (format csv)""";
    /** Bytes handed to the driver at once. */
    private static final int CHUNK = 1 << 20;

    private final JdbcTemplate jdbc;
    private final ResultStore store;
    private final TransactionTemplate tx;
    private final int threads;
    private final String keySortMemory;
    private volatile Boolean postgres;

    ResultWriter(JdbcTemplate jdbc, ResultStore store, PlatformTransactionManager transactions,
                 @Value("${zugong.healthcheck.store-threads:2}") int threads,
                 @Value("${zugong.healthcheck.key-sort-memory:512MB}") String keySortMemory) {
        this.keySortMemory = keySortMemory;
        this.jdbc = jdbc;
        this.threads = threads;
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Writes every applicable node × indicator of the computation; returns the row count. */
    int write(long evaluationId, Computation c, List<Indicator> indicators) {
        if (!isPostgres()) {
            return store.insert(evaluationId, c, indicators);
        }
        String table = "indicator_result_e" + evaluationId;
        // a table of its own, indexless while it fills; the check makes attaching it need no scan
        jdbc.execute("create table " + table + " (like indicator_result including defaults, check (evaluation_id = "
                + evaluationId + "))");
        try {
            long start = System.nanoTime();
            ColourTally tally = new ColourTally(evaluationId);
            int rows = fill(table, c, indicators, tally);
            long keyed = System.nanoTime();
            log.debug("evaluation {}: {} rows copied in {} ms", evaluationId, rows, (keyed - start) / 1_000_000);
            tx.executeWithoutResult(s -> {
                // the one key check of the run: the evaluation exists and stays until its rows are in
                Long found = jdbc.query("select id from indicator_evaluation where id = ? for key share",
                        rs -> rs.next() ? rs.getLong(1) : null, evaluationId);
                if (found == null) {
                    throw new IllegalStateException("体检记录不存在：" + evaluationId);
                }
                long t0 = System.nanoTime();
                // the key's sort in memory (~3 M entries of ~70 bytes: an external merge with the default 64 MB)
                if (!keySortMemory.isBlank()) {
                    jdbc.execute("set local maintenance_work_mem = '" + keySortMemory.replace("'", "") + "'");
                }
                jdbc.execute("alter table " + table + " add primary key (evaluation_id, node_id, indicator_code)");
                log.debug("evaluation {}: primary key built in {} ms", evaluationId, (System.nanoTime() - t0) / 1_000_000);
                jdbc.execute("alter table indicator_result attach partition " + table + " for values in ("
                        + evaluationId + ")");
                tally.copy(jdbc);
            });
            log.debug("evaluation {}: primary key, key check and partition attached in {} ms", evaluationId, (System.nanoTime() - keyed) / 1_000_000);
            return rows;
        } catch (RuntimeException e) {
            jdbc.execute("drop table if exists " + table);
            throw e;
        }
    }

    /**
     * The COPY, by default in two halves side by side (zugong.healthcheck.store-threads=1: one stream). Since the
     * rows are written as bytes without building each cell, the server's parsing is the larger part, and two
     * streams split it over both cores (ADR 054, 2026-12-06: 3.0 s one stream, 2.1 s two, server side alone).
     */
    private int fill(String table, Computation c, List<Indicator> indicators, ColourTally tally) {
        int nodes = c.nodes().size();
        if (threads < 2 || nodes < 1_000) {
            return copyPart(table, c, indicators, 0, nodes, tally);
        }
        // each half on its own connection: formatting the rows (colour and advice of each cell) and
        // PostgreSQL's parsing and insert keep both cores busy
        int half = nodes / 2;
        ColourTally secondTally = new ColourTally(tally.evaluationId());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                () -> copyPart(table, c, indicators, half, nodes, secondTally));
        int first;
        try {
            first = copyPart(table, c, indicators, 0, half, tally);
        } catch (RuntimeException e) {
            second.exceptionally(x -> 0).join(); // let it end before the caller drops the table
            throw e;
        }
        try {
            int rows = first + second.join();
            tally.with(secondTally);
            return rows;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private int copyPart(String table, Computation c, List<Indicator> indicators, int from, int to,
                         ColourTally tally) {
        Integer rows = tx.execute(s -> jdbc.execute((ConnectionCallback<Integer>) con -> copy(con, table, c,
                indicators, from, to, tally)));
        return rows == null ? 0 : rows;
    }

    private int copy(Connection con, String table, Computation c, List<Indicator> indicators, int from, int to,
                     ColourTally tally) throws SQLException {
        long evaluationId = tally.evaluationId();
        CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + COPY);
        long[] sending = {0}; // ns spent handing bytes to the driver (it blocks while the server is behind)
        try {
            int rows = 0;
            ScopeNodes nodes = c.nodes();
            int n = indicators.size();
            byte[][] codes = new byte[n][];
            byte[][] codesOfRollups = new byte[n][];
            for (int i = 0; i < n; i++) {
                codes[i] = (indicators.get(i).code() + ",f,").getBytes(StandardCharsets.US_ASCII);
                codesOfRollups[i] = (indicators.get(i).code() + ",t,").getBytes(StandardCharsets.US_ASCII);
            }
            ResultCell.Rules rules = new ResultCell.Rules(indicators);
            CsvBytes text = new CsvBytes(CHUNK + 4096);
            for (int k = from; k < to; k++) {
                byte[] prefix = (evaluationId + "," + nodes.ids()[k] + ",").getBytes(StandardCharsets.US_ASCII);
                byte[][] code = nodes.isRollup(k) ? codesOfRollups : codes;
                NodeLevel level = nodes.level(k);
                for (int i = 0; i < n; i++) {
                    if (!c.applies(k, i)) {
                        continue;
                    }
                    text.bytes(prefix).bytes(code[i]);
                    tally.count(rules.rule(i, level).csv(text, c.numerator(k, i), c.denominator(k, i)));
                    rows++;
                    if (text.size() >= CHUNK) {
                        send(copy, text, sending);
                    }
                }
                tally.endNode(nodes.ids()[k], nodes.isRollup(k));
            }
            send(copy, text, sending);
            long sent = System.nanoTime();
            copy.endCopy();
            log.debug("copy of nodes {}..{}: {} ms sending, {} ms end", from, to, sending[0] / 1_000_000,
                    (System.nanoTime() - sent) / 1_000_000);
            return rows;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void send(CopyIn copy, CsvBytes text, long[] sending) throws SQLException {
        long t = System.nanoTime();
        copy.writeToCopy(text.array(), 0, text.size());
        text.clear();
        sending[0] += System.nanoTime() - t;
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) con ->
                    con.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
        }
        return postgres;
    }
}
