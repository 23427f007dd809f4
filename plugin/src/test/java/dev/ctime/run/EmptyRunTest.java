package dev.ctime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run that measured nothing a reader can use fails, and says what and why; one that measured each kind asked does not. */
class EmptyRunTest {
    private static ProfileResult skipped(String name) {
        return new ProfileResult(name, Status.SKIPPED, "no toolchain nightly\nrustup says more", Map.of(), null, null, null, null,
                null, null, null, null, null, null);
    }

    @Test
    void noBuildMeasuredIsNothingMeasured() {
        Optional<String> why = EmptyRun.why(RaceTrackTest.report(List.of(skipped("a"), skipped("b"))), true);
        assertEquals("nothing was measured: every profile failed or was skipped (a: skipped, no toolchain nightly …; b: skipped,"
                + " no toolchain nightly …)", why.orElseThrow());
    }

    @Test
    void buildsTimedButNoKernelMeasuredAnywhereIsNoAnswer() {
        Report allCrashed = RaceTrackTest.report(List.of(RaceTrackTest.profile("release", 1000, 50, true),
                RaceTrackTest.profile("fat", 1200, 40, true)));
        String why = EmptyRun.why(allCrashed, true).orElseThrow();
        assertTrue(why.startsWith("no kernel was measured in any profile"), why);
        assertTrue(why.contains("release, k n=1000: crashed: SIGSEGV"), "the kernel and its reason are named: " + why);
        assertEquals(Optional.empty(), EmptyRun.why(allCrashed, false), "builds alone were asked for, and measured");
    }

    @Test
    void oneKernelMeasuredInOneProfileIsAnAnswer() {
        Report one = RaceTrackTest.report(List.of(RaceTrackTest.profile("release", 1000, 50, true),
                RaceTrackTest.profile("fat", 1200, 40, false)));
        assertEquals(Optional.empty(), EmptyRun.why(one, true));
    }

    @Test
    void aPrimalTimedBesideAFailedGradientIsSomethingMeasured() {
        // A misspelt gradient symbol fails the kernel, but its primal was timed: the run measured something.
        ProfileResult timed = RaceTrackTest.profile("release", 1000, 50, false);
        dev.ctime.model.KernelTiming k = timed.kernels().get(0);
        dev.ctime.model.KernelTiming gradientGone = new dev.ctime.model.KernelTiming(k.name(), k.n(), Status.FAILED,
                "symbol 'k_grd' is not exported", k.primalNs(), k.primalNsPerElement(), null, null, null, null, k.primalBatch(), 0,
                k.primalValue(), k.warmupMs(), null, null, null, null, null);
        ProfileResult p = new ProfileResult("release", Status.FAILED, "kernel checks failed", Map.of(), null, null, timed.compile(),
                null, 1000L, null, false, List.of(gradientGone), null, null);
        assertEquals(Optional.empty(), EmptyRun.why(RaceTrackTest.report(List.of(p)), true));
    }
}
