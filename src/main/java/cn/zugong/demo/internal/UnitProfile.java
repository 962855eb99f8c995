package cn.zugong.demo.internal;

import java.util.SplittableRandom;

/**
 * How one unit's workforce looks: the knobs that make the health check colour units differently.
 *
 * @param fill          actual head-count ÷ 编制数 (below 0.8 is more than 20% vacant, above 1 is 超编)
 * @param youngShare    share under 35
 * @param postgradShare share of full-time 研究生 (before the age adjustment)
 * @param staleShare    share of long-serving people who joined the unit more than 10 years ago
 * @param lowTraining   share below the 90 training hours of the year
 * @param maleShare     share of men
 * @param excellent     share of 优秀 in the yearly assessment
 */
public record UnitProfile(double fill, double youngShare, double postgradShare, double staleShare, double lowTraining,
                   double maleShare, double excellent) {

    static UnitProfile draw(SplittableRandom r, double maleShare) {
        double v = r.nextDouble();
        double fill = v < 0.14 ? between(r, 0.66, 0.79) : v < 0.22 ? between(r, 0.80, 0.85)
                : v < 0.29 ? between(r, 1.03, 1.12) : between(r, 0.86, 1.0);
        double y = r.nextDouble();
        double young = y < 0.12 ? between(r, 0.0, 0.06) : y < 0.27 ? between(r, 0.33, 0.45) : between(r, 0.15, 0.28);
        double p = r.nextDouble();
        double postgrad = p < 0.15 ? between(r, 0.0, 0.03) : p < 0.25 ? between(r, 0.20, 0.30) : between(r, 0.09, 0.17);
        double stale = r.nextDouble() < 0.2 ? between(r, 0.6, 0.85) : between(r, 0.15, 0.4);
        double training = r.nextDouble() < 0.2 ? between(r, 0.3, 0.6) : between(r, 0.01, 0.08);
        double e = r.nextDouble();
        double excellent = e < 0.12 ? between(r, 0.21, 0.30) : e < 0.2 ? between(r, 0.06, 0.12) : between(r, 0.14, 0.19);
        double male = maleShare > 0 ? maleShare + between(r, -0.05, 0.05) : between(r, 0.44, 0.70);
        return new UnitProfile(fill, young, postgrad, stale, training, male, excellent);
    }

    static double between(SplittableRandom r, double low, double high) {
        return low + r.nextDouble() * (high - low);
    }
}
