package dev.ctime.compile;

import dev.ctime.cargo.SourceCopy;
import dev.ctime.pgo.PipelineCommands;
import dev.ctime.pgo.PipelineTools;
import dev.ctime.pgo.Trainer;
import dev.ctime.model.PipelineStage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The stages of a PGO or BOLT profile that come before (PGO) or after (BOLT) its timed builds,
 * each measured once: what rustc's own release pipeline does, with ctime's harness running the
 * configured kernels as the training workload. Each stage is handed on as soon as it is measured;
 * a stage that fails throws with its reason, and other profiles go on.
 */
final class TrainingPipeline {
    private final CrateBuilds builds;
    private final Trainer trainer;

    TrainingPipeline(CrateBuilds builds, Trainer trainer) {
        this.builds = builds;
        this.trainer = trainer;
    }

    long seed() {
        return trainer.seed();
    }

    String workload() {
        return trainer.workload();
    }

    /**
     * Instrumented build (its own target folder, dependencies instrumented too; the leaf timed as
     * the full scenario is), training, merge.
     *
     * @return the merged profile, for the optimised build's -Cprofile-use
     */
    Path pgo(PreparedBuild p, Consumer<PipelineStage> stages) throws IOException, InterruptedException, BuildFailure {
        Path root = fresh(p.plan().dir().resolve("pgo"));
        Path raw = root.resolve("raw");
        Files.createDirectories(raw);
        Path merged = root.resolve("merged.profdata");
        PreparedBuild instrumented = p.inStage(root.resolve("target"), PipelineCommands.instrumentFlags(raw));
        PipelineTools.Set tools = p.plan().tools();
        try {
            Path so = builds.buildOnce(instrumented, "pgo-instrumented-initial", false, false).cdylib();
            BuildMeasurement m = builds.timedLeafBuild(instrumented, "pgo-instrumented");
            stages.accept(new PipelineStage("instrumented build", m.wallMs(), m.cpuMs(),
                    "the leaf crate's rustc with -Cprofile-generate, timed as the full builds are (dependencies, also"
                            + " instrumented, built beforehand)"));
            Path lib = root.resolve("instrumented-" + so.getFileName());
            Files.copy(so, lib, StandardCopyOption.REPLACE_EXISTING);
            // Build scripts run instrumented too and leave profiles of their own: only the training's count.
            clear(raw, "*.profraw");
            stages.accept(trainer.train("PGO training", p.name(), lib,
                    Map.of("LLVM_PROFILE_FILE", PipelineCommands.rawProfileFile(raw)), root.resolve("training")));
            List<Path> profiles = files(raw, "*.profraw");
            if (profiles.isEmpty()) {
                throw new BuildFailure("PGO: the training ran but the instrumented library wrote no raw profile to " + raw + " (was it"
                        + " built with -Cprofile-generate? see " + p.logs().resolve("pgo-instrumented-initial.stderr") + ")");
            }
            stages.accept(builds.measuredStage(p, "profile merge", PipelineCommands.mergeRaw(tools.profdata().path(), merged,
                    profiles), "pgo-merge", profiles.size() + " raw profile" + (profiles.size() == 1 ? "" : "s") + " merged by "
                    + tools.profdata().path() + " (" + tools.profdata().version() + ")"));
        } catch (IOException e) {
            throw new BuildFailure("PGO: " + e.getMessage());
        }
        return merged;
    }

    /**
     * The built library (linked with relocations kept) instrumented by BOLT, trained, and rewritten
     * from the merged profile; the rewritten library replaces the artifact the harness times.
     *
     * @return the library as built, before BOLT, kept beside the rewritten one
     */
    Path bolt(PreparedBuild p, Consumer<PipelineStage> stages) throws IOException, InterruptedException, BuildFailure {
        Path root = fresh(p.plan().dir().resolve("bolt"));
        Path artifact = p.artifact();
        Path before = root.resolve("before-bolt-" + artifact.getFileName());
        Files.copy(artifact, before, StandardCopyOption.REPLACE_EXISTING);
        Path instrumented = root.resolve("instrumented-" + artifact.getFileName());
        Path fdata = root.resolve("fdata");
        Files.createDirectories(fdata);
        Path merged = root.resolve("merged.fdata");
        Path optimised = root.resolve("bolted-" + artifact.getFileName());
        PipelineTools.Set tools = p.plan().tools();
        String bolt = tools.bolt().path() + " (" + tools.bolt().version() + ")";
        try {
            stages.accept(builds.measuredStage(p, "BOLT instrumentation",
                    PipelineCommands.boltInstrument(tools.bolt().path(), before, instrumented, fdata), "bolt-instrument", bolt));
            stages.accept(trainer.train("BOLT training", p.name(), instrumented, Map.of(), root.resolve("training")));
            List<Path> profiles = files(fdata, PipelineCommands.BOLT_PROFILE_PREFIX + "*.fdata");
            if (profiles.isEmpty()) {
                throw new BuildFailure("BOLT: the training ran but the instrumented library wrote no profile to " + fdata);
            }
            stages.accept(builds.measuredStage(p, "BOLT profile merge",
                    PipelineCommands.mergeFdata(tools.mergeFdata().path(), merged, profiles), "bolt-merge",
                    profiles.size() + " profile" + (profiles.size() == 1 ? "" : "s") + " merged by " + tools.mergeFdata().path()));
            stages.accept(builds.measuredStage(p, "BOLT rewrite",
                    PipelineCommands.boltOptimise(tools.bolt().path(), before, optimised, merged), "bolt-optimise",
                    "options " + String.join(" ", PipelineStage.BOLT_OPTIONS)));
        } catch (IOException e) {
            throw new BuildFailure("BOLT: " + e.getMessage());
        }
        Files.copy(optimised, artifact, StandardCopyOption.REPLACE_EXISTING);
        return before;
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) SourceCopy.deleteTree(dir);
        Files.createDirectories(dir);
        return dir;
    }

    private static void clear(Path dir, String glob) throws IOException {
        for (Path p : files(dir, glob)) Files.delete(p);
    }

    private static List<Path> files(Path dir, String glob) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            ds.forEach(out::add);
        }
        out.sort(null);
        return out;
    }
}
