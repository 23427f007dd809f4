package dev.ctime.compile;

import dev.ctime.cargo.SourceCopy;
import dev.ctime.pgo.PipelineCommands;
import dev.ctime.pgo.Trainer;
import dev.ctime.report.PipelineStage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stages of a PGO or BOLT profile that come before (PGO) or after (BOLT) its timed builds,
 * each measured once: what rustc's own release pipeline does, with ctime's harness running the
 * configured kernels as the training workload. A stage that fails marks the profile failed with
 * its reason; other profiles go on.
 */
final class TrainingPipeline {
    private final CompileBench bench;
    private final Trainer trainer;

    TrainingPipeline(CompileBench bench, Trainer trainer) {
        this.bench = bench;
        this.trainer = trainer;
    }

    /**
     * Instrumented build (its own target folder, dependencies instrumented too; the leaf timed as
     * the full scenario is), training, merge. Leaves the profile building with -Cprofile-use.
     */
    void pgo(ProfileBuild b) throws IOException, InterruptedException {
        Path root = fresh(b.dir.resolve("pgo"));
        Path raw = root.resolve("raw");
        Files.createDirectories(raw);
        Path merged = root.resolve("merged.profdata");
        b.trainingSeed = trainer.seed();
        b.trainedOn = trainer.workload();
        b.stageFlags = PipelineCommands.instrumentFlags(raw);
        b.stageTarget = root.resolve("target");
        try {
            Path so = bench.buildOnce(b, "pgo-instrumented-initial", false);
            if (so == null) return;
            BuildMeasurement m = bench.timedLeafBuild(b, "pgo-instrumented");
            if (m == null) return;
            b.stages.add(new PipelineStage("instrumented build", m.wallMs(), m.cpuMs(),
                    "the leaf crate's rustc with -Cprofile-generate, timed as the full builds are (dependencies, also"
                            + " instrumented, built beforehand)"));
            Path lib = root.resolve("instrumented-" + so.getFileName());
            Files.copy(so, lib, StandardCopyOption.REPLACE_EXISTING);
            // Build scripts run instrumented too and leave profiles of their own: only the training's count.
            clear(raw, "*.profraw");
            b.stages.add(trainer.train("PGO training", b.profile.name(), lib,
                    Map.of("LLVM_PROFILE_FILE", PipelineCommands.rawProfileFile(raw)), root.resolve("training")));
            List<Path> profiles = files(raw, "*.profraw");
            if (profiles.isEmpty()) {
                b.fail("PGO: the training ran but the instrumented library wrote no raw profile to " + raw + " (was it"
                        + " built with -Cprofile-generate? see " + b.logs().resolve("pgo-instrumented-initial.stderr") + ")");
                return;
            }
            b.stages.add(bench.measuredStage(b, "profile merge",
                    PipelineCommands.mergeRaw(b.tools.profdata().path(), merged, profiles), Map.of(), "pgo-merge",
                    profiles.size() + " raw profile" + (profiles.size() == 1 ? "" : "s") + " merged by "
                            + b.tools.profdata().path() + " (" + b.tools.profdata().version() + ")"));
        } catch (IOException e) {
            b.fail("PGO: " + e.getMessage());
            return;
        } finally {
            b.stageTarget = null;
        }
        b.stageFlags = PipelineCommands.useFlags(merged);
        b.applied.pgoProfile = merged.toString();
    }

    /**
     * The built library (linked with relocations kept) instrumented by BOLT, trained, and rewritten
     * from the merged profile; the rewritten library replaces the artifact the harness times, and
     * the one before BOLT is kept beside it.
     */
    void bolt(ProfileBuild b) throws IOException, InterruptedException {
        Path root = fresh(b.dir.resolve("bolt"));
        Path before = root.resolve("before-bolt-" + b.artifact.getFileName());
        Files.copy(b.artifact, before, StandardCopyOption.REPLACE_EXISTING);
        Path instrumented = root.resolve("instrumented-" + b.artifact.getFileName());
        Path fdata = root.resolve("fdata");
        Files.createDirectories(fdata);
        Path merged = root.resolve("merged.fdata");
        Path optimised = root.resolve("bolted-" + b.artifact.getFileName());
        if (!b.profile.usesPgo()) {
            b.trainingSeed = trainer.seed();
            b.trainedOn = trainer.workload();
        }
        String bolt = b.tools.bolt().path() + " (" + b.tools.bolt().version() + ")";
        try {
            b.stages.add(bench.measuredStage(b, "BOLT instrumentation",
                    PipelineCommands.boltInstrument(b.tools.bolt().path(), before, instrumented, fdata), Map.of(),
                    "bolt-instrument", bolt));
            b.stages.add(trainer.train("BOLT training", b.profile.name(), instrumented, Map.of(), root.resolve("training")));
            List<Path> profiles = files(fdata, PipelineCommands.BOLT_PROFILE_PREFIX + "*.fdata");
            if (profiles.isEmpty()) {
                b.fail("BOLT: the training ran but the instrumented library wrote no profile to " + fdata);
                return;
            }
            b.stages.add(bench.measuredStage(b, "BOLT profile merge",
                    PipelineCommands.mergeFdata(b.tools.mergeFdata().path(), merged, profiles), Map.of(), "bolt-merge",
                    profiles.size() + " profile" + (profiles.size() == 1 ? "" : "s") + " merged by " + b.tools.mergeFdata().path()));
            b.stages.add(bench.measuredStage(b, "BOLT rewrite",
                    PipelineCommands.boltOptimise(b.tools.bolt().path(), before, optimised, merged), Map.of(), "bolt-optimise",
                    "options " + String.join(" ", PipelineCommands.BOLT_OPTIONS)));
        } catch (IOException e) {
            b.fail("BOLT: " + e.getMessage());
            return;
        }
        Files.copy(optimised, b.artifact, StandardCopyOption.REPLACE_EXISTING);
        b.artifactBytes = Files.size(b.artifact);
        b.applied.libraryBeforeBolt = before.toString();
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
