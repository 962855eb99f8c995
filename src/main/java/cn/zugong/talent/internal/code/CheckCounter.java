package cn.zugong.talent.internal.code;

import jakarta.annotation.PreDestroy;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts public verifications in batches: a verification is a read, and a database commit per read was most of the
 * verify endpoint's cost under load (ADR 058). Counts wait in memory until a batch is full, at most a second (the
 * scheduled flush) or until a reader asks ({@link #flush()} before every count query); a crash loses at most a
 * second of counts, never a verification's answer. Each node flushes its own: rows are independent inserts.
 */
@Component
public class CheckCounter {

    static final int BATCH = 500;

    private final ConcurrentLinkedQueue<Object[]> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final JdbcTemplate jdbc;
    /** A transaction of its own: a flush may start inside a reader's (read-only) transaction. */
    private final TransactionTemplate own;

    CheckCounter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void count(LocalDateTime at, String channel, Outcome outcome, Long codeId) {
        pending.add(new Object[] {Date.valueOf(at.toLocalDate()), Timestamp.valueOf(at), channel, outcome.name(), codeId});
        if (size.incrementAndGet() >= BATCH) {
            flush();
        }
    }

    /** Writes every waiting count now, in one batch. */
    @Scheduled(fixedDelay = 1000)
    @PreDestroy
    public synchronized void flush() {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row = pending.poll(); row != null; row = pending.poll()) {
            rows.add(row);
            size.decrementAndGet();
        }
        if (!rows.isEmpty()) {
            own.executeWithoutResult(status -> jdbc.batchUpdate("insert into talent_code_check (checked_on, "
                    + "checked_at, channel, outcome, code_id) values (?, ?, ?, ?, ?)", rows));
        }
    }
}
