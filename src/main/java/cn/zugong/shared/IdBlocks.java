package cn.zugong.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hands out ids from a database sequence that increments by {@link #BLOCK}: one round trip per
 * thousand rows, so batch writers know ids (for child rows) without a query per row.
 */
public final class IdBlocks {

    public static final int BLOCK = 1000;

    private final JdbcClient jdbc;
    private final String sequence;
    private long next;
    private long end;

    public IdBlocks(JdbcClient jdbc, String sequence) {
        this.jdbc = jdbc;
        this.sequence = sequence;
    }

    public synchronized long next() {
        if (next >= end) {
            next = jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
            end = next + BLOCK;
        }
        return next++;
    }
}
