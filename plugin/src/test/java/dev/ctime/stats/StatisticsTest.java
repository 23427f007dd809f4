package dev.ctime.stats;

import dev.ctime.model.Summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        assertEquals(10, s.runs());
        assertEquals(10, s.samples().size());
        // n = 10: the sign-test interval is [x(2), x(9)] with coverage 1 - 2 P(Bin(10, .5) <= 1) = 97.85%.
        assertEquals(10, s.ciLow());
        assertEquals(12, s.ciHigh());
        assertEquals(1 - 2 * 11 / 1024.0, s.ciLevel(), 1e-12);
    }

    @Test
    void fewRunsCannotClaimNinetyFivePercent() {
        // The median of 3 lies in [min, max] with probability 1 - 2/8 = 75%: that is what is reported.
        Summary s = Statistics.summarize(new double[] {10, 30, 20});
        assertEquals(10, s.ciLow());
        assertEquals(30, s.ciHigh());
        assertEquals(0.75, s.ciLevel(), 1e-12);
        assertFalse(s.reached(0.5), "a 75% interval never meets a 95% precision target");
        Summary six = Statistics.summarize(new double[] {100, 100.5, 99.8, 100.2, 100.1, 99.9});
        assertTrue(six.ciLevel() >= 0.95);
        assertTrue(six.reached(0.02));
    }

    @Test
    void forksAreTheRunsOfAKernelFigure() {
        Summary s = Statistics.summarizeGroups(List.of(new double[] {1, 2, 3}, new double[] {10, 11, 12}));
        assertEquals(2, s.runs());
        assertEquals(List.of(3, 3), s.groups());
        assertEquals(6, s.samples().size());
        assertEquals(6.5, s.median(), "the median of the fork medians 2 and 11");
        assertEquals(List.of(2.0, 11.0), java.util.Arrays.stream(Statistics.units(s)).boxed().toList());
    }

    @Test
    void signTestIntervalCoversTheTrueMedianAtLeastNinetyFivePercentOfTheTime() {
        // Skewed (log-normal) runs, as build and kernel times are: the interval must still hold.
        SplittableRandom rnd = new SplittableRandom(7);
        int covered = 0;
        int trials = 2000;
        for (int t = 0; t < trials; t++) {
            double[] x = new double[8];
            for (int i = 0; i < x.length; i++) x[i] = Math.exp(0.3 * gaussian(rnd));
            Summary s = Statistics.summarize(x);
            if (s.ciLow() <= 1 && 1 <= s.ciHigh()) covered++;
        }
        assertTrue(covered / (double) trials >= 0.95, "coverage " + covered / (double) trials);
    }

    @Test
    void aSummaryDependsOnTheRunsNotOnTheirOrder() {
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        double[] y = {9, 6, 5, 5, 4, 3, 3, 2, 1, 1};
        Summary a = Statistics.summarize(x);
        Summary b = Statistics.summarize(y);
        assertEquals(3.5, a.median());
        assertEquals(List.of(a.median(), a.ciLow(), a.ciHigh(), a.ciLevel(), (double) a.outliers()),
                List.of(b.median(), b.ciLow(), b.ciHigh(), b.ciLevel(), (double) b.outliers()));
        assertEquals(List.of(3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0), a.samples(), "the runs kept in the order measured");
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
        assertEquals(0, s.ciLevel());
        assertThrows(IllegalArgumentException.class, () -> Statistics.summarize(new double[0]));
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
