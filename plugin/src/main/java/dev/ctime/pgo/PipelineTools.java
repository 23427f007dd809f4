package dev.ctime.pgo;

import dev.ctime.exec.Processes;
import dev.ctime.cargo.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LLVM tools a training pipeline needs, found for one toolchain: llvm-profdata must read the
 * raw profiles that toolchain's LLVM writes (their format changes between LLVM majors), and
 * BOLT's tools are taken from the same major. Looked up first in the toolchain's own
 * llvm-tools component, then as Debian and apt.llvm.org name them (llvm-profdata-22), then
 * unversioned, and each candidate's --version is checked.
 */
public final class PipelineTools {
    /** A tool found and its version, or why none fits. */
    public record Found(Path path, String version, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private PipelineTools() {
    }

    /** The LLVM major in a tool's --version output ("LLVM version 22.1.8", "Debian LLVM version 22.1.8"). */
    public static String majorOf(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput == null ? "" : versionOutput);
        return m.find() ? m.group(1) : null;
    }

    private static final Pattern VERSION = Pattern.compile("LLVM version (\\d+)\\.");

    /** Where to look, best first: the toolchain's llvm-tools, NAME-MAJOR, NAME. */
    public static List<Path> candidates(String name, Toolchain tc, Function<String, Path> which) {
        List<Path> out = new ArrayList<>();
        if (tc.sysroot() != null && tc.host() != null) {
            Path own = tc.sysroot().resolve("lib/rustlib").resolve(tc.host()).resolve("bin").resolve(name);
            if (Files.isExecutable(own)) out.add(own);
        }
        for (String exe : List.of(name + "-" + tc.llvmMajor(), name)) {
            Path p = which.apply(exe);
            if (p != null && !out.contains(p)) out.add(p);
        }
        return out;
    }

    /** Whether BOLT can rewrite this host's libraries: ELF on x86-64 or AArch64. */
    public static boolean boltSupports(String hostTriple) {
        return hostTriple != null && hostTriple.contains("-linux") && (hostTriple.startsWith("x86_64-")
                || hostTriple.startsWith("aarch64-"));
    }

    /** How to get a tool of this LLVM major, for the skip reason. */
    public static String howToGet(String name, String major) {
        return switch (name) {
            case "llvm-profdata" -> "install it: `rustup component add llvm-tools` for the toolchain, or Debian/Ubuntu"
                    + " `apt-get install llvm-" + major + "` (from apt.llvm.org where the distribution has no llvm-" + major + ")";
            case "llvm-bolt", "merge-fdata" -> "install BOLT " + major + ": Debian/Ubuntu `apt-get install bolt-" + major
                    + "` (apt.llvm.org where the distribution has none)";
            default -> "install LLVM " + major + "'s " + name;
        };
    }

    /** The first candidate whose LLVM major matches the toolchain's. */
    public static Found find(String name, Toolchain tc, Function<String, Path> which, Function<Path, String> version) {
        String major = tc.llvmMajor();
        if (major == null) {
            return new Found(null, null, "rustc -vV names no LLVM version for toolchain " + tc.displayName()
                    + ", so no " + name + " can be matched to it");
        }
        List<String> rejected = new ArrayList<>();
        for (Path p : candidates(name, tc, which)) {
            String out = version.apply(p);
            String m = majorOf(out);
            if (major.equals(m)) return new Found(p, out == null ? null : firstVersionLine(out), null);
            rejected.add(p + " is LLVM " + (m == null ? "of unknown version" : m));
        }
        return new Found(null, null, "no " + name + " for LLVM " + major + " (toolchain " + tc.displayName() + " uses LLVM "
                + tc.llvmVersion() + ")" + (rejected.isEmpty() ? "" : "; " + String.join(", ", rejected)) + ": "
                + howToGet(name, major));
    }

    private static String firstVersionLine(String out) {
        return out.lines().filter(l -> l.contains("LLVM version")).map(String::strip).findFirst().orElse(out.strip());
    }

    /** Runs {@code TOOL --version}; null when it cannot run. */
    public static String versionOf(Path tool) {
        try {
            Processes.Result r = Processes.ask(List.of(tool.toString(), "--version"), null, java.time.Duration.ofSeconds(30));
            return r.timedOut() ? null : r.stdout() + r.stderr();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The tools a profile needs, or every missing one's reason at once. */
    public record Set(Found profdata, Found bolt, Found mergeFdata) {
        public List<String> problems() {
            List<String> p = new ArrayList<>();
            for (Found f : new Found[] {profdata, bolt, mergeFdata}) if (f != null && !f.ok()) p.add(f.problem());
            return p;
        }
    }

    public static Set forProfile(boolean pgo, boolean bolt, Toolchain tc, Function<String, Path> which) {
        Found profdata = pgo ? find("llvm-profdata", tc, which, PipelineTools::versionOf) : null;
        Found b = null;
        Found merge = null;
        if (bolt) {
            if (!boltSupports(tc.host())) {
                b = new Found(null, null, "BOLT rewrites ELF libraries on x86-64 and AArch64 Linux only; this host is "
                        + tc.host() + ": drop <bolt> here");
            } else {
                b = find("llvm-bolt", tc, which, PipelineTools::versionOf);
                merge = find("merge-fdata", tc, which, PipelineTools::versionOf);
            }
        }
        return new Set(profdata, b, merge);
    }
}
