package dev.ctime.run;

import dev.ctime.compile.BuildOutcome;
import dev.ctime.compile.PreparedBuild;
import dev.ctime.exec.EnvironmentException;
import dev.ctime.kernel.ExportedSymbols;
import dev.ctime.kernel.Kernel;
import dev.ctime.kernel.ForkLauncher;
import dev.ctime.kernel.ForkPlan;
import dev.ctime.kernel.ForkResult;
import dev.ctime.kernel.KernelBench;
import dev.ctime.model.Control;
import dev.ctime.model.Decision;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Verdict;
import dev.ctime.verdict.Workloads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The kernel side of a run: every profile's library timed in forks side by side with the control, more forks while
 * the decision is open on run time, and the instruction counts, taken early where timing cannot separate the
 * profiles. Keeps what it measured for the report.
 */
final class KernelStage {
    private final MeasureConfig cfg;
    private final Consumer<String> log;
    private final RunLedger ledger;
    private final RunProgress progress;
    private final RunView run;
    /** The interrupted report's profiles this run completes, by name (filled by resume): their forks may be kept. */
    private final Map<String, ProfileResult> interrupted;
    /** The race, or null for an exhaustive search. */
    private RaceStage race;
    private volatile KernelBench.Outcome kernels;
    private volatile InstructionCounts counts = InstructionCounts.NO_KERNEL;
    /** The counts taken so far (before the forks beyond ctime.forks where the decision was open), or null. */
    private InstructionCounting.Counted counted;
    /** Profiles whose library is byte for byte another's, mapped to that one: timed once. */
    private Map<String, String> identical = Map.of();
    /** The libraries the kernel forks time, for counting them. */
    private List<ForkPlan.Library> timed = List.of();
    /** Run once before the forks beyond ctime.forks are asked for, or null (see {@link #beforeMoreForks}). */
    private BuildsAhead beforeMoreForks;
    /** The forks' bench, kept between the decision's forks and those of the other kernel sizes; null before. */
    private KernelBench bench;

    KernelStage(MeasureConfig cfg, Consumer<String> log, RunLedger ledger, RunProgress progress, RunView run,
                Map<String, ProfileResult> interrupted) {
        this.cfg = cfg;
        this.log = log;
        this.ledger = ledger;
        this.progress = progress;
        this.run = run;
        this.interrupted = interrupted;
    }

    void race(RaceStage r) {
        this.race = r;
    }

    /** What the forks measured so far, shared with identical profiles, with the counts; null before the first fork. */
    KernelBench.Outcome kernels() {
        return kernels;
    }

    InstructionCounts counts() {
        return counts;
    }

    /** Builds run between the first forks and the judgement of whether more are needed. */
    @FunctionalInterface
    interface BuildsAhead {
        void run() throws IOException, InterruptedException;
    }

    /**
     * What runs once the first forks are done, before the decision is asked whether it needs more: the builds it waits
     * for (of the profile it names and its contenders), so that forks are not added for an interval only builds close.
     */
    void beforeMoreForks(BuildsAhead b) {
        this.beforeMoreForks = b;
    }

    /** How many kernel sizes wait for the forks after the answer (0 before the forks, and where none waits). */
    int later() {
        return bench == null ? 0 : bench.later().size();
    }

    int forks() {
        KernelBench.Outcome k = kernels;
        return k == null ? 0 : k.forks();
    }

    /**
     * The instruction counts of these libraries, unless taken while the forks were open; the timings then shared with
     * identical profiles. Written before counting, so a run killed while counting says so and a resumed one measures again.
     */
    void count(List<ForkPlan.Library> libs) throws IOException, InterruptedException {
        kernels = withCounts(kernels);
        if (kernels == null) return;
        progress.enter(Stage.COUNTING);
        counts = InstructionCounts.CUT_SHORT;
        run.persist();
        // Counts taken while the forks were open cover the sizes timed then: only the ones timed since are counted now.
        kernels = sharedWithIdentical(countInstructions(libs, sharedWithIdentical(kernels)));
        run.persist();
    }

