package cn.zugong.indicator.internal.run;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.internal.compile.AggregateSql;
import cn.zugong.indicator.internal.compile.AsOfParam;
import cn.zugong.indicator.internal.compile.CompiledFormula;
import cn.zugong.indicator.internal.compile.FactTable;
import cn.zugong.indicator.internal.compile.HasTest;
import cn.zugong.indicator.internal.compile.Linear;
import cn.zugong.indicator.internal.pack.LoadedPack;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How a pack is evaluated: one aggregate query per fact table the pack uses (every distinct aggregate
 * of every indicator as one column, grouped by unit), and each indicator's numerator and denominator
 * as weighted sums of those columns. Built once per pack.
 */
public final class PackPlan {

    /** One fact table's query: its aggregates in column order. */
    public record TableQuery(FactTable table, List<AggregateSql> columns) {

        /**
         * Every unit in the scope (bind :scopePath) or one unit (bind :unitId). Over the scope, each has()
         * whose condition reads only the fact is a left join of the persons who have such a fact (grouped by
         * person, so one row at most) instead of a correlated exists per row and aggregate: computed once, and
         * the scan stays parallel-safe on PostgreSQL (a correlated subplan keeps the million-row scan on one
         * core). One unit keeps the exists: a few index probes for its people, where the join would group the
         * facts of everybody.
         */
        public String sql(boolean oneUnit) {
            Map<HasTest, String> joins = new LinkedHashMap<>();
            for (AggregateSql c : columns) {
                for (HasTest h : c.has()) {
                    if (!oneUnit && h.uncorrelated()) {
                        joins.putIfAbsent(h, "h" + joins.size());
                    }
                }
            }
            UnaryOperator<String> rewrite = text -> {
                for (Map.Entry<HasTest, String> j : joins.entrySet()) {
                    text = text.replace(j.getKey().exists(), j.getValue() + ".person_id is not null");
                }
                return text;
            };
            StringBuilder sql = new StringBuilder("select ").append(table.unitColumn()).append(" as unit_id");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(",\n  ").append(columns.get(i).sql(rewrite)).append(" as a").append(i);
            }
            sql.append("\nfrom ").append(table.from());
            joins.forEach((h, alias) -> sql.append("\nleft join (").append(h.personsSql()).append(") ").append(alias)
                    .append(" on ").append(alias).append(".person_id = ").append(FactTable.PERSON_ID));
            if (oneUnit) {
                sql.append("\nwhere ").append(table.unitColumn()).append(" = :unitId");
            } else {
                // one indexed predicate on the materialised path: the scope node and everything under it
                sql.append("\njoin org_node sn on sn.id = ").append(table.unitColumn())
                        .append("\nwhere sn.path like :scopePath");
            }
            if (table.asOf() != null) {
                sql.append("\n  and ").append(table.asOf());
            }
            return sql.append("\ngroup by ").append(table.unitColumn()).toString();
        }
    }

    /**
     * A weighted sum of query columns: table index, column index and coefficient per term; {@code positive}:
     * the unit's value is max(0, sum) (formula positive(...)), so roll-ups add only the units' positive parts.
     */
    public record Terms(int[] table, int[] column, double[] coefficient, boolean positive) {

        double evaluate(double[][][] values, int unit) {
            double total = 0;
            for (int t = 0; t < table.length; t++) {
                total += coefficient[t] * values[table[t]][unit][column[t]];
            }
            return positive ? Math.max(0, total) : total;
        }
    }

    private final LoadedPack pack;
    private final List<TableQuery> queries;
    private final Terms[] numerators;
    private final Terms[] denominators;
    private final Set<AsOfParam> params;

    PackPlan(LoadedPack pack) {
        this.pack = pack;
        Map<FactTable, LinkedHashMap<AggregateSql, Integer>> columns = new LinkedHashMap<>();
        Set<AsOfParam> all = new LinkedHashSet<>();
        for (Indicator i : pack.pack().indicators()) {
            CompiledFormula f = pack.formulas().get(i.code());
            all.addAll(f.params());
            collect(columns, f.numerator());
            if (f.denominator() != null) {
                collect(columns, f.denominator());
            }
        }
        List<FactTable> tables = new ArrayList<>(columns.keySet());
        this.queries = tables.stream().map(t -> new TableQuery(t, List.copyOf(columns.get(t).keySet()))).toList();
        List<Indicator> indicators = pack.pack().indicators();
        this.numerators = new Terms[indicators.size()];
        this.denominators = new Terms[indicators.size()];
        for (int i = 0; i < indicators.size(); i++) {
            CompiledFormula f = pack.formulas().get(indicators.get(i).code());
            numerators[i] = terms(f.numerator(), tables, columns);
            denominators[i] = f.denominator() == null ? null : terms(f.denominator(), tables, columns);
        }
        this.params = Set.copyOf(all);
    }

    private static void collect(Map<FactTable, LinkedHashMap<AggregateSql, Integer>> columns, Linear linear) {
        for (AggregateSql a : linear.terms().keySet()) {
            LinkedHashMap<AggregateSql, Integer> table = columns.computeIfAbsent(a.table(), t -> new LinkedHashMap<>());
            table.putIfAbsent(a, table.size());
        }
    }

    private static Terms terms(Linear linear, List<FactTable> tables,
                               Map<FactTable, LinkedHashMap<AggregateSql, Integer>> columns) {
        int n = linear.terms().size();
        int[] table = new int[n];
        int[] column = new int[n];
        double[] coefficient = new double[n];
        int k = 0;
        for (Map.Entry<AggregateSql, Double> e : linear.terms().entrySet()) {
            table[k] = tables.indexOf(e.getKey().table());
            column[k] = columns.get(e.getKey().table()).get(e.getKey());
            coefficient[k++] = e.getValue();
        }
        return new Terms(table, column, coefficient, linear.positive());
    }

    public LoadedPack pack() {
        return pack;
    }

    public List<TableQuery> queries() {
        return queries;
    }

    public Terms numerator(int indicator) {
        return numerators[indicator];
    }

    public Terms denominator(int indicator) {
        return denominators[indicator];
    }

    /** Parameter values for an evaluation date, reading the latest knowledge ({@link Engine#LATEST}). */
    public Map<String, Object> parameters(LocalDate asOf) {
        return parameters(asOf, Engine.LATEST);
    }

    /**
     * Parameter values for an evaluation date and the moment whose knowledge it reads: {@code asof} and
     * {@code knownAt} select the roster's versions (FactTable#asOf), the others come from the formulas.
     */
    public Map<String, Object> parameters(LocalDate asOf, LocalDateTime knownAt) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (AsOfParam p : params) {
            values.put(p.name(), p.value(asOf));
        }
        values.put("asof", asOf);
        values.put("knownAt", knownAt);
        return values;
    }

    public int aggregateCount() {
        return queries.stream().mapToInt(q -> q.columns().size()).sum();
    }
}
