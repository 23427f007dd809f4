package dev.ctime.run;

import dev.ctime.store.ReportFiles;
import dev.ctime.verdict.DecisionText;
import dev.ctime.model.Decision;
import dev.ctime.cargo.EffectiveProfile;
import dev.ctime.render.ProfileSettings;
import dev.ctime.exec.EnvironmentException;
import dev.ctime.exec.Machine;
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
import dev.ctime.harness.NativeTools;
import dev.ctime.kernel.ExportedSymbols;
import dev.ctime.kernel.ForkLauncher;
import dev.ctime.kernel.ForkPlan;
import dev.ctime.pgo.HarnessTrainer;
import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileException;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.site.ReportOutputs;
import dev.ctime.model.ShardInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
    private final ReportOutputs outputs;
    /** The stages' log: silent once the run is being interrupted, when its children die of the interruption, not of faults. */
    private final Consumer<String> log;
    private final Consumer<String> console;
    private Toolchains toolchains;
    private CrateInfo crate;
    private Toolchain defaultToolchain;
    private java.util.Set<String> cappedBuilds = java.util.Set.of();
    private final RunLedger ledger;
    private final RunProgress progress;
    /** What the stages read of the run as a whole, and how they keep what they measured. */
    private final RunView view = new RunView() {
        @Override
        public Report judged() {
            return MeasureRun.this.judged();
        }

        @Override
        public void persist() throws IOException {
            MeasureRun.this.persist();
        }
    };
    private final KernelStage kernelStage;
    /** Set once every profile has an outcome: from then on an interruption writes a report. */
    private volatile boolean started;
    private volatile String interrupted;
    /** Set before the final report: every report written before it says the run was not finished. */
    private volatile boolean done;
    /** Counted down once the interruption's reports are written (or could not be). */
    private final java.util.concurrent.CountDownLatch reportsWritten = new java.util.concurrent.CountDownLatch(1);
    private String resumedFrom;
    private boolean kernelsTimed;
    /** CPU time of the JVM and its reaped children when the run started (ms). */
    private double cpuAtStart;
    /** The race (ctime.search=race), null for an exhaustive search. */
    private RaceStage race;
    /** Whether the time the run will take has been estimated (from the last run, the history or the first build). */
    private boolean estimated;
    private volatile Heartbeat heartbeat;
    /** The interrupted report whose profiles this run completes, by name: their kernel forks may be kept. */
    private final Map<String, ProfileResult> interruptedProfiles = new LinkedHashMap<>();
    private final Map<Map<String, String>, List<String>> sourceChanges = new java.util.HashMap<>();
    /** What the builds beyond ctime.repeat were for and why they stopped, where any were wanted. */
    private String extraBuilds;
    private SourceRevision commit;
    private EffectiveProfile effective;
    private ShardInfo shardInfo;

    public MeasureRun(MeasureConfig cfg, Consumer<String> log) {
        this(cfg, log, new ReportOutputs(cfg.workDir(), null, null));
    }

    /** @param outputs where the reports go: report.json as the run goes, report.csv at its end, report.html if interrupted */
    public MeasureRun(MeasureConfig cfg, Consumer<String> log, ReportOutputs outputs) {
        this.cfg = cfg;
        this.outputs = outputs;
        this.console = log;
        this.log = m -> {
            if (interrupted == null) log.accept(m);
            if (heartbeat != null) heartbeat.beat();
        };
        this.ledger = new RunLedger(cfg.workDir());
        this.progress = new RunProgress(cfg, this.log, ledger::snapshot);
        this.kernelStage = new KernelStage(cfg, this.log, ledger, progress, view, interruptedProfiles);
    }

    /** What the heartbeat says when the run has been quiet, until it is interrupted or done. */
    private String status() {
        return interrupted != null || done ? null : progress.status();
    }

    public Path reportJson() {
        return outputs.json();
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
            } catch (IOException | RuntimeException | ProfileException e) {
                // A child killed by the interruption is not a fault of its own: the run was interrupted, and says so.
                if (interrupted != null) throw (InterruptedException) new InterruptedException(interrupted).initCause(e);
                throw e;
            } finally {
                // The guard lives in this run's output folder: later commands in this JVM must not depend on it.
                Processes.guard(null);
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // The JVM is shutting down and the hook runs: this thread waits for it, since once the goal returns
                    // Maven may unload ctime's classes, which the hook still needs to write the reports.
                    awaitReports();
                }
            }
        }
    }

    /** ctime.resume: the profiles the last report finished, unchanged since, reused; those it cut short completed. */
    private void resume() {
        Resume.from(reportJson(), cfg, ledger.snapshot(), this::sourcesChanged, log).ifPresent(plan -> {
            plan.outcomes().forEach(ledger::record);
            interruptedProfiles.putAll(plan.interrupted());
            resumedFrom = plan.resumedFrom();
            log.accept(plan.describe());
        });
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

    /**
     * Maven got SIGINT or SIGTERM: the report keeps everything measured so far, says the run was
     * interrupted and marks what it had not finished, and no cargo, rustc, build script or fork
     * outlives the run. The report is taken before the children are killed, so their deaths are
     * not mistaken for failures.
     */
    private void interrupted() {
        try {
            interrupted = "interrupted while " + progress.stage() + " at " + Instant.now() + "; what was measured before is kept";
            Report r = started ? report() : null;
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            if (r == null) return;
            outputs.write(r, EnumSet.of(ReportOutputs.Output.JSON, ReportOutputs.Output.CSV, ReportOutputs.Output.HTML), console);
            console.accept(interrupted + ": the report in " + reportJson() + " says so");
        } catch (IOException | RuntimeException | LinkageError e) {
            System.err.println("ctime: interrupted, and the report could not be written: " + e);
        } finally {
            reportsWritten.countDown();
        }
    }

    /** Until the interruption's reports are written (at most a minute: a hook that hangs must not hold the JVM). */
    private void awaitReports() {
        try {
            reportsWritten.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the report as measured so far, unless an interruption has already written the final one. */
    private void persist(Report r) throws IOException {
        if (interrupted == null) outputs.write(r, EnumSet.of(ReportOutputs.Output.JSON), log);
    }

    private void persist() throws IOException {
        persist(report());
    }

    private Report measure() throws IOException, InterruptedException, ProfileException {
        progress.start();
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
        log.accept(progress.plan(profiles.size()));
        Path rusage = NativeTools.install(cfg.workDir().resolve("bin"));
        Processes.guard(NativeTools.install(cfg.workDir().resolve("bin"), NativeTools.GUARD));
        CargoConfigScan.Result scan = CargoConfigScan.scan(crate.dir(), cfg.userEnv());
        if (scan.buildTarget() != null) {
            throw new EnvironmentException("the crate's builds are for an explicit target (" + scan.buildTarget() + "): cargo then"
                    + " puts the library under target/TRIPLE/, which ctime does not follow yet; for a native build it changes nothing,"
                    + " so remove it while measuring (or unset CARGO_BUILD_TARGET)");
        }
        effective = new EffectiveProfile((crate.workspaceRoot() == null ? crate.dir() : crate.workspaceRoot()).resolve("Cargo.toml"),
                scan.files(), cfg.userEnv());
        List<BuildPlan> toMeasure = planned(profiles, CargoCommand.route(cfg.userEnv(), scan.hasTargetRustflags()));
        started = true;
        progress.enter(Stage.BUILDING_ONCE);
        persist();

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
        CompileBench bench = new CompileBench(crate, rusage, perfIfCounting(), cfg.builds().patchFile(), cfg.builds().timeout(),
                cfg.userEnv(), valgrindIfCountingBuilds(), trainer, log);
        List<PreparedBuild> prepared = buildOnce(bench, toMeasure);
        kernelStage.checkSymbols(prepared, crate.features());
        AnswerBuilds answerBuilds = new AnswerBuilds(cfg, ledger, progress, view, bench, prepared);
        int maxRepeat = Math.max(cfg.builds().repeat(), cfg.precision().maxRepeat());
        if (cfg.search().race()) {
            // A race times its kernels first: the builds of a profile whose run time alone already loses are never timed.
            race = new RaceStage(cfg, log, ledger, progress, view, kernelStage::forks, bench, prepared, cpuAtStart);
            kernelStage.race(race);
        } else {
            // With kernels there is a decision, and builds beyond ctime.repeat go to it (after the kernels are timed);
            // without, to the figures short of the target precision.
            if (cfg.kernels().isEmpty()) {
                cappedBuilds = answerBuilds.rounds(cfg.builds().repeat(), maxRepeat);
                // Without kernels there is no decision to wait for: the analysis builds follow the timed ones.
                analyse(bench, prepared);
            } else {
                answerBuilds.first();
                // The profile the decision names gets the rest of its builds right after the first forks, before more
                // forks are asked for: with only the first builds of the others, its interval waits for those alone.
                kernelStage.beforeMoreForks(answerBuilds::leader);
            }
        }

        List<ForkPlan.Library> libs = launcher == null ? List.of() : kernelStage.time(launcher, template, prepared);
        if (race != null) race.screenIfNotYet();
        kernelsTimed = true;
        if (kernelStage.kernels() != null) {
            persist();
            // In a race, the counts come after its builds for the decision, for its finalists only: the profiles that left
            // need none. Otherwise they come first (unless taken while the forks were open), since they can decide where
            // timing cannot; either way before the answer, and the analysis builds after it.
            if (race != null) {
                settle(bench, prepared, maxRepeat);
                race.stop("the decision is settled");
                libs = libs.stream().filter(l -> race.inField(l.profile())).toList();
            }
            // A decision settled by the builds so far and the forks of the sizes it reads is the answer now: what follows
            // (the last rounds of builds, the other kernel sizes, the instruction counts) completes the report and may
            // narrow its bound; where it changes the profile or its status, the revised answer is said.
            // Where the forks named another profile than the first ones did, that one's builds too.
            if (race == null) answerBuilds.leader();
            Decision first = race == null ? judged().decision() : null;
            List<String> then = new ArrayList<>();
            if (race == null && answerBuilds.after() != null) then.add(answerBuilds.after());
            if (kernelStage.later() > 0) then.add("the other " + kernelStage.later() + " kernel size" + (kernelStage.later() == 1 ? "" : "s"));
            if (cfg.instructions() != InstructionMode.OFF) then.add("the instruction counts");
            Decision early = first != null && first.settledNow() && !then.isEmpty() ? answered(first, null, " — from "
                    + cfg.builds().beforeAnswer() + " builds a profile" + (answerBuilds.ahead() == null ? "" : " (" + cfg.builds().repeat()
                    + " of " + answerBuilds.ahead() + ")") + " and the forks of the kernel sizes it reads; the run goes on ("
                    + String.join(", ", then) + ") and would say a changed answer") : null;
            if (race == null) answerBuilds.rest();
            kernelStage.timeRest();
            kernelStage.count(libs);
            if (race == null) settle(bench, prepared, maxRepeat);
            answered(judged().decision(), early, " (the run goes on with what the page and the gate read; the answer stays)");
            // Untimed, and the decision does not read them: they follow it, so the answer comes first.
            analyse(bench, race == null ? prepared : prepared.stream().filter(p -> race.inField(p.name())).toList());
        } else if (race != null || !cfg.kernels().isEmpty()) {
            analyse(bench, prepared);
        }
        progress.enter(Stage.WRITING);
        done = true;
        Report report = report();
        if (interrupted == null) outputs.write(report, EnumSet.of(ReportOutputs.Output.JSON, ReportOutputs.Output.CSV), log);
        return report;
    }

    /** Perf, where hardware counters are available to count builds' instructions. */
    private static Path perfIfCounting() {
        return Machine.hardwareCounters().equals("available") ? Processes.which("perf") : null;
    }

    /** Valgrind, where ctime.instructions=all asks for builds to be counted under it. */
    private Path valgrindIfCountingBuilds() {
        if (cfg.instructions() != InstructionMode.ALL) return null;
        Path valgrind = Processes.which("valgrind");
        if (valgrind == null) log.accept("ctime.instructions=all, but Valgrind is not installed (Debian: apt-get install"
                + " valgrind): builds are not counted");
        return valgrind;
    }

    /**
     * Every profile planned, with the reason where it cannot be built here; the last report's profiles reused where
     * ctime.resume allows; the estimate logged.
     *
     * @return the profiles this run measures
     */
    private List<BuildPlan> planned(List<Profile> profiles, CargoCommand.FlagsRoute route) throws IOException, InterruptedException {
        List<BuildPlan> plans = new ArrayList<>();
        ProfilePlans planner = new ProfilePlans(cfg, toolchains, effective, route);
        for (Profile p : profiles) {
            BuildPlan plan = planner.plan(p);
            plans.add(plan);
            String skip = planner.skipReason(plan);
            ledger.record(skip == null ? BuildOutcome.planned(plan) : BuildOutcome.planned(plan).skipped(skip));
        }
        plans.forEach(p -> ProfileSettings.lines(p.profile(), p.effective(), cfg.judging().reference()).forEach(log));
        if (cfg.resume()) resume();
        List<BuildPlan> toMeasure = plans.stream().filter(p -> ledger.outcome(p.name()).reused() == null).toList();
        estimated = progress.estimate(building(toMeasure), cfg.builds().seenMs(), "the last run's build times in the history and the"
                + " timing settings", lastReport());
        if (!estimated && !building(toMeasure).isEmpty()) {
            log.accept("estimate: after the first build (the history has no earlier run to start from)");
        }
        return toMeasure;
    }

    private List<Profile> building(List<BuildPlan> toMeasure) {
        return toMeasure.stream().filter(p -> ledger.ok(p.name())).map(BuildPlan::profile).toList();
    }

    /** The last run's report in the output folder, or null where there is none or it cannot be read. */
    private Report lastReport() {
        try {
            return java.nio.file.Files.exists(reportJson()) ? ReportFiles.readJson(reportJson()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Every profile's first build (untimed, or the first clean sample), PGO's and BOLT's stages with it. */
    private List<PreparedBuild> buildOnce(CompileBench bench, List<BuildPlan> toMeasure) throws InterruptedException, IOException {
        List<Profile> building = building(toMeasure);
        List<PreparedBuild> prepared = new ArrayList<>();
        // The first build starts from an empty target folder where clean builds are timed: it is their first sample.
        boolean firstAsClean = cfg.builds().firstAsClean();
        int nth = 0;
        for (BuildPlan plan : toMeasure) {
            BuildOutcome o = ledger.outcome(plan.name());
            if (!o.ok()) {
                log.accept("profile " + plan.name() + ": " + o.status() + ", " + o.reason());
                continue;
            }
            String left = progress.left((double) nth++ / building.size());
            log.accept("first build " + nth + "/" + building.size() + ", " + plan.name() + " (" + (firstAsClean
                    ? "from an empty target folder, the first clean sample" : "untimed, dependencies too")
                    + (plan.profile().usesPgo() ? "; PGO's instrumented build, training and merge before it" : "")
                    + (plan.profile().usesBolt() ? "; BOLT after it" : "") + ")" + (left.isEmpty() ? "" : "; " + left));
            try {
                long t0 = System.nanoTime();
                CompileBench.Prepared r = bench.prepare(plan, o, ledger::record, firstAsClean);
                ledger.record(r.outcome());
                if (!estimated && r.build() != null && ledger.ok(plan.name()) && !plan.profile().trained()) {
                    estimated = progress.fromFirstBuild(building, plan.name(), (System.nanoTime() - t0) / 1e6, r.first(),
                            crate.crateName());
                }
                if (r.build() != null) {
                    prepared.add(r.build());
                    // Every profile builds the same features: the first library already says whether any kernel is there.
                    if (prepared.size() == 1 && toMeasure.stream().map(BuildPlan::features).distinct().count() == 1) {
                        java.util.Set<String> exported = ExportedSymbols.of(r.build().artifact());
                        if (exported != null) kernelStage.stopIfNothingExported(Map.of(plan.name(), exported), prepared, crate.features());
                    }
                }
            } catch (EnvironmentException e) {
                throw e;
            } catch (IOException e) {
                ledger.record(ledger.outcome(plan.name()).failed(e.getMessage()));
            }
            if (!ledger.ok(plan.name())) log.accept("profile " + plan.name() + ": failed, " + ledger.outcome(plan.name()).reason());
        }
        return prepared;
    }

    /** Builds beyond ctime.repeat for the decision, what they were for, and the figures a cap stopped short. */
    private void settle(CompileBench bench, List<PreparedBuild> prepared, int maxRepeat) throws InterruptedException {
        DecisionBuilds.Result r = new DecisionBuilds(cfg, log, ledger, progress, this::judged).settle(bench, prepared, maxRepeat, race);
        extraBuilds = r.said();
        if (r.capped() != null) cappedBuilds = r.capped();
    }

    /**
     * The answer as soon as it is known, before the work that only completes the report; said again only where that
     * work changes the profile or whether it is settled (a bound that narrows is the verdict's to say).
     *
     * @param d    the decision as it stands (judged by the caller, which assembles the whole report once)
     * @param said the answer already said (before the last builds, forks and counts), or null
     * @param then what the run does after it
     * @return the decision said
     */
    private Decision answered(Decision d, Decision said, String then) {
        if (d == null) return null;
        if (said == null) {
            log.accept("answer: " + DecisionText.headline(d) + then);
        } else if (!java.util.Objects.equals(said.recommended(), d.recommended()) || said.settledNow() != d.settledNow()) {
            log.accept("answer, revised by what followed it: " + DecisionText.headline(d));
        }
        return d;
    }

    /** The untimed analysis builds of these profiles (those still ok). */
    private void analyse(CompileBench bench, List<PreparedBuild> prepared) throws IOException, InterruptedException {
        if (!cfg.builds().analysis()) {
            log.accept("analysis builds: skipped (ctime.analysis=false): no phase split, codegen units, LLVM IR lines or Enzyme"
                    + " trace this run; the timed figures and the decision are unchanged");
            return;
        }
        progress.enter(Stage.ANALYSIS);
        List<PreparedBuild> analysed = prepared.stream().filter(p -> ledger.outcome(p.name()).ok()).toList();
        for (PreparedBuild p : analysed) {
            int i = analysed.indexOf(p);
            String left = progress.left((double) i / analysed.size());
            log.accept("analysis builds " + (i + 1) + "/" + analysed.size() + ", " + p.name() + " (untimed)"
                    + (left.isEmpty() ? "" : "; " + left));
            try {
                ledger.record(bench.analyse(p, ledger.outcome(p.name())));
            } catch (IOException e) {
                ledger.record(ledger.outcome(p.name()).warned("analysis failed: " + e.getMessage()));
            }
        }
        persist();
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
                toolchains.problems(), toolchains.enzyme(), ledger.snapshot(), kernelStage.kernels(), cappedBuilds, kernelStage.counts(),
                resumedFrom, cut,
                shardInfo, extraBuilds, kernelsDone,
                // Stage times are the next estimate's yardstick only where this run measured every profile it reports
                // to the full counts (a race does not).
                resumedFrom == null && interruptedProfiles.isEmpty() && race == null ? progress.stagesSoFar() : Map.of(),
                race == null ? null : race.snapshot(), progress.loadShares()));
    }

    /**
     * Why the report is not the run's last word: interrupted, or written while the run was still
     * going (a run killed outright leaves that report behind, and it must not pass for finished).
     */
    private String cut() {
        if (interrupted != null) return interrupted;
        return done ? null : "not finished: written while " + progress.stage() + "; a run that was killed stopped here";
    }

}
