package dev.ctime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.KernelTiming;
import dev.ctime.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel forks for real: two libraries side by side, forked JVMs through the harness, a kernel that
 * crashes in one library only, and extra forks asked for by the focus. Only structure is asserted,
 * never how long anything took.
 */
class KernelBenchTest {
    @TempDir
    static Path dir;
    static Path good;
    static Path crashing;

    private static Path library(String name, String boom) throws Exception {
        Path src = dir.resolve(name + ".c");
        Files.writeString(src, "#include <stddef.h>\n"
                + "double sumsq(const double *x, size_t n) { double s = 0; for (size_t i = 0; i < n; i++) s += x[i] * x[i]; return s; }\n"
                + "double sumsq_grad(const double *x, double *g, size_t n) { for (size_t i = 0; i < n; i++) g[i] = 2 * x[i];"
                + " return sumsq(x, n); }\n"
                + "double boom(const double *x, size_t n) { " + boom + " }\n");
        Path lib = dir.resolve("lib" + name + ".so");
        Process p = new ProcessBuilder(List.of("gcc", "-O1", "-shared", "-fPIC", "-o", lib.toString(), src.toString())).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc failed");
        return lib;
    }

    @BeforeAll
    static void libraries() throws Exception {
        good = library("good", "return x[0] + (double) n;");
        crashing = library("crashing", "volatile double *p = 0; return *p + x[0] + (double) n;");
    }

    private static final List<Kernel> KERNELS = List.of(new Kernel("sumsq", "sumsq", "sumsq_grad", List.of(16)),
            new Kernel("boom", "boom", null, List.of(16)));

    private static KernelBench bench(int minForks, int maxForks, java.util.function.Function<KernelBench.Outcome, KernelBench.Focus> focus,
                                     List<String> log) {
        ForkPlan template = new ForkPlan(List.of(), KERNELS, 42, 200_000, 5, 20, -1, 1e-4, 0.05, List.of(), List.of(), "", "");
        ForkLauncher launcher = ForkLauncher.ofCurrentJvm(Duration.ofMinutes(2), Duration.ofSeconds(20), 16, null);
        return new KernelBench(launcher, new KernelBench.Settings(template, minForks, maxForks, Duration.ofMinutes(5), 0.02, focus),
                log::add);
    }

    private static KernelTiming timing(KernelBench.Outcome o, String profile, String kernel) {
        return o.timings().get(profile).stream().filter(k -> k.name().equals(kernel)).findFirst().orElseThrow();
    }

