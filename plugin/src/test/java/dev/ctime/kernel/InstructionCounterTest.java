package dev.ctime.kernel;

import dev.ctime.exec.Processes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ctime.harness.NativeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstructionCounterTest {
    @TempDir
    Path dir;

    @Test
    void readsCachegrindsSummaryLine() {
        List<String> out = List.of("desc: I1 cache:", "cmd: ./ctime-count lib sym primal 4 42 5", "events: Ir",
                "fl=???", "0 12", "summary: 367031");
        assertEquals(367031, InstructionCounter.parseSummary(out));
        assertEquals(1_234_567, InstructionCounter.parseSummary(List.of("events: Ir Dr", "summary: 1234567 890")));
        assertThrows(IllegalArgumentException.class, () -> InstructionCounter.parseSummary(List.of("events: Ir")));
    }

    @Test
    void estimatedCyclesWeighEachLevelOfTheSimulatedCaches() {
        List<String> out = List.of("events: Ir I1mr ILmr Dr D1mr DLmr Dw D1mw DLmw", "summary: 1000 10 2 300 20 5 100 6 1");
        java.util.Map<String, Long> e = InstructionCounter.parseEvents(out);
        assertEquals(1000L, e.get("Ir"));
        assertEquals(1L, e.get("DLmw"));
        // 1400 accesses; 36 L1 misses, 8 of them missing the last level too: 1364 + 5 * 28 + 35 * 8.
        assertEquals(1364 + 140 + 280, InstructionCounter.estimatedCycles(e), 1e-9);
        // Without the cache simulation there is nothing to weigh.
        assertNull(InstructionCounter.estimatedCycles(InstructionCounter.parseEvents(List.of("events: Ir", "summary: 5"))));
    }

    @Test
    void setUpCancelsOutOfThePerCallFigure() {
        assertEquals(6039.8, InstructionCounter.perCall(306_633, 367_031, 10), 1e-9);
    }

    @Test
    void extraCallsKeepAValgrindRunShortButNeverTooFew() {
        assertEquals(1000, InstructionCounter.extraCalls(1));
        assertEquals(4, InstructionCounter.extraCalls(1e9));
        long mid = InstructionCounter.extraCalls(50_000);
        assertTrue(mid >= 4 && mid < 1000, Long.toString(mid));
    }

    /** A real count: a loop of n iterations costs about twice as many instructions at 2n, and the count repeats exactly. */
    @Test
    void countsARealKernelUnderCachegrindDeterministically() throws Exception {
        Path valgrind = Processes.which("valgrind");
        assumeTrue(valgrind != null, "Valgrind is not installed");
        Path src = dir.resolve("k.c");
        Files.writeString(src, "#include <stddef.h>\n"
                + "double sumsq(const double *x, size_t n) { double s = 0; for (size_t i = 0; i < n; i++) s += x[i] * x[i]; return s; }\n"
                + "double boom(const double *x, size_t n) { (void)x; (void)n; return *(volatile double *)0; }\n");
        Path lib = dir.resolve("libk.so");
        Process gcc = new ProcessBuilder(List.of("gcc", "-O1", "-shared", "-fPIC", "-o", lib.toString(), src.toString()))
                .inheritIO().start();
        assertTrue(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0, "gcc failed");
        Path counter = NativeTools.install(dir.resolve("bin"), NativeTools.COUNT);
        InstructionCounter ic = new InstructionCounter(valgrind, counter, 42, dir.resolve("logs"), Duration.ofSeconds(120));
        List<InstructionCounter.Count> cs = ic.countAll(List.of(
                new InstructionCounter.Job("p", lib.toString(), "sumsq", 1000, "primal", "sumsq", 1000),
                new InstructionCounter.Job("p", lib.toString(), "sumsq", 2000, "primal", "sumsq", 2000),
                new InstructionCounter.Job("q", lib.toString(), "sumsq", 1000, "primal", "sumsq", 1000),
                new InstructionCounter.Job("p", lib.toString(), "boom", 10, "primal", "boom", 10),
                new InstructionCounter.Job("p", lib.toString(), "typo", 10, "primal", "sumsqq", 10)), 2);
        double small = cs.get(0).perCall();
        double large = cs.get(1).perCall();
        assertTrue(small >= 2000 && small < 20_000, "per call at n = 1000: " + small);
        assertEquals(2.0, large / small, 0.05, "instructions should scale with n: " + small + " and " + large);
        assertEquals(small, cs.get(2).perCall(), 0.0, "the same kernel counted twice must give the same figure");
        // Estimated cycles: at least one a instruction, repeatable to the cycle as well.
        assertTrue(cs.get(0).cyclesPerCall() >= small, cs.get(0).toString());
        assertEquals(cs.get(0).cyclesPerCall(), cs.get(2).cyclesPerCall(), 0.0);
        assertNull(cs.get(3).perCall());
        assertNotNull(cs.get(3).problem());
        assertTrue(cs.get(4).problem().contains("sumsqq"), cs.get(4).problem());
    }
}