    /**
     * Every profile's kernels in forks, side by side with the control; a profile whose library is another's is timed
     * as that one. A race judges its field before each fork beyond its first round.
     *
     * @return the libraries timed
     */
    List<ForkPlan.Library> time(ForkLauncher launcher, ForkPlan template, List<PreparedBuild> prepared)
            throws IOException, InterruptedException {
        Map<String, String> sha = new LinkedHashMap<>();
        for (PreparedBuild p : prepared) {
            BuildOutcome o = ledger.outcome(p.name());
            if (o.ok() && o.applied() != null) sha.put(p.name(), o.applied().librarySha256());
        }
        identical = IdenticalLibraries.of(sha, cfg.judging().reference());
        identical.forEach((p, same) -> log.accept("profile " + p + ": its library is byte for byte " + same + "'s: its kernels are"
                + " timed once, as " + same + "'s, and run equally fast by construction"));
        List<ForkPlan.Library> libs = new ArrayList<>();
        for (PreparedBuild p : prepared) {
            if (ledger.ok(p.name()) && !identical.containsKey(p.name())) libs.add(new ForkPlan.Library(p.name(), p.artifact().toString()));
        }
        if (libs.isEmpty()) return libs;
        control(prepared, libs).ifPresent(libs::add);
        MeasureConfig.Precision pr = cfg.precision();
        int firstForks = race != null ? MeasureConfig.Search.SCREEN : cfg.timing().forks();
        java.util.function.Function<KernelBench.Outcome, KernelBench.Focus> focus = race == null ? this::focus : so -> {
            kernels = sharedWithIdentical(so);
            return race.focus(so, identical, this::focus);
        };
        // The kernel forks also call each function from Java, binding by binding, through the reference's library.
        // A race's rounds judge every size; otherwise the decision's sizes come first, and the answer with them.
        java.util.Set<ForkPlan.Size> first = race == null ? decisionSizes() : null;
        KernelBench kb = new KernelBench(launcher, new KernelBench.Settings(
                template.withCallers(cfg.timing().callers() ? referenceOf(libs) : null), firstForks,
                Math.max(firstForks, pr.maxForks()), pr.kernelBudget(), pr.target(), focus::apply), log)
                .withLeft(progress::left).withBeforeFork(progress::waitForQuiet)
                .firstTiming(first);
        int later = kb.later().size();
        log.accept("timing kernels of " + libs.stream().filter(l -> !l.profile().equals(Control.NAME)).count() + " profiles side by"
                + " side (batches alternate across profiles)" + (libs.stream().anyMatch(l -> l.profile().equals(Control.NAME))
                ? ", with a byte-identical copy of " + cfg.judging().reference() + "'s library as the run's control" : "")
                + (later == 0 ? "" : "; first the kernel sizes the decision reads, the other " + later + " after the answer"));
        progress.enter(Stage.TIMING_KERNELS);
        Path forkDir = cfg.workDir().resolve("run");
        List<List<ForkResult>> keptForks = keptForks(libs, forkDir, first);
        timed = List.copyOf(libs);
        bench = kb;
        KernelBench.Outcome last = kb.run(libs, forkDir, keptForks, this::forked);
        kernels = sharedWithIdentical(withCounts(last));
        return libs;
    }

    /**
     * The kernel sizes the decision does not read, in forks of their own after the answer (as many as ctime.forks, every
     * library): nothing where the first forks timed every size.
     */
    void timeRest() throws IOException, InterruptedException {
        if (bench == null || bench.later().isEmpty()) return;
        progress.enter(Stage.TIMING_KERNELS);
        kernels = sharedWithIdentical(withCounts(bench.rest(this::forked)));
        run.persist();
    }

    /** After each fork: what is known so far, in the report written meanwhile. */
    private void forked(KernelBench.Outcome o) {
        kernels = sharedWithIdentical(withCounts(o));
        try {
            run.persist();
        } catch (IOException e) {
            log.accept("could not write the report: " + e.getMessage());
        }
    }

    /** The decision's kernel sizes, as the forks name them (see {@link Workloads#sizesRead}). */
    private java.util.Set<ForkPlan.Size> decisionSizes() {
        java.util.Set<ForkPlan.Size> out = new java.util.HashSet<>();
        Workloads.sizesRead(cfg.judging().workload(), cfg.kernels()).forEach((k, ns) -> ns.forEach(n -> out.add(new ForkPlan.Size(k, n))));
        return out;
    }