    @Test
    void aKernelThatCrashesOneLibraryFailsThereAloneAndEveryOtherFigureIsMeasured() throws Exception {
        List<String> log = new ArrayList<>();
        AtomicInteger heard = new AtomicInteger();
        KernelBench.Outcome o = bench(2, 2, x -> new KernelBench.Focus(Set.of(), 0, "settled"), log)
                .run(List.of(new ForkPlan.Library("a", good.toString()), new ForkPlan.Library("b", crashing.toString())),
                        dir.resolve("run1"), x -> heard.incrementAndGet());

        assertEquals(2, o.forks());
        assertEquals(2, heard.get(), "the outcome is handed on after every fork");
        KernelTiming bBoom = timing(o, "b", "boom");
        assertEquals(Status.FAILED, bBoom.status());
        assertTrue(bBoom.reason().contains("kernel boom (n = 16") && bBoom.reason().contains("of profile b")
                && bBoom.reason().contains("crashed the process"), bBoom.reason());
        for (String[] ok : new String[][] {{"a", "sumsq"}, {"a", "boom"}, {"b", "sumsq"}}) {
            KernelTiming t = timing(o, ok[0], ok[1]);
            assertEquals(Status.OK, t.status(), ok[0] + " " + ok[1] + ": " + t.reason());
            assertEquals(2, t.primalNs().runs(), "one run per fork: " + ok[0] + " " + ok[1]);
        }
        assertTrue(timing(o, "b", "sumsq").gradientCheck().ok(), "the gradient was checked against finite differences");
        // The check is deterministic: the first fork makes it, the second would only repeat it.
        for (int f = 1; f <= 2; f++) {
            for (String line : Files.readAllLines(dir.resolve("run1").resolve("fork-" + f + ".results.jsonl"))) {
                ForkResult r = dev.ctime.store.Json.MAPPER.readValue(line, ForkResult.class);
                if (!r.kernel().equals("sumsq")) continue;
                for (ForkResult.Entry e : r.entries()) {
                    if (f == 1) assertTrue(e.check() != null && e.check().checked() == 16, "fork 1 checks " + e.profile());
                    else assertEquals(null, e.check(), "fork 2 does not check " + e.profile() + " again");
                }
            }
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("restarted without the kernel that ended it")), log.toString());
        assertEquals("no fork beyond ctime.forks: settled", o.extraForks(), "the focus said settled after the minimum");
    }

    @Test
    void theFocusAsksForMoreForksOfTheSizesStillWantedUntilItIsSettled() throws Exception {
        List<String> log = new ArrayList<>();
        AtomicInteger asked = new AtomicInteger();
        KernelBench.Outcome o = bench(1, 4, x -> asked.incrementAndGet() == 1
                        ? new KernelBench.Focus(Set.of(new ForkPlan.Size("sumsq", 16)), Double.NaN, "a test's question")
                        : new KernelBench.Focus(Set.of(), 0, "answered"), log)
                .run(List.of(new ForkPlan.Library("a", good.toString())), dir.resolve("run2"), x -> { });

        assertEquals(2, o.forks());
        assertEquals(2, timing(o, "a", "sumsq").primalNs().runs(), "the wanted size got the extra fork");
        assertEquals(1, timing(o, "a", "boom").primalNs().runs(), "a size no longer wanted is not timed again");
        assertTrue(o.extraForks().startsWith("1 fork beyond ctime.forks for a test's question; stopped: answered"), o.extraForks());
    }

    @Test
    void aKernelSlowForItsFirst20000CallsIsTimedInItsSteadyStateNotItsColdOne() throws Exception {
        // About a microsecond a call for the first 20,000 calls of each process, then a few nanoseconds: the cold phase
        // agrees with itself, so only a warm-up that outlasts it (or drift in the timed batches) can tell.
        Path src = dir.resolve("cold.c");
        Files.writeString(src, "#include <stddef.h>\n"
                + "static long calls = 0;\n"
                + "double cold(const double *x, size_t n) { if (calls++ < 20000) { volatile double s = 0;"
                + " for (int i = 0; i < 1000; i++) s += i; return x[0] + s * 0; } return x[0] + (double) n; }\n");
        Path lib = dir.resolve("libcold.so");
        Process p = new ProcessBuilder(List.of("gcc", "-O1", "-shared", "-fPIC", "-o", lib.toString(), src.toString())).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc failed");
        List<Kernel> cold = List.of(new Kernel("cold", "cold", null, List.of(16)));
        ForkPlan template = new ForkPlan(List.of(), cold, 42, 200_000, 10, 2000, -1, 1e-4, 0.05, List.of(), List.of(), "", "");
        ForkLauncher launcher = ForkLauncher.ofCurrentJvm(Duration.ofMinutes(2), Duration.ofSeconds(30), 16, null);
        List<String> log = new ArrayList<>();
        // Two forks: the second warms up as many calls as the first found it needs (twice that), and stops there.
        KernelBench.Outcome o = new KernelBench(launcher, new KernelBench.Settings(template, 2, 2, Duration.ofMinutes(5), 0.02,
                x -> new KernelBench.Focus(Set.of(), 0, "settled")), log::add)
                .run(List.of(new ForkPlan.Library("a", lib.toString())), dir.resolve("run-cold"), x -> { });
        KernelTiming t = timing(o, "a", "cold");
        assertEquals(Status.OK, t.status(), t.reason());
        // Cold calls run 1000 dependent volatile additions (hundreds of ns at the least); warm ones a handful of
        // instructions. Either the steady state is what was timed, or the figure says it is not steady.
        assertTrue(t.primalNs().median() < 50 || t.unsteady() != null, "timed cold: " + t.primalNs().median() + " ns, " + t);
        assertEquals(null, t.unsteady(), "the warm-up outlasts 20,000 calls: " + t.unsteady());
        assertEquals(2, t.primalNs().runs());
    }

    @Test
    void theDecisionsSizesAreTimedFirstAndTheOthersInForksOfTheirOwnAfterward() throws Exception {
        // Two sizes of sumsq: the decision reads 64 only, so the first forks time 64 and the rest 16, each as often.
        List<Kernel> kernels = List.of(new Kernel("sumsq", "sumsq", "sumsq_grad", List.of(16, 64)));
        ForkPlan template = new ForkPlan(List.of(), kernels, 42, 200_000, 5, 20, -1, 1e-4, 0.05, List.of(), List.of(), "", "");
        ForkLauncher launcher = ForkLauncher.ofCurrentJvm(Duration.ofMinutes(2), Duration.ofSeconds(20), 16, null);
        List<String> log = new ArrayList<>();
        List<Integer> heard = new ArrayList<>();
        KernelBench kb = new KernelBench(launcher, new KernelBench.Settings(template, 2, 2, Duration.ofMinutes(5), 0.02,
                x -> new KernelBench.Focus(Set.of(), 0, "settled")), log::add)
                .firstTiming(Set.of(new ForkPlan.Size("sumsq", 64)));
        assertEquals(Set.of(new ForkPlan.Size("sumsq", 16)), kb.later());
        Path run = dir.resolve("run-first");
        List<ForkPlan.Library> libs = List.of(new ForkPlan.Library("a", good.toString()), new ForkPlan.Library("b", good.toString()));
        KernelBench.Outcome first = kb.run(libs, run, x -> heard.add(x.forks()));

        assertEquals(2, first.forks());
        assertEquals(List.of(64), first.timings().get("a").stream().map(KernelTiming::n).toList(), "only the decision's size so far");
        KernelBench.Outcome all = kb.rest(x -> heard.add(x.forks()));
        assertEquals(4, all.forks(), "as many forks again for the other size");
        assertEquals(List.of(1, 2, 3, 4), heard, "the outcome is handed on after every fork");
        for (String profile : List.of("a", "b")) {
            KernelTiming big = all.timings().get(profile).stream().filter(k -> k.n() == 64).findFirst().orElseThrow();
            KernelTiming small = all.timings().get(profile).stream().filter(k -> k.n() == 16).findFirst().orElseThrow();
            assertEquals(List.of(1, 2), big.primalNs().forks(), profile + "'s n = 64 is from the first forks");
            assertEquals(List.of(3, 4), small.primalNs().forks(), profile + "'s n = 16 is from the forks after");
            assertTrue(small.gradientCheck() != null && small.gradientCheck().ok() && small.gradientCheck().checked() == 16,
                    "the first fork of the rest checks its gradients: " + small.gradientCheck());
            assertTrue(big.gradientCheck() != null && big.gradientCheck().checked() == 64, "and the first fork its own");
        }
        assertTrue(log.stream().anyMatch(l -> l.startsWith("timing kernels, fork 3 (1/2 of the 1 kernel size the decision does not read)")),
                log.toString());
        // An interrupted run's first forks are kept where they timed the decision's sizes; the forks after are not.
        List<List<ForkResult>> kept = KernelBench.kept(run, libs, kernels, java.util.Map.of(),
                Set.of(new ForkPlan.Size("sumsq", 64)));
        assertEquals(2, kept.size(), "the first two forks, and none of the rest");
        assertEquals(0, KernelBench.kept(run, libs, kernels, java.util.Map.of(), null).size(), "a run that times every size first"
                + " keeps none of these");
    }
}
