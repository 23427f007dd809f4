package dev.ctime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ctime.stats.Statistics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdenticalLibrariesTest {
    static ProfileResult profile(String name, String sha, List<KernelTiming> kernels) {
        Applied.Builder a = new Applied.Builder();
        a.librarySha256 = sha;
        return new ProfileResult(name, Status.OK, null, Map.of(), a.build(), null, null, null, null, null, null, kernels, null, null);
    }

    static List<KernelTiming> kernels(double ns) {
        var s = Statistics.summarize(new double[] {ns, ns + 1});
        return List.of(new KernelTiming("k", 8, Status.OK, null, s, null, null, null, null, null, 1, 0, 1.0, 0, null, null, null, null, null));
    }

    @Test
    void theReferenceStandsForItsGroupAndOnlyKernelsTimedOnceAreShared() {
        List<KernelTiming> once = kernels(10);
        List<ProfileResult> ps = List.of(profile("a", "h1", once), profile("ref", "h1", once), profile("b", "h2", kernels(20)),
                profile("c", "h2", kernels(21)), profile("d", null, null));
        // Every library equal to another's is named; the reference stands for the group it is in.
        assertEquals(Map.of("a", "ref", "c", "b"), IdenticalLibraries.of(ps, "ref"));
        // Identical binaries timed apart (merged shards from different runners) keep their own figures.
        assertEquals(Map.of("a", "ref"), IdenticalLibraries.timedOnce(ps, "ref"));
        assertEquals("identical binary to b (timed apart)", IdenticalLibraries.note("b", false));
        assertEquals(List.of("a built a library byte for byte the same as ref's, so their kernels were timed once and run equally"
                + " fast by construction: whatever differs in their settings changes nothing in this crate's binary"),
                IdenticalLibraries.warnings(Map.of("a", "ref")));
    }
}
