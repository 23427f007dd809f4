package dev.ctime.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedShiftTest {
    @Test
    void whatAPairSharesCancelsAndALargeConsistentDifferenceShowsWithFourPairs() {
        // Each fork moves both sides alike by up to ±30%; the difference is 3x, fork after fork.
        double[] a = {1000, 1300, 700, 1100};
        double[] b = {3000, 3900, 2100, 3300};
        Shift s = PairedShift.of(b, a, 0.9999);
        // Three times the median of the first side (1050), as a difference.
        assertEquals(2100, s.estimate(), 1e-9);
        assertTrue(s.low() > 0, "bounded away from no difference even at 99.99%: " + s);
        // The rank test on the same runs, unpaired, cannot bound anything at that level with four a side.
        assertNull(Shift.of(b, a, 0.9999).low());
    }

    @Test
    void itsIntervalHoldsTheTrueDifferenceAsOftenAsItSays() {
        int covered = 0;
        for (int seed = 0; seed < 1000; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] x = new double[6];
            double[] y = new double[6];
            // Each pair shares a factor up to 2; the second side is 10% slower, with 2% noise of its own.
            for (int i = 0; i < 6; i++) {
                double shared = 100 * (1 + r.nextDouble());
                y[i] = shared * Math.exp(0.02 * gaussian(r));
                x[i] = shared * 1.1 * Math.exp(0.02 * gaussian(r));
            }
            Shift s = PairedShift.of(x, y, 0.95);
            double truth = 0.1 * Statistics.median(y);
            if (s.low() <= truth && truth <= s.high()) covered++;
        }
        assertTrue(covered >= 930 && covered <= 970, covered + " of 1000");
    }

    @Test
    void fewerThanThreePairsBoundNothing() {
        Shift s = PairedShift.of(new double[] {2, 4}, new double[] {1, 2, 9}, 0.95);
        assertEquals(1.5, s.estimate(), 1e-12);
        assertNull(s.low());
        assertNull(s.high());
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
