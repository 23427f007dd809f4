package dev.ctime.kernel;

import dev.ctime.model.CallerCost;
import dev.ctime.text.Units;
import dev.ctime.stats.Statistics;
import dev.ctime.store.Json;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.Summary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Times every profile's kernels in forks that each load all the profiles' libraries side by
 * side. Forks are the runs: at least {@code minForks}, then more only for what the focus asks
 * for (the kernels a still undecided decision hangs on; without a focus, the kernels whose
 * figures have not reached the target precision), until it is settled, until its interval no
 * longer narrows, or until {@code maxForks} or the time budget.
 * A kernel that crashes or hangs a fork is named, left out of every later fork, and the fork
 * is started again for what it had not finished: its neighbours lose nothing.
 */
public final class KernelBench {
    /**
     * @param template a plan whose libraries, skip lists and file names are filled in per fork
     * @param budget   no fork beyond the minimum starts after the forks have taken this much time
     */
    public record Settings(ForkPlan template, int minForks, int maxForks, Duration budget, double targetPrecision,
                           java.util.function.Function<Outcome, Focus> focus) {
    }

    /**
     * What the next fork is for.
     *
     * @param groups the kernel sizes still wanted; empty when settled
     * @param width  how far from settled (the undecided intervals' total width), to see whether more forks narrow it;
     *               NaN where unknown
     * @param why    what the forks are for, or why none is needed, as the log and the report say it
     * @param profiles the libraries the next forks time (a race's field, the control's name included); null for all
     */
    public record Focus(Set<ForkPlan.Size> groups, double width, String why, Set<String> profiles) {
        public Focus(Set<ForkPlan.Size> groups, double width, String why) {
            this(groups, width, why, null);
        }
    }

    /**
     * @param timings per profile, its kernels
     * @param forks   how many forks ran
     * @param capped  whether a cap (maxForks, budget) stopped forks that were still wanted
     * @param clockResolutionNs the timing clock's resolution as the harness read it (clock_getres), null before any fork
     * @param extraForks what the forks beyond the minimum were for and why they stopped, null where none was wanted
     * @param callers each kernel function's calls from Java, binding by binding, pooled over the forks that timed them
     */
    public record Outcome(Map<String, List<KernelTiming>> timings, Summary overheadNs, boolean pinned, int forks,
                          boolean capped, Long clockResolutionNs, String extraForks, List<CallerCost> callers) {
        public Outcome(Map<String, List<KernelTiming>> timings, Summary overheadNs, boolean pinned, int forks, boolean capped,
                       Long clockResolutionNs, String extraForks) {
            this(timings, overheadNs, pinned, forks, capped, clockResolutionNs, extraForks, List.of());
        }

        public Outcome withTimings(Map<String, List<KernelTiming>> t) {
            return new Outcome(t, overheadNs, pinned, forks, capped, clockResolutionNs, extraForks, callers);
        }
    }

    private final ForkLauncher launcher;
    private final Settings settings;
    private final Consumer<String> log;

    private java.util.function.DoubleFunction<String> left = f -> "";
    private BeforeFork beforeFork = () -> { };
    /** The kernel sizes of the first forks, or null for all of them (see {@link #firstTiming}). */
    private Set<ForkPlan.Size> first;
    // What run() leaves for rest(): the forks so far, the kernels that crashed, the warm-ups learned.
    private List<ForkPlan.Library> libraries;
    private Path dir;
    private final List<List<ForkResult>> forks = new ArrayList<>();
    private final Map<ForkPlan.Cell, String> crashes = new LinkedHashMap<>();
    private final Map<String, Long> warmupCalls = new java.util.HashMap<>();
    private Set<ForkPlan.Size> cappedGroups = Set.of();
    private String spent;

    /** What runs before each fork starts (a wait for a quieter moment, say): its time is not the forks'. */
    @FunctionalInterface
    public interface BeforeFork {
        void run() throws InterruptedException;
    }

    public KernelBench(ForkLauncher launcher, Settings settings, Consumer<String> log) {
        this.launcher = launcher;
        this.settings = settings;
        this.log = log;
    }

