package cn.zugong.cadre.internal.training;

import cn.zugong.cadre.TrainingFigures;
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

/** 干部培训's figures for the annual review (ADR 081): the value is {@link TrainingFigures}' total 参训人次. */
@Component
class TrainingFigureSource extends CadreFigureSource {

    private static final List<Measure> MEASURES = List.of(
            new Measure("enrolments", "干部参训人次", "人次", MeasureKind.COUNT,
                    "开班日期在统计时段内、由本范围内单位举办的培训班的报名学员，一人一班计一人次"));

    private final TrainingFigures figures;

    TrainingFigureSource(TrainingFigures figures, FigureListing listing, CadreAccess access) {
        super("cadre.training", MEASURES, listing, access);
        this.figures = figures;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        return valuesOf("enrolments", figures.figures(scope, from, to).total().enrolments());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        return listing.count("参训干部（人次）", List.of("姓名", "培训班", "举办单位", "开班日期", "出勤课次"),
                "select p.name as c1, c.name as c2, n.name as c3, c.starts_on as c4, concat(e.attended, '/', e.marked)"
                        + " as c5 from training_enrolment e join training_class c on c.id = e.class_id"
                        + " join org_node n on n.id = c.node_id join person p on p.id = e.person_id"
                        + " where n.path like :scopePath and c.starts_on >= :from and c.starts_on <= :to",
                "c4, c2, c1", period(scope, from, to), limit);
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/cadres/training/figures?from=" + from + "&to=" + to;
    }
}
