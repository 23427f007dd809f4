package dev.ctime.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.GradientCheck;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.Status;
import dev.ctime.stats.Statistics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One derivative Enzyme rejects costs only its own kernel: what is left out, with which flags, and how the kernels read. */
class EnzymeExclusionTest {
    @Test
    void theKernelsWhoseDerivativePulledTheRejectedFunctionInAreLeftOutElseThatFunction() {
        EnzymeVerdict inLibrary = new EnzymeVerdict("libm::math::exp::exp", "Illegal updateAnalysis", List.of(), null,
                List.of("adlibm::erf_sum", "adlibm::lse::<f64>"));
        assertEquals(List.of("erf_sum", "lse"), EnzymeExclusion.culprits(inLibrary));
        assertEquals(List.of("logsumexp"), EnzymeExclusion.culprits(new EnzymeVerdict("demo_kernels::kernels::logsumexp",
                "cannot handle unknown intrinsic", List.of(), null)));
        assertEquals(List.of(), EnzymeExclusion.culprits(new EnzymeVerdict(null, "rustc crashed", List.of(), null)),
                "a crash names no function: nothing can be left out");
        assertEquals(List.of(), EnzymeExclusion.culprits(null));
        assertEquals("sumsq", EnzymeExclusion.name("k::sumsq::{closure#0}"));
        assertEquals("sumsq", EnzymeExclusion.name("sumsq"));
        assertEquals("current_memory", EnzymeExclusion.name("<alloc::raw_vec::RawVecInner>::current_memory"));
        assertEquals("lse", EnzymeExclusion.name("adlibm::lse::<core::option::Option<f64>>"));
    }

    @Test
    void theFlagsSetTheCfgOncePerNameAndDeclareIt() {
        assertEquals(List.of(), EnzymeExclusion.rustflags(List.of()));
        assertEquals(List.of("--check-cfg=cfg(ctime_no_autodiff,values(any()))", "--cfg", "ctime_no_autodiff=\"a\"", "--cfg",
                "ctime_no_autodiff=\"b\""), EnzymeExclusion.rustflags(List.of("a", "b")));
        assertTrue(EnzymeExclusion.advice(List.of("erf_sum")).contains("not(ctime_no_autodiff = \"erf_sum\")"));
        assertEquals(EnzymeExclusion.advice(List.of("erf_sum")), EnzymeExclusion.advice(List.of("erf_sum"), java.util.Set.of()),
                "a crate that gates nothing is told how");
        assertTrue(EnzymeExclusion.advice(List.of("erf_sum"), java.util.Set.of("lse")).startsWith("the crate gates [lse] on"
                + " ctime_no_autodiff, but not [erf_sum]: gate it the same way"));
        java.util.Map<String, String> without = new java.util.LinkedHashMap<>();
        without.put("erf_sum", "Enzyme: Illegal updateAnalysis");
        without.put("lse", "Enzyme: Illegal updateAnalysis");
        assertEquals("Enzyme: Illegal updateAnalysis", EnzymeExclusion.why(without), "one verdict for two kernels, said once");
        without.put("max", "Enzyme: cannot handle unknown intrinsic");
        assertEquals("Enzyme: Illegal updateAnalysis; Enzyme: cannot handle unknown intrinsic", EnzymeExclusion.why(without));
    }

    private static KernelTiming timed(String name, boolean gradient) {
        GradientCheck check = gradient ? new GradientCheck(true, 1e-9, 0, 64, 1e-4, null)
                : new GradientCheck(false, Double.NaN, -1, 0, 1e-4, "symbol " + name + "_grad not found");
        return new KernelTiming(name, 64, gradient ? Status.OK : Status.FAILED, gradient ? null : check.problem(),
                Statistics.summarize(new double[] {100, 101, 102}), null, gradient ? Statistics.summarize(new double[] {300, 301, 302})
                : null, null, gradient ? 3.0 : null, check, 1, 1, 1.0, 0, null, null, null, null, null);
    }

    @Test
    void aKernelLeftOutFailsWithEnzymesVerdictAndKeepsItsPrimalTheOthersAreUntouched() {
        List<KernelTiming> ks = List.of(timed("half_sq", true), timed("centred_sq", true), timed("other", false));
        Map<String, String> without = Map.of("half_sq", "Enzyme: cannot handle unknown intrinsic llvm.maximumnum");
        List<KernelTiming> out = EnzymeExclusion.withoutDerivatives(ks, without);
        KernelTiming half = out.get(0);
        assertEquals(Status.FAILED, half.status(), "a hand-written gradient the crate exported instead is no Enzyme figure");
        assertEquals(null, half.gradientNs());
        assertEquals(ks.get(0).primalNs(), half.primalNs(), "the primal of the Enzyme build is still timed");
        assertTrue(half.reason().contains("llvm.maximumnum") && half.reason().contains("ctime_no_autodiff"), half.reason());
        assertSame(ks.get(1), out.get(1));
        assertTrue(out.get(2).reason().contains("llvm.maximumnum"), "a gradient missing from the library is the one left out: "
                + out.get(2).reason());
        assertSame(ks, EnzymeExclusion.withoutDerivatives(ks, null));
        assertSame(ks, EnzymeExclusion.withoutDerivatives(ks, Map.of()));
    }
}
