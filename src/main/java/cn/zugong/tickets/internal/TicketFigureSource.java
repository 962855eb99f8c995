package cn.zugong.tickets.internal;

import cn.zugong.closure.ClosureStatus;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.AbstractFigureSource;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 问题清单 for the annual review (ADR 081): tickets found, solved (销号) and the 化解率, through the figures page's
 * own aggregate ({@link TicketFigures#total(OrgScope, LocalDate, LocalDate)}, {@link Figure#rate()}).
 */
@Component
class TicketFigureSource extends AbstractFigureSource {

    private static final List<Measure> MEASURES = List.of(
            new Measure("found", "发现收集问题诉求", "个", MeasureKind.COUNT,
                    "责任单位在范围内、提出时间在期间内的问题清单条数"),
            new Measure("solved", "整改解决问题诉求", "个", MeasureKind.COUNT,
                    "上述问题中已销号的条数（已办结待核验的不计），以提出时间计入期间"),
            new Measure("rate", "问题化解整改率", "％", MeasureKind.PERCENT,
                    "已销号问题数 ÷ 发现问题数 × 100，保留两位小数，口径同上"));

    private final TicketFigures figures;
    private final JdbcClient jdbc;

    TicketFigureSource(TicketFigures figures, JdbcClient jdbc) {
        super("tickets.figures", MEASURES, Reader.ANY);
        this.figures = figures;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        Figure total = figures.total(scope, from, to);
        return valuesOf("found", total.found(), "solved", total.solved(), "rate", total.rate());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        boolean solvedOnly = measure.equals("solved");
        String where = " from problem_ticket t join closure_item i on i.id = t.item_id"
                + " join org_node n on n.id = i.owner_node_id join ticket_category c on c.code = t.category_code"
                + " where " + OrgScope.sqlContains("i.owner_node_id")
                + " and t.raised_at >= :fromAt and t.raised_at < :toAt"
                + (solvedOnly ? " and i.status = " + ClosureStatus.CLOSED.sqlLiteral() : "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scopePath", scope.pathPattern());
        params.put("fromAt", from.atStartOfDay());
        params.put("toAt", to.plusDays(1).atStartOfDay());
        var counts = jdbc.sql("select count(*), coalesce(sum(case when i.status = "
                        + ClosureStatus.CLOSED.sqlLiteral() + " then 1 else 0 end), 0)" + where).params(params)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<List<String>> rows = jdbc.sql("select t.ticket_no, t.raised_at, c.name, t.title, n.name, i.status" + where
                        + " order by t.raised_at, t.item_id limit :limit").params(params).param("limit", limit)
                .query((rs, i) -> List.of(rs.getString(1), rs.getTimestamp(2).toLocalDateTime().toLocalDate().toString(),
                        rs.getString(3), rs.getString(4), rs.getString(5),
                        ClosureStatus.valueOf(rs.getString(6)).label())).list();
        long total = counts[0];
        BigDecimal value = switch (measure) {
            case "rate" -> total == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(counts[1] * 100L)
                    .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
            default -> BigDecimal.valueOf(total);
        };
        String caption = from + " 至 " + to + (solvedOnly ? " 提出并已销号的问题" : " 提出的问题（化解率的分母）");
        return new FigureRecords(caption, List.of("问题编号", "提出日期", "类别", "问题", "责任单位", "状态"), rows, total,
                value);
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        // the page counts by the year, quarter or month tickets were raised in
        String base = "/tickets/figures?unitId=" + scope.nodeId() + "&year=" + to.getYear();
        boolean sameYear = from.getYear() == to.getYear();
        if (sameYear && from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth())) {
            int months = to.getMonthValue() - from.getMonthValue() + 1;
            if (months == 1) {
                return base + "&month=" + to.getMonthValue();
            }
            if (months == 3 && from.getMonthValue() % 3 == 1) {
                return base + "&quarter=" + (from.getMonthValue() + 2) / 3;
            }
        }
        return base;
    }
}
