package dev.ctime.compile;

import dev.ctime.autodiff.EnzymeWarnings;
import dev.ctime.autodiff.EnzymeExclusion;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            CrateBuilds.Built built = null;
            List<String> stage = p.stageFlags();
            Map<String, String> without = new LinkedHashMap<>();
            while (built == null) {
                try {
                    built = builds.buildOnce(p, "build-initial", true, firstAsClean);
                } catch (BuildFailure f) {
                    // A derivative Enzyme rejects fails every kernel of the library: built again without it, the rest are timed.
                    List<String> culprits = plan.profile().isAutodiff() ? EnzymeExclusion.culprits(f.enzyme()) : List.of();
                    if (gates == null && !culprits.isEmpty()) gates = DerivativeGates.scan(p.manifest().getParent());
                    List<String> fresh = culprits.stream().filter(c -> gates.gated().contains(c) && !without.containsKey(c)).toList();
                    if (fresh.isEmpty() || without.size() >= MAX_LEFT_OUT) {
                        List<String> own = culprits.stream().filter(c -> gates != null && gates.functions().contains(c)
                                && !gates.gated().contains(c)).toList();
                        String more = own.isEmpty() ? "" : "\n" + EnzymeExclusion.advice(own, gates.gated());
                        if (without.isEmpty()) throw new BuildFailure(f.reason() + more, f.enzyme());
                        throw new BuildFailure("built without the derivatives of " + String.join(", ", without.keySet()) + " ("
                                + EnzymeExclusion.CFG + "), which Enzyme rejects: " + f.reason() + more, f.enzyme());
                    }
                    fresh.forEach(c -> without.put(c, f.enzyme().describe()));
                    List<String> flags = new ArrayList<>(stage);
                    flags.addAll(EnzymeExclusion.rustflags(without.keySet()));
                    p = p.inStage(p.target(), flags);
                    at.applied.autodiffWithout = without;
                    at.applied.rustflagsAdded = builds.command(p, false).rustflags();
                }
            }
            if (!without.isEmpty()) {
                at.outcome = at.outcome.warned("built without the derivative" + (without.size() == 1 ? " of " : "s of ")
                        + String.join(", ", without.keySet()) + " (" + EnzymeExclusion.CFG + "), which Enzyme rejects: its build"
                        + " figures are those of the library without " + (without.size() == 1 ? "it" : "them") + ", and its other"
                        + " kernels are Enzyme's");
            }
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

    /** The most derivatives left out of one library before the build is given up as failed. */
    static final int MAX_LEFT_OUT = 16;

    /** The crate's gates on ctime's cfg, read where a derivative is first rejected. */
    private DerivativeGates gates;

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
