package cn.zugong.indicator.internal.view;

import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.internal.compile.AggregateSql;
import cn.zugong.indicator.internal.compile.AsOfParam;
import cn.zugong.indicator.internal.compile.CompiledFormula;
import cn.zugong.indicator.internal.compile.FactTable;
import cn.zugong.indicator.internal.pack.PackRegistry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who a head-count numerator counted: the compiled numerator is a sum of head-counts
 * ({@code count(*) filter (where COND)}) over person-based fact tables, so the same COND with the same as-of
 * parameters selects the people. Terms with negative coefficients or other aggregates
 * (sums of hours, quotas) have no list of people.
 */
@Component
public class NumeratorPeople {

    private static final Set<FactTable> PERSON_TABLES = EnumSet.of(FactTable.PERSON, FactTable.ASSESSMENT,
            FactTable.TRAINING, FactTable.RECORD);

    private final PackRegistry packs;
    private final JdbcClient jdbc;

    NumeratorPeople(PackRegistry packs, JdbcClient jdbc) {
        this.packs = packs;
        this.jdbc = jdbc;
    }

    public Optional<List<Long>> personIds(Evaluation evaluation, String indicatorCode, long unitId) {
        CompiledFormula formula = packs.get(evaluation.pack()).formulas().get(indicatorCode);
        if (formula == null || !formula.numerator().count()) {
            return Optional.empty();
        }
        List<String> selects = new ArrayList<>();
        for (var term : formula.numerator().terms().entrySet()) {
            AggregateSql aggregate = term.getKey();
            if (!PERSON_TABLES.contains(aggregate.table()) || term.getValue() <= 0 || !aggregate.isCount()) {
                return Optional.empty();
            }
            String condition = aggregate.condition() == null ? "1 = 1" : aggregate.condition();
            selects.add("select p.id from " + aggregate.table().from() + " where p.unit_id = :unit and (" + condition
                    + ")");
        }
        if (selects.isEmpty()) {
            return Optional.of(List.of());
        }
        var statement = jdbc.sql("select distinct x.id from (" + String.join(" union ", selects) + ") x order by x.id")
                .param("unit", unitId);
        for (AsOfParam param : formula.params()) {
            statement = statement.param(param.name(), param.value(evaluation.asOf()));
        }
        return Optional.of(statement.query(Long.class).list());
    }
}
