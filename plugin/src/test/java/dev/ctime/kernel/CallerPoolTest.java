package dev.ctime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ctime.model.Binding;
import dev.ctime.model.CallerCost;
import dev.ctime.model.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calls from Java pooled over forks: a run per fork, the binding's share fork by fork, and why one is missing. */
class CallerPoolTest {
    private static ForkResult result(String profile, double kernelNs, double... jna) {
        List<ForkResult.Call> calls = List.of(new ForkResult.Call(profile, "primal", "jna", "off-heap", jna, kernelNs, null),
                new ForkResult.Call(profile, "primal", "ffm", "off-heap", null, kernelNs, "the forks run on JDK 17"));
        return new ForkResult("heat", 64, new double[] {1}, false, 1, List.of(), calls);
    }

    @Test
    void eachForkIsOneRunAndTheShareIsTheCallLessTheSameForksCLoop() {
        List<List<ForkResult>> forks = List.of(List.of(result("release", 100, 500, 520, 510)),
                List.of(result("release", 120, 600, 640, 620)), List.of(result("fat", 90, 400, 410, 390)));
        List<CallerCost> out = ForkPool.callers(forks);
        assertEquals(2, out.size());
        CallerCost jna = out.get(0);
        assertEquals(Binding.JNA, jna.binding());
        assertEquals(Placement.OFF_HEAP, jna.data());
        assertEquals(3, jna.callNs().runs(), "a run per fork");
        assertEquals(510, jna.callNs().median(), 1e-9, "the median of the forks' medians 510, 620, 400");
        // Per fork: 510 - 100, 620 - 120, 400 - 90.
        assertEquals(List.of(310.0, 410.0, 500.0), jna.bindingNs().samples().stream().sorted().toList());
        assertEquals(410, jna.bindingNs().median(), 1e-9);
        assertEquals("release, fat", jna.profile(), "every library the calls went through, once each");
        assertNull(jna.missing());

        CallerCost ffm = out.get(1);
        assertNull(ffm.callNs());
        assertNull(ffm.bindingNs());
        assertEquals("the forks run on JDK 17", ffm.missing());
    }

    @Test
    void forksWithoutCallsGiveNone() {
        assertEquals(List.of(), ForkPool.callers(List.of(List.of(new ForkResult("heat", 64, new double[] {1}, false, 1, List.of())))));
    }
}
