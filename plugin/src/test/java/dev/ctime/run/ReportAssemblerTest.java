package dev.ctime.run;

import dev.ctime.model.InstructionCountState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.cargo.CrateInfo;
import dev.ctime.cargo.Toolchain;
import dev.ctime.compile.BuildMeasurement;
import dev.ctime.compile.BuildOutcome;
import dev.ctime.compile.Scenario;
import dev.ctime.kernel.Kernel;
import dev.ctime.kernel.KernelBench;
import dev.ctime.model.Applied;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.Status;
import dev.ctime.model.Thresholds;
import dev.ctime.profile.ProfileParser;
import dev.ctime.stats.Statistics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status rules a report is assembled by: what a failing kernel, a cut and an unfinished count make of a profile. */
class ReportAssemblerTest {
    @TempDir
    Path out;

    private MeasureConfig config() {
        return MeasureConfig.builder().manifest(out.resolve("Cargo.toml")).workDir(out).profiles(List.of()).only(List.of())
                .kernels(List.of(new Kernel("sumsq", "sumsq", null, List.of(16, 32)))).scenarios(List.of(Scenario.FULL))
                .repeat(2).forks(3).minSampleMs(0.2).samples(10).warmupMaxMs(50).pinCpu(-1).seed(42).gradientTolerance(1e-4)
                .buildTimeout(Duration.ofMinutes(10)).runTimeout(Duration.ofMinutes(5)).label("unit").userEnv(Map.of())
                .precision(new MeasureConfig.Precision(0.02, 2, 3, Duration.ofMinutes(5), Duration.ofSeconds(10), 0.05))
                .judging(new MeasureConfig.Judging("release", Thresholds.DEFAULT, 1e6, null, null)).instructions(InstructionMode.AUTO).build();
    }

    private static BuildOutcome built(String name, double cpuMs, int builds) throws Exception {
        List<BuildMeasurement> ms = new java.util.ArrayList<>();
        for (int i = 0; i < builds; i++) ms.add(new BuildMeasurement(cpuMs + i, cpuMs + i, 100_000, cpuMs + 50, null, null));
        return new BuildOutcome(ProfileParser.parse(Map.of("name", name)), "stable", Status.OK, null,
                new Applied.Builder().build(), null, 1000L, builds == 0 ? Map.of() : Map.of(Scenario.FULL, ms), List.of(), null, null);
    }

    private static KernelTiming ok(int n, double ns) {
        return new KernelTiming("sumsq", n, Status.OK, null, Statistics.summarize(new double[] {ns, ns * 1.01, ns * 0.99}), ns / n,
                null, null, null, null, 1000, 0, 1.0, 10, null, null, null, null, null);
    }

    private ReportAssembler.State state(List<BuildOutcome> builds, Map<String, List<KernelTiming>> kernels, InstructionCounts counts,
                                        String cut, boolean kernelsTimed) {
        return state(builds, kernels, counts, cut, kernelsTimed, Map.of());
    }

    private ReportAssembler.State state(List<BuildOutcome> builds, Map<String, List<KernelTiming>> kernels, InstructionCounts counts,
                                        String cut, boolean kernelsTimed, Map<String, Double> load) {
        CrateInfo crate = new CrateInfo(out.resolve("Cargo.toml"), "k", "0.1.0", "k", List.of(), true, out, Path.of("src/lib.rs"));
        Toolchain tc = new Toolchain(null, "rustc 1.95.0", "1.95.0", "x86_64-unknown-linux-gnu", "20.1", "stable", null);
        KernelBench.Outcome ko = new KernelBench.Outcome(kernels, null, false, 3, false, 1L, null);
        return new ReportAssembler.State(crate, new SourceRevision(null, null), tc, Map.of(), Map.of(), Map.of(), builds, ko, Set.of(),
                counts, null, cut, null, null, kernelsTimed, Map.of(), null, load);
    }

