package dev.ctime.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time this JVM and every child it has waited for have used (Linux /proc/self/stat: user and system time of
 * the process and of its reaped children), which is what a run of builds, forks and counts costs the machine.
 */
final class ProcessCpu {
    /** Clock ticks per second of /proc's times: USER_HZ, 100 on every Linux architecture ctime runs on. */
    private static final double TICKS = 100;

    private ProcessCpu() {
    }

    /** In ms; NaN where /proc cannot tell (not Linux). */
    static double totalMs() {
        try {
            return parse(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime + cutime + cstime of a /proc/PID/stat line, in ms. */
    static double parse(String stat) {
        // The command name may hold spaces and parentheses: the fields start after its last ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is the state (field 3): utime is field 14, so f[11]; stime f[12]; cutime f[13]; cstime f[14].
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks * 1000 / TICKS;
    }
}
