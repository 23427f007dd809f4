package dev.ctime.pgo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.cargo.Toolchain;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineToolsTest {
    private final Toolchain tc = new Toolchain(null, "rustc 1.95.0", "1.95.0", "x86_64-unknown-linux-gnu", "22.1.2", "stable", null);

    @Test
    void readsTheMajorFromEveryKnownVersionBanner() {
        assertEquals("22", PipelineTools.majorOf("Debian LLVM version 22.1.8\n  Optimized build.\n"));
        assertEquals("19", PipelineTools.majorOf("LLVM (http://llvm.org/):\n  LLVM version 19.1.7-rust-1.86.0-stable\n"));
        assertEquals("14", PipelineTools.majorOf("Ubuntu LLVM version 14.0.6"));
        assertNull(PipelineTools.majorOf("merge-fdata: unknown option"));
        assertNull(PipelineTools.majorOf(null));
    }

    @Test
    void takesTheVersionedToolWhenTheUnversionedOneIsAnotherMajor() {
        Map<String, Path> path = Map.of("llvm-profdata", Path.of("/usr/bin/llvm-profdata"),
                "llvm-profdata-22", Path.of("/usr/bin/llvm-profdata-22"));
        Map<Path, String> versions = Map.of(Path.of("/usr/bin/llvm-profdata"), "Debian LLVM version 14.0.6",
                Path.of("/usr/bin/llvm-profdata-22"), "Debian LLVM version 22.1.8");
        PipelineTools.Found f = PipelineTools.find("llvm-profdata", tc, path::get, versions::get);
        assertTrue(f.ok(), f.problem());
        assertEquals(Path.of("/usr/bin/llvm-profdata-22"), f.path());
        assertEquals("Debian LLVM version 22.1.8", f.version());
    }

    @Test
    void aMismatchNamesBothVersionsAndTheFix() {
        Map<String, Path> path = Map.of("llvm-profdata", Path.of("/usr/bin/llvm-profdata"));
        PipelineTools.Found f = PipelineTools.find("llvm-profdata", tc, path::get, p -> "Debian LLVM version 14.0.6");
        assertFalse(f.ok());
        assertTrue(f.problem().contains("no llvm-profdata for LLVM 22"), f.problem());
        assertTrue(f.problem().contains("/usr/bin/llvm-profdata is LLVM 14"), f.problem());
        assertTrue(f.problem().contains("apt-get install llvm-22") && f.problem().contains("rustup component add llvm-tools"),
                f.problem());
        PipelineTools.Found none = PipelineTools.find("llvm-bolt", tc, exe -> null, p -> null);
        assertTrue(none.problem().contains("apt-get install bolt-22"), none.problem());
    }

    @Test
    void boltOnlyWhereItRewritesLibraries() {
        assertTrue(PipelineTools.boltSupports("x86_64-unknown-linux-gnu"));
        assertTrue(PipelineTools.boltSupports("aarch64-unknown-linux-gnu"));
        assertFalse(PipelineTools.boltSupports("aarch64-apple-darwin"));
        assertFalse(PipelineTools.boltSupports("x86_64-pc-windows-msvc"));
        Toolchain mac = new Toolchain(null, "rustc", "1.95.0", "aarch64-apple-darwin", "22.1.2", "stable", null);
        PipelineTools.Set s = PipelineTools.forProfile(false, true, mac, exe -> Path.of("/usr/bin/" + exe));
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).contains("aarch64-apple-darwin"), s.problems().get(0));
    }

    @Test
    void aToolchainWithoutAnLlvmVersionCannotBeMatched() {
        Toolchain odd = new Toolchain(null, "rustc", "1.95.0", "x86_64-unknown-linux-gnu", null, "stable", null);
        PipelineTools.Found f = PipelineTools.find("llvm-profdata", odd, exe -> Path.of("/usr/bin/" + exe), p -> "LLVM version 22.1.0");
        assertFalse(f.ok());
        assertTrue(f.problem().contains("names no LLVM version"), f.problem());
    }
}
