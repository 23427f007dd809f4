package dev.ctime.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * How far one sample lies from another where their runs pair up (the i-th build round, or the i-th fork, timed both):
 * Student's t interval on the mean of the paired log ratios, as a difference from the second sample's median. A race
 * bounds many comparisons at a very strict level at once; the rank test's interval cannot reach such a level with a
 * few runs a side whatever the effect (4 against 4 never rejects below 2.9%), while pairing cancels what a round or a
 * fork shares (a busy moment slows both alike, by a factor) and t lets a large, consistent difference show with few
 * runs. It assumes the log ratios roughly normal: used only where the race leaves a profile out, never for the
 * recommendation itself.
 */
public final class PairedShift {
    private PairedShift() {
    }

    /** The pairs are the first runs of both, up to the fewer; the interval is null at either end with fewer than 3 pairs. */
    public static Shift of(double[] x, double[] y, double level) {
        int n = Math.min(x.length, y.length);
        if (n == 0) throw new IllegalArgumentException("a shift needs runs on both sides");
        double[] d = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(Math.max(x[i], 1e-12)) - Math.log(Math.max(y[i], 1e-12));
            mean += d[i] / n;
        }
        double base = Statistics.median(java.util.Arrays.copyOf(y, n));
        double estimate = base * Math.expm1(mean);
        if (n < 3) return new Shift(estimate, null, null, 1);
        double ss = 0;
        for (double v : d) ss += (v - mean) * (v - mean);
        double se = Math.sqrt(ss / (n - 1) / n);
        TDistribution t = TDistribution.of(n - 1);
        double half = t.inverseSurvivalProbability((1 - level) / 2) * se;
        double p = se == 0 ? (mean == 0 ? 1 : 0) : 2 * t.survivalProbability(Math.abs(mean) / se);
        return new Shift(estimate, base * Math.expm1(mean - half), base * Math.expm1(mean + half), p);
    }
}
