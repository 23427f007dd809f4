package dev.ctime.kernel;

import dev.ctime.model.GradientCheck;
import java.util.List;

/**
 * One kernel at one size as measured by one fork, for every profile: raw per-call durations,
 * never summarised here, so the parent pools forks and computes every statistic in one place.
 *
 * @param overheadNsPerCall the empty kernel through the same loop: the harness's own cost
 */
public record ForkResult(String kernel, int n, double[] overheadNsPerCall, boolean pinned, long clockResolutionNs,
                         List<Entry> entries, List<Call> calls) {
    public ForkResult(String kernel, int n, double[] overheadNsPerCall, boolean pinned, long clockResolutionNs,
                      List<Entry> entries) {
        this(kernel, n, overheadNsPerCall, pinned, clockResolutionNs, entries, null);
    }

    /**
     * Calls of one function from Java through one binding, timed in this fork beside the C loop of the same library.
     *
     * @param profile  the library whose function was called
     * @param function primal or gradient
     * @param binding  the binding's id (jna, jna-direct, jni, ffm, ffm-critical)
     * @param data     off-heap or array
     * @param ns       ns per call of each batch that ran undisturbed (all of them where too few did)
     * @param kernelNs the same library's C-loop median for this function in this fork
     * @param missing  why it was not timed, else null
     */
    public record Call(String profile, String function, String binding, String data, double[] ns, double kernelNs,
                       String missing) {
    }

    /**
     * One profile's measurement of the kernel.
     *
     * @param error                 why it could not be measured (a missing symbol, a crash), or null
     * @param primalNs              ns per call of each batch that ran undisturbed
     * @param primalDescheduledNs   ns per call of the batches left out because they were descheduled
     * @param primalValue           f(x) on the timing inputs
     * @param primalDrift           where the primal was still drifting after every retiming: its late batches' median
     *                              over its early ones', over the same for the other libraries (the drift rule of the
     *                              stats package); null where steady
     * @param gradientDrift         the same for the gradient
     * @param primalSteadyCalls     after how many calls of its warm-up the primal's rounds agreed with its last one: what
     *                              later forks warm it up with (twice that)
     * @param gradientSteadyCalls   the same for the gradient
     */
    public record Entry(String profile, String error, long primalBatch, double[] primalNs, double[] primalDescheduledNs,
                        long gradientBatch, double[] gradientNs, double[] gradientDescheduledNs, double primalValue,
                        GradientCheck check, long warmupMs, Double primalDrift, Double gradientDrift, long primalSteadyCalls,
                        long gradientSteadyCalls) {
        static Entry failed(String profile, String error) {
            return new Entry(profile, error, 0, null, null, 0, null, null, Double.NaN, null, 0, null, null, 0, 0);
        }
    }
}
