package dev.ctime.stats;

import java.util.Arrays;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Whether a kernel's batches, in the order they ran within one fork, were still warming up: the late half against the
 * early half. A kernel that is slow for its first thousands of calls (a lazily filled table, a page fault per call, a
 * cold branch predictor) shows as early batches significantly slower than late ones; timing it as it was would report
 * the cold phase as its cost.
 *
 * @param ratio median of the late half over median of the early half
 * @param p     Mann-Whitney's two-sided p-value of the two halves
 */
public record Drift(double ratio, double p) {
    /** A change between the halves smaller than this is not called drift, however significant. */
    public static final double LEAST = 0.10;
    private static final MannWhitneyUTest TEST = MannWhitneyUTest.withDefaults();

    /** The drift of these batches, or null where there are too few to tell (fewer than 4 a half). */
    public static Drift of(double[] inOrder) {
        int half = inOrder.length / 2;
        if (half < 4) return null;
        double[] early = Arrays.copyOfRange(inOrder, 0, half);
        double[] late = Arrays.copyOfRange(inOrder, inOrder.length - half, inOrder.length);
        double ratio = Statistics.median(late) / Statistics.median(early);
        return new Drift(ratio, TEST.test(late, early).getPValue());
    }

    /** Significant, and by more than {@link #LEAST}: the kernel was not yet steady. */
    public boolean drifting() {
        return drifting(1);
    }

    /**
     * The same, against what the other libraries timed beside it did over the same batches ({@code reference}, the
     * median of their ratios): when the machine slows down or speeds up, every library drifts alike, and that is the
     * machine, not this kernel.
     */
    public boolean drifting(double reference) {
        return p < 1 - Statistics.LEVEL && Math.abs(ratio / reference - 1) > LEAST;
    }

    /** Drifting the way a warm-up does, later batches faster: what warming it up for longer can cure. */
    public boolean warmingUp(double reference) {
        return drifting(reference) && ratio / reference < 1;
    }

    /** The median of the others' ratios, 1 where there are fewer than two others to tell the machine's drift by. */
    public static double reference(java.util.List<Drift> others) {
        double[] r = others.stream().filter(java.util.Objects::nonNull).mapToDouble(Drift::ratio).toArray();
        return r.length < 2 ? 1 : Statistics.median(r);
    }

    /** "its late batches took 0.01x of its early ones". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "its late batches took %.2fx the time of its early ones", ratio);
    }
}
