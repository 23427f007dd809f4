package dev.ctime.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ctime.stats.Shift;
import dev.ctime.stats.Statistics;
import dev.ctime.stats.Summary;
import java.util.Locale;

/**
 * One figure of one profile against the same figure of a reference profile, as a ratio with its
 * 95% interval. Every figure ctime compares is a cost (time, memory, size): a ratio below 1 is
 * better. The verdict has three outcomes: different (better or worse: significant and at least
 * the practical threshold), equivalent (the whole interval lies within the threshold, an
 * equivalence test in the spirit of TOST) and inconclusive (neither: more runs would settle it).
 *
 * @param figure       e.g. "compile.full.cpuMs" or "kernel:heat:4096:gradientNs"
 * @param ratio        profile over reference: the median of all pairwise ratios of their runs
 * @param ciLow        lower end of the ratio's 95% interval (0 where the runs cannot bound it)
 * @param ciHigh       upper end, or null where the runs cannot bound it
 * @param significant  significant at 95% (after Holm's correction within the profile) and beyond the threshold
 * @param verdict      better, worse, equivalent or inconclusive
 * @param threshold    the practical threshold that applied, as a fraction (0.01 = 1%)
 * @param pValue       two-sided Mann-Whitney p-value on the logarithms of the runs
 * @param runs         runs on the profile's side and on the reference's
 * @param basis        timed (runs of a noisy clock) or counted (instructions under Cachegrind, exact)
 * @param runsToSettle for an inconclusive comparison, about how many runs a side would make it different or
 *                     equivalent at the spread seen so far (at least 4, the fewest with which Mann-Whitney can
 *                     reject at 5%); absent where it is settled
 * @param profile the profile compared
 * @param reference the profile it is compared with
 * @param referenceRuns runs on the reference's side
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(String figure, String profile, String reference, double ratio, double ciLow, Double ciHigh,
                         boolean significant, Verdict verdict, double threshold, double pValue, int runs, int referenceRuns,
                         String basis, Integer runsToSettle) {
    public static final Verdict BETTER = Verdict.BETTER;
    public static final Verdict WORSE = Verdict.WORSE;
    public static final Verdict EQUIVALENT = Verdict.EQUIVALENT;
    public static final Verdict INCONCLUSIVE = Verdict.INCONCLUSIVE;
    public static final String TIMED = "timed";
    public static final String COUNTED = "counted";
    /** The fewest runs a side with which a two-sided Mann-Whitney test can ever reject at 5%. */
    public static final int FEWEST_RUNS = 4;

    public Comparison {
        // Reports of schema 4 and older have no basis: their exact comparisons were the counted ones.
        if (basis == null) basis = ciHigh != null && ciLow == ciHigh && runs == 1 && referenceRuns == 1 && figure != null
                && figure.endsWith("Instructions") ? COUNTED : TIMED;
    }

    /** Compares two summaries' runs (builds, or per-fork medians) on a logarithmic scale. */
    public static Comparison of(String figure, String profile, Summary p, String reference, Summary r, double threshold) {
        return of(figure, profile, Statistics.units(p), reference, Statistics.units(r), threshold);
    }

    public static Comparison of(String figure, String profile, double[] p, String reference, double[] r, double threshold) {
        Shift s = Shift.of(logs(p), logs(r));
        double ratio = Math.exp(s.estimate());
        return judge(figure, profile, reference, ratio, s.low() == null ? 0 : Math.exp(s.low()),
                s.high() == null ? null : Math.exp(s.high()), s.significant(), threshold, s.pValue(), p.length, r.length, TIMED);
    }

    /**
     * A deterministic figure (instructions counted under Cachegrind): one exact value on each side,
     * so the ratio is its own interval and only the practical threshold decides.
     */
    public static Comparison exact(String figure, String profile, double p, String reference, double r, double threshold) {
        double ratio = p / r;
        boolean beyond = Math.abs(ratio - 1) >= threshold && ratio != 1;
        return judge(figure, profile, reference, ratio, ratio, ratio, beyond, threshold, beyond ? 0 : 1, 1, 1, COUNTED);
    }

    /**
     * The one rule behind every verdict: different where the test is significant and the ratio at least
     * the threshold; equivalent where the interval lies within the threshold on both sides; else inconclusive.
     */
    public static Comparison judge(String figure, String profile, String reference, double ratio, double ciLow, Double ciHigh,
                                   boolean testSignificant, double threshold, double pValue, int runs, int referenceRuns,
                                   String basis) {
        boolean different = testSignificant && Math.abs(ratio - 1) >= threshold;
        Verdict v = different ? (ratio < 1 ? BETTER : WORSE)
                : equivalent(ciLow, ciHigh, threshold) ? EQUIVALENT : INCONCLUSIVE;
        Integer settle = v == INCONCLUSIVE ? runsToSettle(ratio, ciLow, ciHigh, threshold, Math.min(runs, referenceRuns)) : null;
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
        if (ciHigh == null || !(ciLow > 0)) return Math.max(FEWEST_RUNS, runs + 1);
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
        int least = Math.max(FEWEST_RUNS, runs + 1);
        if (runs < 2 || !(goal > 0) || !(half > 0)) return least;
        return (int) Math.max(least, Math.min(Math.ceil(runs * Math.pow(half / goal, 2)), 10_000));
    }

    /** The same comparison judged at another significance: used by Holm's step-down over a family of figures. */
    Comparison judged(boolean passes) {
        return judge(figure, profile, reference, ratio, ciLow, ciHigh, significant && passes, threshold, pValue, runs,
                referenceRuns, basis);
    }

    /** The same comparison between other names (a merge relabels its anchors). */
    public Comparison between(String profile, String reference) {
        return new Comparison(figure, profile, reference, ratio, ciLow, ciHigh, significant, verdict, threshold, pValue, runs,
                referenceRuns, basis, runsToSettle);
    }

    private static double[] logs(double[] v) {
        double[] l = new double[v.length];
        // A figure of exactly 0 (an empty build step) would be -infinity: floor it at a tiny value.
        for (int i = 0; i < v.length; i++) l[i] = Math.log(Math.max(v[i], 1e-12));
        return l;
    }

    /** "1.21x (1.15–1.27)" as a person reads it; "counted, exact" only where both sides were counted. */
    public String describe() {
        if (COUNTED.equals(basis)) return String.format(Locale.ROOT, "%.2fx (counted, exact)", ratio);
        if (ciHigh == null && !(ciLow > 0)) {
            // Too few runs for the interval to bound anything: say so rather than print (0.00–?).
            return String.format(Locale.ROOT, "%.2fx (no interval: %d and %d runs are too few)", ratio, runs, referenceRuns);
        }
        return String.format(Locale.ROOT, "%.2fx (%.2f–%s)", ratio, ciLow,
                ciHigh == null ? "?" : String.format(Locale.ROOT, "%.2f", ciHigh));
    }

    /** The mark beside a ratio everywhere it is printed: none where different, '=' where equivalent, '?' where inconclusive. */
    public String mark() {
        return verdict == EQUIVALENT ? "=" : verdict == INCONCLUSIVE ? "?" : "";
    }

    /** What would settle an inconclusive comparison, as a person reads it; empty where it is settled. */
    public String settleHint() {
        if (runsToSettle == null) return "";
        return "about " + runsToSettle + " runs a side would settle it" + (runsToSettle >= 10_000 ? " (or more)" : "");
    }
}
