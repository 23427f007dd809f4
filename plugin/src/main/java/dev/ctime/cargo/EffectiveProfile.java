package dev.ctime.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctime.model.EffectiveSetting;
import dev.ctime.model.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cargo profile a ctime profile really builds with, key by key, and where each value comes from. ctime's profile
 * ({@value CargoCommand#CARGO_PROFILE}) inherits the crate's release or dev profile: whatever the crate's workspace
 * manifest, its Cargo config files or CARGO_PROFILE_* variables set there reaches the build unless ctime's profile sets
 * the key itself. Cargo's precedence: ctime's --config, then the environment, then config files (nearest first), then
 * the workspace manifest, then Cargo's built-in defaults.
 */
public final class EffectiveProfile {
    /** The keys shown for every profile, in Cargo's documentation order. */
    static final List<String> KEYS = List.of("opt-level", "debug", "strip", "debug-assertions", "overflow-checks", "lto", "panic",
            "incremental", "codegen-units");

    private final Map<String, JsonNode> configs = new LinkedHashMap<>();
    private final JsonNode manifest;
    private final Path manifestPath;
    private final Map<String, String> env;

    /**
     * @param workspaceManifest the workspace root's Cargo.toml (the only manifest whose profiles Cargo reads)
     * @param configFiles       Cargo config files, nearest first (as {@link CargoConfigScan} finds them)
     */
    public EffectiveProfile(Path workspaceManifest, List<Path> configFiles, Map<String, String> env) throws IOException {
        this.manifestPath = workspaceManifest;
        this.manifest = Files.isRegularFile(workspaceManifest)
                ? CargoToml.parse(Files.readString(workspaceManifest), workspaceManifest) : null;
        for (Path f : configFiles) configs.put(f.toString(), CargoToml.parse(Files.readString(f), f));
        this.env = env;
    }

    /** Cargo's built-in value of a key for the release or dev profile (TOML text). */
    static String cargoDefault(String inherits, String key) {
        boolean dev = !"release".equals(inherits) && !"bench".equals(inherits);
        return switch (key) {
            case "opt-level" -> dev ? "0" : "3";
            case "debug" -> dev ? "true" : "false";
            case "strip" -> "\"none\"";
            case "debug-assertions", "overflow-checks", "incremental" -> dev ? "true" : "false";
            case "lto" -> "false";
            case "panic" -> "\"unwind\"";
            case "codegen-units" -> dev ? "256" : "16";
            default -> null;
        };
    }

    /**
     * The profile with every key ctime's profiles can set that it leaves unset pinned to Cargo's default for the profile
     * it inherits (ctime.inherit=none): the crate's own [profile.release] then no longer reaches it. Keys no ctime
     * profile sets (strip, debug-assertions, overflow-checks) and the crate's package overrides still do.
     */
    public static Profile withCargoDefaults(Profile p) {
        boolean dev = "dev".equals(p.inheritsOrDefault());
        String lto = p.lto() != null || p.isAutodiff() ? p.lto() : "thin-local";
        return new Profile(p.name(), p.inherits(), p.optLevel() != null ? p.optLevel() : dev ? "0" : "3", lto,
                p.codegenUnits() != null ? p.codegenUnits() : dev ? 256 : 16, p.incremental() != null ? p.incremental() : dev,
                p.debug() != null ? p.debug() : dev ? "full" : "none", p.panic() != null ? p.panic() : "unwind", p.linker(),
                p.targetCpu(), p.frontendThreads(), p.toolchain(), p.features(), p.rustflags(), p.autodiff(), p.pgo(), p.bolt(),
                p.packages());
    }

    /** Every key of {@link #KEYS} as it reaches the build, then the package overrides the crate's profiles carry. */
    public List<EffectiveSetting> of(Profile p) {
        Map<String, String> ctime = CargoCommand.profileKeys(p);
        String inherits = p.inheritsOrDefault();
        List<EffectiveSetting> out = new ArrayList<>();
        for (String key : KEYS) {
            if (ctime.containsKey(key)) {
                out.add(new EffectiveSetting(key, ctime.get(key), EffectiveSetting.CTIME, false));
                continue;
            }
            EffectiveSetting found = fromTeam(CargoCommand.CARGO_PROFILE, key);
            if (found == null) found = fromTeam(inherits, key);
            out.add(found != null ? found : new EffectiveSetting(key, cargoDefault(inherits, key), EffectiveSetting.CARGO_DEFAULT
                    + " for " + inherits, false));
        }
        // Package overrides ([profile.NAME.package.SPEC]) of ctime's own keys, then of the inherited profile's.
        Map<String, String> ctimePackages = CargoCommand.packageKeys(p);
        ctimePackages.forEach((k, v) -> out.add(new EffectiveSetting("package." + k, v, EffectiveSetting.CTIME, false)));
        for (String profile : List.of(CargoCommand.CARGO_PROFILE, inherits)) {
            for (Map.Entry<String, JsonNode> src : sources().entrySet()) {
                JsonNode pkgs = src.getValue().path("profile").path(profile).path("package");
                for (Iterator<Map.Entry<String, JsonNode>> it = pkgs.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> spec = it.next();
                    for (Iterator<Map.Entry<String, JsonNode>> kv = spec.getValue().fields(); kv.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = kv.next();
                        String key = "package." + spec.getKey() + "." + e.getKey();
                        if (ctimePackages.containsKey(spec.getKey() + "." + e.getKey())) continue;
                        if (out.stream().anyMatch(s -> s.key().equals(key))) continue;
                        out.add(new EffectiveSetting(key, toml(e.getValue()), where(src.getKey(), profile), true));
                    }
                }
            }
        }
        return out;
    }

    /** The key as the environment, a config file or the manifest sets it for this Cargo profile, or null. */
    private EffectiveSetting fromTeam(String profile, String key) {
        String var = "CARGO_PROFILE_" + profile.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_"
                + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (env.get(var) != null) return new EffectiveSetting(key, env.get(var), "the environment (" + var + ")", true);
        for (Map.Entry<String, JsonNode> src : sources().entrySet()) {
            JsonNode v = src.getValue().path("profile").path(profile).path(key);
            if (!v.isMissingNode() && !v.isNull()) return new EffectiveSetting(key, toml(v), where(src.getKey(), profile), true);
        }
        return null;
    }

    /** Config files (nearest first), then the manifest: Cargo's order of precedence among files. */
    private Map<String, JsonNode> sources() {
        Map<String, JsonNode> s = new LinkedHashMap<>(configs);
        if (manifest != null) s.put(manifestPath.toString(), manifest);
        return s;
    }

    private String where(String file, String profile) {
        boolean isManifest = file.equals(manifestPath.toString());
        return "your " + (isManifest ? "Cargo.toml" : file) + " [profile." + profile + "]";
    }

    static String toml(JsonNode v) {
        return v.isTextual() ? CargoCommand.quote(v.asText()) : v.toString();
    }
}
