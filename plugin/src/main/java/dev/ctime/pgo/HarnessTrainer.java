package dev.ctime.pgo;

import dev.ctime.cargo.CargoOutput;
import dev.ctime.kernel.ForkPlan;
import dev.ctime.kernel.ForkLauncher;
import dev.ctime.model.PipelineStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The training workload of PGO and BOLT profiles: one fork of ctime's harness running every
 * configured kernel and size on the instrumented library, as the timed forks do but with inputs
 * drawn from another seed, measured by wait4 like a build. The fork must finish: an instrumented
 * library writes its profile when the process exits normally.
 */
public final class HarnessTrainer implements Trainer {
    private final ForkLauncher launcher;
    private final ForkPlan template;
    private final Path rusage;

    /** @param template the timed forks' plan: kernels, batch settings and the timing seed */
    public HarnessTrainer(ForkLauncher launcher, ForkPlan template, Path rusage) {
        this.launcher = launcher;
        this.template = template;
        this.rusage = rusage;
    }

    @Override
    public long seed() {
        return PipelineCommands.trainingSeed(template.seed());
    }

    @Override
    public String workload() {
        return String.join(", ", template.kernels().stream().map(k -> k.name() + " n = " + k.sizes()).toList())
                + " (primal and gradient), one harness fork, inputs from seed " + seed() + " (the timed runs use seed "
                + template.seed() + ")";
    }

    @Override
    public PipelineStage train(String stage, String profile, Path library, Map<String, String> env, Path dir)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        ForkPlan t = template;
        ForkPlan plan = new ForkPlan(List.of(new ForkPlan.Library(profile, library.toString())), t.kernels(), seed(),
                t.minSampleNs(), t.samples(), t.warmupMaxMs(), t.pinCpu(), t.gradientTolerance(), t.deschedThreshold(),
                List.of(), List.of(), dir.resolve("training.progress").toString(), dir.resolve("training.results.jsonl").toString());
        Path out = dir.resolve("training.rusage.json");
        Files.deleteIfExists(out);
        ForkLauncher.Attempt a = launcher.run(plan, dir, "training", env, List.of(rusage.toString(), "--out", out.toString(), "--"));
        if (!a.finished()) throw new IOException("the training run did not finish: " + a.problem());
        if (!Files.exists(out)) throw new IOException("the training run left no figures in " + out);
        CargoOutput.Rusage r = CargoOutput.rusage(Files.readString(out));
        return new PipelineStage(stage, r.wallMs(), r.cpuMs(), workload());
    }
}
