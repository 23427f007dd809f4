package dev.ctime.stats;

import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Quantile;

import dev.ctime.model.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Robust, distribution-free statistics for repeated measurements. The interval of a median is
 * the sign-test interval between two order statistics: its coverage is exact whatever the
 * distribution, and with few runs it honestly says it cannot reach 95% (a bootstrap of the
 * median of 3 values always returns [min, max] and calls it 95%, though it holds the median
 * 75% of the time).
 */
public final class Statistics {
    /** The confidence level of every interval ctime reports. */
    public static final double LEVEL = Summary.LEVEL;
    /** A confidence interval wider than this share of the median marks a figure noisy. */
    public static final double NOISY_RELATIVE_WIDTH = 0.10;

    private Statistics() {
    }

    /** A figure from independent runs (one value per build). */
    public static Summary summarize(double[] runs) {
        if (runs.length == 0) throw new IllegalArgumentException("no samples to summarize");
        return of(runs, toList(runs), null);
    }

    /**
     * A figure from several processes: each fork's values are one group, each group's median is
     * one run, and the figure is the median of those.
     */
    public static Summary summarizeGroups(List<double[]> groups) {
        List<double[]> nonEmpty = groups.stream().filter(g -> g.length > 0).toList();
        if (nonEmpty.isEmpty()) throw new IllegalArgumentException("no samples to summarize");
        double[] units = nonEmpty.stream().mapToDouble(Statistics::median).toArray();
        List<Double> all = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (double[] g : nonEmpty) {
            all.addAll(toList(g));
            sizes.add(g.length);
        }
        return of(units, all, sizes);
    }

    private static Summary of(double[] units, List<Double> samples, List<Integer> groups) {
        double[] s = units.clone();
        Arrays.sort(s);
        double median = medianOfSorted(s);
        Interval ci = medianInterval(s);
        double precision = median == 0 ? 0 : (ci.high - ci.low) / 2 / Math.abs(median);
        boolean noisy = median != 0 && (ci.high - ci.low) / Math.abs(median) > NOISY_RELATIVE_WIDTH;
        return new Summary(median, s[0], s[s.length - 1], s.length, ci.low, ci.high, ci.level, precision, false, 0,
                tukeyOutliers(s), noisy, samples, groups);
    }

    /** An interval and the probability with which it holds the true value. */
    public record Interval(double low, double high, double level) {
    }

    /**
     * Sign-test interval of the median: [x(k), x(n-k+1)] for the largest k whose coverage
     * 1 - 2 P(Bin(n, 1/2) &lt; k) is still at least 95%; [min, max] with its real, lower
     * coverage when even k = 1 falls short (fewer than 6 runs).
     */
    public static Interval medianInterval(double[] sorted) {
        int n = sorted.length;
        if (n == 1) return new Interval(sorted[0], sorted[0], 0);
        BinomialDistribution b = BinomialDistribution.of(n, 0.5);
        int k = 0;
        while (k + 1 <= n / 2 && 1 - 2 * b.cumulativeProbability(k) >= LEVEL) k++;
        if (k == 0) return new Interval(sorted[0], sorted[n - 1], 1 - 2 * b.probability(0));
        return new Interval(sorted[k - 1], sorted[n - k], 1 - 2 * b.cumulativeProbability(k - 1));
    }

    public static double median(double[] samples) {
        return MEDIAN.evaluate(samples);
    }

    static double medianOfSorted(double[] s) {
        return MEDIAN.evaluate(s);
    }

    /** Quantile with linear interpolation between order statistics (type 7, as R and numpy). */
    static double quantileOfSorted(double[] s, double q) {
        return QUANTILE.evaluate(s, q);
    }

    /** The middle value (the mean of the two middle ones for an even count), the input left as it was. */
    private static final Median MEDIAN = Median.withDefaults().withCopy(true);
    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).withCopy(true);

    /** Samples outside Tukey's fences [Q1 - 1.5 IQR, Q3 + 1.5 IQR]. */
    public static int tukeyOutliers(double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        if (s.length < 4) return 0;
        double q1 = quantileOfSorted(s, 0.25);
        double q3 = quantileOfSorted(s, 0.75);
        double iqr = q3 - q1;
        double lo = q1 - 1.5 * iqr;
        double hi = q3 + 1.5 * iqr;
        int n = 0;
        for (double v : s) if (v < lo || v > hi) n++;
        return n;
    }

    /**
     * Whether more runs stopped narrowing an interval: its width after the last three runs is not 5% below
     * the width before them. What ends the runs the decision asks for, builds and forks alike.
     */
    public static boolean stoppedNarrowing(List<Double> widths) {
        int w = widths.size();
        return w > 3 && !(widths.get(w - 1) < 0.95 * widths.get(w - 4));
    }

    /** The runs behind a summary: the raw values for builds, each group's median for kernels. */
    /**
     * Two figures' runs paired fork by fork, {x, y}: the runs of the forks both were timed in, where there are enough
     * for a paired 95% interval ({@link SignedRankShift#FEWEST_PAIRS}); null where they do not pair (builds, runs of
     * other processes or machines, too few forks in common).
     */
    public static double[][] pairs(Summary a, Summary b) {
        if (a == null || b == null || a.forks() == null || b.forks() == null) return null;
        double[] ua = units(a);
        double[] ub = units(b);
        if (ua.length != a.forks().size() || ub.length != b.forks().size()) return null;
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < ua.length; i++) {
            int j = b.forks().indexOf(a.forks().get(i));
            if (j < 0) continue;
            x.add(ua[i]);
            y.add(ub[j]);
        }
        if (x.size() < SignedRankShift.FEWEST_PAIRS) return null;
        return new double[][] {x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    public static double[] units(Summary s) {
        if (s.samples() == null) return new double[] {s.median()};
        double[] all = s.samples().stream().mapToDouble(Double::doubleValue).toArray();
        if (s.groups() == null) return all;
        double[] units = new double[s.groups().size()];
        int at = 0;
        for (int i = 0; i < units.length; i++) {
            int len = s.groups().get(i);
            units[i] = median(Arrays.copyOfRange(all, at, at + len));
            at += len;
        }
        return units;
    }

    private static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double v : a) l.add(v);
        return l;
    }
}
