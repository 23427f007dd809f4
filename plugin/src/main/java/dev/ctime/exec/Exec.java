package dev.ctime.exec;

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
    /** ctime-guard, once a run has installed it: every command runs under it (see ctime-guard.c). */
    private static volatile Path guard;

    private Exec() {
    }

    /**
     * From now on, every command runs under {@code ctime-guard}, a child subreaper that dies with
     * this JVM (even by SIGKILL) and takes everything the command started with it, a build
     * script's detached daemon included.
     */
    public static void guard(Path exe) {
        guard = exe;
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
        List<String> cmd = command;
        if (guard != null) {
            if (!onPath(command.get(0))) throw new EnvironmentException("cannot run '" + command.get(0) + "': not found on the PATH");
            cmd = new java.util.ArrayList<>(command.size() + 1);
            cmd.add(guard.toString());
            cmd.addAll(command);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
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
        if (done) stoppedByUser(p.exitValue(), command.get(0));
        return new Result(done ? p.exitValue() : -1, read(out), read(err), !done);
    }

    /**
     * A child that died of SIGINT or SIGTERM was stopped with the whole run (Ctrl-C reaches the process group): that is
     * the run's interruption, not the child's failure, and must not be reported as a failed build or a crashed kernel.
     */
    public static void stoppedByUser(int exitCode, String what) throws InterruptedException {
        if (exitCode == 128 + 2 || exitCode == 128 + 15) {
            throw new InterruptedException(what + " was stopped by " + (exitCode == 130 ? "SIGINT" : "SIGTERM"));
        }
    }

    /** Whether the command could not be started at all (as opposed to a log folder that could not be written). */
    public static boolean couldNotStart(IOException e) {
        return e.getMessage() != null && e.getMessage().startsWith("cannot run '");
    }

    private static boolean onPath(String exe) {
        return exe.contains("/") ? Files.isExecutable(Path.of(exe)) : which(exe) != null;
    }

    /** The executable's path on the PATH, or null. */
    public static Path which(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, exe);
            if (Files.isExecutable(p)) return p;
        }
        return null;
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
