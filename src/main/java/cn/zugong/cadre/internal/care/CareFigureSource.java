package cn.zugong.cadre.internal.care;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.CareFigures;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.CadreFigureSource;
import cn.zugong.cadre.internal.FigureListing;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 激励关爱's figures for the annual review (ADR 081). The values are {@link CareFigures}' totals — counts, which the
 * review prints for every office role; the records name disciplined and rewarded cadres, so they exist only for
 * ADMIN and 干部监督 of the scope (404 to anyone else, ADR 077) and every read is audited like the care pages' lists.
 */
@Component
class CareFigureSource extends CadreFigureSource {

    private static final List<Measure> MEASURES = List.of(
            new Measure("cleared", "澄清正名党员干部", "名", MeasureKind.COUNT,
                    "澄清日期在统计时段内、所属单位在本范围内的澄清正名记录涉及的党员干部，按人去重"),
            new Measure("tolerated", "容错纠错减责党员干部", "名", MeasureKind.COUNT,
                    "认定日期在统计时段内、结果为免责或从轻减轻的容错纠错案例涉及的党员干部，按人去重"),
            new Measure("visited", "暖心回访党员干部", "名", MeasureKind.COUNT,
                    "回访日期在统计时段内的暖心回访记录涉及的受处理处分党员干部，按人去重"),
            new Measure("reused", "处理处分后进一步使用或提拔任用", "名", MeasureKind.COUNT,
                    "任职日期在统计时段内的处分后使用记录涉及的党员干部，按人去重"),
            new Measure("rewardedPeople", "及时奖励个人", "名", MeasureKind.COUNT,
                    "奖励日期在统计时段内的及时奖励批次中受奖的个人，按人去重"),
            new Measure("rewardedUnits", "及时奖励集体", "个", MeasureKind.COUNT,
                    "奖励日期在统计时段内的及时奖励批次中受奖的集体（单位），按单位去重"),
            new Measure("batches", "及时奖励批次", "批次", MeasureKind.COUNT,
                    "奖励日期在统计时段内、由本范围内单位实施的及时奖励批次数"));

    /** The people of one care table in the scope and period, one line a person (CareFigures counts them distinct). */
    private static String people(String table, String date, String extraColumn, String where) {
        return "select p.name as c1, min(n.name) as c2, count(*) as c3, max(" + date + ") as c4" + extraColumn
                + " from " + table + " join org_node n on n.id = x.node_id join person p on p.id = x.person_id"
                + " where n.path like :scopePath and " + date + " between :from and :to" + where
                + " group by x.person_id, p.name";
    }

    private static final String REWARD = "care_reward_item x join care_reward_batch b on b.id = x.batch_id";

    private final CareFigures figures;
    private final AuditTrail audit;

    /** Sensitive records: readers who see them ({@link CadreAccess#requireSensitive}) of a scope in theirs. */
    CareFigureSource(CareFigures figures, FigureListing listing, CadreAccess access, AuditTrail audit) {
        super("cadre.care", MEASURES, listing, (user, scope) -> {
            access.requireSensitive(user);
            if (!user.scope().contains(scope.path())) {
                throw new NotFoundException("未找到该记录");
            }
        });
        this.figures = figures;
        this.audit = audit;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        // "today" only dates the overdue visits, which are no measure here
        CareFigures.Totals t = figures.of(scope, from, to, to).totals();
        return valuesOf("cleared", t.cleared(), "tolerated", t.tolerated(), "visited", t.visited(),
                "reused", t.reused(), "rewardedPeople", t.rewardedPeople(), "rewardedUnits", t.rewardedUnits(),
                "batches", t.batches());
    }

    @Override
    @Transactional
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        Map<String, Object> p = period(scope, from, to);
        FigureRecords r = switch (measure) {
            case "cleared" -> listing.count("澄清正名的党员干部", List.of("姓名", "单位", "澄清次数", "最近澄清日期"),
                    people("care_clearance x", "x.cleared_on", "", ""), "c4, c1", p, limit);
            case "tolerated" -> listing.count("容错纠错减责的党员干部", List.of("姓名", "单位", "案例数", "最近认定日期", "结果"),
                    people("care_case x", "x.decided_on", ", case when min(x.result) = 'EXEMPT' then '免责' "
                                    + "else '从轻减轻' end as c5",
                            " and x.status = 'DECIDED' and x.result in ('EXEMPT', 'LIGHTER')"), "c4, c1", p, limit);
            case "visited" -> listing.count("暖心回访的党员干部", List.of("姓名", "单位", "回访次数", "最近回访日期"),
                    people("care_visit x", "x.visited_on", "", ""), "c4, c1", p, limit);
            case "reused" -> listing.count("处理处分后进一步使用或提拔任用的党员干部",
                    List.of("姓名", "单位", "使用次数", "最近任职日期"),
                    people("care_reuse x", "x.effective_on", "", ""), "c4, c1", p, limit);
            case "rewardedPeople" -> listing.count("及时奖励的个人", List.of("姓名", "单位", "受奖次数", "最近奖励日期"),
                    people(REWARD, "b.awarded_on", "", ""), "c4, c1", p, limit);
            case "rewardedUnits" -> listing.count("及时奖励的集体", List.of("集体", "受奖次数", "最近奖励日期"),
                    "select w.name as c1, count(*) as c2, max(b.awarded_on) as c3 from " + REWARD
                            + " join org_node n on n.id = x.node_id join org_node w on w.id = x.unit_id"
                            + " where n.path like :scopePath and b.awarded_on between :from and :to"
                            + " group by x.unit_id, w.name", "c3, c1", p, limit);
            case "batches" -> listing.count("及时奖励批次", List.of("批次", "奖励日期", "实施单位", "奖励个人和集体"),
                    "select x.name as c1, x.awarded_on as c2, n.name as c3, (select count(*) from care_reward_item i "
                            + "where i.batch_id = x.id) as c4 from care_reward_batch x join org_node n on n.id = x.node_id"
                            + " where n.path like :scopePath and x.awarded_on between :from and :to", "c2, c1", p, limit);
            default -> throw unknown(measure);
        };
        audit.record(AuditEvent.read("care_figures", measure, "查看这一年激励关爱数据来源（" + r.caption() + "）：" + from
                + " 至 " + to).by(user.username()));
        return r;
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/cadres/care?from=" + from + "&to=" + to;
    }
}
