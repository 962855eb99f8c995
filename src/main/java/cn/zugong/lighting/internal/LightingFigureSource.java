package cn.zugong.lighting.internal;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.AbstractFigureSource;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import cn.zugong.shared.legend.Colour;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 亮灯台 for the annual review (ADR 081): key tasks and the green share, through the board's own period figures
 * ({@link Scoring#period}).
 */
@Component
class LightingFigureSource extends AbstractFigureSource {

    private static final List<Measure> MEASURES = List.of(
            new Measure("tasks", "亮灯台重点任务", "项", MeasureKind.COUNT,
                    "期间所涉年度的亮灯清单中，牵头单位在范围内的重点任务数"),
            new Measure("greenShare", "亮灯台绿灯率", "％", MeasureKind.PERCENT,
                    "期间所涉月份、范围内单位的亮灯中绿灯所占比例（绿灯数 ÷ 亮灯数 × 100，保留两位小数）"));

    private final Scoring scoring;
    private final JdbcClient jdbc;

    LightingFigureSource(Scoring scoring, JdbcClient jdbc) {
        super("lighting.board", MEASURES, Reader.ANY);
        this.scoring = scoring;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        Scoring.PeriodFigures f = scoring.period(scope, from, to);
        return valuesOf("tasks", f.tasks(), "greenShare", f.greenShare());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        return switch (measure) {
            case "tasks" -> tasks(scope, from, to, limit);
            case "greenShare" -> lights(scope, from, to, limit);
            default -> throw unknown(measure);
        };
    }

    private FigureRecords tasks(OrgScope scope, LocalDate from, LocalDate to, int limit) {
        String where = " from lighting_task t join lighting_list l on l.id = t.list_id"
                + " join org_node n on n.id = t.lead_unit_id where l.list_year between :fromYear and :toYear and "
                + OrgScope.sqlContains("t.lead_unit_id");
        Map<String, Object> params = Map.of("fromYear", from.getYear(), "toYear", to.getYear(),
                "scopePath", scope.pathPattern());
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<List<String>> rows = jdbc.sql("select l.name, t.code, t.title, n.name" + where
                        + " order by l.list_year, l.id, t.code limit :limit").params(params).param("limit", limit)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        return new FigureRecords(from.getYear() + "–" + to.getYear() + " 年度清单中范围内单位牵头的重点任务",
                List.of("清单", "编号", "任务", "牵头单位"), rows, total, BigDecimal.valueOf(total));
    }

    private FigureRecords lights(OrgScope scope, LocalDate from, LocalDate to, int limit) {
        String where = " from lighting_light g join lighting_task t on t.id = g.task_id"
                + " join org_node n on n.id = g.unit_id where g.period between :fromMonth and :toMonth and "
                + OrgScope.sqlContains("g.unit_id");
        Map<String, Object> params = Map.of("fromMonth", Period.of(from).code(), "toMonth", Period.of(to).code(),
                "scopePath", scope.pathPattern());
        long[] counts = jdbc.sql("select count(*), coalesce(sum(case when g.colour = 'GREEN' then 1 else 0 end), 0)"
                + where).params(params).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<List<String>> rows = jdbc.sql("select g.period, t.code, t.title, n.name, g.colour" + where
                        + " order by g.period, t.code limit :limit").params(params).param("limit", limit)
                .query((rs, i) -> List.of(Period.of(rs.getInt(1)).iso(), rs.getString(2), rs.getString(3),
                        rs.getString(4), Colour.of(rs.getString(5)).shortLabel() + "灯")).list();
        BigDecimal share = counts[0] == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(counts[1] * 100L)
                .divide(BigDecimal.valueOf(counts[0]), 2, RoundingMode.HALF_UP);
        return new FigureRecords(Period.of(from).label() + " 至 " + Period.of(to).label() + " 范围内单位的亮灯（绿灯率的分母）",
                List.of("月份", "任务编号", "任务", "单位", "颜色"), rows, counts[0], share);
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/lighting/board?month=" + Period.of(to).iso();
    }
}
