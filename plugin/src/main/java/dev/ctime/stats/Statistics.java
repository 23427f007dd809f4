package dev.ctime.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Robust statistics for repeated measurements. Deterministic: the bootstrap uses a fixed seed. */
public final class Statistics {
    /** A confidence interval wider than this share of the median marks a figure noisy. */
    public static final double NOISY_RELATIVE_WIDTH = 0.10;
    static final int RESAMPLES = 2000;
    private static final long BOOTSTRAP_SEED = 0x5EEDL;

    private Statistics() {
    }

    public static Summary summarize(double[] samples) {
        if (samples.length == 0) throw new IllegalArgumentException("no samples to summarize");
        double[] s = samples.clone();
        Arrays.sort(s);
        double median = medianOfSorted(s);
        double[] ci = bootstrapMedianCi(s, 0.95);
        boolean noisy = median != 0 && (ci[1] - ci[0]) / Math.abs(median) > NOISY_RELATIVE_WIDTH;
        return new Summary(median, s[0], s[s.length - 1], s.length, ci[0], ci[1], tukeyOutliers(s), noisy);
    }

    public static double median(double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        return medianOfSorted(s);
    }

    static double medianOfSorted(double[] s) {
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    /** Quantile with linear interpolation between order statistics (type 7, as R and numpy). */
    static double quantileOfSorted(double[] s, double q) {
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** Percentile bootstrap interval of the median: resample with replacement, take the quantiles. */
    public static double[] bootstrapMedianCi(double[] samples, double level) {
        double[] s = samples.clone();
        Arrays.sort(s);
        if (s.length == 1) return new double[] {s[0], s[0]};
        SplittableRandom rnd = new SplittableRandom(BOOTSTRAP_SEED);
        double[] medians = new double[RESAMPLES];
        double[] buf = new double[s.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < buf.length; i++) buf[i] = s[rnd.nextInt(s.length)];
            Arrays.sort(buf);
            medians[r] = medianOfSorted(buf);
        }
        Arrays.sort(medians);
        double alpha = (1 - level) / 2;
        return new double[] {quantileOfSorted(medians, alpha), quantileOfSorted(medians, 1 - alpha)};
    }

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
}
