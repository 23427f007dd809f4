package dev.ctime.run;

import dev.ctime.store.ReportFiles;
import dev.ctime.verdict.DecisionText;
import dev.ctime.verdict.Decider;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Workload;
import dev.ctime.model.Verdict;
import dev.ctime.model.Race;
import dev.ctime.model.Decision;
import dev.ctime.kernel.ForkResult;
import dev.ctime.exec.DiskSpace;
import dev.ctime.compile.Scenario;
import dev.ctime.model.BuildUnit;
import dev.ctime.compile.BuildMeasurement;
import dev.ctime.cargo.EffectiveProfile;
import dev.ctime.render.ProfileSettings;
import dev.ctime.exec.EnvironmentException;
import dev.ctime.exec.Machine;
import dev.ctime.model.Status;
import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.CargoConfigScan;
import dev.ctime.cargo.CrateInfo;
import dev.ctime.exec.Processes;
import dev.ctime.cargo.SourceFiles;
import dev.ctime.cargo.Toolchain;
import dev.ctime.compile.CompileBench;
import dev.ctime.compile.BuildOutcome;
import dev.ctime.compile.BuildPlan;
import dev.ctime.compile.PreparedBuild;
import dev.ctime.model.EnzymeStatus;
import dev.ctime.harness.NativeTools;
import dev.ctime.kernel.ExportedSymbols;
import dev.ctime.kernel.ForkLauncher;
import dev.ctime.kernel.ForkPlan;
import dev.ctime.pgo.HarnessTrainer;
import dev.ctime.pgo.PipelineTools;
import dev.ctime.kernel.KernelBench;
import dev.ctime.text.Units;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileException;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.render.ReportCsv;
import dev.ctime.model.ShardInfo;
import dev.ctime.model.Control;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The measuring job, free of Maven: checks the environment and the profiles up front, builds
 * and times every profile, runs the kernels in forked JVMs, and rewrites the report after each
 * stage so nothing measured is lost when a later stage fails.
 */
public final class MeasureRun {
    private final MeasureConfig cfg;
    /** The stages' log: silent once the run is being interrupted, when its children die of the interruption, not of faults. */
    private final Consumer<String> log;
    private final Consumer<String> console;
    private Toolchains toolchains;
    private CrateInfo crate;
    private Toolchain defaultToolchain;
    private java.util.Set<String> cappedBuilds = java.util.Set.of();
    private volatile KernelBench.Outcome kernels;
    /** Every profile's latest outcome, in the profiles' order; guarded by itself. */
    private final Map<String, BuildOutcome> outcomes = new LinkedHashMap<>();
    /** Set once every profile has an outcome: from then on an interruption writes a report. */
    private volatile boolean started;
    private volatile String stage = Stage.CHECKING;
    private volatile String interrupted;
    /** Set before the final report: every report written before it says the run was not finished. */
    private volatile boolean done;
    private Consumer<Report> onInterrupt;
    private String resumedFrom;
    private boolean kernelsTimed;
    /** Wall time per stage so far, in the order run. */
    private final Map<String, Double> stagesMs = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final MachineLoad machineLoad = new MachineLoad();
    private long stageStart;
    private long runStart;
    /** The profiles an estimate from one untimed build covers, until the first round of timed builds corrects it. */
    private volatile List<Profile> roughEstimate;
    /** A race's builds, timed once its first forks say which are worth timing; null for an exhaustive search. */
    private CompileBench raceBench;
    private List<PreparedBuild> racePrepared = List.of();
    private boolean raceScreened;
    /** CPU time of the JVM and its reaped children when the run started (ms). */
    private double cpuAtStart;
    /** The field of a race (ctime.search=race), null for an exhaustive search. */
    private RaceTrack race;
    /** What an exhaustive search of this matrix would take by the estimate, for a race's report; null where unknown. */
    private Double exhaustiveEstimateMs;
    /** How long this run will take, stage by stage, once something is known to scale from; null before. */
    private volatile RunEstimate estimate;
    /** What of the current stage is done, where its own lines do not say it (counting), for the heartbeat; or null. */
    private volatile String progress;
    /** How much of the current stage is done, as its last progress line said (0: it has not said). */
    private volatile double stageFraction;
    private volatile Heartbeat heartbeat;
    /** Profiles whose library is byte for byte another's, mapped to that one: timed once. */
    private Map<String, String> identical = Map.of();
    /** The interrupted report whose profiles this run completes, by name: their kernel forks may be kept. */
    private final Map<String, ProfileResult> interruptedProfiles = new LinkedHashMap<>();
    private final Map<Map<String, String>, List<String>> sourceChanges = new java.util.HashMap<>();
    private InstructionCounts instructionCounts = InstructionCounts.NO_KERNEL;
    /** The counts taken so far (before the forks beyond ctime.forks where the decision was open), or null. */
    private InstructionCounting.Counted counted;
    /** The libraries the kernel forks time, for counting them. */
    private List<ForkPlan.Library> timedLibraries = List.of();
    /** What the builds beyond ctime.repeat were for and why they stopped, where any were wanted. */
    private String extraBuilds;
    private SourceRevision commit;
    private EffectiveProfile effective;
    /** The crate's own rustc's share of a whole build, for the estimate of leaf-only and analysis builds. */
    private double leafShare = 1;
    private ShardInfo shardInfo;

    public MeasureRun(MeasureConfig cfg, Consumer<String> log) {
        this.cfg = cfg;
        this.console = log;
        this.log = m -> {
            if (interrupted == null) log.accept(m);
            if (heartbeat != null) heartbeat.beat();
        };
    }

    /** What the heartbeat says when the run has been quiet: the stage, how long it has taken, and what is left. */
    private String status() {
        if (interrupted != null || done || runStart == 0) return null;
        long now = System.nanoTime();
        String left = left(stageFraction);
        String done = progress;
        return "still " + stage + (done == null ? "" : " (" + done + ")") + ": " + Units.duration((now - stageStart) / 1e6) + " in this stage, "
                + Units.duration((now - runStart) / 1e6) + " since the start" + (left.isEmpty() ? "" : ", " + left);
    }

