package dev.ctime.verdict;

import dev.ctime.model.Decision;
import java.util.List;

/**
 * The profile to take, by minimax regret: for each profile, the most it could cost per build more than any other (the
 * upper end of the cost difference's interval against each), and the profile whose most is least. Ties go to the
 * cheaper build, which costs less when usage changes. That most is the recommendation's bound: within the tolerance,
 * or where the profile is significantly the cheapest, the recommendation is settled; above it, bounded.
 *
 * @param chosen the profile to take
 * @param bound  what it could be wrong by
 */
record Choice(Decider.Point chosen, Decision.Bound bound) {
    static final String BASIS = "build CPU and the workload's run time (fork by fork where both were timed in the same"
            + " forks), each difference's 95% interval added";
    static final String BY_COUNT = "; run time by estimated cycles where timing could not separate two profiles";

    static Choice of(List<Decider.Point> points, PairCosts costs) {
        Decider.Point chosen = null;
        double least = Double.NaN;
        Decider.Point against = null;
        for (Decider.Point p : points) {
            double most = Double.NEGATIVE_INFINITY;
            Decider.Point worst = null;
            for (Decider.Point q : points) {
                if (q == p) continue;
                TotalCost d = costs.total(p, q);
                double high = d.high() == null ? Double.POSITIVE_INFINITY : d.high();
                if (high > most) {
                    most = high;
                    worst = q;
                }
            }
            if (chosen == null || better(most, p, least, chosen, costs.calls())) {
                chosen = p;
                least = most;
                against = worst;
            }
        }
        return new Choice(chosen, bound(chosen, against, least, points, costs));
    }

    /** Whether p, whose most is {@code most}, beats the one chosen so far: a lower most, or the same and a cheaper build. */
    private static boolean better(double most, Decider.Point p, double least, Decider.Point chosen, double calls) {
        if (Double.isInfinite(most) && Double.isInfinite(least)) {
            // No interval bounds either: the lower estimated cost is the best guess there is.
            return p.totalMs(calls) < chosen.totalMs(calls);
        }
        if (most < least - 1e-9 * Math.abs(least)) return true;
        return Math.abs(most - least) <= 1e-9 * Math.abs(least) && p.compileMs() < chosen.compileMs();
    }

    private static Decision.Bound bound(Decider.Point chosen, Decider.Point against, double most, List<Decider.Point> points,
                                        PairCosts costs) {
        double tolerance = costs.t().tolerated();
        if (against == null) {
            return new Decision.Bound(Decision.Bound.SETTLED, 0.0, 0.0, null, tolerance, true, "the only profile measured", null, true);
        }
        double total = chosen.totalMs(costs.calls());
        double goal = tolerance * total;
        boolean cheapest = true;
        boolean byCount = false;
        int needed = 0;
        int runs = Integer.MAX_VALUE;
        for (Decider.Point q : points) {
            if (q == chosen) continue;
            cheapest &= costs.total(q, chosen).costlier();
            byCount |= costs.counting(chosen, q) != null;
            int have = Math.min(Math.min(q.build().runs(), q.run().runs()), Math.min(chosen.build().runs(), chosen.run().runs()));
            runs = Math.min(runs, have);
            needed = Math.max(needed, costs.total(chosen, q).runsToBound(goal, have));
        }
        Double ms = Double.isInfinite(most) ? null : Math.max(0, most);
        boolean settled = cheapest || (ms != null && ms <= goal);
        Integer toSettle = settled || needed == Integer.MAX_VALUE ? null : needed;
        boolean reachable = toSettle != null && toSettle <= Decision.Bound.REACH * Math.max(runs, Decision.Bound.REACH);
        return new Decision.Bound(settled ? Decision.Bound.SETTLED : Decision.Bound.BOUNDED, cheapest ? Double.valueOf(0) : ms,
                ms == null || !(total > 0) ? null : (cheapest ? 0 : ms) / total, against.profile(), tolerance, cheapest,
                BASIS + (byCount ? BY_COUNT : ""), toSettle, reachable);
    }
}
