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
 * @param exclude           every kernel that crashed or hung in an earlier attempt
 * @param skipGroups        every kernel and size this fork already measured
 * @param progressFile      the fork appends what it is about to run, so a crash names its kernel
 * @param resultsFile       one JSON line per finished kernel and size, written as soon as it is done
 * @param warmupCalls       the fewest calls each function warms up with, by {@link #warmupKey}, as earlier forks found
 *                          it needs; a function not in it warms up with the runner's first-fork floor
 * @param callers           the profile whose library this fork also calls each kernel function of from Java, through
 *                          every binding (the reference's, so that the figures compare fork to fork); null for none
 * @param checkGradients    whether this fork checks each gradient against finite differences: the first fork does, and
 *                          later ones would only repeat it (the check is deterministic), at up to 2n primal calls a size
 */
public record ForkPlan(List<Library> libraries, List<Kernel> kernels, long seed, long minSampleNs, int samples,
                       long warmupMaxMs, int pinCpu, double gradientTolerance, double deschedThreshold,
                       List<Cell> exclude, List<Size> skipGroups, String progressFile, String resultsFile,
                       java.util.Map<String, Long> warmupCalls, String callers, boolean checkGradients) {
    /**
     * The libraries in this fork's own order: each fork loads, warms up and starts its rounds in another order, so no
     * library always follows the same neighbour (a fixed order made a byte-identical copy of a library time up to 15%
     * apart from it: what ran just before a batch, and where it sat in the warm-ups, stayed with it).
     */
    public static List<Library> orderFor(List<Library> libraries, long seed, int fork) {
        List<Library> order = new java.util.ArrayList<>(libraries);
        java.util.Collections.shuffle(order, new java.util.Random(seed * 1_000_003L + fork));
        return order;
    }

    public ForkPlan {
        libraries = List.copyOf(libraries);
        kernels = List.copyOf(kernels);
        exclude = List.copyOf(exclude);
        skipGroups = List.copyOf(skipGroups);
        warmupCalls = warmupCalls == null ? java.util.Map.of() : java.util.Map.copyOf(warmupCalls);
    }

    public ForkPlan(List<Library> libraries, List<Kernel> kernels, long seed, long minSampleNs, int samples, long warmupMaxMs,
                    int pinCpu, double gradientTolerance, double deschedThreshold, List<Cell> exclude, List<Size> skipGroups,
                    String progressFile, String resultsFile) {
        this(libraries, kernels, seed, minSampleNs, samples, warmupMaxMs, pinCpu, gradientTolerance, deschedThreshold, exclude,
                skipGroups, progressFile, resultsFile, null, null, true);
    }

    /** The same plan, calling {@code profile}'s library from Java, or not where null. */
    public ForkPlan withCallers(String c) {
        return new ForkPlan(libraries, kernels, seed, minSampleNs, samples, warmupMaxMs, pinCpu, gradientTolerance,
                deschedThreshold, exclude, skipGroups, progressFile, resultsFile, warmupCalls, c, checkGradients);
    }

    /** "release heat 4096 gradient": one function of one kernel at one size in one profile's library. */
    public static String warmupKey(String profile, String kernel, int n, String function) {
        return profile + " " + kernel + " " + n + " " + function;
    }

    /** One profile's cdylib. */
    public record Library(String profile, String path) {
    }

    /**
     * One kernel at one size: what a fork measures in every library side by side.
     *
     * @param kernel the kernel's name
     * @param n      its input size
     */
    public record Size(String kernel, int n) {
    }

    /**
     * One kernel at one size in one profile's library: what crashes or hangs on its own.
     *
     * @param profile the profile whose library it is
     * @param kernel  the kernel's name
     * @param n       its input size
     */
    public record Cell(String profile, String kernel, int n) {
    }
}
