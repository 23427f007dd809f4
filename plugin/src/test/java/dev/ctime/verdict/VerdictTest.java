package dev.ctime.verdict;

import dev.ctime.model.EffectiveSetting;

import dev.ctime.model.Workload;
import dev.ctime.model.BreakEven;
import dev.ctime.model.Decision;
import dev.ctime.model.Comparison;
import dev.ctime.model.Verdict;
import dev.ctime.model.Thresholds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;
import dev.ctime.stats.Shift;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
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
        assertEquals("1.21x (1.15–1.27)", new Comparison("f", "p", "r", 1.21, 1.15, 1.27, true, Comparison.WORSE, 0.01, 0.001, 8, 8,
                Comparison.TIMED, null).describe());
        assertEquals("0.97x (no interval: 2 and 2 runs are too few)",
                new Comparison("f", "p", "r", 0.97, 0.0, null, false, Comparison.INCONCLUSIVE, 0.01, 1, 2, 2, Comparison.TIMED, 4)
                        .describe());
        assertEquals("1.50x (1.20–?)", new Comparison("f", "p", "r", 1.5, 1.2, null, true, Comparison.WORSE, 0.01, 0.01, 6, 6,
                Comparison.TIMED, null).describe());
        assertEquals("0.90x (counted, exact)", Judge.exact("kernel:k:1:primalInstructions", "p", 90, "r", 100, 0.01).describe());
    }

    @Test
    void oneRunAgainstOneIsInconclusiveNeverEquivalentOrCounted() {
        // The quick settings a user tries first: one build, one fork. Nothing can be told, whatever the two values.
        for (double[] v : new double[][] {{100, 100}, {100, 100.2}, {39, 100}}) {
            Comparison c = Judge.of("kernel:k:1:gradientNs", "a", new double[] {v[0]}, "b", new double[] {v[1]}, 0.01);
            assertEquals(Verdict.INCONCLUSIVE, c.verdict(), c.toString());
            assertEquals("inconclusive", c.verdict().outcome());
            assertEquals(Comparison.TIMED, c.basis());
            assertFalse(c.describe().contains("counted"), c.describe());
            assertTrue(c.runsToSettle() >= Comparison.FEWEST_RUNS, c.toString());
        }
    }

    @Test
    void equalDistributionsAreNotCalledDifferentInAtLeast95PercentOfTrials() {
        SplittableRandom rnd = new SplittableRandom(2026);
        int[][] shapes = {{6, 6}, {8, 8}, {12, 12}};
        for (int[] n : shapes) {
            for (double noise : new double[] {0.01, 0.10}) {
                int same = 0;
                for (int t = 0; t < 1000; t++) {
                    Comparison c = Judge.of("f", "a", runs(rnd, n[0], 100, noise), "b", runs(rnd, n[1], 100, noise), 0.01);
                    if (c.verdict() == Verdict.EQUIVALENT || c.verdict() == Verdict.INCONCLUSIVE) same++;
                }
                assertTrue(same >= 950, n[0] + " runs at noise " + noise + ": only " + same + " of 1000 not called different");
            }
        }
    }

    @Test
    void equalDistributionsWithTightRunsAreEquivalentAndNoisyOnesInconclusive() {
        SplittableRandom rnd = new SplittableRandom(7);
        int equivalent = 0;
        int inconclusive = 0;
        for (int t = 0; t < 200; t++) {
            if (Judge.of("f", "a", runs(rnd, 12, 100, 0.002), "b", runs(rnd, 12, 100, 0.002), 0.01).verdict()
                    == Verdict.EQUIVALENT) equivalent++;
            Comparison noisy = Judge.of("f", "a", runs(rnd, 6, 100, 0.10), "b", runs(rnd, 6, 100, 0.10), 0.01);
            if (noisy.verdict() == Verdict.INCONCLUSIVE) {
                inconclusive++;
                // ±10% noise against a 1% margin: many more runs than 6 are needed, and the estimate says so.
                assertTrue(noisy.runsToSettle() > 6, noisy.toString());
            }
        }
        assertTrue(equivalent >= 190, equivalent + " of 200 equivalent at ±0.2% noise");
        // The rest are the test's 5% of false alarms at 6 runs a side.
        assertTrue(inconclusive >= 180, inconclusive + " of 200 inconclusive at ±10% noise");
    }

    @Test
    void heavyTailedNoiseDoesNotCryWolfEither() {
        // One run in ten hit by a 50% slowdown, as when another build shares the machine.
        SplittableRandom rnd = new SplittableRandom(99);
        int same = 0;
        for (int t = 0; t < 1000; t++) {
            double[] a = runs(rnd, 8, 100, 0.02);
            double[] b = runs(rnd, 8, 100, 0.02);
            for (double[] x : new double[][] {a, b}) for (int i = 0; i < x.length; i++) if (rnd.nextDouble() < 0.1) x[i] *= 1.5;
            if (!Judge.of("f", "a", a, "b", b, 0.01).significant()) same++;
        }
        assertTrue(same >= 950, same + " of 1000");
    }

    @Test
    void aFivePercentShiftAtOnePercentNoiseIsDetectedInAtLeast95PercentOfTrials() {
        SplittableRandom rnd = new SplittableRandom(42);
        int detected = 0;
        for (int t = 0; t < 1000; t++) {
            Comparison c = Judge.of("f", "a", runs(rnd, 6, 105, 0.01), "b", runs(rnd, 6, 100, 0.01), 0.01);
            if (c.verdict().equals(Comparison.WORSE)) detected++;
            assertTrue(c.ciLow() <= c.ratio() && (c.ciHigh() == null || c.ratio() <= c.ciHigh()));
        }
        assertTrue(detected >= 950, "detected " + detected + " of 1000");
    }

    @Test
    void aSignificantButTinyDifferenceIsUnderTheThreshold() {
        // 0.5% apart with almost no noise: significant, yet no one should switch profiles for it.
        SplittableRandom rnd = new SplittableRandom(5);
        Comparison c = Judge.of("f", "a", runs(rnd, 12, 100.5, 0.0005), "b", runs(rnd, 12, 100, 0.0005), 0.01);
        assertTrue(c.pValue() < 0.05);
        assertFalse(c.significant());
        // Its whole interval lies within 1%: equivalent, and said so.
        assertEquals(Comparison.EQUIVALENT, c.verdict());
    }

    @Test
    void threeRunsAgainstThreeCanNeverBeSignificant() {
        // The exact Mann-Whitney test's smallest two-sided p-value for 3 against 3 is 0.1.
        Comparison c = Judge.of("f", "a", new double[] {10, 11, 12}, "b", new double[] {50, 51, 52}, 0.01);
        assertEquals(Comparison.INCONCLUSIVE, c.verdict());
        assertNull(c.ciHigh(), "3 runs cannot bound the ratio at 95%");
        assertEquals(Comparison.FEWEST_RUNS, c.runsToSettle());
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
        return run(rnd, ns, 8);
    }

    private static Summary run(SplittableRandom rnd, double ns, int forks) {
        return run(rnd, ns, forks, 0);
    }

    /** Forks whose levels move by {@code between} (a busy machine), each of 10 batches at 1% noise. */
    private static Summary run(SplittableRandom rnd, double ns, int forks, double between) {
        List<double[]> groups = new ArrayList<>();
        for (int f = 0; f < forks; f++) groups.add(runs(rnd, 10, between == 0 ? ns : ns * (1 + between * (rnd.nextDouble() - 0.5)), 0.01));
        return Statistics.summarizeGroups(groups);
    }

    private static KernelTiming kernel(String name, Summary run) {
        return new KernelTiming(name, 1000, Status.OK, null, run, null, run, null, 1.0, null, 1, 1, 1.0, 0, null, null, null, null, null);
    }

    private static ProfileResult profile(String name, Summary build, KernelTiming... kernels) {
        ScenarioFigures f = new ScenarioFigures(build, build, build, build, null, null);
        boolean failed = java.util.Arrays.stream(kernels).anyMatch(k -> k.status() != Status.OK);
        return new ProfileResult(name, failed ? Status.PARTIAL : Status.OK, null, Map.of(), null, "stable", Map.of("full", f), null,
                null, null, null, List.of(kernels), null, null);
    }

    private static ProfileResult profile(String name, Summary build, Summary run) {
        return profile(name, build, kernel("k", run));
    }

    private static Decision decide(List<ProfileResult> ps, double calls) {
        return Decider.decide(ps, Workloads.defaultFor(ps, calls), null, "release", Thresholds.DEFAULT);
    }

    private static Decider.Point point(List<ProfileResult> ps, String name) {
        ProfileResult p = ps.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return new Decider.Point(name, Decider.buildCost(p, "full"), p.kernels().get(0).gradientNs());
    }

    @Test
    void anAutodiffRecommendationSaysWhatItCostsThePrimal() {
        SplittableRandom rnd = new SplittableRandom(3);
        // Enzyme's gradient is the fastest, and its build slows the primal threefold.
        Summary buildMs = build(rnd, 150);
        ProfileResult release = profile("release", buildMs, new KernelTiming("k", 1000, Status.OK, null, run(rnd, 100), null,
                run(rnd, 900), null, 1.0, null, 1, 1, 1.0, 0, null, null, null, null, null));
        ProfileResult base = profile("enzyme", build(rnd, 160), new KernelTiming("k", 1000, Status.OK, null, run(rnd, 300), null,
                run(rnd, 400), null, 1.0, null, 1, 1, 1.0, 0, null, null, null, null, null));
        ProfileResult enzyme = new ProfileResult(base.name(), base.status(), null, Map.of("autodiff", List.of("Enable")), null,
                "nightly", base.compile(), null, null, null, null, base.kernels(), null, null);
        Decision d = decide(List.of(release, enzyme), 1e8);
        assertEquals("enzyme", d.recommended(), d.reason());
        assertEquals(1, d.primalCost().size());
        Comparison c = d.primalCost().get(0);
        assertEquals("release", c.reference());
        assertEquals(3.0, c.ratio(), 0.1);
        assertEquals(Verdict.WORSE, c.verdict());
        assertTrue(d.reason().contains("enzyme is an #[autodiff] build, which can slow the whole crate down; its primal against the"
                + " fastest build without Enzyme: k (n = 1000) 3."), d.reason());
        assertTrue(d.reason().contains("the workload has no primal calls"), d.reason());
        // A recommendation without Enzyme says nothing of it.
        assertNull(decide(List.of(release, profile("fat", build(rnd, 400), run(rnd, 500))), 1e8).primalCost());
    }

    @Test
    void twinsAreEquivalentAndNeitherWinsOnNoise() {
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            List<ProfileResult> ps = List.of(profile("release", build(rnd, 150), run(rnd, 1000)),
                    profile("fat-a", build(rnd, 4000), run(rnd, 700)), profile("fat-b", build(rnd, 4000), run(rnd, 700)));
            Decision d = decide(ps, 1e8);
            assertEquals(Decision.RECOMMENDED, d.state(), d.reason());
            assertTrue(d.recommended().startsWith("fat-"), d.reason());
            String twin = d.recommended().equals("fat-a") ? "fat-b" : "fat-a";
            assertTrue(d.equivalent().contains(twin), d.reason());
            assertTrue(d.reason().contains("pays for its build after"), d.reason());
            // Few calls: the extra build never pays off, release stays.
            assertEquals("release", decide(ps, 10).recommended());
        }
    }

    @Test
    void quickSettingsStillNameAProfileAndSayNothingBoundsIt() {
        // One build and one fork a profile, as -Dctime.repeat=1 -Dctime.forks=1: no interval bounds anything.
        List<ProfileResult> ps = List.of(
                profile("release", Statistics.summarize(new double[] {9000}), run(new SplittableRandom(1), 1000, 1)),
                profile("dev", Statistics.summarize(new double[] {3000}), run(new SplittableRandom(2), 2570, 1)));
        Decision d = decide(ps, 1e6);
        assertEquals(Decision.RECOMMENDED, d.state(), d.reason());
        // dev's estimated cost per build is lower (3.0 s + 2.6 ms against 9.0 s + 1 ms): the best guess there is.
        assertEquals("dev", d.recommended());
        assertNull(d.bound().ms(), d.bound().toString());
        assertEquals(Decision.Bound.BOUNDED, d.bound().status());
        assertFalse(d.settledNow());
        assertTrue(DecisionText.headline(d).contains("unbounded"), DecisionText.headline(d));
        assertTrue(DecisionText.next(d).contains("at least 4 builds and 4 forks"), DecisionText.next(d));
    }

    /** Two profiles whose costs per build are the same within noise: a bounded or settled pick, never none. */
    private static List<ProfileResult> alike(SplittableRandom rnd, double noise) {
        return List.of(profile("release", Statistics.summarize(runs(rnd, 6, 1000, noise)), run(rnd, 1000)),
                profile("thin", Statistics.summarize(runs(rnd, 6, 1000, noise)), run(rnd, 1000)));
    }

    @Test
    void profilesThatCannotBeToldApartStillGetARecommendationWithItsBound() {
        int bounded = 0;
        for (int seed = 0; seed < 10; seed++) {
            Decision d = decide(alike(new SplittableRandom(seed), 0.3), 1e6);
            assertEquals(Decision.RECOMMENDED, d.state(), d.reason());
            Decision.Bound b = d.bound();
            assertNotNull(b.ms(), d.reason());
            // The bound is the upper end of the recommended profile's cost difference against the other, and it is the
            // smaller of the two profiles' worst cases: taking the other would risk at least as much.
            String other = d.recommended().equals("release") ? "thin" : "release";
            assertEquals(other, b.against());
            Decision.Undecided open = d.undecided().get(0);
            assertEquals(other, open.profile());
            assertEquals(Math.max(0, -open.totalLow()), b.ms(), 1e-6, d.reason());
            assertTrue(open.totalHigh() >= b.ms() - 1e-6, "the other's worst case is the other end: " + open);
            // Settled only within 2% of the cost per build, and the words say which.
            boolean within = b.share() <= 0.02;
            assertEquals(within ? Decision.Bound.SETTLED : Decision.Bound.BOUNDED, b.status(), d.reason());
            bounded += within ? 0 : 1;
            assertTrue(DecisionText.headline(d).startsWith(d.recommended() + " for ")
                    && DecisionText.headline(d).contains(within ? "settled" : "bounded"), DecisionText.headline(d));
            // A looser tolerance takes the same bound as settled.
            Decision settled = Decider.decide(alike(new SplittableRandom(seed), 0.3),
                    Workloads.defaultFor(alike(new SplittableRandom(seed), 0.3), 1e6), null, "release", new Thresholds(0.01, 0.02, 0.99));
            assertEquals(Decision.Bound.SETTLED, settled.bound().status(), settled.bound().toString());
            assertEquals(b.ms(), settled.bound().ms(), 1e-9);
        }
        // 30% noise on a 1 s build: most seeds cannot bound it within 2% of the cost.
        assertTrue(bounded >= 5, bounded + " of 10 bounded");
    }

    @Test
    void tightRunsSettleWithinTheToleranceAndOutOfReachRunsAreNotAskedFor() {
        Decision tight = decide(alike(new SplittableRandom(5), 0.002), 1e6);
        assertEquals(Decision.Bound.SETTLED, tight.bound().status(), tight.reason());
        assertTrue(tight.settledNow());
        assertTrue(tight.bound().share() <= 0.02, tight.bound().toString());
        assertTrue(DecisionText.next(tight).startsWith("next: paste the block"), DecisionText.next(tight));
        // Noise that would need far more runs than 3 times the 6 made: practically equivalent, not "run 2000 builds".
        Decision noisy = decide(alike(new SplittableRandom(5), 0.5), 1e6);
        assertEquals(Decision.Bound.BOUNDED, noisy.bound().status());
        assertTrue(noisy.bound().runsToSettle() == null || noisy.bound().runsToSettle() > 18, noisy.bound().toString());
        assertFalse(noisy.bound().reachable());
        assertTrue(DecisionText.next(noisy).contains("practically equivalent at the precision its noise allows"),
                DecisionText.next(noisy));
        assertFalse(DecisionText.next(noisy).contains("-Dctime.maxRepeat"), DecisionText.next(noisy));
    }

    @Test
    void aProfileSignificantlyCheapestThanEveryOtherIsSettledWithABoundOfNothing() {
        SplittableRandom rnd = new SplittableRandom(9);
        List<ProfileResult> ps = List.of(profile("release", build(rnd, 150), run(rnd, 1000)),
                profile("fat", build(rnd, 4000), run(rnd, 1000)), profile("dev", build(rnd, 100), run(rnd, 3000)));
        Decision d = decide(ps, 1e6);
        assertEquals("release", d.recommended(), d.reason());
        assertTrue(d.bound().cheapest(), d.bound().toString());
        assertEquals(0.0, d.bound().ms());
        assertTrue(d.settledNow());
        assertNull(d.undecided());
        assertTrue(DecisionText.headline(d).contains("significantly the cheapest"), DecisionText.headline(d));
    }

    @Test
    void identicalBuildsAreJudgedAsOneAndNeverAgainstTheirOwnSamples() {
        SplittableRandom rnd = new SplittableRandom(2);
        Summary sameRun = run(rnd, 1000);
        Summary slowRun = run(rnd, 2600);
        Map<String, Object> o3 = Map.of("optLevel", "3");
        ProfileResult a = withLibrary(profile("twin-a", Statistics.summarize(runs(rnd, 6, 1000, 0.2)), sameRun), "aa", o3);
        ProfileResult b = withLibrary(profile("twin-b", Statistics.summarize(runs(rnd, 6, 1000, 0.2)), sameRun), "aa", o3);
        ProfileResult o0 = withLibrary(profile("opt0", Statistics.summarize(runs(rnd, 6, 400, 0.2)), slowRun), "bb",
                Map.of("optLevel", "0"));
        Decision d = Decider.decide(List.of(a, b, o0), Workloads.defaultFor(List.of(a, b, o0), 1e8), null, "twin-a",
                Thresholds.DEFAULT);
        // The reference stands for the group; its twin is equivalent by construction, not by a test of a sample with itself.
        assertEquals("twin-a", d.recommended(), d.reason());
        assertEquals("twin-b", d.equivalent().get(0));
        assertEquals("opt0", d.bound().against());
        assertTrue(d.undecided() == null || d.undecided().stream().noneMatch(u -> u.profile().equals("twin-b")), d.reason());
        assertEquals(3, d.points().size(), "every profile is still drawn");
        // Where only the libraries are the same (settings differ), run time is the same by construction and build cost is
        // still measured.
        ProfileResult c = withLibrary(profile("twin-c", Statistics.summarize(runs(rnd, 6, 5000, 0.01)), sameRun), "aa",
                Map.of("optLevel", "3", "debugAssertions", "true"));
        Decision e = Decider.decide(List.of(a, c), Workloads.defaultFor(List.of(a, c), 1e8), null, "twin-a", Thresholds.DEFAULT);
        assertEquals("twin-a", e.recommended(), e.reason());
        assertTrue(e.bound().cheapest(), "a fivefold build at the same run time is costlier, beyond doubt: " + e.reason());
        // Settings written differently (release's default opt-level against one spelt out) that reach Cargo as the same
        // profile build the same work: judged as one, the reference standing for them, whatever the builds' noise says.
        List<EffectiveSetting> eff = List.of(new EffectiveSetting("opt-level", "3", EffectiveSetting.CARGO_DEFAULT, false));
        List<EffectiveSetting> spelt = List.of(new EffectiveSetting("opt-level", "3", EffectiveSetting.CTIME, false));
        ProfileResult release = withEffective(withLibrary(profile("release", Statistics.summarize(runs(rnd, 6, 1100, 0.2)), sameRun),
                "aa", Map.of()), eff);
        ProfileResult explicit = withEffective(withLibrary(profile("o3-explicit", Statistics.summarize(runs(rnd, 6, 900, 0.2)),
                sameRun), "aa", o3), spelt);
        Decision f = Decider.decide(List.of(release, explicit, o0), Workloads.defaultFor(List.of(release, explicit, o0), 1e8), null,
                "release", Thresholds.DEFAULT);
        assertEquals("release", f.recommended(), f.reason());
        assertEquals(List.of("o3-explicit"), f.equivalent());
        assertTrue(IdenticalBuilds.sameWork(release, explicit));
        assertFalse(IdenticalBuilds.sameWork(release, withEffective(explicit, spelt, List.of("simd"))), "other features, other work");
        assertFalse(IdenticalBuilds.sameWork(release, withEffective(explicit, List.of(new EffectiveSetting("opt-level", "2",
                EffectiveSetting.CTIME, false)))), "another effective profile");
    }

    private static ProfileResult withEffective(ProfileResult p, List<EffectiveSetting> effective) {
        return withEffective(p, effective, null);
    }

    private static ProfileResult withEffective(ProfileResult p, List<EffectiveSetting> effective, List<String> features) {
        dev.ctime.model.Applied.Builder a = new dev.ctime.model.Applied.Builder();
        a.librarySha256 = p.applied().librarySha256();
        a.effective = effective;
        a.features = features;
        return new ProfileResult(p.name(), p.status(), null, p.settings(), a.build(), p.toolchain(), p.compile(), null, null, null,
                null, p.kernels(), null, null);
    }

    private static ProfileResult withLibrary(ProfileResult p, String sha, Map<String, Object> settings) {
        dev.ctime.model.Applied.Builder a = new dev.ctime.model.Applied.Builder();
        a.librarySha256 = sha;
        return new ProfileResult(p.name(), p.status(), null, settings, a.build(), p.toolchain(), p.compile(), null, null, null, null,
                p.kernels(), null, null);
    }

    @Test
    void theDecisionsWordsAreTheTablesWhereTheyCompareTheSameFigure() {
        SplittableRandom rnd = new SplittableRandom(4);
        List<ProfileResult> ps = alike(rnd, 0.3);
        Comparison mine = Judge.of("build", "thin", Statistics.summarize(runs(rnd, 6, 1000, 0.01)), "release",
                Statistics.summarize(runs(rnd, 6, 500, 0.01)), 0.02);
        assertEquals(Verdict.WORSE, mine.verdict());
        // The table corrected it (Holm) to inconclusive: the decision uses the table's word, in its own order.
        Comparison table = Judge.judged(Judge.of("compile.full.cpuMs", "release", Statistics.summarize(runs(rnd, 6, 500, 0.01)),
                "thin", Statistics.summarize(runs(rnd, 6, 1000, 0.01)), 0.02), false);
        assertEquals(Verdict.INCONCLUSIVE, table.verdict());
        Comparison agreed = Decider.agreeing(mine, List.of(table), "full");
        assertEquals("thin", agreed.profile());
        assertEquals(Verdict.INCONCLUSIVE, agreed.verdict());
        assertEquals(1 / table.ratio(), agreed.ratio(), 1e-12);
        assertTrue(agreed.describe().startsWith(String.format(java.util.Locale.ROOT, "%.2fx", 1 / table.ratio())));
        // Another figure, or none in the table: its own.
        assertSame(mine, Decider.agreeing(mine, List.of(), "full"));
        Decision d = Decider.decide(ps, Workloads.defaultFor(ps, 1e6), null, "release", Thresholds.DEFAULT,
                dev.ctime.verdict.Comparisons.all(ps, "release", Thresholds.DEFAULT));
        for (Decision.Undecided u : d.undecided()) {
            Comparison t = dev.ctime.verdict.Comparisons.all(ps, "release", Thresholds.DEFAULT).stream()
                    .filter(c -> c.figure().equals("compile.full.cpuMs")).findFirst().orElseThrow();
            Verdict expected = u.profile().equals(t.profile()) ? t.verdict() : t.reversed().verdict();
            assertEquals(expected, u.build().verdict(), d.reason());
            assertTrue(d.reason().contains(u.build().describe() + " " + u.build().verdict()), d.reason());
        }
    }

    private static ProfileResult counted(String name, Summary build, Summary run, Double cycles) {
        return profile(name, build, new KernelTiming("k", 1000, Status.OK, null, run, null, run, null, 1.0, null, 1, 1, 1.0, 0, null,
                null, null, cycles, cycles));
    }

    @Test
    void whereTimingCannotSeparateTwoRunCostsTheCountsDecideAndSaySo() {
        SplittableRandom rnd = new SplittableRandom(17);
        // Builds alike and tight; run costs 30% noisy, so timing cannot tell them apart; b's estimated cycles are 10% more.
        List<ProfileResult> ps = List.of(
                counted("a", Statistics.summarize(runs(rnd, 8, 1000, 0.01)), run(rnd, 1000, 8, 0.3), 1000.0),
                counted("b", Statistics.summarize(runs(rnd, 8, 1000, 0.01)), run(rnd, 1000, 8, 0.3), 1100.0));
        Decision d = decide(ps, 1e7);
        assertEquals("a", d.recommended(), d.reason());
        assertTrue(d.settledNow() && d.bound().cheapest(), "b costs about 1 s more per build by its counts: " + d.reason());
        assertTrue(d.bound().basis().contains("estimated cycles"), d.bound().basis());
        // Without the counts, the same runs leave it bounded: the timed run costs overlap.
        List<ProfileResult> timedOnly = List.of(counted("a", ps.get(0).compile().get("full").cpuMs(), ps.get(0).kernels().get(0)
                .gradientNs(), null), counted("b", ps.get(1).compile().get("full").cpuMs(), ps.get(1).kernels().get(0).gradientNs(), null));
        Decision t = decide(timedOnly, 1e7);
        assertFalse(t.bound().cheapest(), t.reason());
        assertEquals(Verdict.INCONCLUSIVE, t.undecided().get(0).run().verdict(), t.reason());
        assertFalse(t.bound().basis().contains("estimated cycles"));
        // Where timing separates them, the counts do not override it.
        List<ProfileResult> clear = List.of(counted("a", Statistics.summarize(runs(rnd, 8, 1000, 0.01)), run(rnd, 1000, 8, 0.01), 1100.0),
                counted("b", Statistics.summarize(runs(rnd, 8, 1000, 0.01)), run(rnd, 1500, 8, 0.01), 1000.0));
        Decision c = decide(clear, 1e7);
        assertEquals("a", c.recommended(), "timed 1.5x slower, whatever its count says: " + c.reason());
        assertFalse(c.bound().basis().contains("estimated cycles"));
        // Timed in the same forks, each fork's level moving 30% (a busy machine): apart the samples cannot separate the
        // two, but fork by fork they differ by 0.5% at most, far tighter than a count's 5% model error. The count must
        // not replace that: the bound stays the paired one, within the tolerance.
        List<double[]> ga = new ArrayList<>();
        List<double[]> gb = new ArrayList<>();
        for (int f = 0; f < 8; f++) {
            double level = 1000 * (1 + 0.3 * (rnd.nextDouble() - 0.5));
            ga.add(runs(rnd, 10, level, 0.001));
            gb.add(runs(rnd, 10, level * 1.002, 0.001));
        }
        List<Integer> forks = List.of(0, 1, 2, 3, 4, 5, 6, 7);
        List<ProfileResult> paired = List.of(
                counted("a", Statistics.summarize(runs(rnd, 8, 1000, 0.01)), Statistics.summarizeGroups(ga).withForks(forks), 1000.0),
                counted("b", Statistics.summarize(runs(rnd, 8, 1000, 0.01)), Statistics.summarizeGroups(gb).withForks(forks), 1030.0));
        Decision p = decide(paired, 1e7);
        assertFalse(p.bound().basis().contains("estimated cycles"), "the paired clock is tighter than the count: " + p.reason());
        assertTrue(p.settledNow(), p.reason());
    }

    @Test
    void aRaceSpendsItsFivePercentOverTheFieldItsLooksAndBothIntervals() {
        assertEquals(1 - 0.05 / (2 * 15 * 11), Decider.raceLevel(15, 11), 1e-15);
        assertEquals(0.975, Decider.raceLevel(1, 1), 1e-15);
    }

    @Test
    void aRaceDropsNoProfileWhoseCostLiesWithinTheMarginOrOnThinEvidence() {
        SplittableRandom rnd = new SplittableRandom(6);
        // b costs 1% more per build, beyond doubt but within the 2% margin: a race keeps it.
        List<ProfileResult> ps = List.of(profile("release", Statistics.summarize(runs(rnd, 12, 1000, 0.001)), run(rnd, 10)),
                profile("b", Statistics.summarize(runs(rnd, 12, 1010, 0.001)), run(rnd, 10)));
        Decision d = decide(ps, 1);
        assertEquals(List.of(), Decider.costlier(ps, d, Thresholds.DEFAULT, 1));
        // Twice the build cost, beyond doubt: it leaves, even at the level of 23 rivals and 11 looks.
        List<ProfileResult> qs = List.of(ps.get(0), profile("c", Statistics.summarize(runs(rnd, 12, 2000, 0.001)), run(rnd, 10)));
        assertEquals("c", Decider.costlier(qs, decide(qs, 1), Thresholds.DEFAULT, 11).get(0).profile());
        // 7% costlier on noisy builds (±20%, 4 a side): not at 23 rivals' corrected level, however it looks at 5%.
        List<ProfileResult> thin = new ArrayList<>();
        thin.add(profile("release", Statistics.summarize(runs(rnd, 4, 1000, 0.4)), run(rnd, 10, 4)));
        for (int i = 0; i < 23; i++) thin.add(profile("p" + i, Statistics.summarize(runs(rnd, 4, 1070, 0.4)), run(rnd, 10, 4)));
        assertEquals(List.of(), Decider.costlier(thin, decide(thin, 1), Thresholds.DEFAULT, 11));
    }

    @Test
    void aFasterProfileInsideItsBreakEvenIntervalLeavesTheDecisionUndecided() {
        SplittableRandom rnd = new SplittableRandom(3);
        List<ProfileResult> ps = List.of(profile("release", build(rnd, 150), run(rnd, 1000)),
                profile("fat", build(rnd, 4000), run(rnd, 900)));
        BreakEven be = Decider.breakEven(point(ps, "release"), point(ps, "fat"), Thresholds.DEFAULT);
        assertNotNull(be.calls());
        assertTrue(be.ciLow() < be.calls() && be.calls() < be.ciHigh(), be.toString());
        // (4000 - 150) ms over 100 ns saved: about 38.5 million calls.
        assertEquals(38.5e6, be.calls(), 5e6);
        // At the break-even the two cost the same per build: equivalent (both named) or undecided, never a confident fat.
        Decision inside = decide(ps, be.calls());
        assertFalse(inside.bound().cheapest(), "neither is significantly cheaper at its own break-even: " + inside.reason());
        assertTrue(inside.undecided() != null || inside.equivalent().contains(inside.recommended().equals("fat") ? "release" : "fat"),
                inside.reason());
        assertEquals("fat", decide(ps, be.ciHigh() * 2).recommended());
        assertEquals("release", decide(ps, be.ciLow() / 2).recommended());
    }

    @Test
    void noBreakEvenWhereTheBuildCostCannotBeToldApart() {
        // dev is slower to run, and its build is not significantly cheaper: no "cheaper to build" claim.
        SplittableRandom rnd = new SplittableRandom(8);
        List<ProfileResult> ps = List.of(profile("release", Statistics.summarize(runs(rnd, 6, 1000, 0.15)), run(rnd, 1000)),
                profile("dev", Statistics.summarize(runs(rnd, 6, 900, 0.15)), run(rnd, 2500)));
        BreakEven be = Decider.breakEven(point(ps, "dev"), point(ps, "release"), Thresholds.DEFAULT);
        assertNull(be.calls(), be.toString());
        assertTrue(be.note().startsWith("no break-even: build CPU"), be.note());
    }

    @Test
    void aProfileIsDominatedOnlyWhenSignificantlyWorse() {
        SplittableRandom rnd = new SplittableRandom(11);
        List<ProfileResult> ps = List.of(profile("release", build(rnd, 150), run(rnd, 1000)),
                profile("slow-build-same-run", build(rnd, 600), run(rnd, 1000)),
                profile("fast", build(rnd, 4000), run(rnd, 500)));
        assertEquals(List.of("release", "fast"), decide(ps, 1e6).front());
    }

    @Test
    void theWorkloadDecidesAndMovingItsCallsMovesTheRecommendation() {
        SplittableRandom rnd = new SplittableRandom(21);
        // a is faster on x, b on y, and both build alike; a third kernel z runs the same in both.
        List<ProfileResult> ps = List.of(
                profile("release", build(rnd, 1000), kernel("x", run(rnd, 100)), kernel("y", run(rnd, 300)), kernel("z", run(rnd, 50))),
                profile("b", build(rnd, 1000), kernel("x", run(rnd, 300)), kernel("y", run(rnd, 100)), kernel("z", run(rnd, 50))));
        Workload onX = Workloads.parse("x@1000:gradient=1e7,y@1000:gradient=1e5,z@1000:primal=1e6", new ArrayList<>());
        Workload onY = Workloads.parse("x@1000:gradient=1e5,y@1000:gradient=1e7,z@1000:primal=1e6", new ArrayList<>());
        Decision x = Decider.decide(ps, onX, null, "release", Thresholds.DEFAULT);
        Decision y = Decider.decide(ps, onY, null, "release", Thresholds.DEFAULT);
        assertEquals("release", x.recommended(), x.reason());
        assertEquals("b", y.recommended(), y.reason());
        // Kernel by kernel: x is most of release's run time under the first workload, and b is worse on it.
        Decision.ItemShare top = x.byKernel().stream().max(java.util.Comparator.comparingDouble(Decision.ItemShare::share)).orElseThrow();
        assertEquals("x", top.item().kernel());
        assertEquals(Verdict.BETTER, top.againstRunnerUp().verdict());
        assertEquals(3, x.byKernel().size());
        // The default workload weighs every kernel: x and y cancel, so no single kernel decides it.
        assertEquals(3, Workloads.defaultFor(ps, 1e6).items().size());
    }

    @Test
    void aKernelFailingEverywhereIsLeftOutAndOneFailingInOneProfileBarsOnlyThatProfile() {
        SplittableRandom rnd = new SplittableRandom(4);
        KernelTiming crashAll = KernelTiming.failed("boom", 1000, "the fork crashed the process with signal 11 (SIGSEGV)");
        List<ProfileResult> ps = List.of(
                profile("release", build(rnd, 150), kernel("k", run(rnd, 1000)), crashAll),
                profile("fat", build(rnd, 4000), kernel("k", run(rnd, 1000)), crashAll),
                profile("thin", build(rnd, 600), KernelTiming.failed("k", 1000, "crashed under thin LTO"), crashAll));
        Decision d = decide(ps, 1e6);
        assertEquals("release", d.recommended(), d.reason());
        assertTrue(d.excluded().get(0).startsWith("boom gradient (n = 1000)") || d.excluded().get(0).startsWith("boom primal"),
                d.excluded().toString());
        assertEquals("thin", d.barred().get(0).profile());
        assertTrue(d.barred().get(0).reason().contains("crashed under thin LTO"), d.barred().toString());
        assertTrue(d.reason().contains("Barred: thin"), d.reason());
        // The partial profiles' other figures are still compared.
        List<Comparison> cs = Comparisons.all(ps, "release", Thresholds.DEFAULT);
        assertTrue(cs.stream().anyMatch(c -> c.profile().equals("thin") && c.figure().startsWith("compile.")), cs.toString());
        assertTrue(cs.stream().anyMatch(c -> c.profile().equals("fat") && c.figure().startsWith("kernel:k:")), cs.toString());
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void sixBuildsSettleABuildThatIs26TimesCostlierWhateverTheKernelsDo() {
        // Holm over one family of 29 figures could never reject with 6 runs a side (smallest p 0.0022 > 0.05 / 29):
        // builds and kernels are families of their own, and exact counts take no part.
        SplittableRandom rnd = new SplittableRandom(12);
        List<KernelTiming> ref = new ArrayList<>();
        List<KernelTiming> thin = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            ref.add(new KernelTiming("k" + k, 1000, Status.OK, null, run(rnd, 1000, 6), null, run(rnd, 2000, 6), null, 2.0, null, 1, 1,
                    1.0, 0, 5000.0, 9000.0, null, null, null));
            thin.add(new KernelTiming("k" + k, 1000, Status.OK, null, run(rnd, 1000, 6), null, run(rnd, 2000, 6), null, 2.0, null, 1, 1,
                    1.0, 0, 5000.0, 9000.0, null, null, null));
        }
        Summary fast = Statistics.summarize(runs(rnd, 6, 100, 0.03));
        Summary slow = Statistics.summarize(runs(rnd, 6, 2600, 0.03));
        List<ProfileResult> ps = List.of(profile("release", fast, ref.toArray(KernelTiming[]::new)),
                profile("thin", slow, thin.toArray(KernelTiming[]::new)));
        List<Comparison> cs = Comparisons.all(ps, "release", Thresholds.DEFAULT);
        assertEquals(3 + 24, cs.size());
        Comparison cpu = cs.stream().filter(c -> c.figure().equals("compile.full.cpuMs")).findFirst().orElseThrow();
        assertEquals(Verdict.WORSE, cpu.verdict(), cpu.toString());
        assertTrue(cs.stream().filter(c -> c.figure().endsWith("Instructions")).allMatch(c -> c.verdict() == Verdict.EQUIVALENT));
    }
}
