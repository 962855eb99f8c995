package cn.zugong.service.internal;

import cn.zugong.service.CadreType;
import cn.zugong.service.VisitKind;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.AbstractFigureSource;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import cn.zugong.shared.time.ReportPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 走访服务 for the annual review (ADR 081): the service cadres of the scope and their visits by kind, through the
 * visit figures page's own computation ({@link VisitFiguresController#figures(OrgScope, ReportPeriod)}).
 */
@Component
class VisitFigureSource extends AbstractFigureSource {

    private static final List<Measure> MEASURES = List.of(
            new Measure("cadres", "服务干部", "名", MeasureKind.COUNT,
                    "范围内登记的服务干部（五个一批、暖企、第一书记）人数，按干部所属单位计，不论期间内是否走访"),
            new Measure("projectVisits", "对接项目", "次", MeasureKind.COUNT,
                    "范围内服务干部的项目对接走访记录数，按走访日期计入期间"),
            new Measure("enterpriseVisits", "走访联系企业", "次", MeasureKind.COUNT,
                    "范围内服务干部的走访企业记录数，按走访日期计入期间"),
            new Measure("householdVisits", "走访渔农户", "次", MeasureKind.COUNT,
                    "范围内服务干部的走访渔农户（村）记录数，按走访日期计入期间"));

    /** The visit kind behind each visit measure. */
    private static final Map<String, String> KINDS = Map.of("projectVisits", "PROJECT", "enterpriseVisits",
            "ENTERPRISE", "householdVisits", "FARMER");

    private final VisitFiguresController figures;
    private final JdbcClient jdbc;

    VisitFigureSource(VisitFiguresController figures, JdbcClient jdbc) {
        super("service.visits", MEASURES, Reader.ANY);
        this.figures = figures;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        var f = figures.figures(scope, new ReportPeriod("custom", to.getYear(), 1, 1, from, to));
        return valuesOf("cadres", f.cadres().size(), "projectVisits", f.totalProjects(),
                "enterpriseVisits", f.totalEnterprises(), "householdVisits", f.totalFarmers());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        if ("cadres".equals(measure)) {
            return cadres(scope, limit);
        }
        return visits(KINDS.get(measure), scope, from, to, limit);
    }

    private FigureRecords cadres(OrgScope scope, int limit) {
        String where = " from service_cadre c join org_node n on n.id = c.node_id where "
                + OrgScope.sqlContains("c.node_id");
        long total = jdbc.sql("select count(*)" + where).param("scopePath", scope.pathPattern())
                .query(Long.class).single();
        List<List<String>> rows = jdbc.sql("select c.name, c.cadre_type, n.name" + where
                        + " order by n.path, c.name, c.id limit :limit")
                .param("scopePath", scope.pathPattern()).param("limit", limit)
                .query((rs, i) -> List.of(rs.getString(1), CadreType.valueOf(rs.getString(2))
                        .label(), rs.getString(3))).list();
        return new FigureRecords("范围内的服务干部", List.of("姓名", "类别", "所属单位"), rows, total,
                BigDecimal.valueOf(total));
    }

    private FigureRecords visits(String kind, OrgScope scope, LocalDate from, LocalDate to, int limit) {
        String where = """
                 from service_visit v join service_cadre c on c.id = v.cadre_id join org_node n on n.id = c.node_id
                where v.kind = :kind and v.visit_date between :from and :to and\s""" + OrgScope.sqlContains("c.node_id");
        Map<String, Object> params = Map.of("kind", kind, "from", from, "to", to, "scopePath", scope.pathPattern());
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<List<String>> rows = jdbc.sql("select v.visit_date, c.name, n.name, v.place" + where
                        + " order by v.visit_date, v.id limit :limit").params(params).param("limit", limit)
                .query((rs, i) -> List.of(String.valueOf(rs.getObject(1, LocalDate.class)), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list();
        String label = VisitKind.valueOf(kind).label();
        return new FigureRecords(from + " 至 " + to + " 的" + label + "记录", List.of("走访日期", "服务干部", "所属单位",
                "地点"), rows, total, BigDecimal.valueOf(total));
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/service/figures?period=custom&from=" + from + "&to=" + to;
    }
}
