package dev.ctime.cargo;

import dev.ctime.exec.CommandNotFound;
import dev.ctime.exec.EnvironmentException;
import dev.ctime.exec.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code rustc -vV} says of a toolchain: the facts a report must carry and the checks a
 * profile needs (nightly-only flags, the LLVM major that names the Enzyme library).
 *
 * @param name   the rustup toolchain asked for, or null for the default one
 */
public record Toolchain(String name, String rustcVersion, String release, String host, String llvmVersion,
                        String channel, Path sysroot) {

    public boolean isNightly() {
        return "nightly".equals(channel) || "dev".equals(channel);
    }

    public String llvmMajor() {
        if (llvmVersion == null) return null;
        int dot = llvmVersion.indexOf('.');
        return dot < 0 ? llvmVersion : llvmVersion.substring(0, dot);
    }

    public String displayName() {
        return name == null ? "default" : name;
    }

    /** Environment that selects this toolchain through rustup's proxies. */
    public static Map<String, String> env(String toolchainName) {
        Map<String, String> env = new HashMap<>();
        if (toolchainName != null) env.put("RUSTUP_TOOLCHAIN", toolchainName);
        return env;
    }

    /** Asks rustc; the exception's message says how to install what is missing. */
    public static Toolchain probe(String toolchainName, Path cwd, Path logs) throws IOException, InterruptedException {
        String label = "rustc-" + (toolchainName == null ? "default" : toolchainName.replaceAll("[^A-Za-z0-9._-]", "_"));
        Processes.Result vv;
        try {
            vv = Processes.run(List.of("rustc", "-vV"), cwd, env(toolchainName), Duration.ofMinutes(2), logs, label + "-vV");
        } catch (CommandNotFound e) {
            throw new EnvironmentException("rustc is not on the PATH: install Rust with rustup (https://rustup.rs), "
                    + "or put rustc and cargo on the PATH that Maven runs with", e);
        }
        if (!vv.ok()) {
            String why = vv.stderr().strip();
            if (toolchainName != null && (why.contains("not installed") || why.contains("toolchain"))) {
                throw new EnvironmentException("toolchain '" + toolchainName + "' is not installed: run `rustup toolchain install "
                        + toolchainName + "` (rustc said: " + firstLine(why) + ")");
            }
            throw new EnvironmentException("`rustc -vV` failed: " + firstLine(why));
        }
        Processes.Result sr = Processes.run(List.of("rustc", "--print", "sysroot"), cwd, env(toolchainName), Duration.ofMinutes(2),
                logs, label + "-sysroot");
        return parse(toolchainName, vv.stdout(), sr.ok() ? Path.of(sr.stdout().strip()) : null);
    }

    static Toolchain parse(String name, String verbose, Path sysroot) {
        Map<String, String> kv = new HashMap<>();
        String first = null;
        for (String line : verbose.split("\\R")) {
            if (first == null && !line.isBlank()) first = line.strip();
            int c = line.indexOf(':');
            if (c > 0) kv.put(line.substring(0, c).strip(), line.substring(c + 1).strip());
        }
        String release = kv.getOrDefault("release", "");
        String channel = release.contains("nightly") ? "nightly" : release.contains("beta") ? "beta"
                : release.contains("-dev") ? "dev" : "stable";
        return new Toolchain(name, first, release, kv.get("host"), kv.get("LLVM version"), channel, sysroot);
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
