package dev.ctime.compile;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.Toolchain;
import dev.ctime.pgo.PipelineTools;
import dev.ctime.profile.Profile;
import dev.ctime.report.Analysis;
import dev.ctime.report.Applied;
import dev.ctime.report.Pipeline;
import dev.ctime.report.PipelineStage;
import dev.ctime.report.ProfileResult;
import dev.ctime.report.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One profile's working state while the compile stages run on it: its private folders, the
 * pipeline stage it is in, what was applied and measured. Only this package's stages change it;
 * the run marks it through a few verbs, and reads it back as an immutable {@link BuildOutcome}.
 */
public final class ProfileBuild {
    final Profile profile;
    final Toolchain toolchain;
    /** target/ctime/profiles/NAME: src/ (the crate's copy), target/ (cargo's), logs/, lib/. */
    final Path dir;
    final List<String> features;
    final CargoCommand.FlagsRoute route;
    final Map<Scenario, List<BuildMeasurement>> samples = new EnumMap<>(Scenario.class);
    final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Applied.Builder applied = new Applied.Builder();
    /** From the untimed analysis builds: phases, codegen units used, LLVM lines, Enzyme's figures. */
    final Analysis.Builder analysis = new Analysis.Builder();
    private volatile Status status = Status.OK;
    private volatile String reason;
    Path manifest;
    Path crateRoot;
    /** The built cdylib, copied out of cargo's target dir so later builds cannot change it. */
    Path artifact;
    Long artifactBytes;
    /** What identifies this profile's measurement: settings, toolchain, sources, measuring settings (a hash). */
    private String fingerprint;
    /** The earlier run's result, reused as it is by -Dctime.resume; null when this run measures the profile. */
    private ProfileResult reused;

    /** rustflags of the pipeline stage now building (-Cprofile-generate, then -Cprofile-use); empty otherwise. */
    List<String> stageFlags = List.of();
    /** The instrumented build's own target folder, while it builds; null for the profile's. */
    Path stageTarget;
    /** The training pipeline's stages so far (PGO, BOLT); empty for other profiles. */
    final List<PipelineStage> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
    long trainingSeed;
    String trainedOn;
    /** The LLVM tools the pipeline uses, matched to the toolchain; null for a profile without one. */
    PipelineTools.Set tools;

    /** True while the incremental cache matches the unmodified sources. */
    boolean incrementalBaseline;

    public ProfileBuild(Profile profile, Toolchain toolchain, Path dir, List<String> features, CargoCommand.FlagsRoute route) {
        this.profile = profile;
        this.toolchain = toolchain;
        this.dir = dir;
        this.features = List.copyOf(features);
        this.route = route;
    }

    public Profile profile() {
        return profile;
    }

    public Toolchain toolchain() {
        return toolchain;
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public Status status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public void fail(String why) {
        status = Status.FAILED;
        reason = why;
    }

    public void skip(String why) {
        status = Status.SKIPPED;
        reason = why;
    }

    /** Something the report should say about this profile (a missing symbol, an analysis that failed). */
    public void warn(String warning) {
        warnings.add(warning);
    }

    /** The library the harness loads, once built. */
    public Path artifact() {
        return artifact;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public void fingerprint(String f) {
        fingerprint = f;
        applied.fingerprint = f;
    }

    /** The earlier run's result for this profile, reused as it is (ctime.resume). */
    public void reuse(ProfileResult earlier) {
        reused = earlier;
    }

    public boolean isReused() {
        return reused != null;
    }

    /** The tools a PGO or BOLT profile's pipeline needs, found for its toolchain. */
    public void tools(PipelineTools.Set t) {
        tools = t;
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    public Path targetDir() {
        return stageTarget != null ? stageTarget : dir.resolve("target");
    }

    /** The pipeline as measured so far; null for a profile without one. */
    Pipeline pipeline() {
        return profile.trained() && !stages.isEmpty() ? new Pipeline(stages, trainingSeed, trainedOn) : null;
    }

    /** One timed build of a scenario (under the lock the report's snapshot takes, so an interruption reads it whole). */
    synchronized void record(Scenario s, BuildMeasurement m) {
        samples.computeIfAbsent(s, k -> new ArrayList<>()).add(m);
    }

    /** What the stages produced so far, as values: the report is assembled from these, never from this working state. */
    public synchronized BuildOutcome outcome() {
        Map<Scenario, List<BuildMeasurement>> copy = new EnumMap<>(Scenario.class);
        samples.forEach((s, ms) -> copy.put(s, List.copyOf(ms)));
        Analysis a = analysis.build();
        return new BuildOutcome(profile, toolchain == null ? profile.toolchain() : toolchain.displayName(), status, reason,
                applied.build(), a.isEmpty() ? null : a, artifactBytes, copy, new ArrayList<>(warnings), pipeline(), reused);
    }
}
