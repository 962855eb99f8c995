package cn.zugong.indicator.internal.run;

/**
 * Numerators and denominators of every node × indicator of one evaluation, in flat primitive arrays
 * (10,000 units × 296 indicators is 3 million cells: objects per cell would not fit the heap budget).
 * A NaN numerator means "does not apply"; a NaN denominator means "not a ratio".
 */
public record Computation(ScopeNodes nodes, int indicators, double[] numerators, double[] denominators) {

    public boolean applies(int node, int indicator) {
        return !Double.isNaN(numerators[node * indicators + indicator]);
    }

    public double numerator(int node, int indicator) {
        return numerators[node * indicators + indicator];
    }

    public double denominator(int node, int indicator) {
        return denominators[node * indicators + indicator];
    }

    public long cells() {
        long n = 0;
        for (double v : numerators) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }
}
