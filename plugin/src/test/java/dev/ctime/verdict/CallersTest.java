package dev.ctime.verdict;

import dev.ctime.ReportBuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.Binding;
import dev.ctime.model.Caller;
import dev.ctime.model.CallerCost;
import dev.ctime.model.Decision;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.Placement;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;
import dev.ctime.model.Summary;
import dev.ctime.model.Thresholds;
import dev.ctime.model.Workload;
import dev.ctime.stats.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the application calls its kernels: written, checked, weighed in the decision, and advised on. */
class CallersTest {
    @Test
    void aCallerIsABindingAndWhereTheDataIsOffHeapUnlessSaid() {
        assertEquals(new Caller(Binding.JNA, Placement.OFF_HEAP), Caller.parse("jna"));
        assertEquals(new Caller(Binding.FFM_CRITICAL, Placement.ARRAY), Caller.parse(" FFM-Critical:array "));
        assertEquals(new Caller(Binding.JNA_DIRECT, Placement.OFF_HEAP), Caller.parse("jna-direct:off-heap"));
        for (String bad : List.of("jnaa", "jna:heap", "jna:array:x", "", ":array")) assertNull(Caller.parse(bad), bad);
        assertEquals("ffm:array", Caller.parse("ffm:array").toString(), "written as it is read");
        assertEquals("jna", Caller.parse("jna:off-heap").toString());
        assertEquals("JNI from a Java array", Caller.parse("jni:array").label());
    }

    @Test
    void aWorkloadItemNamesItsBindingAndAWrongOneIsNamedWithTheChoices() {
        List<String> problems = new ArrayList<>();
        Workload w = Workloads.parse("heat@64:gradient=1e6/jna:array, heat@64:primal=2e6, x@8=1/jnx", problems);
        assertEquals(new Caller(Binding.JNA, Placement.ARRAY), w.items().get(0).caller());
        assertNull(w.items().get(1).caller());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'jnx' is not one of jna, jna-direct, jni, ffm, ffm-critical")
                && problems.get(0).contains(":array"), problems.get(0));

        problems.clear();
        Workload items = Workloads.fromItems(List.of(Map.of("kernel", "heat", "n", "64", "calls", "5", "binding", "ffm")), problems);
        assertEquals(List.of(), problems);
        assertEquals(Binding.FFM, items.items().get(0).caller().binding());

