package dev.ctime.verdict;

import dev.ctime.model.Comparison;
import dev.ctime.model.Summary;
import dev.ctime.model.Verdict;
import dev.ctime.stats.Shift;
import dev.ctime.stats.Statistics;

/**
 * How one figure is judged against its reference: the ratio, its interval, and the one rule that
 * says different, equivalent or inconclusive. Every comparison of ctime is made here.
 */
public final class Judge {
    private Judge() {
    }

    /**
     * Compares two summaries' runs (builds, or per-fork medians) on a logarithmic scale, as two samples. Not fork by
     * fork: six pairs, what the default forks give, never reach p below 2/64, so no figure could be told apart after
     * Holm's correction among a profile's figures (the decision's costs, which no such family corrects, are paired).
     */
    public static Comparison of(String figure, String profile, Summary p, String reference, Summary r, double threshold) {
        return of(figure, profile, Statistics.units(p), reference, Statistics.units(r), threshold);
    }

    public static Comparison of(String figure, String profile, double[] p, String reference, double[] r, double threshold) {
        Shift s = Shift.of(logs(p), logs(r));
        double ratio = Math.exp(s.estimate());
        return judge(figure, profile, reference, ratio, s.low() == null ? 0 : Math.exp(s.low()),
                s.high() == null ? null : Math.exp(s.high()), s.significant(), threshold, s.pValue(), p.length, r.length, Comparison.TIMED);
    }

    /**
     * A deterministic figure (instructions counted under Cachegrind): one exact value on each side,
     * so the ratio is its own interval and only the practical threshold decides.
     */
    public static Comparison exact(String figure, String profile, double p, String reference, double r, double threshold) {
        double ratio = p / r;
        boolean beyond = Math.abs(ratio - 1) >= threshold && ratio != 1;
        return judge(figure, profile, reference, ratio, ratio, ratio, beyond, threshold, beyond ? 0 : 1, 1, 1, Comparison.COUNTED);
    }

    /**
     * A figure the same by construction: two profiles that built the same library byte for byte, its kernels timed once
     * for both. Their samples are one sample, and a sample tested against itself is no test: the ratio is 1, exactly.
     */
    public static Comparison identical(String figure, String profile, String reference, double threshold, int runs) {
        return new Comparison(figure, profile, reference, 1, 1, 1.0, false, Verdict.EQUIVALENT, threshold, 1, runs, runs,
                Comparison.IDENTICAL, null);
    }

    /**
     * The one rule behind every verdict: different where the test is significant and the ratio at least
     * the threshold; equivalent where the interval lies within the threshold on both sides; else inconclusive.
     */
    public static Comparison judge(String figure, String profile, String reference, double ratio, double ciLow, Double ciHigh,
                                   boolean testSignificant, double threshold, double pValue, int runs, int referenceRuns,
                                   String basis) {
        boolean different = testSignificant && Math.abs(ratio - 1) >= threshold;
        Verdict v = different ? (ratio < 1 ? Verdict.BETTER : Verdict.WORSE)
                : equivalent(ciLow, ciHigh, threshold) ? Verdict.EQUIVALENT : Verdict.INCONCLUSIVE;
        Integer settle = v == Verdict.INCONCLUSIVE ? runsToSettle(ratio, ciLow, ciHigh, threshold, Math.min(runs, referenceRuns)) : null;
        return new Comparison(figure, profile, reference, ratio, ciLow, ciHigh, different, v, threshold, pValue, runs,
                referenceRuns, basis, settle);
    }

    /** Whether the whole interval lies within the practical threshold, on a logarithmic scale: [1/(1+t), 1+t]. */
    static boolean equivalent(double ciLow, Double ciHigh, double threshold) {
        return ciHigh != null && ciLow > 0 && ciHigh <= 1 + threshold + 1e-12 && ciLow >= 1 / (1 + threshold) - 1e-12;
    }

    /**
     * Runs a side that would settle an inconclusive comparison, assuming the spread seen so far: the
     * interval's half-width shrinks about as 1/sqrt(runs). It must shrink below the distance to 1 (to
     * call a difference) or below the margin left inside the threshold (to call equivalence),
     * whichever is nearer. With no interval at all, the fewest runs a test needs.
     */
    static Integer runsToSettle(double ratio, double ciLow, Double ciHigh, double threshold, int runs) {
        if (ciHigh == null || !(ciLow > 0)) return Math.max(Comparison.FEWEST_RUNS, runs + 1);
        return runsToSettle(Math.abs(Math.log(ratio)), (Math.log(ciHigh) - Math.log(ciLow)) / 2, Math.log(1 + threshold), runs);
    }

    /**
     * The same on any scale: an estimate's distance from no difference, its interval's half-width and the
     * equivalence margin, all in one unit (the decision's totals use ms).
     */
    static int runsToSettle(double distance, double half, double margin, int runs) {
        double toDiffer = distance >= margin ? distance : 0;
        double toMatch = margin > distance ? margin - distance : 0;
        double goal = Math.max(toDiffer, toMatch);
        int least = Math.max(Comparison.FEWEST_RUNS, runs + 1);
        if (runs < 2 || !(goal > 0) || !(half > 0)) return least;
        return (int) Math.max(least, Math.min(Math.ceil(runs * Math.pow(half / goal, 2)), 10_000));
    }

    /** The same comparison judged at another significance: used by Holm's step-down over a family of figures. */
    static Comparison judged(Comparison c, boolean passes) {
        return judge(c.figure(), c.profile(), c.reference(), c.ratio(), c.ciLow(), c.ciHigh(), c.significant() && passes,
                c.threshold(), c.pValue(), c.runs(), c.referenceRuns(), c.basis());
    }

    private static double[] logs(double[] v) {
        double[] l = new double[v.length];
        // A figure of exactly 0 (an empty build step) would be -infinity: floor it at a tiny value.
        for (int i = 0; i < v.length; i++) l[i] = Math.log(Math.max(v[i], 1e-12));
        return l;
    }
}
