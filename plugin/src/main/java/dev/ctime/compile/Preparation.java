package dev.ctime.compile;

import dev.ctime.autodiff.EnzymeWarnings;
import dev.ctime.autodiff.PerfRemarksParser;
import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.SourceCopy;
import dev.ctime.cargo.SourceFiles;
import dev.ctime.pgo.PipelineCommands;
import dev.ctime.pgo.Trainer;
import dev.ctime.model.Analysis;
import dev.ctime.model.Applied;
import dev.ctime.model.Pipeline;
import dev.ctime.model.PipelineStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A profile's first stage: its own copy of the crate, everything built once (untimed), and the
 * cdylib kept. A PGO profile first runs its instrumented build, training and merge, so that this
 * build (and every timed one) is the optimised build; a BOLT profile's library is then
 * instrumented, trained and rewritten, and the rewritten one is what the harness times.
 */
final class Preparation {
    private final CrateBuilds builds;
    private final TrainingPipeline training;
    /** The user's tree, walked once for every profile's record of what its build read. */
    private List<String> tree;

    /** @param trainer runs the kernels for PGO and BOLT; null where none are configured */
    Preparation(CrateBuilds builds, Trainer trainer) {
        this.builds = builds;
        this.training = trainer == null ? null : new TrainingPipeline(builds, trainer);
    }

    /** @param progress hears the outcome after every pipeline stage, so an interruption keeps what was measured */
    CompileBench.Prepared prepare(BuildPlan plan, BuildOutcome planned, Consumer<BuildOutcome> progress, boolean firstAsClean)
            throws IOException, InterruptedException {
        // plan.dir() is <output>/profiles/<name>: the whole output folder stays out of the copy.
        Path manifest = SourceCopy.create(builds.crate, plan.dir().resolve("src"), plan.dir().getParent().getParent());
        PreparedBuild p = new PreparedBuild(plan, manifest, manifest.getParent().resolve(builds.crate.libSource().toString()),
                plan.target(), List.of(), null);
        Progress at = new Progress(plan, planned, progress);
        try {
            if (plan.profile().trained() && training == null) {
                throw new BuildFailure("PGO and BOLT train on the configured kernels, and none are configured: add <kernels> or"
                        + " drop <pgo>/<bolt>");
            }
            if (plan.profile().usesPgo()) {
                Path merged = training.pgo(p, at::stage);
                p = p.inStage(plan.target(), PipelineCommands.useFlags(merged));
                at.applied.pgoProfile = merged.toString();
            }
            CargoCommand cmd = builds.command(p, false);
            at.applied.cargoArgs = List.copyOf(cmd.args().subList(1, cmd.args().size()));
            at.applied.env = cmd.env();
            at.applied.rustflagsAdded = cmd.rustflags();
            at.applied.rustflagsRoute = plan.route().name();
            at.applied.features = plan.features();
            at.applied.effective = plan.effective().isEmpty() ? null : plan.effective();
            CrateBuilds.Built built = builds.buildOnce(p, "build-initial", true, firstAsClean);
            at.applied.rustcCommand = built.rustcCommand();
            if (built.clean()) at.outcome = at.outcome.withSample(Scenario.CLEAN, built.measured());
            at.first = built.measured();
            at.outcome = at.outcome.warned(built.warnings());
            if (plan.profile().isAutodiff()) at.outcome = at.outcome.warned(EnzymeWarnings.of(built.stderr()));
            if (plan.profile().autodiff().contains("PrintPerf")) {
                Analysis.Builder a = new Analysis.Builder();
                a.enzymePerfRemarks = PerfRemarksParser.parse(built.stderr());
                at.outcome = at.outcome.withAnalysis(a.build());
            }
            Files.createDirectories(plan.dir().resolve("lib"));
            Path lib = plan.dir().resolve("lib").resolve(built.cdylib().getFileName());
            Files.copy(built.cdylib(), lib, StandardCopyOption.REPLACE_EXISTING);
            p = p.withArtifact(lib);
            at.bytes = Files.size(lib);
            if (plan.profile().usesBolt()) {
                at.applied.libraryBeforeBolt = training.bolt(p, at::stage).toString();
                at.bytes = Files.size(lib);
            }
            at.applied.librarySha256 = SourceCopy.sha256(lib);
            String so = built.cdylib().getFileName().toString();
            Path depInfo = built.cdylib().resolveSibling(so.substring(0, so.lastIndexOf('.')) + ".d");
            if (tree == null) tree = SourceFiles.all(builds.crate.sourceRoot(), plan.dir().getParent().getParent());
            at.applied.sources = SourceFiles.hashes(builds.crate.sourceRoot(), SourceFiles.read(depInfo, plan.dir().resolve("src"), tree));
            return new CompileBench.Prepared(p, at.result(), at.first);
        } catch (BuildFailure e) {
            return new CompileBench.Prepared(null, at.result().failed(e.reason()), null);
        }
    }

    /** This stage's own working state for one profile; what leaves it is an immutable outcome. */
    private final class Progress {
        final Applied.Builder applied = new Applied.Builder();
        private final List<PipelineStage> stages = new ArrayList<>();
        private final Consumer<BuildOutcome> listener;
        BuildOutcome outcome;
        Long bytes;
        BuildMeasurement first;

        Progress(BuildPlan plan, BuildOutcome planned, Consumer<BuildOutcome> listener) {
            this.applied.fingerprint = plan.fingerprint();
            this.outcome = planned;
            this.listener = listener;
        }

        /** A pipeline stage measured: kept, and handed on at once. */
        void stage(PipelineStage s) {
            stages.add(s);
            listener.accept(result());
        }

        BuildOutcome result() {
            Pipeline pipeline = stages.isEmpty() ? null : new Pipeline(stages, training.seed(), training.workload());
            return outcome.withBuild(applied.build(), bytes, pipeline);
        }
    }
}
