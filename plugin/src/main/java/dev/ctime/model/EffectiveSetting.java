package dev.ctime.model;

/**
 * One Cargo profile key as it reaches the build, and where its value came from: ctime's profile, the crate's own
 * {@code [profile.*]}, a Cargo config file, the environment, or Cargo's default.
 *
 * @param key    Cargo's name for it (opt-level, lto, codegen-units, ...), or {@code package.SPEC.KEY} for a package override
 * @param value  as TOML writes it ({@code "thin"}, 3, false)
 * @param source where it came from, in words ("ctime's profile", "your Cargo.toml [profile.release]", "Cargo's default")
 * @param team   true where the value is the crate's own (its manifest, config or environment), not ctime's nor Cargo's
 */
public record EffectiveSetting(String key, String value, String source, boolean team) {
    public static final String CTIME = "ctime's profile";
    public static final String CARGO_DEFAULT = "Cargo's default";
}
