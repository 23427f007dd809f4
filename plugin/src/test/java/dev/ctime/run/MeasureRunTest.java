package dev.ctime.run;

import dev.ctime.store.ReportFiles;
import dev.ctime.profile.ProfileException;
import dev.ctime.model.Profile;
import dev.ctime.pgo.PipelineTools;
import dev.ctime.model.PipelineStage;
import dev.ctime.cargo.Toolchain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.compile.Scenario;
import dev.ctime.exec.Processes;
import dev.ctime.kernel.Kernel;
import dev.ctime.model.KernelTiming;
import dev.ctime.profile.ProfileParser;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.Status;
import dev.ctime.model.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole measuring job on a real crate with real cargo, outside Maven: the stages run in order,
 * each profile's figures and the report come out whole, and what went in is recorded.
 */
class MeasureRunTest {
    static final Path CRATE = Path.of("../it/src/it/crates/basic/Cargo.toml").toAbsolutePath().normalize();

    @TempDir
    Path out;

    static MeasureConfig config(Path manifest, Path out, List<Profile> profiles, String profileList) {
        return MeasureConfig.builder().manifest(manifest).workDir(out).profiles(profiles)
                .only(profileList == null ? List.of() : List.of(profileList.split(",")))
                .kernels(List.of(new Kernel("sumsq", "sumsq", "sumsq_grad", List.of(16)))).scenarios(List.of(Scenario.FULL))
                .repeat(2).forks(1).minSampleMs(0.2).samples(10).warmupMaxMs(50).pinCpu(-1).seed(42).gradientTolerance(1e-4)
                .buildTimeout(Duration.ofMinutes(10)).runTimeout(Duration.ofMinutes(5)).label("unit").userEnv(System.getenv())
                .precision(new MeasureConfig.Precision(0.02, 2, 1, Duration.ofMinutes(5), Duration.ofSeconds(10), 0.05))
                .judging(new MeasureConfig.Judging("release", Thresholds.DEFAULT, 1e6, null, null)).instructions(InstructionMode.OFF).build();
    }

    @Test
    void aRunMeasuresEveryProfileAndWritesTheReport() throws Exception {
        Assumptions.assumeTrue(Processes.which("cargo") != null, "cargo is not installed");
        List<Profile> profiles = new ArrayList<>();
        profiles.add(ProfileParser.parse(Map.of("name", "release")));
        profiles.add(ProfileParser.parse(Map.of("name", "o1", "optLevel", "1")));
        List<String> log = new ArrayList<>();
        // Samples long enough that the run has seconds left to tell after its first build.
        MeasureConfig c = config(CRATE, out, profiles, null);
        c = new MeasureConfig(c.manifest(), c.workDir(), c.profiles(), c.only(), c.kernels(), c.autodiffFeature(), c.label(), c.userEnv(),
                c.builds(), new MeasureConfig.Timing(1, 10, 10, 50, -1, 42, 1e-4, Duration.ofMinutes(5)), c.precision(), c.judging(),
                c.instructions(), c.resume(), c.sharding(), c.forkClasspath(), c.search());
        Report r = new MeasureRun(c, log::add).run();

        assertEquals(List.of("release", "o1"), r.profiles().stream().map(ProfileResult::name).toList());
        for (ProfileResult p : r.profiles()) {
            assertEquals(Status.OK, p.status(), p.reason());
            assertEquals(2, p.compile().get("full").cpuMs().runs(), "two timed builds");
            assertTrue(p.compile().get("full").cpuMs().median() > 0);
            assertTrue(p.applied().rustcCommand().contains("--crate-name it_basic"), p.applied().rustcCommand());
            assertNotNull(p.applied().fingerprint());
            KernelTiming k = p.kernels().get(0);
            assertEquals(Status.OK, k.status(), k.reason());
            assertTrue(k.gradientCheck().ok());
            assertEquals(1, k.primalNs().runs(), "one fork, one run");
            assertTrue(k.primalNs().median() > 0);
            assertTrue(p.artifactBytes() > 0);
        }
        assertTrue(r.profiles().get(1).applied().cargoArgs().contains("profile.ctime.opt-level=1"),
                r.profiles().get(1).applied().cargoArgs().toString());
        assertEquals("release", r.reference());
        assertNull(r.interrupted(), "a finished run says nothing about being cut short");
        assertEquals(1, r.settings().forksRun());
        // The report on disk is the one returned, and the CSV beside it has a row per profile.
        assertEquals(r.profiles(), ReportFiles.readJson(out.resolve("report.json")).profiles());
        assertEquals(3, Files.readAllLines(out.resolve("report.csv")).size());
        // Once the first build gives the estimate something to scale, progress lines say the time left of the whole run.
        // (A line says nothing where less than a second is left, which on this tiny crate the last builds may be.)
        assertTrue(log.stream().anyMatch(l -> l.matches("(first )?build \\d/\\d, .*; about \\d+ s left")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("first build 2/2, o1 (untimed, dependencies too)")), log.toString());
    }

