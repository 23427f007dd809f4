package dev.ctime.kernel;

import dev.ctime.model.Status;
import dev.ctime.model.GradientCheck;
import dev.ctime.model.KernelTiming;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelPartsTest {
    @Test
    void inputsMatchTheRustGeneratorBitForBit() {
        // The first values of the same SplitMix64 mapping in Rust (the fidelity benchmark's loop), seed 42.
        assertArrayEquals(new double[] {0.4831297575436466, -0.6801792142461598, -0.4427977394897227}, Inputs.generate(42, 3));
        for (double v : Inputs.generate(1, 10_000)) assertTrue(v >= -1 && v < 1);
    }

    @Test
    void finiteDifferencesAcceptACorrectGradientAndCatchAWrongOne() {
        double[] x = Inputs.generate(3, 50);
        double fx = sumCubes(x);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) g[i] = 3 * x[i] * x[i];
        GradientCheck ok = FiniteDifferences.check(KernelPartsTest::sumCubes, x, fx, g, 1e-4, 1, 7);
        assertTrue(ok.ok(), "max error " + ok.maxRelError());
        assertEquals(50, ok.checked());
        g[7] *= 1.01;
        GradientCheck bad = FiniteDifferences.check(KernelPartsTest::sumCubes, x, fx, g, 1e-4, 1, 7);
        assertFalse(bad.ok());
        assertEquals(7, bad.worstIndex());
        assertEquals(0.01 / 1.01, bad.maxRelError(), 1e-5);
    }

    @Test
    void aGradientOfMostlyExactZerosIsDiagnosedAsAWrongActivity() {
        double[] x = Inputs.generate(5, 40);
        double[] g = new double[x.length];
        // Only the first ten components were written, as when a buffer marked Const never receives its shadow.
        for (int i = 0; i < 10; i++) g[i] = 3 * x[i] * x[i];
        GradientCheck c = FiniteDifferences.check(KernelPartsTest::sumCubes, x, sumCubes(x), g, 1e-4, 1, 7);
        assertFalse(c.ok());
        assertEquals(30, c.wrongZeros());
        assertEquals(java.util.List.of(10, 11, 12, 13, 14), c.wrongZeroAt());
        assertTrue(c.diagnosis().contains("30 of 40 checked components are exactly zero where finite differences are not (at 10,"
                + " 11, 12, 13, 14, …)"), c.diagnosis());
        assertTrue(c.diagnosis().contains("Const"), c.diagnosis());
        // A gradient wrong by a little is not blamed on zeros.
        g = new double[x.length];
        for (int i = 0; i < x.length; i++) g[i] = 3.1 * x[i] * x[i];
        GradientCheck slightly = FiniteDifferences.check(KernelPartsTest::sumCubes, x, sumCubes(x), g, 1e-4, 1, 7);
        assertFalse(slightly.ok());
        assertEquals(null, slightly.wrongZeros());
        assertFalse(slightly.diagnosis().contains("zero"), slightly.diagnosis());
    }

    @Test
    void nanInTheGradientIsAnAbiViolation() {
        double[] x = {1, 2};
        GradientCheck c = FiniteDifferences.check(KernelPartsTest::sumCubes, x, sumCubes(x), new double[] {3, Double.NaN}, 1e-4, 1, 7);
        assertFalse(c.ok());
        assertTrue(c.problem().contains("overwrite every element"));
    }

    @Test
    void everyCoordinateIsCheckedWhereTheBudgetAllowsElseARandomSampleWithBothEnds() {
        // 100,000 coordinates of a 100 ns primal: 20 ms, within the budget: all of them.
        assertEquals(100_000, FiniteDifferences.coordinates(100_000, 100, 7).length);
        // Of a 1 ms primal: 200 s for all; 100 fit in the budget (two calls each), drawn at random with the seed.
        int[] idx = FiniteDifferences.coordinates(100_000, 1e6, 7);
        assertEquals(100, idx.length);
        assertEquals(0, idx[0]);
        assertEquals(99_999, idx[idx.length - 1]);
        assertArrayEquals(idx, FiniteDifferences.coordinates(100_000, 1e6, 7), "the same seed, the same sample");
        // Interior coordinates an even spread would step over (its stride is about 1,010 here): a random sample hits some.
        long offGrid = java.util.Arrays.stream(idx).filter(i -> i % 1010 != 0).count();
        assertTrue(offGrid > 50, offGrid + " of 100 off an even spread");
        // However slow the primal, at least 64.
        assertEquals(FiniteDifferences.MAX_CHECKED, FiniteDifferences.coordinates(100_000, 1e9, 7).length);
        assertArrayEquals(new int[] {0, 1, 2}, FiniteDifferences.coordinates(3, 1e9, 7));
    }

    @Test
    void theCheckProbesOneCoordinateAtATimeSoItsOwnWorkDoesNotGrowWithN() {
        // At n = 50,000,000 the runner used to copy the whole input for each of the check's 129 evaluations, and the
        // kernel was blamed for ctime's copying. The check now asks for one coordinate moved at a time.
        double[] x = Inputs.generate(5, 1_000_000);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) g[i] = 3 * x[i] * x[i];
        java.util.List<Integer> moved = new java.util.ArrayList<>();
        double fx = sumCubes(x);
        GradientCheck c = FiniteDifferences.check((i, v) -> {
            moved.add(i);
            return fx - x[i] * x[i] * x[i] + v * v * v;
        }, x, fx, g, 1e-4, 1e8, 7);
        assertTrue(c.ok(), c.toString());
        assertEquals(2 * c.checked(), moved.size(), "two evaluations a checked coordinate, nothing else");
        assertEquals(64, c.checked(), "a slow kernel: the fewest coordinates a sample checks");
    }

    @Test
    void aWrongInteriorCoordinateIsFoundAndTheCheckSaysHowMuchItCovered() {
        double[] x = new double[1024];
        for (int i = 0; i < x.length; i++) x[i] = (i % 7) * 0.1 - 0.3;
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) g[i] = 3 * x[i] * x[i];
        g[517] += 1;
        GradientCheck c = FiniteDifferences.check(KernelPartsTest::sumCubes, x, sumCubes(x), g, 1e-4, 100, 7);
        assertFalse(c.ok(), "coordinate 517 is wrong, and 1024 cheap coordinates are all checked");
        assertEquals(517, c.worstIndex());
        assertEquals("all 1024 coordinates", c.coverage());
        GradientCheck sampled = FiniteDifferences.check(KernelPartsTest::sumCubes, x, sumCubes(x), g, 1e-4, 1e6, 7);
        assertEquals(GradientCheck.RANDOM, sampled.sample());
        assertEquals("a random 100 of 1,024 coordinates (both ends included)", sampled.coverage());
    }

    @Test
    void kernelParserChecksSizesAndSymbols() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("name", "lse");
        raw.put("gradient", "lse_grad");
        raw.put("sizes", "64, 4096");
        Kernel k = KernelParser.parse(raw);
        assertEquals("lse", k.primal(), "the primal symbol defaults to the name");
        assertEquals(List.of(64, 4096), k.sizes());
        raw.put("sizes", "64,x");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelParser.parse(raw)).getMessage().contains("'x'"));
        raw.put("sizes", "8");
        raw.put("gradient", "bad-name");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelParser.parse(raw)).getMessage()
                .contains("not a C symbol"));
        raw.remove("sizes");
        raw.put("gradient", "g");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelParser.parse(raw)).getMessage().contains("<sizes>"));
        raw.put("sizes", "8");
        raw.put("size", "8");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelParser.parse(raw)).getMessage().contains("<size>"));
    }

    @Test
    void forksArePooledAndTheWorstGradientCheckWins() {
        GradientCheck good = new GradientCheck(true, 1e-9, 0, 4, 1e-4, null);
        GradientCheck bad = new GradientCheck(false, 0.5, 2, 4, 1e-4, null);
        ForkResult f1 = new ForkResult("k", 4, new double[] {1, 1}, false, 1, List.of(
                new ForkResult.Entry("p", null, 8, new double[] {10, 12}, new double[] {99}, 4, new double[] {20, 22},
                        new double[0], 1.0, good, 5, null, null, 0, 0),
                new ForkResult.Entry("other", null, 8, new double[] {1, 1}, new double[0], 4, null, null, 1.0, null, 5, null, null, 0, 0)));
        ForkResult f2 = new ForkResult("k", 4, new double[] {2, 2}, false, 1, List.of(
                new ForkResult.Entry("p", null, 8, new double[] {14, 16}, new double[0], 4, new double[] {30, 34},
                        new double[0], 1.0, bad, 5, null, null, 0, 0)));
        KernelTiming t = ForkPool.pool("p", List.of(List.of(f1), List.of(f2)), Map.of()).get(0);
        assertEquals(4, t.primalNs().samples().size());
        assertEquals(2, t.primalNs().runs(), "each fork is one run");
        assertEquals(13, t.primalNs().median(), "the median of the fork medians 11 and 15");
        assertEquals(1, t.primalNs().interference(), "the descheduled batch is counted, not pooled");
        assertEquals(26.5, t.gradientNs().median(), "the median of the fork medians 21 and 32");
        assertEquals(26.5 / 13, t.gradientToPrimal());
        assertEquals(13 / 4.0, t.primalNsPerElement());
        assertEquals(Status.of("failed"), t.status());
        assertTrue(t.reason().contains("coordinate 2"));
        assertEquals(1.5, ForkPool.overhead(List.of(List.of(f1), List.of(f2))).median());
        assertEquals(List.of(1, 2), t.primalNs().forks(), "each run names its fork, so profiles pair up fork by fork");
        assertEquals(List.of(1, 2), t.gradientNs().forks());
        // A profile absent from the first fork: its one run is the second fork's.
        KernelTiming late = ForkPool.pool("p", List.of(List.of(new ForkResult("k", 4, new double[] {1}, false, 1, List.of(
                new ForkResult.Entry("other", null, 8, new double[] {1, 1}, new double[0], 4, null, null, 1.0, null, 5, null, null, 0,
                        0)))), List.of(f2)), Map.of()).get(0);
        assertEquals(List.of(2), late.primalNs().forks());
    }

    @Test
    void aFunctionIsSteadyFromTheFirstRoundWithinTenPercentOfTheLastAndLaterForksWarmItUpTwiceThatLong() {
        // Rounds of doubling length: cold for the first three, then steady.
        List<Long> starts = List.of(0L, 50L, 150L, 350L, 750L, 1550L);
        List<Double> quiet = java.util.Collections.nCopies(6, 0.2);
        assertEquals(350L, KernelRunner.steadyAfter(starts, List.of(7000.0, 6900.0, 7100.0, 16.0, 15.0, 15.5), quiet));
        assertEquals(0L, KernelRunner.steadyAfter(starts, List.of(15.0, 15.2, 14.9, 15.1, 15.0, 15.0), quiet), "steady from the start");
        assertEquals(0L, KernelRunner.steadyAfter(List.of(), List.of(), List.of()));
        // A busy machine's rounds scatter by 30% on noise alone, which their own spread shows: steady from the start, where
        // 10% alone found it steady only from the last round. A cold phase stands out of any such noise.
        List<Double> busy = List.of(15.0, 19.0, 13.0, 18.5, 14.0, 15.0);
        assertEquals(0L, KernelRunner.steadyAfter(starts, busy, java.util.Collections.nCopies(6, 5.0)));
        assertEquals(750L, KernelRunner.steadyAfter(starts, busy, quiet), "without the spread, noise looks like warming up");
        assertEquals(350L, KernelRunner.steadyAfter(starts, List.of(7000.0, 6900.0, 7100.0, 19.0, 13.0, 15.0),
                List.of(9.0, 9.0, 9.0, 9.0, 9.0, 9.0)));
        assertEquals(3.0, KernelRunner.spread(new double[] {10, 30, 11, 13, 14}), 1e-12, "second-highest less second-lowest");
        assertEquals(0.0, KernelRunner.spread(new double[] {10, 30}));
        java.util.Map<String, Long> calls = new java.util.HashMap<>();
        ForkResult cold = new ForkResult("k", 4, new double[] {1}, false, 1, List.of(
                new ForkResult.Entry("p", null, 8, new double[] {10}, new double[0], 4, new double[] {20}, new double[0], 1.0, null,
                        5, null, null, 20_000, 0)));
        KernelBench.learnWarmUp(calls, cold);
        assertEquals(40_000L, calls.get(ForkPlan.warmupKey("p", "k", 4, "primal")));
        assertEquals(KernelRunner.LEAST_WARMUP_CALLS, calls.get(ForkPlan.warmupKey("p", "k", 4, "gradient")));
        // A later fork that found it steady sooner does not shorten it.
        KernelBench.learnWarmUp(calls, new ForkResult("k", 4, new double[] {1}, false, 1, List.of(
                new ForkResult.Entry("p", null, 8, new double[] {10}, new double[0], 0, null, null, 1.0, null, 5, null, null, 10, 0))));
        assertEquals(40_000L, calls.get(ForkPlan.warmupKey("p", "k", 4, "primal")));
    }

    @Test
    void aCrashedKernelFailsAloneWithItsReason() {
        ForkResult ok = new ForkResult("k", 4, new double[] {1}, false, 1, List.of(
                new ForkResult.Entry("p", null, 8, new double[] {10, 12}, new double[0], 0, null, null, 1.0, null, 5, null, null, 0, 0)));
        Map<ForkPlan.Cell, String> crashes = Map.of(new ForkPlan.Cell("p", "boom", 8), "kernel boom crashed the process with SIGSEGV");
        List<KernelTiming> ts = ForkPool.pool("p", List.of(List.of(ok)), crashes);
        assertEquals(2, ts.size());
        assertEquals(Status.of("ok"), ts.get(0).status());
        assertEquals(Status.of("failed"), ts.get(1).status());
        assertTrue(ts.get(1).reason().contains("SIGSEGV"));
    }

    @Test
    void crashReasonsNameTheSignalThePanicAndTheLog() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ctime-crash");
        java.nio.file.Path hs = java.nio.file.Files.writeString(dir.resolve("hs_err_pid1.log"),
                "#\n# A fatal error has been detected by the Java Runtime Environment:\n#\n#  SIGSEGV (0xb) at pc=0x0, pid=1\n");
        String r = ForkLauncher.crashReason("kernel k", 134, "", hs, dir.resolve("x.stderr"));
        assertTrue(r.contains("SIGSEGV") && r.contains(hs.toString()), r);
        String p = ForkLauncher.crashReason("kernel k", 134, "thread '<unnamed>' panicked at src/lib.rs:4:5:\nboom here\n"
                + "panic in a function that cannot unwind\n", null, dir.resolve("x.stderr"));
        assertTrue(p.contains("SIGABRT") && p.contains("'boom here'") && p.contains("src/lib.rs:4:5"), p);
        assertFalse(r.contains("stack overflow"), "the JVM reported this fault: " + r);
        // A recursion that ran off its stack (recorded: exit 139, empty stderr, no hs_err file): named as such.
        String so = ForkLauncher.crashReason("kernel deep (n = 64, check) of profile release", 139, "", null, dir.resolve("x.stderr"));
        assertTrue(so.contains("with SIGSEGV and the JVM wrote no crash log") && so.contains("as a stack overflow does"), so);
        assertFalse(ForkLauncher.crashReason("kernel k", 139, "something it said\n", null, dir.resolve("x.stderr"))
                .contains("stack overflow"), "a fault the process spoke about is not guessed at");
        assertEquals("SIGSEGV", ForkLauncher.signalName(11));
        assertEquals(256, ForkLauncher.heapMb(1000));
        assertTrue(ForkLauncher.heapMb(50_000_000) >= 4 * 8 * 50_000_000L / (1024 * 1024));
    }

    static double sumCubes(double[] x) {
        double s = 0;
        for (double v : x) s += v * v * v;
        return s;
    }

    @Test
    void aForkThatNeverStartsIsNamedAsSuchNotAsAKernel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // A "JVM" that starts and never writes a progress line, as a fork on a very busy machine may: beyond the kernel
        // limit (1 s) it is still starting; beyond the start-up allowance it is killed, and no kernel is blamed.
        java.nio.file.Path fake = dir.resolve("slow-java");
        java.nio.file.Files.writeString(fake, "#!/bin/sh\nexec sleep 30\n");
        java.nio.file.Files.setPosixFilePermissions(fake, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ForkLauncher l = new ForkLauncher(fake, List.of(), java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(1), "")
                .startingWithin(java.time.Duration.ofSeconds(3));
        ForkPlan plan = new ForkPlan(List.of(new ForkPlan.Library("release", "/nowhere.so")), List.of(), 1, 1000, 1, 1, -1, 1e-4, 0.05,
                List.of(), List.of(), dir.resolve("f.progress").toString(), dir.resolve("f.jsonl").toString(), java.util.Map.of(), null, true);
        long t0 = System.nanoTime();
        ForkLauncher.Attempt a = l.run(plan, dir, "f");
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(a.hung());
        assertEquals(null, a.culprit());
        assertTrue(a.problem().startsWith("the kernel fork wrote no progress for 3 s after it started"), a.problem());
        assertTrue(s >= 2.5, "it was given its start-up allowance, not the kernel's 1 s: " + s);
    }

    @Test
    void aKernelsLimitFollowsItsFirstCallAndNeverFallsBelowTheFloor(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path progress = dir.resolve("fork.progress");
        long floor = 10_000_000_000L;
        assertEquals(floor, ForkLauncher.limitNs(progress, floor), "no progress yet");
        java.nio.file.Files.writeString(progress, "release\tslow\t64\tcheck\n");
        assertEquals(floor, ForkLauncher.limitNs(progress, floor), "the first call has not returned");
        java.nio.file.Files.writeString(progress, "limit\t1000000000\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(400_000_000_000L, ForkLauncher.limitNs(progress, floor), "400 first calls of a second each");
        java.nio.file.Files.writeString(progress, "release\tslow\t64\tprimal warm-up\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(400_000_000_000L, ForkLauncher.limitNs(progress, floor), "the same kernel keeps its limit");
        java.nio.file.Files.writeString(progress, "release\tquick\t8\tcheck\nlimit\t1000\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(floor, ForkLauncher.limitNs(progress, floor), "a quick kernel gets the floor");
        java.nio.file.Files.writeString(progress, "limit\t", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(floor, ForkLauncher.limitNs(progress, floor), "a line cut short");
    }

    @Test
    void theStepAForkDiedInIsItsLastWholeProgressLineAndOnlyItsLastLineSaysItFinished(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path progress = dir.resolve("fork.progress");
        assertEquals(null, ForkLauncher.lastProgress(progress), "no file: no step");
        assertEquals(false, ForkLauncher.finishedAll(progress));
        java.nio.file.Files.writeString(progress, "\theat\t64\toverhead\nrelease\theat\t64\tcheck\nlimit\t5000\n"
                + "fat\theat\t4096\tgradient warm-up\n");
        assertEquals(new ForkLauncher.Step("fat", "heat", 4096, "gradient warm-up"), ForkLauncher.lastProgress(progress),
                "the last step line, past a limit line");
        assertEquals(false, ForkLauncher.finishedAll(progress));
        // A crash mid-write leaves half a line: the whole one before it names the step.
        java.nio.file.Files.writeString(progress, "dev\theat\t40", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(new ForkLauncher.Step("fat", "heat", 4096, "gradient warm-up"), ForkLauncher.lastProgress(progress));
        java.nio.file.Files.writeString(progress, "96\tprimal\n" + KernelRunner.DONE + "\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(true, ForkLauncher.finishedAll(progress), "its last line, written after all its work");
        assertEquals(new ForkLauncher.Step("dev", "heat", 4096, "primal"), ForkLauncher.lastProgress(progress));
        java.nio.file.Files.writeString(progress, "\ttail\t8\toverhead\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(false, ForkLauncher.finishedAll(progress), "done only counts as the last line");
        assertEquals(true, ForkLauncher.lastProgress(progress).inHarness(), "a step with no profile is the harness's own");
    }
}
