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
}
