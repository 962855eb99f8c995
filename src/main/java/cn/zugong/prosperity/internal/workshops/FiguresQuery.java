package cn.zugong.prosperity.internal.workshops;

import cn.zugong.shared.NumberPhrases;
import cn.zugong.prosperity.WorkshopFigures;
import cn.zugong.prosperity.WorkshopPeriod;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@link WorkshopFigures}: one SQL query per figure set, grouped by county (the total is the sum of the county lines,
 * every figure being additive across counties). The 口径 is on the interface.
 */
@Service
class FiguresQuery implements WorkshopFigures {

    /*
     * Three aggregates joined on the county: the workshops operating in the period, the ledger months of the period
     * (worker-months and money), and each workshop's latest ledger month of the period (jobs).
     */
    private static final String WORKSHOPS = """
            select c.code, c.name,
                   coalesce(w.workshops, 0) as workshops, coalesce(w.models, 0) as models,
                   coalesce(j.jobs, 0) as jobs, coalesce(j.low_income, 0) as low_income,
                   coalesce(l.worker_months, 0) as worker_months, coalesce(l.wages, 0) as wages,
                   coalesce(l.sales, 0) as sales, coalesce(l.collective, 0) as collective
              from org_node c
              left join (select w.county_id, count(*) as workshops,
                                sum(case when w.provincial_model then 1 else 0 end) as models
                           from workshop w join org_node n on n.id = w.node_id
                          where n.path like :scopePath and w.started_on <= :endDate
                            and (w.closed_on is null or w.closed_on >= :startDate)
                          group by w.county_id) w on w.county_id = c.id
              left join (select w.county_id, sum(l.employed) as worker_months, sum(l.wages) as wages,
                                sum(l.sales) as sales, sum(l.collective_income) as collective
                           from workshop_ledger l join workshop w on w.id = l.workshop_id
                           join org_node n on n.id = w.node_id
                          where n.path like :scopePath and l.ledger_month between :fromMonth and :toMonth
                          group by w.county_id) l on l.county_id = c.id
              left join (select w.county_id, sum(l.employed) as jobs, sum(l.low_income) as low_income
                           from (select x.workshop_id, max(x.ledger_month) as last_month
                                   from workshop_ledger x
                                  where x.ledger_month between :fromMonth and :toMonth
                                  group by x.workshop_id) last
                           join workshop_ledger l on l.workshop_id = last.workshop_id
                                                 and l.ledger_month = last.last_month
                           join workshop w on w.id = l.workshop_id join org_node n on n.id = w.node_id
                          where n.path like :scopePath
                          group by w.county_id) j on j.county_id = c.id
             where c.kind = 'COUNTY'
               and (w.county_id is not null or l.county_id is not null or j.county_id is not null)
             order by c.code""";

    /** Active pairs (by their village) and 强村公司 (by their county) per county. */
    private static final String PAIRS = """
            select c.code, c.name, coalesce(p.pairs, 0) as pairs, coalesce(p.enterprises, 0) as enterprises,
                   coalesce(p.villages, 0) as villages, coalesce(k.companies, 0) as companies,
                   coalesce(k.villages, 0) as shareholder_villages
              from org_node c
              left join (select p.county_id, count(*) as pairs, count(distinct p.enterprise_id) as enterprises,
                                count(distinct p.village_id) as villages
                           from workshop_pair p join org_node v on v.id = p.village_id
                          where p.status = 'ACTIVE' and v.path like :scopePath
                          group by p.county_id) p on p.county_id = c.id
              left join (select k.county_id, count(distinct k.id) as companies,
                                count(distinct s.village_id) as villages
                           from workshop_company k join org_node n on n.id = k.county_id
                           left join workshop_company_share s on s.company_id = k.id
                          where n.path like :scopePath
                          group by k.county_id) k on k.county_id = c.id
             where c.kind = 'COUNTY' and (p.county_id is not null or k.county_id is not null)
             order by c.code""";

