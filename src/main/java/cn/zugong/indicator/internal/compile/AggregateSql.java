package cn.zugong.indicator.internal.compile;

/**
 * One SQL aggregate over a fact table, e.g. {@code sum(case when p.birth_date > :s_n420 then 1 else 0 end)}.
 * Equal aggregates of different indicators are computed once.
 */
public record AggregateSql(FactTable table, String sql) {
}
