package dev.ctime.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileParser;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CargoCommandTest {
    static final Path MANIFEST = Path.of("/w/src/Cargo.toml");
    static final Path TARGET = Path.of("/w/target");
    static final String HOST = "x86_64-unknown-linux-gnu";

    static Profile profile(String... kv) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "p");
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return ProfileParser.parse(m);
    }

    static CargoCommand cmd(Profile p) {
        return CargoCommand.build(p, p.features(), MANIFEST, TARGET, null, List.of(), CargoCommand.FlagsRoute.BUILD_CONFIG, HOST, Map.of());
    }

    static String joined(CargoCommand c) {
        return String.join(" ", c.args());
    }

    @Test
    void customProfileInheritsTheUsersAndTargetsItsOwnFolder() throws Exception {
        CargoCommand c = cmd(profile());
        assertEquals(List.of("cargo", "build", "--lib", "--manifest-path", "/w/src/Cargo.toml", "--target-dir", "/w/target",
                "--profile", "ctime", "--message-format", "json-render-diagnostics", "--config",
                "profile.ctime.inherits=\"release\""), c.args());
        assertTrue(c.env().isEmpty());
        assertTrue(joined(cmd(profile("inherits", "dev"))).contains("profile.ctime.inherits=\"dev\""));
    }

    @Test
    void cargoProfileKeysForEveryAxis() throws Exception {
        Map<String, String> k = CargoCommand.profileKeys(profile("optLevel", "3", "lto", "fat", "codegenUnits", "16",
                "debug", "line-tables", "panic", "abort"));
        assertEquals("3", k.get("opt-level"));
        assertEquals("\"fat\"", k.get("lto"));
        assertEquals("16", k.get("codegen-units"));
        assertEquals("\"line-tables-only\"", k.get("debug"));
        assertEquals("\"abort\"", k.get("panic"));
        assertEquals("\"s\"", CargoCommand.profileKeys(profile("optLevel", "s")).get("opt-level"));
        assertEquals("\"z\"", CargoCommand.profileKeys(profile("optLevel", "z")).get("opt-level"));
        assertEquals("\"off\"", CargoCommand.profileKeys(profile("lto", "off")).get("lto"));
        assertEquals("false", CargoCommand.profileKeys(profile("lto", "thin-local")).get("lto"), "thin-local is lto = false");
        assertEquals("\"thin\"", CargoCommand.profileKeys(profile("lto", "thin")).get("lto"));
        assertEquals("\"none\"", CargoCommand.profileKeys(profile("debug", "none")).get("debug"));
        assertEquals("\"full\"", CargoCommand.profileKeys(profile("debug", "full")).get("debug"));
    }

    @Test
    void incrementalToolchainAndFeatures() throws Exception {
        Profile p = profile("incremental", "true", "toolchain", "nightly-2026-05-19", "features", "simd,fast");
        CargoCommand c = cmd(p);
        assertEquals("1", c.env().get("CARGO_INCREMENTAL"));
        assertEquals("nightly-2026-05-19", c.env().get("RUSTUP_TOOLCHAIN"));
        assertTrue(joined(c).contains("--features simd,fast"));
        CargoCommand scenario = CargoCommand.build(p, p.features(), MANIFEST, TARGET, false, List.of(),
                CargoCommand.FlagsRoute.BUILD_CONFIG, HOST, Map.of());
        assertEquals("0", scenario.env().get("CARGO_INCREMENTAL"), "the scenario decides over the profile");
    }

    @Test
    void boltKeepsRelocationsAndPipelineStageFlagsFollowTheProfiles() throws Exception {
        Profile p = profile("bolt", "true", "pgo", "true", "targetCpu", "native");
        assertEquals(List.of("-Ctarget-cpu=native", "-Clink-arg=-Wl,-q"), CargoCommand.rustflagsFor(p));
        assertEquals(List.of(), CargoCommand.rustflagsFor(profile("pgo", "true")), "PGO's flags belong to the pipeline's stages");
        CargoCommand c = CargoCommand.build(p, List.of(), MANIFEST, TARGET, null, List.of("-Cprofile-use=/w/m.profdata"),
                CargoCommand.FlagsRoute.BUILD_CONFIG, HOST, Map.of());
        assertEquals(List.of("-Ctarget-cpu=native", "-Clink-arg=-Wl,-q", "-Cprofile-use=/w/m.profdata"), c.rustflags(),
                "the stage's flags are checked on the leaf rustc like the profile's");
        assertTrue(joined(c).contains("build.rustflags=[\"-Ctarget-cpu=native\", \"-Clink-arg=-Wl,-q\", \"-Cprofile-use=/w/m.profdata\"]"),
                joined(c));
    }

    @Test
    void rustflagsForLinkerCpuThreadsAndExtras() throws Exception {
        assertEquals(List.of("-Clink-arg=-fuse-ld=mold"), CargoCommand.rustflagsFor(profile("linker", "mold")));
        assertEquals(List.of("-Clink-arg=-fuse-ld=lld"), CargoCommand.rustflagsFor(profile("linker", "lld")));
        assertEquals(List.of("-Clink-arg=-fuse-ld=bfd"), CargoCommand.rustflagsFor(profile("linker", "bfd")));
        assertEquals(List.of(), CargoCommand.rustflagsFor(profile("linker", "default")));
        assertEquals(List.of("-Ctarget-cpu=native"), CargoCommand.rustflagsFor(profile("targetCpu", "native")));
        assertEquals(List.of("-Zthreads=8"), CargoCommand.rustflagsFor(profile("frontendThreads", "8")));
        assertEquals(List.of("-Ctarget-cpu=native", "-Cforce-frame-pointers=yes"),
                CargoCommand.rustflagsFor(profile("targetCpu", "native", "rustflags", "-Cforce-frame-pointers=yes")));
    }

    @Test
    void everyAutodiffSettingReachesTheCommandLine() throws Exception {
        for (String s : List.of("NoPostopt", "NoTT", "Inline", "LooseTypes", "PrintTA", "PrintAA", "PrintPerf", "PrintSteps",
                "PrintModBefore", "PrintModAfter", "PrintModFinal", "PrintPasses")) {
            Profile p = profile("toolchain", "nightly", "autodiff", s);
            assertEquals(List.of("-Zautodiff=Enable," + s), CargoCommand.rustflagsFor(p), s);
        }
        Profile combo = profile("toolchain", "nightly", "autodiff", "Enable,NoTT,Inline,PrintTAFn=f");
        assertEquals(List.of("-Zautodiff=Enable,NoTT,Inline,PrintTAFn=f"), CargoCommand.rustflagsFor(combo));
        CargoCommand c = cmd(combo);
        String line = joined(c);
        assertTrue(line.contains("profile.ctime.lto=\"fat\""), "fat LTO enforced: " + line);
        assertTrue(line.contains("build.rustflags=[\"-Zautodiff=Enable,NoTT,Inline,PrintTAFn=f\"]"), line);
        assertEquals("nightly", c.env().get("RUSTUP_TOOLCHAIN"));
    }

    @Test
    void flagsAreAddedToTheUsersWhereverTheyLive() throws Exception {
        Profile p = profile("targetCpu", "native");
        CargoCommand target = CargoCommand.build(p, List.of(), MANIFEST, TARGET, null, List.of(), CargoCommand.FlagsRoute.TARGET_CONFIG,
                HOST, Map.of());
        assertTrue(joined(target).contains("target.x86_64-unknown-linux-gnu.rustflags=[\"-Ctarget-cpu=native\"]"));
        Map<String, String> env = Map.of("RUSTFLAGS", "-Cdebug-assertions=yes ");
        CargoCommand viaEnv = CargoCommand.build(p, List.of(), MANIFEST, TARGET, null, List.of(), CargoCommand.FlagsRoute.RUSTFLAGS_ENV,
                HOST, env);
        assertEquals("-Cdebug-assertions=yes -Ctarget-cpu=native", viaEnv.env().get("RUSTFLAGS"));
        assertFalse(joined(viaEnv).contains("rustflags="));
        CargoCommand encoded = CargoCommand.build(p, List.of(), MANIFEST, TARGET, null, List.of(), CargoCommand.FlagsRoute.ENCODED_ENV,
                HOST, Map.of("CARGO_ENCODED_RUSTFLAGS", "-Ca"));
        assertEquals("-Ca\u001f-Ctarget-cpu=native", encoded.env().get("CARGO_ENCODED_RUSTFLAGS"));
    }

    @Test
    void routeFollowsTheUsersSetup() {
        assertEquals(CargoCommand.FlagsRoute.ENCODED_ENV, CargoCommand.route(Map.of("CARGO_ENCODED_RUSTFLAGS", "", "RUSTFLAGS", ""), false));
        assertEquals(CargoCommand.FlagsRoute.RUSTFLAGS_ENV, CargoCommand.route(Map.of("RUSTFLAGS", "-Ca"), true));
        assertEquals(CargoCommand.FlagsRoute.TARGET_CONFIG, CargoCommand.route(Map.of(), true));
        assertEquals(CargoCommand.FlagsRoute.BUILD_CONFIG, CargoCommand.route(Map.of(), false));
    }

    @Test
    void tomlQuoting() {
        assertEquals("[\"a\", \"b\\\"c\"]", CargoCommand.tomlArray(List.of("a", "b\"c")));
    }
}
