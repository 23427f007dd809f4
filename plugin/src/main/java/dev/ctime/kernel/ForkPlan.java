package dev.ctime.kernel;

import java.util.List;

/**
 * What one forked JVM measures: every profile's library, loaded side by side, and the kernels
 * to time in each. Batches alternate across the libraries (A B C A B C ...), so drift of the
 * machine hits every profile alike.
 *
 * @param minSampleNs       a batch is calibrated to last at least this long
 * @param samples           timed batches per kernel, size, function and library
 * @param warmupMaxMs       warm-up ends when the median settles, or after this long
 * @param pinCpu            CPU to pin the measuring thread to, or -1 for none
 * @param deschedThreshold  a batch whose wall time exceeds its CPU time by this share is left out
 * @param exclude           {@link #key} of every kernel that crashed or hung in an earlier attempt
 * @param skipGroups        {@link #group} of every kernel and size this fork already measured
 * @param progressFile      the fork appends what it is about to run, so a crash names its kernel
 * @param resultsFile       one JSON line per finished kernel and size, written as soon as it is done
 */
public record ForkPlan(List<Library> libraries, List<Kernel> kernels, long seed, long minSampleNs, int samples,
                       long warmupMaxMs, int pinCpu, double gradientTolerance, double deschedThreshold,
                       List<String> exclude, List<String> skipGroups, String progressFile, String resultsFile) {
    public ForkPlan {
        libraries = List.copyOf(libraries);
        kernels = List.copyOf(kernels);
        exclude = List.copyOf(exclude);
        skipGroups = List.copyOf(skipGroups);
    }

    /** One profile's cdylib. */
    public record Library(String profile, String path) {
    }

    public static String key(String profile, String kernel, int n) {
        return profile + "\u0000" + kernel + "\u0000" + n;
    }

    public static String group(String kernel, int n) {
        return kernel + "\u0000" + n;
    }
}
