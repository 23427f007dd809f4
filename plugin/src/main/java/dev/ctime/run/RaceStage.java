package dev.ctime.run;

import dev.ctime.compile.BuildOutcome;
import dev.ctime.compile.CompileBench;
import dev.ctime.compile.PreparedBuild;
import dev.ctime.kernel.KernelBench;
import dev.ctime.model.Control;
import dev.ctime.model.Decision;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Race;
import dev.ctime.model.Report;
import dev.ctime.compile.Scenario;
import dev.ctime.model.Workload;
import dev.ctime.text.Units;
import dev.ctime.verdict.Decider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * A race (ctime.search=race) as a stage of the run: it times the kernels first, then the builds of the profile whose
 * workload runs fastest, lets every profile whose run time alone already loses leave with its builds untimed, times
 * the others' builds, and judges the field before each later fork and round of builds, within its budget.
 */
final class RaceStage {
    private final MeasureConfig cfg;
    private final Consumer<String> log;
    private final RunLedger ledger;
    private final RunProgress progress;
    private final RunView run;
    /** Kernel forks so far. */
    private final IntSupplier forks;
    private final RaceTrack track;
    private final CompileBench bench;
    private final List<PreparedBuild> prepared;
    /** CPU time of the JVM and its reaped children when the run started (ms). */
    private final double cpuAtStart;
    private boolean screened;
    /** The profile whose builds the screen timed first, its workload the fastest then; null before the screen. */
    private String leader;

    RaceStage(MeasureConfig cfg, Consumer<String> log, RunLedger ledger, RunProgress progress, RunView run, IntSupplier forks,
              CompileBench bench, List<PreparedBuild> prepared, double cpuAtStart) {
        this.cfg = cfg;
        this.log = log;
        this.ledger = ledger;
        this.progress = progress;
        this.run = run;
        this.forks = forks;
        this.bench = bench;
        this.prepared = prepared;
        this.cpuAtStart = cpuAtStart;
        // The screen, a judgement before each fork beyond the first round, and one before each round of builds beyond it.
        int screen = MeasureConfig.Search.SCREEN;
        int looks = 1 + (Math.max(screen, cfg.precision().maxForks()) - screen + 1)
                + (Math.max(cfg.builds().repeat(), cfg.precision().maxRepeat()) - screen + 1);
        this.track = new RaceTrack(prepared.stream().map(PreparedBuild::name).filter(ledger::ok).toList(), looks);
    }

    boolean inField(String profile) {
        return track.inField(profile);
    }

    void stop(String why) {
        track.stop(why);
    }

    /** The field judged on what is measured so far. */
    void judge() {
        Report j = run.judged();
        track.judge(j, cfg.judging().thresholds(), measuredSoFar(), slowerOnRunAlone(j).stream()
                .map(Decision.Undecided::profile).collect(java.util.stream.Collectors.toSet()), log);
    }

    /**
     * The profiles whose run time alone makes them significantly costlier per build than the leader's build and run: the
     * leader is the profile whose workload ran fastest when the builds were first timed (its builds timed first).
     */
    private List<Decision.Undecided> slowerOnRunAlone(Report j) {
        if (leader == null) return List.of();
        List<Workload.Item> items = j.decision() == null ? List.of() : Decider.measuredItems(j.profiles(), j.decision().workload());
        ProfileResult lead = j.profiles().stream().filter(p -> p.name().equals(leader)).findFirst().orElse(null);
        if (lead == null) return List.of();
        String scenario = Decider.scenario(j.profiles(), cfg.judging().scenario());
        return Decider.slowerOnRunAlone(j.profiles(), items, leader, Decider.buildCost(lead, scenario), cfg.judging().thresholds(),
                track.looks());
    }

    Race snapshot() {
        return track.snapshot(spent());
    }

