package dev.ctime.model;

/**
 * Practical thresholds: a significant difference smaller than these never counts as different,
 * since no one should switch profiles (or toolchains) for it.
 *
 * @param runtime share of kernel run time (default 1%)
 * @param compile share of build CPU, wall time and memory (default 2%)
 */
public record Thresholds(double runtime, double compile) {
    public static final Thresholds DEFAULT = new Thresholds(0.01, 0.02);
}