    private static ProfileResult profile(Report r, String name) {
        return r.profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static final InstructionCounts COUNTED = new InstructionCounts(InstructionCountState.COUNTED, null);

    @Test
    void aFailingKernelCostsOnlyItselfAndAFailedBuildKeepsItsReason() throws Exception {
        Map<String, List<KernelTiming>> ks = new LinkedHashMap<>();
        ks.put("release", List.of(ok(16, 100), ok(32, 200)));
        ks.put("o1", List.of(ok(16, 120), KernelTiming.failed("sumsq", 32, "crashed the process with SIGSEGV")));
        ks.put("o2", List.of(KernelTiming.failed("sumsq", 16, "wrong gradient"), KernelTiming.failed("sumsq", 32, "wrong gradient")));
        List<BuildOutcome> builds = List.of(built("release", 1000, 2), built("o1", 900, 2), built("o2", 800, 2),
                built("broken", 0, 0).failed("rustc said no"));
        Report r = new ReportAssembler(config()).assemble(state(builds, ks, COUNTED, null, true));

        assertEquals(Status.OK, profile(r, "release").status());
        assertEquals(Status.PARTIAL, profile(r, "o1").status(), "one size failed, the other was measured");
        assertEquals("kernel checks failed: sumsq n=32: crashed the process with SIGSEGV", profile(r, "o1").reason());
        assertEquals(Status.FAILED, profile(r, "o2").status(), "every kernel failed");
        assertEquals(Status.FAILED, profile(r, "broken").status());
        assertEquals("rustc said no", profile(r, "broken").reason());
        // The partial profile's measured figures are still compared with the reference.
        assertTrue(r.comparisons().stream().anyMatch(c -> c.profile().equals("o1") && c.figure().equals("kernel:sumsq:16:primalNs")),
                r.comparisons().toString());
        assertEquals(COUNTED.text(), r.settings().instructionCounts());
        assertEquals(InstructionCountState.COUNTED, r.settings().instructionCountState());
        assertNotNull(r.decision());
        assertNull(r.interrupted());
    }

    @Test
    void aCutLeavesWhatWasUnfinishedIncompleteAndWhatWasFinishedAsItWas() throws Exception {
        String cut = "interrupted while timing kernels";
        Map<String, List<KernelTiming>> ks = new LinkedHashMap<>();
        ks.put("release", List.of(ok(16, 100), ok(32, 200)));
        ks.put("short", List.of(ok(16, 100)));
        List<BuildOutcome> builds = List.of(built("release", 1000, 2), built("short", 900, 2), built("one-build", 900, 1),
                built("broken", 0, 0).failed("rustc said no"));
        Report r = new ReportAssembler(config()).assemble(state(builds, ks, COUNTED, cut, true));

        assertEquals(Status.OK, profile(r, "release").status(), "every build and kernel size done: the cut took nothing from it");
        assertEquals(Status.INCOMPLETE, profile(r, "short").status(), "a kernel size was not measured");
        assertEquals(cut, profile(r, "short").reason());
        assertEquals(Status.INCOMPLETE, profile(r, "one-build").status(), "fewer builds than ctime.repeat");
        assertEquals(Status.FAILED, profile(r, "broken").status(), "a failure stays a failure");
        assertEquals(cut, r.interrupted());

        // Forks not all done: a profile with every size measured so far still lacks forks the run set out to make.
        Report early = new ReportAssembler(config()).assemble(state(builds, ks, COUNTED, cut, false));
        assertEquals(Status.INCOMPLETE, profile(early, "release").status());
        // Cut while counting: the figures are there, but not the counts the run set out to take.
        Report counting = new ReportAssembler(config()).assemble(state(builds, ks, InstructionCounts.CUT_SHORT, cut, true));
        assertEquals(Status.INCOMPLETE, profile(counting, "release").status());
        assertEquals(InstructionCounts.CUT_SHORT.text(), counting.settings().instructionCounts());
        assertEquals(InstructionCountState.NOT_FINISHED, counting.settings().instructionCountState());
    }

    @Test
    void countsThatCouldNotBeTakenAreAWarningWithTheirReason() throws Exception {
        InstructionCounts none = new InstructionCounts(InstructionCountState.UNAVAILABLE, "Valgrind is not installed");
        Map<String, List<KernelTiming>> ks = Map.of("release", List.of(ok(16, 100), ok(32, 200)));
        Report r = new ReportAssembler(config()).assemble(state(List.of(built("release", 1000, 2)), ks, none, null, true));
        assertTrue(r.warnings().contains("no instruction counts: Valgrind is not installed"), r.warnings().toString());
        assertEquals("unavailable: Valgrind is not installed", r.settings().instructionCounts());
        assertEquals(InstructionCountState.UNAVAILABLE, r.settings().instructionCountState());
        assertEquals(Status.OK, profile(r, "release").status());
    }

    @Test
    void howBusyTheMachineWasIsRecordedStageByStageAndABusyStageIsAWarning() throws Exception {
        Map<String, List<KernelTiming>> ks = Map.of("release", List.of(ok(16, 100), ok(32, 200)));
        Map<String, Double> load = new LinkedHashMap<>();
        load.put("timing builds", 0.1);
        load.put("timing kernels", 0.62);
        Report r = new ReportAssembler(config()).assemble(state(List.of(built("release", 1000, 2)), ks,
                new InstructionCounts(InstructionCountState.OFF, "off"), null, true, load));
        assertEquals(load, r.stagesLoad());
        List<String> busy = r.warnings().stream().filter(w -> w.startsWith("other processes used")).toList();
        assertEquals(1, busy.size(), r.warnings().toString());
        assertTrue(busy.get(0).startsWith("other processes used 62% of the CPUs while timing kernels")
                && busy.get(0).contains("-Dctime.quiet"), busy.get(0));
    }
}
