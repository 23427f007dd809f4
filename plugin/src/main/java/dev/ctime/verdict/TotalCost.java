package dev.ctime.verdict;

import dev.ctime.model.Comparison;
import dev.ctime.model.Thresholds;
import dev.ctime.stats.PairedShift;
import dev.ctime.stats.Shift;
import dev.ctime.stats.SignedRankShift;
import dev.ctime.stats.Statistics;

/**
 * The difference in cost per build between two profiles, one minus the other, in ms: the build difference plus the
 * calls times the run difference, each with its interval (added, so the sum's coverage is at least twice the
 * shortfall of one: a conservative choice). Its margin is the practical thresholds applied to the second profile's
 * two costs. Profiles that built the same library differ by nothing at run time, by construction; profiles that also
 * have the same settings build the same work.
 *
 * @param estimate the difference's estimate
 * @param low      its interval's lower end, null where the runs cannot bound it
 * @param high     its upper end, likewise
 * @param margin   the difference within which the two count as equivalent
 */
record TotalCost(double estimate, Double low, Double high, double margin) {
    /** What makes two profiles' figures the same by construction rather than by measurement. */
    enum Same { NONE, LIBRARY, BUILD }

    static TotalCost of(Decider.Point q, Decider.Point best, double calls, Thresholds t) {
        return of(q, best, calls, t, Statistics.LEVEL, Same.NONE);
    }

    /**
     * @param level each of the two intervals' confidence (a race bounds many comparisons at once at a stricter one)
     * @param same  what the two share by construction
     */
    static TotalCost of(Decider.Point q, Decider.Point best, double calls, Thresholds t, double level, Same same) {
        return of(q, best, calls, t, level, same, null);
    }

    /** @param countedRun the run difference per call by estimated cycles, with its model error, where it decides; else null */
    static TotalCost of(Decider.Point q, Decider.Point best, double calls, Thresholds t, double level, Same same,
                        Shift countedRun) {
        Shift run = same != Same.NONE ? NONE : countedRun != null ? countedRun : runShift(q, best, level);
        return sum(same == Same.BUILD ? NONE : Shift.of(Statistics.units(q.build()), Statistics.units(best.build()), level), run,
                best, calls, t);
    }

    private static final Shift NONE = new Shift(0, 0.0, 0.0, 1);

    /**
     * The run difference per call: fork by fork where both profiles were timed in the same forks and the pairs reach
     * the level (what a fork shares cancels in each pair), else the two samples apart.
     */
    static Shift runShift(Decider.Point q, Decider.Point best, double level) {
        double[][] pairs = Statistics.pairs(q.run(), best.run());
        if (pairs != null) {
            Shift s = SignedRankShift.of(pairs[0], pairs[1], level);
            if (s.low() != null && s.high() != null) return s;
        }
        return Shift.of(Statistics.units(q.run()), Statistics.units(best.run()), level);
    }

    /** The build difference plus the calls times the run difference per call, intervals added. */
    private static TotalCost sum(Shift b, Shift r, Decider.Point best, double calls, Thresholds t) {
        double k = calls * 1e-6;
        Double low = b.low() == null || r.low() == null ? null : b.low() + k * r.low();
        Double high = b.high() == null || r.high() == null ? null : b.high() + k * r.high();
        double margin = t.compile() * best.build().median() + k * t.runtime() * best.run().median();
        return new TotalCost(b.estimate() + k * r.estimate(), low, high, margin);
    }

    /**
     * The same, its intervals from the runs paired up (round by round, fork by fork) at a race's strict level (see
     * {@link PairedShift}): what a race leaves a profile out on.
     */
    static TotalCost paired(Decider.Point q, Decider.Point best, double calls, Thresholds t, double level, Same same) {
        return sum(same == Same.BUILD ? NONE : PairedShift.of(Statistics.units(q.build()), Statistics.units(best.build()), level),
                same != Same.NONE ? NONE : PairedShift.of(Statistics.units(q.run()), Statistics.units(best.run()), level), best,
                calls, t);
    }

    /** Significantly costlier, and by more than the margin: the whole interval lies above it. */
    boolean costlier() {
        return low != null && low > margin;
    }

    boolean equivalent() {
        return low != null && high != null && low >= -margin && high <= margin;
    }

    /** About how many runs a side would settle it as different or equivalent, at the spread seen so far. */
    int runsToSettle(int runs) {
        if (low == null || high == null) return Math.max(Comparison.FEWEST_RUNS, runs + 1);
        return Judge.runsToSettle(Math.abs(estimate), (high - low) / 2, margin, runs);
    }

    /**
     * About how many runs a side would bring the upper end below {@code goal}, the interval shrinking as one over the
     * root of the runs; {@link Integer#MAX_VALUE} where the estimate itself lies above it (no number of runs would).
     */
    int runsToBound(double goal, int runs) {
        if (high != null && high <= goal) return runs;
        if (estimate >= goal) return Integer.MAX_VALUE;
        int least = Math.max(Comparison.FEWEST_RUNS, runs + 1);
        if (high == null || runs < 2) return least;
        double half = high - estimate;
        return (int) Math.max(least, Math.min(Math.ceil(runs * Math.pow(half / (goal - estimate), 2)), 10_000));
    }
}
