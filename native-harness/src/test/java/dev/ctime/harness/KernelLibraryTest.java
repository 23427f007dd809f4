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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
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
        Files.writeString(src, "#include <stddef.h>\n"
                + "double sumsq(const double *x, size_t n) { double s = 0; for (size_t i = 0; i < n; i++) s += x[i] * x[i]; return s; }\n"
                + "double sumsq_grad(const double *x, double *g, size_t n) { for (size_t i = 0; i < n; i++) g[i] = 2 * x[i]; return sumsq(x, n); }\n");
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
    void aHogOnTheSameCpuGetsBatchesFlaggedAsDescheduled() throws Exception {
        // The measuring thread and a spinning thread share one CPU: the scheduler splits it between
        // them, so each batch's wall time is about twice the thread's CPU time and must be flagged.
        // Without a hog, CPU time can never exceed wall time (beyond clock granularity). Both run
        // on threads of their own, so the pinning ends with them.
        AtomicBoolean pinned = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        long[][][] result = new long[2][][];
        Thread measure = new Thread(() -> {
            if (!KernelLibrary.pinCurrentThread(0)) return;
            pinned.set(true);
            try (KernelLibrary k = KernelLibrary.open(lib)) {
                Pointer f = k.symbol("sumsq");
                Memory x = new Memory(64 * 8);
                x.clear();
                long batch = KernelLibrary.calibrate(f, false, x, null, 64, 20_000_000, 1L << 40);
                result[0] = KernelLibrary.timeBatchesWithCpu(f, false, x, null, 64, batch, 5);
                Thread hog = new Thread(() -> {
                    KernelLibrary.pinCurrentThread(0);
                    while (!stop.get()) Thread.onSpinWait();
                });
                hog.setDaemon(true);
                hog.start();
                Thread.sleep(50);
                result[1] = KernelLibrary.timeBatchesWithCpu(f, false, x, null, 64, batch, 10);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                stop.set(true);
            }
        });
        measure.start();
        measure.join();
        Assumptions.assumeTrue(pinned.get(), "this machine refuses CPU pinning");
        long[][] quiet = result[0];
        for (int i = 0; i < quiet[0].length; i++) assertTrue(quiet[1][i] <= quiet[0][i] + 1_000_000, "CPU time above wall time");
        long[][] busy = result[1];
        boolean[] flagged = Descheduled.flags(busy[0], busy[1], Descheduled.DEFAULT_THRESHOLD);
        int n = 0;
        for (boolean b : flagged) if (b) n++;
        assertTrue(n >= 8, "only " + n + " of 10 batches flagged with a hog on the same CPU: wall "
                + java.util.Arrays.toString(busy[0]) + " cpu " + java.util.Arrays.toString(busy[1]));
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
        Path exe = RusageTool.install(dir.resolve("bin"));
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
        Path exe = RusageTool.install(dir.resolve("bin2"));
        Path out = dir.resolve("r2.json");
        Process p = new ProcessBuilder(List.of(exe.toString(), "--out", out.toString(), "--", "sh", "-c", "exit 3"))
                .inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue());
        assertTrue(Files.readString(out).contains("\"exitCode\":3"));
    }
}
