package dev.ctime.run;

import dev.ctime.exec.Processes;
import java.time.Duration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The git commit of the measured sources, and whether they had uncommitted changes: what a baseline is a baseline of.
 *
 * @param gitCommit null where the crate is in no git repository (or git is missing)
 * @param gitDirty  null where git could not tell
 */
record SourceRevision(String gitCommit, Boolean gitDirty) {
    static SourceRevision of(Path dir) {
        String head = git(dir, "rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40}")) return new SourceRevision(null, null);
        String status = git(dir, "status", "--porcelain", "--", ".");
        return new SourceRevision(head, status == null ? null : !status.isBlank());
    }

    private static String git(Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Processes.Result r = Processes.ask(cmd, null, Duration.ofSeconds(20));
            return r.ok() ? r.stdout().strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
