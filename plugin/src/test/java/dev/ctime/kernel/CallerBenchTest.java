package dev.ctime.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.ctime.harness.KernelLibrary;
import dev.ctime.model.Binding;
import dev.ctime.model.CallerCost;
import dev.ctime.model.Placement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bindings call the kernel for real: each loop, run in this JVM, returns what the kernel returns and fills the
 * gradient where the application's data is; and a real fork times every binding beside the C loop, FFM where a JDK
 * 22 or newer is installed. Only what was called and recorded is asserted, never how long it took.
 */
class CallerBenchTest {
    @TempDir
    static Path dir;
    static Path lib;

    @BeforeAll
    static void library() throws Exception {
        Path src = dir.resolve("k.c");
        // f(x) = sum (i + 1) x_i^2: a wrong index, length or buffer shows in f and in the gradient.
        Files.writeString(src, "#include <stddef.h>\n"
                + "double wsq(const double *x, size_t n) { double s = 0; for (size_t i = 0; i < n; i++) s += (i + 1) * x[i] * x[i]; return s; }\n"
                + "double wsq_grad(const double *x, double *g, size_t n) { for (size_t i = 0; i < n; i++) g[i] = 2 * (i + 1) * x[i];"
                + " return wsq(x, n); }\n");
        lib = dir.resolve("libk.so");
        Process p = new ProcessBuilder(List.of("gcc", "-O1", "-shared", "-fPIC", "-o", lib.toString(), src.toString())).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc failed");
    }

    private static final Kernel K = new Kernel("wsq", "wsq", "wsq_grad", List.of(5));
    private static final ForkPlan PLAN = new ForkPlan(List.of(), List.of(K), 1, 100_000, 3, 10, -1, 1e-6, 0.05, List.of(), List.of(), "", "");

    @Test
    void everyJava17BindingCallsTheKernelWithTheApplicationsDataAndFillsItsGradient() throws Exception {
        double[] xs = {1, -2, 3, 0.5, -1};
        double f = 1 + 2 * 4 + 3 * 9 + 4 * 0.25 + 5;
        double[] grad = {2, -8, 18, 4, -10};
        try (KernelLibrary k = KernelLibrary.open(lib)) {
            for (boolean gradient : new boolean[] {false, true}) {
                Pointer fn = k.symbol(gradient ? K.gradient() : K.primal());
                Memory x = new Memory(5 * 8);
                x.write(0, xs, 0, 5);
                Memory g = new Memory(5 * 8);
                double[] xa = xs.clone();
                double[] ga = new double[5];
                List<CallerBench.Variant> vs = new CallerBench(PLAN).variants(lib, K, gradient, fn, x, g, xa, ga, 5, 100, null,
                        "no FFM in this test", 0);
                assertEquals(Binding.values().length * Placement.values().length, vs.size(), "every binding, both placements");
                for (CallerBench.Variant v : vs) {
                    String what = v.binding() + " " + v.data() + (gradient ? " gradient" : " primal");
                    if (v.binding().foreign()) {
                        assertNull(v.loop(), what);
                        assertEquals("no FFM in this test", v.missing(), what);
                        continue;
                    }
                    assertNotNull(v.loop(), what + ": " + v.missing());
                    g.clear(5 * 8);
                    java.util.Arrays.fill(ga, 0);
                    assertEquals(3 * f, v.loop().run(3), 1e-9, what + ": three calls, each returning f(x)");
                    if (gradient) {
                        double[] out = new double[5];
                        g.read(0, out, 0, 5);
                        assertArrayEquals(grad, v.data() == Placement.ARRAY ? ga : out, 1e-12, what + ": the gradient lands in the caller's data");
                    }
                }
            }
        }
    }

    @Test
    void aCriticalCallIsTimedForShortKernelsOnlyAndSaysWhy() throws Exception {
        try (KernelLibrary k = KernelLibrary.open(lib)) {
            List<CallerBench.Variant> vs = new CallerBench(PLAN).variants(lib, K, false, k.symbol("wsq"), new Memory(40), new Memory(40),
                    new double[5], new double[5], 5, CallerBench.CRITICAL_MAX_NS * 2, null, null, 0);
            CallerBench.Variant critical = vs.stream().filter(v -> v.binding() == Binding.FFM_CRITICAL).findFirst().orElseThrow();
            assertNull(critical.loop());
            assertTrue(critical.missing().contains("holds the garbage collector off") && critical.missing().contains("200 µs"),
                    critical.missing());
        }
    }