    /** @param left the time left of the whole run, given how much of this stage is done ("" where unknown) */
    public KernelBench withLeft(java.util.function.DoubleFunction<String> left) {
        this.left = left;
        return this;
    }

    public KernelBench withBeforeFork(BeforeFork before) {
        this.beforeFork = before;
        return this;
    }

    /** Each function of a fork's result warms up, in the forks after, twice as long as it took to become steady. */
    static void learnWarmUp(Map<String, Long> warmupCalls, ForkResult r) {
        for (ForkResult.Entry e : r.entries()) {
            if (e.error() != null) continue;
            warmupCalls.merge(ForkPlan.warmupKey(e.profile(), r.kernel(), r.n(), "primal"),
                    Math.max(KernelRunner.LEAST_WARMUP_CALLS, 2 * e.primalSteadyCalls()), Math::max);
            if (e.gradientNs() != null) {
                warmupCalls.merge(ForkPlan.warmupKey(e.profile(), r.kernel(), r.n(), "gradient"),
                        Math.max(KernelRunner.LEAST_WARMUP_CALLS, 2 * e.gradientSteadyCalls()), Math::max);
            }
        }
    }

    /** @param onFork called after every fork with what is known so far, so a report can be written */
    public Outcome run(List<ForkPlan.Library> libraries, Path dir, Consumer<Outcome> onFork)
            throws IOException, InterruptedException {
        return run(libraries, dir, List.of(), onFork);
    }

    /**
     * The kernel sizes the first forks time, the decision's (its workload's); the others wait for {@link #rest}, after
     * the answer. Null (the default) for every size in the first forks.
     */
    public KernelBench firstTiming(Set<ForkPlan.Size> groups) {
        Set<ForkPlan.Size> all = allGroups(settings.template().kernels());
        this.first = groups == null || groups.containsAll(all) ? null : Set.copyOf(groups.stream().filter(all::contains).toList());
        return this;
    }

    /** The kernel sizes {@link #rest} times: those the first forks left for after the answer (empty where none). */
    public Set<ForkPlan.Size> later() {
        if (first == null) return Set.of();
        Set<ForkPlan.Size> out = new HashSet<>(allGroups(settings.template().kernels()));
        out.removeAll(first);
        return out;
    }

