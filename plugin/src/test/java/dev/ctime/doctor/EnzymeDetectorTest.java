package dev.ctime.doctor;

import dev.ctime.model.EnzymeStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.cargo.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnzymeDetectorTest {
    static final String HOST = "x86_64-unknown-linux-gnu";
    static final String NOT_FOUND = "error: autodiff backend not found in the sysroot: failed to find a `libEnzyme-22` folder"
            + " in the sysroot candidates:\n       * /sys/lib\n";
    static final String LOADED = "error[E0601]: `main` function not found in crate `probe`\n";

    @TempDir
    Path sysroot;

    Toolchain nightly() {
        return new Toolchain("nightly", "rustc 1.97.0-nightly", "1.97.0-nightly", HOST, "22.1.4", "nightly", sysroot);
    }

    @Test
    void expectedFileFollowsSysrootHostAndLlvmMajor() {
        List<Path> files = EnzymeDetector.expectedFiles(sysroot, HOST, "22");
        assertEquals(sysroot.resolve("lib/rustlib/x86_64-unknown-linux-gnu/lib/libEnzyme-22.so"), files.get(0));
        assertEquals(sysroot.resolve("lib/rustlib/x86_64-unknown-linux-gnu/lib/libEnzyme-22.dylib"), files.get(1));
    }

    @Test
    void sysrootWithoutTheLibraryIsMissingWithTheFix() throws Exception {
        List<Path> files = EnzymeDetector.expectedFiles(sysroot, HOST, "22");
        List<String> expected = files.stream().map(Path::toString).toList();
        List<String> found = EnzymeDetector.present(files);
        assertEquals(List.of(), found, "an empty sysroot has no backend");
        EnzymeStatus s = EnzymeDetector.classify(nightly(), expected, found, NOT_FOUND);
        assertEquals(EnzymeStatus.State.MISSING, s.state());
        assertTrue(s.foundFiles().isEmpty());
        assertTrue(s.rustcSays().startsWith("error: autodiff backend not found"));
        assertTrue(s.howToFix().startsWith("rustup component add enzyme --toolchain nightly"), s.howToFix());
        assertTrue(s.howToFix().contains("libEnzyme-22.so"));
        assertTrue(s.howToFix().contains(expected.get(0)));
    }

    @Test
    void sysrootWithTheLibraryThatLoadsIsPresent() throws Exception {
        Path lib = EnzymeDetector.expectedFiles(sysroot, HOST, "22").get(0);
        Files.createDirectories(lib.getParent());
        Files.writeString(lib, "not really ELF");
        List<Path> files = EnzymeDetector.expectedFiles(sysroot, HOST, "22");
        List<String> expected = files.stream().map(Path::toString).toList();
        // A folder where the library should be is not the library.
        Files.createDirectories(files.get(1));
        List<String> found = EnzymeDetector.present(files);
        assertEquals(List.of(lib.toString()), found);
        assertTrue(EnzymeDetector.classify(nightly(), expected, found, LOADED).present());
        // The file alone proves nothing: when rustc cannot load it, it is "broken", not present.
        EnzymeStatus broken = EnzymeDetector.classify(nightly(), expected, found, "error: failed to load plugin: bad ELF\n");
        assertEquals(EnzymeStatus.State.BROKEN, broken.state());
        assertTrue(broken.howToFix().contains("LLVM 22"));
        // What a backend built against the distribution's LLVM says where that LLVM is not installed.
        EnzymeStatus needsLlvm = EnzymeDetector.classify(nightly(), expected, found, "error: failed to load our autodiff backend: DlOpen"
                + " { source: \"libLLVM.so.22.1: cannot open shared object file: No such file or directory\" }\n");
        assertEquals(EnzymeStatus.State.BROKEN, needsLlvm.state());
        assertTrue(needsLlvm.howToFix().contains("a library it links is missing: libLLVM.so.22.1")
                && needsLlvm.howToFix().contains("apt-get install libllvm22"), needsLlvm.howToFix());
    }

    @Test
    void stableToolchainCannotHaveAutodiff() throws Exception {
        Toolchain stable = new Toolchain(null, "rustc 1.95.0", "1.95.0", HOST, "22.1.2", "stable", sysroot);
        EnzymeStatus s = EnzymeDetector.detect(stable, sysroot.resolve("work"));
        assertEquals(EnzymeStatus.State.MISSING, s.state());
        assertTrue(s.howToFix().contains("needs nightly"));
    }
}
