package cn.zugong.deliberation.internal;

import cn.zugong.closure.ClosureStatus;
import cn.zugong.deliberation.DeliberationFigures;
import cn.zugong.deliberation.Figures;
import cn.zugong.deliberation.MatterKind;
import cn.zugong.deliberation.MatterStatus;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
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
 * 三事分流's figures for the annual review (ADR 081): matters raised in the period and how many of them are 办结,
 * computed by {@link DeliberationFigures} as the figures page computes them; the records are listed and recounted
 * with their own query.
 */
@Component
class MattersFigureSource extends AbstractFigureSource {

    static final String RAISED = "raised";
    static final String CLOSED = "closed";

    private static final List<Measure> MEASURES = List.of(
            new Measure(RAISED, "三事分流议事事项", "件", MeasureKind.COUNT,
                    "期间内登记的群众议事事项（大事、小事、私事及待归类），按登记日期计入期间，按事项所在村（社区）计入范围"),
            new Measure(CLOSED, "三事分流办结事项", "件", MeasureKind.COUNT,
                    "期间内登记的事项中已办结的（销号流程已办结、已核验或已销号，含居民当场自行协商解决的私事），按登记日期计入期间"));

    private static final String DONE = ClosureStatus.sqlList(ClosureStatus.DONE);
    private static final String FROM = " from deliberation_matter m join org_node n on n.id = m.community_node_id"
            + " left join closure_item ci on ci.id = m.closure_item_id"
            + " where m.raised_on between :from and :to and n.path like :scopePath";

    private final DeliberationFigures figures;
    private final OrgTree tree;
    private final JdbcClient jdbc;

    /** Readers of 三事分流 ({@link SanshiAccess#requireReader}) of a scope in theirs. */
    MattersFigureSource(DeliberationFigures figures, OrgTree tree, JdbcClient jdbc) {
        super("deliberation.matters", MEASURES, (user, scope) -> {
            SanshiAccess.requireReader(user);
            if (!user.scope().contains(scope.path())) {
                throw new NotFoundException("不在您的管理范围内：" + scope.nodeId());
            }
        });
        this.figures = figures;
        this.tree = tree;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        Figures f = figures.of(node(scope), from, to);
        return valuesOf(RAISED, f.raised(), CLOSED, f.resolved());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {
        String filter = switch (measure) {
            case RAISED -> "";
            case CLOSED -> " and ci.status in (" + DONE + ")";
            default -> throw unknown(measure);
        };
        long total = jdbc.sql("select count(*)" + FROM + filter).param("from", from).param("to", to)
                .param("scopePath", scope.pathPattern()).query(Long.class).single();
        List<List<String>> rows = jdbc.sql("select m.raised_on, n.name, m.title, m.kind, m.status, ci.status" + FROM
                        + filter + " order by m.raised_on, m.id limit :limit")
                .param("from", from).param("to", to).param("scopePath", scope.pathPattern()).param("limit", limit)
                .query((rs, i) -> List.of(String.valueOf(rs.getObject(1, LocalDate.class)), rs.getString(2),
                        rs.getString(3), rs.getString(4) == null ? "待归类" : MatterKind.valueOf(rs.getString(4)).label(),
                        MatterStatus.valueOf(rs.getString(5)).label(),
                        rs.getString(6) == null ? "—" : ClosureStatus.valueOf(rs.getString(6)).label()))
                .list();
        return new FigureRecords(measure.equals(RAISED) ? "期间内登记的议事事项" : "期间内登记且已办结的议事事项",
                List.of("登记日期", "村（社区）", "事项", "类别", "议事状态", "销号流程"), rows, total,
                BigDecimal.valueOf(total));
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        return "/deliberation/figures?nodeId=" + scope.nodeId() + "&from=" + from + "&to=" + to;
    }

    private OrgNode node(OrgScope scope) {
        return tree.byId(scope.nodeId()).orElseThrow(() -> new NotFoundException("组织节点不存在：" + scope.nodeId()));
    }
}