    /**
     * @param kept the first forks, already run (an interrupted run's, see {@link #kept}): counted as forks 1 to k, and the
     *             run goes on from fork k + 1
     */
    public Outcome run(List<ForkPlan.Library> libraries, Path dir, List<List<ForkResult>> kept, Consumer<Outcome> onFork)
            throws IOException, InterruptedException {
        ForkPlan t = settings.template();
        this.libraries = libraries;
        this.dir = dir;
        forks.clear();
        forks.addAll(kept);
        crashes.clear();
        warmupCalls.clear();
        kept.forEach(f -> f.forEach(r -> learnWarmUp(warmupCalls, r)));
        // The budget counts the forks' own time: what the focus does between forks (a race times builds there) is not
        // kernel timing, and must not starve the forks the decision asks for.
        long forkNanos = 0;
        boolean capped = false;
        Outcome outcome = outcome(libraries, forks, crashes, Set.of(), null);
        Set<ForkPlan.Size> last = Set.of();
        List<Double> widths = new ArrayList<>();
        String why = null;
        String stopped = null;
        int extra = 0;
        Set<ForkPlan.Size> firstGroups = first == null ? allGroups(t.kernels()) : first;
        // The libraries the next fork times: all of them, or a race's field.
        List<ForkPlan.Library> timing = libraries;
        for (int f = kept.size() + 1; ; f++) {
            Set<ForkPlan.Size> wanted;
            if (f <= settings.minForks()) {
                wanted = firstGroups;
            } else {
                Focus focus = settings.focus() == null ? null : settings.focus().apply(outcome);
                if (focus == null) focus = new Focus(unfinished(outcome), Double.NaN, "kernel sizes short of "
                        + pct(settings.targetPrecision()));
                if (focus.groups().isEmpty()) {
                    stopped = focus.why();
                    break;
                }
                if (!Double.isNaN(focus.width())) widths.add(focus.width());
                if (Statistics.stoppedNarrowing(widths)) {
                    stopped = "the interval no longer narrows (three more forks shrank it by less than 5%)";
                    break;
                }
                wanted = focus.groups();
                why = focus.why();
                Set<String> keep = focus.profiles();
                if (keep != null) timing = libraries.stream().filter(l -> keep.contains(l.profile())).toList();
            }
            last = wanted;
            if (f > settings.maxForks() || forkNanos > settings.budget().toNanos()) {
                capped = true;
                stopped = f > settings.maxForks() ? "the cap of " + settings.maxForks() + " forks (ctime.maxForks)"
                        : "the time budget (ctime.kernelBudgetSeconds)";
                break;
            }
            if (f > settings.minForks()) extra++;
            String time = left.apply(f > settings.minForks() ? 0 : (f - 1.0) / settings.minForks());
            // Where the decision measures how far it is from settled, say it, so a reader sees the extra forks narrow it.
            String narrowing = f <= settings.minForks() || widths.isEmpty() ? "" : "; cost interval "
                    + Units.ms(widths.get(widths.size() - 1)) + " wide" + (widths.size() > 1 ? ", was "
                    + Units.ms(widths.get(0)) : "");
            String of = timing.size() == libraries.size() ? "" : ", " + timing.size() + " of " + libraries.size() + " libraries";
            String what = "timing kernels, fork " + f + (f > settings.minForks() ? " (for " + why + ": " + wanted.size()
                    + " kernel size" + (wanted.size() == 1 ? "" : "s") + of + narrowing + ")" : "/" + settings.minForks());
            long began = System.nanoTime();
            fork(f, what, time, wanted, timing, f <= settings.minForks() ? t.callers() : null, f == 1);
            forkNanos += System.nanoTime() - began;
            outcome = outcome(libraries, forks, crashes, Set.of(), null);
            onFork.accept(outcome);
        }
        String spent = extra == 0 && stopped == null ? null : extra > 0 ? extra + " fork" + (extra == 1 ? "" : "s")
                + " beyond ctime.forks for " + why + (stopped == null ? "" : "; stopped: " + stopped)
                : "no fork beyond ctime.forks" + (why == null ? "" : " (wanted for " + why + ")") + ": " + stopped;
        if (spent != null) log.accept("timing kernels: " + spent);
        cappedGroups = capped ? last : Set.of();
        this.spent = spent;
        return outcome(libraries, forks, crashes, cappedGroups, spent);
    }

    /**
     * The kernel sizes the first forks left out ({@link #left}), in forks of their own after those of {@link #run}: as many
     * as ctime.forks, every library, with the calls from Java, the first of them checking their gradients. Nothing the
     * decision reads is in them, so the answer need not wait for them.
     *
     * @return every fork's figures, the first forks' and these
     */
    public Outcome rest(Consumer<Outcome> onFork) throws IOException, InterruptedException {
        Set<ForkPlan.Size> wanted = later();
        if (libraries == null) throw new IllegalStateException("rest() follows run()");
        if (wanted.isEmpty()) return outcome(libraries, forks, crashes, cappedGroups, spent);
        int before = forks.size();
        for (int i = 1; i <= settings.minForks(); i++) {
            int f = before + i;
            String what = "timing kernels, fork " + f + " (" + i + "/" + settings.minForks() + " of the " + wanted.size()
                    + " kernel size" + (wanted.size() == 1 ? "" : "s") + " the decision does not read)";
            fork(f, what, "", wanted, libraries, settings.template().callers(), i == 1);
            onFork.accept(outcome(libraries, forks, crashes, cappedGroups, spent));
        }
        return outcome(libraries, forks, crashes, cappedGroups, spent);
    }

