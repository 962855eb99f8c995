package cn.zugong.prosperity;

import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The figures of 共富工坊 and 百企联百村 for a scope (ADR 071), one computation for the figures page, its API, its
 * Excel and the annual review (issue 20). 口径:
 * <ul>
 * <li><b>workshops</b>: those started by the period's end and not closed before its start (停办 before it: not
 * counted); {@code provincialModels} the 省级示范 among them;</li>
 * <li><b>jobs</b> (吸纳就业): per workshop, the people employed in its latest ledger month within the period, summed
 * — a person is counted once per workshop, not once per month; {@code lowIncomeJobs} the 低收入农户 among them;</li>
 * <li><b>workerMonths</b>: people employed summed over every ledger month of the period; wages, sales and collective
 * income (村集体增收) are summed over the same months;</li>
 * <li><b>monthly income per worker</b> (人均月增收) = wages / worker-months, in yuan.</li>
 * </ul>
 * A workshop counts in the scope, and under its county, by the org node it belongs to.
 */
public interface WorkshopFigures {

    /** The workshops' figures in the scope over the period, in total and by county. */
    Figures of(OrgScope scope, WorkshopPeriod period);

    /** 百企联百村 and 强村公司 in the scope, in total and by county. */
    PairFigures pairs(OrgScope scope);

    /** One line: a county (key its code) or the total (key "total"). */
    record Totals(String key, String name, long workshops, long provincialModels, long jobs, long lowIncomeJobs,
                  long workerMonths, BigDecimal wages, BigDecimal sales, BigDecimal collectiveIncome) {

        /** 人均月增收: wages / worker-months, yuan with two decimals; zero when nobody was employed. */
        public BigDecimal monthlyIncomePerWorker() {
            return workerMonths == 0 ? BigDecimal.ZERO
                    : wages.divide(BigDecimal.valueOf(workerMonths), 2, RoundingMode.HALF_UP);
        }
    }

    /** {@code sentence}: the seed's sentence printed from these figures. */
    record Figures(WorkshopPeriod period, Totals total, List<Totals> byCounty, String sentence) {
    }

    /**
     * {@code pairs}: active enterprise–village pairs; {@code enterprises} and {@code villages}: distinct ones among
     * them; {@code companies}: 强村公司 of the counties in the scope; {@code shareholderVillages}: distinct villages
     * holding shares in them.
     */
    record PairTotals(String key, String name, long pairs, long enterprises, long villages, long companies,
                      long shareholderVillages) {
    }

    record PairFigures(PairTotals total, List<PairTotals> byCounty, String sentence) {
    }
}