    @Test
    void aPgoAndBoltProfileTrainsOnTheKernelsAndTimesTheRewrittenLibrary() throws Exception {
        Assumptions.assumeTrue(Processes.which("cargo") != null, "cargo is not installed");
        Toolchain tc = Toolchain.probe(null, CRATE.getParent(), out.resolve("probe"));
        PipelineTools.Set tools = PipelineTools.forProfile(true, true, tc, Processes::which);
        Assumptions.assumeTrue(tools.problems().isEmpty(), "no PGO/BOLT tools here: " + tools.problems());
        List<Profile> profiles = List.of(ProfileParser.parse(Map.of("name", "release")),
                ProfileParser.parse(Map.of("name", "trained", "pgo", "true", "bolt", "true")));
        Report r = new MeasureRun(config(CRATE, out, profiles, null), l -> { }).run();
        ProfileResult p = r.profiles().get(1);
        assertEquals(Status.OK, p.status(), p.reason());
        assertEquals(List.of("instrumented build", "PGO training", "profile merge", "BOLT instrumentation", "BOLT training",
                "BOLT profile merge", "BOLT rewrite"), p.pipeline().stages().stream().map(PipelineStage::stage).toList());
        assertTrue(p.pipeline().stages().stream().allMatch(st -> st.cpuMs() > 0 && st.wallMs() > 0));
        assertTrue(p.applied().rustflagsAdded().contains("-Clink-arg=-Wl,-q"));
        assertTrue(p.applied().rustflagsAdded().stream().anyMatch(f -> f.startsWith("-Cprofile-use=")));
        Path timed = out.resolve("profiles/trained/lib").resolve(Path.of(p.applied().libraryBeforeBolt()).getFileName().toString()
                .replaceFirst("^before-bolt-", ""));
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(timed), Files.readAllBytes(Path.of(p.applied().libraryBeforeBolt()))),
                "the harness times the rewritten library");
        assertEquals(Status.OK, p.kernels().get(0).status(), p.kernels().get(0).reason());
        assertEquals("release", r.training().builds().get(0).against());
        assertTrue(r.training().builds().get(0).withPipeline().ratio() > r.training().builds().get(0).buildCpu().ratio());
    }

    @Test
    void analysisBuildsSwitchedOffAreSkippedAndSaid() throws Exception {
        Assumptions.assumeTrue(Processes.which("cargo") != null, "cargo is not installed");
        MeasureConfig c = MeasureConfig.builder().manifest(CRATE).workDir(out).profiles(List.of(ProfileParser.parse(Map.of("name",
                "release")))).kernels(List.of()).scenarios(List.of(Scenario.CLEAN)).repeat(2).forks(1).minSampleMs(0.2).samples(10)
                .warmupMaxMs(50).pinCpu(-1).seed(42).gradientTolerance(1e-4).buildTimeout(Duration.ofMinutes(10))
                .runTimeout(Duration.ofMinutes(5)).label("unit").userEnv(System.getenv()).analysis(false)
                .precision(new MeasureConfig.Precision(0.02, 2, 1, Duration.ofMinutes(5), Duration.ofSeconds(10), 0.05))
                .judging(new MeasureConfig.Judging("release", Thresholds.DEFAULT, 1e6, null, null)).instructions(InstructionMode.OFF).build();
        List<String> log = new ArrayList<>();
        Report r = new MeasureRun(c, log::add).run();

        assertTrue(log.stream().anyMatch(l -> l.startsWith("analysis builds: skipped (ctime.analysis=false)")), log.toString());
        assertTrue(log.stream().noneMatch(l -> l.startsWith("analysis builds 1/")), log.toString());
        assertEquals(2, r.profiles().get(0).compile().get("clean").cpuMs().runs(), "the first build and one more");
        assertNull(r.profiles().get(0).analysis() == null ? null : r.profiles().get(0).analysis().phases());
    }

    @Test
    void aNameInCtimeProfilesThatIsNoProfileStopsTheRunBeforeAnyBuild() throws Exception {
        Assumptions.assumeTrue(Processes.which("cargo") != null, "cargo is not installed");
        List<Profile> profiles = List.of(ProfileParser.parse(Map.of("name", "release")));
        ProfileException e = org.junit.jupiter.api.Assertions.assertThrows(
                ProfileException.class, () -> new MeasureRun(config(CRATE, out, profiles, "relase"), l -> { }).run());
        assertTrue(e.getMessage().contains("ctime.profiles names 'relase'") && e.getMessage().contains("release"), e.getMessage());
        assertTrue(!Files.exists(out.resolve("profiles")), "nothing was built");
    }

    @Test
    void resumeNamesEveryMeasuringSettingThatChanged() throws Exception {
        Report last = ReportFiles.readJson(Path.of("src/test/resources/reports/measure-basic.json"));
        MeasureConfig same = MeasureConfig.builder().manifest(out.resolve("Cargo.toml")).workDir(out).profiles(List.of()).only(List.of())
                .kernels(List.of()).scenarios(List.of(Scenario.FULL)).repeat(last.settings().repeat()).forks(last.settings().forks())
                .minSampleMs(last.settings().minSampleMs()).samples(last.settings().samples())
                .warmupMaxMs(last.settings().warmupMaxMs()).pinCpu(-1).seed(last.settings().seed())
                .gradientTolerance(last.settings().gradientTolerance()).buildTimeout(Duration.ofMinutes(10))
                .runTimeout(Duration.ofMinutes(5)).label("unit").userEnv(System.getenv())
                .precision(new MeasureConfig.Precision(0.02, 2, 2, Duration.ofMinutes(5), Duration.ofSeconds(10),
                        last.settings().deschedThreshold()))
                .judging(new MeasureConfig.Judging("release", last.settings().thresholds(), 1e6, null, null)).instructions(InstructionMode.ALL).build();
        assertEquals(List.of(), Resume.changedSettings(last, same));
        MeasureConfig tighter = MeasureConfig.builder().manifest(same.manifest()).workDir(out).profiles(List.of()).only(List.of())
                .kernels(List.of()).scenarios(List.of(Scenario.FULL)).repeat(same.builds().repeat()).forks(same.timing().forks())
                .minSampleMs(same.timing().minSampleMs()).samples(same.timing().samples()).warmupMaxMs(same.timing().warmupMaxMs())
                .pinCpu(-1).seed(7).gradientTolerance(1e-8).buildTimeout(Duration.ofMinutes(10)).runTimeout(Duration.ofMinutes(5))
                .label("unit").userEnv(System.getenv()).precision(same.precision()).judging(same.judging()).instructions(InstructionMode.OFF).build();
        List<String> changed = Resume.changedSettings(last, tighter);
        assertTrue(changed.stream().anyMatch(c -> c.startsWith("gradientTolerance 1.0E-4 → 1.0E-8")), changed.toString());
        assertTrue(changed.stream().anyMatch(c -> c.startsWith("seed 42 → 7")), changed.toString());
        assertTrue(changed.contains("instructions counted → off"), changed.toString());
    }

    @Test
    void theAnswerWaitsOnlyForWhatTheDecisionReadsAndTheRunCompletesEverythingAfter() throws Exception {
        Assumptions.assumeTrue(Processes.which("cargo") != null, "cargo is not installed");
        List<Profile> profiles = List.of(ProfileParser.parse(Map.of("name", "release")), ProfileParser.parse(Map.of("name", "o1", "optLevel", "1")));
        // Two sizes: the default workload reads the larger; five builds a profile, three of each before the answer and
        // the other two of the profile it names (5 against 3 bound a difference at 95%).
        MeasureConfig c = MeasureConfig.builder().manifest(CRATE).workDir(out).profiles(profiles).only(List.of())
                .kernels(List.of(new Kernel("sumsq", "sumsq", "sumsq_grad", List.of(16, 64)))).scenarios(List.of(Scenario.FULL))
                .repeat(5).forks(2).minSampleMs(0.2).samples(5).warmupMaxMs(20).pinCpu(-1).seed(42).gradientTolerance(1e-4)
                .buildTimeout(Duration.ofMinutes(10)).runTimeout(Duration.ofMinutes(5)).label("unit").userEnv(System.getenv())
                .precision(new MeasureConfig.Precision(0.02, 5, 2, Duration.ofMinutes(5), Duration.ofSeconds(10), 0.05))
                .judging(new MeasureConfig.Judging("release", Thresholds.DEFAULT, 1e6, null, null))
                .instructions(Processes.which("valgrind") != null ? InstructionMode.ALL : InstructionMode.OFF).analysis(false).build();
        assertEquals(3, c.builds().beforeAnswer());
        List<String> log = new ArrayList<>();
        Report r = new MeasureRun(c, log::add).run();

        for (ProfileResult p : r.profiles()) {
            assertEquals(Status.OK, p.status(), p.reason());
            assertEquals(5, p.compile().get("full").cpuMs().runs(), "every build of ctime.repeat, the last after the forks");
            KernelTiming big = p.kernels().stream().filter(k -> k.n() == 64).findFirst().orElseThrow();
            KernelTiming small = p.kernels().stream().filter(k -> k.n() == 16).findFirst().orElseThrow();
            assertEquals(List.of(1, 2), big.primalNs().forks(), "the decision's size in the first forks");
            assertEquals(List.of(3, 4), small.primalNs().forks(), "the other in forks of its own, as many");
            assertTrue(small.gradientCheck() != null && small.gradientCheck().ok(), "its gradient checked too");
            if (c.instructions() != InstructionMode.OFF) {
                assertNotNull(small.primalInstructions(), "the sizes timed after the answer are counted too");
                assertNotNull(big.gradientInstructions());
            }
        }
        assertEquals(4, r.settings().forksRun());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("plan: 2 profiles, 10 timed builds (the answer after 3 of each and 5 of"
                + " the profile it names, the rest after it); 2 kernel forks of the 1 kernel size the decision reads, then 2 of the"
                + " other 1 after the answer")), log.toString());
        int forkTwo = indexOf(log, "timing kernels, fork 2/2");
        int leader = indexOf(log, "build for the decision (round 4), ");
        int forkThree = indexOf(log, "timing kernels, fork 3 (1/2 of the 1 kernel size the decision does not read)");
        assertTrue(forkTwo >= 0 && forkTwo < leader && leader < forkThree, log.toString());
        // The named profile, and the other where it was not told apart from it, are built on right after the first forks;
        // a profile not built on then has its last two rounds after the answer, before the forks of the other size.
        List<String> ahead = log.stream().filter(l -> l.startsWith("build for the decision (round 4), "))
                .map(l -> l.replaceFirst("^build for the decision \\(round 4\\), (\\S+) .*", "$1")).toList();
        int lastBuild = indexOf(log, "build 1/2, ");
        if (ahead.size() == 1) {
            assertTrue(leader < lastBuild && lastBuild < forkThree, log.toString());
            assertTrue(log.get(lastBuild).startsWith("build 1/2, " + (ahead.get(0).equals("release") ? "o1" : "release") + " "), log.toString());
        } else {
            assertEquals(Set.of("release", "o1"), Set.copyOf(ahead), log.toString());
            assertEquals(-1, lastBuild, "no build is left for after the answer: " + log);
        }
        int answer = indexOf(log, "answer: ");
        assertTrue(answer >= 0, log.toString());
        // Said early where the decision was settled by then, else once everything is in.
        if (log.get(answer).contains("— from 3 builds a profile (5 of ")) assertTrue(answer < forkThree && (lastBuild < 0 || answer < lastBuild), log.toString());
        else assertTrue(answer > forkThree, log.toString());
    }

    private static int indexOf(List<String> log, String start) {
        for (int i = 0; i < log.size(); i++) if (log.get(i).startsWith(start)) return i;
        return -1;
    }
}
