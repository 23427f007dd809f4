package dev.ctime.verdict;

import dev.ctime.model.Comparison;
import dev.ctime.model.Thresholds;
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

    /** The counted run comparison where it decides between a and b (timing could not, both were counted); else null. */
    Comparison counting(Decider.Point a, Decider.Point b) {
        if (counted == null || same.between(a.profile(), b.profile()) != TotalCost.Same.NONE) return null;
        return counted.deciding(a, b, Decider.run(a, b, t));
    }
}
