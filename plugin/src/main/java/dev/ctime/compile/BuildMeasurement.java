package dev.ctime.compile;

/**
 * One timed build: the leaf crate's rustc process (wall, user+system CPU of it and its children
 * such as the linker, peak RSS of the largest of them), and the whole cargo invocation's wall time.
 */
public record BuildMeasurement(double wallMs, double cpuMs, double maxRssKb, double cargoWallMs) {
}
