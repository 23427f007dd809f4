package dev.ctime.kernel;

import dev.ctime.stats.Summary;
import java.util.List;

/**
 * One kernel at one size in one profile, pooled over every fork.
 *
 * @param status          ok, or failed (wrong gradient, missing symbol)
 * @param primalNs        ns per call of the primal
 * @param gradientToPrimal gradient median over primal median
 * @param forkPrimalMedians each fork's own median, to see replication across processes
 */
public record KernelTiming(String name, int n, String status, String reason, Summary primalNs,
                           Double primalNsPerElement, Summary gradientNs, Double gradientNsPerElement,
                           Double gradientToPrimal, GradientCheck gradientCheck, List<Double> forkPrimalMedians,
                           List<Double> forkGradientMedians, long primalBatch, long gradientBatch) {
}
