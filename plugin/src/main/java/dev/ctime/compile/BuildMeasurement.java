package dev.ctime.compile;

/**
 * One timed build: the leaf crate's rustc process (wall, user+system CPU of it and its children
 * such as the linker, peak RSS of the largest of them), the whole cargo invocation's wall time,
 * and the leaf rustc's user-space instructions where hardware counters are readable (else null).
 */
public record BuildMeasurement(double wallMs, double cpuMs, double maxRssKb, double cargoWallMs, Double instructions) {
}
