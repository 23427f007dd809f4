package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One figure measured several times. The unit of replication is a run: one build for compile
 * figures, one forked process for kernel figures (samples inside one process cannot show the
 * process-to-process variation, so they never count as independent).
 *
 * @param median       median of the runs (for kernels: of each fork's median)
 * @param runs         independent runs behind the figure
 * @param ciLow        lower end of the distribution-free interval of the median
 * @param ciLevel      the interval's real coverage: 0.95 or more from 6 runs on; with fewer runs no
 *                     order statistics reach 95%, the interval is [min, max] and this says how sure it is
 * @param precision    half-width of the interval relative to the median
 * @param capped       more runs were wanted for the target precision, but a cap stopped them
 * @param interference runs (builds) or samples (kernel batches) measured while something else used the CPUs
 * @param outliers     runs outside Tukey's fences, counted and kept
 * @param noisy        the interval is wider than a tenth of the median
 * @param samples      every raw value, in the order measured (for kernels: ns per call of each batch, fork after fork)
 * @param groups       for kernels, how many of {@code samples} each fork contributed, in order; absent for builds
 * @param forks        for kernels, the fork of this run each group came from (1 the first), so that two profiles' runs
 *                     pair up fork by fork; absent where runs do not pair (builds, shards merged from other machines)
 * @param min the smallest run
 * @param max the largest run
 * @param ciHigh upper end of the interval
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(double median, double min, double max, int runs, double ciLow, double ciHigh, double ciLevel,
                      double precision, boolean capped, int interference, int outliers, boolean noisy,
                      List<Double> samples, List<Integer> groups, List<Integer> forks) {
    public Summary(double median, double min, double max, int runs, double ciLow, double ciHigh, double ciLevel,
                   double precision, boolean capped, int interference, int outliers, boolean noisy,
                   List<Double> samples, List<Integer> groups) {
        this(median, min, max, runs, ciLow, ciHigh, ciLevel, precision, capped, interference, outliers, noisy, samples, groups,
                null);
    }

    /** The confidence every interval of ctime aims at. */
    public static final double LEVEL = 0.95;


    /** Whether the median is known to the target: a 95% interval exists and its half-width is within target. */
    public boolean reached(double target) {
        return ciLevel >= LEVEL && precision <= target;
    }

    public Summary withCapped(boolean c) {
        return new Summary(median, min, max, runs, ciLow, ciHigh, ciLevel, precision, c, interference, outliers, noisy,
                samples, groups, forks);
    }

    /**
     * Every run plus a fixed cost measured once (a training pipeline's): the interval moves with
     * the median and keeps its width, since the added cost carries no spread of its own here.
     */
    public Summary plus(double fixed) {
        return new Summary(median + fixed, min + fixed, max + fixed, runs, ciLow + fixed, ciHigh + fixed, ciLevel,
                median + fixed == 0 ? precision : precision * median / (median + fixed), capped, interference, outliers, noisy,
                samples == null ? null : samples.stream().map(v -> v + fixed).toList(), groups, forks);
    }

    /**
     * Every value times a factor (a figure rescaled to another runner's anchor); relative precision is unchanged. Its
     * runs no longer pair with this runner's forks.
     */
    public Summary times(double f) {
        return new Summary(median * f, min * f, max * f, runs, ciLow * f, ciHigh * f, ciLevel, precision, capped, interference,
                outliers, noisy, samples == null ? null : samples.stream().map(v -> v * f).toList(), groups);
    }

    public Summary withInterference(int n) {
        return new Summary(median, min, max, runs, ciLow, ciHigh, ciLevel, precision, capped, n, outliers, noisy,
                samples, groups, forks);
    }

    /** The same runs, each group named by the fork it came from. */
    public Summary withForks(List<Integer> f) {
        return new Summary(median, min, max, runs, ciLow, ciHigh, ciLevel, precision, capped, interference, outliers, noisy,
                samples, groups, f == null ? null : List.copyOf(f));
    }
}
