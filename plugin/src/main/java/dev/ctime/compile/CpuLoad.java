package dev.ctime.compile;

import dev.ctime.model.Interference;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU use from /proc/stat, read before and after a timed build, so that the
 * CPU used by other processes during the build (everything busy minus the build's own tree and
 * ctime's JVM) and the hypervisor's steal can be told. A figure measured while the machine was
 * busy says so.
 *
 * @param busyMs  user + nice + system + irq + softirq of all CPUs, in ms
 * @param stealMs time the hypervisor ran something else, in ms
 * @param selfCpuMs this JVM's own CPU time
 */
public record CpuLoad(double busyMs, double stealMs, double selfCpuMs) {
    /** Linux reports /proc/stat in USER_HZ, which is 100 on every architecture Linux supports today. */
    static final double MS_PER_TICK = 10;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** The current reading, or null where there is no /proc/stat (not Linux). */
    public static CpuLoad now() {
        try {
            if (!Files.isReadable(PROC_STAT)) return null;
            return parse(Files.readAllLines(PROC_STAT).get(0), processCpuMs());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The aggregate "cpu" line: user nice system idle iowait irq softirq steal ... */
    static CpuLoad parse(String cpuLine, double selfCpuMs) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!f[0].equals("cpu") || f.length < 8) throw new IllegalArgumentException("not the aggregate cpu line: " + cpuLine);
        double busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7}) busy += Long.parseLong(f[i]);
        double steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        return new CpuLoad(busy * MS_PER_TICK, steal * MS_PER_TICK, selfCpuMs);
    }

    private static double processCpuMs() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime() / 1e6;
        return 0;
    }

    /**
     * What else ran during a build: the share of all CPUs' capacity over {@code wallMs} used by
     * processes other than the build's tree and ctime, and the share stolen by the hypervisor.
     */
    public static Interference between(CpuLoad before, CpuLoad after, double wallMs, double buildTreeCpuMs, int cpus) {
        if (before == null || after == null || wallMs <= 0) return null;
        double capacity = wallMs * cpus;
        double other = (after.busyMs - before.busyMs) - buildTreeCpuMs - (after.selfCpuMs - before.selfCpuMs);
        // A tick is 10 ms: short builds cannot resolve less than about two ticks per CPU.
        double resolution = 2 * MS_PER_TICK * cpus;
        double otherShare = Math.max(0, other - resolution) / capacity;
        double stealShare = Math.max(0, after.stealMs - before.stealMs) / capacity;
        return new Interference(Math.min(1, otherShare), Math.min(1, stealShare));
    }
}
