package dev.ctime.compile;

import dev.ctime.profile.Profile;
import dev.ctime.report.Analysis;
import dev.ctime.report.Applied;
import dev.ctime.report.Pipeline;
import dev.ctime.report.ProfileResult;
import dev.ctime.report.Status;
import java.util.List;
import java.util.Map;

/**
 * What the compile stages produced for one profile, as it stands: immutable, so a report can be
 * assembled from it at any moment (after each stage, or when the run is interrupted).
 *
 * @param toolchain the toolchain's display name (or the one asked for, where it is not installed)
 * @param samples   every timed build, per scenario, in the order measured
 * @param reused    the earlier run's whole result where ctime.resume reused it; the other fields are then unused
 */
public record BuildOutcome(Profile profile, String toolchain, Status status, String reason, Applied applied, Analysis analysis,
                           Long artifactBytes, Map<Scenario, List<BuildMeasurement>> samples, List<String> warnings,
                           Pipeline pipeline, ProfileResult reused) {
    public BuildOutcome {
        // Scenario order (full, incr-full, …) is the report's order: an EnumMap keeps it.
        samples = samples.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(samples));
        warnings = List.copyOf(warnings);
    }
}
