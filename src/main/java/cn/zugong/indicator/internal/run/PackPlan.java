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

/**
 * How a pack is evaluated: one aggregate query per fact table the pack uses (every distinct aggregate
 * of every indicator as one column, grouped by unit) and one per has() test (the persons who have the fact),
 * and each indicator's numerator and denominator as weighted sums of those columns. Built once per pack.
 */
public final class PackPlan {

    /**
     * One query: a fact table's aggregates in column order, over the rows whose person has each fact of
     * {@code having} (empty: every row).
     */
    public record TableQuery(FactTable table, List<HasTest> having, List<AggregateSql> columns) {

        public TableQuery {
            having = List.copyOf(having);
            columns = List.copyOf(columns);
        }

        /**
         * Every unit in the scope (bind :scopePath) or one unit (bind :unitId). A has() test is never inside an
         * aggregate here ({@link PackPlan} takes them out): a query with {@code having} keeps its persons by
         * exists (…) in the where clause, which PostgreSQL runs as one parallel hash semi-join (issue 15: a
         * has() joined inside the person scan was built again by every parallel worker).
         */
        public String sql(boolean oneUnit) {
            StringBuilder sql = new StringBuilder("select ").append(table.unitColumn()).append(" as unit_id");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(",\n  ").append(columns.get(i).sql()).append(" as a").append(i);
            }
            sql.append("\nfrom ").append(table.from());
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
            for (HasTest h : having) {
                sql.append("\n  and ").append(h.exists());
            }
            return sql.append("\ngroup by ").append(table.unitColumn()).toString();
        }
    }

    /** Which query a column belongs to. */
    private record QueryKey(FactTable table, Set<HasTest> having) {
    }

    /** An aggregate of one query. */
    private record Column(QueryKey query, AggregateSql aggregate) {
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
        List<Indicator> indicators = pack.pack().indicators();
        Set<AsOfParam> all = new LinkedHashSet<>();
        List<Map<Column, Double>> numeratorColumns = new ArrayList<>();
        List<Map<Column, Double>> denominatorColumns = new ArrayList<>();
        Map<QueryKey, LinkedHashMap<AggregateSql, Integer>> columns = new LinkedHashMap<>();
        for (Indicator i : indicators) {
            CompiledFormula f = pack.formulas().get(i.code());
            all.addAll(f.params());
            numeratorColumns.add(collect(columns, f.numerator()));
            denominatorColumns.add(f.denominator() == null ? null : collect(columns, f.denominator()));
        }
        List<QueryKey> keys = new ArrayList<>(columns.keySet());
        this.queries = keys.stream().map(k -> new TableQuery(k.table(), List.copyOf(k.having()),
                List.copyOf(columns.get(k).keySet()))).toList();
        this.numerators = new Terms[indicators.size()];
        this.denominators = new Terms[indicators.size()];
        for (int i = 0; i < indicators.size(); i++) {
            CompiledFormula f = pack.formulas().get(indicators.get(i).code());
            numerators[i] = terms(numeratorColumns.get(i), f.numerator().positive(), keys, columns);
            denominators[i] = f.denominator() == null ? null
                    : terms(denominatorColumns.get(i), f.denominator().positive(), keys, columns);
        }
        this.params = Set.copyOf(all);
    }

    /** The linear sum's aggregates as query columns (has() tests taken out), registering each column once. */
    private static Map<Column, Double> collect(Map<QueryKey, LinkedHashMap<AggregateSql, Integer>> columns,
                                               Linear linear) {
        Map<Column, Double> out = new LinkedHashMap<>();
        linear.terms().forEach((a, c) -> expand(a, c, Set.of(), out));
        for (Column c : out.keySet()) {
            LinkedHashMap<AggregateSql, Integer> query = columns.computeIfAbsent(c.query(), k -> new LinkedHashMap<>());
            query.putIfAbsent(c.aggregate(), query.size());
        }
        return out;
    }

    /**
     * An aggregate whose condition tests has(h) is, over everybody, the aggregate with the test false, plus over
     * the persons who have h the difference between the test true and the test false:
     * {@code A(E) = A_all(E[h:=false]) + A_h(E[h:=true]) − A_h(E[h:=false])}. Counts and sums are additive over
     * persons, so this is exact; each further has() of the condition splits the same way.
     */
    private static void expand(AggregateSql a, double coefficient, Set<HasTest> having, Map<Column, Double> out) {
        if (a.has().isEmpty()) {
            out.merge(new Column(new QueryKey(a.table(), having), a), coefficient, Double::sum);
            return;
        }
        HasTest h = a.has().get(0);
        Set<HasTest> withH = new LinkedHashSet<>(having);
        withH.add(h);
        AggregateSql without = a.withHas(h, false);
        expand(without, coefficient, having, out);
        expand(a.withHas(h, true), coefficient, Set.copyOf(withH), out);
        expand(without, -coefficient, Set.copyOf(withH), out);
    }

    private static Terms terms(Map<Column, Double> linear, boolean positive, List<QueryKey> keys,
                               Map<QueryKey, LinkedHashMap<AggregateSql, Integer>> columns) {
        int n = linear.size();
        int[] table = new int[n];
        int[] column = new int[n];
        double[] coefficient = new double[n];
        int k = 0;
        for (Map.Entry<Column, Double> e : linear.entrySet()) {
            table[k] = keys.indexOf(e.getKey().query());
            column[k] = columns.get(e.getKey().query()).get(e.getKey().aggregate());
            coefficient[k++] = e.getValue();
        }
        return new Terms(table, column, coefficient, positive);
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
