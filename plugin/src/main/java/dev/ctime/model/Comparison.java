package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param basis        timed (runs of a noisy clock), counted (instructions under Cachegrind, exact) or identical (the
 *                     same library byte for byte, its kernels timed once for both: equal by construction, not tested)
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
    public static final String IDENTICAL = "identical";
    /** The fewest runs a side with which a two-sided Mann-Whitney test can ever reject at 5%. */
    public static final int FEWEST_RUNS = 4;
    /**
     * The fewest runs a side with which each of a profile's three build figures (CPU, wall time, peak memory) can still
     * be significant after Holm's correction among them: 2/C(10,5) = 0.008 < 0.05/3, where four runs (0.029) never can.
     */
    public static final int FEWEST_BUILDS = 5;

    public Comparison {
        // Reports of schema 4 and older have no basis: their exact comparisons were the counted ones.
        if (basis == null) basis = ciHigh != null && ciLow == ciHigh && runs == 1 && referenceRuns == 1 && figure != null
                && figure.endsWith("Instructions") ? COUNTED : TIMED;
    }

    /** The same comparison between other names (a merge relabels its anchors). */
    public Comparison between(String profile, String reference) {
        return new Comparison(figure, profile, reference, ratio, ciLow, ciHigh, significant, verdict, threshold, pValue, runs,
                referenceRuns, basis, runsToSettle);
    }

    /** The same comparison the other way round: the reference against the profile. */
    public Comparison reversed() {
        Verdict v = verdict == Verdict.BETTER ? Verdict.WORSE : verdict == Verdict.WORSE ? Verdict.BETTER : verdict;
        double low = ciHigh == null ? 0 : 1 / ciHigh;
        Double high = ciLow > 0 ? 1 / ciLow : null;
        return new Comparison(figure, reference, profile, 1 / ratio, low, high, significant, v, threshold, pValue, referenceRuns, runs,
                basis, runsToSettle);
    }

    /** "1.21x (1.15–1.27)" as a person reads it; "counted, exact" only where both sides were counted. */
    public String describe() {
        if (COUNTED.equals(basis)) return String.format(Locale.ROOT, "%.2fx (counted, exact)", ratio);
        if (IDENTICAL.equals(basis)) return "1.00x (the same library, timed once)";
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
