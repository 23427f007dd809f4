package dev.ctime.kernel;

import com.sun.jna.FunctionMapper;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.ctime.harness.Descheduled;
import dev.ctime.harness.HarnessException;
import dev.ctime.harness.JniCalls;
import dev.ctime.model.Binding;
import dev.ctime.model.Placement;
import dev.ctime.model.Workload;
import dev.ctime.stats.Statistics;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inside a fork: times one library's kernel function as a Java application calls it, through every binding, with its
 * data off-heap and in a Java array, right after the C loop timed the same function. Each binding's loop is Java code
 * calling once per iteration (as the application does); batches of the bindings alternate in a new order every round,
 * as the libraries' do in the C loop, and a batch that was descheduled is left out by the same rule.
 */
final class CallerBench {
    /**
     * A critical downcall holds the garbage collector off for the whole call, so the JDK offers it for short calls only;
     * ctime times it where the C loop found the function under this long.
     */
    static final double CRITICAL_MAX_NS = 100_000;
    /**
     * A loop is warmed up for this many calls, or this long, whichever comes first: C2 compiles a hot loop after some
     * 60,000 iterations, and loops timed before that read 5 to 10% above JMH's figures for calls under a microsecond
     * (the FFM calls up to twice them; a JIT made to compile sooner, with -XX:CompileThresholdScaling, did the same).
     */
    static final long WARM_CALLS = 60_000;
    static final long WARM_MAX_NS = 15_000_000;
    /**
     * A call this long is warm enough after {@link #SLOW_WARM_NS}: what an uncompiled loop adds to it (tens of ns) is
     * well within the noise of the binding's share of such a call.
     */
    static final double SLOW_CALL_NS = 2_000;
    static final long SLOW_WARM_NS = 3_000_000;
    /** A warm-up batch lasts about this long at most. */
    private static final long WARM_BATCH_NS = 500_000;
    /**
     * Rounds of batches per fork, at most: a fork's figure is the median of its batches and the forks give the interval,
     * so more rounds than this only lengthen every fork.
     */
    static final int ROUNDS = 6;

    /** One binding's loop: {@code calls} calls, the sum of what they returned. */
    @FunctionalInterface
    interface Loop {
        double run(long calls) throws Exception;
    }

    /** A binding and data placement of one function, with its loop or why it has none. */
    record Variant(Binding binding, Placement data, Loop loop, String missing) {
    }

    /** dlopen's RTLD_NOW (2) without RTLD_GLOBAL. */
    private static final int RTLD_NOW_LOCAL = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ForkPlan plan;

    CallerBench(ForkPlan plan) {
        this.plan = plan;
    }

