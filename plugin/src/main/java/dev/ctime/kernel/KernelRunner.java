package dev.ctime.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.ctime.harness.HarnessException;
import dev.ctime.harness.KernelLibrary;
import dev.ctime.stats.Statistics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Main class of the forked JVM that times one profile's kernels: a crashing kernel takes only
 * this process down. The timing loops run in C (ctimeharness); this class only plans batches,
 * checks gradients and writes the raw samples.
 *
 * <p>usage: KernelRunner PLAN.json RESULT.json
 */
public final class KernelRunner {
    /** Warm-up stops when two consecutive rounds' medians differ by less than this. */
    static final double SETTLED = 0.02;
    static final int WARMUP_ROUND = 5;
    private static final long MAX_BATCH = 1L << 40;

    private KernelRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KernelRunner PLAN.json RESULT.json");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        RunPlan plan = json.readValue(Path.of(args[0]).toFile(), RunPlan.class);
        ForkResult result = run(plan);
        json.writeValue(Path.of(args[1]).toFile(), result);
    }

    public static ForkResult run(RunPlan plan) throws HarnessException {
        boolean pinned = plan.pinCpu() >= 0 && KernelLibrary.pinCurrentThread(plan.pinCpu());
        List<double[]> overhead = new ArrayList<>();
        List<ForkResult.Entry> entries = new ArrayList<>();
        try (KernelLibrary lib = KernelLibrary.open(Path.of(plan.library()))) {
            for (Kernel k : plan.kernels()) {
                Pointer primal;
                Pointer gradient = null;
                try {
                    primal = lib.symbol(k.primal());
                    if (k.gradient() != null) gradient = lib.symbol(k.gradient());
                } catch (HarnessException e) {
                    for (int n : k.sizes()) {
                        entries.add(new ForkResult.Entry(k.name(), n, e.getMessage(), 0, null, 0, null, Double.NaN, null, 0));
                    }
                    continue;
                }
                for (int n : k.sizes()) {
                    overhead.add(timeEmpty(plan, n));
                    entries.add(measure(plan, k, primal, gradient, n));
                }
            }
        }
        return new ForkResult(overhead, pinned, KernelLibrary.clockResolutionNs(), entries);
    }

    private static double[] timeEmpty(RunPlan plan, int n) {
        Memory x = new Memory(Math.max(1, n) * 8L);
        x.clear();
        Pointer empty = KernelLibrary.emptyKernel();
        long batch = KernelLibrary.calibrate(empty, false, x, null, n, plan.minSampleNs(), MAX_BATCH);
        return perCall(KernelLibrary.timeBatches(empty, false, x, null, n, batch, plan.samples()), batch);
    }

    /** Offset of the gradient buffer from the input, modulo 4 KiB: as far as can be from 4K aliasing. */
    static final long GRAD_OFFSET_MOD_PAGE = 2048;
    static final long PAGE = 4096;

    /**
     * The input and gradient buffers at a fixed layout, so that every profile, fork and run sees
     * the same one: x page-aligned, grad after it at 2 KiB past a page boundary. Where malloc
     * happens to put two buffers otherwise varies, and a store to grad[i] that aliases a load of
     * x[j] in the low 12 address bits costs some kernels 20% and more.
     */
    static Memory[] buffers(int n) {
        long bytes = Math.max(1, n) * 8L;
        long span = (bytes + PAGE - 1) / PAGE * PAGE;
        Memory block = new Memory(PAGE + span + GRAD_OFFSET_MOD_PAGE + bytes);
        long base = Pointer.nativeValue(block);
        long xOff = (PAGE - base % PAGE) % PAGE;
        Memory x = (Memory) block.share(xOff, bytes);
        Memory g = (Memory) block.share(xOff + span + GRAD_OFFSET_MOD_PAGE, bytes);
        HOLD.add(block);
        return new Memory[] {x, g};
    }

    /** Keeps each block reachable while its shared views are in use (JNA frees on finalisation). */
    private static final List<Memory> HOLD = new ArrayList<>();

    private static ForkResult.Entry measure(RunPlan plan, Kernel k, Pointer primal, Pointer gradient, int n) {
        double[] xs = Inputs.generate(plan.seed(), n);
        Memory[] buf = buffers(n);
        Memory x = buf[0];
        x.write(0, xs, 0, n);
        Memory g = buf[1];
        double fx = KernelLibrary.callPrimal(primal, x, n);
        GradientCheck check = null;
        if (gradient != null) check = checkGradient(plan, primal, gradient, xs, fx, x, g);
        long warmupMs = warmUp(plan, primal, false, x, g, n);
        long pb = KernelLibrary.calibrate(primal, false, x, null, n, plan.minSampleNs(), MAX_BATCH);
        double[] p = perCall(KernelLibrary.timeBatches(primal, false, x, null, n, pb, plan.samples()), pb);
        long gb = 0;
        double[] d = null;
        if (gradient != null) {
            warmupMs += warmUp(plan, gradient, true, x, g, n);
            gb = KernelLibrary.calibrate(gradient, true, x, g, n, plan.minSampleNs(), MAX_BATCH);
            d = perCall(KernelLibrary.timeBatches(gradient, true, x, g, n, gb, plan.samples()), gb);
        }
        return new ForkResult.Entry(k.name(), n, null, pb, p, gb, d, fx, check, warmupMs);
    }

    /** The gradient buffer is filled with NaN first: the ABI says the kernel overwrites it. */
    private static GradientCheck checkGradient(RunPlan plan, Pointer primal, Pointer gradient, double[] xs, double fx,
                                               Memory x, Memory g) {
        int n = xs.length;
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        g.write(0, nan, 0, n);
        double fg = KernelLibrary.callGradient(gradient, x, g, n);
        double[] grad = new double[n];
        g.read(0, grad, 0, n);
        Memory probe = new Memory(Math.max(1, n) * 8L);
        GradientCheck c = FiniteDifferences.check(v -> {
            probe.write(0, v, 0, n);
            return KernelLibrary.callPrimal(primal, probe, n);
        }, xs, fx, grad, plan.gradientTolerance());
        if (c.problem() == null && !(Math.abs(fg - fx) <= 1e-9 * Math.max(1, Math.abs(fx)))) {
            return new GradientCheck(false, c.maxRelError(), c.worstIndex(), c.checked(), c.tolerance(),
                    "the gradient function returned f = " + fg + " but the primal returns " + fx
                            + ": the ABI requires the gradient function to return f(x)");
        }
        return c;
    }

    /** Rounds of a few short samples until two successive medians agree, or the time bound; returns ms spent. */
    private static long warmUp(RunPlan plan, Pointer fn, boolean isGradient, Memory x, Memory g, int n) {
        long start = System.nanoTime();
        long end = start + plan.warmupMaxMs() * 1_000_000;
        long batch = KernelLibrary.calibrate(fn, isGradient, x, isGradient ? g : null, n, plan.minSampleNs() / 4, MAX_BATCH);
        double prev = Double.NaN;
        while (System.nanoTime() < end) {
            double m = Statistics.median(perCall(
                    KernelLibrary.timeBatches(fn, isGradient, x, isGradient ? g : null, n, batch, WARMUP_ROUND), batch));
            if (!Double.isNaN(prev) && Math.abs(m - prev) <= SETTLED * prev) break;
            prev = m;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    static double[] perCall(long[] batchNs, long batch) {
        double[] d = new double[batchNs.length];
        for (int i = 0; i < d.length; i++) d[i] = (double) batchNs[i] / batch;
        return d;
    }
}
