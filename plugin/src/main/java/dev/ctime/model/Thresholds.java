package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Practical thresholds: a significant difference smaller than these never counts as different,
 * since no one should switch profiles (or toolchains) for it.
 *
 * @param runtime   share of kernel run time (default 1%)
 * @param compile   share of build CPU, wall time and memory (default 2%)
 * @param tolerance share of the workload's cost per build (build plus run) that a recommendation may be wrong by and
 *                  still count as settled (ctime.tolerance, default 2%); above it the recommendation is bounded, and says
 *                  by how much; absent in reports of schema 7 and older, which were judged without one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Thresholds(double runtime, double compile, Double tolerance) {
    public static final double DEFAULT_TOLERANCE = 0.02;
    public static final Thresholds DEFAULT = new Thresholds(0.01, 0.02, DEFAULT_TOLERANCE);

    public Thresholds(double runtime, double compile) {
        this(runtime, compile, DEFAULT_TOLERANCE);
    }

    /** The tolerance that applies: the default where an older report recorded none. */
    @JsonIgnore
    public double tolerated() {
        return tolerance == null ? DEFAULT_TOLERANCE : tolerance;
    }
}
