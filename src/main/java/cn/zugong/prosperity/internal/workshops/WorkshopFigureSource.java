package cn.zugong.prosperity.internal.workshops;

import cn.zugong.prosperity.WorkshopFigures;
import cn.zugong.prosperity.WorkshopPeriod;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.AbstractFigureSource;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 共富工坊 for the annual review (ADR 081): the figures through {@link WorkshopFigures#of} (the figures page's own
 * computation) over the ledger months the period touches; the records are the workshops and their ledger by their
 * own queries, scoped by the workshop's node as the figures are.
 */
@Component
class WorkshopFigureSource extends AbstractFigureSource {

    /** Workshops operating in the period (as the figures count them: under a county node). */
    private static final String OPERATING = """
             from workshop w join org_node n on n.id = w.node_id join org_node c on c.id = w.county_id
            where c.kind = 'COUNTY' and n.path like :scopePath and w.started_on <= :endDate
              and (w.closed_on is null or w.closed_on >= :startDate)""";
    /** The ledger months of the period of the scope's workshops. */
    private static final String LEDGER = """
             from workshop_ledger l join workshop w on w.id = l.workshop_id join org_node n on n.id = w.node_id
             join org_node c on c.id = w.county_id
            where c.kind = 'COUNTY' and n.path like :scopePath and l.ledger_month between :fromMonth and :toMonth""";
    /** Each workshop's latest ledger month of the period (its jobs). */
    private static final String LATEST = LEDGER + " " + """
              and l.ledger_month = (select max(x.ledger_month) from workshop_ledger x where x.workshop_id = w.id
                and x.ledger_month between :fromMonth and :toMonth)""";

    private static final List<Measure> MEASURES = List.of(
            new Measure("workshops", "共富工坊", "家", MeasureKind.COUNT,
                    "所属组织在范围内、统计时段末日前开办且未在时段开始前停办的共富工坊"),
            new Measure("collectiveIncomeYuan", "促进村集体增收", "元", MeasureKind.AMOUNT,
                    "范围内共富工坊在统计时段所含各月台账中登记的村集体增收（元）之和"),
            new Measure("jobs", "吸纳农村就业", "人", MeasureKind.COUNT,
                    "范围内每家共富工坊取统计时段内最近一个月台账的吸纳就业人数，相加（同一工坊的人不按月重复计）"),
            new Measure("monthlyIncomePerWorkerYuan", "人均月增收", "元", MeasureKind.AVERAGE,
                    "统计时段所含各月台账的务工工资之和 ÷ 各月就业人数之和（人月），即每人每月的平均工资收入，元，保留两位小数"));

    private final WorkshopFigures figures;
    private final JdbcClient jdbc;

    WorkshopFigureSource(WorkshopFigures figures, JdbcClient jdbc) {
        super("prosperity.workshops", MEASURES, Reader.OFFICE);
        this.figures = figures;
        this.jdbc = jdbc;
    }

    /** The ledger months the days touch: the figures page's period is by month. */
    static WorkshopPeriod period(LocalDate from, LocalDate to) {
        return new WorkshopPeriod(YearMonth.from(from), YearMonth.from(to));
    }

