package dev.ctime.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.EffectiveSetting;
import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileParser;
import dev.ctime.render.ProfileSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each key of the profile a build really uses comes from, in Cargo's order of precedence. */
class EffectiveProfileTest {
    @TempDir
    Path dir;

    private Map<String, EffectiveSetting> of(Profile p, Map<String, String> env) throws Exception {
        Path manifest = dir.resolve("Cargo.toml");
        Path config = dir.resolve(".cargo/config.toml");
        List<Path> configs = Files.exists(config) ? List.of(config) : List.of();
        return new EffectiveProfile(manifest, configs, env).of(p).stream()
                .collect(Collectors.toMap(EffectiveSetting::key, Function.identity()));
    }

    @Test
    void theCratesOwnReleaseProfileReachesWhatCtimeLeavesUnset() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), """
                [package]
                name = "k"
                [profile.release]
                lto = "thin"
                codegen-units = 4
                panic = "abort"
                [profile.release.package."*"]
                opt-level = 2
                """);
        Files.createDirectories(dir.resolve(".cargo"));
        Files.writeString(dir.resolve(".cargo/config.toml"), "[profile.release]\ncodegen-units = 8\n");
        Map<String, EffectiveSetting> e = of(ProfileParser.parse(Map.of("name", "release")),
                Map.of("CARGO_PROFILE_RELEASE_PANIC", "unwind"));

        assertEquals("\"thin\"", e.get("lto").value());
        assertEquals("your Cargo.toml [profile.release]", e.get("lto").source());
        assertTrue(e.get("lto").team());
        assertEquals("8", e.get("codegen-units").value(), "a config file beats the manifest");
        assertTrue(e.get("codegen-units").source().contains("config.toml"), e.get("codegen-units").source());
        assertEquals("unwind", e.get("panic").value(), "the environment beats both");
        assertEquals("3", e.get("opt-level").value());
        assertEquals("Cargo's default for release", e.get("opt-level").source());
        assertFalse(e.get("opt-level").team());
        assertEquals("2", e.get("package.*.opt-level").value(), "the crate's package overrides reach the build too");
    }

    @Test
    void whatCtimesProfileSetsWinsAndItsPackageOverridesAreItsOwn() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"k\"\n[profile.release]\nlto = \"thin\"\n");
        Profile p = ProfileParser.parse(Map.of("name", "fat", "lto", "fat", "packages", "*:opt-level=1, libm:codegen-units=1"));
        Map<String, EffectiveSetting> e = of(p, Map.of());

        assertEquals("\"fat\"", e.get("lto").value());
        assertEquals(EffectiveSetting.CTIME, e.get("lto").source());
        assertEquals("1", e.get("package.*.opt-level").value());
        assertEquals("1", e.get("package.libm.codegen-units").value());
        List<String> args = CargoCommand.profileConfig(p);
        assertTrue(args.contains("profile.ctime.package.\"*\".opt-level=1"), args.toString());
        assertTrue(args.contains("profile.ctime.package.\"libm\".codegen-units=1"), args.toString());
    }

    @Test
    void theReferenceNamedLikeCargosReleaseIsFlaggedWhenTheCrateChangesIt() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"k\"\n[profile.release]\nlto = \"thin\"\n");
        Profile release = ProfileParser.parse(Map.of("name", "release"));
        List<String> lines = ProfileSettings.lines(release, new EffectiveProfile(dir.resolve("Cargo.toml"), List.of(), Map.of())
                .of(release), "release");

        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("profile release (the reference) builds with opt-level = 3, lto = \"thin\""), lines.get(0));
        assertTrue(lines.get(1).contains("is not Cargo's release") && lines.get(1).contains("lto = \"thin\" in Cargo.toml"),
                lines.get(1));
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"k\"\n");
        assertEquals(1, ProfileSettings.lines(release, new EffectiveProfile(dir.resolve("Cargo.toml"), List.of(), Map.of())
                .of(release), "release").size(), "Cargo's own release is not flagged");
    }

    @Test
    void inheritNonePinsCargosDefaultsOverTheCratesOwn() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"k\"\n[profile.release]\nlto = \"thin\"\ncodegen-units = 4\n");
        Profile pinned = EffectiveProfile.withCargoDefaults(ProfileParser.parse(Map.of("name", "release", "codegenUnits", "2")));
        Map<String, EffectiveSetting> e = of(pinned, Map.of());
        assertEquals("false", e.get("lto").value(), "Cargo's release has no LTO across crates");
        assertFalse(e.get("lto").team());
        assertEquals("2", e.get("codegen-units").value(), "what the profile sets stays");
        assertEquals("3", e.get("opt-level").value());
        Profile dev = EffectiveProfile.withCargoDefaults(ProfileParser.parse(Map.of("name", "d", "inherits", "dev")));
        assertEquals("0", dev.optLevel());
        assertEquals(256, dev.codegenUnits());
        assertEquals(Boolean.TRUE, dev.incremental());
        assertEquals(null, EffectiveProfile.withCargoDefaults(ProfileParser.parse(Map.of("name", "e", "autodiff", "Enable"))).lto(),
                "an autodiff profile keeps the fat LTO ctime sets for it");
    }

    @Test
    void aPackageOverrideCargoWouldRefuseIsNamedWithTheKeysItAllows() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.ctime.profile.ProfileException.class,
                () -> ProfileParser.parse(Map.of("name", "x", "packages", "*:lto=fat, nonsense")));
        assertTrue(e.getMessage().contains("[*:lto=fat, nonsense]") && e.getMessage().contains("opt-level"), e.getMessage());
    }
}
