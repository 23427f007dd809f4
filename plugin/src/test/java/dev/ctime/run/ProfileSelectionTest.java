package dev.ctime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.cargo.CrateInfo;
import dev.ctime.exec.Processes;
import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileException;
import dev.ctime.profile.ProfileParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which profiles a run measures, checked against the real default toolchain before any build. */
class ProfileSelectionTest {
    @TempDir
    Path out;

    final List<String> said = new ArrayList<>();
    final Consumer<String> log = said::add;

    @BeforeEach
    void rustc() {
        Assumptions.assumeTrue(Processes.which("rustc") != null, "rustc is not installed");
    }

    static CrateInfo crate() {
        Path m = MeasureRunTest.CRATE;
        return new CrateInfo(m, "basic", "0.1.0", "basic", List.of(), true, m.getParent(), Path.of("src/lib.rs"));
    }

    static Profile p(String... kv) throws Exception {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return ProfileParser.parse(m);
    }

    ProfileSelection selection(List<Profile> profiles, String only, boolean kernels) {
        MeasureConfig c = MeasureRunTest.config(MeasureRunTest.CRATE, out, profiles, only);
        if (!kernels) {
            c = new MeasureConfig(c.manifest(), c.workDir(), c.profiles(), c.only(), List.of(), c.autodiffFeature(), c.label(),
                    c.userEnv(), c.builds(), c.timing(), c.precision(), c.judging(), c.instructions(), c.resume(), c.sharding(),
                    c.forkClasspath());
        }
        return new ProfileSelection(c, crate(), new Toolchains(MeasureRunTest.CRATE.getParent(), out.resolve("logs")), log);
    }

    @Test
    void everyProfileProblemIsNamedAtOnce() throws Exception {
        List<Profile> ps = List.of(p("name", "a", "pgo", "true"), p("name", "a"), p("name", "ad", "autodiff", "Enable"));
        ProfileException e = assertThrows(ProfileException.class, () -> selection(ps, null, false).select());
        String m = e.getMessage();
        assertTrue(m.startsWith("the profiles have "), m);
        assertTrue(m.contains("two profiles are named 'a'"), m);
        assertTrue(m.contains("profile 'a': <pgo> trains on the configured kernels, and none are configured"), m);
        assertTrue(m.contains("profile 'ad': autodiff profiles build with the crate's 'autodiff' feature, which basic does not"
                + " declare"), m);
    }

    @Test
    void unknownNamesInTheSelectionAreNamedTogetherWithTheChoices() throws Exception {
        List<Profile> ps = List.of(p("name", "release"), p("name", "fat", "lto", "fat"));
        ProfileException e = assertThrows(ProfileException.class, () -> selection(ps, "relase,zzzzzz,fat", true).select());
        assertTrue(e.getMessage().contains("ctime.profiles names 'relase', which is not a profile here: did you mean 'release'?"
                + " The profiles are: release, fat"), e.getMessage());
        assertTrue(e.getMessage().contains("ctime.profiles names 'zzzzzz', which is not a profile here. The profiles are"),
                e.getMessage());
        ProfileSelection.Selected s = selection(ps, "fat", true).select();
        assertEquals(List.of("fat"), s.profiles().stream().map(Profile::name).toList());
        assertNull(s.shard());
    }

    @Test
    void aProfileOnAToolchainThatIsNotInstalledIsKeptToBeSkippedWithItsReason() throws Exception {
        Assumptions.assumeTrue(Processes.which("rustup") != null, "toolchains are chosen through rustup");
        Toolchains tcs = new Toolchains(MeasureRunTest.CRATE.getParent(), out.resolve("logs"));
        List<Profile> ps = List.of(p("name", "elsewhere", "toolchain", "ctime-no-such-toolchain", "frontendThreads", "2"));
        MeasureConfig c = MeasureRunTest.config(MeasureRunTest.CRATE, out, ps, null);
        ProfileSelection.Selected s = new ProfileSelection(c, crate(), tcs, log).select();
        assertEquals(1, s.profiles().size());
        assertNull(tcs.get("ctime-no-such-toolchain"));
        assertTrue(tcs.problem("ctime-no-such-toolchain") != null, "the reason is kept for the report");
    }

    static MeasureConfig with(MeasureConfig c, String reference, int maxProfiles) {
        return new MeasureConfig(c.manifest(), c.workDir(), c.profiles(), c.only(), c.kernels(), c.autodiffFeature(), c.label(),
                c.userEnv(), c.builds(), c.timing(), c.precision(), new MeasureConfig.Judging(reference, c.judging().thresholds(),
                1e6, null, null), c.instructions(), c.resume(), new MeasureConfig.Sharding(null, "release", java.util.Map.of(),
                maxProfiles), c.forkClasspath());
    }

    @Test
    void aReferenceThatIsNoProfileAndAMatrixTooLargeAreRefusedWithTheOtherProblems() throws Exception {
        List<Profile> ps = new java.util.ArrayList<>();
        for (int i = 0; i < 31; i++) ps.add(p("name", "p" + i, "optLevel", String.valueOf(i % 4)));
        MeasureConfig base = MeasureRunTest.config(MeasureRunTest.CRATE, out, ps, null);
        Toolchains tcs = new Toolchains(MeasureRunTest.CRATE.getParent(), out.resolve("logs"));
        ProfileException e = assertThrows(ProfileException.class, () -> new ProfileSelection(with(base, "p33", 30), crate(), tcs, log)
                .select());
        assertTrue(e.getMessage().contains("ctime.reference names 'p33', which is not a profile here: did you mean 'p3'?"),
                e.getMessage());
        assertTrue(e.getMessage().contains("this run would measure 31 profiles, more than ctime.maxProfiles = 30: at least 62 timed"
                + " builds"), e.getMessage());
        // The default reference may be absent (the first measured profile stands in), and the limit can be lifted.
        assertEquals(31, new ProfileSelection(with(base, "release", 0), crate(), tcs, log).select().profiles().size());
    }
}
