package dev.ctime.verdict;

import dev.ctime.model.Comparison;
import dev.ctime.model.Thresholds;
import dev.ctime.stats.Shift;
import dev.ctime.stats.Statistics;

/**
 * How the decision weighs two profiles against each other: their difference in cost per build for the workload's
 * calls, knowing what they share by construction (the same library, the same build) and, where timing cannot separate
 * their run costs, what the counts say.
 *
 * @param calls   the workload's calls per build
 * @param same    the identical libraries and builds
 * @param counted the run costs by estimated cycles
 */
record PairCosts(double calls, Thresholds t, IdenticalBuilds same, CountedRuns counted) {
    /** a's cost per build minus b's, at 95%. */
    TotalCost total(Decider.Point a, Decider.Point b) {
        Comparison byCount = counting(a, b);
        return TotalCost.of(a, b, calls, t, Statistics.LEVEL, same.between(a.profile(), b.profile()),
                byCount == null ? null : counted.differenceNs(a, b));
    }

    /**
     * The counted run comparison where it decides between a and b (timing could not, both were counted, and the counted
     * difference with its model error is narrower than the timed one the cost would use: fork by fork where the two
     * were timed in the same forks); else null. A count never widens what the clock already bounds.
     */
    Comparison counting(Decider.Point a, Decider.Point b) {
        if (counted == null || same.between(a.profile(), b.profile()) != TotalCost.Same.NONE) return null;
        Comparison c = counted.deciding(a, b, Decider.run(a, b, t));
        if (c == null) return null;
        Shift byCount = counted.differenceNs(a, b);
        Shift timed = TotalCost.runShift(a, b, Statistics.LEVEL);
        boolean narrower = timed.low() == null || timed.high() == null
                || byCount.high() - byCount.low() < timed.high() - timed.low();
        return narrower ? c : null;
    }
}
