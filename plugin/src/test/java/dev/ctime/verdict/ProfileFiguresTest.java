package dev.ctime.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ctime.gate.Measured;
import dev.ctime.model.Comparison;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;
import dev.ctime.model.Summary;
import dev.ctime.model.Thresholds;
import dev.ctime.stats.Statistics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One list of a profile's figures: the run's comparisons take theirs from it, and the gate all of it. */
class ProfileFiguresTest {
    private static Summary runs(double v) {
        return Statistics.summarize(new double[] {v, v * 1.01, v * 0.99, v * 1.02, v * 0.98});
    }

    private static ProfileResult profile(String name, double scale) {
        ScenarioFigures full = new ScenarioFigures(runs(900 * scale), runs(1000 * scale), runs(50_000), runs(950 * scale),
                runs(1e9 * scale), null);
        KernelTiming ok = new KernelTiming("heat", 64, Status.OK, null, runs(100 * scale), null, runs(300 * scale), null, null, null,
                1, 1, 1.0, 1, 1000.0 * scale, 3000.0 * scale, null, null, null);
        KernelTiming failed = KernelTiming.failed("boom", 64, "crashed");
        return new ProfileResult(name, Status.PARTIAL, null, Map.of(), null, "stable", Map.of("full", full), null, 4096L, null, null,
                List.of(ok, failed), null, null);
    }

    @Test
    void theRunJudgesItsShareOfTheListAndTheGateReadsAllOfIt() {
        ProfileResult p = profile("fat", 1.5);
        List<String> all = ProfileFigures.of(p).stream().map(e -> e.id().id()).toList();
        assertEquals(List.of("compile.full.cpuMs", "compile.full.wallMs", "compile.full.maxRssKb", "compile.full.instructions",
                "artifactBytes", "kernel:heat:64:primalNs", "kernel:heat:64:gradientNs", "kernel:heat:64:primalInstructions",
                "kernel:heat:64:gradientInstructions"), all, "a failed kernel has no figure");
        List<String> judged = ProfileFigures.of(p).stream().filter(ProfileFigures.Entry::judgedInRun).map(e -> e.id().id()).toList();
        List<String> compared = Comparisons.all(List.of(profile("release", 1), p), "release", Thresholds.DEFAULT).stream()
                .map(Comparison::figure).toList();
        assertEquals(judged, compared);
        assertEquals(all, List.copyOf(Measured.profile(p).figures().keySet()), "the gate keeps every figure");
        assertEquals(Map.of("kernel:boom:64:", "crashed"), Measured.profile(p).lost());
    }
}
