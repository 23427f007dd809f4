package dev.ctime.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ctime.kernel.Kernel;
import dev.ctime.model.Workload;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kernel sizes the decision reads, before anything is timed: the forks time these first. */
class WorkloadSizesTest {
    private static final List<Kernel> KERNELS = List.of(new Kernel("heat", "heat", "heat_grad", List.of(64, 4096, 512)),
            new Kernel("lse", "lse", null, List.of(16)));

    @Test
    void withoutAWorkloadEveryKernelIsReadAtItsLargestSize() {
        assertEquals(Map.of("heat", Set.of(4096), "lse", Set.of(16)), Workloads.sizesRead(null, KERNELS));
    }

    @Test
    void aConfiguredWorkloadIsReadAtTheSizesItNamesOnly() {
        Workload w = new Workload(List.of(new Workload.Item("heat", 64, Workload.GRADIENT, 1e6),
                new Workload.Item("heat", 512, Workload.PRIMAL, 10)), false);
        assertEquals(Map.of("heat", Set.of(64, 512)), Workloads.sizesRead(w, KERNELS));
    }
}
