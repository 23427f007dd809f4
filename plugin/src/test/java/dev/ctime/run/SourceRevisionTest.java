package dev.ctime.run;

import dev.ctime.exec.Processes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRevisionTest {
    @TempDir
    Path dir;

    static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t", "-c", "user.email=t@t"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
    }

    @Test
    void theCommitAndWhetherTheMeasuredSourcesDifferFromIt() throws Exception {
        Assumptions.assumeTrue(Processes.which("git") != null, "git is not installed");
        assertEquals(new SourceRevision(null, null), SourceRevision.of(dir), "no repository, no commit");
        git(dir, "init", "-q");
        Files.writeString(dir.resolve("lib.rs"), "fn f() {}\n");
        git(dir, "add", ".");
        git(dir, "commit", "-q", "-m", "x");
        SourceRevision clean = SourceRevision.of(dir);
        assertTrue(String.valueOf(clean.gitCommit()).matches("[0-9a-f]{40}"), clean.toString());
        assertEquals(false, clean.gitDirty());
        Files.writeString(dir.resolve("lib.rs"), "fn f() { 1; }\n");
        assertEquals(true, SourceRevision.of(dir).gitDirty());
    }
}
