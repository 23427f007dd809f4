package dev.ctime.harness;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A kernel cdylib opened by the C harness, and the harness's timing entry points. Every timed
 * loop runs in C: one JNA crossing per batch of calls, never one per call.
 */
public final class KernelLibrary implements AutoCloseable {
    private static final HarnessLibrary LIB = HarnessLibrary.INSTANCE;
    private final Path path;
    private Pointer handle;

    private KernelLibrary(Path path, Pointer handle) {
        this.path = path;
        this.handle = handle;
    }

    /** Opens a shared library with dlopen(RTLD_NOW); the failure carries dlerror()'s text. */
    public static KernelLibrary open(Path library) throws HarnessException {
        if (!Files.isRegularFile(library)) {
            throw new HarnessException("kernel library " + library + " does not exist: was the crate built as a cdylib"
                    + " (crate-type = [\"cdylib\"] in [lib] of Cargo.toml)?");
        }
        byte[] err = new byte[1024];
        Pointer h = LIB.ctime_open(library.toAbsolutePath().toString(), err, err.length);
        if (h == null) {
            throw new HarnessException("cannot load kernel library " + library + ": " + cString(err));
        }
        return new KernelLibrary(library, h);
    }

    /** The address of an exported function; a clear error when the crate does not export it. */
    public Pointer symbol(String name) throws HarnessException {
        byte[] err = new byte[1024];
        Pointer s = LIB.ctime_symbol(handle, name, err, err.length);
        if (s == null) {
            throw new HarnessException("symbol '" + name + "' is not exported by " + path.getFileName()
                    + ": declare it as #[no_mangle] pub extern \"C\" fn " + name
                    + " in the crate, or fix the symbol name in the POM's <kernels> (" + cString(err) + ")");
        }
        return s;
    }

    /** A kernel that does nothing, timed through the same loop to measure the harness's overhead. */
    public static Pointer emptyKernel() {
        return LIB.ctime_empty_kernel_pointer();
    }

    /** The smallest batch (a power of two, or a jump towards it) whose duration reaches minNs. */
    public static long calibrate(Pointer fn, boolean gradient, Memory x, Memory grad, long n, long minNs, long maxBatch) {
        long b = LIB.ctime_calibrate(fn, gradient ? 1 : 0, x, grad, n, minNs, maxBatch);
        if (b <= 0) throw new IllegalArgumentException("calibration rejected its arguments");
        return b;
    }

    /** Durations in ns of {@code samples} batches of {@code batch} calls each. */
    public static long[] timeBatches(Pointer fn, boolean gradient, Memory x, Memory grad, long n, long batch, int samples) {
        return timeBatchesWithCpu(fn, gradient, x, grad, n, batch, samples)[0];
    }

    /**
     * Wall durations in ns (index 0) and the measuring thread's CPU time over each batch
     * (index 1): a batch whose wall time is well above its CPU time was descheduled.
     */
    public static long[][] timeBatchesWithCpu(Pointer fn, boolean gradient, Memory x, Memory grad, long n, long batch,
                                              int samples) {
        long[] wall = new long[samples];
        long[] cpu = new long[samples];
        if (LIB.ctime_time_batches(fn, gradient ? 1 : 0, x, grad, n, batch, samples, wall, cpu) != 0) {
            throw new IllegalArgumentException("timing loop rejected its arguments");
        }
        return new long[][] {wall, cpu};
    }

    public static double callPrimal(Pointer fn, Memory x, long n) {
        return LIB.ctime_call_primal(fn, x, n);
    }

    public static double callGradient(Pointer fn, Memory x, Memory grad, long n) {
        return LIB.ctime_call_gradient(fn, x, grad, n);
    }

    /** Pins the calling thread to one CPU; false where the OS refuses. */
    public static boolean pinCurrentThread(int cpu) {
        return LIB.ctime_pin_current_thread(cpu) == 0;
    }

    public static long clockResolutionNs() {
        return LIB.ctime_clock_resolution_ns();
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        // Deliberately not dlclose()d: a Rust cdylib may register thread-local destructors that
        // would run after unmapping. The forked JVM exits right after the run anyway.
        handle = null;
    }

    private static String cString(byte[] b) {
        int len = 0;
        while (len < b.length && b[len] != 0) len++;
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }
}
