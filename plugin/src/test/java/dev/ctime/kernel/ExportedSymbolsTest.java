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
}
