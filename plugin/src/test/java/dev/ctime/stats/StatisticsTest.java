package dev.ctime.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Statistics.median(new double[] {5, 1, 3}));
        assertEquals(2.5, Statistics.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void summaryCarriesOrderStatistics() {
        Summary s = Statistics.summarize(new double[] {10, 12, 11, 13, 9, 10, 11, 12, 10, 11});
        assertEquals(9, s.min());
        assertEquals(13, s.max());
        assertEquals(11, s.median());
        assertEquals(10, s.samples());
        assertTrue(s.ciLow() <= s.median() && s.median() <= s.ciHigh());
        assertTrue(s.ciLow() >= s.min() && s.ciHigh() <= s.max());
    }

    @Test
    void bootstrapIntervalCoversTheTrueMedianAboutNinetyFivePercentOfTheTime() {
        // Samples from N(100, 10): the true median is 100. Coverage of a percentile bootstrap
        // for the median at n = 30 is near the nominal level; far below 95% would be a bug.
        SplittableRandom rnd = new SplittableRandom(7);
        int covered = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            double[] x = new double[30];
            for (int i = 0; i < x.length; i++) x[i] = 100 + 10 * gaussian(rnd);
            double[] ci = Statistics.bootstrapMedianCi(x, 0.95);
            if (ci[0] <= 100 && 100 <= ci[1]) covered++;
        }
        double coverage = (double) covered / trials;
        assertTrue(coverage > 0.88 && coverage <= 1.0, "coverage " + coverage);
    }

    @Test
    void intervalNarrowsWithMoreSamples() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] small = new double[10];
        double[] large = new double[1000];
        for (int i = 0; i < small.length; i++) small[i] = 50 + gaussian(rnd);
        for (int i = 0; i < large.length; i++) large[i] = 50 + gaussian(rnd);
        double[] a = Statistics.bootstrapMedianCi(small, 0.95);
        double[] b = Statistics.bootstrapMedianCi(large, 0.95);
        assertTrue(b[1] - b[0] < (a[1] - a[0]) / 3, "large-n interval should be much narrower");
    }

    @Test
    void bootstrapIsDeterministic() {
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        assertEquals(Statistics.summarize(x), Statistics.summarize(x));
    }

    @Test
    void tukeyFencesCountOutliersWithoutDroppingThem() {
        double[] x = {10, 10.5, 9.8, 10.2, 10.1, 9.9, 10.3, 40};
        assertEquals(1, Statistics.tukeyOutliers(x));
        Summary s = Statistics.summarize(x);
        assertEquals(1, s.outliers());
        assertEquals(40, s.max(), "the outlier stays in the figures");
        assertEquals(0, Statistics.tukeyOutliers(new double[] {1, 2, 3, 4, 5, 6}));
    }

    @Test
    void noisyFlagFollowsTheIntervalWidth() {
        assertFalse(Statistics.summarize(new double[] {100, 101, 99, 100, 100, 101, 99, 100, 100, 100}).noisy());
        assertTrue(Statistics.summarize(new double[] {100, 150, 60, 130, 80, 170, 50, 120, 90, 140}).noisy());
    }

    @Test
    void singleSampleAndEmptyInput() {
        Summary s = Statistics.summarize(new double[] {7});
        assertEquals(7, s.ciLow());
        assertEquals(7, s.ciHigh());
        assertThrows(IllegalArgumentException.class, () -> Statistics.summarize(new double[0]));
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
