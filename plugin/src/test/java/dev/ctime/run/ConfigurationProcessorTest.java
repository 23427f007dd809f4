package dev.ctime.run;

import dev.ctime.model.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The measure goal's settings checked without Maven: every problem at once, as data naming its setting. */
class ConfigurationProcessorTest {
    private static final long MEMORY = 24L << 30;

    private static RawConfiguration valid() {
        RawConfiguration r = new RawConfiguration();
        r.manifest = Path.of("Cargo.toml");
        r.outputDirectory = Path.of("target/ctime");
        r.profiles = List.of(Map.of("name", "release"), Map.of("name", "fat", "lto", "fat"));
        r.kernels = List.of(Map.of("name", "heat", "primal", "heat", "sizes", "64,4096"));
        r.scenarios = "full";
        r.repeat = 6;
        r.maxRepeat = 12;
        r.forks = 6;
        r.maxForks = 12;
        r.kernelBudgetSeconds = 300;
        r.targetPrecision = 0.02;
        r.kernelTimeoutSeconds = 60;
        r.deschedThreshold = 0.05;
        r.reference = "release";
        r.samples = 20;
        r.minSampleMs = 1;
        r.warmupMaxMs = 200;
        r.pinCpu = -1;
        r.seed = 42;
        r.gradientTolerance = 1e-4;
        r.buildTimeoutSeconds = 600;
        r.runTimeoutSeconds = 600;
        r.instructions = "auto";
        r.search = "exhaustive";
        r.maxProfiles = 30;
        r.anchor = "release";
        r.runtimeThreshold = 0.01;
        r.compileThreshold = 0.02;
        r.tolerance = 0.02;
        r.expectedCalls = 1e6;
        return r;
    }

    @Test
    void aValidConfigurationBecomesTheRunsConfig() {
        ConfigurationProcessor.Result r = ConfigurationProcessor.process(valid(), MEMORY);
        assertEquals(List.of(), r.problems());
        assertNotNull(r.config());
        assertEquals(List.of("release", "fat"), r.config().profiles().stream().map(p -> p.name()).toList());
        assertEquals(List.of(), r.advice(), "six builds and forks can settle a comparison");
    }

    @Test
    void everyProblemComesAtOnceNamingItsSetting() {
        RawConfiguration raw = valid();
        raw.repeat = 0;
        raw.scenarios = "full,nope";
        raw.profiles = List.of(Map.of("name", "release"), Map.of("name", "release"));
        raw.workload = "heat@5:gradient=1e6";
        raw.search = "race";
        raw.shard = "1/2";
        raw.kernels = List.of(Map.of("name", "heat", "primal", "heat", "sizes", "64,2000000000"));
        ConfigurationProcessor.Result r = ConfigurationProcessor.process(raw, MEMORY);
        assertNull(r.config());
        List<String> settings = r.problems().stream().map(Problem::setting).toList();
        for (String s : List.of("repeat", "scenarios", "profiles", "workload", "search", "kernels")) {
            assertTrue(settings.contains(s), s + " in " + r.problems());
        }
        Problem repeat = r.problems().stream().filter(p -> "repeat".equals(p.setting())).findFirst().orElseThrow();
        assertEquals("-Dctime.repeat is 0: use at least 1", repeat.spelt(s -> "-Dctime." + s));
        assertTrue(r.problems().stream().anyMatch(p -> p.text().contains("size 2000000000 needs about")), r.problems().toString());
    }

    @Test
    void tooFewRunsToEverDecideIsAdviceNotAProblem() {
        RawConfiguration raw = valid();
        raw.repeat = 3;
        raw.forks = 3;
        raw.kernels = List.of();
        ConfigurationProcessor.Result r = ConfigurationProcessor.process(raw, MEMORY);
        assertNotNull(r.config());
        assertEquals(List.of("repeat", "kernels"), r.advice().stream().map(Problem::setting).toList());
        assertEquals(List.of("repeat", "forks", "repeat", "forks"), r.advice().get(0).named());
    }

    @Test
    void aBindingAndAJdkAreCheckedWithTheRestAndNamedWithTheFix(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        RawConfiguration raw = valid();
        raw.binding = "jnr";
        raw.jdk = dir;
        raw.workloadItems = List.of(Map.of("kernel", "heat", "n", "64", "calls", "1e6", "binding", "ffm:heap"));
        List<Problem> ps = ConfigurationProcessor.process(raw, MEMORY).problems();
        assertTrue(ps.stream().anyMatch(p -> p.setting().equals("binding") && p.text().contains("'jnr' is not one of jna,")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.setting().equals("workload") && p.text().contains("'ffm:heap'")), ps.toString());
        assertTrue(ps.stream().anyMatch(p -> p.setting().equals("jdk") && p.text().contains("has no bin/java")), ps.toString());

        java.nio.file.Files.createDirectories(dir.resolve("bin"));
        java.nio.file.Files.writeString(dir.resolve("bin/java"), "");
        dir.resolve("bin/java").toFile().setExecutable(true);
        RawConfiguration ok = valid();
        ok.binding = "ffm-critical:array";
        ok.jdk = dir;
        ConfigurationProcessor.Result r = ConfigurationProcessor.process(ok, MEMORY);
        assertEquals(List.of(), r.problems());
        assertEquals(dev.ctime.model.Caller.parse("ffm-critical:array"), r.config().judging().binding());
        assertEquals(dir, r.config().timing().jdk());
        assertTrue(r.config().timing().callers(), "the calls from Java are timed unless ctime.callers=false");
    }

    @Test
    void featuresForEveryProfileAreReadAsAListAndPartOfWhatResumeCompares() throws Exception {
        RawConfiguration raw = valid();
        raw.features = " kernels , simd,";
        MeasureConfig withFeatures = ConfigurationProcessor.process(raw, MEMORY).config();
        assertEquals(java.util.List.of("kernels", "simd"), withFeatures.builds().features());
        MeasureConfig without = ConfigurationProcessor.process(valid(), MEMORY).config();
        assertEquals(java.util.List.of(), without.builds().features());
        dev.ctime.model.Profile p = dev.ctime.profile.ProfileParser.parse(java.util.Map.of("name", "release"));
        org.junit.jupiter.api.Assertions.assertNotEquals(Resume.fingerprint(without, p, null), Resume.fingerprint(withFeatures, p, null),
                "another library: a resumed run does not reuse the profiles built without them");
    }
}
