package dev.ctime.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ctime.stats.Shift;
import dev.ctime.stats.Statistics;
import dev.ctime.stats.Summary;

/**
 * One figure of one profile against the same figure of a reference profile, as a ratio with its
 * 95% interval. Every figure ctime compares is a cost (time, memory, size): a ratio below 1 is
 * better. A difference counts only when it is both significant and at least the figure's
 * practical threshold; anything else is indistinguishable.
 *
 * @param figure      e.g. "compile.full.cpuMs" or "kernel:heat:4096:gradientNs"
 * @param ratio       profile over reference: the median of all pairwise ratios of their runs
 * @param ciLow       lower end of the ratio's 95% interval (0 where the runs cannot bound it)
 * @param ciHigh      upper end, or null where the runs cannot bound it
 * @param significant significant at 95% and beyond the threshold
 * @param verdict     better, worse or indistinguishable
 * @param threshold   the practical threshold that applied, as a fraction (0.01 = 1%)
 * @param pValue      two-sided Mann-Whitney p-value on the logarithms of the runs
 * @param runs        runs on the profile's side and on the reference's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(String figure, String profile, String reference, double ratio, double ciLow, Double ciHigh,
                         boolean significant, String verdict, double threshold, double pValue, int runs, int referenceRuns) {
    public static final String BETTER = "better";
    public static final String WORSE = "worse";
    public static final String INDISTINGUISHABLE = "indistinguishable";

    /** Compares two summaries' runs (builds, or per-fork medians) on a logarithmic scale. */
    public static Comparison of(String figure, String profile, Summary p, String reference, Summary r, double threshold) {
        return of(figure, profile, Statistics.units(p), reference, Statistics.units(r), threshold);
    }

    public static Comparison of(String figure, String profile, double[] p, String reference, double[] r, double threshold) {
        Shift s = Shift.of(logs(p), logs(r));
        double ratio = Math.exp(s.estimate());
        boolean significant = s.significant() && Math.abs(ratio - 1) >= threshold;
        String verdict = !significant ? INDISTINGUISHABLE : ratio < 1 ? BETTER : WORSE;
        return new Comparison(figure, profile, reference, ratio, s.low() == null ? 0 : Math.exp(s.low()),
                s.high() == null ? null : Math.exp(s.high()), significant, verdict, threshold, s.pValue(), p.length, r.length);
    }

    /**
     * A deterministic figure (instructions counted under Cachegrind): one exact value on each side,
     * so the ratio is its own interval and only the practical threshold decides.
     */
    public static Comparison exact(String figure, String profile, double p, String reference, double r, double threshold) {
        double ratio = p / r;
        boolean significant = Math.abs(ratio - 1) >= threshold;
        return new Comparison(figure, profile, reference, ratio, ratio, ratio, significant,
                !significant ? INDISTINGUISHABLE : ratio < 1 ? BETTER : WORSE, threshold, significant ? 0 : 1, 1, 1);
    }

    /** The same comparison judged at another significance: used by Holm's step-down over a family of figures. */
    Comparison judged(boolean passes) {
        boolean sig = significant && passes;
        return new Comparison(figure, profile, reference, ratio, ciLow, ciHigh, sig,
                !sig ? INDISTINGUISHABLE : ratio < 1 ? BETTER : WORSE, threshold, pValue, runs, referenceRuns);
    }

    private static double[] logs(double[] v) {
        double[] l = new double[v.length];
        // A figure of exactly 0 (an empty build step) would be -infinity: floor it at a tiny value.
        for (int i = 0; i < v.length; i++) l[i] = Math.log(Math.max(v[i], 1e-12));
        return l;
    }

    /** "1.21x (1.15–1.27)" as a person reads it. */
    public String describe() {
        if (ciHigh != null && ciLow == ciHigh && runs == 1 && referenceRuns == 1) {
            return String.format(java.util.Locale.ROOT, "%.2fx (counted, exact)", ratio);
        }
        if (ciHigh == null && !(ciLow > 0)) {
            // Too few runs for the interval to bound anything: say so rather than print (0.00–?).
            return String.format(java.util.Locale.ROOT, "%.2fx (no interval: %d and %d runs are too few)", ratio, runs, referenceRuns);
        }
        return String.format(java.util.Locale.ROOT, "%.2fx (%.2f–%s)", ratio, ciLow,
                ciHigh == null ? "?" : String.format(java.util.Locale.ROOT, "%.2f", ciHigh));
    }
}
