package dev.ctime.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * A profile ready for its timed and analysis builds: its own copy of the crate, the rustflags its
 * training pipeline left (-Cprofile-use), and the library the harness loads. Immutable: a stage
 * that builds differently (the instrumented build) works on a changed copy.
 *
 * @param crateRoot  the copy's crate root (lib.rs), which the incremental scenarios touch and patch
 * @param target     cargo's target folder for these builds
 * @param stageFlags rustflags of the pipeline stage, after the profile's own; empty for other profiles
 * @param artifact   the built cdylib, copied out of cargo's target folder so later builds cannot change it; null until built
 */
public record PreparedBuild(BuildPlan plan, Path manifest, Path crateRoot, Path target, List<String> stageFlags, Path artifact) {
    public PreparedBuild {
        stageFlags = List.copyOf(stageFlags);
    }

    public String name() {
        return plan.name();
    }

    Path logs() {
        return plan.logs();
    }

    /** The same crate copy built in another target folder with other stage flags (PGO's instrumented build). */
    PreparedBuild inStage(Path stageTarget, List<String> flags) {
        return new PreparedBuild(plan, manifest, crateRoot, stageTarget, flags, artifact);
    }

    PreparedBuild withArtifact(Path lib) {
        return new PreparedBuild(plan, manifest, crateRoot, target, stageFlags, lib);
    }
}
