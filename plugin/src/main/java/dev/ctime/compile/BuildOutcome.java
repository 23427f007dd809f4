package dev.ctime.compile;

import dev.ctime.model.Profile;
import dev.ctime.model.Analysis;
import dev.ctime.model.Applied;
import dev.ctime.model.Pipeline;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the compile stages produced for one profile, as it stands. Every stage returns a new one,
 * so a report can be assembled from the latest at any moment (after each build, or when the run
 * is interrupted) and never sees a half-changed profile.
 *
 * @param toolchain the toolchain's display name (or the one asked for, where it is not installed)
 * @param samples   every timed build, per scenario, in the order measured
 * @param pipeline  a PGO or BOLT profile's stages so far; null for other profiles
 * @param reused    the earlier run's whole result where ctime.resume reused it; the other fields are then unused
 */
public record BuildOutcome(Profile profile, String toolchain, Status status, String reason, Applied applied, Analysis analysis,
                           Long artifactBytes, Map<Scenario, List<BuildMeasurement>> samples, List<String> warnings,
                           Pipeline pipeline, ProfileResult reused) {
    public BuildOutcome {
        // Scenario order (full, incr-full, …) is the report's order: an EnumMap keeps it.
        EnumMap<Scenario, List<BuildMeasurement>> copy = new EnumMap<>(Scenario.class);
        samples.forEach((s, ms) -> copy.put(s, List.copyOf(ms)));
        samples = copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
        if (analysis != null && analysis.isEmpty()) analysis = null;
    }

    /** A planned profile, nothing built yet. */
    public static BuildOutcome planned(BuildPlan plan) {
        Applied.Builder a = new Applied.Builder();
        a.fingerprint = plan.fingerprint();
        return new BuildOutcome(plan.profile(), plan.toolchainName(), Status.OK, null, a.build(), null, null, Map.of(), List.of(),
                null, null);
    }

    public String name() {
        return profile.name();
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public BuildOutcome failed(String why) {
        return new BuildOutcome(profile, toolchain, Status.FAILED, why, applied, analysis, artifactBytes, samples, warnings, pipeline,
                reused);
    }

    public BuildOutcome skipped(String why) {
        return new BuildOutcome(profile, toolchain, Status.SKIPPED, why, applied, analysis, artifactBytes, samples, warnings, pipeline,
                reused);
    }

    /** With something the report should say about this profile (a missing symbol, an analysis that failed). */
    public BuildOutcome warned(String warning) {
        return warned(List.of(warning));
    }

    public BuildOutcome warned(List<String> more) {
        if (more.isEmpty()) return this;
        List<String> w = new ArrayList<>(warnings);
        w.addAll(more);
        return new BuildOutcome(profile, toolchain, status, reason, applied, analysis, artifactBytes, samples, w, pipeline, reused);
    }

    /** The earlier run's result for this profile, reused as it is (ctime.resume). */
    public BuildOutcome reusing(ProfileResult earlier) {
        return new BuildOutcome(profile, toolchain, status, reason, applied, analysis, artifactBytes, samples, warnings, pipeline,
                earlier);
    }

    /**
     * The timed builds an interrupted run of this profile finished, read back from its report, so that
     * a resumed run completes them instead of starting over; scenarios this run does not time are dropped.
     */
    public BuildOutcome keeping(ProfileResult interrupted, List<Scenario> scenarios) {
        Map<Scenario, List<BuildMeasurement>> kept = new EnumMap<>(Scenario.class);
        if (interrupted.compile() != null) {
            interrupted.compile().forEach((id, f) -> Scenario.byId(id).filter(scenarios::contains).ifPresent(sc -> {
                List<BuildMeasurement> ms = BuildMeasurement.of(f);
                if (!ms.isEmpty()) kept.put(sc, ms);
            }));
        }
        return new BuildOutcome(profile, toolchain, status, reason, applied, analysis, artifactBytes, kept, warnings, pipeline, reused);
    }

    BuildOutcome withSample(Scenario s, BuildMeasurement m) {
        Map<Scenario, List<BuildMeasurement>> more = new EnumMap<>(Scenario.class);
        more.putAll(samples);
        List<BuildMeasurement> ms = new ArrayList<>(samples.getOrDefault(s, List.of()));
        ms.add(m);
        more.put(s, ms);
        return new BuildOutcome(profile, toolchain, status, reason, applied, analysis, artifactBytes, more, warnings, pipeline, reused);
    }

    BuildOutcome withBuild(Applied a, Long bytes, Pipeline p) {
        return new BuildOutcome(profile, toolchain, status, reason, a, analysis, bytes, samples, warnings, p, reused);
    }

    BuildOutcome withAnalysis(Analysis a) {
        return new BuildOutcome(profile, toolchain, status, reason, applied, a, artifactBytes, samples, warnings, pipeline, reused);
    }
}
