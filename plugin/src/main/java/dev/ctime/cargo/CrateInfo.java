package dev.ctime.cargo;

import dev.ctime.exec.CommandNotFound;
import dev.ctime.store.Json;
import dev.ctime.exec.EnvironmentException;
import dev.ctime.exec.Processes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's crate as {@code cargo metadata} describes it.
 *
 * @param crateName the library's crate name as rustc sees it (dashes become underscores)
 * @param libSource the library's crate root, relative to the crate's folder
 */
public record CrateInfo(Path manifest, String packageName, String version, String crateName, List<String> features,
                        boolean cdylib, Path workspaceRoot, Path libSource) {

    public Path dir() {
        return manifest.getParent();
    }

    public static CrateInfo read(Path manifest, Path logs) throws IOException, InterruptedException {
        if (!Files.isRegularFile(manifest)) {
            throw new EnvironmentException("no Cargo.toml at " + manifest + ": set <manifestPath> in the ctime plugin's configuration"
                    + " (or -Dctime.manifestPath) to your crate's Cargo.toml, or put the crate in src/main/rust/");
        }
        Processes.Result r;
        try {
            r = Processes.run(List.of("cargo", "metadata", "--no-deps", "--format-version", "1", "--offline",
                    "--manifest-path", manifest.toString()), manifest.getParent(), java.util.Map.of(),
                    Duration.ofMinutes(5), logs, "cargo-metadata");
        } catch (CommandNotFound e) {
            throw new EnvironmentException("cargo is not on the PATH: install Rust with rustup (https://rustup.rs), "
                    + "or put cargo on the PATH that Maven runs with", e);
        }
        if (!r.ok()) {
            String pin = missingPinnedToolchain(manifest.getParent(), r.stderr());
            if (pin != null) throw new EnvironmentException(pin);
            throw new EnvironmentException("`cargo metadata` failed for " + manifest + ": " + withoutBacktrace(r.stderr()));
        }
        return parse(manifest, r.stdout());
    }

    private static final java.util.regex.Pattern NOT_INSTALLED = java.util.regex.Pattern.compile("toolchain '([^']+)' is not installed");

    /**
     * Where rustup refuses a toolchain the crate pins, the pin named with the fix (rustup names neither the file nor
     * where the choice came from); null where that is not the failure.
     */
    static String missingPinnedToolchain(Path crateDir, String stderr) {
        java.util.regex.Matcher m = NOT_INSTALLED.matcher(stderr);
        if (!m.find()) return null;
        String toolchain = m.group(1);
        Path pin = null;
        for (Path d = crateDir.toAbsolutePath().normalize(); d != null && pin == null; d = d.getParent()) {
            for (String name : List.of("rust-toolchain.toml", "rust-toolchain")) {
                if (Files.isRegularFile(d.resolve(name))) {
                    pin = d.resolve(name);
                    break;
                }
            }
        }
        String from = System.getenv("RUSTUP_TOOLCHAIN") != null ? "RUSTUP_TOOLCHAIN=" + System.getenv("RUSTUP_TOOLCHAIN")
                + " in the environment" : pin != null ? pin.toString() : "a rustup override for " + crateDir;
        return "the toolchain " + toolchain + ", pinned by " + from + ", is not installed: install it (rustup toolchain install "
                + toolchain.replaceAll("-x86_64-unknown-linux-gnu$|-aarch64-unknown-linux-gnu$", "") + ") or change the pin;"
                + " ctime builds with the toolchain your crate pins, as cargo does";
    }

    /** rustup's and cargo's words without the stack backtrace RUST_BACKTRACE adds to them. */
    static String withoutBacktrace(String stderr) {
        int at = stderr.indexOf("Stack backtrace:");
        return (at < 0 ? stderr : stderr.substring(0, at)).strip();
    }

    static CrateInfo parse(Path manifest, String json) throws IOException {
        JsonNode root = Json.MAPPER.readTree(json);
        Path wanted = manifest.toAbsolutePath().normalize();
        for (JsonNode pkg : root.path("packages")) {
            Path mp = Path.of(pkg.path("manifest_path").asText()).toAbsolutePath().normalize();
            if (!mp.equals(wanted) && root.path("packages").size() > 1) continue;
            List<String> features = new ArrayList<>();
            pkg.path("features").fieldNames().forEachRemaining(features::add);
            for (JsonNode t : pkg.path("targets")) {
                List<String> kinds = new ArrayList<>();
                t.path("kind").forEach(k -> kinds.add(k.asText()));
                if (kinds.contains("cdylib") || kinds.contains("lib") || kinds.contains("rlib")) {
                    return new CrateInfo(wanted, pkg.path("name").asText(), pkg.path("version").asText(),
                            t.path("name").asText().replace('-', '_'), features, kinds.contains("cdylib"),
                            Path.of(root.path("workspace_root").asText(wanted.getParent().toString())),
                            wanted.getParent().relativize(Path.of(t.path("src_path").asText()).toAbsolutePath().normalize()));
                }
            }
            throw new EnvironmentException("package " + pkg.path("name").asText() + " has no library target: ctime loads kernels"
                    + " from a cdylib; add [lib] crate-type = [\"cdylib\"] to " + manifest);
        }
        throw new EnvironmentException("cargo metadata lists no package for " + manifest);
    }

    /** The crate's folder with symbolic links resolved (a src/main/rust that links elsewhere), as cargo reports paths. */
    public Path realDir() {
        Path dir = dir().toAbsolutePath().normalize();
        try {
            return dir.toRealPath();
        } catch (java.io.IOException e) {
            return dir;
        }
    }

    /** The folder whose sources are measured: the workspace root for a workspace member, else the crate's own. */
    public Path sourceRoot() {
        Path dir = realDir();
        if (workspaceRoot() == null) return dir;
        Path root = workspaceRoot().toAbsolutePath().normalize();
        return dir.startsWith(root) ? root : dir;
    }
}
