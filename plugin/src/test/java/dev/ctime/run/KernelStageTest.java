package dev.ctime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ctime.kernel.ForkPlan;
import dev.ctime.kernel.KernelBench;
import dev.ctime.model.Applied;
import dev.ctime.model.Control;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kernel stage's two rules that need no fork: twins share timings, and an interrupted run's forks are kept only whole. */
class KernelStageTest {
    private static ProfileResult cut(String name, String sha) {
        Applied.Builder a = new Applied.Builder();
        a.librarySha256 = sha;
        return new ProfileResult(name, Status.INCOMPLETE, "interrupted", Map.of(), a.build(), null, null, null, null, null, null,
                null, null, null);
    }

    private static ForkPlan.Library lib(String profile) {
        return new ForkPlan.Library(profile, "/x/" + profile + ".so");
    }

    @Test
    void aTwinGetsTheTimingsOfTheLibraryItIsAndNothingElseChanges() {
        List<KernelTiming> release = List.of(KernelTiming.failed("k", 8, "x"));
        Map<String, List<KernelTiming>> t = new LinkedHashMap<>();
        t.put("release", release);
        KernelBench.Outcome o = new KernelBench.Outcome(t, null, false, 3, false, null, null);
        KernelBench.Outcome shared = KernelStage.sharedWith(Map.of("twin", "release", "ghost", "absent"), o);
        assertSame(release, shared.timings().get("twin"));
        assertSame(release, shared.timings().get("release"));
        assertEquals(List.of("release", "twin"), List.copyOf(shared.timings().keySet()), "a twin of a library not timed gets none");
        assertEquals(3, shared.forks());
        assertSame(o, KernelStage.sharedWith(Map.of(), o), "no twins: the outcome as it was");
        assertNull(KernelStage.sharedWith(Map.of("twin", "release"), null));
    }

    @Test
    void anInterruptedRunsForksAreKeptOnlyForTheSameBinariesAllCutShort() {
        Map<String, ProfileResult> interrupted = Map.of("release", cut("release", "aa"), "fat", cut("fat", "bb"));
        List<ForkPlan.Library> libs = List.of(lib("release"), lib("fat"), lib(Control.NAME));
        assertNull(KernelStage.whyNotKept(libs, interrupted, Map.of("release", "aa", "fat", "bb")), "the control is not asked for");
        assertEquals("the library of fat is not the one it timed",
                KernelStage.whyNotKept(libs, interrupted, Map.of("release", "aa", "fat", "b2")));
        assertEquals("the library of fat is not the one it timed",
                KernelStage.whyNotKept(libs, interrupted, Map.of("release", "aa")), "no hash now: not known to be the same");
        assertEquals("dev was not cut short there", KernelStage.whyNotKept(List.of(lib("release"), lib("dev")), interrupted,
                Map.of("release", "aa", "dev", "cc")));
    }
}
