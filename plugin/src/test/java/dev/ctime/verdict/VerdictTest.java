package dev.ctime.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.kernel.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.stats.Shift;
import dev.ctime.stats.Statistics;
import dev.ctime.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The decision rule on synthetic runs: it must neither cry wolf on noise nor miss a real difference. */
class VerdictTest {
    private static double[] runs(SplittableRandom rnd, int n, double centre, double noise) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = centre * (1 + noise * gaussian(rnd));
        return x;
    }

    @Test
    void aComparisonReadsAsARatioWithItsIntervalOrSaysWhyItHasNone() {
        assertEquals("1.21x (1.15–1.27)", new Comparison("f", "p", "r", 1.21, 1.15, 1.27, true, Comparison.WORSE, 0.01, 0.001, 8, 8)
                .describe());
        assertEquals("0.97x (no interval: 2 and 2 runs are too few)",
                new Comparison("f", "p", "r", 0.97, 0.0, null, false, Comparison.INDISTINGUISHABLE, 0.01, 1, 2, 2).describe());
        assertEquals("1.50x (1.20–?)", new Comparison("f", "p", "r", 1.5, 1.2, null, true, Comparison.WORSE, 0.01, 0.01, 6, 6)
                .describe());
    }

    @Test
    void equalDistributionsAreIndistinguishableInAtLeast95PercentOfTrials() {
        SplittableRandom rnd = new SplittableRandom(2026);
        int[][] shapes = {{6, 6}, {8, 8}, {12, 12}};
        for (int[] n : shapes) {
            for (double noise : new double[] {0.01, 0.10}) {
                int indistinguishable = 0;
                for (int t = 0; t < 1000; t++) {
                    Comparison c = Comparison.of("f", "a", runs(rnd, n[0], 100, noise), "b", runs(rnd, n[1], 100, noise), 0.01);
                    if (c.verdict().equals(Comparison.INDISTINGUISHABLE)) indistinguishable++;
                }
                assertTrue(indistinguishable >= 950, n[0] + " runs at noise " + noise + ": only " + indistinguishable
                        + " of 1000 indistinguishable");
            }
        }
    }

    @Test
    void heavyTailedNoiseDoesNotCryWolfEither() {
        // One run in ten hit by a 50% slowdown, as when another build shares the machine.
        SplittableRandom rnd = new SplittableRandom(99);
        int indistinguishable = 0;
        for (int t = 0; t < 1000; t++) {
            double[] a = runs(rnd, 8, 100, 0.02);
            double[] b = runs(rnd, 8, 100, 0.02);
            for (double[] x : new double[][] {a, b}) for (int i = 0; i < x.length; i++) if (rnd.nextDouble() < 0.1) x[i] *= 1.5;
            if (Comparison.of("f", "a", a, "b", b, 0.01).verdict().equals(Comparison.INDISTINGUISHABLE)) indistinguishable++;
        }
        assertTrue(indistinguishable >= 950, indistinguishable + " of 1000");
    }

    @Test
    void aFivePercentShiftAtOnePercentNoiseIsDetectedInAtLeast95PercentOfTrials() {
        SplittableRandom rnd = new SplittableRandom(42);
        int detected = 0;
        for (int t = 0; t < 1000; t++) {
            Comparison c = Comparison.of("f", "a", runs(rnd, 6, 105, 0.01), "b", runs(rnd, 6, 100, 0.01), 0.01);
            if (c.verdict().equals(Comparison.WORSE)) detected++;
            assertTrue(c.ciLow() <= c.ratio() && (c.ciHigh() == null || c.ratio() <= c.ciHigh()));
        }
        assertTrue(detected >= 950, "detected " + detected + " of 1000");
    }

    @Test
    void aSignificantButTinyDifferenceIsUnderTheThreshold() {
        // 0.5% apart with almost no noise: significant, yet no one should switch profiles for it.
        SplittableRandom rnd = new SplittableRandom(5);
        Comparison c = Comparison.of("f", "a", runs(rnd, 12, 100.5, 0.0005), "b", runs(rnd, 12, 100, 0.0005), 0.01);
        assertTrue(c.pValue() < 0.05);
        assertFalse(c.significant());
        assertEquals(Comparison.INDISTINGUISHABLE, c.verdict());
    }

    @Test
    void threeRunsAgainstThreeCanNeverBeSignificant() {
        // The exact Mann-Whitney test's smallest two-sided p-value for 3 against 3 is 0.1.
        Comparison c = Comparison.of("f", "a", new double[] {10, 11, 12}, "b", new double[] {50, 51, 52}, 0.01);
        assertEquals(Comparison.INDISTINGUISHABLE, c.verdict());
        assertNull(c.ciHigh(), "3 runs cannot bound the ratio at 95%");
    }

    @Test
    void hodgesLehmannShiftAndItsInterval() {
        // y = x + 5 exactly: every pairwise difference centres on -5.
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {6, 7, 8, 9, 10, 11, 12, 13};
        Shift s = Shift.of(x, y);
        assertEquals(-5, s.estimate(), 1e-12);
        assertNotNull(s.low());
        assertTrue(s.low() < -5 && s.high() > -5);
        assertTrue(s.pValue() < 0.05);
        assertTrue(s.significant());
    }

    // ----- the decision built on it -----

    private static Summary build(SplittableRandom rnd, double ms) {
        return Statistics.summarize(runs(rnd, 8, ms, 0.02));
    }

    private static Summary run(SplittableRandom rnd, double ns) {
        List<double[]> forks = new ArrayList<>();
        for (int f = 0; f < 8; f++) forks.add(runs(rnd, 10, ns, 0.01));
        return Statistics.summarizeGroups(forks);
    }

    private static ProfileResult profile(String name, Summary build, Summary run) {
        ScenarioFigures f = new ScenarioFigures(build, build, build, build, null, null);
        KernelTiming k = new KernelTiming("k", 1000, dev.ctime.model.Status.OK, null, run, null, run, null, 1.0, null, 1, 1, 1.0, 0, null, null);
        return new ProfileResult(name, dev.ctime.model.Status.OK, null, Map.of(), null, "stable", Map.of("full", f), null, null, null, null,
                List.of(k), null, null);
    }

    @Test
    void twinsAreTiedAndNeitherWinsOnNoise() {
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            List<ProfileResult> ps = List.of(profile("release", build(rnd, 150), run(rnd, 1000)),
                    profile("fat-a", build(rnd, 4000), run(rnd, 700)), profile("fat-b", build(rnd, 4000), run(rnd, 700)));
            Decider.Subject s = Decider.subject(ps, null, null);
            Decision d = Decider.decide(ps, s, 1e8, "release", Thresholds.DEFAULT);
            assertTrue(d.recommended().startsWith("fat-"), d.reason());
            String twin = d.recommended().equals("fat-a") ? "fat-b" : "fat-a";
            assertTrue(d.indistinguishable().contains(twin), d.reason());
            assertTrue(d.reason().contains("faster than release"), d.reason());
            // Few calls: the extra build never pays off, release stays.
            assertEquals("release", Decider.decide(ps, s, 10, "release", Thresholds.DEFAULT).recommended());
        }
    }

    @Test
    void aFasterProfileInsideItsBreakEvenIntervalIsAContenderNotTheRecommendation() {
        SplittableRandom rnd = new SplittableRandom(3);
        List<ProfileResult> ps = List.of(profile("release", build(rnd, 150), run(rnd, 1000)),
                profile("fat", build(rnd, 4000), run(rnd, 900)));
        Decider.Subject s = Decider.subject(ps, null, null);
        BreakEven be = Decider.breakEven(Decider.points(ps, s).get(0), Decider.points(ps, s).get(1), Thresholds.DEFAULT);
        assertNotNull(be.calls());
        assertTrue(be.ciLow() < be.calls() && be.calls() < be.ciHigh(), be.toString());
        // (4000 - 150) ms over 100 ns saved: about 38.5 million calls.
        assertEquals(38.5e6, be.calls(), 5e6);
        Decision inside = Decider.decide(ps, s, be.calls(), "release", Thresholds.DEFAULT);
        assertEquals("release", inside.recommended());
        assertEquals(List.of("fat"), inside.contenders());
        assertEquals("fat", Decider.decide(ps, s, be.ciHigh() * 2, "release", Thresholds.DEFAULT).recommended());
    }

    @Test
    void aProfileIsDominatedOnlyWhenSignificantlyWorse() {
        SplittableRandom rnd = new SplittableRandom(11);
        List<ProfileResult> ps = List.of(profile("release", build(rnd, 150), run(rnd, 1000)),
                profile("slow-build-same-run", build(rnd, 600), run(rnd, 1000)),
                profile("fast", build(rnd, 4000), run(rnd, 500)));
        Decider.Subject s = Decider.subject(ps, null, null);
        List<String> front = Decider.front(Decider.points(ps, s), Thresholds.DEFAULT).stream().map(Decider.Point::profile).toList();
        assertEquals(List.of("release", "fast"), front);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
