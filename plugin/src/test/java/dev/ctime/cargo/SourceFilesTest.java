package dev.ctime.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {
    @TempDir
    Path dir;

    /** A crate at a Maven project's root, as some projects keep it: pom.xml, notes and logs beside Cargo.toml. */
    private Path crateAtProjectRoot() throws Exception {
        Path root = dir.resolve("project");
        Files.createDirectories(root.resolve("src/main/java"));
        Files.createDirectories(root.resolve(".cargo"));
        Files.writeString(root.resolve("Cargo.toml"), "[package]\nname = \"k\"\n");
        Files.writeString(root.resolve("Cargo.lock"), "version = 3\n");
        Files.writeString(root.resolve(".cargo/config.toml"), "[build]\njobs = 2\n");
        Files.writeString(root.resolve("src/lib.rs"), "mod k;\n");
        Files.writeString(root.resolve("src/k.rs"), "pub fn f() {}\n");
        Files.writeString(root.resolve("src/table.txt"), "1 2 3\n");
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.writeString(root.resolve("NOTES.md"), "notes\n");
        Files.writeString(root.resolve("src/main/java/A.java"), "class A {}\n");
        return root;
    }

    @Test
    void aBuildReadsWhatDepInfoNamesAndWhatConfiguresCargoNotTheNotesBesideIt() throws Exception {
        Path root = crateAtProjectRoot();
        Path copy = dir.resolve("out/profiles/release/src");
        Path depInfo = dir.resolve("libk.d");
        Path outside = dir.resolve("vendor/dep/src/lib.rs");
        Files.writeString(depInfo, copy.resolve("target/ctime/libk.so") + ": " + copy.resolve("src/k.rs") + " "
                + copy.resolve("src/lib.rs") + " " + copy.resolve("src/table.txt") + " " + outside + "\n");
        Set<String> read = SourceFiles.read(depInfo, copy, SourceFiles.all(root, root.resolve("target/ctime")));
        assertEquals(Set.of("Cargo.toml", "Cargo.lock", ".cargo/config.toml", "src/k.rs", "src/lib.rs", "src/table.txt",
                outside.toString()), read);
        Map<String, String> then = SourceFiles.hashes(root, read);
        assertEquals(SourceFiles.MISSING, then.get(outside.toString()), "a dependency outside the tree is hashed where it is");

        Files.writeString(root.resolve("NOTES.md"), "edited\n");
        Files.writeString(root.resolve("pom.xml"), "<project><!-- edited --></project>\n");
        Files.writeString(root.resolve("build.log"), "a log the user left\n");
        assertEquals(List.of(), SourceFiles.changed(then, root, root.resolve("target/ctime")), "notes, logs and the pom are not sources");

        Files.writeString(root.resolve("src/table.txt"), "1 2 4\n");
        Files.createDirectories(root.resolve("member"));
        Files.writeString(root.resolve("member/Cargo.toml"), "[package]\nname = \"m\"\n");
        Files.delete(root.resolve("src/k.rs"));
        assertEquals(List.of("src/k.rs (gone)", "src/table.txt", "member/Cargo.toml (new)"),
                SourceFiles.changed(then, root, root.resolve("target/ctime")));
    }

    @Test
    void aBuildScriptOrAMissingDepInfoMakesTheWholeTreeTheSources() throws Exception {
        Path root = crateAtProjectRoot();
        Set<String> noDepInfo = SourceFiles.read(dir.resolve("absent.d"), dir.resolve("copy"), SourceFiles.all(root, null));
        assertTrue(noDepInfo.contains("NOTES.md") && noDepInfo.contains("src/k.rs"), noDepInfo.toString());
        Files.writeString(root.resolve("build.rs"), "fn main() {}\n");
        Path depInfo = dir.resolve("libk.d");
        Files.writeString(depInfo, "lib.so: " + dir.resolve("copy/src/lib.rs") + "\n");
        // Unless the script names its inputs, cargo reruns it on any change in the package.
        assertTrue(SourceFiles.read(depInfo, dir.resolve("copy"), SourceFiles.all(root, null)).contains("NOTES.md"));
    }

    @Test
    void escapedSpacesAndContinuedLinesAreOnePath() {
        assertEquals(List.of("/a b/src/lib.rs", "/a b/src/k.rs", "/c/d.rs"),
                SourceFiles.dependencies("/a\\ b/t/lib.so: /a\\ b/src/lib.rs \\\n /a\\ b/src/k.rs\n\n/x.rs:\n/t2: /c/d.rs\n"));
    }
}
