package cn.zugong.indicator.internal.compile;

import java.util.List;

/**
 * One SQL aggregate over a fact table: a head-count ({@code value == null}) or a sum of a row value, over
 * the rows that meet {@code condition} (null: every row), e.g. {@code count(*) filter (where p.birth_date >
 * :s_n420)}. Equal aggregates of different indicators are computed once.
 */
public record AggregateSql(FactTable table, String value, String condition, List<HasTest> has) {

    public AggregateSql {
        has = List.copyOf(has);
    }

    public AggregateSql(FactTable table, String value, String condition) {
        this(table, value, condition, List.of());
    }

    public static AggregateSql count(FactTable table, String condition) {
        return new AggregateSql(table, null, condition);
    }

    /** A count whose condition contains these has() tests (as their {@link HasTest#exists()} text). */
    public static AggregateSql count(FactTable table, String condition, List<HasTest> has) {
        return new AggregateSql(table, null, condition, has);
    }

    public static AggregateSql sum(FactTable table, String value, String condition) {
        return new AggregateSql(table, value, condition);
    }

    public static AggregateSql sum(FactTable table, String value, String condition, List<HasTest> has) {
        return new AggregateSql(table, value, condition, has);
    }

    /**
     * This aggregate with every has(h) of its condition replaced by a constant ({@code true}: the person has such a
     * fact), so the aggregate no longer tests h.
     */
    public AggregateSql withHas(HasTest h, boolean present) {
        String constant = present ? "true" : "false";
        return new AggregateSql(table, value, condition.replace(h.exists(), constant),
                has.stream().filter(t -> !t.equals(h)).toList());
    }

    public boolean isCount() {
        return value == null;
    }

    /**
     * The SQL. A condition is a FILTER clause rather than a CASE inside the aggregate: rows that fail it skip
     * the aggregate's transition entirely (about a quarter faster over a million rows on PostgreSQL, see
     * ADR 007); H2 and PostgreSQL both support it.
     */
    public String sql() {
        String aggregate = value == null ? "count(*)" : "sum(" + value + ")";
        return condition == null ? aggregate : aggregate + " filter (where " + condition + ")";
    }
}
