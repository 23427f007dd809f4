package dev.ctime.doctor;

import dev.ctime.cargo.SourceCopy;
import dev.ctime.model.EnzymeStatus;
import dev.ctime.exec.Processes;
import dev.ctime.cargo.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the Enzyme backend of a toolchain: the library file rustc loads
 * ({@code <sysroot>/lib/rustlib/<host>/lib/libEnzyme-<LLVM major>.so}, .dylib on macOS), and
 * rustc's own verdict on an empty crate built with {@code -Zautodiff=Enable}: "`main` function
 * not found" means the backend loaded, "autodiff backend not found" means it did not.
 */
public final class EnzymeDetector {
    /** rustc's E0601, "`main` function not found in crate", reached only once the backend loaded. */
    static final String LOADED = "function not found in crate";
    static final String NOT_FOUND = "autodiff backend not found";

    private EnzymeDetector() {
    }

    public static List<Path> expectedFiles(Path sysroot, String host, String llvmMajor) {
        Path lib = sysroot.resolve("lib").resolve("rustlib").resolve(host).resolve("lib");
        return List.of(lib.resolve("libEnzyme-" + llvmMajor + ".so"), lib.resolve("libEnzyme-" + llvmMajor + ".dylib"));
    }

    public static EnzymeStatus detect(Toolchain tc, Path work) throws IOException, InterruptedException {
        if (!tc.isNightly()) {
            return new EnzymeStatus(EnzymeStatus.State.MISSING, List.of(), List.of(), null, "toolchain " + tc.displayName() + " is "
                    + tc.channel() + "; #[autodiff] needs nightly: rustup toolchain install nightly, and set"
                    + " <toolchain>nightly</toolchain> on autodiff profiles");
        }
        if (tc.sysroot() == null || tc.llvmMajor() == null || tc.host() == null) {
            return new EnzymeStatus(EnzymeStatus.State.MISSING, List.of(), List.of(), null, "rustc -vV did not report its sysroot, host"
                    + " and LLVM version, so ctime cannot tell where Enzyme would be");
        }
        List<Path> expected = expectedFiles(tc.sysroot(), tc.host(), tc.llvmMajor());
        List<String> found = present(expected);
        Files.createDirectories(work);
        Path src = work.resolve("ctime_enzyme_probe.rs");
        Files.writeString(src, "");
        Processes.Result r = Processes.run(List.of("rustc", "-Zautodiff=Enable", "--out-dir", work.toString(), src.toString()), work,
                Toolchain.env(tc.name()), Duration.ofMinutes(2), work, "enzyme-probe-" + tc.displayName());
        EnzymeStatus status = classify(tc, expected.stream().map(Path::toString).toList(), found, r.stderr());
        return found.isEmpty() ? status : status.withBackend(backend(Path.of(found.get(0))));
    }

    /** The expected files that are there, as regular files. */
    static List<String> present(List<Path> expected) {
        List<String> found = new ArrayList<>();
        for (Path p : expected) if (Files.isRegularFile(p)) found.add(p.toString());
        return found;
    }

    static EnzymeStatus classify(Toolchain tc, List<String> expected, List<String> found, String rustcStderr) {
        String said = firstErrorLine(rustcStderr);
        String place = expected.isEmpty() ? "" : expected.get(0);
        String get = "rustup component add enzyme --toolchain " + tc.displayName() + " (a nightly-only component since April 2026,"
                + " on x86_64 and aarch64 Linux and aarch64 macOS); elsewhere, place libEnzyme-" + tc.llvmMajor() + ".so, built"
                + " against LLVM " + tc.llvmMajor() + " (the LLVM of rustc " + tc.release() + "), at " + place;
        if (rustcStderr.contains(LOADED)) {
            return new EnzymeStatus(EnzymeStatus.State.PRESENT, expected, found, said, null);
        }
        if (rustcStderr.contains(NOT_FOUND)) {
            return new EnzymeStatus(EnzymeStatus.State.MISSING, expected, found, said, get);
        }
        java.util.regex.Matcher needs = java.util.regex.Pattern.compile("(lib[\\w.+-]+\\.so[\\w.]*): cannot open shared object file")
                .matcher(rustcStderr);
        String broken = needs.find() ? "the library is there but a library it links is missing: " + needs.group(1)
                + (needs.group(1).startsWith("libLLVM") ? " (LLVM's shared library of the same major; Debian: apt-get install"
                + " libllvm" + tc.llvmMajor() + ")" : "") : "the library is there but rustc could not load it; check that it was"
                + " built against LLVM " + tc.llvmMajor() + " for this exact toolchain, or reinstall it: " + get;
        return new EnzymeStatus(found.isEmpty() ? EnzymeStatus.State.MISSING : EnzymeStatus.State.BROKEN, expected, found, said, found.isEmpty() ? get : broken);
    }

    private static String firstErrorLine(String s) {
        for (String l : s.split("\\R")) if (l.startsWith("error")) return l.strip();
        return s.isBlank() ? null : s.strip().split("\\R")[0];
    }

    /** The backend's file as found: its size, hash and date tell two builds apart. */
    static EnzymeStatus.Backend backend(Path file) throws java.io.IOException {
        return new EnzymeStatus.Backend(file.toString(), java.nio.file.Files.size(file), SourceCopy.sha256(file),
                java.nio.file.Files.getLastModifiedTime(file).toInstant().toString());
    }
}
