package cn.zugong.cadre.internal.frontline;

import cn.zugong.cadre.FrontlineFigures;
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

/** 一线考察's figures for the annual review (ADR 081): the values are {@link FrontlineFigures}' total line. */
@Component
class FrontlineFigureSource extends CadreFigureSource {

    private static final List<Measure> MEASURES = List.of(
            new Measure("teams", "专项考核组", "个", MeasureKind.COUNT,
                    "开始日期在统计时段内的一线考察活动中，考察了本范围内单位干部的考核组个数"),
            new Measure("cadres", "一线考察干部人次", "人次", MeasureKind.COUNT,
                    "开始日期在统计时段内的一线考察活动考察的本范围内单位干部，一人一次活动计一人次"),
            new Measure("advanced", "一线考察先进人物", "名", MeasureKind.COUNT,
                    "开始日期在统计时段内的一线考察活动中，考察结果为“先进”的本范围内单位干部人次"),
            new Measure("cases", "担当破难典型案例", "个", MeasureKind.COUNT,
                    "开始日期在统计时段内的一线考察活动中，考察结果为“典型案例”的本范围内单位干部人次"));

    /** The cadres assessed: unit in the scope, campaign starting in the period (as FrontlineFigures counts). */
    private static final String FROM = """
             from frontline_cadre fc join frontline_campaign cp on cp.id = fc.campaign_id
             join frontline_team tm on tm.id = fc.team_id join org_node u on u.id = fc.unit_id
             join person p on p.id = fc.person_id
            where u.path like :scopePath and cp.starts_on between :from and :to""";
    private static final String CADRES = "select p.name as c1, u.name as c2, cp.name as c3, tm.name as c4, "
            + "cp.starts_on as c5, case fc.outcome when 'ADVANCED' then '先进' when 'CASE' then '典型案例' "
            + "when 'ORDINARY' then '一般' when 'PROBLEM' then '问题' else '待定' end as c6" + FROM;
    private static final List<String> CADRE_COLUMNS = List.of("姓名", "单位", "考察活动", "考核组", "活动开始日期", "考察结果");

    private final FrontlineFigures figures;

    FrontlineFigureSource(FrontlineFigures figures, FigureListing listing, CadreAccess access) {
        super("cadre.frontline", MEASURES, listing, access);
        this.figures = figures;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        FrontlineFigures.Line t = figures.of(scope, from, to).total();
        return valuesOf("teams", t.teams(), "cadres", t.cadres(), "advanced", t.advanced(), "cases", t.cases());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        Map<String, Object> p = period(scope, from, to);
        return switch (measure) {
            case "teams" -> listing.count("考察了本范围干部的考核组", List.of("考核组", "考察活动", "活动开始日期", "考察干部人次"),
                    "select tm.name as c1, cp.name as c2, cp.starts_on as c3, count(*) as c4" + FROM
                            + " group by tm.id, tm.name, cp.name, cp.starts_on", "c3, c1", p, limit);
            case "cadres" -> listing.count("一线考察的干部（人次）", CADRE_COLUMNS, CADRES, "c5, c3, c1", p, limit);
            case "advanced" -> listing.count("考察结果为先进的干部", CADRE_COLUMNS, CADRES + " and fc.outcome = 'ADVANCED'",
                    "c5, c3, c1", p, limit);
            case "cases" -> listing.count("考察结果为典型案例的干部", CADRE_COLUMNS, CADRES + " and fc.outcome = 'CASE'",
                    "c5, c3, c1", p, limit);
            default -> throw unknown(measure);
        };
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/cadres/frontline/figures?from=" + from + "&to=" + to;
    }
}