    /**
     * The time left of the whole run, corrected as it goes: the current stage's rest between the estimate and the pace
     * it has kept so far (where it says how much of it is done), the later stages by the estimate.
     *
     * @param fraction how much of the current stage is done, 0 where it cannot say
     * @return "about 2 min 10 s left", or "" before there is an estimate
     */
    private String left(double fraction) {
        if (roughEstimate != null && Stage.TIMING_BUILDS.equals(stage) && fraction >= 1.0 / Math.max(1, cfg.builds().repeat())) {
            reEstimate();
        }
        RunEstimate e = estimate;
        if (e == null) return "";
        stageFraction = fraction;
        String at = stage;
        double inStage = (System.nanoTime() - stageStart) / 1e6;
        double byEstimate = Math.max(0, e.stage(at) - inStage);
        // The stage's own pace weighs more as more of it is done: its first builds say little (a cheap dev build first).
        double pace = fraction > 0 && fraction <= 1 ? inStage * (1 - fraction) / fraction : 0;
        // Where the estimate has nothing for this stage (no earlier run counted instructions), its pace is all there is.
        double rest = fraction <= 0 || fraction > 1 ? byEstimate : e.stage(at) <= 0 ? pace
                : fraction * pace + (1 - fraction) * byEstimate;
        double ms = rest + e.after(at);
        return ms < 1000 ? "" : "about " + Units.duration(ms) + " left";
    }

    public Path reportJson() {
        return cfg.workDir().resolve("report.json");
    }

    public Path reportCsv() {
        return cfg.workDir().resolve("report.csv");
    }

