package dev.ctime.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelLibraryTest {
    @TempDir
    static Path dir;
    static Path lib;

    /** A real shared library in the kernel ABI: f(x) = sum x_i^2, grad = 2x. */
    @BeforeAll
    static void buildKernel() throws Exception {
        Path src = dir.resolve("k.c");
        Files.writeString(src, "#include <stddef.h>\n#include <time.h>\n"
                + "double sumsq(const double *x, size_t n) { double s = 0; for (size_t i = 0; i < n; i++) s += x[i] * x[i]; return s; }\n"
                + "double sumsq_grad(const double *x, double *g, size_t n) { for (size_t i = 0; i < n; i++) g[i] = 2 * x[i]; return sumsq(x, n); }\n"
                // Off the CPU for n microseconds, as a descheduled thread is: wall time passes, the thread's CPU time does not.
                + "double napping(const double *x, size_t n) { struct timespec t = {0, (long) n * 1000}; nanosleep(&t, 0); return x[0]; }\n");
        lib = dir.resolve("libk.so");
        Process p = new ProcessBuilder(List.of("gcc", "-O1", "-shared", "-fPIC", "-o", lib.toString(), src.toString()))
                .inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc failed");
    }

    @Test
    void callsKernelsThroughTheHarness() throws Exception {
        try (KernelLibrary k = KernelLibrary.open(lib)) {
            Pointer f = k.symbol("sumsq");
            Pointer g = k.symbol("sumsq_grad");
            Memory x = new Memory(3 * 8);
            x.write(0, new double[] {1, -2, 3}, 0, 3);
            Memory grad = new Memory(3 * 8);
            assertEquals(14.0, KernelLibrary.callPrimal(f, x, 3));
            assertEquals(14.0, KernelLibrary.callGradient(g, x, grad, 3));
            double[] out = new double[3];
            grad.read(0, out, 0, 3);
            assertEquals(List.of(2.0, -4.0, 6.0), List.of(out[0], out[1], out[2]));
        }
    }

    @Test
    void missingSymbolNamesTheSymbolAndTheFix() throws Exception {
        try (KernelLibrary k = KernelLibrary.open(lib)) {
            HarnessException e = assertThrows(HarnessException.class, () -> k.symbol("nope"));
            assertTrue(e.getMessage().contains("'nope' is not exported"), e.getMessage());
            assertTrue(e.getMessage().contains("#[no_mangle]"), e.getMessage());
        }
    }

    @Test
    void missingOrBrokenLibraryIsReported() throws Exception {
        HarnessException missing = assertThrows(HarnessException.class, () -> KernelLibrary.open(dir.resolve("absent.so")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path junk = Files.writeString(dir.resolve("junk.so"), "not an ELF file");
        HarnessException broken = assertThrows(HarnessException.class, () -> KernelLibrary.open(junk));
        assertTrue(broken.getMessage().contains("cannot load"), broken.getMessage());
    }

    @Test
    void calibrationReachesTheMinimumDurationAndBatchesAreTimed() throws Exception {
        try (KernelLibrary k = KernelLibrary.open(lib)) {
            Pointer f = k.symbol("sumsq");
            Memory x = new Memory(64 * 8);
            x.clear();
            long minNs = 200_000;
            long batch = KernelLibrary.calibrate(f, false, x, null, 64, minNs, 1L << 40);
            long[] ns = KernelLibrary.timeBatches(f, false, x, null, 64, batch, 5);
            assertEquals(5, ns.length);
            for (long t : ns) assertTrue(t > 0, "a batch took no time");
            // The calibrated batch lasts about minNs: a calibration that stopped short (a batch of one call takes some
            // 100 ns here) would fall orders of magnitude below; half of it leaves room for a faster clock speed.
            long[] sorted = ns.clone();
            java.util.Arrays.sort(sorted);
            assertTrue(sorted[2] >= minNs / 2, "a calibrated batch of " + batch + " calls took " + sorted[2] + " ns, short of "
                    + minNs);
            // The calibration's own last batch reached minNs; a capped batch does not have to.
            long capped = KernelLibrary.calibrate(f, false, x, null, 64, Long.MAX_VALUE / 4, 8);
            assertEquals(8, capped);
        }
    }

    @Test
    void aBatchOffTheCpuIsFlaggedAsDescheduledAndAComputingOneIsNot() throws Exception {
        // A descheduled thread is off the CPU while its wall clock runs. A kernel that sleeps is that, made certain:
        // each call sleeps 500 us and computes nearly nothing, so wall time is many times the thread's CPU time.
        try (KernelLibrary k = KernelLibrary.open(lib)) {
            Memory x = new Memory(64 * 8);
            x.clear();
            long[][] off = KernelLibrary.timeBatchesWithCpu(k.symbol("napping"), false, x, null, 500, 4, 5);
            boolean[] flagged = Descheduled.flags(off[0], off[1], Descheduled.DEFAULT_THRESHOLD);
            for (int i = 0; i < flagged.length; i++) {
                assertTrue(off[0][i] >= 4 * 500_000L, "4 calls of 500 us took " + off[0][i] + " ns of wall time");
                assertTrue(flagged[i], "batch " + i + " slept through " + off[0][i] + " ns wall with " + off[1][i] + " ns CPU,"
                        + " yet was not flagged");
            }
            // Computing all along: the thread's CPU time follows its wall time, never above it beyond the clocks'
            // granularity, whatever else the machine runs (that can only add wall time).
            Pointer f = k.symbol("sumsq");
            long batch = KernelLibrary.calibrate(f, false, x, null, 64, 2_000_000, 1L << 40);
            long[][] on = KernelLibrary.timeBatchesWithCpu(f, false, x, null, 64, batch, 5);
            for (int i = 0; i < on[0].length; i++) {
                assertTrue(on[1][i] > 0, "a computing batch used no CPU time");
                assertTrue(on[1][i] <= on[0][i] + 1_000_000, "CPU time " + on[1][i] + " ns above wall time " + on[0][i] + " ns");
            }
        }
    }

    @Test
    void emptyKernelAndClockAreAvailable() {
        Memory x = new Memory(8);
        assertEquals(0.0, KernelLibrary.callPrimal(KernelLibrary.emptyKernel(), x, 1));
        assertTrue(KernelLibrary.clockResolutionNs() > 0);
        assertThrows(IllegalArgumentException.class,
                () -> KernelLibrary.timeBatches(KernelLibrary.emptyKernel(), false, x, null, 1, 0, 1));
    }

    @Test
    void rusageWrapperMeasuresACommandInItsOwnProcess() throws Exception {
        Path exe = NativeTools.install(dir.resolve("bin"));
        Path out = dir.resolve("r.json");
        // A child that allocates ~64 MiB and touches it: the peak RSS must show it.
        Process p = new ProcessBuilder(List.of(exe.toString(), "--out", out.toString(), "--",
                "python3", "-c", "b = bytearray(64 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"))
                .inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        String json = Files.readString(out);
        assertTrue(json.contains("\"exitCode\":0"), json);
        long rss = Long.parseLong(json.replaceAll(".*\"maxRssKb\":(\\d+).*\\s*", "$1"));
        assertTrue(rss > 64 * 1024, "peak RSS " + rss + " kB below the 64 MiB the child touched");
    }

    @Test
    void rusageWrapperPropagatesTheExitCode() throws Exception {
        Path exe = NativeTools.install(dir.resolve("bin2"));
        Path out = dir.resolve("r2.json");
        Process p = new ProcessBuilder(List.of(exe.toString(), "--out", out.toString(), "--", "sh", "-c", "exit 3"))
                .inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue());
        assertTrue(Files.readString(out).contains("\"exitCode\":3"));
    }
}
