package dev.ctime.stats;

import java.util.Arrays;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * How far one sample lies from another where their runs pair up (the i-th fork timed both, side by side): the
 * Hodges-Lehmann estimate of the paired log ratios (the median of their Walsh averages) with the interval that inverts
 * the exact Wilcoxon signed-rank test. What a fork shares (a slow moment, a busy neighbour, a CPU the VM moved it to)
 * cancels in each pair, so the interval is the spread of the differences, not of the forks. Distribution-free and exact:
 * six pairs reach 95% (2/64 = 0.031), fewer never do, and the interval is then unbounded. The interval's critical
 * values are counted here; Commons Statistics gives the test's p-value.
 */
public final class SignedRankShift {
    /** The fewest pairs with which the interval exists at 95%. */
    public static final int FEWEST_PAIRS = 6;
    /** Up to this many pairs the null distribution is counted exactly; beyond it, its normal approximation. */
    private static final int EXACT = 60;

    private SignedRankShift() {
    }

    /**
     * @param x     the first sample's runs, x[i] paired with y[i]
     * @param y     the second's
     * @param level the interval's confidence
     * @return the difference x - y, with its interval: a log ratio d read at the two medians' geometric mean g as
     *         g (e^(d/2) - e^(-d/2)), which is x - y exactly where x and y are those medians, and which turns sign,
     *         not size, when x and y swap (so "a costs at most this more than b" and "b at least this less" agree)
     */
    public static Shift of(double[] x, double[] y, double level) {
        Shift log = logRatio(x, y, level);
        double g = Math.sqrt(Statistics.median(x.clone()) * Statistics.median(y.clone()));
        return new Shift(g * 2 * Math.sinh(log.estimate() / 2), log.low() == null ? null : g * 2 * Math.sinh(log.low() / 2),
                log.high() == null ? null : g * 2 * Math.sinh(log.high() / 2), log.pValue());
    }

    /** The same on the log scale: the shift of log(x / y), pair by pair, with its interval and p-value. */
    public static Shift logRatio(double[] x, double[] y, double level) {
        if (x.length != y.length || x.length == 0) throw new IllegalArgumentException("paired runs: " + x.length + " and " + y.length);
        int n = x.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = Math.log(Math.max(x[i], 1e-12)) - Math.log(Math.max(y[i], 1e-12));
        double[] walsh = new double[n * (n + 1) / 2];
        int at = 0;
        for (int i = 0; i < n; i++) for (int j = i; j < n; j++) walsh[at++] = (d[i] + d[j]) / 2;
        Arrays.sort(walsh);
        // The k-th smallest and k-th largest Walsh averages bound the shift, k the largest with P(W <= k - 1) <= alpha/2.
        int k = critical(n, (1 - level) / 2);
        return new Shift(Statistics.medianOfSorted(walsh), k < 1 ? null : walsh[k - 1], k < 1 ? null : walsh[walsh.length - k],
                pValue(d));
    }

    /** The largest k with P(W+ <= k - 1) <= tail under the null (W+ the sum of the positive ranks); 0 where none. */
    static int critical(int n, double tail) {
        if (n > EXACT) {
            double mean = n * (n + 1) / 4.0;
            double sd = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24);
            double z = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).inverseSurvivalProbability(tail);
            return (int) Math.max(0, Math.floor(mean - z * sd - 0.5) + 1);
        }
        double[] cdf = cdf(n);
        int k = 0;
        while (k < cdf.length && cdf[k] <= tail) k++;
        return k;
    }

    /** P(W+ <= w) for w = 0 … n(n+1)/2, counted exactly: each rank is in W+ or not, 2^n ways alike. */
    static double[] cdf(int n) {
        int max = n * (n + 1) / 2;
        double[] ways = new double[max + 1];
        ways[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int w = max; w >= r; w--) ways[w] += ways[w - r];
        }
        double total = Math.pow(2, n);
        double[] cdf = new double[max + 1];
        double sum = 0;
        for (int w = 0; w <= max; w++) {
            sum += ways[w];
            cdf[w] = sum / total;
        }
        return cdf;
    }

    /** Two-sided p-value of "no shift", by Commons Statistics' signed-rank test (exact for small samples). */
    static double pValue(double[] d) {
        if (Arrays.stream(d).allMatch(v -> v == 0)) return 1;
        return WilcoxonSignedRankTest.withDefaults().test(d).getPValue();
    }
}
