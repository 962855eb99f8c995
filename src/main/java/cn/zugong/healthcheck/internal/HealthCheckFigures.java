package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.EvaluationViews;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.legend.Colour;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 数字体检 over a period in a scope ({@code GET /api/healthcheck/figures}, the annual review): the indicators of the
 * pack in force, the finished evaluations covering the scope's node dated in the period, the red unit results of
 * those evaluations inside the scope (as the node page's trend counts them) and the rectifications closed (销号) in
 * the period at the scope's units.
 */
@Service
public class HealthCheckFigures {

    /** The figures of a period. */
    public record PeriodFigures(long indicators, long evaluations, long red, long rectified) {
    }

    private final EvaluationViews views;
    private final IndicatorPacks packs;
    private final JdbcClient jdbc;

    HealthCheckFigures(EvaluationViews views, IndicatorPacks packs, JdbcClient jdbc) {
        this.views = views;
        this.packs = packs;
        this.jdbc = jdbc;
    }

    PeriodFigures period(OrgScope scope, LocalDate from, LocalDate to) {
        long indicators = packs.latest(HealthCheckViews.PACK).indicators().size();
        long evaluations = views.covering(HealthCheckViews.PACK, scope.path()).stream()
                .filter(e -> within(e.asOf(), from, to)).count();
        long red = views.colourCounts(HealthCheckViews.PACK, scope.path(), scope, from, to).stream()
                .filter(c -> Colour.RED.is(c.colour()))
                .mapToLong(EvaluationViews.ColourCount::count).sum();
        long rectified = jdbc.sql("select count(*) from healthcheck_rectification h join closure_item i on i.id = h.item_id"
                        + " where i.status = 'CLOSED' and i.closed_at >= :fromAt and i.closed_at < :toAt and "
                        + OrgScope.sqlContains("i.owner_node_id"))
                .param("fromAt", from.atStartOfDay()).param("toAt", to.plusDays(1).atStartOfDay())
                .param("scopePath", scope.pathPattern()).query(Long.class).single();
        return new PeriodFigures(indicators, evaluations, red, rectified);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
