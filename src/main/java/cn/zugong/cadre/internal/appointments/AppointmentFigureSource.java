package cn.zugong.cadre.internal.appointments;

import cn.zugong.cadre.AppointmentFigures;
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

/** 选拔任用's figures for the annual review (ADR 081): the values are {@link AppointmentFigures}' people and share. */
@Component
class AppointmentFigureSource extends CadreFigureSource {

    private static final List<Measure> MEASURES = List.of(
            new Measure("people", "提拔使用或职级晋升干部", "人", MeasureKind.COUNT,
                    "任职日期在统计时段内、已办结的提拔、进一步使用或职级晋升（不含交流），任职单位在本范围内，按人去重"),
            new Measure("frontlinePeople", "从一线提拔使用或职级晋升干部", "人", MeasureKind.COUNT,
                    "上述干部中至少有一次任用标记为“一线”（重大项目和急难险重一线）的人数"),
            new Measure("frontlineShare", "一线提拔使用占比", "％", MeasureKind.PERCENT,
                    "从一线提拔使用或职级晋升干部人数 ÷ 提拔使用或职级晋升干部人数 × 100，保留一位小数"));

    /** One line a person: the appointments as AppointmentFigures counts them (DONE, in the period and scope). */
    private static final String PEOPLE = """
            select p.name as c1, min(u.name) as c2, count(*) as c3, max(a.effective_on) as c4,
                   case when max(case when a.frontline then 1 else 0 end) = 1 then '是' else '否' end as c5,
                   max(case when a.frontline then 1 else 0 end) as num
              from cadre_appointment a join org_node u on u.id = a.unit_id join person p on p.id = a.person_id
             where a.status = 'DONE' and a.effective_on >= :from and a.effective_on <= :to
               and u.path like :scopePath and a.kind <> 'EXCHANGE'
             group by a.person_id, p.name""";
    private static final List<String> COLUMNS = List.of("姓名", "任职单位", "任用次数", "最近任职日期", "一线");

    private final AppointmentFigures figures;

    AppointmentFigureSource(AppointmentFigures figures, FigureListing listing, CadreAccess access) {
        super("cadre.appointments", MEASURES, listing, access);
        this.figures = figures;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        AppointmentFigures.Figures f = figures.of(scope, from, to);
        return valuesOf("people", f.people(), "frontlinePeople", f.frontlinePeople(),
                "frontlineShare", f.sharePercent());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        Map<String, Object> p = period(scope, from, to);
        return switch (measure) {
            case "people" -> listing.count("提拔使用或职级晋升的干部", COLUMNS, PEOPLE, "c4, c1", p, limit);
            case "frontlinePeople" -> listing.count("从一线提拔使用或职级晋升的干部", COLUMNS,
                    PEOPLE + " having max(case when a.frontline then 1 else 0 end) = 1", "c4, c1", p, limit);
            case "frontlineShare" -> listing.percent("提拔使用或职级晋升的干部（“一线”为分子）", COLUMNS, PEOPLE, "c4, c1", p,
                    limit, AppointmentFigures::percent);
            default -> throw unknown(measure);
        };
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/cadres/appointments/figures?from=" + from + "&to=" + to;
    }
}
