package dev.ctime.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignedRankShiftTest {
    @Test
    void theNullDistributionIsCountedExactly() {
        double[] c = SignedRankShift.cdf(3);
        // W+ over ranks {1,2,3}: 0,1,2,3,3,4,5,6 in the 8 subsets.
        assertEquals(1 / 8.0, c[0], 1e-12);
        assertEquals(5 / 8.0, c[3], 1e-12);
        assertEquals(1.0, c[6], 1e-12);
        assertEquals(0, SignedRankShift.critical(5, 0.025), "five pairs never reach 95%: 2/32 > 5%");
        assertEquals(1, SignedRankShift.critical(6, 0.025), "six do: 2/64");
        // The textbook table's two-sided 5% critical values T (reject at W <= T): k is T + 1.
        int[][] table = {{7, 2}, {8, 3}, {9, 5}, {10, 8}, {11, 10}, {12, 13}, {20, 52}};
        for (int[] row : table) assertEquals(row[1] + 1, SignedRankShift.critical(row[0], 0.025), "n = " + row[0]);
    }

    @Test
    void whatAForkSharesCancelsInThePairs() {
        // Forks 30% apart from each other, the two profiles 2% apart within every fork.
        double[] fork = {1.0, 1.3, 0.9, 1.25, 1.05, 0.95, 1.2, 1.1};
        double[] slow = new double[fork.length];
        double[] fast = new double[fork.length];
        for (int i = 0; i < fork.length; i++) {
            fast[i] = 1000 * fork[i] * (1 + 0.002 * (i % 3 - 1));
            slow[i] = 1020 * fork[i] * (1 + 0.002 * ((i + 1) % 3 - 1));
        }
        Shift paired = SignedRankShift.of(slow, fast, 0.95);
        assertTrue(paired.low() > 0, "paired: significantly slower, " + paired);
        assertTrue(paired.high() / Statistics.median(fast.clone()) < 0.03, "and by no more than 3%: " + paired);
        Shift unpaired = Shift.of(slow, fast, 0.95);
        assertTrue(unpaired.low() < 0, "unpaired, the forks' spread hides it: " + unpaired);
        assertTrue(paired.pValue() < 0.05);
    }

    @Test
    void swappedSamplesGiveTheSameDifferenceTurned() {
        double[] a = {1030, 1290, 905, 1260, 1080, 960, 1230, 1120};
        double[] b = {1000, 1300, 900, 1250, 1050, 950, 1200, 1100};
        Shift ab = SignedRankShift.of(a, b, 0.95);
        Shift ba = SignedRankShift.of(b, a, 0.95);
        assertEquals(ab.estimate(), -ba.estimate(), 1e-9);
        assertEquals(ab.low(), -ba.high(), 1e-9);
        assertEquals(ab.high(), -ba.low(), 1e-9);
    }

    @Test
    void fivePairsCannotBoundAndUnequalRunsAreRefused() {
        Shift s = SignedRankShift.of(new double[] {2, 2, 2, 2, 2}, new double[] {1, 1, 1, 1, 1}, 0.95);
        assertNull(s.low());
        assertNull(s.high());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SignedRankShift.of(new double[] {1, 2}, new double[] {1}, 0.95));
    }
}
