package dev.ctime.pgo;

import dev.ctime.ReportBuilder;

import dev.ctime.model.Status;
import dev.ctime.verdict.Workloads;
import dev.ctime.model.TrainingEffect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.GradientCheck;
import dev.ctime.model.KernelTiming;
import dev.ctime.render.ConsoleTable;
import dev.ctime.model.Pipeline;
import dev.ctime.model.PipelineStage;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
import dev.ctime.model.Comparison;
import dev.ctime.verdict.Decider;
import dev.ctime.model.Decision;
import dev.ctime.model.Workload;
import dev.ctime.model.Thresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainingEffectTest {
    private final Random rnd = new Random(11);

    Summary runs(double median) {
        double[] v = new double[8];
        for (int i = 0; i < v.length; i++) v[i] = median * (1 + 0.01 * rnd.nextGaussian());
        return Statistics.summarize(v);
    }

    ProfileResult profile(String name, Map<String, Object> settings, double buildMs, double primalNs, Pipeline pipeline) {
        KernelTiming k = new KernelTiming("heat", 4096, Status.OK, null, runs(primalNs), null, runs(2 * primalNs), null, null,
                new GradientCheck(true, 1e-9, 0, 64, 1e-4, null), 1, 1, 1.0, 0, null, null, null, null, null);
        return new ProfileResult(name, Status.OK, null, settings, null, "default",
                Map.of("full", new ScenarioFigures(runs(buildMs), runs(buildMs), runs(1e5), runs(buildMs), null, null)),
                null, 1L, null, false, List.of(k), null, pipeline);
    }

    static Map<String, Object> settings(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inherits", "release");
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static Pipeline pipeline(double... cpuMs) {
        List<PipelineStage> s = new java.util.ArrayList<>();
        for (int i = 0; i < cpuMs.length; i++) s.add(new PipelineStage("stage " + i, cpuMs[i], cpuMs[i], null));
        return new Pipeline(s, 7, "heat n = [4096]");
    }

    @Test
    void comparesEachTrainedProfileWithItsUntrainedTwin() {
        List<ProfileResult> ps = List.of(
                profile("release", settings(), 1000, 100, null),
                profile("fat", settings("lto", "fat"), 3000, 100, null),
                profile("fat-pgo", settings("lto", "fat", "pgo", true), 3000, 80, pipeline(3000, 900, 20)),
                profile("release-bolt", settings("bolt", true), 1000, 100, pipeline(200, 900, 5, 30)));
        TrainingEffect t = TrainingComparisons.of(ps, "full", "release", Thresholds.DEFAULT);
        assertEquals(List.of("fat-pgo", "release-bolt"), t.builds().stream().map(TrainingEffect.Build::profile).toList());
        TrainingEffect.Build pgo = t.builds().get(0);
        assertEquals("fat", pgo.against(), "the twin is the same settings without pgo, not the reference");
        assertTrue(pgo.twin());
        assertEquals("PGO", pgo.trained());
        assertEquals(Comparison.EQUIVALENT, pgo.buildCpu().verdict(), "the final build costs what the untrained one does");
        // 3000 ms of builds plus 3920 ms of pipeline against 3000 ms: about 2.3x.
        assertEquals(6920.0 / 3000, pgo.withPipeline().ratio(), 0.05);
        assertEquals(Comparison.WORSE, pgo.withPipeline().verdict());
        TrainingEffect.Row row = t.rows().stream().filter(r -> r.profile().equals("fat-pgo")).findFirst().orElseThrow();
        assertEquals(Comparison.BETTER, row.primal().verdict());
        assertEquals(0.8, row.primal().ratio(), 0.03);
        assertEquals("release", t.builds().get(1).against());
        assertEquals("BOLT", t.builds().get(1).trained());
    }

    @Test
    void withoutATwinTheReferenceStandsInAndSaysSo() {
        List<ProfileResult> ps = List.of(profile("release", settings(), 1000, 100, null),
                profile("thin-pgo", settings("lto", "thin", "pgo", true, "bolt", true), 1500, 90, pipeline(1500, 800)));
        TrainingEffect t = TrainingComparisons.of(ps, "full", "release", Thresholds.DEFAULT);
        assertEquals("release", t.builds().get(0).against());
        assertFalse(t.builds().get(0).twin());
        assertEquals("PGO+BOLT", t.builds().get(0).trained());
        String console = String.join("\n", ConsoleTable.render(ReportBuilder.report(ps).schemaVersion(3).createdAt("t")
                .reference("release").training(t).build())).replaceAll("\\s+", " ");
        assertTrue(console.contains("thin-pgo [PGO+BOLT] against release (no untrained twin"), console);
        assertTrue(console.contains("pipeline 2.30 s CPU"), console);
    }

    @Test
    void noTrainedProfileNoSection() {
        assertNull(TrainingComparisons.of(List.of(profile("release", settings(), 1000, 100, null)), "full", "release",
                Thresholds.DEFAULT));
    }

    @Test
    void theRankingChargesThePipelineToTheBuild() {
        ProfileResult release = profile("release", settings(), 1000, 100, null);
        ProfileResult pgo = profile("release-pgo", settings("pgo", true), 1000, 80, pipeline(1000, 1000));
        List<ProfileResult> both = List.of(release, pgo);
        Workload w = Workloads.parse("heat@4096:primal=1", new java.util.ArrayList<>());
        Decision d = Decider.decide(both, w.scaledTo(1e6), "full", "release", Thresholds.DEFAULT);
        Decision.Point p = d.points().stream().filter(x -> x.profile().equals("release-pgo")).findFirst().orElseThrow();
        assertEquals(3000, p.buildMs().median(), 60, "1 s of build and 2 s of pipeline");
        // Saving 20 ns per call for 2 s of extra build: break-even near 100 million calls.
        assertEquals("release", d.recommended(), d.reason());
        assertEquals("release-pgo", Decider.decide(both, w.scaledTo(1e10), "full", "release", Thresholds.DEFAULT).recommended());
    }
}
