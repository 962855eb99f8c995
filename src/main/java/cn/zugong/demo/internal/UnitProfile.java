package cn.zugong.demo.internal;

import java.util.SplittableRandom;

/**
 * How one unit's workforce looks: mild differences between ordinary units (so the health check shows blue and
 * yellow where units really differ) and a few troubled units that are clearly worse than the rest.
 *
 * @param fill          actual head-count ÷ 编制数 for units within their 编制
 * @param over          people beyond the 编制 (超编), 0 for most units
 * @param youngShare    share under 35
 * @param postgradShare share of full-time 研究生 (before the age adjustment)
 * @param staleShare    share of people who have stayed in the unit for 10–25 years
 * @param lowTraining   share below the 90 training hours of the year
 * @param maleShare     share of men
 * @param excellent     share of 优秀 in the yearly assessment (the unit's 优秀 quota)
 * @param troubled      aged, over its quotas, assessments missing, little training
 */
public record UnitProfile(double fill, int over, double youngShare, double postgradShare, double staleShare,
                          double lowTraining, double maleShare, double excellent, boolean troubled) {

    static UnitProfile draw(SplittableRandom r, double maleShare, boolean troubled, int over) {
        double male = maleShare > 0 ? maleShare + between(r, -0.05, 0.05) : between(r, 0.48, 0.66);
        if (troubled) {
            return new UnitProfile(over > 0 ? 1 : between(r, 0.86, 0.95), over, between(r, 0.02, 0.05),
                    between(r, 0.0, 0.03), between(r, 0.55, 0.7), between(r, 0.35, 0.5), male, between(r, 0.07, 0.09),
                    true);
        }
        double v = r.nextDouble();
        double fill = over > 0 ? 1 : v < 0.08 ? between(r, 0.76, 0.85) : between(r, 0.85, 0.98);
        double y = r.nextDouble();
        double young = y < 0.1 ? between(r, 0.12, 0.18) : y < 0.2 ? between(r, 0.32, 0.4) : between(r, 0.2, 0.3);
        double p = r.nextDouble();
        double postgrad = p < 0.05 ? between(r, 0.04, 0.07) : p < 0.15 ? between(r, 0.18, 0.25)
                : between(r, 0.10, 0.16);
        double stale = between(r, 0.03, 0.15);
        double training = r.nextDouble() < 0.1 ? between(r, 0.08, 0.15) : between(r, 0.0, 0.05);
        double excellent = r.nextDouble() < 0.1 ? between(r, 0.19, 0.2) : between(r, 0.13, 0.18);
        return new UnitProfile(fill, over, young, postgrad, stale, training, male, excellent, false);
    }

    static double between(SplittableRandom r, double low, double high) {
        return low + r.nextDouble() * (high - low);
    }
}
