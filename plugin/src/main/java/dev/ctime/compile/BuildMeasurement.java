package dev.ctime.compile;

/**
 * One timed build: the leaf crate's rustc process (wall, user+system CPU of it and its children
 * such as the linker, peak RSS of the largest of them), the whole cargo invocation's wall time,
 * the leaf rustc's user-space instructions where hardware counters are readable (else null), and
 * what else used the machine meanwhile (null where it cannot be read).
 */
public record BuildMeasurement(double wallMs, double cpuMs, double maxRssKb, double cargoWallMs, Double instructions,
                               CpuLoad.Interference interference) {
    public boolean disturbed() {
        return interference != null && interference.disturbed();
    }
}