    @Test
    void aBindingThatFailsWhileTimedIsNamedAndTheOthersAreTimed() throws Exception {
        java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
        CallerBench.Loop works = c -> {
            double acc = 0;
            for (long i = 0; i < c; i++) acc += Math.sqrt(i);
            return acc;
        };
        // Fine through its warm-up and calibration, then it throws once the timed rounds have begun.
        java.util.concurrent.atomic.AtomicBoolean timing = new java.util.concurrent.atomic.AtomicBoolean();
        CallerBench.Loop breaks = c -> {
            if (timing.get() && calls.incrementAndGet() == 2) throw new IllegalStateException("conversion failed");
            return works.run(c);
        };
        List<CallerBench.Variant> vs = List.of(new CallerBench.Variant(Binding.JNI, Placement.OFF_HEAP, works, null),
                new CallerBench.Variant(Binding.JNA, Placement.OFF_HEAP, breaks, null),
                new CallerBench.Variant(Binding.FFM, Placement.OFF_HEAP, null, "no JDK 22"));
        List<ForkResult.Call> out = new CallerBench(PLAN).time("a", "primal", vs, 10, 1, phase -> timing.set(phase.contains("calls, timed")));
        ForkResult.Call jni = out.stream().filter(c -> c.binding().equals("jni")).findFirst().orElseThrow();
        ForkResult.Call jna = out.stream().filter(c -> c.binding().equals("jna")).findFirst().orElseThrow();
        ForkResult.Call ffm = out.stream().filter(c -> c.binding().equals("ffm")).findFirst().orElseThrow();
        assertEquals(Math.min(CallerBench.ROUNDS, PLAN.samples()), jni.ns().length, "every round of the binding that works");
        assertNull(jna.ns());
        assertTrue(jna.missing().startsWith("JNA failed: ") && jna.missing().contains("conversion failed"), jna.missing());
        assertEquals("no JDK 22", ffm.missing());
        assertEquals(10, jni.kernelNs(), "the C loop's figure it is compared with");
    }

    /** A real fork on {@code jdk} (null: this one) that calls the library from Java; its pooled calls. */
    private static List<CallerCost> fork(Path jdk, String label) throws Exception {
        ForkPlan plan = PLAN.withCallers("a");
        KernelBench bench = new KernelBench(ForkLauncher.ofJdk(jdk, Duration.ofMinutes(3), Duration.ofSeconds(60), 16, null),
                new KernelBench.Settings(plan, 1, 1, Duration.ofMinutes(5), 0.02, o -> new KernelBench.Focus(java.util.Set.of(), 0, "done")),
                s -> { });
        KernelBench.Outcome o = bench.run(List.of(new ForkPlan.Library("a", lib.toString()), new ForkPlan.Library("b", lib.toString())),
                dir.resolve(label), x -> { });
        return o.callers();
    }

    @Test
    void aForkOnThisJdkTimesEveryBindingButFfmAndSaysWhyFfmIsMissing() throws Exception {
        assumeTrue(Runtime.version().feature() < Binding.FIRST_FFM_JDK, "this JVM has FFM");
        List<CallerCost> calls = fork(null, "java17");
        assertEquals(2 * Binding.values().length * Placement.values().length, calls.size(), "primal and gradient, every binding");
        for (CallerCost c : calls) {
            assertEquals("a", c.profile(), "the calls go through the library asked for");
            if (c.binding().foreign()) {
                assertNull(c.callNs());
                assertTrue(c.missing().contains("needs 22 or newer") && c.missing().contains("ctime.jdk"), c.missing());
            } else {
                assertNull(c.missing(), c.missing());
                assertEquals(1, c.callNs().runs(), "one run per fork: " + c);
                assertTrue(c.callNs().median() > 0 && c.bindingNs() != null, c.toString());
            }
        }
    }

    @Test
    void aForkOnAJdkWithFfmTimesItToo() throws Exception {
        Path jdk = Runtime.version().feature() >= Binding.FIRST_FFM_JDK ? null : ForkJdk.beside(Path.of(System.getProperty("java.home")));
        assumeTrue(jdk != null || Runtime.version().feature() >= Binding.FIRST_FFM_JDK, "no JDK 22 or newer on this machine");
        List<CallerCost> calls = fork(jdk, "ffm");
        for (CallerCost c : calls) {
            assertNull(c.missing(), c.binding() + " " + c.data() + ": " + c.missing());
            assertTrue(c.callNs().median() > 0, c.toString());
        }
        assertTrue(calls.stream().anyMatch(c -> c.binding() == Binding.FFM_CRITICAL && c.data() == Placement.ARRAY));
    }
}