    /**
     * One fork, numbered {@code f}, of these kernel sizes and libraries; a kernel that crashes or hangs it is left out
     * and the fork started again for what it had not finished.
     */
    private void fork(int f, String what, String time, Set<ForkPlan.Size> wanted, List<ForkPlan.Library> timing, String callers,
                      boolean check) throws IOException, InterruptedException {
        ForkPlan t = settings.template();
        Set<ForkPlan.Size> done = new HashSet<>(allGroups(t.kernels()));
        done.removeAll(wanted);
        List<ForkResult> fork = new ArrayList<>();
        forks.add(fork);
        boolean startRetried = false;
        String restarted = null;
        for (int attempt = 1; ; attempt++) {
            String label = label(f, attempt);
            log.accept(what + (restarted == null ? "" : ", " + restarted) + (time.isEmpty() ? "" : "; " + time));
            ForkPlan plan = new ForkPlan(ForkPlan.orderFor(timing, t.seed(), f), t.kernels(), t.seed(), t.minSampleNs(), t.samples(),
                    t.warmupMaxMs(), t.pinCpu(), t.gradientTolerance(), t.deschedThreshold(), new ArrayList<>(crashes.keySet()),
                    new ArrayList<>(done), dir.resolve(label + ".progress").toString(), dir.resolve(label + RESULTS).toString(),
                    warmupCalls, callers, check);
            beforeFork.run();
            ForkLauncher.Attempt a = launcher.run(plan, dir, label);
            for (ForkResult r : a.results()) {
                fork.add(r);
                done.add(new ForkPlan.Size(r.kernel(), r.n()));
                learnWarmUp(warmupCalls, r);
            }
            if (a.finished()) return;
            log.accept(a.problem());
            if (a.culprit() == null && a.hung() && !startRetried) {
                // It never started: no kernel is to blame. Once more, before the kernels left are given up.
                startRetried = true;
                restarted = "started again (the last one did not start)";
                continue;
            }
            restarted = "restarted without the kernel that ended it";
            if (a.culprit() == null || a.culprit().inHarness()) {
                // The harness itself failed, outside any kernel: every kernel left in this fork is lost.
                for (ForkPlan.Size g : wanted) {
                    if (done.contains(g)) continue;
                    for (ForkPlan.Library l : timing) crashes.putIfAbsent(new ForkPlan.Cell(l.profile(), g.kernel(), g.n()), a.problem());
                }
                return;
            }
            crashes.put(a.culprit().cell(), a.problem());
        }
    }

    /**
     * The forks of an interrupted run that a resumed run keeps, read back from their result files in order: each
     * must have measured every kernel size of every library without an error, and its primal samples must be the
     * ones the interrupted run's report pooled for that fork, so the files are that run's and no older one's. The
     * caller checks that the libraries are the same binaries.
     *
     * @param reported per profile, the kernels as the interrupted run's report has them
     * @param first    the kernel sizes the first forks time (see {@link #firstTiming}), null for all: only those forks are
     *                 kept, the ones after the answer are timed again
     */
    public static List<List<ForkResult>> kept(Path dir, List<ForkPlan.Library> libraries, List<Kernel> kernels,
                                              Map<String, List<KernelTiming>> reported, Set<ForkPlan.Size> first) throws IOException {
        List<List<ForkResult>> out = new ArrayList<>();
        Set<ForkPlan.Size> groups = first == null ? allGroups(kernels) : first;
        Set<String> names = libraries.stream().map(ForkPlan.Library::profile).collect(java.util.stream.Collectors.toSet());
        for (int f = 1; ; f++) {
            if (java.nio.file.Files.exists(dir.resolve(label(f, 2) + RESULTS))) break;
            List<ForkResult> fork = ForkLauncher.readResults(Json.MAPPER, dir.resolve(label(f, 1) + RESULTS));
            Set<ForkPlan.Size> seen = new HashSet<>();
            boolean whole = true;
            for (ForkResult r : fork) {
                seen.add(new ForkPlan.Size(r.kernel(), r.n()));
                Set<String> profiles = new HashSet<>();
                for (ForkResult.Entry e : r.entries()) {
                    profiles.add(e.profile());
                    if (e.error() != null || e.primalNs() == null) whole = false;
                    else if (reported.containsKey(e.profile()) && !pooled(reported.get(e.profile()), r, e, f - 1)) whole = false;
                }
                if (!profiles.equals(names)) whole = false;
            }
            if (!whole || !seen.equals(groups)) break;
            out.add(fork);
        }
        return out;
    }

