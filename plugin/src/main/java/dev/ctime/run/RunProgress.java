package dev.ctime.run;

import dev.ctime.compile.BuildMeasurement;
import dev.ctime.compile.BuildOutcome;
import dev.ctime.compile.Scenario;
import dev.ctime.exec.Processes;
import dev.ctime.model.BuildUnit;
import dev.ctime.model.Profile;
import dev.ctime.model.Report;
import dev.ctime.text.Units;
import dev.ctime.verdict.Workloads;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a run stands: its stage, how long each stage took, the machine's load per stage, and how long the rest will
 * take, by the estimate and corrected by the pace kept. The heartbeat and the stages' progress lines read it.
 */
final class RunProgress {
    private final MeasureConfig cfg;
    private final Consumer<String> log;
    private final Supplier<List<BuildOutcome>> outcomes;
    /** Wall time per stage so far, in the order run. */
    private final Map<String, Double> stagesMs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final MachineLoad machineLoad = new MachineLoad();
    private volatile String stage = Stage.CHECKING;
    private volatile long stageStart;
    private volatile long runStart;
    /** The profiles an estimate from one untimed build covers, until the first round of timed builds corrects it. */
    private volatile List<Profile> roughEstimate;
    /** How long this run will take, stage by stage, once something is known to scale from; null before. */
    private volatile RunEstimate estimate;
    /** What an exhaustive search of this matrix would take by the estimate, for a race's report; null where unknown. */
    private volatile Double exhaustiveEstimateMs;
    /** What of the current stage is done, where its own lines do not say it (counting), for the heartbeat; or null. */
    private volatile String progress;
    /** How much of the current stage is done, as its last progress line said (0: it has not said). */
    private volatile double stageFraction;
    /** The crate's own rustc's share of a whole build, for the estimate of leaf-only and analysis builds. */
    private volatile double leafShare = 1;

    RunProgress(MeasureConfig cfg, Consumer<String> log, Supplier<List<BuildOutcome>> outcomes) {
        this.cfg = cfg;
        this.log = log;
        this.outcomes = outcomes;
    }

    void start() {
        stageStart = System.nanoTime();
        runStart = stageStart;
    }

    String stage() {
        return stage;
    }

    /** Nanoseconds since the run started. */
    long sinceStart() {
        return System.nanoTime() - runStart;
    }

    Double exhaustiveEstimateMs() {
        return exhaustiveEstimateMs;
    }

    /** Waits, up to the limit, for the other processes to leave most of the CPUs (ctime.quiet). */
    void waitForQuiet() throws InterruptedException {
        machineLoad.waitForQuiet(cfg.precision().quiet(), log);
    }

    Map<String, Double> loadShares() {
        return machineLoad.shares();
    }

    /** What the heartbeat says when the run has been quiet: the stage, how long it has taken, and what is left. */
    String status() {
        if (runStart == 0) return null;
        long now = System.nanoTime();
        String left = left(stageFraction);
        String done = progress;
        return "still " + stage + (done == null ? "" : " (" + done + ")") + ": " + Units.duration((now - stageStart) / 1e6) + " in this stage, "
                + Units.duration((now - runStart) / 1e6) + " since the start" + (left.isEmpty() ? "" : ", " + left);
    }

    /** Counting's progress, which its own lines do not say: for the heartbeat and the time left. */
    void counted(int done, int total) {
        progress = done + " of " + total + " kernel functions counted";
        stageFraction = (double) done / total;
    }

    /**
     * The time left of the whole run, corrected as it goes: the current stage's rest between the estimate and the pace
     * it has kept so far (where it says how much of it is done), the later stages by the estimate.
     *
     * @param fraction how much of the current stage is done, 0 where it cannot say
     * @return "about 2 min 10 s left", or "" before there is an estimate
     */
    String left(double fraction) {
        if (roughEstimate != null && Stage.TIMING_BUILDS.equals(stage) && fraction >= 1.0 / Math.max(1, cfg.builds().repeat())) {
            reEstimate();
        }
        RunEstimate e = estimate;
        if (e == null) return "";
        stageFraction = fraction;
        String at = stage;
        double inStage = (System.nanoTime() - stageStart) / 1e6;
        // A stage entered again (the builds and forks after an early answer) has spent its earlier visits too.
        double byEstimate = Math.max(0, e.stage(at) - inStage - stagesMs.getOrDefault(at, 0.0));
        // The stage's own pace weighs more as more of it is done: its first builds say little (a cheap dev build first).
        double pace = fraction > 0 && fraction <= 1 ? inStage * (1 - fraction) / fraction : 0;
        // Where the estimate has nothing for this stage (no earlier run counted instructions), its pace is all there is.
        double rest = fraction <= 0 || fraction > 1 ? byEstimate : e.stage(at) <= 0 ? pace
                : fraction * pace + (1 - fraction) * byEstimate;
        double ms = rest + e.after(at);
        return ms < 1000 ? "" : "about " + Units.duration(ms) + " left";
    }

    /** Moves to the next stage, keeping how long the one before took (the stages the next run's estimate scales). */
    void enter(String next) {
        long now = System.nanoTime();
        if (stageStart != 0) stagesMs.merge(stage, (now - stageStart) / 1e6, Double::sum);
        machineLoad.stageEnded(stageStart != 0 ? stage : null);
        stageStart = now;
        stage = next;
        stageFraction = 0;
        progress = null;
    }

