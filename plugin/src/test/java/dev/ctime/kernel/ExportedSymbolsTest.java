package dev.ctime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExportedSymbolsTest {
    @Test
    void functionsFromNmAndTheClosestNameForATypo() {
        Set<String> s = ExportedSymbols.parse("0000000000011910 T chain\n0000000000011aa0 T chain_grad\n"
                + "0000000000011cb0 T sumsq\n0000000000011d60 T sumsq_grad\n0000000000004000 D some_data\n"
                + "                 w __gmon_start__\n0000000000001000 T memcpy@@GLIBC_2.14\n");
        assertEquals(Set.of("chain", "chain_grad", "sumsq", "sumsq_grad", "memcpy"), s);
        List<String> m = ExportedSymbols.missing(List.of(new Kernel("sumsq", "sumsq", "sumsq_grd", List.of(8)),
                new Kernel("chain", "chain", "chain_grad", List.of(8)), new Kernel("far", "zzzzzzzzzz", null, List.of(8))), s, "lib.so");
        assertEquals(2, m.size(), m.toString());
        assertTrue(m.get(0).startsWith("kernel 'sumsq': the gradient symbol 'sumsq_grd' is not exported by lib.so (did you mean"
                + " 'sumsq_grad'?)"), m.get(0));
        assertTrue(m.get(1).startsWith("kernel 'far': the primal symbol 'zzzzzzzzzz' is not exported by lib.so; it exports:"), m.get(1));
    }

    @Test
    void aCrateExportingNoKernelAnywhereIsStoppedNamingTheFeaturesNoProfileEnables() {
        List<dev.ctime.kernel.Kernel> ks = List.of(new dev.ctime.kernel.Kernel("erf", "erf_sum", "erf_sum_grad", List.of(64)));
        java.util.Map<String, java.util.Set<String>> nothing = new java.util.LinkedHashMap<>();
        nothing.put("release", java.util.Set.of());
        nothing.put("opt1", java.util.Set.of());
        String none = ExportedSymbols.noneExported(ks, nothing, List.of("default", "kernels", "std"), List.of("std"));
        org.junit.jupiter.api.Assertions.assertEquals("no profile's library exports the primal of any kernel (erf_sum): nothing"
                + " can be timed; release's library exports no function at all; the crate declares features no profile enables"
                + " (kernels): where the kernels are exported behind one, enable it for every profile, e.g."
                + " -Dctime.features=kernels", none);
        org.junit.jupiter.api.Assertions.assertNull(ExportedSymbols.noneExported(ks, java.util.Map.of("release", java.util.Set.of(),
                "opt1", java.util.Set.of("erf_sum")), List.of("kernels"), List.of()), "one library has it: the run goes on");
        String noFeature = ExportedSymbols.noneExported(ks, java.util.Map.of("release", java.util.Set.of("erf_summ")), List.of(),
                List.of());
        org.junit.jupiter.api.Assertions.assertTrue(noFeature.endsWith("exports erf_summ; a kernel is a #[no_mangle] pub extern"
                + " \"C\" fn"), noFeature);
    }
}
