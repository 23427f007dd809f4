package dev.ctime.harness;

/**
 * The rule that tells a descheduled batch: its wall time exceeds the measuring thread's CPU time
 * by more than a share of the wall time. Another process (or the hypervisor, as steal) had the
 * core for that long, so the batch measures the machine, not the kernel.
 */
public final class Descheduled {
    /** Default share: a batch that spent more than 5% of its wall time off the CPU. */
    public static final double DEFAULT_THRESHOLD = 0.05;

    private Descheduled() {
    }

    public static boolean[] flags(long[] wallNs, long[] cpuNs, double threshold) {
        boolean[] f = new boolean[wallNs.length];
        for (int i = 0; i < f.length; i++) f[i] = wallNs[i] - cpuNs[i] > threshold * wallNs[i];
        return f;
    }
}
