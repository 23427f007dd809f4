package dev.ctime.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The git commit of the measured sources, and whether they had uncommitted changes: what a baseline is a baseline of. */
final class SourceRevision {
    private SourceRevision() {
    }

    /** {@code gitCommit} and {@code gitDirty}, or nothing where the crate is in no git repository (or git is missing). */
    static Map<String, Object> of(Path dir) {
        Map<String, Object> m = new LinkedHashMap<>();
        String head = git(dir, "rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40}")) return m;
        m.put("gitCommit", head);
        String status = git(dir, "status", "--porcelain", "--", ".");
        if (status != null) m.put("gitDirty", !status.isBlank());
        return m;
    }

    private static String git(Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