    Map<String, Double> stagesSoFar() {
        synchronized (stagesMs) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(stagesMs));
        }
    }

    /** Timed whole-graph builds per profile at this many rounds: the first build is the first clean one. */
    private int wholeBuilds(int rounds) {
        List<Scenario> s = cfg.builds().scenarios();
        return (int) s.stream().filter(sc -> sc.wholeGraph).count() * rounds - (s.contains(Scenario.CLEAN) ? 1 : 0);
    }

    private int leafBuilds(int rounds) {
        return (int) cfg.builds().scenarios().stream().filter(sc -> !sc.wholeGraph).count() * rounds;
    }

    /** Whether the run will count instructions: for the estimate of the time it takes. */
    private boolean counting() {
        return cfg.instructions() != InstructionMode.OFF && !cfg.kernels().isEmpty() && Processes.which("valgrind") != null;
    }

    /** The crate's own rustc's share of a whole build's wall time, from its units (1 where they say nothing). */
    static double leafShare(BuildMeasurement whole, String crateName) {
        if (whole == null || whole.units() == null || whole.wallMs() <= 0) return 1;
        double leaf = whole.units().stream().filter(u -> u.crate().equals(crateName) && !u.buildScript())
                .mapToDouble(BuildUnit::wallMs).sum();
        return leaf <= 0 ? 1 : Math.min(1, leaf / whole.wallMs());
    }

    /**
     * The estimate from this run's first untimed build, where there was none to start from: one build (with cargo's
     * start and the dependencies) says little of the others, so the first round of timed builds corrects it.
     */
    boolean fromFirstBuild(List<Profile> building, String profile, double ms, BuildMeasurement first, String crateName) {
        leafShare = leafShare(first, crateName);
        boolean made = estimate(building, Map.of(profile, ms), "this run's first build and the timing settings", null);
        roughEstimate = building;
        return made;
    }

    /** The estimate again, from every profile's first timed build, once the first round of them is done. */
    private void reEstimate() {
        List<Profile> building = roughEstimate;
        roughEstimate = null;
        Map<String, Double> seen = new LinkedHashMap<>();
        for (BuildOutcome o : outcomes.get()) {
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

    /**
     * Logs how long the run will take, where some build time is known to scale from; says whether it did.
     *
     * @param last the last run's report, whose stage times scale best, or null
     */
    boolean estimate(List<Profile> building, Map<String, Double> seenMs, String basis, Report last) {
        int libraries = building.size() + 1; // the control is timed in every fork too
        BiFunction<Integer, MeasureConfig.Timing, Optional<RunEstimate>> at = (r, t) -> RunEstimate
                .fromLastRun(last, building, cfg.builds().scenarios().size() * r, cfg.kernels(), t, libraries)
                .or(() -> RunEstimate.of(building, seenMs, basis, wholeBuilds(r), leafBuilds(r), leafShare, cfg.kernels(), t,
                        libraries, counting()));
        Optional<RunEstimate> e = at.apply(cfg.builds().repeat(), cfg.timing());
        e.ifPresent(x -> {
            estimate = x;
            log.accept("estimate: " + (cfg.search().race() ? "an exhaustive search would take " : "") + x.text());
        });
        if (cfg.search().race() && e.isPresent()) {
            // The race's own estimate is its first round; the exhaustive search's is what the race is measured against.
            int screen = MeasureConfig.Search.SCREEN;
            at.apply(screen, cfg.timing().withForks(screen)).ifPresent(first -> {
                exhaustiveEstimateMs = e.get().totalMs();
                estimate = first;
                log.accept("estimate: the race's first round " + first.text().replaceFirst("^about", "takes about")
                        + "; the rounds after it measure only the profiles not yet beaten");
            });
        }
        return e.isPresent();
    }

    /** What the run will do, before it does it: profiles, builds and forks, the least and the most. */
    String plan(int profiles) {
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
        int first = sizes == 0 ? 0 : Workloads.sizesRead(cfg.judging().workload(), cfg.kernels()).values().stream().mapToInt(java.util.Set::size).sum();
        int before = cfg.builds().beforeAnswer();
        String builds = sizes == 0 || before >= repeat ? "" : "the answer after " + before + " of each and " + repeat
                + " of the profile it names, the rest after it";
        if (maxRepeat > repeat) builds += (builds.isEmpty() ? "" : "; ") + "up to " + profiles * scenarios * maxRepeat + " if the decision needs them";
        return "plan: " + profiles + " profile" + (profiles == 1 ? "" : "s") + ", " + profiles * scenarios * repeat + " timed builds"
                + (builds.isEmpty() ? "" : " (" + builds + ")")
                + (sizes == 0 ? "; no kernels" : "; " + forks + " kernel forks of " + (first < sizes ? "the " + first + " kernel size"
                + (first == 1 ? "" : "s") + " the decision reads" : sizes + " kernel size" + (sizes == 1 ? "" : "s"))
                + (maxForks > forks ? " (up to " + maxForks + ")" : "") + (first < sizes ? ", then " + forks + " of the other "
                + (sizes - first) + " after the answer" : "") + (cfg.instructions() == InstructionMode.OFF ? ""
                : ", then instruction counts"));
    }
}
