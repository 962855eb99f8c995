package cn.zugong.indicator.internal.view;

import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.internal.compile.AggregateSql;
import cn.zugong.indicator.internal.compile.AsOfParam;
import cn.zugong.indicator.internal.compile.CompiledFormula;
import cn.zugong.indicator.internal.compile.FactTable;
import cn.zugong.indicator.internal.pack.PackRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who a head-count numerator counted: the compiled numerator is a sum of head-counts
 * ({@code count(*) filter (where COND)}) over person-based fact tables, so the same COND with the same as-of
 * parameters, on the same versions of the roster (as of the evaluation's date, as known at its
 * {@code known_at}, ADR 050), selects the people. Terms with negative coefficients or other aggregates
 * (sums of hours, quotas) have no list of people.
 */
@Component
public class NumeratorPeople {

    private final PackRegistry packs;
    private final JdbcClient jdbc;

    NumeratorPeople(PackRegistry packs, JdbcClient jdbc) {
        this.packs = packs;
        this.jdbc = jdbc;
    }

    /** The people counted for one unit. */
    public Optional<List<Long>> personIds(Evaluation evaluation, String indicatorCode, long unitId) {
        return select(evaluation, indicatorCode, "p.unit_id = :node", unitId);
    }

    /**
     * The people counted for a node and every unit under it ({@code pathPattern}: the node's materialised
     * path followed by '%'), e.g. a township's roll-up.
     */
    public Optional<List<Long>> personIdsUnder(Evaluation evaluation, String indicatorCode, String pathPattern) {
        return select(evaluation, indicatorCode,
                "p.unit_id in (select n.id from org_node n where n.path like :node)", pathPattern);
    }

    /** The formula the evaluation was computed with (null when its pack has no such indicator). */
    CompiledFormula formula(Evaluation evaluation, String indicatorCode) {
        return packs.get(evaluation.pack()).formulas().get(indicatorCode);
    }

    private Optional<List<Long>> select(Evaluation evaluation, String indicatorCode, String where, Object node) {
        CompiledFormula formula = formula(evaluation, indicatorCode);
        if (formula == null || !formula.numerator().count()) {
            return Optional.empty();
        }
        List<String> selects = new ArrayList<>();
        for (var term : formula.numerator().terms().entrySet()) {
            AggregateSql aggregate = term.getKey();
            if (!aggregate.table().isPersonBased() || term.getValue() <= 0 || !aggregate.isCount()) {
                return Optional.empty();
            }
            String condition = aggregate.condition() == null ? "1 = 1" : aggregate.condition();
            selects.add("select " + FactTable.PERSON_ID + " as id from " + aggregate.table().from() + " where " + where
                    + " and " + aggregate.table().asOf() + " and (" + condition + ")");
        }
        if (selects.isEmpty()) {
            return Optional.of(List.of());
        }
        var statement = jdbc.sql("select distinct x.id from (" + String.join(" union ", selects) + ") x order by x.id")
                .param("node", node);
        for (AsOfParam param : formula.params()) {
            statement = statement.param(param.name(), param.value(evaluation.asOf()));
        }
        statement = statement.param("asof", evaluation.asOf()).param("knownAt", evaluation.knowledge());
        return Optional.of(statement.query(Long.class).list());
    }
}