    /**
     * The variants of one function of one kernel size in one library.
     *
     * @param fn       the function's address
     * @param kernelNs its C-loop median in this fork
     * @param ffm      the FFM calls, or null with {@code noFfm} saying why
     * @param slot     this function's FFM slot without its critical bit
     */
    List<Variant> variants(Path library, Kernel k, boolean gradient, Pointer fn, Memory x, Memory g, double[] xa,
                           double[] ga, int n, double kernelNs, FfmCalls ffm, String noFfm, int slot) {
        List<Variant> out = new ArrayList<>();
        String symbol = gradient ? k.gradient() : k.primal();
        FunctionMapper mapper = (lib, m) -> m.getName().startsWith("gradient") ? k.gradient() : k.primal();
        // Opened local, as ctime's harness opened it: the profiles' libraries export the same names, and a library made
        // global would lend its symbols to the next one's lazy bindings.
        Map<String, Object> options = Map.of(Library.OPTION_FUNCTION_MAPPER, mapper, Library.OPTION_OPEN_FLAGS, RTLD_NOW_LOCAL);
        // Each loop is written out rather than shared through a callback: a shared loop's call site would see every
        // binding and turn megamorphic, a cost no application's own loop pays.
        // JNA interface mapping, as an application declares it.
        try {
            JnaCalls jna = Native.load(library.toString(), JnaCalls.class, options);
            out.add(new Variant(Binding.JNA, Placement.OFF_HEAP, gradient ? c -> {
                double acc = 0;
                for (long i = 0; i < c; i++) acc += jna.gradient(x, g, n);
                return acc;
            } : c -> {
                double acc = 0;
                for (long i = 0; i < c; i++) acc += jna.primal(x, n);
                return acc;
            }, null));
            out.add(new Variant(Binding.JNA, Placement.ARRAY, gradient ? c -> {
                double acc = 0;
                for (long i = 0; i < c; i++) acc += jna.gradientArray(xa, ga, n);
                return acc;
            } : c -> {
                double acc = 0;
                for (long i = 0; i < c; i++) acc += jna.primalArray(xa, n);
                return acc;
            }, null));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            missing(out, Binding.JNA, "JNA could not bind " + symbol + ": " + e.getMessage());
        }
        // JNA direct mapping: a class of its own per library and kernel, registered with the library.
        try {
            Class<?> direct = isolated(gradient ? DirectGradient.class : DirectPrimal.class);
            Native.register(direct, NativeLibrary.getInstance(library.toString(), options));
            Method off = direct.getMethod("off", Pointer.class, Pointer.class, double[].class, double[].class, long.class, long.class);
            Method arr = direct.getMethod("arr", Pointer.class, Pointer.class, double[].class, double[].class, long.class, long.class);
            out.add(new Variant(Binding.JNA_DIRECT, Placement.OFF_HEAP, c -> (double) invoke(off, x, g, xa, ga, (long) n, c), null));
            out.add(new Variant(Binding.JNA_DIRECT, Placement.ARRAY, c -> (double) invoke(arr, x, g, xa, ga, (long) n, c), null));
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            missing(out, Binding.JNA_DIRECT, "JNA direct mapping could not bind " + symbol + ": " + e.getMessage());
        }
        try {
            JniCalls.load();
            long f = Pointer.nativeValue(fn);
            long xp = Pointer.nativeValue(x);
            long gp = Pointer.nativeValue(g);
            out.add(new Variant(Binding.JNI, Placement.OFF_HEAP, gradient ? c -> {
                double acc = 0;
                for (long i = 0; i < c; i++) acc += JniCalls.gradient(f, xp, gp, n);
                return acc;
            } : c -> {
                double acc = 0;
                for (long i = 0; i < c; i++) acc += JniCalls.primal(f, xp, n);
                return acc;
            }, null));
            out.add(new Variant(Binding.JNI, Placement.ARRAY, gradient ? c -> {
                double acc = 0;
                for (long i = 0; i < c; i++) acc += JniCalls.gradientArray(f, xa, ga, n);
                return acc;
            } : c -> {
                double acc = 0;
                for (long i = 0; i < c; i++) acc += JniCalls.primalArray(f, xa, n);
                return acc;
            }, null));
        } catch (HarnessException e) {
            missing(out, Binding.JNI, e.getMessage());
        }
        for (boolean critical : new boolean[] {false, true}) {
            Binding b = critical ? Binding.FFM_CRITICAL : Binding.FFM;
            if (critical && !(kernelNs < CRITICAL_MAX_NS)) {
                missing(out, b, String.format(java.util.Locale.ROOT, "a critical call holds the garbage collector off for"
                        + " its whole length, for short calls only: this one took %.0f µs in the C loop, ctime times it under"
                        + " %.0f µs", kernelNs / 1000, CRITICAL_MAX_NS / 1000));
                continue;
            }
            if (ffm == null) {
                missing(out, b, noFfm);
                continue;
            }
            try {
                int s = slot + (critical ? 1 : 0);
                ffm.target(s, Pointer.nativeValue(fn));
                Object xs = ffm.segment(Pointer.nativeValue(x), Math.max(1, n) * 8L);
                Object gs = ffm.segment(Pointer.nativeValue(g), Math.max(1, n) * 8L);
                Method off = ffm.loop(s, false);
                Method arr = ffm.loop(s, true);
                out.add(new Variant(b, Placement.OFF_HEAP, c -> (double) invoke(off, xs, gs, xa, ga, (long) n, c), null));
                out.add(new Variant(b, Placement.ARRAY, c -> (double) invoke(arr, xs, gs, xa, ga, (long) n, c), null));
            } catch (ReflectiveOperationException | RuntimeException e) {
                missing(out, b, "FFM could not bind " + symbol + ": " + e);
            }
        }
        return out;
    }

    private static void missing(List<Variant> out, Binding b, String why) {
        for (Placement p : Placement.values()) out.add(new Variant(b, p, null, why));
    }

    private static Object invoke(Method m, Object... args) throws Exception {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }

    /** The class defined anew by a loader of its own, so that it can register with one more library. */
    static Class<?> isolated(Class<?> c) throws IOException, ClassNotFoundException {
        String resource = c.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException(resource + " is not on the fork's classpath");
            bytes = in.readAllBytes();
        }
        ClassLoader loader = new ClassLoader(c.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(c.getName())) return super.loadClass(name, resolve);
                synchronized (getClassLoadingLock(name)) {
                    Class<?> done = findLoadedClass(name);
                    return done != null ? done : defineClass(name, bytes, 0, bytes.length);
                }
            }
        };
        return loader.loadClass(c.getName());
    }

    /**
     * Warms every variant up, calibrates its batch to ctime.minSampleMs, then times {@link #ROUNDS} rounds of one
     * batch each, in a new order every round.
     *
     * @param progress told before each variant runs, so that a crash names the kernel
     */
    List<ForkResult.Call> time(String profile, String function, List<Variant> variants, double kernelNs, long seed,
                               Progress progress) throws IOException {
        List<ForkResult.Call> out = new ArrayList<>();
        List<Variant> live = variants.stream().filter(v -> v.loop() != null).toList();
        Map<Variant, Long> batches = new java.util.HashMap<>();
        Map<Variant, List<Double>> clean = new java.util.HashMap<>();
        Map<Variant, List<Double>> desched = new java.util.HashMap<>();
        List<Variant> timed = new ArrayList<>();
        for (Variant v : live) {
            progress.tell(function + " calls " + v.binding().id() + " " + v.data().id());
            try {
                warm(v.loop());
                batches.put(v, calibrate(v.loop()));
                timed.add(v);
                clean.put(v, new ArrayList<>());
                desched.put(v, new ArrayList<>());
            } catch (Exception e) {
                out.add(untimed(profile, function, v, kernelNs, v.binding().label() + " failed: " + e));
            }
        }
        Map<Variant, String> failed = new java.util.HashMap<>();
        List<List<Variant>> rounds = KernelRunner.rounds(timed, Math.min(ROUNDS, plan.samples()), seed);
        for (int r = 0; r < rounds.size(); r++) {
            // A line a round: at large sizes (an array copied in and out at every call) a round of every binding takes
            // seconds, and the time limit is a kernel's, step by step.
            progress.tell(function + " calls, timed, round " + (r + 1) + " of " + rounds.size());
            for (Variant v : rounds.get(r)) {
                if (failed.containsKey(v)) continue;
                long b = batches.get(v);
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                try {
                    v.loop().run(b);
                } catch (Exception e) {
                    // One binding's failure is its own: the others, and the kernel's figures, go on.
                    failed.put(v, v.binding().label() + " failed: " + e);
                    continue;
                }
                long wall = System.nanoTime() - t0;
                long cpu = THREADS.getCurrentThreadCpuTime() - c0;
                boolean d = Descheduled.flags(new long[] {wall}, new long[] {cpu}, plan.deschedThreshold())[0];
                (d ? desched : clean).get(v).add((double) wall / b);
            }
        }
        for (Variant v : variants) {
            if (v.loop() == null) {
                out.add(untimed(profile, function, v, kernelNs, v.missing()));
            } else if (failed.containsKey(v)) {
                out.add(untimed(profile, function, v, kernelNs, failed.get(v)));
            } else if (timed.contains(v)) {
                out.add(new ForkResult.Call(profile, function, v.binding().id(), v.data().id(),
                        KernelRunner.kept(clean.get(v), desched.get(v)), kernelNs, null));
            }
        }
        return out;
    }

    private static ForkResult.Call untimed(String profile, String function, Variant v, double kernelNs, String why) {
        return new ForkResult.Call(profile, function, v.binding().id(), v.data().id(), null, kernelNs, why);
    }

    /** Where a fork says what it is about to run. */
    @FunctionalInterface
    interface Progress {
        void tell(String phase) throws IOException;
    }

    private static void warm(Loop loop) throws Exception {
        long start = System.nanoTime();
        long calls = 0;
        for (long batch = 1; ; ) {
            long t0 = System.nanoTime();
            loop.run(batch);
            long now = System.nanoTime();
            calls += batch;
            double perCall = (double) (now - t0) / batch;
            long spent = now - start;
            if (calls >= WARM_CALLS || spent >= WARM_MAX_NS || perCall >= SLOW_CALL_NS && spent >= SLOW_WARM_NS) {
                return;
            }
            batch = Math.max(1, Math.min(batch * 2, (long) (WARM_BATCH_NS / Math.max(perCall, 1))));
        }
    }

    /** The smallest batch, doubling, that lasts ctime.minSampleMs, as the C loop's batches do. */
    private long calibrate(Loop loop) throws Exception {
        for (long batch = 1; ; batch *= 2) {
            long t0 = System.nanoTime();
            loop.run(batch);
            long t = System.nanoTime() - t0;
            if (t >= plan.minSampleNs() || batch >= 1L << 40) return batch;
            if (t > 1000 && t * 2 < plan.minSampleNs()) batch = Math.max(batch, batch * (plan.minSampleNs() / t) / 2);
        }
    }

    /** The C loop's median of a function in this fork: what the calls are compared with. */
    static double median(double[] ns) {
        return ns == null || ns.length == 0 ? Double.NaN : Statistics.median(ns);
    }

    /** Primal or gradient, as the workload names functions. */
    static String function(boolean gradient) {
        return gradient ? Workload.GRADIENT : Workload.PRIMAL;
    }
}
