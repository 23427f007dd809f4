package dev.ctime.stats;

import java.util.Arrays;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * How far one sample lies from another: the Hodges-Lehmann estimate (the median of all pairwise
 * differences x_i - y_j) with the confidence interval that inverts the Mann-Whitney test, and
 * that test's p-value for "no shift". Distribution-free and exact for small samples; with too
 * few runs the interval is unbounded and the test cannot reject, which is the honest answer.
 *
 * @param estimate median of the pairwise differences
 * @param low      lower end of the 95% interval, or null where the runs cannot bound it
 * @param high     upper end, or null likewise
 * @param pValue   two-sided p-value of the Mann-Whitney test of no shift
 */
public record Shift(double estimate, Double low, Double high, double pValue) {
    private static final MannWhitneyUTest TEST = MannWhitneyUTest.withDefaults();

    public boolean significant() {
        return pValue < 1 - Statistics.LEVEL && low != null && high != null && (low > 0 || high < 0);
    }

    public static Shift of(double[] x, double[] y) {
        return of(x, y, Statistics.LEVEL);
    }

    /**
     * The same at another confidence: a race that compares many profiles with one leader, round after round, bounds
     * each comparison at a stricter level so that all of them together still hold at 95%.
     */
    public static Shift of(double[] x, double[] y, double level) {
        if (x.length == 0 || y.length == 0) throw new IllegalArgumentException("a shift needs runs on both sides");
        double[] d = new double[x.length * y.length];
        int at = 0;
        for (double a : x) for (double b : y) d[at++] = a - b;
        Arrays.sort(d);
        double estimate = Statistics.medianOfSorted(d);
        double[] distinct = Arrays.stream(d).distinct().toArray();
        double p = pValue(x, y, 0);
        if (distinct.length == 1) {
            // Every pair differs by the same amount: no spread to test against. With so few runs that the
            // test could never reject (one build against one), that says nothing, and the interval is unbounded.
            if (!canBound(x.length, y.length, level)) return new Shift(estimate, null, null, 1);
            return new Shift(estimate, distinct[0], distinct[0], distinct[0] == 0 ? 1 : p);
        }
        // Gap g lies between distinct[g-1] and distinct[g] (g = 0 and g = K are the open ends).
        // A shift inside a gap is accepted when the test does not reject it; the accepted gaps
        // form one run around the estimate, found by bisection on each side.
        int k = distinct.length;
        int centre = Math.max(0, Math.min(k, insertion(distinct, estimate)));
        while (centre > 0 && !accepted(x, y, distinct, centre, level)) centre--;
        int lo = firstAccepted(x, y, distinct, 0, centre, level);
        int hi = lastAccepted(x, y, distinct, centre, k, level);
        Double low = lo == 0 ? null : distinct[lo - 1];
        Double high = hi == k ? null : distinct[hi];
        return new Shift(estimate, low, high, p);
    }

    /**
     * Whether n runs against m can bound a shift at this confidence at all: only where the most extreme ranking, all
     * of one side above the other (2 of C(n + m, n) rankings, two-sided), is rarer than the level allows. 4 against 4
     * can (2/70), 5 against 3 can (2/56), 4 against 3 cannot (2/35).
     */
    public static boolean canBound(int n, int m, double level) {
        // No run on one side: C(n, n) = 1, and 2 is never below 1 - level.
        return 2 / binomial(n + m, n) < 1 - level;
    }

    /** C(n, k), as a double: how many ways the ranks can fall, the exact test's denominator. */
    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }

    private static int insertion(double[] sorted, double v) {
        int i = Arrays.binarySearch(sorted, v);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static boolean accepted(double[] x, double[] y, double[] distinct, int gap, double level) {
        double mu;
        int k = distinct.length;
        double span = distinct[k - 1] - distinct[0];
        if (gap == 0) mu = distinct[0] - span;
        else if (gap == k) mu = distinct[k - 1] + span;
        else mu = 0.5 * (distinct[gap - 1] + distinct[gap]);
        return pValue(x, y, mu) >= 1 - level;
    }

    /** Smallest accepted gap in [from, to], knowing gap {@code to} is accepted and acceptance grows towards it. */
    private static int firstAccepted(double[] x, double[] y, double[] distinct, int from, int to, double level) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (accepted(x, y, distinct, mid, level)) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static int lastAccepted(double[] x, double[] y, double[] distinct, int from, int to, double level) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (accepted(x, y, distinct, mid, level)) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private static double pValue(double[] x, double[] y, double mu) {
        return TEST.withMu(mu).test(x, y).getPValue();
    }
}
