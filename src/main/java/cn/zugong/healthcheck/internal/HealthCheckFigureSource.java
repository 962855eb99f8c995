package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.AbstractFigureSource;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 数字体检 for the annual review (ADR 081): indicators, evaluations, red warnings and rectifications closed, through
 * the module's own period figures ({@link HealthCheckFigures}).
 */
@Component
class HealthCheckFigureSource extends AbstractFigureSource {

    private static final List<Measure> MEASURES = List.of(
            new Measure("indicators", "体检指标", "项", MeasureKind.COUNT,
                    "现行数字体检指标包（最新版本）的指标数，不随期间变化"),
            new Measure("evaluations", "开展数字体检", "次", MeasureKind.COUNT,
                    "覆盖本范围、体检日期在期间内且已完成的数字体检次数"),
            new Measure("red", "红色预警", "项次", MeasureKind.COUNT,
                    "上述体检中范围内单位的红色指标结果数（单位 × 指标，不含汇总节点）"),
            new Measure("rectified", "体检问题整改销号", "个", MeasureKind.COUNT,
                    "责任单位在范围内、销号时间在期间内的体检整改事项数"));

    /** The finished evaluations covering the scope's node, dated in the period (as {@link HealthCheckFigures}). */
    private static final String EVALUATIONS = " from indicator_evaluation e join org_node s on s.id = e.scope_node_id"
            + " where e.pack_code = :pack and e.status = 'DONE' and :nodePath like s.path || '%'"
            + " and e.as_of between :from and :to";

    private final HealthCheckFigures figures;
    private final IndicatorPacks packs;
    private final JdbcClient jdbc;

    HealthCheckFigureSource(HealthCheckFigures figures, IndicatorPacks packs, JdbcClient jdbc) {
        super("healthcheck.checks", MEASURES, Reader.ANY);
        this.figures = figures;
        this.packs = packs;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        HealthCheckFigures.PeriodFigures f = figures.period(scope, from, to);
        return valuesOf("indicators", f.indicators(), "evaluations", f.evaluations(), "red", f.red(),
                "rectified", f.rectified());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        Map<String, Object> params = Map.of("pack", HealthCheckViews.PACK, "nodePath", scope.path(), "from", from,
                "to", to, "scopePath", scope.pathPattern());
        return switch (measure) {
            case "indicators" -> indicators(limit);
            case "evaluations" -> listed("覆盖本范围的已完成体检", List.of("体检日期", "体检范围", "单位数", "发起人"),
                    EVALUATIONS, "e.as_of, s.name, e.unit_count, e.created_by", "e.as_of, e.id", params, limit);
            case "red" -> listed("上述体检中范围内单位的红色指标结果", List.of("体检日期", "单位", "指标", "指标值"),
                    " from indicator_result r join indicator_evaluation e on e.id = r.evaluation_id"
                            + " join org_node s on s.id = e.scope_node_id join org_node n on n.id = r.node_id"
                            + " where e.pack_code = :pack and e.status = 'DONE' and :nodePath like s.path || '%'"
                            + " and e.as_of between :from and :to and r.rollup = false and r.colour = 'RED' and "
                            + OrgScope.sqlContains("r.node_id"),
                    "e.as_of, n.name, r.indicator_code, r.result_value", "e.as_of, n.path, r.indicator_code",
                    params, limit);
            case "rectified" -> listed("期间内销号的体检整改事项", List.of("销号时间", "责任单位", "指标", "事项"),
                    " from healthcheck_rectification h join closure_item i on i.id = h.item_id"
                            + " join org_node n on n.id = i.owner_node_id where i.status = 'CLOSED'"
                            + " and i.closed_at >= :fromAt and i.closed_at < :toAt and "
                            + OrgScope.sqlContains("i.owner_node_id"),
                    "i.closed_at, n.name, h.indicator_code, i.title", "i.closed_at, i.id",
                    Map.of("fromAt", from.atStartOfDay(), "toAt", to.plusDays(1).atStartOfDay(),
                            "scopePath", scope.pathPattern()), limit);
            default -> throw unknown(measure);
        };
    }

    private FigureRecords indicators(int limit) {
        List<Indicator> all = packs.latest(HealthCheckViews.PACK).indicators();
        List<List<String>> rows = all.stream().limit(limit)
                .map(i -> List.of(i.code(), i.name(), i.unit() == null ? "" : i.unit())).toList();
        return new FigureRecords("现行数字体检指标包的指标", List.of("代码", "指标", "单位"), rows, all.size(),
                BigDecimal.valueOf(all.size()));
    }

    /** A COUNT's records: the count over all rows and the first rows, four columns each shown as text. */
    private FigureRecords listed(String caption, List<String> columns, String from, String select, String order,
                                 Map<String, Object> params, int limit) {
        long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
        List<List<String>> rows = jdbc.sql("select " + select + from + " order by " + order + " limit :limit")
                .params(params).param("limit", limit)
                .query((rs, i) -> List.of(text(rs.getObject(1)), text(rs.getObject(2)), text(rs.getObject(3)),
                        text(rs.getObject(4)))).list();
        return new FigureRecords(caption, columns, rows, total, BigDecimal.valueOf(total));
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().withNano(0).toString().replace('T', ' ');
        }
        return value == null ? "" : String.valueOf(value);
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/healthcheck/nodes/" + scope.nodeId() + "?year=" + to.getYear();
    }
}
