package dev.ctime.compile;

import dev.ctime.autodiff.PerfRemarks;
import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.SourceCopy;
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

    /** @param trainer runs the kernels for PGO and BOLT; null where none are configured */
    Preparation(CrateBuilds builds, Trainer trainer) {
        this.builds = builds;
        this.training = trainer == null ? null : new TrainingPipeline(builds, trainer);
    }

    /** @param progress hears the outcome after every pipeline stage, so an interruption keeps what was measured */
    CompileBench.Prepared prepare(BuildPlan plan, BuildOutcome planned, Consumer<BuildOutcome> progress) throws IOException, InterruptedException {
        // plan.dir() is <output>/profiles/<name>: the whole output folder stays out of the copy.
        Path manifest = SourceCopy.create(builds.crate, plan.dir().resolve("src"), plan.dir().getParent().getParent());
        PreparedBuild p = new PreparedBuild(plan, manifest, manifest.getParent().resolve(builds.crate.libSource().toString()),
                plan.target(), List.of(), null);
        Applied.Builder applied = new Applied.Builder();
        applied.fingerprint = plan.fingerprint();
        List<PipelineStage> stages = new ArrayList<>();
        Pipeline[] pipeline = {null};
        BuildOutcome[] current = {planned};
        Consumer<PipelineStage> stage = s -> {
            stages.add(s);
            pipeline[0] = new Pipeline(stages, training.seed(), training.workload());
            current[0] = current[0].withBuild(applied.build(), null, pipeline[0]);
            progress.accept(current[0]);
        };
        Long bytes = null;
        try {
            if (plan.profile().trained() && training == null) {
                throw new BuildFailure("PGO and BOLT train on the configured kernels, and none are configured: add <kernels> or"
                        + " drop <pgo>/<bolt>");
            }
            if (plan.profile().usesPgo()) {
                Path merged = training.pgo(p, stage);
                p = p.inStage(plan.target(), training.useFlags(merged));
                applied.pgoProfile = merged.toString();
            }
            CargoCommand cmd = builds.command(p, false);
            applied.cargoArgs = List.copyOf(cmd.args().subList(1, cmd.args().size()));
            applied.env = cmd.env();
            applied.rustflagsAdded = cmd.rustflags();
            applied.rustflagsRoute = plan.route().name();
            applied.features = plan.features();
            CrateBuilds.Built built = builds.buildOnce(p, "build-initial", true);
            applied.rustcCommand = built.rustcCommand();
            BuildOutcome o = current[0].warned(built.warnings());
            if (plan.profile().autodiff().contains("PrintPerf")) {
                Analysis.Builder a = new Analysis.Builder();
                a.enzymePerfRemarks = PerfRemarks.parse(built.stderr());
                o = o.withAnalysis(a.build());
            }
            current[0] = o;
            Files.createDirectories(plan.dir().resolve("lib"));
            Path lib = plan.dir().resolve("lib").resolve(built.cdylib().getFileName());
            Files.copy(built.cdylib(), lib, StandardCopyOption.REPLACE_EXISTING);
            p = p.withArtifact(lib);
            bytes = Files.size(lib);
            if (plan.profile().usesBolt()) {
                applied.libraryBeforeBolt = training.bolt(p, stage).toString();
                bytes = Files.size(lib);
            }
            return new CompileBench.Prepared(p, current[0].withBuild(applied.build(), bytes, pipeline[0]));
        } catch (BuildFailure e) {
            return new CompileBench.Prepared(null, current[0].withBuild(applied.build(), bytes, pipeline[0]).failed(e.reason()));
        }
    }
}