    /** A fork's files are named after it: fork-3, and fork-3-retry-1 for its second attempt. */
    private static String label(int fork, int attempt) {
        return "fork-" + fork + (attempt == 1 ? "" : "-retry-" + (attempt - 1));
    }

    private static final String RESULTS = ".results.jsonl";

    /** Whether this entry's primal samples are the report's for fork {@code index} of that kernel size. */
    private static boolean pooled(List<KernelTiming> timings, ForkResult r, ForkResult.Entry e, int index) {
        KernelTiming t = timings.stream().filter(k -> k.name().equals(r.kernel()) && k.n() == r.n()).findFirst().orElse(null);
        if (t == null || t.primalNs() == null || t.primalNs().groups() == null || t.primalNs().samples() == null) return false;
        List<Integer> g = t.primalNs().groups();
        if (g.size() <= index || g.get(index) != e.primalNs().length) return false;
        int from = g.subList(0, index).stream().mapToInt(Integer::intValue).sum();
        for (int i = 0; i < e.primalNs().length; i++) {
            if (Double.compare(t.primalNs().samples().get(from + i), e.primalNs()[i]) != 0) return false;
        }
        return true;
    }

    /** @param cappedGroups the kernel sizes more forks were still wanted for when a cap stopped them */
    private Outcome outcome(List<ForkPlan.Library> libraries, List<List<ForkResult>> forks, Map<ForkPlan.Cell, String> crashes,
                            Set<ForkPlan.Size> cappedGroups, String spent) {
        boolean capped = !cappedGroups.isEmpty();
        Map<String, List<KernelTiming>> timings = new LinkedHashMap<>();
        for (ForkPlan.Library l : libraries) {
            List<KernelTiming> ts = ForkPool.pool(l.profile(), forks, crashes);
            if (capped) ts = ts.stream().map(k -> cappedGroups.contains(new ForkPlan.Size(k.name(), k.n()))
                    ? markCapped(k, settings.targetPrecision()) : k).toList();
            timings.put(l.profile(), ts);
        }
        boolean pinned = !forks.isEmpty() && forks.stream().flatMap(List::stream).allMatch(ForkResult::pinned);
        Long resolution = forks.stream().flatMap(List::stream).map(ForkResult::clockResolutionNs).max(Long::compare).orElse(null);
        return new Outcome(timings, ForkPool.overhead(forks), pinned, forks.size(), capped, resolution, spent, ForkPool.callers(forks));
    }

    private static KernelTiming markCapped(KernelTiming k, double target) {
        if (k.primalNs() == null) return k;
        Summary p = k.primalNs().reached(target) ? k.primalNs() : k.primalNs().withCapped(true);
        Summary g = k.gradientNs() == null || k.gradientNs().reached(target) ? k.gradientNs() : k.gradientNs().withCapped(true);
        return k.withSummaries(p, g);
    }

    /** Kernel sizes where some profile's primal or gradient has not reached the target precision. */
    private Set<ForkPlan.Size> unfinished(Outcome o) {
        Set<ForkPlan.Size> out = new HashSet<>();
        for (List<KernelTiming> ts : o.timings().values()) {
            for (KernelTiming k : ts) {
                if (k.primalNs() == null) continue;
                boolean reached = k.primalNs().reached(settings.targetPrecision())
                        && (k.gradientNs() == null || k.gradientNs().reached(settings.targetPrecision()));
                if (!reached) out.add(new ForkPlan.Size(k.name(), k.n()));
            }
        }
        return out;
    }

    private static Set<ForkPlan.Size> allGroups(List<Kernel> kernels) {
        Set<ForkPlan.Size> all = new HashSet<>();
        for (Kernel k : kernels) for (int n : k.sizes()) all.add(new ForkPlan.Size(k.name(), n));
        return all;
    }

    private static String pct(double v) {
        return "±" + Units.percent(v);
    }
}
