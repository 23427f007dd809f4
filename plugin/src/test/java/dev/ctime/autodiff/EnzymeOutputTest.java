package dev.ctime.autodiff;

import dev.ctime.model.PerfRemarks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.compile.FailureReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsers of what rustc and Enzyme print, on real output recorded with an Enzyme backend (see resources/enzyme/README.md). */
class EnzymeOutputTest {
    static String fixture(String name) throws IOException {
        try (InputStream in = EnzymeOutputTest.class.getResourceAsStream("/enzyme/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void enzymesWarningsFromABuildThatSucceedsAreKeptOnceEachWithoutThePerfRemarks() throws IOException {
        List<String> w = EnzymeWarnings.of(fixture("loosetypes-printperf.stderr"));
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("Enzyme warned: failed to deduce type of copy: tail call void @llvm.memcpy.p0.p0.i64("), w.get(0));
        assertTrue(w.get(1).startsWith("Enzyme warned: Mismatched activity for: %9 = phi ptr"), w.get(1));
        assertEquals(List.of("Enzyme warned 2 times: could not perform minus one for gep'd: %x = getelementptr"),
                EnzymeWarnings.of("   Compiling k v0.1.0\ncould not perform minus one for gep'd   %x = getelementptr\n"
                        + "could not perform minus one for gep'd   %x = getelementptr\nCaching instruction   %y = load\n"));
        assertTrue(EnzymeWarnings.of(fixture("printperf-time-passes.stderr")).stream().noneMatch(x -> x.contains("readonly")));
    }

    @Test
    void aTypeAnalysisDumpsVerdictIsTheLineAfterItNotItsFirstLine() throws IOException {
        EnzymeVerdict v = EnzymeVerdict.parse(fixture("analysis-dump-unoptimised.stderr")).orElseThrow();
        assertEquals("Illegal updateAnalysis prev:{[-1]:Integer} new: {[-1]:Pointer}", v.verdict());
        assertEquals("<alloc::alloc::Global>::alloc_impl_runtime", v.function());
        assertTrue(v.detail().get(0).startsWith("val:   %data2 = inttoptr i64 %layout.0 to ptr"), v.detail().toString());
        assertNull(v.advice(), "no advice about copies: the user's code copies nothing here");
    }

    @Test
    void aFloatSeenAsAnIntegerIsNamedWithTheBitLevelCodeBehindIt() throws IOException {
        EnzymeVerdict v = EnzymeVerdict.parse(fixture("illegal-update-analysis.stderr")).orElseThrow();
        assertEquals("Illegal updateAnalysis prev:{[-1]:Float@double} new: {[-1]:Integer}", v.verdict());
        assertEquals("adlibm::erf_sum", v.function());
        assertTrue(v.detail().get(0).startsWith("val:   %110 = shl nuw nsw i64 %109, 52"), v.detail().toString());
        assertTrue(v.advice().contains("to_bits") && v.advice().contains("LooseTypes"), v.advice());
        assertEquals(List.of(), v.kernels(), "the kernel itself is named: no chain to add");
    }

    @Test
    void aLibraryFunctionEnzymeRejectsIsTracedToTheKernelWhoseDerivativePulledItIn() {
        // libm's exp kept apart (no LTO inlining): Enzyme names it, while the derivative it was building is erf_sum's.
        String stderr = "error: <unknown>:0:0: in function preprocess__RNvNtNtCs9aB3dE_4libm4math3exp3exp double (double): Enzyme:"
                + " <analysis>\n</analysis>\nIllegal updateAnalysis prev:{[-1]:Float@double} new: {[-1]:Integer}\n"
                + "val:   %5 = shl i64 %4, 52\n\n; caller: diffe_RNvCsbBISOsV7P7r_6adlibm7erf_sum\n"
                + "error: could not compile `adlibm` (lib)\n";
        EnzymeVerdict v = EnzymeVerdict.parse(stderr).orElseThrow();
        assertEquals("libm::math::exp::exp", v.function());
        assertEquals(List.of("adlibm::erf_sum"), v.kernels());
        assertTrue(v.describe().contains("(in libm::math::exp::exp, which the differentiated kernel adlibm::erf_sum calls)"),
                v.describe());
    }

    @Test
    void anActivityDumpBeforeTheVerdictIsSkippedAndTheInstructionSplitOff() throws IOException {
        EnzymeVerdict v = EnzymeVerdict.parse(fixture("activity-dump-unoptimised.stderr")).orElseThrow();
        assertEquals("cannot handle unknown binary operator", v.verdict());
        assertEquals(List.of("%alloc_size = mul nuw i64 %elem_layout.1, %self2"), v.detail());
        assertTrue(v.function().contains("RawVecInner") && v.function().contains("current_memory"), v.function());
    }

    @Test
    void theVerdictAtTheEndOfAnIrDumpIsFoundWithTheFunctionAndTheAdvice() throws IOException {
        EnzymeVerdict v = EnzymeVerdict.parse(fixture("maximumnum-failure.stderr")).orElseThrow();
        assertEquals("demo_kernels::kernels::logsumexp", v.function());
        assertEquals("cannot handle (reverse) unknown intrinsic", v.verdict());
        assertEquals("llvm.maximumnum", v.detail().get(0));
        assertTrue(v.detail().get(1).contains("@llvm.maximumnum.f64(double %9, double %14)"), v.detail().toString());
        assertTrue(v.advice().contains("update the Enzyme backend") && v.advice().contains("f64::max"), v.advice());
        String reason = FailureReason.fromCompilerOutput(fixture("maximumnum-failure.stderr"));
        assertTrue(reason.startsWith("Enzyme: cannot handle (reverse) unknown intrinsic (in demo_kernels::kernels::logsumexp)"),
                reason);
        assertFalse(reason.contains("Function Attrs"), "the first line of the IR dump is no reason: " + reason);
    }

    @Test
    void cannotDeduceTypeOfCopyPointsAtTheCopyAndAtLooseTypes() throws IOException {
        EnzymeVerdict v = EnzymeVerdict.parse(fixture("cannot-deduce-copy.stderr")).orElseThrow();
        assertEquals("copy_fixture::smoothed", v.function());
        assertEquals("Cannot deduce type of copy", v.verdict());
        assertTrue(v.detail().get(0).startsWith("tail call void @llvm.memcpy"), v.detail().toString());
        assertTrue(v.advice().contains("to_vec") && v.advice().contains("LooseTypes") && v.advice().contains("gradient check"),
                v.advice());
        String reason = FailureReason.fromCompilerOutput(fixture("cannot-deduce-copy.stderr"));
        assertFalse(reason.contains("intvals"), "no type-analysis dump: " + reason);
    }

    @Test
    void aTypeDeductionFailureElsewhereAdvisesLooseTypes() {
        EnzymeVerdict v = EnzymeVerdict.parse("error: <unknown>:0:0: in function preprocess__RNvCs104slkWgemD_7gmm_ext13gmm_objective"
                + " double (ptr, i64): Enzyme: Cannot deduce type of phi   %9 = phi double [ 0.0, %2 ], [ %8, %7 ]\n").orElseThrow();
        assertEquals("gmm_ext::gmm_objective", v.function());
        assertEquals("Cannot deduce type of phi", v.verdict());
        assertTrue(v.advice().startsWith("LooseTypes"), v.advice());
        assertTrue(EnzymeVerdict.parse("error[E0425]: cannot find value `y`\n").isEmpty());
    }

    @Test
    void aRustcCrashInsideAutodiffNamesTheConstructsKnownToCauseIt() {
        EnzymeVerdict v = EnzymeVerdict.parse("error: rustc interrupted by SIGSEGV, printing backtrace\n"
                + "process didn't exit successfully: `rustc ... -Zautodiff=Enable` (signal: 11, SIGSEGV)\n").orElseThrow();
        assertTrue(v.advice().contains("Vec::push") && v.advice().contains("println!"), v.advice());
    }

    @Test
    void printPerfRemarksAreCountedByCategoryAndFunction() throws IOException {
        PerfRemarks r = PerfRemarksParser.parse(fixture("printperf-time-passes.stderr"));
        assertEquals(4, r.total().cached(), "four 'Caching instruction' lines");
        assertEquals(0, r.total().recomputed());
        assertEquals(360, r.total().other(), "'Instruction could write forcing' lines");
        assertTrue(r.byFunction().containsKey("logsumexp_grad"), r.byFunction().keySet().toString());
        PerfRemarks loose = PerfRemarksParser.parse(fixture("loosetypes-printperf.stderr"));
        assertEquals(1, loose.total().typeAssumptions(), "failed to deduce type of copy");
        assertEquals(3, loose.total().cached(), "one 'Load may need caching', two 'Caching instruction'");
        assertTrue(loose.examples().get("type_assumptions").get(0).startsWith("failed to deduce type of copy"));
        PerfRemarks synthetic = PerfRemarksParser.parse("Load must be recomputed   %5 = load double, ptr %4 in reverse__RNvCs104slkWgemD_7gmm_ext"
                + "13gmm_objective due to   store double %7, ptr %4\nCannot deduce type of store   store double %1, ptr %2, assumed {[-1]:Float@double}\n"
                + "   Compiling k v0.1.0\ntime: 0.001; rss: 60MB\n");
        assertEquals(new PerfRemarks.Counts(0, 1, 1, 0), synthetic.total());
        assertEquals(new PerfRemarks.Counts(0, 1, 0, 0), synthetic.byFunction().get("gmm_ext::gmm_objective"));
    }

    @Test
    void theTraceGivesEnzymesPassTheRerunOptimisationAndTheDifferentiatedFunctions() throws IOException {
        EnzymeTrace t;
        try (InputStream in = EnzymeOutputTest.class.getResourceAsStream("/enzyme/demo_kernels.llvm_timings.reduced.json")) {
            t = EnzymeTrace.parse(in);
        }
        assertEquals(103.704, t.enzymePassMs(), 1e-9);
        assertEquals(2045.631, t.codegenAfterEnzymeMs(), 1e-9);
        assertEquals(12.078, t.perFunctionMs().get("demo_kernels::kernels::rosenbrock"), 1e-9);
        assertTrue(t.differentiated().containsAll(List.of("demo_kernels::kernels::d_heat", "demo_kernels::kernels::d_logsumexp",
                "demo_kernels::kernels::heat")), t.differentiated().toString());
        EnzymeTrace none = EnzymeTrace.parse(new ByteArrayInputStream(
                "{\"traceEvents\":[{\"ph\":\"X\",\"name\":\"OptModule\",\"ts\":1,\"dur\":5}],\"beginningOfTime\":0}".getBytes()));
        assertNull(none.enzymePassMs());
        assertNull(none.codegenAfterEnzymeMs());
        assertTrue(none.loopPassesMs().isEmpty());
        EnzymeTrace loops = EnzymeTrace.parse(new ByteArrayInputStream(("{\"traceEvents\":["
                + "{\"ph\":\"X\",\"name\":\"LoopVectorizePass\",\"ts\":1,\"dur\":1500},"
                + "{\"ph\":\"X\",\"name\":\"LoopVectorizePass\",\"ts\":9,\"dur\":500},"
                + "{\"ph\":\"X\",\"name\":\"Total LoopVectorizePass\",\"ts\":0,\"dur\":2000},"
                + "{\"ph\":\"X\",\"name\":\"LoopUnrollPass\",\"ts\":3,\"dur\":250}]}").getBytes()));
        assertEquals(Map.of("LoopVectorizePass", 2.0, "LoopUnrollPass", 0.25), loops.loopPassesMs(), "summed, totals not counted twice");
    }
}
