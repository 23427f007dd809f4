package dev.ctime.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.Comparison;
import dev.ctime.model.Summary;
import dev.ctime.model.Workload;
import dev.ctime.stats.Statistics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision's run costs of profiles timed side by side in the same forks are compared fork by fork: what a fork
 * shares (here forks 30% apart) cancels, and a steady 2% difference shows. Where the runs do not pair, the difference
 * is the two samples apart.
 */
class PairedRunsTest {
    private static final double[] FORK = {1.0, 1.3, 0.9, 1.25, 1.05, 0.95, 1.2, 1.1};

    /** Per fork a few batches around scale x the fork's speed; the forks named 1 to 8 (or as given). */
    static Summary timed(double scale, List<Integer> forks) {
        List<double[]> groups = new ArrayList<>();
        for (int i = 0; i < FORK.length; i++) {
            double v = scale * FORK[i] * (1 + 0.002 * ((i * 7) % 3 - 1));
            groups.add(new double[] {v * 0.999, v, v * 1.001});
        }
        Summary s = Statistics.summarizeGroups(groups);
        return forks == null ? s : s.withForks(forks);
    }

    static List<Integer> forks() {
        List<Integer> f = new ArrayList<>();
        for (int i = 1; i <= FORK.length; i++) f.add(i);
        return f;
    }

    @Test
    void comparisonsStayTwoSamplesSinceSixPairsCannotPassHolm() {
        // Six forks, the default: a paired test's smallest p is 2/64, above 5%/2 for a profile's primal and gradient.
        Comparison c = Judge.of("run", "slow", timed(1500, forks()), "fast", timed(1000, forks()), 0.01);
        assertTrue(c.pValue() < 0.025, "two samples apart, 50% slower shows: " + c);
    }

    @Test
    void runsPairOnlyOnTheForksBothWereTimedIn() {
        Summary a = timed(1020, forks());
        // b's runs came from other forks (another run's, a shard's): nothing in common, no pairing.
        List<Integer> other = forks().stream().map(f -> f + 100).toList();
        assertNull(Statistics.pairs(a, timed(1000, other)));
        // Five forks in common are too few for a paired 95% interval.
        List<Integer> five = new ArrayList<>(forks());
        for (int i = 5; i < 8; i++) five.set(i, 100 + i);
        assertNull(Statistics.pairs(a, timed(1000, five)));
        // A rescaled figure (another runner's) loses its forks.
        assertNull(a.times(2).forks());
    }

    @Test
    void theWorkloadsCostIsSummedForkByForkOverTheForksEveryItemWasTimedIn() {
        List<Workload.Item> items = List.of(new Workload.Item("a", 64, "primal", 1e6), new Workload.Item("b", 64, "primal", 3e6));
        Summary first = timed(100, forks());
        // The second item's forks listed in another order: each value must meet its own fork's.
        List<Integer> reversed = new ArrayList<>(forks());
        java.util.Collections.reverse(reversed);
        List<double[]> groups = new ArrayList<>();
        for (int i = FORK.length - 1; i >= 0; i--) groups.add(new double[] {200 * FORK[i]});
        Summary second = Statistics.summarizeGroups(groups).withForks(reversed);
        Summary mix = Decider.mix(List.of(first, second), items);
        assertEquals(forks().size(), mix.forks().size());
        double[] u = Statistics.units(mix);
        double[] ua = Statistics.units(first);
        for (int r = 0; r < u.length; r++) {
            int fork = mix.forks().get(r);
            assertEquals(0.25 * ua[fork - 1] + 0.75 * 200 * FORK[fork - 1], u[r], 1e-9, "fork " + fork);
        }
    }

    @Test
    void theBoundPairsTooAndIsNarrowerForIt() {
        Decider.Point slow = new Decider.Point("slow", Statistics.summarize(new double[] {100, 101, 99, 100, 100}), timed(1020, forks()));
        Decider.Point fast = new Decider.Point("fast", Statistics.summarize(new double[] {100, 101, 99, 100, 100}), timed(1000, forks()));
        var paired = TotalCost.runShift(slow, fast, Statistics.LEVEL);
        assertTrue(paired.low() > 0, "paired: slower for sure, " + paired);
        Decider.Point slowApart = new Decider.Point("slow", slow.build(), timed(1020, null));
        Decider.Point fastApart = new Decider.Point("fast", fast.build(), timed(1000, null));
        var apart = TotalCost.runShift(slowApart, fastApart, Statistics.LEVEL);
        assertTrue(apart.low() < 0 && apart.high() - apart.low() > 5 * (paired.high() - paired.low()), apart + " against " + paired);
    }
}
