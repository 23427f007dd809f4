package dev.ctime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.CrateInfo;
import dev.ctime.cargo.SourceCopy;
import dev.ctime.cargo.Toolchain;
import dev.ctime.exec.Processes;
import dev.ctime.harness.NativeTools;
import dev.ctime.model.Status;
import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile's first stage on a real crate with real cargo: its own copy, one build, the library kept, what it read. */
class PreparationTest {
    static final Path CRATE = Path.of("../it/src/it/crates/basic/Cargo.toml").toAbsolutePath().normalize();

    @TempDir
    Path out;

    private BuildPlan plan(Profile p, Toolchain tc) {
        return new BuildPlan(p, tc, out.resolve("profiles").resolve(p.name()), p.features(), CargoCommand.FlagsRoute.BUILD_CONFIG,
                null, "fp-" + p.name());
    }

    private CrateInfo crate() throws Exception {
        return CrateInfo.read(CRATE, Files.createDirectories(out.resolve("logs")));
    }

    private CrateBuilds builds(CrateInfo crate) throws Exception {
        return new CrateBuilds(crate, NativeTools.install(out.resolve("bin")), null, Duration.ofMinutes(10), System.getenv());
    }

    @Test
    void aProfileIsBuiltOnceFromItsOwnCopyAndItsLibraryKept() throws Exception {
        Assumptions.assumeTrue(Processes.which("cargo") != null, "cargo is not installed");
        CrateInfo crate = crate();
        Toolchain tc = Toolchain.probe(null, CRATE.getParent(), out.resolve("logs"));
        CrateBuilds builds = builds(crate);
        BuildPlan plan = plan(ProfileParser.parse(Map.of("name", "o1", "optLevel", "1")), tc);
        List<BuildOutcome> heard = new ArrayList<>();
        CompileBench.Prepared p = new Preparation(builds, null).prepare(plan, BuildOutcome.planned(plan), heard::add, false);

        assertEquals(Status.OK, p.outcome().status(), p.outcome().reason());
        assertTrue(Files.isRegularFile(plan.dir().resolve("src/Cargo.toml")), "the profile builds its own copy");
        Path lib = p.build().artifact();
        assertEquals(plan.dir().resolve("lib"), lib.getParent(), "the library the harness times is kept out of cargo's target");
        assertEquals(SourceCopy.sha256(lib), p.outcome().applied().librarySha256());
        assertEquals(Files.size(lib), p.outcome().artifactBytes());
        assertEquals("fp-o1", p.outcome().applied().fingerprint());
        assertTrue(p.outcome().applied().sources().containsKey("src/lib.rs"), "what the build read: "
                + p.outcome().applied().sources());
        assertTrue(String.join(" ", p.outcome().applied().cargoArgs()).contains("opt-level"), p.outcome().applied().cargoArgs()
                .toString());
        assertNotNull(p.outcome().applied().rustcCommand(), "the leaf rustc's command line, for the timed builds");
        assertTrue(heard.isEmpty(), "a profile without a pipeline has no stage to hand on early");
        assertTrue(p.outcome().samples().isEmpty(), "preparing times nothing");
    }

    @Test
    void theFirstBuildFromAnEmptyTargetIsTheFirstCleanSampleWithItsUnits() throws Exception {
        Assumptions.assumeTrue(Processes.which("cargo") != null, "cargo is not installed");
        CrateInfo crate = crate();
        Toolchain tc = Toolchain.probe(null, CRATE.getParent(), out.resolve("logs"));
        CrateBuilds builds = builds(crate);
        BuildPlan plan = plan(ProfileParser.parse(Map.of("name", "o2", "optLevel", "2")), tc);
        // A stale file in the target folder: a clean build starts from an empty one.
        Path stale = plan.target().resolve("stale.txt");
        Files.createDirectories(plan.target());
        Files.writeString(stale, "left by an earlier run");
        CompileBench.Prepared p = new Preparation(builds, null).prepare(plan, BuildOutcome.planned(plan), o -> { }, true);

        assertEquals(Status.OK, p.outcome().status(), p.outcome().reason());
        assertFalse(Files.exists(stale), "the target folder was emptied first");
        List<BuildMeasurement> clean = p.outcome().samples().get(Scenario.CLEAN);
        assertEquals(1, clean.size(), "one clean sample: " + p.outcome().samples());
        BuildMeasurement m = clean.get(0);
        assertNotNull(m.units());
        assertTrue(m.units().stream().anyMatch(u -> u.crate().equals(crate.crateName()) && u.crateType().equals("cdylib")
                && u.pkg().equals(crate.packageName())), "the leaf is a unit: " + m.units());
        double units = m.units().stream().mapToDouble(dev.ctime.model.BuildUnit::cpuMs).sum();
        assertTrue(m.cpuMs() >= units && units > 0, "cargo's whole tree holds its units: " + m.cpuMs() + " ms against " + units);
    }

    @Test
    void aTrainedProfileWithoutKernelsFailsAloneBeforeAnyBuild() throws Exception {
        // No cargo needed: the profile is refused before its first build.
        CrateInfo crate = new CrateInfo(CRATE, "basic", "0.1.0", "basic", List.of(), true, CRATE.getParent(),
                Path.of("src/lib.rs"));
        CrateBuilds builds = new CrateBuilds(crate, out.resolve("no-rusage"), null, Duration.ofMinutes(1), Map.of());
        BuildPlan plan = plan(ProfileParser.parse(Map.of("name", "trained", "pgo", "true")), null);
        CompileBench.Prepared p = new Preparation(builds, null).prepare(plan, BuildOutcome.planned(plan), o -> { }, true);

        assertNull(p.build());
        assertEquals(Status.FAILED, p.outcome().status());
        assertTrue(p.outcome().reason().contains("none are configured: add <kernels> or drop <pgo>/<bolt>"), p.outcome().reason());
        assertFalse(Files.exists(plan.dir().resolve("target")), "nothing was built");
    }
}
