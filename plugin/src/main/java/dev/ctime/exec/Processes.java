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
 * The one way ctime starts a child process: stdin closed, a timeout, the whole tree killed on
 * timeout or interruption (a hung rustc sits below cargo, not in it), every child under
 * {@code ctime-guard} once a run installed it, a child that dies of Ctrl-C read as the run's
 * interruption, and a command that cannot start reported as {@link CommandNotFound}.
 */
public final class Processes {
    /** ctime-guard, once a run has installed it: every command runs under it (see ctime-guard.c). */
    private static volatile Path guard;

    private Processes() {
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
     * A command whose output goes to log files named after {@code label} (builds, training pipelines, tools).
     *
     * @param env   variables to set; a null value removes the variable
     * @param logs  folder for the stdout/stderr files, named after {@code label}
     */
    public static Result run(List<String> command, Path cwd, Map<String, String> env, Duration timeout,
                             Path logs, String label) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path out = logs.resolve(label + ".stdout");
        Path err = logs.resolve(label + ".stderr");
        Process p = start(command, cwd, env, out, err);
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
     * A short question to a tool (git, nm, perf, a --version): its answer read back whole, the tree killed if
     * it does not answer in time.
     */
    public static Result ask(List<String> command, Path cwd, Duration timeout) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ctime-ask");
        try {
            return run(command, cwd, Map.of(), timeout, dir, "answer");
        } finally {
            Files.deleteIfExists(dir.resolve("answer.stdout"));
            Files.deleteIfExists(dir.resolve("answer.stderr"));
            Files.deleteIfExists(dir);
        }
    }

    /**
     * A child its caller watches itself (a kernel fork): started as every other, its outputs in files. The caller
     * ends it with {@link #killTree} and reads its exit with {@link #stoppedByUser}.
     */
    public static Process start(List<String> command, Path cwd, Map<String, String> env, Path out, Path err)
            throws IOException {
        List<String> cmd = command;
        if (guard != null) {
            if (!onPath(command.get(0))) throw new CommandNotFound(command.get(0), "not found on the PATH");
            cmd = new java.util.ArrayList<>(command.size() + 1);
            cmd.add(guard.toString());
            cmd.addAll(command);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd == null ? null : cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        env.forEach((k, v) -> {
            if (v == null) pb.environment().remove(k);
            else pb.environment().put(k, v);
        });
        try {
            return pb.start();
        } catch (IOException e) {
            throw new CommandNotFound(command.get(0), e.getMessage());
        }
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