    /**
     * What the next fork is for: the field is judged on the forks so far (the profiles significantly beaten on the
     * workload leave), then the forks go on for the workload's kernels, in the profiles still in the race only.
     *
     * @param identical profiles whose library is another's, mapped to that one
     * @param plain     what an exhaustive run's next fork would be for
     */
    KernelBench.Focus focus(KernelBench.Outcome so, Map<String, String> identical,
                            Function<KernelBench.Outcome, KernelBench.Focus> plain) {
        if (!screened) {
            try {
                screen();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new KernelBench.Focus(Set.of(), 0, "interrupted");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String over = overBudget();
        if (over != null) {
            track.stop(over);
            return new KernelBench.Focus(Set.of(), 0, over);
        }
        judge();
        KernelBench.Focus f = plain.apply(so);
        if (f == null) return null;
        Set<String> keep = new HashSet<>(track.field());
        keep.add(Control.NAME);
        // A profile whose library is another's is timed as that one: keep the one timed.
        identical.forEach((twin, same) -> {
            if (keep.contains(twin)) keep.add(same);
        });
        return new KernelBench.Focus(f.groups(), f.width(), f.why(), keep);
    }

    /** The first round, where the forks did not reach it (they all failed, or there were none). */
    void screenIfNotYet() throws IOException, InterruptedException {
        if (!screened) screen();
    }

    /**
     * The first round, after the first forks: the builds of the profile whose workload runs fastest are timed; every
     * profile whose run time alone makes it significantly costlier per build than that one's build and run leaves with
     * its builds untimed; the builds of the others are timed. Then the field is judged on both costs.
     */
    private void screen() throws IOException, InterruptedException {
        screened = true;
        int screen = MeasureConfig.Search.SCREEN;
        Report j = run.judged();
        List<Workload.Item> items = j.decision() == null ? List.of()
                : Decider.measuredItems(j.profiles(), j.decision().workload());
        String fastest = Decider.fastestRun(j.profiles().stream().filter(p -> track.inField(p.name())).toList(), items);
        progress.enter(Stage.TIMING_BUILDS);
        List<PreparedBuild> first = prepared.stream().filter(p -> p.name().equals(fastest) && ledger.ok(p.name())).toList();
        if (!first.isEmpty()) {
            log.accept("race: timing the builds of " + fastest + ", whose workload runs fastest, before any other's");
            timeBuilds(first, screen);
            leader = fastest;
            track.screen(slowerOnRunAlone(run.judged()), forks.getAsInt() + " forks and " + fastest + "'s builds", log);
        }
        timeBuilds(prepared.stream().filter(p -> track.inField(p.name()) && !p.name().equals(fastest) && ledger.ok(p.name()))
                .toList(), screen);
        run.persist();
        progress.enter(Stage.TIMING_KERNELS);
    }

    /** Times these profiles' builds, every scenario, a fixed number of rounds. */
    private void timeBuilds(List<PreparedBuild> which, int rounds) throws InterruptedException {
        if (which.isEmpty()) return;
        bench.time(which, ledger.of(which), cfg.builds().scenarios(), rounds, rounds, cfg.precision().target(), ledger::record,
                progress::left).outcomes().values().forEach(ledger::record);
    }

    /** Why the race adds no more rounds (its budget spent), or null. */
    String overBudget() {
        MeasureConfig.Search s = cfg.search();
        if (s.budgetTime() != null && progress.sinceStart() > s.budgetTime().toNanos()) {
            return "the race's budget of " + Units.duration(s.budgetTime().toMillis()) + " (ctime.searchBudget)";
        }
        if (s.budgetBuilds() != null && buildsRun(ledger.snapshot(), cfg.builds().firstAsClean()) >= s.budgetBuilds()) {
            return "the race's budget of " + s.budgetBuilds() + " builds (ctime.searchBudget)";
        }
        return null;
    }

    /**
     * Every build the run made: each profile's first, its timed ones and its analysis builds. A first build that started
     * from an empty target folder is also the first clean sample: counted once.
     */
    static int buildsRun(List<BuildOutcome> outcomes, boolean firstAsClean) {
        int n = 0;
        for (BuildOutcome o : outcomes) {
            if (o.reused() != null) continue;
            boolean firstIsASample = firstAsClean && !o.samples().getOrDefault(Scenario.CLEAN, List.of()).isEmpty();
            if (o.artifactBytes() != null && !firstIsASample) n++;
            n += o.samples().values().stream().mapToInt(List::size).sum();
            if (o.analysis() != null) n += 2;
        }
        return n;
    }

    /** "4 builds and 5 forks": what the field has been judged on, as the race's log says it. */
    private String measuredSoFar() {
        int builds = ledger.snapshot().stream().filter(o -> track.inField(o.profile().name())).mapToInt(o -> o.samples().values()
                .stream().mapToInt(List::size).max().orElse(0)).max().orElse(0);
        int n = forks.getAsInt();
        return builds + " build" + (builds == 1 ? "" : "s") + " and " + n + " fork" + (n == 1 ? "" : "s");
    }

    /** What the race has spent, beside the exhaustive search's least cost and its estimate. */
    private Race.Spent spent() {
        List<BuildOutcome> all = ledger.snapshot();
        int profiles = (int) all.stream().filter(o -> o.reused() == null && o.artifactBytes() != null).count();
        boolean firstAsClean = cfg.builds().firstAsClean();
        int exhaustive = profiles * ((firstAsClean ? 0 : 1) + cfg.builds().repeat() * cfg.builds().scenarios().size() + 2);
        // This run's share: Maven may have run other goals, or another measure, in the same JVM before it.
        double cpu = ProcessCpu.totalMs() - cpuAtStart;
        return new Race.Spent(buildsRun(all, firstAsClean), forks.getAsInt(), Double.isNaN(cpu) ? null : cpu, progress.sinceStart() / 1e6, exhaustive,
                progress.exhaustiveEstimateMs());
    }
}
