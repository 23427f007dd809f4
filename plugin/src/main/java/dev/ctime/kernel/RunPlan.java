package dev.ctime.kernel;

import java.util.List;

/**
 * What one forked JVM measures: the library, its kernels, and how to sample them.
 *
 * @param minSampleNs  a batch is calibrated to last at least this long
 * @param samples      timed batches per kernel, size and function
 * @param warmupMaxMs  warm-up ends when the median settles, or after this long
 * @param pinCpu       CPU to pin the measuring thread to, or -1 for none
 */
public record RunPlan(String library, List<Kernel> kernels, long seed, long minSampleNs, int samples,
                      long warmupMaxMs, int pinCpu, double gradientTolerance) {
    public RunPlan {
        kernels = List.copyOf(kernels);
    }
}
