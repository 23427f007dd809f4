package dev.ctime.mojo;

import dev.ctime.model.Workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.compile.Scenario;
import dev.ctime.run.MeasureConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The measure goal's parameters as Maven hands them over: read, checked all at once, and turned into the job. */
class MeasureMojoTest {
    @TempDir
    Path dir;

    MeasureMojo mojo() throws Exception {
        return Descriptor.configured(new MeasureMojo(), dir);
    }

    static DefaultPlexusConfiguration element(String name, String value, DefaultPlexusConfiguration... children) {
        DefaultPlexusConfiguration e = new DefaultPlexusConfiguration(name, value);
        for (DefaultPlexusConfiguration c : children) e.addChild(c);
        return e;
    }

    @Test
    void aRunThatMeasuredNothingFails() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.ctime.exec.Processes.which("cargo") != null, "cargo is not installed");
        Path crate = Path.of("../it/src/it/crates/basic").toAbsolutePath().normalize();
        Files.copy(crate.resolve("Cargo.toml"), dir.resolve("Cargo.toml"));
        Files.createDirectories(dir.resolve("src"));
        Files.copy(crate.resolve("src/lib.rs"), dir.resolve("src/lib.rs"));
        MeasureMojo m = mojo();
        m.setLog(new RecordingLog());
        m.instructions = "off";
        // Every profile on a toolchain this machine does not have: each is skipped before any build.
        m.profiles = element("profiles", null, element("profile", null, element("name", "release"),
                element("toolchain", "ctime-no-such-toolchain")));
        org.apache.maven.plugin.MojoFailureException e = assertThrows(org.apache.maven.plugin.MojoFailureException.class, m::execute);
        assertTrue(e.getMessage().startsWith("ctime: nothing was measured: every profile failed or was skipped (release: skipped"),
                e.getMessage());
        assertTrue(e.getMessage().lines().allMatch(l -> l.length() <= 100), e.getMessage());
    }

    @Test
    void theDefaultsMakeAJobWithItsPartsGrouped() throws Exception {
        MeasureConfig c = mojo().config();
        assertEquals(dir.resolve("Cargo.toml"), c.manifest());
        assertEquals(dir.resolve("target/ctime"), c.workDir());
        assertEquals(List.of(Scenario.CLEAN), c.builds().scenarios());
        assertEquals(Duration.ofSeconds(1800), c.builds().timeout());
        assertNull(c.builds().patchFile());
        assertEquals(42, c.timing().seed());
        assertEquals(List.of(), c.profiles(), "no <profiles>: the presets");
        assertEquals("release", c.judging().reference());
        assertNull(c.sharding().shard());
        assertFalse(c.resume());
    }

    @Test
    void everyProblemIsNamedAtOnceBeforeAnyBuild() throws Exception {
        MeasureMojo m = mojo();
        m.profiles = element("profiles", null, element("profile", null, element("name", "a"), element("lto", "fatt")),
                element("profile", null, element("name", "b"), element("optLevel", "4")));
        // A size listed twice, and the kernel's name used twice: both named in the same pass.
        DefaultPlexusConfiguration k = element("kernel", null, element("name", "heat"), element("primal", "heat"),
                element("sizes", null, element("size", "64"), element("size", "64")));
        m.kernels = element("kernels", null, k, element("kernel", null, element("name", "heat"), element("primal", "heat2"),
                element("sizes", null, element("size", "8"))));
        m.scenarios = "full,incr-ful";
        m.repeat = "0";
        m.samples = "5";
        // Values Maven's converter used to stop at, hiding every other problem: now named with the rest.
        m.gradientTolerance = "1e-4x";
        m.seed = "forty-two";
        m.tolerance = "2%";
        m.instructions = "some";
        m.shard = "3/2";
        m.patchFile = dir.resolve("absent.diff").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, m::config);
        String msg = e.getMessage();
        for (String expected : List.of("fatt", "optLevel", "two kernels are named 'heat'", "size 64 is listed twice",
                "unknown scenario 'incr-ful'",
                "ctime.repeat is 0", "ctime.samples is 5", "ctime.instructions is 'some'", "3/2", "absent.diff",
                "ctime.gradientTolerance is '1e-4x', which is not a number", "ctime.seed is 'forty-two'", "ctime.tolerance is '2%'")) {
            assertTrue(msg.contains(expected), "the message names " + expected + ":\n" + msg);
        }
        assertTrue(msg.split("\n  - ").length >= 13, "one line per problem:\n" + msg);
    }

    @Test
    void aCrateUnderMavensRustFolderIsFoundAndParametersReachTheirGroups() throws Exception {
        Files.createDirectories(dir.resolve("src/main/rust"));
        Files.writeString(dir.resolve("src/main/rust/Cargo.toml"), "[package]\n");
        MeasureMojo m = mojo();
        m.scenarios = "incr-patched, full";
        m.forks = "3";
        m.shard = "2/3";
        m.selectProfiles = "release, dev";
        MeasureConfig c = m.config();
        assertEquals(dir.resolve("src/main/rust/Cargo.toml"), c.manifest());
        assertEquals(List.of(Scenario.INCR_PATCHED, Scenario.FULL), c.builds().scenarios());
        assertEquals("incr-patched", c.builds().mix().id(), "one build of the first scenario where no mix is asked for");
        assertEquals(3, c.timing().forks());
        assertEquals(2, c.sharding().shard().index());
        assertEquals(List.of("release", "dev"), c.only());
        // A mix times its scenarios whether ctime.scenarios names them or not, and the decision reads its sum.
        m.builds = "clean=1,edit=20";
        MeasureConfig mixed = m.config();
        assertEquals(List.of(Scenario.INCR_PATCHED, Scenario.FULL, Scenario.CLEAN, Scenario.EDIT), mixed.builds().scenarios());
        assertEquals("clean=1,edit=20", mixed.judging().scenario());
    }

    @Test
    void theWorkloadIsReadFromThePomOrTheCommandLineAndEveryBadItemIsNamed() throws Exception {
        MeasureMojo m = mojo();
        m.kernels = element("kernels", null, element("kernel", null, element("name", "heat"), element("primal", "heat"),
                element("gradient", "heat_grad"), element("sizes", null, element("size", "64"), element("size", "4096"))),
                element("kernel", null, element("name", "norm"), element("primal", "norm"), element("sizes", null, element("size", "8"))));
        m.workload = element("workload", null,
                element("item", null, element("kernel", "heat"), element("n", "4096"), element("calls", "1e6")),
                element("item", null, element("kernel", "norm"), element("n", "8"), element("function", "primal"),
                        element("calls", "2_000_000")));
        MeasureConfig c = m.config();
        assertEquals(List.of(new Workload.Item("heat", 4096, "gradient", 1e6),
                new Workload.Item("norm", 8, "primal", 2e6)), c.judging().workload().items());
        assertFalse(c.judging().workload().derived());

        m.workloadProperty = "heat@64=5e5";
        assertEquals(List.of(new Workload.Item("heat", 64, "gradient", 5e5)), m.config().judging().workload().items(),
                "ctime.workload replaces <workload>");

        m.workloadProperty = "heat@128:gradient=1e6, norm@8:gradient=10, nosuch@1=1, heat@64:primal=-3, heat@64:primal=1, heat";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, m::config);
        for (String expected : List.of("heat gradient (n = 128): kernel heat is measured at sizes [64, 4096] only",
                "norm gradient (n = 8): kernel norm has no <gradient>", "no kernel is named 'nosuch'",
                "calls must be a positive number", "is listed twice", "'heat' is not kernel@n:function=calls")) {
            assertTrue(e.getMessage().contains(expected), "names " + expected + ":\n" + e.getMessage());
        }
    }

    @Test
    void tooFewRunsForAnyTestAreWarnedOfBeforeAnyBuild() throws Exception {
        MeasureMojo m = mojo();
        RecordingLog log = new RecordingLog();
        m.setLog(log);
        m.forks = "1";
        m.repeat = "1";
        m.config();
        assertTrue(log.all().contains("no comparison can ever be significant (the Mann-Whitney test at 5% needs 4 runs a side)"),
                log.all());
        assertTrue(log.all().contains("cannot bound how much costlier it could be"), log.all());
    }

    @Test
    void aMisspeltPropertyStopsTheRunWithTheClosestOne() throws Exception {
        java.util.Properties given = new java.util.Properties();
        given.setProperty("ctime.profles", "release");
        given.setProperty("ctime.repeat", "3");
        given.setProperty("ctime.zzzzzzzzzzz", "1");
        given.setProperty("maven.repo.local", "/tmp/x");
        MeasureMojo m = mojo();
        org.apache.maven.execution.DefaultMavenExecutionRequest request = new org.apache.maven.execution.DefaultMavenExecutionRequest();
        request.setUserProperties(given);
        @SuppressWarnings("deprecation")
        org.apache.maven.execution.MavenSession session = new org.apache.maven.execution.MavenSession(null, null, request, null);
        m.session = session;
        MojoExecutionException e = assertThrows(MojoExecutionException.class, m::config);
        assertTrue(e.getMessage().contains("-Dctime.profles is not a ctime property: did you mean -Dctime.profiles?"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dctime.zzzzzzzzzzz is not a ctime property; mvn ctime:help -Ddetail lists them"),
                e.getMessage());
        assertFalse(e.getMessage().contains("ctime.repeat") || e.getMessage().contains("maven.repo"), e.getMessage());
    }
}
