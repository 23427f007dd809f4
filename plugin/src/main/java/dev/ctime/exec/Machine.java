package dev.ctime.exec;

import dev.ctime.model.MachineFacts;
import java.time.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about the machine that a reader of the report needs to judge its figures. */
public final class Machine {
    private static MachineFacts cached;

    private Machine() {
    }

    public static synchronized MachineFacts describe() {
        if (cached == null) {
            cached = new MachineFacts(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), cpuModel(), hardwareCounters(),
                    System.getProperty("java.version"));
        }
        return cached;
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).strip();
            }
        } catch (IOException e) {
            // not Linux: leave it out
        }
        return null;
    }

    private static String counters;

    /**
     * "available", or why not: ctime relies on wall and CPU time where counters cannot be read.
     * Asked once per JVM: the report is written many times in a run, and the answer does not change.
     */
    public static synchronized String hardwareCounters() {
        if (counters == null) counters = probeCounters();
        return counters;
    }

    private static String probeCounters() {
        try {
            Processes.Result r = Processes.ask(List.of("perf", "stat", "-x", ",", "-e", "instructions:u", "true"), null,
                    Duration.ofSeconds(20));
            if (r.timedOut()) return "unavailable: perf stat did not answer";
            String out = r.stdout() + r.stderr();
            if (r.exitCode() == 0 && out.matches("(?s).*\\d+,,?instructions.*")) return "available";
            // perf's own output ("<not supported>,,instructions:u,…") is kept for the logs, not the report.
            return out.contains("not supported") ? "unavailable: perf stat cannot read instructions:u on this machine (no"
                    + " counters passed to the VM, or kernel.perf_event_paranoid forbids them)"
                    : "unavailable: perf stat could not count instructions:u here";
        } catch (CommandNotFound e) {
            return "unavailable: perf is not installed (Debian: apt-get install linux-perf)";
        } catch (IOException e) {
            return "unavailable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable: interrupted";
        }
    }
}