    /**
     * The forks an interrupted run finished, where this run completes it with the very same libraries (byte for
     * byte, by their hashes) and every profile it times was cut short there: the kept forks' samples are then
     * this run's own.
     */
    private List<List<ForkResult>> keptForks(List<ForkPlan.Library> libs, Path dir, java.util.Set<ForkPlan.Size> first) throws IOException {
        if (interrupted.isEmpty()) return List.of();
        Map<String, String> nowSha = new LinkedHashMap<>();
        for (ForkPlan.Library l : libs) {
            BuildOutcome o = ledger.outcome(l.profile());
            if (o != null && o.applied() != null) nowSha.put(l.profile(), o.applied().librarySha256());
        }
        String notKept = whyNotKept(libs, interrupted, nowSha);
        if (notKept != null) {
            log.accept("timing kernels: the interrupted run's forks are not kept: " + notKept);
            return List.of();
        }
        Map<String, List<KernelTiming>> reported = new LinkedHashMap<>();
        for (ForkPlan.Library l : libs) {
            ProfileResult old = interrupted.get(l.profile());
            if (old != null && old.kernels() != null) reported.put(l.profile(), old.kernels());
        }
        if (reported.isEmpty()) return List.of();
        List<List<ForkResult>> kept = KernelBench.kept(dir, libs, cfg.kernels(), reported, first);
        if (!kept.isEmpty()) {
            log.accept("timing kernels: keeping the " + kept.size() + " fork" + (kept.size() == 1 ? "" : "s") + " the interrupted run"
                    + " finished (the same libraries, byte for byte)");
            for (String p : reported.keySet()) {
                ledger.record(ledger.outcome(p).warned(kept.size() + " kernel fork" + (kept.size() == 1 ? " was" : "s were") + " kept from the"
                        + " interrupted run; the rest ran in this one"));
            }
        }
        return kept;
    }

    /**
     * Right after the first builds, before any timed one: every kernel symbol a library does not
     * export, all at once, with the closest exported name, on the console and in the profile's
     * warnings. The run goes on: that kernel (or only its gradient) fails, its neighbours do not.
     */
    void checkSymbols(List<PreparedBuild> prepared, List<String> crateFeatures) throws InterruptedException, EnvironmentException {
        Map<String, java.util.Set<String>> byProfile = new LinkedHashMap<>();
        for (PreparedBuild p : prepared) {
            java.util.Set<String> exported = ExportedSymbols.of(p.artifact());
            if (exported == null) return; // no nm here: the harness names a missing symbol when it loads the library
            byProfile.put(p.name(), exported);
            // A gradient left out with the derivative Enzyme rejects is missing on purpose: the profile's warning says so.
            var applied = ledger.outcome(p.name()).applied();
            boolean leftOut = applied != null && applied.autodiffWithout() != null && !applied.autodiffWithout().isEmpty();
            List<Kernel> expected = !leftOut ? cfg.kernels() : cfg.kernels().stream().map(k -> k.gradient() == null
                    || exported.contains(k.gradient()) ? k : new Kernel(k.name(), k.primal(), null, k.sizes())).toList();
            List<String> missing = ExportedSymbols.missing(expected, exported, p.artifact().getFileName().toString());
            missing.forEach(m -> log.accept("profile " + p.name() + ": " + m));
            ledger.record(ledger.outcome(p.name()).warned(missing));
        }
        stopIfNothingExported(byProfile, prepared, crateFeatures);
    }

    /** A crate whose libraries export none of the kernels: the run stops here, before any timed build, and says why. */
    void stopIfNothingExported(Map<String, java.util.Set<String>> byProfile, List<PreparedBuild> prepared, List<String> crateFeatures)
            throws EnvironmentException {
        List<String> enabled = prepared.stream().map(p -> p.plan().features()).reduce((a, b) -> a.stream().filter(b::contains)
                .toList()).orElse(List.of());
        String none = ExportedSymbols.noneExported(cfg.kernels(), byProfile, crateFeatures, enabled);
        if (none != null) throw new EnvironmentException(none);
    }

    /**
     * Why the forks an interrupted run finished cannot be this run's, or null where they can: every library timed now
     * (the control aside) was cut short there, and is the very binary it timed (by its SHA-256).
     *
     * @param nowSha each profile's library as built in this run
     */
    static String whyNotKept(List<ForkPlan.Library> libs, Map<String, ProfileResult> interrupted, Map<String, String> nowSha) {
        for (ForkPlan.Library l : libs) {
            if (l.profile().equals(Control.NAME)) continue;
            ProfileResult old = interrupted.get(l.profile());
            if (old == null) return l.profile() + " was not cut short there";
            String now = nowSha.get(l.profile());
            if (old.applied() == null || now == null || !now.equals(old.applied().librarySha256())) {
                return "the library of " + l.profile() + " is not the one it timed";
            }
        }
        return null;
    }

