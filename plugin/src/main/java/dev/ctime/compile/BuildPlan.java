package dev.ctime.compile;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.Toolchain;
import dev.ctime.pgo.PipelineTools;
import dev.ctime.model.EffectiveSetting;
import dev.ctime.model.Profile;
import java.nio.file.Path;
import java.util.List;

/**
 * One profile's builds as decided before the first one, fixed for the whole run.
 *
 * @param toolchain   the probed toolchain; null where it is not installed (the profile is then skipped)
 * @param dir         target/ctime/profiles/NAME: src/ (the crate's copy), target/ (cargo's), logs/, lib/
 * @param features    the profile's features, the autodiff feature added for autodiff profiles
 * @param tools       the LLVM tools a PGO or BOLT profile's pipeline needs; null for other profiles
 * @param fingerprint settings, toolchain, sources and measuring settings hashed: equal means reusable (ctime.resume)
 * @param effective   every Cargo profile key as it will reach the build, with its source
 */
public record BuildPlan(Profile profile, Toolchain toolchain, Path dir, List<String> features, CargoCommand.FlagsRoute route,
                        PipelineTools.Set tools, String fingerprint, List<EffectiveSetting> effective) {
    public BuildPlan {
        features = List.copyOf(features);
        effective = effective == null ? List.of() : List.copyOf(effective);
    }

    /** Where the effective settings were not worked out. */
    public BuildPlan(Profile profile, Toolchain toolchain, Path dir, List<String> features, CargoCommand.FlagsRoute route,
                     PipelineTools.Set tools, String fingerprint) {
        this(profile, toolchain, dir, features, route, tools, fingerprint, List.of());
    }

    public String name() {
        return profile.name();
    }

    /** The toolchain's display name, or the one asked for where it is not installed. */
    public String toolchainName() {
        return toolchain == null ? profile.toolchain() : toolchain.displayName();
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    /** cargo's target folder for the profile's own builds (a PGO instrumented build has its own). */
    Path target() {
        return dir.resolve("target");
    }
}
