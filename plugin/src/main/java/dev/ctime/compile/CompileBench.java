package dev.ctime.compile;

import dev.ctime.cargo.CrateInfo;
import dev.ctime.pgo.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The compile stages, each taking immutable inputs and returning an immutable result: prepare
 * (a {@link BuildPlan} → a {@link PreparedBuild} and its outcome), time the scenarios, analyse.
 * What a stage measured reaches the caller through {@code progress} as soon as it is measured.
 */
public final class CompileBench {
    /**
     * @param build   what the later stages build on; null when the profile failed
     * @param outcome what was applied and measured, failed with the reason where it did
     * @param first   the first build's figures with every unit of its graph (null where it failed)
     */
    public record Prepared(PreparedBuild build, BuildOutcome outcome, BuildMeasurement first) {
    }

    /**
     * @param outcomes every profile's outcome after the timed builds, by name
     * @param capped   the (profile, scenario) figures a cap stopped short of the target ("name/scenario")
     */
    public record Timed(Map<String, BuildOutcome> outcomes, Set<String> capped) {
    }

    private final CrateBuilds builds;
    private final Preparation preparation;
    private final Path patchFile;
    private final Path valgrind;
    private final Consumer<String> log;
    /** One for the whole run: it knows what each profile's target folder holds between rounds. */
    private final ScenarioRunner runner;

    /**
     * @param perf      perf's path where hardware counters are readable, else null
     * @param patchFile the incr-patched edit as a unified diff, or null for ctime's default edit
     * @param valgrind  where given, the analysis also counts the leaf rustc's instructions under Cachegrind
     * @param trainer   runs the kernels as PGO's and BOLT's training; null where no kernels are configured
     */
    public CompileBench(CrateInfo crate, Path rusage, Path perf, Path patchFile, Duration buildTimeout, Map<String, String> userEnv,
                        Path valgrind, Trainer trainer, Consumer<String> log) {
        this.builds = new CrateBuilds(crate, rusage, perf, buildTimeout, userEnv);
        this.preparation = new Preparation(builds, trainer);
        this.patchFile = patchFile;
        this.valgrind = valgrind;
        this.log = log;
        this.runner = new ScenarioRunner(builds, patchFile, log);
    }

    /**
     * Copies the crate, runs a PGO profile's pipeline, builds everything once, keeps the cdylib, runs BOLT.
     *
     * @param firstAsClean the first build starts from an empty target folder and is the first clean sample
     */
    public Prepared prepare(BuildPlan plan, BuildOutcome planned, Consumer<BuildOutcome> progress, boolean firstAsClean)
            throws IOException, InterruptedException {
        Prepared p = preparation.prepare(plan, planned, progress, firstAsClean);
        runner.built(plan.name(), firstAsClean ? Scenario.CLEAN.incrementalFor(plan.profile()) : Boolean.FALSE);
        return p;
    }

    /** The scenarios' timed builds, interleaved over the profiles, repeated until precise or capped. */
    public Timed time(List<PreparedBuild> prepared, Map<String, BuildOutcome> outcomes, List<Scenario> scenarios, int minRepeat,
                      int maxRepeat, double targetPrecision, Consumer<BuildOutcome> progress,
                      java.util.function.DoubleFunction<String> left) throws InterruptedException {
        return runner.withFirstRound(1).withLeft(left).run(prepared, outcomes, scenarios, minRepeat, maxRepeat, targetPrecision,
                progress);
    }

    /**
     * One more round of timed builds of these profiles, numbered {@code round} (its logs are kept apart from the
     * earlier rounds'): what a still undecided decision asks for.
     */
    public Timed oneMoreRound(List<PreparedBuild> prepared, Map<String, BuildOutcome> outcomes, List<Scenario> scenarios, int round,
                              Consumer<BuildOutcome> progress) throws InterruptedException {
        return runner.withFirstRound(round).run(prepared, outcomes, scenarios, 1, 1, 1, progress);
    }

    /** The untimed analysis builds: phases, codegen units, LLVM IR lines, Enzyme's trace, Cachegrind where asked. */
    public BuildOutcome analyse(PreparedBuild p, BuildOutcome o) throws IOException, InterruptedException {
        runner.forget(p.name());
        return new AnalysisRunner(builds, valgrind).analyse(p, o);
    }
}