    /**
     * What more forks are for: the decision as it stands on the forks so far. Settled, none; undecided
     * on run time, the workload's kernel sizes (every item, since the workload's runs pair them up);
     * undecided on build cost alone, none, since forks cannot settle it. Without a workload, the
     * precision rule (null).
     */
    private KernelBench.Focus focus(KernelBench.Outcome so) {
        kernels = sharedWithIdentical(withCounts(so));
        if (beforeMoreForks != null) {
            // Once, before the forks are judged: builds the decision waits for, which no fork could stand in for.
            BuildsAhead ahead = beforeMoreForks;
            beforeMoreForks = null;
            try {
                ahead.run();
            } catch (IOException e) {
                log.accept("could not write the report: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new KernelBench.Focus(java.util.Set.of(), 0, "interrupted");
            }
            progress.enter(Stage.TIMING_KERNELS);
        }
        Decision d = run.judged().decision();
        if (d == null || d.points() == null) return null;
        Enough enough = Enough.of(d, cfg.precision().maxForks(), "ctime.maxForks");
        if (enough == null && counted == null && cfg.instructions() != InstructionMode.OFF
                && d.undecided().stream().anyMatch(u -> u.run().verdict() == Verdict.INCONCLUSIVE)) {
            // The counts are taken anyway; taken now, where time could not separate the run costs, they may settle the
            // decision without the forks it would otherwise ask for (deterministic, so not disturbed by anything).
            log.accept("timing kernels: the decision is open on run time; counting instructions before any more fork");
            try {
                progress.enter(Stage.COUNTING);
                counts = InstructionCounts.CUT_SHORT;
                run.persist();
                kernels = sharedWithIdentical(countInstructions(timed, so));
                progress.enter(Stage.TIMING_KERNELS);
                run.persist();
            } catch (IOException e) {
                log.accept("instruction counts failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new KernelBench.Focus(java.util.Set.of(), 0, "interrupted");
            }
            d = run.judged().decision();
            enough = Enough.of(d, cfg.precision().maxForks(), "ctime.maxForks");
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

    /** The timings of each library that stands for identical ones, given to those as theirs. */
    private KernelBench.Outcome sharedWithIdentical(KernelBench.Outcome o) {
        return sharedWith(identical, o);
    }

    /** The outcome with each twin given the timings of the library it is byte for byte (where that one was timed). */
    static KernelBench.Outcome sharedWith(Map<String, String> identical, KernelBench.Outcome o) {
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

    /**
     * The run's control: a byte-identical copy of the reference's library, under another file name so the
     * loader keeps both, timed in every fork like a profile and compared with the reference; empty where the
     * reference was not built in this run.
     */
    private java.util.Optional<ForkPlan.Library> control(List<PreparedBuild> prepared, List<ForkPlan.Library> libs) throws IOException {
        String ref = referenceOf(libs);
        PreparedBuild p = prepared.stream().filter(b -> b.name().equals(ref)).findFirst().orElse(null);
        if (p == null) return java.util.Optional.empty();
        Path dir = cfg.workDir().resolve("control");
        java.nio.file.Files.createDirectories(dir);
        Path copy = dir.resolve(p.artifact().getFileName());
        java.nio.file.Files.copy(p.artifact(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return java.util.Optional.of(new ForkPlan.Library(Control.NAME, copy.toString()));
    }

    /** The outcome with the counts already taken, if any (a later fork's outcome does not carry them). */
    private KernelBench.Outcome withCounts(KernelBench.Outcome o) {
        return counted == null || o == null ? o : counted.into(o);
    }

    private KernelBench.Outcome countInstructions(List<ForkPlan.Library> libs, KernelBench.Outcome ko)
            throws IOException, InterruptedException {
        // The heartbeat says how far counting is, and the time left follows its pace.
        InstructionCounting.Counted c = InstructionCounting.count(cfg, libs, ko, counted, log, progress::counted);
        counts = c.counts();
        counted = c;
        return c.outcome();
    }

}
