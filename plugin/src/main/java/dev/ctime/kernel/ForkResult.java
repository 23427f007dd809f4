package dev.ctime.kernel;

import java.util.List;

/**
 * The raw output of one forked JVM: per-call durations of every sample, never summarised here,
 * so the parent can pool forks and compute every statistic in one place.
 *
 * @param overheadNsPerCall the empty kernel through the same loop: the harness's own cost
 */
public record ForkResult(List<double[]> overheadNsPerCall, boolean pinned, long clockResolutionNs,
                         List<Entry> entries) {

    /**
     * One kernel at one size.
     *
     * @param error why this kernel could not run (a missing symbol), or null
     */
    public record Entry(String kernel, int n, String error, long primalBatch, double[] primalNsPerCall,
                        long gradientBatch, double[] gradientNsPerCall, double primalValue, GradientCheck check,
                        long warmupMs) {
    }
}
