package dev.ctime.cargo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with a timeout; on timeout (or interruption) the whole process tree is killed,
 * since a hung rustc (a mismatched Enzyme can hang) sits below cargo, not in it.
 */
public final class Exec {
    private Exec() {
    }

    public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {
        public boolean ok() {
            return exitCode == 0 && !timedOut;
        }
    }

    /**
     * @param env   variables to set; a null value removes the variable
     * @param logs  folder for the stdout/stderr files, named after {@code label}
     */
    public static Result run(List<String> command, Path cwd, Map<String, String> env, Duration timeout,
                             Path logs, String label) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path out = logs.resolve(label + ".stdout");
        Path err = logs.resolve(label + ".stderr");
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        env.forEach((k, v) -> {
            if (v == null) pb.environment().remove(k);
            else pb.environment().put(k, v);
        });
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run '" + command.get(0) + "': " + e.getMessage(), e);
        }
        boolean done;
        try {
            done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(p);
            throw e;
        }
        if (!done) killTree(p);
        return new Result(done ? p.exitValue() : -1, read(out), read(err), !done);
    }

    /** Kills descendants first: once the parent dies they are re-parented and out of reach. */
    public static void killTree(Process p) throws InterruptedException {
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        // Grandchildren started while we were killing: one more sweep.
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static String read(Path f) throws IOException {
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }
}
