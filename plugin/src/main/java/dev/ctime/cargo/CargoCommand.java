package dev.ctime.cargo;

import dev.ctime.model.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Translates a {@link Profile} into one cargo invocation: a custom Cargo profile named
 * {@value #CARGO_PROFILE} defined with {@code --config} (inheriting the user's release or dev
 * profile, so their own settings stay and ctime's are layered on top), rustflags added to the
 * user's rather than replacing them, and the toolchain chosen through rustup. The user's
 * Cargo.toml is never edited.
 */
public final class CargoCommand {
    public static final String CARGO_PROFILE = "ctime";
    public static final String BOLT_RELOCATIONS = "-Clink-arg=-Wl,-q";

    /** Where rustflags go so that cargo adds them to, rather than replaces, the user's. */
    public enum FlagsRoute {
        /** cargo joins --config build.rustflags with the config files' build.rustflags. */
        BUILD_CONFIG,
        /** the user's config sets target.*.rustflags, which beat build.rustflags: join those instead. */
        TARGET_CONFIG,
        /** RUSTFLAGS is set in the environment and overrides every config file: append to it. */
        RUSTFLAGS_ENV,
        /** CARGO_ENCODED_RUSTFLAGS is set: append to it (0x1f separated). */
        ENCODED_ENV
    }

    private final List<String> args;
    private final Map<String, String> env;
    private final List<String> rustflags;

    private CargoCommand(List<String> args, Map<String, String> env, List<String> rustflags) {
        this.args = args;
        this.env = env;
        this.rustflags = rustflags;
    }

    public List<String> args() {
        return args;
    }

    /** Variables to set (null removes one). */
    public Map<String, String> env() {
        return env;
    }

    /** The rustflags ctime adds for this profile. */
    public List<String> rustflags() {
        return rustflags;
    }

    /** The -C/-Z flags ctime adds for a profile's settings (not those Cargo's profile keys carry). */
    public static List<String> rustflagsFor(Profile p) {
        List<String> f = new ArrayList<>();
        if (p.linker() != null && !p.linker().equals("default")) f.add("-Clink-arg=-fuse-ld=" + p.linker());
        if (p.targetCpu() != null) f.add("-Ctarget-cpu=" + p.targetCpu());
        if (p.frontendThreads() != null) f.add("-Zthreads=" + p.frontendThreads());
        // BOLT rewrites the linked library and needs its relocations kept (--emit-relocs).
        if (p.usesBolt()) f.add(BOLT_RELOCATIONS);
        if (p.isAutodiff()) f.add("-Zautodiff=" + String.join(",", autodiffSettings(p)));
        f.addAll(p.rustflags());
        return f;
    }

    /** Enable first (rustc requires it), then the profile's settings in order, without repeats. */
    public static List<String> autodiffSettings(Profile p) {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        s.add("Enable");
        s.addAll(p.autodiff());
        return List.copyOf(s);
    }

    /** The profile as cargo arguments: {@code --config profile.ctime.KEY=VALUE} for each of {@link #profileKeys}. */
    public static List<String> profileConfig(Profile p) {
        List<String> a = new ArrayList<>();
        profileKeys(p).forEach((k, v) -> a.addAll(List.of("--config", "profile." + CARGO_PROFILE + "." + k + "=" + v)));
        packageKeys(p).forEach((k, v) -> {
            int dot = k.lastIndexOf('.');
            a.addAll(List.of("--config", "profile." + CARGO_PROFILE + ".package." + quote(k.substring(0, dot)) + k.substring(dot) + "=" + v));
        });
        return a;
    }

    /** The profile's package overrides as {@code SPEC.KEY} to a TOML value (numbers and booleans bare, the rest quoted). */
    public static Map<String, String> packageKeys(Profile p) {
        Map<String, String> k = new LinkedHashMap<>();
        for (String entry : p.packages()) {
            int colon = entry.lastIndexOf(':');
            int eq = entry.indexOf('=', colon);
            String v = entry.substring(eq + 1);
            k.put(entry.substring(0, colon) + "." + entry.substring(colon + 1, eq), v.matches("-?\\d+|true|false") ? v : quote(v));
        }
        return k;
    }

    /** The Cargo profile keys, as {@code --config profile.ctime.KEY=VALUE} entries (TOML values). */
    public static Map<String, String> profileKeys(Profile p) {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("inherits", quote(p.inheritsOrDefault()));
        if (p.optLevel() != null) {
            k.put("opt-level", p.optLevel().matches("\\d") ? p.optLevel() : quote(p.optLevel()));
        }
        String lto = p.isAutodiff() && p.lto() == null ? "fat" : p.lto();
        if (lto != null) {
            // thin-local is Cargo's `lto = false`; "off" disables LTO altogether.
            k.put("lto", lto.equals("thin-local") ? "false" : quote(lto));
        }
        if (p.codegenUnits() != null) k.put("codegen-units", p.codegenUnits().toString());
        if (p.debug() != null) k.put("debug", quote(p.debug().equals("line-tables") ? "line-tables-only" : p.debug()));
        if (p.panic() != null) k.put("panic", quote(p.panic()));
        return k;
    }

    /**
     * @param features    the profile's features plus, for autodiff profiles, the autodiff feature
     * @param incremental the scenario's choice; null leaves the profile's (or Cargo's) default
     * @param stageFlags  rustflags of a training pipeline's stage (-Cprofile-generate/-use), after the profile's
     * @param userEnv     the environment cargo would otherwise see (for RUSTFLAGS detection)
     */
    public static CargoCommand build(Profile p, List<String> features, Path manifest, Path targetDir, Boolean incremental,
                                     List<String> stageFlags, FlagsRoute route, String hostTriple, Map<String, String> userEnv) {
        List<String> a = new ArrayList<>(List.of("cargo", "build", "--lib", "--manifest-path", manifest.toString(),
                "--target-dir", targetDir.toString(), "--profile", CARGO_PROFILE, "--message-format",
                "json-render-diagnostics"));
        a.addAll(profileConfig(p));
        if (!features.isEmpty()) a.addAll(List.of("--features", String.join(",", features)));
        Map<String, String> env = new LinkedHashMap<>();
        if (p.toolchain() != null) env.put("RUSTUP_TOOLCHAIN", p.toolchain());
        Boolean inc = incremental != null ? incremental : p.incremental();
        if (inc != null) env.put("CARGO_INCREMENTAL", inc ? "1" : "0");
        List<String> flags = new ArrayList<>(rustflagsFor(p));
        flags.addAll(stageFlags);
        if (!flags.isEmpty()) {
            switch (route) {
                case BUILD_CONFIG -> a.addAll(List.of("--config", "build.rustflags=" + tomlArray(flags)));
                case TARGET_CONFIG -> a.addAll(List.of("--config",
                        "target." + hostTriple + ".rustflags=" + tomlArray(flags)));
                case RUSTFLAGS_ENV -> env.put("RUSTFLAGS", (userEnv.get("RUSTFLAGS").strip() + " "
                        + String.join(" ", flags)).strip());
                case ENCODED_ENV -> {
                    String user = userEnv.get("CARGO_ENCODED_RUSTFLAGS");
                    env.put("CARGO_ENCODED_RUSTFLAGS", (user.isEmpty() ? "" : user + "\u001f") + String.join("\u001f", flags));
                }
            }
        }
        return new CargoCommand(List.copyOf(a), env, List.copyOf(flags));
    }

    /** The route for this environment and these config files' contents. */
    public static FlagsRoute route(Map<String, String> userEnv, boolean configHasTargetRustflags) {
        if (userEnv.containsKey("CARGO_ENCODED_RUSTFLAGS")) return FlagsRoute.ENCODED_ENV;
        if (userEnv.containsKey("RUSTFLAGS")) return FlagsRoute.RUSTFLAGS_ENV;
        return configHasTargetRustflags ? FlagsRoute.TARGET_CONFIG : FlagsRoute.BUILD_CONFIG;
    }

    /** A TOML basic string: quoted, with backslashes and quotes escaped (what cargo's --config and Cargo.toml read). */
    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static String tomlArray(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(quote(items.get(i)));
        }
        return sb.append(']').toString();
    }
}