    /**
     * @throws IOException      a broken environment (no cargo, no Cargo.toml): nothing can be measured
     * @throws ProfileException a profile that cannot run as written, found before any build
     */
    public Report run() throws IOException, InterruptedException, ProfileException {
        try (OutputLock lock = OutputLock.acquire(cfg.workDir());
             Heartbeat beat = new Heartbeat(Duration.ofSeconds(10), this::status, log)) {
            heartbeat = beat;
            Thread hook = new Thread(this::interrupted, "ctime-interrupted");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return measure();
            } finally {
                // The guard lives in this run's output folder: later commands in this JVM must not depend on it.
                Processes.guard(null);
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook runs
                }
            }
        }
    }

    /**
     * The profiles the last report finished, unchanged since: reused as they are, and said so. A profile
     * cut short keeps the timed builds it finished, and the run completes them; failed and skipped
     * profiles are measured again.
     */
    private void resume() {
        Report last;
        try {
            last = java.nio.file.Files.exists(reportJson()) ? ReportFiles.readJson(reportJson()) : null;
        } catch (IOException e) {
            log.accept("resume: the last report " + reportJson() + " cannot be read (" + e.getMessage() + "): measuring everything");
            return;
        }
        if (last == null) {
            log.accept("resume: no earlier report in " + cfg.workDir() + ": measuring everything");
            return;
        }
        List<String> changed = Resume.changedSettings(last, cfg);
        if (!changed.isEmpty()) {
            log.accept("resume: measuring settings changed since the last report (" + String.join(", ", changed) + "): its"
                    + " figures would not be this run's, so everything is measured again");
            return;
        }
        if (last.interrupted() != null && last.interrupted().contains(Stage.COUNTING)) {
            log.accept("resume: the last report was cut short while counting instructions: everything is measured again, so"
                    + " no profile goes without its counts");
            return;
        }
        Resume.Plan plan = Resume.plan(last, snapshot(), cfg, this::sourcesChanged);
        plan.outcomes().forEach(this::record);
        interruptedProfiles.putAll(plan.interrupted());
        resumedFrom = plan.resumedFrom();
        log.accept(plan.describe());
    }

    /** The files a profile's last build read that differ now; hashed once per set of files, which most profiles share. */
    private List<String> sourcesChanged(Map<String, String> then) {
        return sourceChanges.computeIfAbsent(then, t -> {
            try {
                return SourceFiles.changed(t, crate.sourceRoot(), cfg.workDir());
            } catch (IOException e) {
                return List.of("the sources cannot be read (" + e.getMessage() + ")");
            }
        });
    }

    /** Also called with the report when the run is interrupted (the mojo writes report.html from the same state). */
    public void onInterrupt(Consumer<Report> writer) {
        this.onInterrupt = writer;
    }

    /**
     * Maven got SIGINT or SIGTERM: the report keeps everything measured so far, says the run was
     * interrupted and marks what it had not finished, and no cargo, rustc, build script or fork
     * outlives the run. The report is taken before the children are killed, so their deaths are
     * not mistaken for failures.
     */
    private void interrupted() {
        interrupted = "interrupted while " + stage + " at " + Instant.now() + "; what was measured before is kept";
        Report r = started ? report() : null;
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        if (r == null) return;
        try {
            ReportFiles.writeJson(r, reportJson());
            ReportCsv.writeCsv(r, reportCsv());
            if (onInterrupt != null) onInterrupt.accept(r);
            console.accept(interrupted + ": the report in " + reportJson() + " says so");
        } catch (IOException | RuntimeException e) {
            System.err.println("ctime: interrupted, and the report could not be written: " + e);
        }
    }

    /** Writes the report as measured so far, unless an interruption has already written the final one. */
    private void persist(Report r) throws IOException {
        if (interrupted == null) ReportFiles.writeJson(r, reportJson());
    }

    private Report measure() throws IOException, InterruptedException, ProfileException {
        stageStart = System.nanoTime();
        runStart = stageStart;
        cpuAtStart = ProcessCpu.totalMs();
        Path logs = cfg.workDir().resolve("logs");
        crate = CrateInfo.read(cfg.manifest(), logs);
        if (!crate.cdylib()) {
            throw new EnvironmentException("the crate " + crate.packageName() + " builds no cdylib, which the harness needs to load"
                    + " its kernels: add crate-type = [\"cdylib\"] to [lib] in " + crate.manifest());
        }
        toolchains = new Toolchains(crate.dir(), logs);
        defaultToolchain = toolchains.required();
        ProfileSelection.Selected selected = new ProfileSelection(cfg, crate, toolchains, log).select();
        List<Profile> profiles = selected.profiles();
        shardInfo = selected.shard();
        log.accept(plan(profiles.size()));
        Path rusage = NativeTools.install(cfg.workDir().resolve("bin"));
        Processes.guard(NativeTools.install(cfg.workDir().resolve("bin"), NativeTools.GUARD));
        CargoConfigScan.Result scan = CargoConfigScan.scan(crate.dir(), cfg.userEnv());
        if (scan.buildTarget() != null) {
            throw new EnvironmentException("the crate's builds are for an explicit target (" + scan.buildTarget() + "): cargo then"
                    + " puts the library under target/TRIPLE/, which ctime does not follow yet; for a native build it changes nothing,"
                    + " so remove it while measuring (or unset CARGO_BUILD_TARGET)");
        }
        CargoCommand.FlagsRoute route = CargoCommand.route(cfg.userEnv(), scan.hasTargetRustflags());
        effective = new EffectiveProfile((crate.workspaceRoot() == null ? crate.dir() : crate.workspaceRoot()).resolve("Cargo.toml"),
                scan.files(), cfg.userEnv());

        List<BuildPlan> plans = new ArrayList<>();
        for (Profile p : profiles) {
            BuildPlan plan = plan(p, route);
            plans.add(plan);
            String skip = skipReason(plan);
            record(skip == null ? BuildOutcome.planned(plan) : BuildOutcome.planned(plan).skipped(skip));
        }
        plans.forEach(p -> ProfileSettings.lines(p.profile(), p.effective(), cfg.judging().reference()).forEach(log));
        if (cfg.resume()) resume();
        List<BuildPlan> toMeasure = plans.stream().filter(p -> outcome(p.name()).reused() == null).toList();
        List<Profile> building = toMeasure.stream().filter(p -> outcome(p.name()).ok()).map(BuildPlan::profile).toList();
        boolean estimated = estimate(building, cfg.builds().seenMs(), "the last run's build times in the history and the timing"
                + " settings");
        if (!estimated && !building.isEmpty()) log.accept("estimate: after the first build (the history has no earlier run to start from)");
        started = true;
        enter(Stage.BUILDING_ONCE);
        persist(report());

        String counters = Machine.hardwareCounters();
        Path perf = counters.equals("available") ? Processes.which("perf") : null;
        Path valgrind = null;
        if (cfg.instructions().equals("all")) {
            valgrind = Processes.which("valgrind");
            if (valgrind == null) log.accept("ctime.instructions=all, but Valgrind is not installed (Debian: apt-get install"
                    + " valgrind): builds are not counted");
        }
        ForkLauncher launcher = null;
        ForkPlan template = null;
        HarnessTrainer trainer = null;
        if (!cfg.kernels().isEmpty()) {
            MeasureConfig.Timing t = cfg.timing();
            long largestN = cfg.kernels().stream().flatMap(k -> k.sizes().stream()).mapToLong(Integer::longValue).max().orElse(1);
            launcher = ForkLauncher.ofJdk(t.jdk(), t.runTimeout(), cfg.precision().kernelTimeout(), largestN, cfg.forkClasspath());
            template = new ForkPlan(List.of(), cfg.kernels(), t.seed(), Math.round(t.minSampleMs() * 1e6), t.samples(),
                    t.warmupMaxMs(), t.pinCpu(), t.gradientTolerance(), cfg.precision().deschedThreshold(), List.of(), List.of(), "", "");
            trainer = new HarnessTrainer(launcher, template, rusage);
        }
        CompileBench bench = new CompileBench(crate, rusage, perf, cfg.builds().patchFile(), cfg.builds().timeout(), cfg.userEnv(),
                valgrind, trainer, log);
        List<PreparedBuild> prepared = new ArrayList<>();
        // The first build starts from an empty target folder where clean builds are timed: it is their first sample.
        boolean firstAsClean = cfg.builds().scenarios().contains(Scenario.CLEAN);
        int nth = 0;
        for (BuildPlan plan : toMeasure) {
            BuildOutcome o = outcome(plan.name());
            if (!o.ok()) {
                log.accept("profile " + plan.name() + ": " + o.status() + ", " + o.reason());
                continue;
            }
            String left = left((double) nth++ / building.size());
            log.accept("first build " + nth + "/" + building.size() + ", " + plan.name() + " (" + (firstAsClean
                    ? "from an empty target folder, the first clean sample" : "untimed, dependencies too")
                    + (plan.profile().usesPgo() ? "; PGO's instrumented build, training and merge before it" : "")
                    + (plan.profile().usesBolt() ? "; BOLT after it" : "") + ")" + (left.isEmpty() ? "" : "; " + left));
            try {
                long t0 = System.nanoTime();
                CompileBench.Prepared r = bench.prepare(plan, o, this::record, firstAsClean);
                record(r.outcome());
                if (!estimated && r.build() != null && outcome(plan.name()).ok() && !plan.profile().usesPgo() && !plan.profile().usesBolt()) {
                    leafShare = leafShare(r.first(), crate.crateName());
                    estimated = estimate(building, Map.of(plan.name(), (System.nanoTime() - t0) / 1e6), "this run's first build and"
                            + " the timing settings");
                    // One untimed build (with cargo's start and the dependencies) says little of the others: the first round
                    // of timed builds will correct it.
                    roughEstimate = building;
                }
                if (r.build() != null) prepared.add(r.build());
            } catch (IOException e) {
                record(outcome(plan.name()).failed(e.getMessage()));
            }
            if (!outcome(plan.name()).ok()) log.accept("profile " + plan.name() + ": failed, " + outcome(plan.name()).reason());
        }
        checkKernelSymbols(prepared);
        boolean racing = cfg.search().race();
        if (racing) {
            // The screen, a judgement before each fork beyond the first round, and one before each round of builds beyond it.
            int screen = MeasureConfig.Search.SCREEN;
            int looks = 1 + (Math.max(screen, cfg.precision().maxForks()) - screen + 1)
                    + (Math.max(cfg.builds().repeat(), cfg.precision().maxRepeat()) - screen + 1);
            race = new RaceTrack(prepared.stream().map(PreparedBuild::name).filter(n -> outcome(n).ok()).toList(), looks);
        }
        int maxRepeat = Math.max(cfg.builds().repeat(), cfg.precision().maxRepeat());
        if (racing) {
            // A race times its kernels first: the builds of a profile whose run time alone already loses are never timed.
            raceBench = bench;
            racePrepared = prepared;
        } else {
            enter(Stage.TIMING_BUILDS);
            // With kernels there is a decision, and builds beyond ctime.repeat go to it (after the kernels are timed);
            // without, to the figures short of the target precision.
            boolean decides = !cfg.kernels().isEmpty();
            CompileBench.Timed timed = bench.time(prepared, outcomes(prepared), cfg.builds().scenarios(), cfg.builds().repeat(),
                    decides ? cfg.builds().repeat() : maxRepeat, cfg.precision().target(), this::record, this::left);
            timed.outcomes().values().forEach(this::record);
            cappedBuilds = decides ? java.util.Set.of() : timed.capped();
            persist(report());
            // Without kernels there is no decision to wait for: the analysis builds follow the timed ones.
            if (!decides) analyse(bench, prepared);
        }

        Map<String, String> sha = new LinkedHashMap<>();
        for (PreparedBuild p : prepared) {
            if (outcome(p.name()).ok() && outcome(p.name()).applied() != null) sha.put(p.name(), outcome(p.name()).applied().librarySha256());
        }
        identical = IdenticalLibraries.of(sha, cfg.judging().reference());
        identical.forEach((p, same) -> log.accept("profile " + p + ": its library is byte for byte " + same + "'s: its kernels are"
                + " timed once, as " + same + "'s, and run equally fast by construction"));
        List<ForkPlan.Library> libs = new ArrayList<>();
        for (PreparedBuild p : prepared) {
            if (outcome(p.name()).ok() && !identical.containsKey(p.name())) libs.add(new ForkPlan.Library(p.name(), p.artifact().toString()));
        }
        if (!libs.isEmpty() && launcher != null) {
            control(prepared, libs).ifPresent(libs::add);
            MeasureConfig.Precision pr = cfg.precision();
            int firstForks = racing ? MeasureConfig.Search.SCREEN : cfg.timing().forks();
            // The kernel forks also call each function from Java, binding by binding, through the reference's library.
            KernelBench kb = new KernelBench(launcher, new KernelBench.Settings(
                    template.withCallers(cfg.timing().callers() ? referenceOf(libs) : null), firstForks,
                    Math.max(firstForks, pr.maxForks()), pr.kernelBudget(), pr.target(), racing ? this::raceFocus : this::focus), log)
                    .withLeft(this::left).withBeforeFork(() -> machineLoad.waitForQuiet(pr.quiet(), log));
            log.accept("timing kernels of " + libs.stream().filter(l -> !l.profile().equals(Control.NAME)).count() + " profiles side by"
                    + " side (batches alternate across profiles)" + (libs.stream().anyMatch(l -> l.profile().equals(Control.NAME))
                    ? ", with a byte-identical copy of " + cfg.judging().reference() + "'s library as the run's control" : ""));
            enter(Stage.TIMING_KERNELS);
            Path forkDir = cfg.workDir().resolve("run");
            List<List<ForkResult>> keptForks = keptForks(libs, forkDir);
            timedLibraries = List.copyOf(libs);
            kernels = kb.run(libs, forkDir, keptForks, o -> {
                kernels = sharedWithIdentical(withCounts(o));
                try {
                    persist(report());
                } catch (IOException e) {
                    log.accept("could not write " + reportJson() + ": " + e.getMessage());
                }
            });
        }
        if (racing && !raceScreened) raceScreen();
        if (kernels != null) kernels = withCounts(kernels);
        kernelsTimed = true;
        if (kernels != null && racing) {
            // The race's builds for the decision, then its finalists' analysis and counts: the profiles that left need none.
            persist(report());
            settleBuilds(bench, prepared, maxRepeat);
            race.stop("the decision is settled");
            // The counts can decide where timing cannot: they come before the answer, the analysis builds after it.
            enter(Stage.COUNTING);
            instructionCounts = InstructionCounts.CUT_SHORT;
            persist(report());
            kernels = sharedWithIdentical(countInstructions(libs.stream().filter(l -> race.inField(l.profile())).toList(),
                    sharedWithIdentical(kernels)));
            persist(report());
            answered();
            analyse(bench, prepared.stream().filter(p -> race.inField(p.name())).toList());
        } else if (kernels != null) {
            persist(report());
            if (counted == null) {
                enter(Stage.COUNTING);
                instructionCounts = InstructionCounts.CUT_SHORT;
                // Written now, so a run killed while counting says so and a resumed one measures again.
                persist(report());
                kernels = sharedWithIdentical(countInstructions(libs, sharedWithIdentical(kernels)));
            } else {
                kernels = sharedWithIdentical(kernels);
            }
            persist(report());
            settleBuilds(bench, prepared, maxRepeat);
            answered();
            // Untimed, and the decision does not read them: they follow it, so the answer comes first.
            analyse(bench, prepared);
        } else if (racing) {
            analyse(bench, prepared);
        } else if (!cfg.kernels().isEmpty()) {
            analyse(bench, prepared);
        }
        enter(Stage.WRITING);
        done = true;
        Report report = report();
        persist(report);
        if (interrupted == null) ReportCsv.writeCsv(report, reportCsv());
        return report;
    }

    /** The answer as soon as it is known, before the untimed work that follows it (it does not change it). */
    private void answered() {
        Decision d = judged().decision();
        if (d != null) log.accept("answer: " + DecisionText.headline(d) + " (the run goes on with what the page and the"
                + " gate read; the answer stays)");
    }

    /** The untimed analysis builds of these profiles (those still ok). */
    private void analyse(CompileBench bench, List<PreparedBuild> prepared) throws IOException, InterruptedException {
        if (!cfg.builds().analysis()) {
            log.accept("analysis builds: skipped (ctime.analysis=false): no phase split, codegen units, LLVM IR lines or Enzyme"
                    + " trace this run; the timed figures and the decision are unchanged");
            return;
        }
        enter(Stage.ANALYSIS);
        List<PreparedBuild> analysed = prepared.stream().filter(p -> outcome(p.name()).ok()).toList();
        for (PreparedBuild p : analysed) {
            int i = analysed.indexOf(p);
            String left = left((double) i / analysed.size());
            log.accept("analysis builds " + (i + 1) + "/" + analysed.size() + ", " + p.name() + " (untimed)"
                    + (left.isEmpty() ? "" : "; " + left));
            try {
                record(bench.analyse(p, outcome(p.name())));
            } catch (IOException e) {
                record(outcome(p.name()).warned("analysis failed: " + e.getMessage()));
            }
        }
        persist(report());
    }

    /**
     * What a race's next fork is for: the field is judged on the forks so far (the profiles significantly beaten on
     * the workload leave), then the forks go on for the workload's kernels, in the profiles still in the race only.
     */
    private KernelBench.Focus raceFocus(KernelBench.Outcome so) {
        kernels = sharedWithIdentical(so);
        if (!raceScreened) {
            try {
                raceScreen();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new KernelBench.Focus(java.util.Set.of(), 0, "interrupted");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String over = overBudget();
        if (over != null) {
            race.stop(over);
            return new KernelBench.Focus(java.util.Set.of(), 0, over);
        }
        race.judge(judged(), cfg.judging().thresholds(), measuredSoFar(), log);
        KernelBench.Focus f = focus(so);
        if (f == null) return null;
        java.util.Set<String> keep = new java.util.HashSet<>(race.field());
        keep.add(Control.NAME);
        // A profile whose library is another's is timed as that one: keep the one timed.
        identical.forEach((twin, same) -> {
            if (keep.contains(twin)) keep.add(same);
        });
        return new KernelBench.Focus(f.groups(), f.width(), f.why(), keep);
    }

    /**
     * A race's first round, after its first forks: the builds of the profile whose workload runs fastest are timed;
     * every profile whose run time alone makes it significantly costlier per build than that one's build and run leaves
     * with its builds untimed; the builds of the others are timed. Then the field is judged on both costs.
     */
    private void raceScreen() throws IOException, InterruptedException {
        raceScreened = true;
        int screen = MeasureConfig.Search.SCREEN;
        Report j = judged();
        List<Workload.Item> items = j.decision() == null ? List.of()
                : Decider.measuredItems(j.profiles(), j.decision().workload());
        String leader = Decider.fastestRun(j.profiles().stream().filter(p -> race.inField(p.name())).toList(), items);
        enter(Stage.TIMING_BUILDS);
        List<PreparedBuild> first = racePrepared.stream().filter(p -> p.name().equals(leader) && outcome(p.name()).ok()).toList();
        if (!first.isEmpty()) {
            log.accept("race: timing the builds of " + leader + ", whose workload runs fastest, before any other's");
            timeBuilds(first, screen);
            List<ProfileResult> now = judged().profiles();
            ProfileResult lead = now.stream().filter(p -> p.name().equals(leader)).findFirst().orElseThrow();
            String scenario = cfg.judging().scenario() != null ? cfg.judging().scenario() : cfg.builds().scenarios().get(0).id;
            race.screen(Decider.slowerOnRunAlone(now, items, leader,
                    Decider.buildCost(lead, scenario), cfg.judging().thresholds(), race.looks()),
                    (kernels == null ? 0 : kernels.forks()) + " forks and " + leader + "'s builds", log);
        }
        timeBuilds(racePrepared.stream().filter(p -> race.inField(p.name()) && !p.name().equals(leader) && outcome(p.name()).ok())
                .toList(), screen);
        persist(report());
        enter(Stage.TIMING_KERNELS);
    }

    /** Times these profiles' builds, every scenario, a fixed number of rounds. */
    private void timeBuilds(List<PreparedBuild> which, int rounds) throws InterruptedException {
        if (which.isEmpty()) return;
        raceBench.time(which, outcomes(which), cfg.builds().scenarios(), rounds, rounds, cfg.precision().target(), this::record,
                this::left).outcomes().values().forEach(this::record);
    }

    /** Why a race adds no more rounds (its budget spent), or null. */
    private String overBudget() {
        MeasureConfig.Search s = cfg.search();
        if (s.budgetTime() != null && System.nanoTime() - runStart > s.budgetTime().toNanos()) {
            return "the race's budget of " + Units.duration(s.budgetTime().toMillis()) + " (ctime.searchBudget)";
        }
        if (s.budgetBuilds() != null && buildsRun() >= s.budgetBuilds()) {
            return "the race's budget of " + s.budgetBuilds() + " builds (ctime.searchBudget)";
        }
        return null;
    }

    /** Builds run so far: every profile's first build, its timed builds, and its two analysis builds where it had them. */
    private int buildsRun() {
        int n = 0;
        for (BuildOutcome o : snapshot()) {
            if (o.reused() != null) continue;
            if (o.artifactBytes() != null) n++;
            n += o.samples().values().stream().mapToInt(List::size).sum();
            if (o.analysis() != null) n += 2;
        }
        return n;
    }

    /** "4 builds and 5 forks": what the field has been judged on, as the race's log says it. */
    private String measuredSoFar() {
        int builds = snapshot().stream().filter(o -> race.inField(o.profile().name())).mapToInt(o -> o.samples().values().stream()
                .mapToInt(List::size).max().orElse(0)).max().orElse(0);
        int forks = kernels == null ? 0 : kernels.forks();
        return builds + " build" + (builds == 1 ? "" : "s") + " and " + forks + " fork" + (forks == 1 ? "" : "s");
    }

    /** What the race has spent, beside the exhaustive search's least cost and its estimate. */
    private Race.Spent spent() {
        int profiles = (int) snapshot().stream().filter(o -> o.reused() == null && o.artifactBytes() != null).count();
        int exhaustive = profiles * (1 + cfg.builds().repeat() * cfg.builds().scenarios().size() + 2);
        // This run's share: Maven may have run other goals, or another measure, in the same JVM before it.
        double cpu = ProcessCpu.totalMs() - cpuAtStart;
        return new Race.Spent(buildsRun(), kernels == null ? 0 : kernels.forks(), Double.isNaN(cpu) ? null : cpu,
                (System.nanoTime() - runStart) / 1e6, exhaustive, exhaustiveEstimateMs);
    }

    /**
     * The forks an interrupted run finished, where this run completes it with the very same libraries (byte for
     * byte, by their hashes) and every profile it times was cut short there: the kept forks' samples are then
     * this run's own.
     */
    private List<List<ForkResult>> keptForks(List<ForkPlan.Library> libs, Path dir) throws IOException {
        if (interruptedProfiles.isEmpty()) return List.of();
        Map<String, List<KernelTiming>> reported = new LinkedHashMap<>();
        for (ForkPlan.Library l : libs) {
            if (l.profile().equals(Control.NAME)) continue;
            ProfileResult old = interruptedProfiles.get(l.profile());
            String now = outcome(l.profile()).applied() == null ? null : outcome(l.profile()).applied().librarySha256();
            if (old == null || old.applied() == null || now == null || !now.equals(old.applied().librarySha256())) {
                log.accept("timing kernels: the interrupted run's forks are not kept: " + (old == null ? l.profile()
                        + " was not cut short there" : "the library of " + l.profile() + " is not the one it timed"));
                return List.of();
            }
            if (old.kernels() != null) reported.put(l.profile(), old.kernels());
        }
        if (reported.isEmpty()) return List.of();
        List<List<ForkResult>> kept = KernelBench.kept(dir, libs, cfg.kernels(), reported);
        if (!kept.isEmpty()) {
            log.accept("timing kernels: keeping the " + kept.size() + " fork" + (kept.size() == 1 ? "" : "s") + " the interrupted run"
                    + " finished (the same libraries, byte for byte)");
            for (String p : reported.keySet()) {
                record(outcome(p).warned(kept.size() + " kernel fork" + (kept.size() == 1 ? " was" : "s were") + " kept from the"
                        + " interrupted run; the rest ran in this one"));
            }
        }
        return kept;
    }

    /**
     * What more forks are for: the decision as it stands on the forks so far. Settled, none; undecided
     * on run time, the workload's kernel sizes (every item, since the workload's runs pair them up);
     * undecided on build cost alone, none, since forks cannot settle it. Without a workload, the
     * precision rule (null).
     */
    private KernelBench.Focus focus(KernelBench.Outcome so) {
        kernels = sharedWithIdentical(withCounts(so));
        Decision d = judged().decision();
        if (d == null || d.points() == null) return null;
        Enough enough = enough(d, cfg.precision().maxForks(), "ctime.maxForks");
        if (enough == null && counted == null && !cfg.instructions().equals("off")
                && d.undecided().stream().anyMatch(u -> u.run().verdict() == Verdict.INCONCLUSIVE)) {
            // The counts are taken anyway; taken now, where time could not separate the run costs, they may settle the
            // decision without the forks it would otherwise ask for (deterministic, so not disturbed by anything).
            log.accept("timing kernels: the decision is open on run time; counting instructions before any more fork");
            try {
                enter(Stage.COUNTING);
                instructionCounts = InstructionCounts.CUT_SHORT;
                persist(report());
                kernels = sharedWithIdentical(countInstructions(timedLibraries, so));
                enter(Stage.TIMING_KERNELS);
                persist(report());
            } catch (IOException e) {
                log.accept("instruction counts failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new KernelBench.Focus(java.util.Set.of(), 0, "interrupted");
            }
            d = judged().decision();
            enough = enough(d, cfg.precision().maxForks(), "ctime.maxForks");
        }
        if (enough != null) return new KernelBench.Focus(java.util.Set.of(), 0, enough.why());
        List<Decision.Undecided> onRun = d.undecided().stream()
                .filter(u -> u.run().verdict() == Verdict.INCONCLUSIVE).toList();
        if (onRun.isEmpty()) return new KernelBench.Focus(java.util.Set.of(), 0, "undecided on build cost alone, which more"
                + " forks cannot settle (more builds, next, can)");
        java.util.Set<ForkPlan.Size> groups = new java.util.HashSet<>();
        d.workload().items().forEach(i -> groups.add(new ForkPlan.Size(i.kernel(), i.n())));
        return new KernelBench.Focus(groups, Decision.Undecided.width(onRun), "the decision between "
                + String.join(", ", Decision.Undecided.contenders(onRun)) + " (run time inconclusive)");
    }

    /**
     * Why more runs would not serve the decision, or null where they would: it is settled, or the runs that would settle
     * it are beyond the cap (ctime.maxRepeat, ctime.maxForks), so the bound it has is as good as this run can make it.
     */
    static Enough enough(Decision d, int cap, String capName) {
        if (d.settledNow() || d.bound() == null) return new Enough("the decision is settled (" + DecisionText.headline(d) + ")", false);
        if (d.undecided() == null) return new Enough("no comparison with " + d.recommended() + " is open", false);
        Integer needed = d.bound().runsToSettle();
        if (needed == null || needed > cap) {
            return new Enough("the runs that would bring its bound within the tolerance are beyond the cap of " + cap + " ("
                    + capName + ")" + (needed == null ? "" : ": about " + needed) + "; the bound stands as measured", true);
        }
        return null;
    }

    /** Why more runs would not serve the decision, and whether the cap is what stops them. */
    record Enough(String why, boolean capped) {
    }

    private Map<String, Double> stagesSoFar() {
        synchronized (stagesMs) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stagesMs));
        }
    }

    /** Moves to the next stage, keeping how long the one before took (the stages the next run's estimate scales). */
    private void enter(String next) {
        long now = System.nanoTime();
        if (stageStart != 0) stagesMs.merge(stage, (now - stageStart) / 1e6, Double::sum);
        machineLoad.stageEnded(stageStart != 0 ? stage : null);
        stageStart = now;
        stage = next;
        stageFraction = 0;
        progress = null;
    }

    /** Timed whole-graph builds per profile at this many rounds: the first build is the first clean one. */
    private int wholeBuilds(int rounds) {
        List<Scenario> s = cfg.builds().scenarios();
        return (int) s.stream().filter(sc -> sc.wholeGraph).count() * rounds - (s.contains(Scenario.CLEAN) ? 1 : 0);
    }

    /** Whether the run will count instructions: for the estimate of the time it takes. */
    private boolean counting() {
        return !cfg.instructions().equals("off") && !cfg.kernels().isEmpty() && Processes.which("valgrind") != null;
    }

    private int leafBuilds(int rounds) {
        return (int) cfg.builds().scenarios().stream().filter(sc -> !sc.wholeGraph).count() * rounds;
    }

    /** The crate's own rustc's share of a whole build's wall time, from its units (1 where they say nothing). */
    static double leafShare(BuildMeasurement whole, String crateName) {
        if (whole == null || whole.units() == null || whole.wallMs() <= 0) return 1;
        double leaf = whole.units().stream().filter(u -> u.crate().equals(crateName) && !u.buildScript())
                .mapToDouble(BuildUnit::wallMs).sum();
        return leaf <= 0 ? 1 : Math.min(1, leaf / whole.wallMs());
    }

    /** The estimate again, from every profile's first timed build, once the first round of them is done. */
    private void reEstimate() {
        List<Profile> building = roughEstimate;
        roughEstimate = null;
        Map<String, Double> seen = new LinkedHashMap<>();
        for (BuildOutcome o : snapshot()) {
            o.samples().values().stream().filter(ms -> !ms.isEmpty()).findFirst()
                    .ifPresent(ms -> seen.put(o.profile().name(), ms.get(0).wallMs()));
        }
        int r = cfg.builds().repeat();
        RunEstimate.of(building, seen, "this run's first round of timed builds and the timing settings", wholeBuilds(r), leafBuilds(r),
                leafShare, cfg.kernels(), cfg.timing(), building.size() + 1, counting()).ifPresent(x -> {
                    estimate = x;
                    log.accept("estimate, corrected: " + x.text());
                });
    }

    /** Logs how long the run will take, where some build time is known to scale from; says whether it did. */
    private boolean estimate(List<Profile> building, Map<String, Double> seenMs, String basis) {
        int libraries = building.size() + 1; // the control is timed in every fork too
        Report last = null;
        try {
            if (java.nio.file.Files.exists(reportJson())) last = ReportFiles.readJson(reportJson());
        } catch (IOException e) {
            // no last report to scale from: the history's build times or the first build are
        }
        Report lastReport = last;
        java.util.function.BiFunction<Integer, MeasureConfig.Timing, java.util.Optional<RunEstimate>> at = (r, t) -> RunEstimate
                .fromLastRun(lastReport, building, cfg.builds().scenarios().size() * r, cfg.kernels(), t, libraries)
                .or(() -> RunEstimate.of(building, seenMs, basis, wholeBuilds(r), leafBuilds(r), leafShare, cfg.kernels(), t,
                        libraries, counting()));
        var e = at.apply(cfg.builds().repeat(), cfg.timing());
        e.ifPresent(x -> {
            estimate = x;
            log.accept("estimate: " + (cfg.search().race() ? "an exhaustive search would take " : "") + x.text());
        });
        if (cfg.search().race() && e.isPresent()) {
            // The race's own estimate is its first round; the exhaustive search's is what the race is measured against.
            int screen = MeasureConfig.Search.SCREEN;
            MeasureConfig.Timing t = cfg.timing();
            at.apply(screen, new MeasureConfig.Timing(screen, t.minSampleMs(), t.samples(),
                    t.warmupMaxMs(), t.pinCpu(), t.seed(), t.gradientTolerance(), t.runTimeout(), t.jdk(), t.callers())).ifPresent(first -> {
                        exhaustiveEstimateMs = e.get().totalMs();
                        estimate = first;
                        log.accept("estimate: the race's first round " + first.text().replaceFirst("^about", "takes about")
                                + "; the rounds after it measure only the profiles not yet beaten");
                    });
        }
        return e.isPresent();
    }

    /** What the run will do, before it does it: profiles, builds and forks, the least and the most. */
    private String plan(int profiles) {
        int scenarios = cfg.builds().scenarios().size();
        int repeat = cfg.builds().repeat();
        int maxRepeat = Math.max(repeat, cfg.precision().maxRepeat());
        int sizes = cfg.kernels().stream().mapToInt(k -> k.sizes().size()).sum();
        int forks = cfg.timing().forks();
        int maxForks = Math.max(forks, cfg.precision().maxForks());
        if (cfg.search().race()) {
            int screen = MeasureConfig.Search.SCREEN;
            return "plan: a race of " + profiles + " profiles: a first round of " + screen + " kernel forks each, then " + screen
                    + " timed builds of each profile whose run time alone does not already lose (at most " + profiles * scenarios * screen
                    + " builds), then more only for the profiles not yet significantly beaten on the workload (up to " + maxRepeat
                    + " builds and " + maxForks + " forks); an"
                    + " exhaustive search would time " + profiles * scenarios * repeat + " to " + profiles * scenarios * maxRepeat
                    + " builds" + (cfg.search().budgetTime() == null && cfg.search().budgetBuilds() == null ? "" : "; budget: "
                    + (cfg.search().budgetTime() != null ? Units.duration(cfg.search().budgetTime().toMillis())
                    : cfg.search().budgetBuilds() + " builds"));
        }
        return "plan: " + profiles + " profile" + (profiles == 1 ? "" : "s") + ", " + profiles * scenarios * repeat + " timed builds"
                + (maxRepeat > repeat ? " (up to " + profiles * scenarios * maxRepeat + " if the decision needs them)" : "")
                + (sizes == 0 ? "; no kernels" : "; " + forks + " kernel forks of " + sizes + " kernel size" + (sizes == 1 ? "" : "s")
                + (maxForks > forks ? " (up to " + maxForks + ")" : "") + (cfg.instructions().equals("off") ? ""
                : ", then instruction counts"));
    }

    /**
     * Builds beyond ctime.repeat, for the decision only: while it is undecided on build cost, one more
     * round of the scenario it reads, for the profiles it cannot tell apart, until it is settled, until
     * three rounds no longer narrow its interval by 5%, or until ctime.maxRepeat.
     */
    private void settleBuilds(CompileBench bench, List<PreparedBuild> prepared, int maxRepeat) throws InterruptedException {
        List<Double> widths = new ArrayList<>();
        String why = null;
        String stopped;
        int rounds = 0;
        int first = race != null ? MeasureConfig.Search.SCREEN : cfg.builds().repeat();
        for (int round = first + 1; ; round++) {
            if (race != null) {
                String over = overBudget();
                if (over != null) {
                    race.stop(over);
                    stopped = over;
                    break;
                }
                race.judge(judged(), cfg.judging().thresholds(), measuredSoFar(), log);
            }
            Decision d = judged().decision();
            Enough enough = d == null || d.points() == null ? new Enough("no decision to settle", false)
                    : enough(d, maxRepeat, "ctime.maxRepeat");
            List<Decision.Undecided> onBuild = enough != null && (d == null || d.undecided() == null) ? List.of()
                    : d.undecided().stream().filter(u -> u.build().verdict() == Verdict.INCONCLUSIVE).toList();
            if (enough != null) {
                stopped = enough.why();
                // Stopped short of what the decision wanted by the cap: those builds' figures say so.
                List<Scenario> scs = d == null ? List.of() : cfg.builds().mix().scenariosFor(d.scenario());
                if (enough.capped()) cappedBuilds = capped(Decision.Undecided.contenders(onBuild), scs);
                break;
            }
            if (onBuild.isEmpty()) {
                stopped = "undecided on run time alone, which more builds cannot settle";
                break;
            }
            List<String> wanted = Decision.Undecided.contenders(onBuild);
            why = "the decision between " + String.join(", ", wanted) + " (build CPU inconclusive)";
            double width = Decision.Undecided.width(onBuild);
            if (!Double.isNaN(width)) widths.add(width);
            if (Statistics.stoppedNarrowing(widths)) {
                stopped = "the interval no longer narrows (three more rounds shrank it by less than 5%)";
                break;
            }
            List<Scenario> scs = cfg.builds().mix().scenariosFor(d.scenario());
            if (round > maxRepeat || scs.isEmpty()) {
                stopped = "the cap of " + maxRepeat + " builds (ctime.maxRepeat)";
                cappedBuilds = capped(wanted, scs);
                break;
            }
            enter(Stage.BUILDS_FOR_DECISION);
            log.accept("builds for " + why + ": round " + round + " of at most " + maxRepeat);
            List<PreparedBuild> subset = prepared.stream().filter(p -> wanted.contains(p.name()) && outcome(p.name()).ok()
                    && (race == null || race.inField(p.name()))).toList();
            bench.oneMoreRound(subset, outcomes(subset), scs, round, this::record).outcomes().values().forEach(this::record);
            rounds++;
        }
        if (race != null) race.stop(stopped);
        extraBuilds = rounds > 0 ? rounds + " round" + (rounds == 1 ? "" : "s") + " of builds beyond ctime.repeat for " + why
                + "; stopped: " + stopped : why == null ? null : "no build beyond ctime.repeat (wanted for " + why + "): " + stopped;
        if (extraBuilds != null) log.accept("timing builds: " + extraBuilds);
    }

    /** "profile/scenario" for each of these profiles and scenarios: the figures a cap stopped short. */
    private static java.util.Set<String> capped(List<String> profiles, List<Scenario> scenarios) {
        return profiles.stream().flatMap(n -> scenarios.stream().map(sc -> n + "/" + sc.id)).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The run's control: a byte-identical copy of the reference's library, under another file name so the
     * loader keeps both, timed in every fork like a profile and compared with the reference; empty where the
     * reference was not built in this run.
     */
    /** The timings of each library that stands for identical ones, given to those as theirs. */
    private KernelBench.Outcome sharedWithIdentical(KernelBench.Outcome o) {
        if (o == null || identical.isEmpty()) return o;
        Map<String, List<KernelTiming>> t = new LinkedHashMap<>(o.timings());
        identical.forEach((p, same) -> {
            if (t.containsKey(same)) t.put(p, t.get(same));
        });
        return o.withTimings(t);
    }

    /** The reference as the comparisons choose it: the named profile where it was built, else the first that was. */
    private String referenceOf(List<ForkPlan.Library> libs) {
        String named = cfg.judging().reference();
        return libs.stream().anyMatch(l -> l.profile().equals(named)) ? named : libs.get(0).profile();
    }

    private java.util.Optional<ForkPlan.Library> control(List<PreparedBuild> prepared, List<ForkPlan.Library> libs) throws IOException {
        // The reference as the comparisons choose it: the named profile where it was built, else the first that was.
        String ref = referenceOf(libs);
        PreparedBuild p = prepared.stream().filter(b -> b.name().equals(ref)).findFirst().orElse(null);
        if (p == null) return java.util.Optional.empty();
        Path dir = cfg.workDir().resolve("control");
        java.nio.file.Files.createDirectories(dir);
        Path copy = dir.resolve(p.artifact().getFileName());
        java.nio.file.Files.copy(p.artifact(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return java.util.Optional.of(new ForkPlan.Library(Control.NAME, copy.toString()));
    }

    /**
     * Right after the first builds, before any timed one: every kernel symbol a library does not
     * export, all at once, with the closest exported name, on the console and in the profile's
     * warnings. The run goes on: that kernel (or only its gradient) fails, its neighbours do not.
     */
    private void checkKernelSymbols(List<PreparedBuild> prepared) throws InterruptedException {
        for (PreparedBuild p : prepared) {
            java.util.Set<String> exported = ExportedSymbols.of(p.artifact());
            if (exported == null) return; // no nm here: the harness names a missing symbol when it loads the library
            List<String> missing = ExportedSymbols.missing(cfg.kernels(), exported, p.artifact().getFileName().toString());
            missing.forEach(m -> log.accept("profile " + p.name() + ": " + m));
            record(outcome(p.name()).warned(missing));
        }
    }

    /** The latest outcome of every profile: immutable values, replaced as each stage returns or measures. */
    private void record(BuildOutcome o) {
        synchronized (outcomes) {
            BuildOutcome before = outcomes.get(o.name());
            if (o.status() == Status.FAILED && (before == null || before.status() != Status.FAILED)) {
                // Whatever the tool said, a nearly full disk is named with its path and what is left.
                String disk = DiskSpace.low(cfg.workDir());
                if (disk != null) o = o.failed(o.reason() + " (" + disk + ")");
            }
            outcomes.put(o.name(), o);
        }
    }

    private BuildOutcome outcome(String profile) {
        synchronized (outcomes) {
            return outcomes.get(profile);
        }
    }

    private Map<String, BuildOutcome> outcomes(List<PreparedBuild> prepared) {
        Map<String, BuildOutcome> m = new LinkedHashMap<>();
        for (PreparedBuild p : prepared) m.put(p.name(), outcome(p.name()));
        return m;
    }

    /** Every profile's latest outcome, in the profiles' order. */
    private List<BuildOutcome> snapshot() {
        synchronized (outcomes) {
            return List.copyOf(outcomes.values());
        }
    }

    /** Counting, with its state kept for the report and its pace for the heartbeat. */
    /** The outcome with the counts already taken, if any (a later fork's outcome does not carry them). */
    private KernelBench.Outcome withCounts(KernelBench.Outcome o) {
        return counted == null || o == null ? o : counted.into(o);
    }

    private KernelBench.Outcome countInstructions(List<ForkPlan.Library> libs, KernelBench.Outcome ko)
            throws IOException, InterruptedException {
        InstructionCounting.Counted c = InstructionCounting.count(cfg, libs, ko, log, (done, total) -> {
            // The heartbeat says how far counting is, and the time left follows its pace.
            progress = done + " of " + total + " kernel functions counted";
            stageFraction = (double) done / total;
        });
        instructionCounts = c.counts();
        counted = c;
        return c.outcome();
    }

    private BuildPlan plan(Profile asConfigured, CargoCommand.FlagsRoute route) throws IOException, InterruptedException {
        Profile p = cfg.builds().inheritCrate() ? asConfigured : EffectiveProfile.withCargoDefaults(asConfigured);
        Toolchain tc = toolchains.get(p.toolchain());
        List<String> features = new ArrayList<>(p.features());
        if (p.isAutodiff() && !features.contains(cfg.autodiffFeature())) features.add(cfg.autodiffFeature());
        PipelineTools.Set tools = tc != null && p.trained() ? PipelineTools.forProfile(p.usesPgo(), p.usesBolt(), tc, Processes::which)
                : null;
        return new BuildPlan(p, tc, cfg.workDir().resolve("profiles").resolve(p.name()), features, route, tools,
                Resume.fingerprint(cfg, p, tc), effective == null ? List.of() : effective.of(p));
    }

    /** Why a planned profile cannot be built here (a missing tool, toolchain or Enzyme backend); null when it can. */
    private String skipReason(BuildPlan plan) throws IOException, InterruptedException {
        Toolchain tc = plan.toolchain();
        if (plan.tools() != null && !plan.tools().problems().isEmpty()) return String.join("; ", plan.tools().problems());
        if (tc == null) return toolchains.problem(plan.profile().toolchain());
        if (!plan.profile().isAutodiff()) return null;
        EnzymeStatus e = toolchains.enzyme(tc);
        if (e.present()) return null;
        return "no Enzyme backend in toolchain " + tc.displayName() + " (" + tc.rustcVersion() + "): "
                + (e.expectedFiles().isEmpty() ? "" : "expected " + e.expectedFiles().get(0) + "; ")
                + (e.rustcSays() == null ? "" : "rustc says: " + e.rustcSays() + "; ") + "to fix: " + e.howToFix();
    }

    /**
     * The report as the decision reads it while the run goes on: what is measured so far, judged as if the run
     * ended here. The report written meanwhile marks the unfinished profiles incomplete, which the decision
     * would leave out.
     */
    private Report judged() {
        return assemble(null, true);
    }

    private Report report() {
        return assemble(cut(), kernelsTimed);
    }

    private Report assemble(String cut, boolean kernelsDone) {
        if (commit == null) commit = SourceRevision.of(crate.dir());
        return new ReportAssembler(cfg).assemble(new ReportAssembler.State(crate, commit, defaultToolchain, toolchains.probed(),
                toolchains.problems(), toolchains.enzyme(), snapshot(), kernels, cappedBuilds, instructionCounts, resumedFrom, cut,
                shardInfo, extraBuilds, kernelsDone,
                // Stage times are the next estimate's yardstick only where this run measured every profile it reports
                // to the full counts (a race does not).
                resumedFrom == null && interruptedProfiles.isEmpty() && race == null ? stagesSoFar() : Map.of(),
                race == null ? null : race.snapshot(spent()), machineLoad.shares()));
    }

    /**
     * Why the report is not the run's last word: interrupted, or written while the run was still
     * going (a run killed outright leaves that report behind, and it must not pass for finished).
     */
    private String cut() {
        if (interrupted != null) return interrupted;
        return done ? null : "not finished: written while " + stage + "; a run that was killed stopped here";
    }

}
