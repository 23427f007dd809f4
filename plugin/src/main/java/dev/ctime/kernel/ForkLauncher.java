package dev.ctime.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Native;
import dev.ctime.cargo.Exec;
import dev.ctime.harness.KernelLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link KernelRunner} in fresh JVMs, one after the other, as JMH forks do: a crash stays
 * in its fork, and each result is replicated across processes.
 */
public final class ForkLauncher {
    private final Path javaExecutable;
    private final List<String> jvmArgs;
    private final Duration timeout;

    public ForkLauncher(Path javaExecutable, List<String> jvmArgs, Duration timeout) {
        this.javaExecutable = javaExecutable;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.timeout = timeout;
    }

    public static ForkLauncher ofCurrentJvm(Duration timeout) {
        // A small serial-GC heap keeps GC threads out of the way of the measuring thread.
        return new ForkLauncher(Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto"), timeout);
    }

    /** The fork's classpath: wherever this plugin, the harness binding, JNA and Jackson were loaded from. */
    static String classpath() {
        LinkedHashSet<String> cp = new LinkedHashSet<>();
        for (Class<?> c : List.of(KernelRunner.class, KernelLibrary.class, Native.class, ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class, com.fasterxml.jackson.annotation.JsonProperty.class)) {
            try {
                cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (Exception e) {
                throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
            }
        }
        return String.join(java.io.File.pathSeparator, cp);
    }

    /** Runs fork number {@code fork} of a plan; the exception says how the fork ended when it failed. */
    public ForkResult run(RunPlan plan, Path workDir, int fork) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        ObjectMapper json = new ObjectMapper();
        Path planFile = workDir.resolve("plan.json");
        json.writeValue(planFile.toFile(), plan);
        Path resultFile = workDir.resolve("fork-" + fork + ".json");
        Files.deleteIfExists(resultFile);
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable.toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", classpath(), KernelRunner.class.getName(), planFile.toString(), resultFile.toString()));
        Exec.Result r = Exec.run(cmd, workDir, Map.of(), timeout, workDir, "fork-" + fork);
        if (r.timedOut()) {
            throw new IOException("kernel fork " + fork + " did not finish within " + timeout.toSeconds()
                    + " s and was killed: raise ctime.runTimeoutSeconds or reduce the sizes");
        }
        if (r.exitCode() != 0 || !Files.exists(resultFile)) {
            String tail = r.stderr().strip();
            if (tail.length() > 800) tail = "…" + tail.substring(tail.length() - 800);
            throw new IOException("kernel fork " + fork + " ended with exit code " + r.exitCode()
                    + (r.exitCode() > 128 ? " (signal " + (r.exitCode() - 128) + ": the kernel crashed the process)" : "")
                    + "; see " + workDir.resolve("fork-" + fork + ".stderr") + (tail.isEmpty() ? "" : ": " + tail));
        }
        return json.readValue(resultFile.toFile(), ForkResult.class);
    }
}
