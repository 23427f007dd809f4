package dev.ctime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.kernel.Kernel;
import dev.ctime.profile.Profile;
import dev.ctime.profile.ProfileParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEstimateTest {
    static Profile p(String name) throws Exception {
        return ProfileParser.parse(Map.of("name", name));
    }

    static Profile p(String name, String key, String value) throws Exception {
        return ProfileParser.parse(Map.of("name", name, key, value));
    }

    static final MeasureConfig.Timing TIMING = new MeasureConfig.Timing(5, 10, 20, 300, -1, 1, 1e-4, Duration.ofMinutes(1));

    @Test
    void nothingSeenIsNoEstimate() throws Exception {
        assertTrue(RunEstimate.of(List.of(p("release")), Map.of(), "x", 5, List.of(), TIMING, 2).isEmpty());
        assertTrue(RunEstimate.of(List.of(p("release")), Map.of("other", 1000.0), "x", 5, List.of(), TIMING, 2).isEmpty());
    }

    @Test
    void seenProfilesKeepTheirTimeAndUnseenOnesScaleByTheCostModel() throws Exception {
        // release seen at 2 s a build; fat LTO costs four releases in the model, so 8 s; each makes 5 timed builds and 3 untimed.
        var e = RunEstimate.of(List.of(p("release"), p("fat", "lto", "fat")), Map.of("release", 2000.0), "the history", 5,
                List.of(), TIMING, 3).orElseThrow();
        assertEquals((2000 + 8000) * (5 + RunEstimate.UNTIMED_BUILDS), e.buildsMs(), 1e-6);
        assertEquals(0, e.forksLeastMs());
        assertTrue(e.text().startsWith("about 1 min (builds 1 min from the history"), e.text());
    }

    @Test
    void aTrainingPipelineAddsItsBuilds() throws Exception {
        var plain = RunEstimate.of(List.of(p("release")), Map.of("release", 1000.0), "h", 1, List.of(), TIMING, 2).orElseThrow();
        var pgo = RunEstimate.of(List.of(p("pgo", "pgo", "true")), Map.of("pgo", 1000.0), "h", 1, List.of(), TIMING, 2).orElseThrow();
        assertEquals(plain.buildsMs() + 2500, pgo.buildsMs(), 1e-6);
    }

    @Test
    void forksCountEveryLibrarysFunctionsAndTheEmptyKernel() throws Exception {
        // Two sizes of a kernel with a gradient, one size without; 3 libraries; 20 samples of 10 ms; 5 forks.
        List<Kernel> ks = List.of(new Kernel("a", "a", "a_grad", List.of(10, 100)), new Kernel("b", "b", null, List.of(10)));
        var e = RunEstimate.of(List.of(p("release")), Map.of("release", 1000.0), "h", 1, ks, TIMING, 3).orElseThrow();
        double sample = 20 * 10;
        double least = (2 * (3 * 2 + 1) + (3 + 1)) * sample * 5;
        assertEquals(least, e.forksLeastMs(), 1e-6);
        assertEquals(least + (2 * 3 * 2 + 3) * 300 * 5, e.forksMostMs(), 1e-6);
        assertTrue(e.text().contains("kernel forks 18 s to 41 s from the timing settings"), e.text());
    }
}