        Workload through = Workloads.calledThrough(w, Caller.parse("jni"));
        assertEquals(Binding.JNA, through.items().get(0).caller().binding(), "an item's own binding stays");
        assertEquals(Binding.JNI, through.items().get(1).caller().binding(), "the others take ctime.binding");
    }

    private static Summary runs(double... values) {
        return Statistics.summarize(values);
    }

    private static CallerCost cost(String kernel, String function, Binding b, Placement p, Summary share, String missing) {
        return new CallerCost(kernel, 64, function, b, p, share == null ? null : share.plus(1000), share, "release", missing);
    }

    @Test
    void eachItemTakesItsBindingsShareAndOneWithoutAFigureSaysWhy() {
        Workload w = new Workload(List.of(new Workload.Item("heat", 64, Workload.GRADIENT, 1e6, Caller.parse("jna"), null),
                new Workload.Item("heat", 64, Workload.PRIMAL, 1e6, Caller.parse("ffm"), null),
                new Workload.Item("sq", 64, Workload.PRIMAL, 1e6)), false);
        List<CallerCost> callers = List.of(cost("heat", Workload.GRADIENT, Binding.JNA, Placement.OFF_HEAP, runs(400, 410, 420), null),
                cost("heat", Workload.GRADIENT, Binding.JNA, Placement.ARRAY, runs(900, 910, 920), null),
                cost("heat", Workload.PRIMAL, Binding.FFM, Placement.OFF_HEAP, null, "the forks run on JDK 17"));
        List<String> missing = new ArrayList<>();
        Workload out = Workloads.withBindingCosts(w, callers, missing);
        assertEquals(410.0, out.items().get(0).bindingNs(), "the off-heap JNA figure, not the array one");
        assertNull(out.items().get(1).bindingNs());
        assertNull(out.items().get(2).bindingNs());
        assertEquals(List.of("heat primal (n = 64) is called through FFM, which was not timed: the forks run on JDK 17; its run"
                + " cost is the kernel's alone"), missing);
    }

    private static KernelTiming kernel(Summary s) {
        return new KernelTiming("heat", 64, Status.OK, null, s, null, s, null, 1.0, null, 1, 1, 1.0, 0, null, null, null, null, null);
    }

    private static ProfileResult profile(String name, double buildMs, double runNs) {
        Summary b = runs(buildMs, buildMs * 1.01, buildMs * 0.99, buildMs * 1.02, buildMs * 0.98, buildMs * 1.005, buildMs * 0.995);
        Summary r = runs(runNs, runNs * 1.01, runNs * 0.99, runNs * 1.02, runNs * 0.98, runNs * 1.005, runNs * 0.995);
        return new ProfileResult(name, Status.OK, null, Map.of(), null, "stable", Map.of("clean",
                new ScenarioFigures(b, b, b, b, null, null)), null, null, null, null, List.of(kernel(r)), null, null);
    }

    /** Seven forks' shares around {@code ns}: an interval at 95% or more. */
    private static Summary seven(double ns) {
        return runs(ns, ns * 1.02, ns * 0.98, ns * 1.01, ns * 0.99, ns * 1.03, ns * 0.97);
    }

    private static Report report(List<ProfileResult> ps, Workload w, List<CallerCost> callers) {
        Workload priced = Workloads.withBindingCosts(w, callers, new ArrayList<>());
        Decision d = Decider.decide(ps, priced, "clean", "release", Thresholds.DEFAULT);
        return ReportBuilder.report(ps).createdAt("t").reference("release").decision(d).callers(callers).build();
    }

    @Test
    void theDecisionWeighsTheCallAsTheApplicationMakesItAndTheVerdictSplitsIt() {
        List<ProfileResult> ps = List.of(profile("release", 1000, 2000), profile("fat", 1100, 1990));
        Workload w = new Workload(List.of(new Workload.Item("heat", 64, Workload.GRADIENT, 1e6, Caller.parse("jna"), null)), false);
        Report r = report(ps, w, List.of(cost("heat", Workload.GRADIENT, Binding.JNA, Placement.OFF_HEAP, seven(500), null)));
        Decision.ItemShare s = r.decision().byKernel().get(0);
        assertEquals(2000 + 500, s.nsPerCall(), 1e-9, "kernel plus binding, in " + r.decision().recommended());
        assertEquals(List.of("your call to heat gradient (n = 64) in release: 2.50 µs = 500.0 ns JNA + 2.00 µs kernel"),
                CallAdvice.calls(r.decision(), r.callers()));
    }

    @Test
    void aShareBelowZeroIsNoiseAndCountsAsNothing() {
        List<ProfileResult> ps = List.of(profile("release", 1000, 30000));
        Workload w = new Workload(List.of(new Workload.Item("heat", 64, Workload.GRADIENT, 1e6, Caller.parse("jna"), null)), false);
        Report r = report(ps, w, List.of(cost("heat", Workload.GRADIENT, Binding.JNA, Placement.OFF_HEAP,
                runs(-80, -300, 150, -20, 60, -120, -90), null)));
        assertEquals(0.0, r.decision().workload().items().get(0).bindingNs(), "no binding makes a call faster than its kernel");
        assertEquals(List.of("your call to heat gradient (n = 64) in release: 30.00 µs = 0.0 ns JNA + 30.00 µs kernel (measured"
                + " -80.0 ns: within the noise of the kernel's here)"), CallAdvice.calls(r.decision(), r.callers()));
    }

    @Test
    void aPositiveShareWhoseIntervalReachesZeroIsNoiseTooButCounts() {
        List<ProfileResult> ps = List.of(profile("release", 1000, 30000));
        Workload w = new Workload(List.of(new Workload.Item("heat", 64, Workload.GRADIENT, 1e6, Caller.parse("jna"), null)), false);
        Report r = report(ps, w, List.of(cost("heat", Workload.GRADIENT, Binding.JNA, Placement.OFF_HEAP,
                runs(500, -300, 700, 400, 900, -100, 600), null)));
        assertEquals(500.0, r.decision().workload().items().get(0).bindingNs());
        assertEquals(List.of("your call to heat gradient (n = 64) in release: 30.50 µs = 500.0 ns JNA + 30.00 µs kernel (its"
                + " interval reaches zero: within the noise of the kernel's here)"), CallAdvice.calls(r.decision(), r.callers()));
        Report clear = report(ps, w, List.of(cost("heat", Workload.GRADIENT, Binding.JNA, Placement.OFF_HEAP, seven(500), null)));
        assertEquals(List.of("your call to heat gradient (n = 64) in release: 30.50 µs = 500.0 ns JNA + 30.00 µs kernel"),
                CallAdvice.calls(clear.decision(), clear.callers()));
    }

    @Test
    void aBindingThatSavesMoreThanTheBestProfileIsNamedWithBothFigures() {
        List<ProfileResult> ps = List.of(profile("release", 1000, 2000), profile("fat", 1000, 1900));
        // The primal item names no binding: it neither counts nor stops the advice.
        Workload w = new Workload(List.of(new Workload.Item("heat", 64, Workload.GRADIENT, 1e6, Caller.parse("jna"), null),
                new Workload.Item("heat", 64, Workload.PRIMAL, 1e3)), false);
        List<CallerCost> callers = List.of(cost("heat", Workload.GRADIENT, Binding.JNA, Placement.OFF_HEAP, seven(500), null),
                cost("heat", Workload.GRADIENT, Binding.JNI, Placement.OFF_HEAP, seven(20), null),
                cost("heat", Workload.GRADIENT, Binding.FFM, Placement.OFF_HEAP, seven(30), null),
                cost("heat", Workload.GRADIENT, Binding.JNA_DIRECT, Placement.ARRAY, seven(1), null),
                cost("heat", Workload.GRADIENT, Binding.FFM_CRITICAL, Placement.OFF_HEAP, null, "too long"));
        Report r = report(ps, w, callers);
        assertEquals("fat", r.decision().recommended());
        CallAdvice.Change c = CallAdvice.bindingChange(r).orElseThrow();
        assertEquals(Binding.JNI, c.to(), "the largest saving with the data where it is (an array figure does not count)");
        assertEquals(480, c.saving(), 1e-6, "ms per build: 1e6 calls x 480 ns");
        // Conservative: JNA's interval [485, 515] less JNI's [19.4, 20.6], end to end.
        assertEquals(485 - 20.6, c.low(), 1e-6);
        assertEquals(515 - 19.4, c.high(), 1e-6);
        assertEquals(100.1, c.profile(), 1e-6, "release to fat: 1e6 gradient calls and 1e3 primal calls, each 100 ns");
        assertEquals("moving the workload's calls from JNA to JNI saves 480 ms per build (" + Math.round(c.low()) + " ms to "
                + Math.round(c.high()) + " ms, 95%); the best profile change, release to fat, saves 100 ms: the binding is worth"
                + " changing first", c.sentence());
    }

    @Test
    void noBindingIsAdvisedOnFewerThanSixForksOrWhereNoneSignificantlySaves() {
        List<ProfileResult> ps = List.of(profile("release", 1000, 2000));
        Workload w = new Workload(List.of(new Workload.Item("heat", 64, Workload.GRADIENT, 1e6, Caller.parse("jni"), null)), false);
        Report overlapping = report(ps, w, List.of(cost("heat", Workload.GRADIENT, Binding.JNI, Placement.OFF_HEAP, seven(20), null),
                cost("heat", Workload.GRADIENT, Binding.FFM, Placement.OFF_HEAP, seven(19.9), null)));
        assertTrue(CallAdvice.bindingChange(overlapping).isEmpty(), "the intervals overlap: no saving is shown");

        Workload jna = new Workload(List.of(new Workload.Item("heat", 64, Workload.GRADIENT, 1e6, Caller.parse("jna"), null)), false);
        Report three = report(ps, jna, List.of(cost("heat", Workload.GRADIENT, Binding.JNA, Placement.OFF_HEAP, runs(500, 510, 490), null),
                cost("heat", Workload.GRADIENT, Binding.JNI, Placement.OFF_HEAP, runs(20, 21, 19), null)));
        assertTrue(CallAdvice.bindingChange(three).isEmpty(), "three forks hold the median at 75%: not enough to advise");

        Report seven = report(ps, jna, List.of(cost("heat", Workload.GRADIENT, Binding.JNA, Placement.OFF_HEAP, seven(500), null),
                cost("heat", Workload.GRADIENT, Binding.JNI, Placement.OFF_HEAP, seven(20), null)));
        assertTrue(CallAdvice.bindingChange(seven).orElseThrow().sentence().contains("the profile the decision recommends is the reference"
                + " (release), so changing profile saves nothing: the binding is worth changing first"));
    }
}
