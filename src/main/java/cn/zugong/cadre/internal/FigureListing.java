package cn.zugong.cadre.internal;

import cn.zugong.shared.figures.FigureRecords;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The records behind a cadre figure for the annual review's provenance (ADR 081), listed by the part's own SQL: a
 * select whose first columns are the readable cells (one per heading) and, for a percentage, a last column
 * {@code num} (1 when the record is in the numerator). The total and the numerator are recounted over all records
 * with one aggregate over the same select, not over the rows shown.
 */
@Component
public class FigureListing {

    private final JdbcClient jdbc;

    FigureListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A COUNT: the records are the counted ones (value = total). */
    public FigureRecords count(String caption, List<String> columns, String select, String order,
                               Map<String, ?> params, int limit) {
        List<List<String>> rows = rows(columns.size(), select, order, params, limit);
        long total = jdbc.sql("select count(*) from (" + select + ") t").params(params).query(Long.class).single();
        return new FigureRecords(caption, columns, rows, total, BigDecimal.valueOf(total));
    }

    /**
     * A PERCENT: the records are the denominator's, the value the numerator over them as {@code percent} (the
     * figures class's own rounding) computes it, zero when there are none (as the source's values say).
     */
    public FigureRecords percent(String caption, List<String> columns, String select, String order,
                                 Map<String, ?> params, int limit, BiFunction<Long, Long, BigDecimal> percent) {
        List<List<String>> rows = rows(columns.size(), select, order, params, limit);
        long[] n = jdbc.sql("select count(*), coalesce(sum(num), 0) from (" + select + ") t").params(params)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        BigDecimal value = percent.apply(n[1], n[0]);
        return new FigureRecords(caption, columns, rows, n[0], value == null ? BigDecimal.ZERO : value);
    }

    private List<List<String>> rows(int width, String select, String order, Map<String, ?> params, int limit) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("recordsLimit", Math.max(0, limit));
        return jdbc.sql(select + " order by " + order + " limit :recordsLimit").params(p).query((rs, i) -> {
            List<String> row = new ArrayList<>(width);
            for (int c = 1; c <= width; c++) {
                Object v = rs.getObject(c);
                row.add(v == null ? "" : v.toString());
            }
            return row;
        }).list();
    }

    /** The measure's figure as a BigDecimal; a percentage not defined (nothing to divide by) is zero. */
    public static BigDecimal of(Number n) {
        return n == null ? BigDecimal.ZERO : n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.longValue());
    }
}