    @Override
    public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
        WorkshopFigures.Totals t = figures.of(scope, period(from, to)).total();
        return valuesOf("workshops", t.workshops(), "collectiveIncomeYuan", t.collectiveIncome(), "jobs", t.jobs(),
                "monthlyIncomePerWorkerYuan", t.monthlyIncomePerWorker());
    }

    @Override
    protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit) {

        WorkshopPeriod p = period(from, to);
        return switch (measure) {
            case "workshops" -> workshops(scope, p, limit);
            case "collectiveIncomeYuan" -> ledger(scope, p, limit, false);
            case "jobs" -> jobs(scope, p, limit);
            case "monthlyIncomePerWorkerYuan" -> ledger(scope, p, limit, true);
            default -> throw unknown(measure);
        };
    }

    private JdbcClient.StatementSpec bind(String sql, OrgScope scope, WorkshopPeriod p) {
        var spec = jdbc.sql(sql).param("scopePath", scope.pathPattern());
        if (sql.contains(":startDate")) {
            spec = spec.param("startDate", Date.valueOf(p.startDate())).param("endDate", Date.valueOf(p.endDate()));
        }
        if (sql.contains(":fromMonth")) {
            spec = spec.param("fromMonth", p.fromKey()).param("toMonth", p.toKey());
        }
        return spec;
    }

    private FigureRecords workshops(OrgScope scope, WorkshopPeriod p, int limit) {
        long total = bind("select count(*)" + OPERATING, scope, p).query(Long.class).single();
        List<List<String>> rows = bind("select w.name, c.name as county, n.name as node, w.started_on, w.closed_on"
                + OPERATING + " order by n.path, w.name, w.id limit " + limit, scope, p)
                .query((rs, i) -> List.of(rs.getString("name"), rs.getString("county"), rs.getString("node"),
                        String.valueOf(rs.getDate("started_on")),
                        rs.getDate("closed_on") == null ? "运营中" : "停办于 " + rs.getDate("closed_on")))
                .list();
        return new FigureRecords("统计时段内运营的共富工坊", List.of("工坊", "县（区）", "所属组织", "开办日期", "状态"),
                rows, total, BigDecimal.valueOf(total));
    }

    /**
     * The ledger months of the period: the collective income adds up over them; 人均月增收 is their wages over
     * their worker-months (each month's employed is how many worker-months it holds), as the figures divide.
     */
    private FigureRecords ledger(OrgScope scope, WorkshopPeriod p, int limit, boolean perWorker) {
        var sums = bind("select count(*) as n, coalesce(sum(l.collective_income), 0) as collective,"
                + " coalesce(sum(l.wages), 0) as wages, coalesce(sum(l.employed), 0) as employed" + LEDGER, scope, p)
                .query().singleRow();
        long n = ((Number) sums.get("n")).longValue();
        BigDecimal value;
        if (perWorker) {
            long workerMonths = ((Number) sums.get("employed")).longValue();
            value = workerMonths == 0 ? BigDecimal.ZERO : new BigDecimal(sums.get("wages").toString())
                    .divide(BigDecimal.valueOf(workerMonths), 2, RoundingMode.HALF_UP);
        } else {
            value = new BigDecimal(sums.get("collective").toString()).setScale(2, RoundingMode.UNNECESSARY);
        }
        List<List<String>> rows = bind("select w.name, l.ledger_month, l.employed, l.wages, l.collective_income"
                + LEDGER + " order by w.name, w.id, l.ledger_month limit " + limit, scope, p)
                .query((rs, i) -> List.of(rs.getString("name"), monthText(rs.getInt("ledger_month")),
                        String.valueOf(rs.getLong("employed")), rs.getBigDecimal("wages").toPlainString(),
                        rs.getBigDecimal("collective_income").toPlainString()))
                .list();
        return new FigureRecords(perWorker ? "统计时段的工坊月台账：人均月增收 = 工资合计 ÷ 就业人数合计（人月）"
                : "统计时段的工坊月台账：村集体增收之和",
                List.of("工坊", "月份", "就业人数", "务工工资（元）", "村集体增收（元）"), rows, n, value);
    }

    /**
     * 吸纳就业 counts people, who are not on record one by one: the records are each workshop's latest ledger month
     * of the period and the total is the people they employ (what the figure counts).
     */
    private FigureRecords jobs(OrgScope scope, WorkshopPeriod p, int limit) {
        long people = bind("select coalesce(sum(l.employed), 0)" + LATEST, scope, p).query(Long.class).single();
        List<List<String>> rows = bind("select w.name, c.name as county, l.ledger_month, l.employed, l.low_income"
                + LATEST + " order by n.path, w.name, w.id limit " + limit, scope, p)
                .query((rs, i) -> List.of(rs.getString("name"), rs.getString("county"),
                        monthText(rs.getInt("ledger_month")), String.valueOf(rs.getLong("employed")),
                        String.valueOf(rs.getLong("low_income"))))
                .list();
        return new FigureRecords("每家工坊统计时段内最近一个月的台账，合计为吸纳就业人数",
                List.of("工坊", "县（区）", "台账月份", "吸纳就业（人）", "其中低收入农户（人）"), rows, people,
                BigDecimal.valueOf(people));
    }

    private static String monthText(int key) {
        YearMonth m = WorkshopPeriod.month(key);
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    @Override
    public String page(OrgScope scope, LocalDate from, LocalDate to) {
        WorkshopPeriod p = period(from, to);
        return "/prosperity/workshops/figures?from=" + p.from() + "&to=" + p.to();
    }
}
