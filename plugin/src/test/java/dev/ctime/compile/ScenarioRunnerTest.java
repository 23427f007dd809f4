package dev.ctime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.CrateInfo;
import dev.ctime.cargo.Toolchain;
import dev.ctime.exec.Processes;
import dev.ctime.harness.NativeTools;
import dev.ctime.model.BuildUnit;
import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-graph scenarios on a real crate with real cargo: the first build counts, edits rebuild the crate alone. */
class ScenarioRunnerTest {
    @TempDir
    Path out;

    private record Setup(CrateInfo crate, CompileBench bench, CompileBench.Prepared prepared) {
    }

    /** The test crate, prepared as a profile at this opt-level (named after it) with its first build as a clean sample. */
    private Setup setUp(String name) throws Exception {
        Assumptions.assumeTrue(Processes.which("cargo") != null, "cargo is not installed");
        Path logs = Files.createDirectories(out.resolve("logs"));
        CrateInfo crate = CrateInfo.read(PreparationTest.CRATE, logs);
        Toolchain tc = Toolchain.probe(null, PreparationTest.CRATE.getParent(), logs);
        Profile profile = ProfileParser.parse(Map.of("name", name, "optLevel", name.substring(1)));
        BuildPlan plan = new BuildPlan(profile, tc, out.resolve("profiles").resolve(name), profile.features(),
                CargoCommand.FlagsRoute.BUILD_CONFIG, null, "fp");
        CompileBench bench = new CompileBench(crate, NativeTools.install(out.resolve("bin")), null, null, Duration.ofMinutes(10),
                System.getenv(), null, null, l -> { });
        return new Setup(crate, bench, bench.prepare(plan, BuildOutcome.planned(plan), o -> { }, true));
    }

    @Test
    void aRoundTheFirstBuildCoversIsNotTheLastRound() throws Exception {
        Setup st = setUp("o0");
        CompileBench bench = st.bench();
        CompileBench.Prepared p = st.prepared();

        CompileBench.Timed t = bench.time(List.of(p.build()), Map.of("o0", p.outcome()), List.of(Scenario.CLEAN), 3, 3, 0.02,
                o -> { }, f -> "");

        assertEquals(3, t.outcomes().get("o0").samples().get(Scenario.CLEAN).size());
    }

    @Test
    void aResumedRunCompletesEveryProfileToTheSameCountWhateverItKept() throws Exception {
        // An interrupted run kept 2 leaf builds of one profile and 3 of another (ctime.resume); with 4 wanted, the rounds
        // the kept builds cover are skipped, not taken for the end, and both end with 4.
        Setup a = setUp("o1");
        Setup b = setUp("o2");
        BuildMeasurement kept = new BuildMeasurement(50, 50, 1000, 60, null, null);
        BuildOutcome ka = a.prepared().outcome().withSample(Scenario.FULL, kept).withSample(Scenario.FULL, kept);
        BuildOutcome kb = b.prepared().outcome().withSample(Scenario.FULL, kept).withSample(Scenario.FULL, kept)
                .withSample(Scenario.FULL, kept);
        CompileBench.Timed t = a.bench().time(List.of(a.prepared().build(), b.prepared().build()), Map.of("o1", ka, "o2", kb),
                List.of(Scenario.FULL), 4, 4, 0.02, o -> { }, f -> "");

        assertEquals(4, t.outcomes().get("o1").samples().get(Scenario.FULL).size(), t.outcomes().toString());
        assertEquals(4, t.outcomes().get("o2").samples().get(Scenario.FULL).size(), t.outcomes().toString());
        assertTrue(t.outcomes().get("o1").samples().get(Scenario.FULL).get(3).cpuMs() != 50, "the fourth was measured now");
    }

    @Test
    void theFirstCleanBuildCountsAndTheRoundsAfterItStillRun() throws Exception {
        Setup st = setUp("o1");
        CompileBench bench = st.bench();
        CompileBench.Prepared p = st.prepared();
        CrateInfo crate = st.crate();
        String source = Files.readString(p.build().crateRoot());

        CompileBench.Timed t = bench.time(List.of(p.build()), Map.of("o1", p.outcome()), List.of(Scenario.CLEAN, Scenario.EDIT), 3, 3,
                0.02, o -> { }, f -> "");

        BuildOutcome o = t.outcomes().get("o1");
        assertTrue(o.ok(), o.reason());
        assertEquals(3, o.samples().get(Scenario.CLEAN).size(), "the first build and two more: " + o.samples());
        assertEquals(3, o.samples().get(Scenario.EDIT).size());
        for (BuildMeasurement m : o.samples().get(Scenario.EDIT)) {
            assertEquals(List.of(crate.crateName()), m.units().stream().map(BuildUnit::crate).toList(),
                    "an edit of the crate rebuilds the crate alone");
            assertTrue(m.cpuMs() >= m.units().get(0).cpuMs(), "cargo's whole tree holds the crate's rustc");
        }
        assertEquals(source, Files.readString(p.build().crateRoot()), "the edit is undone after each build");
    }
}
