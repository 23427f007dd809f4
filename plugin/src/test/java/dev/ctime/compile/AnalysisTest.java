package dev.ctime.compile;

import dev.ctime.cargo.CargoOutput;
import dev.ctime.model.FunctionLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisTest {
    static String pass(String name, double t) {
        return "time: {\"pass\":\"" + name + "\",\"time\":" + t + ",\"rss_start\":1,\"rss_end\":2}\n";
    }

    @Test
    void phasesAreDisjointAndAddUpToTheTotal() throws Exception {
        String err = "   Compiling k\n" + pass("parse_crate", 0.01) + pass("type_check_crate", 0.2) + pass("codegen_crate", 0.3)
                + pass("LLVM_passes", 0.4) + pass("LLVM_fatlto", 2.0) + pass("finish_ongoing_codegen", 2.5)
                + pass("link", 0.1) + pass("total", 3.2);
        Map<String, Double> p = PhaseSplit.parse(err);
        assertEquals(0.3, p.get("frontend"), 1e-9);
        assertEquals(0.3, p.get("codegen"), 1e-9);
        assertEquals(0.5, p.get("llvm"), 1e-9);
        assertEquals(2.0, p.get("lto"), 1e-9);
        assertEquals(0.1, p.get("link"), 1e-9);
        assertEquals(3.2, p.get("total"), 1e-9);
        double sum = p.entrySet().stream().filter(e -> !e.getKey().equals("total")).mapToDouble(Map.Entry::getValue).sum();
        assertEquals(p.get("total"), sum, 1e-9);
        assertFalse(p.containsKey("autodiff"), "no autodiff pass named: no autodiff phase invented");
    }

    @Test
    void autodiffPassesAreReportedWhereRustcNamesThem() throws Exception {
        Map<String, Double> p = PhaseSplit.parse(pass("autodiff_enzyme", 0.7) + pass("total", 1.0));
        assertEquals(0.7, p.get("autodiff"), 1e-9);
        assertTrue(PhaseSplit.parse("no time passes here\n").isEmpty());
    }

    @Test
    void llvmLinesGroupsCopiesOfOneFunction() {
        String ll = "; ModuleID\n"
                + "define internal void @_ZN4core3ptr13drop_in_place17h0000000000000001E(ptr %0) {\nstart:\n  ret void\n}\n"
                + "define internal void @_ZN4core3ptr13drop_in_place17h0000000000000002E(ptr %0) {\nstart:\n  ret void\n}\n"
                + "define double @kernel(ptr %x, i64 %n) {\nstart:\n  %a = load double, ptr %x\n  %b = fadd double %a, %a\n  ret double %b\n}\n";
        List<FunctionLines> top = LlvmLines.top(ll, 10);
        assertEquals("core::ptr::drop_in_place", top.get(0).function());
        assertEquals(8, top.get(0).lines());
        assertEquals(2, top.get(0).copies());
        assertEquals("kernel", top.get(1).function());
        assertEquals(6, top.get(1).lines());
        assertEquals(8.0 / 14, top.get(0).share(), 1e-9);
        assertEquals(1, LlvmLines.top(ll, 1).size());
    }

    @Test
    void demanglesLegacyAndV0Names() {
        // Generic arguments are dropped so that a generic function's copies group under one name.
        assertEquals("<core::iter::adapters::zip::Zip as core::iter::adapters::zip::ZipImpl>::new",
                LlvmLines.demangle("_ZN111_$LT$core..iter..adapters..zip..Zip$LT$A$C$B$GT$$u20$as$u20$core..iter..adapters"
                        + "..zip..ZipImpl$LT$A$C$B$GT$$GT$3new17hbb7802fe479c5555E"));
        assertEquals("<usize as core::cmp::PartialOrd>::lt",
                LlvmLines.demangle("_RNvXsU_NtNtCsgEmfK2I1SDS_4core3cmp5implsjNtB7_10PartialOrd2lt"));
        assertEquals("plain_c_symbol", LlvmLines.demangle("plain_c_symbol"));
        assertEquals("<core::slice::iter::Iter as core::iter::traits::iterator::Iterator>::size_hint",
                LlvmLines.withoutGenericArgs("<core::slice::iter::Iter<f64> as core::iter::traits::iterator::Iterator>::size_hint"));
        assertEquals("core::ptr::drop_in_place", LlvmLines.withoutGenericArgs("core::ptr::drop_in_place::<alloc::vec::Vec<u8>>"));
        assertEquals("<fn(&[f64]) -> f64 as core::ops::FnOnce>::call_once",
                LlvmLines.withoutGenericArgs("<fn(&[f64]) -> f64 as core::ops::FnOnce<(&[f64],)>>::call_once"));
    }

    @Test
    void perfCsvAndCodegenUnits(@TempDir Path deps) throws Exception {
        assertEquals(123456789.0, CargoOutput.perfInstructions("# started on ...\n\n123456789,,instructions:u,1000,100.00,,\n"));
        assertNull(CargoOutput.perfInstructions("<not supported>,,instructions:u,0,100.00,,\n"));
        // ctime-rusage's line: wall in ns, CPU in µs, peak RSS in KiB; a line without figures is an error, not zeros.
        CargoOutput.Rusage r = CargoOutput.rusage(
                "{\"label\":\"x\",\"wallNs\":2500000,\"userUs\":1500,\"sysUs\":500,\"maxRssKb\":4096}");
        assertEquals(2.5, r.wallMs(), 1e-9);
        assertEquals(2.0, r.cpuMs(), 1e-9);
        assertEquals(4096, r.maxRssKb(), 1e-9);
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> CargoOutput.rusage("{}"));
        for (String f : List.of("k.k.abc-cgu.0.rcgu.o", "k.k.abc-cgu.1.rcgu.o", "k.k.abc-cgu.1.rcgu.bc", "k.allocator.rcgu.o")) {
            Files.writeString(deps.resolve(f), "");
        }
        assertEquals(2, AnalysisRunner.countCodegenUnits(deps));
        assertEquals(0, AnalysisRunner.countCodegenUnits(deps.resolve("absent")));
    }
}
