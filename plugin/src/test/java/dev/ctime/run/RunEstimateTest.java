package dev.ctime.run;

import dev.ctime.ReportBuilder;

import dev.ctime.stats.Statistics;
import dev.ctime.model.Status;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Report;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.KernelTiming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.kernel.Kernel;
import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEstimateTest {
    static Profile p(String name) throws Exception {
        return ProfileParser.parse(Map.of("name", name));
    }

    static Profile p(String name, String key, String value) throws Exception {
        return ProfileParser.parse(Map.of("name", name, key, value));
    }

    static final MeasureConfig.Timing TIMING = new MeasureConfig.Timing(5, 10, 20, 300, -1, 1, 1e-4, Duration.ofMinutes(1));

    @Test
    void nothingSeenIsNoEstimate() throws Exception {
        assertTrue(RunEstimate.of(List.of(p("release")), Map.of(), "x", 5, List.of(), TIMING, 2).isEmpty());
        assertTrue(RunEstimate.of(List.of(p("release")), Map.of("other", 1000.0), "x", 5, List.of(), TIMING, 2).isEmpty());
    }

    @Test
    void seenProfilesKeepTheirTimeAndUnseenOnesScaleByTheCostModel() throws Exception {
        // release seen at 2 s a build; fat LTO costs four releases in the model, so 8 s; each makes 5 timed builds and 3 untimed.
        var e = RunEstimate.of(List.of(p("release"), p("fat", "lto", "fat")), Map.of("release", 2000.0), "the history", 5,
                List.of(), TIMING, 3).orElseThrow();
        assertEquals((2000 + 8000) * (5 + RunEstimate.UNTIMED_BUILDS), e.buildsMs(), 1e-6);
        assertEquals(0, e.forksLeastMs());
        assertTrue(e.text().startsWith("about 1 min (builds 1 min, from the history;"), e.text());
    }

    @Test
    void leafOnlyAndAnalysisBuildsCostTheCratesShareNotTheWholeGraphs() throws Exception {
        // A first build of 10 s of which the crate's own rustc was 1 s: 2 more clean builds, 4 leaf-only ones, 2 analysis.
        var e = RunEstimate.of(List.of(p("release")), Map.of("release", 10_000.0), "h", 2, 4, 0.1, List.of(), TIMING, 2, false)
                .orElseThrow();
        assertEquals(10_000 + 2 * 10_000 + 4 * 1_000 + 2 * 1_000, e.buildsMs(), 1e-6);
    }

    @Test
    void instructionCountsAreInTheEstimateWhereTheRunWillTakeThem() throws Exception {
        List<Kernel> ks = List.of(new Kernel("a", "a", "a_grad", List.of(4096)));
        var without = RunEstimate.of(List.of(p("release")), Map.of("release", 1000.0), "h", 1, 0, 1, ks, TIMING, 3, false).orElseThrow();
        var with = RunEstimate.of(List.of(p("release")), Map.of("release", 1000.0), "h", 1, 0, 1, ks, TIMING, 3, true).orElseThrow();
        // Two profiles (the control is not counted), two functions each, on every core.
        double counts = 2 * 2 * RunEstimate.countingMs(4096) / Runtime.getRuntime().availableProcessors();
        assertEquals(counts, with.stage(Stage.COUNTING), 1e-6);
        assertEquals(without.totalMs() + counts, with.totalMs(), 1e-6);
        assertTrue(with.text().contains(", instruction counts "), with.text());
        assertEquals(0, without.stage(Stage.COUNTING));
    }

    @Test
    void aTrainingPipelineAddsItsBuilds() throws Exception {
        var plain = RunEstimate.of(List.of(p("release")), Map.of("release", 1000.0), "h", 1, List.of(), TIMING, 2).orElseThrow();
        var pgo = RunEstimate.of(List.of(p("pgo", "pgo", "true")), Map.of("pgo", 1000.0), "h", 1, List.of(), TIMING, 2).orElseThrow();
        assertEquals(plain.buildsMs() + 2500, pgo.buildsMs(), 1e-6);
    }

    @Test
    void theLastRunsStageTimesScaleToThisRunsWork() throws Exception {
        // The last run: release and a fat-LTO profile (cost 1 + 4), 2 timed builds each, one kernel with a gradient at one
        // size, 3 forks of 3 libraries (2 profiles and the control), counted.
        var summary = Statistics.summarize(new double[] {10, 11});
        var figures = new ScenarioFigures(summary, summary, summary, summary, null, null);
        var k3 = Statistics.summarizeGroups(List.of(new double[] {5}, new double[] {5}, new double[] {5}));
        var kt = new KernelTiming("a", 10, Status.OK, null, k3, null, k3, null, null, null, 1, 1,
                1.0, 0, 100.0, 200.0, null, null, null);
        List<ProfileResult> ps = List.of(
                new ProfileResult("release", Status.OK, null, Map.of("inherits", "release"), null,
                        null, Map.of("full", figures), null, null, null, null, List.of(kt), null, null),
                new ProfileResult("fat", Status.OK, null, Map.of("lto", "fat"), null, null,
                        Map.of("full", figures), null, null, null, null, List.of(kt), null, null));
        Map<String, Double> stages = new java.util.LinkedHashMap<>();
        stages.put("building the profiles once", 5000.0);
        stages.put("timing builds", 10_000.0);
        stages.put("running the analysis builds", 5000.0);
        stages.put("timing kernels", 9000.0);
        stages.put("counting instructions", 4000.0);
        Report last = ReportBuilder.report(ps).schemaVersion(6).createdAt("t").reference("release").stagesMs(stages).build();
        // Now: release alone, 4 timed builds, the same kernel, 6 forks of 2 libraries.
        var timing = new MeasureConfig.Timing(6, 10, 20, 300, -1, 1, 1e-4, Duration.ofMinutes(1));
        List<Kernel> ks = List.of(new Kernel("a", "a", "a_grad", List.of(10)));
        var e = RunEstimate.fromLastRun(last, List.of(p("release")), 4, ks, timing, 2).orElseThrow();
        // Builds: cost 1 now against 1 + 4 then; 4 timed builds of cost 1 against 2 of each (cost 10).
        assertEquals(5000 / 5.0 + 10_000 * 4 / 10.0 + 5000 / 5.0, e.buildsMs(), 1e-6);
        // Kernel work: 2 libraries x 2 functions x 6 forks now, against 3 x 2 x 3 then; counting 1 x 2 against 4.
        assertEquals(9000 * (2 * 2 * 6) / (3 * 2 * 3.0), e.forksLeastMs(), 1e-6);
        assertEquals(4000 * 2 / 4.0, e.stage(Stage.COUNTING), 1e-6);
        assertEquals(e.buildsMs() + e.forksLeastMs() + 2000, e.totalMs(), 1e-6, "the counts are in the whole run's time");
        assertTrue(e.text().contains("from the last run's stage times"), e.text());
        assertTrue(RunEstimate.fromLastRun(null, List.of(p("release")), 4, ks, timing, 2).isEmpty());
    }

    @Test
    void forksCountEveryLibrarysFunctionsAndTheEmptyKernel() throws Exception {
        // Two sizes of a kernel with a gradient, one size without; 3 libraries; 20 samples of 10 ms; 5 forks.
        List<Kernel> ks = List.of(new Kernel("a", "a", "a_grad", List.of(10, 100)), new Kernel("b", "b", null, List.of(10)));
        var e = RunEstimate.of(List.of(p("release")), Map.of("release", 1000.0), "h", 1, ks, TIMING, 3).orElseThrow();
        double sample = 20 * 10;
        double least = (2 * (3 * 2 + 1) + (3 + 1)) * sample * 5;
        assertEquals(least, e.forksLeastMs(), 1e-6);
        assertEquals(least + (2 * 3 * 2 + 3) * 300 * 5, e.forksMostMs(), 1e-6);
        // Likely: three times the samples' least (warm-up and calibration), within the bound of every warm-up at its limit.
        assertEquals(Math.min(3 * least, e.forksMostMs()), RunEstimate.likelyForks(e.forksLeastMs(), e.forksMostMs()), 1e-6);
        assertTrue(e.text().contains("kernel forks 41 s, from h;"), e.text());
        var wide = RunEstimate.of(List.of(p("release")), Map.of("release", 1000.0), "h", 1, ks,
                new MeasureConfig.Timing(5, 10, 20, 30_000, -1, 1, 1e-4, java.time.Duration.ofMinutes(1)), 3).orElseThrow();
        assertTrue(wide.text().contains("kernel forks 54 s, at most 38 min with every warm-up at its bound"), wide.text());
    }
}
