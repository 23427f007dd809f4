package dev.ctime.compile;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.Toolchain;
import dev.ctime.profile.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One profile's build state across the run: its private folders, what was applied, what was measured. */
public final class ProfileBuild {
    public final Profile profile;
    public final Toolchain toolchain;
    /** target/ctime/profiles/NAME: src/ (the crate's copy), target/ (cargo's), logs/, lib/. */
    public final Path dir;
    public final List<String> features;
    public final CargoCommand.FlagsRoute route;
    public final Map<Scenario, List<BuildMeasurement>> samples = new EnumMap<>(Scenario.class);
    public final List<String> warnings = new ArrayList<>();
    public final dev.ctime.report.Applied.Builder applied = new dev.ctime.report.Applied.Builder();
    /** From the untimed analysis builds: phases, codegen units used, LLVM lines, Enzyme's figures. */
    public final dev.ctime.report.Analysis.Builder analysis = new dev.ctime.report.Analysis.Builder();
    public dev.ctime.report.Status status = dev.ctime.report.Status.OK;
    public String reason;
    Path manifest;
    Path crateRoot;
    /** The built cdylib, copied out of cargo's target dir so later builds cannot change it. */
    public Path artifact;
    public Long artifactBytes;
    /** What identifies this profile's measurement: settings, toolchain, sources, measuring settings (a hash). */
    public String fingerprint;
    /** The earlier run's result, reused as it is by -Dctime.resume; null when this run measures the profile. */
    public dev.ctime.report.ProfileResult reused;

    /** rustflags of the pipeline stage now building (-Cprofile-generate, then -Cprofile-use); empty otherwise. */
    List<String> stageFlags = List.of();
    /** The instrumented build's own target folder, while it builds; null for the profile's. */
    Path stageTarget;
    /** The training pipeline's stages so far (PGO, BOLT); empty for other profiles. */
    public final List<dev.ctime.report.PipelineStage> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
    public long trainingSeed;
    /** The LLVM tools the pipeline uses, matched to the toolchain; null for a profile without one. */
    public dev.ctime.pgo.PipelineTools.Set tools;
    public String trainedOn;

    /** True while the incremental cache matches the unmodified sources. */
    boolean incrementalBaseline;

    public ProfileBuild(Profile profile, Toolchain toolchain, Path dir, List<String> features, CargoCommand.FlagsRoute route) {
        this.profile = profile;
        this.toolchain = toolchain;
        this.dir = dir;
        this.features = List.copyOf(features);
        this.route = route;
    }

    public boolean ok() {
        return status == dev.ctime.report.Status.OK;
    }

    public void fail(String why) {
        status = dev.ctime.report.Status.FAILED;
        reason = why;
    }

    public void skip(String why) {
        status = dev.ctime.report.Status.SKIPPED;
        reason = why;
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    public Path targetDir() {
        return stageTarget != null ? stageTarget : dir.resolve("target");
    }

    /** The pipeline as measured so far; null for a profile without one. */
    public dev.ctime.report.Pipeline pipeline() {
        return profile.trained() && !stages.isEmpty() ? new dev.ctime.report.Pipeline(stages, trainingSeed, trainedOn) : null;
    }
}
