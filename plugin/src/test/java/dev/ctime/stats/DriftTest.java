package dev.ctime.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.kernel.ForkPoolAccess;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftTest {
    private static double[] noisy(SplittableRandom r, int n, double centre, double spread) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = centre * (1 + spread * (r.nextDouble() - 0.5));
        return v;
    }

    @Test
    void steadyBatchesDoNotDriftEvenWhenNoisy() {
        int drifting = 0;
        for (int seed = 0; seed < 200; seed++) {
            if (Drift.of(noisy(new SplittableRandom(seed), 10, 100, 0.4)).drifting()) drifting++;
        }
        // Significant at 5% and beyond 10%: a steady kernel is called drifting in well under 5% of forks.
        assertTrue(drifting <= 10, drifting + " of 200 steady forks called drifting");
    }

    @Test
    void aKernelThatSpeedsUpHalfwayDriftsAndSaysByHowMuch() {
        double[] v = new double[10];
        for (int i = 0; i < 10; i++) v[i] = i < 5 ? 7000 + i : 15 + i * 0.1;
        Drift d = Drift.of(v);
        assertTrue(d.drifting(), d.toString());
        assertEquals(15.7 / 7002, d.ratio(), 1e-9);
        assertTrue(d.describe().contains("0.00x"), d.describe());
        // A small but significant change is not drift: below 10%.
        double[] small = new double[10];
        for (int i = 0; i < 10; i++) small[i] = i < 5 ? 100 + i * 0.01 : 95 + i * 0.01;
        assertFalse(Drift.of(small).drifting(), Drift.of(small).toString());
    }

    @Test
    void whenEveryLibrarySlowsAlikeItIsTheMachineNotTheKernel() {
        double[] slowing = new double[10];
        for (int i = 0; i < 10; i++) slowing[i] = i < 5 ? 100 + i * 0.01 : 130 + i * 0.01;
        Drift d = Drift.of(slowing);
        assertTrue(d.drifting(), "on its own, 30% slower late");
        java.util.List<Drift> others = java.util.List.of(d, d, Drift.of(slowing));
        assertEquals(d.ratio(), Drift.reference(others), 1e-12);
        assertFalse(d.drifting(Drift.reference(others)), "the others slowed alike: the machine");
        assertFalse(d.warmingUp(1), "slower late is not a warm-up");
        double[] warming = new double[10];
        for (int i = 0; i < 10; i++) warming[i] = i < 5 ? 130 + i * 0.01 : 100 + i * 0.01;
        assertTrue(Drift.of(warming).warmingUp(1));
        assertEquals(1.0, Drift.reference(java.util.List.of(d)), "fewer than two others tell nothing of the machine");
    }

    @Test
    void tooFewBatchesCannotTell() {
        assertNull(Drift.of(new double[] {1, 2, 3, 4, 5, 6, 7}));
        assertTrue(Drift.of(new double[] {1, 1, 1, 1, 9, 9, 9, 9}) != null);
    }

    @Test
    void aForkThatStayedUnsteadyMarksItsFigureWithTheWorstDrift() {
        assertNull(ForkPoolAccess.unsteady(List.of(), List.of(), 6));
        String u = ForkPoolAccess.unsteady(List.of(), List.of(0.5, 0.02), 6);
        assertTrue(u.startsWith("not steady: the gradient's late batches took 0.02x the time of its early ones, beyond the other"
                + " libraries' drift (the most of 2 of 6 forks)"), u);
    }
}
