package cn.zugong.cadre.internal.leaders;

import cn.zugong.cadre.LeadershipFigures;
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
 * 离任交接's figures for the annual review (ADR 081): {@link LeadershipFigures} counts by year, so the values are
 * those of the year the period ends in.
 */
@Component
class LeadersFigureSource extends CadreFigureSource {

    private static final String RULE = "按年统计（取统计时段截止日期所在年度）：当年完成（双方签字并办结）、交接镇乡（街道）在本范围内的离任交接";
    private static final List<Measure> MEASURES = List.of(
            new Measure("handoverLeaders", "完成离任交接领导", "名", MeasureKind.COUNT, RULE + "的离任领导，按人去重"),
            new Measure("handoverTownships", "完成离任交接镇乡（街道）", "个", MeasureKind.COUNT, RULE + "所在的镇乡（街道）个数"),
            new Measure("handoverCounties", "完成离任交接区（县）", "个", MeasureKind.COUNT,
                    RULE + "所在的区（县、市）个数，市直计为一个"));

    /** The handovers DONE in the year inside the scope (as LeadershipFigures counts them), the county joined. */
    private static final String FROM = """
             from leader_handover h join org_node t on t.id = h.township_id
             join person p on p.id = h.leaving_person_id
             left join (select name as county_name, path as county_path from org_node where kind = 'COUNTY') k
                    on t.path like k.county_path || '%'
            where h.status = 'DONE' and h.completed_at >= :from and h.completed_at < :until
              and t.path like :scopePath""";

    private final LeadershipFigures figures;

    LeadersFigureSource(LeadershipFigures figures, FigureListing listing, CadreAccess access) {
        super("cadre.leaders", MEASURES, listing, access);
        this.figures = figures;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        LeadershipFigures.Figures f = figures.of(scope, to.getYear());
        return valuesOf("handoverLeaders", f.handoverLeaders(), "handoverTownships", f.handoverTownships(),
                "handoverCounties", f.handoverCounties());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        int year = to.getYear();
        Map<String, Object> p = Map.of("scopePath", scope.pathPattern(),
                "from", LocalDate.of(year, 1, 1).atStartOfDay(), "until", LocalDate.of(year + 1, 1, 1).atStartOfDay());
        return switch (measure) {
            case "handoverLeaders" -> listing.count(year + "年完成离任交接的领导",
                    List.of("姓名", "镇乡（街道）", "交接次数", "最近完成日期"),
                    "select p.name as c1, min(t.name) as c2, count(*) as c3, cast(max(h.completed_at) as date) as c4"
                            + FROM + " group by h.leaving_person_id, p.name", "c4, c1", p, limit);
            case "handoverTownships" -> listing.count(year + "年完成离任交接的镇乡（街道）",
                    List.of("镇乡（街道）", "所属区（县）", "离任领导", "交接次数"),
                    "select t.name as c1, coalesce(min(k.county_name), '市直') as c2, count(distinct h.leaving_person_id)"
                            + " as c3, count(*) as c4" + FROM + " group by t.id, t.name", "c2, c1", p, limit);
            case "handoverCounties" -> listing.count(year + "年完成离任交接的区（县）",
                    List.of("区（县）", "镇乡（街道）", "离任领导"),
                    "select coalesce(k.county_name, '市直') as c1, count(distinct h.township_id) as c2, "
                            + "count(distinct h.leaving_person_id) as c3" + FROM
                            + " group by coalesce(k.county_name, '市直')", "c1", p, limit);
            default -> throw unknown(measure);
        };
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/cadres/leaders/figures?year=" + to.getYear();
    }
}
