package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One kernel at one size in one profile, pooled over every fork (each fork one run).
 *
 * @param status           ok, or failed (wrong gradient, missing symbol, crash, hang)
 * @param primalNs         ns per call of the primal
 * @param gradientToPrimal gradient median over primal median
 * @param primalValue      f(x) on the timing inputs
 * @param warmupMs         time spent warming up, summed over forks
 * @param primalInstructions   instructions per call of the primal under Cachegrind (deterministic), where counted
 * @param gradientInstructions likewise for the gradient
 * @param name the kernel's name (its primal's exported symbol)
 * @param n the input size: elements of x
 * @param reason why it failed, where it did
 * @param primalNsPerElement the primal's median over n
 * @param gradientNs ns per call of the gradient, where the crate exports one
 * @param gradientNsPerElement the gradient's median over n
 * @param gradientCheck the gradient against central finite differences of the primal
 * @param primalBatch calls per timed batch of the primal (calibrated to at least ctime.minSampleMs)
 * @param gradientBatch likewise for the gradient
 * @param unsteady      where the kernel was still warming up in some fork after it was warmed and timed anew: which
 *                      function, by how much its late batches differed from its early ones, in how many forks; its
 *                      figure is marked not steady (null where every fork was steady)
 * @param primalCycles  estimated cycles per call of the primal under Cachegrind's simulated caches (an L1 hit 1, a
 *                      last-level hit 5, memory 35: the model iai-callgrind and CodSpeed use); counted, exact, a model
 * @param gradientCycles likewise for the gradient
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KernelTiming(String name, int n, Status status, String reason, Summary primalNs,
                           Double primalNsPerElement, Summary gradientNs, Double gradientNsPerElement,
                           Double gradientToPrimal, GradientCheck gradientCheck, long primalBatch, long gradientBatch,
                           Double primalValue, long warmupMs, Double primalInstructions,
                           Double gradientInstructions, String unsteady, Double primalCycles,
                           Double gradientCycles) {
    public static KernelTiming failed(String name, int n, String reason) {
        return new KernelTiming(name, n, Status.FAILED, reason, null, null, null, null, null, null, 0, 0, null, 0, null, null, null, null,
                null);
    }

    /** The same timing with its summaries replaced (marked capped, say). */
    public KernelTiming withSummaries(Summary primal, Summary gradient) {
        return new KernelTiming(name, n, status, reason, primal, primalNsPerElement, gradient, gradientNsPerElement,
                gradientToPrimal, gradientCheck, primalBatch, gradientBatch, primalValue, warmupMs, primalInstructions,
                gradientInstructions, unsteady, primalCycles, gradientCycles);
    }

    public KernelTiming withInstructions(Double primal, Double gradient) {
        return withCounts(primal, gradient, primalCycles, gradientCycles);
    }

    /** The same timing with its counts: instructions and estimated cycles per call of each function. */
    public KernelTiming withCounts(Double primal, Double gradient, Double primalCycles, Double gradientCycles) {
        return new KernelTiming(name, n, status, reason, primalNs, primalNsPerElement, gradientNs, gradientNsPerElement,
                gradientToPrimal, gradientCheck, primalBatch, gradientBatch, primalValue, warmupMs, primal, gradient, unsteady,
                primalCycles, gradientCycles);
    }
}
