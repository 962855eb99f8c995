package cn.zugong.prosperity.internal.workshops;

import cn.zugong.prosperity.WorkshopFigures;
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
 * 百企联百村 and 强村公司 for the annual review (ADR 081): the figures through {@link WorkshopFigures#pairs} (the
 * pairs page's own computation). They are a standing, not a flow: the pairs in force and the companies on record
 * when the figures are read, whatever the period (the 口径 says so). Records by their own queries, scoped as the
 * figures are: a pair by its village, a company by its county.
 */
@Component
class PairFigureSource extends AbstractFigureSource {

    private static final String ACTIVE_PAIRS = """
             from workshop_pair p join org_node v on v.id = p.village_id
            where p.status = 'ACTIVE' and v.path like :scopePath""";
    private static final String COMPANIES = """
             from workshop_company k join org_node c on c.id = k.county_id
            where c.kind = 'COUNTY' and c.path like :scopePath""";

    private static final List<Measure> MEASURES = List.of(
            new Measure("companies", "强村公司", "家", MeasureKind.COUNT,
                    "所属县（区）在范围内的强村公司，取统计时在册数（不分时段）"),
            new Measure("enterprises", "结对帮扶企业", "家", MeasureKind.COUNT,
                    "与范围内村（社区）结对中的“百企联百村”企业，同一企业只计一次，取统计时结对中的（不分时段）"),
            new Measure("villages", "结对帮扶村", "个", MeasureKind.COUNT,
                    "有企业结对中的范围内村（社区），同一村只计一次，取统计时结对中的（不分时段）"));

    private final WorkshopFigures figures;
    private final JdbcClient jdbc;

    PairFigureSource(WorkshopFigures figures, JdbcClient jdbc) {
        super("prosperity.pairs", MEASURES, Reader.OFFICE);
        this.figures = figures;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        WorkshopFigures.PairTotals t = figures.pairs(scope).total();
        return valuesOf("companies", t.companies(), "enterprises", t.enterprises(), "villages", t.villages());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {

        return switch (measure) {
            case "companies" -> records("强村公司", COMPANIES, "count(*)", """
                    select k.name, c.name as county, k.founded_on,
                           (select count(*) from workshop_company_share s where s.company_id = k.id) as villages
                    """ + COMPANIES + " order by c.path, k.name, k.id", List.of("公司", "县（区）", "成立日期", "持股村数"),
                    scope, limit);
            case "enterprises" -> records("结对中的企业（每家一行）", ACTIVE_PAIRS, "count(distinct p.enterprise_id)", """
                    select e.name, e.credit_code, min(p.since) as since, count(*) as villages
                      from workshop_enterprise e join workshop_pair p on p.enterprise_id = e.id
                      join org_node v on v.id = p.village_id
                     where p.status = 'ACTIVE' and v.path like :scopePath
                     group by e.id, e.name, e.credit_code order by e.name, e.id""",
                    List.of("企业", "统一社会信用代码", "最早结对日期", "结对村数"), scope, limit);
            case "villages" -> records("有企业结对中的村（社区）（每村一行）", ACTIVE_PAIRS, "count(distinct p.village_id)",
                    """
                    select v.name, min(p.since) as since, count(*) as enterprises
                    """ + ACTIVE_PAIRS + " group by v.id, v.name, v.path order by v.path",
                    List.of("村（社区）", "最早结对日期", "结对企业数"), scope, limit);
            default -> throw unknown(measure);
        };
    }

    private FigureRecords records(String caption, String from, String count, String select, List<String> columns,
                                  OrgScope scope, int limit) {
        long total = jdbc.sql("select " + count + from).param("scopePath", scope.pathPattern())
                .query(Long.class).single();
        List<List<String>> rows = jdbc.sql(select + " limit :limit").param("scopePath", scope.pathPattern())
                .param("limit", limit)
                .query((rs, i) -> {
                    List<String> row = new java.util.ArrayList<>();
                    for (int c = 1; c <= columns.size(); c++) {
                        Object v = rs.getObject(c);
                        row.add(v == null ? "" : v.toString());
                    }
                    return row;
                })
                .list();
        return new FigureRecords(caption, columns, rows, total, BigDecimal.valueOf(total));
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/prosperity/pairs";
    }
}
