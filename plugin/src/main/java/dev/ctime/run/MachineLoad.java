package dev.ctime.run;

import dev.ctime.compile.CpuLoad;
import dev.ctime.text.Units;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What other processes did to the machine while ctime measured: the share of all CPUs' capacity they used, stage by
 * stage (from /proc/stat, less this JVM and the children it has reaped: builds, forks, counts), and, where asked
 * (ctime.quiet), a wait for a quieter moment before a round of kernel forks.
 */
final class MachineLoad {
    /** Others using more than this share of the CPUs make a moment busy. */
    static final double BUSY = 0.5;
    private static final Duration LOOK = Duration.ofSeconds(1);

    private final int cpus = Runtime.getRuntime().availableProcessors();
    private final Map<String, double[]> byStage = new LinkedHashMap<>();
    private Mark mark = Mark.now();

    /** A reading of the machine's busy time and this run's own CPU time, and when it was taken. */
    record Mark(CpuLoad load, double ownMs, long nanos) {
        static Mark now() {
            return new Mark(CpuLoad.now(), ProcessCpu.totalMs(), System.nanoTime());
        }

        /** Others' CPU ms and the CPUs' capacity in ms from this mark to that one; null where /proc cannot tell. */
        double[] until(Mark later, int cpus) {
            if (load == null || later.load == null || Double.isNaN(ownMs) || Double.isNaN(later.ownMs)) return null;
            double capacity = (later.nanos - nanos) / 1e6 * cpus;
            double others = (later.load.busyMs() - load.busyMs()) - (later.ownMs - ownMs);
            return capacity <= 0 ? null : new double[] {Math.max(0, others), capacity};
        }
    }

    /** Closes the stage that ran since the last call, adding what others used during it to that stage's account. */
    synchronized void stageEnded(String stage) {
        Mark now = Mark.now();
        double[] used = mark.until(now, cpus);
        mark = now;
        if (stage == null || used == null) return;
        byStage.merge(stage, used, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
    }

    /** Each stage's share of the CPUs that other processes used, in the order run. */
    synchronized Map<String, Double> shares() {
        Map<String, Double> out = new LinkedHashMap<>();
        byStage.forEach((s, v) -> out.put(s, Math.min(1, v[0] / v[1])));
        return out;
    }

    /** What others use of the CPUs over the next second; NaN where /proc cannot tell. */
    double othersNow() throws InterruptedException {
        Mark before = Mark.now();
        Thread.sleep(LOOK.toMillis());
        double[] used = before.until(Mark.now(), cpus);
        return used == null ? Double.NaN : Math.min(1, used[0] / used[1]);
    }

    /**
     * Waits, up to {@code limit}, while other processes take more than half of the CPUs; says what it did, and returns
     * the share it started on (NaN where it could not tell).
     */
    double waitForQuiet(Duration limit, Consumer<String> log) throws InterruptedException {
        if (limit.isZero() || limit.isNegative()) return Double.NaN;
        double first = othersNow();
        if (!(first > BUSY)) return first;
        long start = System.nanoTime();
        double share = first;
        while (share > BUSY && System.nanoTime() - start < limit.toNanos()) share = othersNow();
        String waited = Units.duration((System.nanoTime() - start) / 1e6);
        log.accept(String.format(java.util.Locale.ROOT, "other processes used %.0f%% of the CPUs: waited %s for a quieter"
                + " moment (ctime.quiet, at most %s); %s", 100 * first, waited, Units.duration(limit.toMillis()),
                share > BUSY ? String.format(java.util.Locale.ROOT, "still %.0f%% busy, timing anyway", 100 * share)
                        : String.format(java.util.Locale.ROOT, "now %.0f%%", 100 * share)));
        return first;
    }
}