    /** Distinct enterprises and villages over all counties (an enterprise may pair in two counties). */
    private static final String PAIR_DISTINCT = """
            select count(*) as pairs, count(distinct p.enterprise_id) as enterprises,
                   count(distinct p.village_id) as villages
              from workshop_pair p join org_node v on v.id = p.village_id
             where p.status = 'ACTIVE' and v.path like :scopePath""";

    private final JdbcClient jdbc;

    FiguresQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Figures of(OrgScope scope, WorkshopPeriod period) {
        List<Totals> counties = jdbc.sql(WORKSHOPS).param("scopePath", scope.pathPattern())
                .param("startDate", Date.valueOf(period.startDate())).param("endDate", Date.valueOf(period.endDate()))
                .param("fromMonth", period.fromKey()).param("toMonth", period.toKey())
                .query((rs, i) -> new Totals(rs.getString("code"), rs.getString("name"), rs.getLong("workshops"),
                        rs.getLong("models"), rs.getLong("jobs"), rs.getLong("low_income"),
                        rs.getLong("worker_months"), money(rs.getBigDecimal("wages")),
                        money(rs.getBigDecimal("sales")), money(rs.getBigDecimal("collective")))).list();
        Totals total = new Totals("total", "合计", sum(counties, Totals::workshops),
                sum(counties, Totals::provincialModels), sum(counties, Totals::jobs),
                sum(counties, Totals::lowIncomeJobs), sum(counties, Totals::workerMonths),
                add(counties, Totals::wages), add(counties, Totals::sales), add(counties, Totals::collectiveIncome));
        return new Figures(period, total, counties, sentence(total));
    }

    @Override
    public PairFigures pairs(OrgScope scope) {
        List<PairTotals> counties = jdbc.sql(PAIRS).param("scopePath", scope.pathPattern())
                .query((rs, i) -> new PairTotals(rs.getString("code"), rs.getString("name"), rs.getLong("pairs"),
                        rs.getLong("enterprises"), rs.getLong("villages"), rs.getLong("companies"),
                        rs.getLong("shareholder_villages"))).list();
        PairTotals distinct = jdbc.sql(PAIR_DISTINCT).param("scopePath", scope.pathPattern())
                .query((rs, i) -> new PairTotals("total", "合计", rs.getLong("pairs"), rs.getLong("enterprises"),
                        rs.getLong("villages"), sum(counties, PairTotals::companies),
                        sum(counties, PairTotals::shareholderVillages))).single();
        return new PairFigures(distinct, counties, pairSentence(distinct, area(scope)));
    }

    /** 累计打造“共富工坊”322家，促进村集体增收1750余万元，吸纳农村就业1.7万余人，人均月增收2580元. */
    static String sentence(Totals t) {
        return "累计打造“共富工坊”" + t.workshops() + "家，促进村集体增收" + NumberPhrases.about(t.collectiveIncome())
                + "元，吸纳农村就业" + NumberPhrases.about(t.jobs()) + "人，人均月增收"
                + NumberPhrases.wholeYuan(t.monthlyIncomePerWorker()) + "元";
    }

    /** 组建强村公司20家，推动全市160余家企业结对帮扶100个村. */
    static String pairSentence(PairTotals t, String area) {
        return "组建强村公司" + t.companies() + "家，推动" + area + NumberPhrases.about(t.enterprises()) + "家企业结对帮扶"
                + NumberPhrases.about(t.villages()) + "个村";
    }

    /** 全市 for a city's scope (全省, 全县 likewise); nothing below a county. */
    static String area(OrgScope scope) {
        long depth = scope.path().chars().filter(c -> c == '/').count() - 1;
        return depth == 1 ? "全省" : depth == 2 ? "全市" : depth == 3 ? "全县" : "";
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2);
    }

    private static <T> long sum(List<T> rows, java.util.function.ToLongFunction<T> f) {
        return rows.stream().mapToLong(f).sum();
    }

    private static <T> BigDecimal add(List<T> rows, java.util.function.Function<T, BigDecimal> f) {
        return rows.stream().map(f).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
