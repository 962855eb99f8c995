package cn.zugong.cadre.internal.young;

import cn.zugong.cadre.YoungCadreFigures;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.CadreFigureSource;
import cn.zugong.cadre.internal.FigureListing;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 年轻干部's figures for the annual review (ADR 081): {@link YoungCadreFigures} counts by year, so the values are
 * those of the year the period ends in (ADR 081's rule for measures counted by year).
 */
@Component
class YoungFigureSource extends CadreFigureSource {

    private static final List<Measure> MEASURES = List.of(
            new Measure("posted", "选派年轻干部压担历练", "名", MeasureKind.COUNT,
                    "按年统计（取统计时段截止日期所在年度）：当年年底前已入库、单位在本范围内的年轻干部中，有试岗或实挂历练与该年度重叠的人数"),
            new Measure("promoted", "年轻干部提拔使用", "名", MeasureKind.COUNT,
                    "按年统计（取统计时段截止日期所在年度）：当年年底前已入库、单位在本范围内的年轻干部中，入库后当年有提拔或进一步使用任职（已办结）的人数"));

    /** The pool's entries of the year (YoungCadreFigures.SQL's rows), one line an entry. */
    private static final String ENTRIES = """
            select p.name as c1, u.name as c2, c.entered_on as c3, %s as c4
              from young_cadre c join org_node u on u.id = c.unit_id join person p on p.id = c.person_id
             where c.entered_on is not null and c.entered_on <= :last and u.path like :scopePath and exists (%s)""";
    private static final String POSTING = "select 1 from young_posting ps where ps.cadre_id = c.id "
            + "and ps.starts_on <= :last and ps.ends_on >= :first";
    private static final String PROMOTION = "select 1 from cadre_appointment a where a.person_id = c.person_id "
            + "and a.status = 'DONE' and a.kind in ('PROMOTION', 'FURTHER_USE') and a.effective_on between :first "
            + "and :last and a.effective_on >= c.entered_on";

    private final YoungCadreFigures figures;

    YoungFigureSource(YoungCadreFigures figures, FigureListing listing, CadreAccess access) {
        super("cadre.young", MEASURES, listing, access);
        this.figures = figures;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        YoungCadreFigures.Line t = figures.of(scope, to.getYear()).total();
        return valuesOf("posted", t.posted(), "promoted", t.promoted());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        int year = to.getYear();
        Map<String, Object> p = Map.of("scopePath", scope.pathPattern(), "first", LocalDate.of(year, 1, 1),
                "last", LocalDate.of(year, 12, 31));
        return switch (measure) {
            case "posted" -> listing.count(year + "年压担历练的年轻干部", List.of("姓名", "单位", "入库日期", "当年历练岗位"),
                    ENTRIES.formatted("(select min(concat(ps.host_unit, ps.post)) from young_posting ps where "
                            + "ps.cadre_id = c.id and ps.starts_on <= :last and ps.ends_on >= :first)", POSTING),
                    "c3, c1", p, limit);
            case "promoted" -> listing.count(year + "年提拔或进一步使用的年轻干部", List.of("姓名", "单位", "入库日期", "任职日期"),
                    ENTRIES.formatted("(select min(a.effective_on) from cadre_appointment a where a.person_id = "
                            + "c.person_id and a.status = 'DONE' and a.kind in ('PROMOTION', 'FURTHER_USE') and "
                            + "a.effective_on between :first and :last and a.effective_on >= c.entered_on)", PROMOTION),
                    "c3, c1", p, limit);
            default -> throw unknown(measure);
        };
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/cadres/young/figures?year=" + to.getYear();
    }
}
