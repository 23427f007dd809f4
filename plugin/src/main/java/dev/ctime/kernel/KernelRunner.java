package dev.ctime.kernel;

import dev.ctime.store.Json;
import dev.ctime.model.GradientCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.ctime.harness.Descheduled;
import dev.ctime.harness.HarnessException;
import dev.ctime.harness.KernelLibrary;
import dev.ctime.stats.Drift;
import dev.ctime.stats.Statistics;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Main class of the forked JVM that times the kernels of every profile side by side. The timing
 * loops run in C (ctimeharness); this class plans batches, alternates them across the profiles'
 * libraries, checks gradients and streams the raw samples out kernel by kernel. Before anything
 * that runs a kernel it appends the profile, kernel and size to the progress file, so when the
 * process dies or hangs the parent knows which kernel did it and keeps everything else.
 *
 * <p>usage: KernelRunner PLAN.json
 */
public final class KernelRunner {
    /** Warm-up stops when two consecutive rounds' medians differ by less than this. */
    static final double SETTLED = 0.02;
    static final int WARMUP_ROUND = 5;
    /** The fewest calls the first fork's warm-up makes, ctime.warmupMaxMs permitting. */
    static final long WARMUP_CALLS = 1L << 15;
    /** The fewest calls a later fork's warm-up makes, however soon the first found a function steady. */
    static final long LEAST_WARMUP_CALLS = 256;
    /**
     * A warm-up round within this share of the last one's median counts as steady, or within the last round's own spread
     * where that is wider (a busy machine's: there, every round but the last few fell outside 10% on noise alone, and the
     * later forks warmed up a million calls each).
     */
    static final double STEADY = 0.10;
    /**
     * The floor of calls is met once this share of ctime.warmupMaxMs has gone by: a kernel of microseconds reaches
     * {@link #WARMUP_CALLS} only after a third of a second or more, which made the first fork four times as long as the
     * others (functions steady from their first call among them); a cold phase that outlasts it shows as drift in the
     * timed batches, which warms and times them anew.
     */
    static final double FLOOR_SHARE = 0.1;
    /** Fewer undisturbed batches than this and the descheduled ones are kept (and counted). */
    static final int MIN_UNDISTURBED = 3;
    /** How many times a library still warming up is warmed and timed anew before its drift is recorded. */
    static final int RETIMES = 2;
    private static final long MAX_BATCH = 1L << 40;
    private static final ObjectMapper JSON = Json.MAPPER;

    private final ForkPlan plan;
    private final OutputStream progress;
    private final OutputStream results;

    private KernelRunner(ForkPlan plan, OutputStream progress, OutputStream results) {
        this.plan = plan;
        this.progress = progress;
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelRunner PLAN.json");
            System.exit(2);
        }
        ForkPlan plan = JSON.readValue(Path.of(args[0]).toFile(), ForkPlan.class);
        exitWithParent();
        try (OutputStream p = new FileOutputStream(plan.progressFile(), true);
             OutputStream r = new FileOutputStream(plan.resultsFile(), true)) {
            new KernelRunner(plan, p, r).run();
            // The last line says the work is done: an exit before it (a kernel calling exit()) is a crash, not a finish.
            p.write((DONE + "\n").getBytes(StandardCharsets.UTF_8));
            p.flush();
        }
        // Kernels may leave threads behind (a Rust runtime); the fork's work is done.
        System.exit(0);
    }

    /**
     * A fork must not outlive the Maven that started it, even one killed with SIGKILL that runs no
     * shutdown hook: a kernel spinning in native code would go on at full CPU with parent 1. The
     * JVM watches its parent and halts (halt, not exit: a kernel thread may never return).
     */
    static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    }

    /** The progress file's last line when the fork did all its work. */
    static final String DONE = "done";

    /** A line per step: profile, kernel, size, phase, tab-separated. */
    private void progress(String profile, String kernel, int n, String phase) throws IOException {
        progress.write((profile + "\t" + kernel + "\t" + n + "\t" + phase + "\n").getBytes(StandardCharsets.UTF_8));
        progress.flush();
    }

    void run() throws IOException {
        boolean pinned = plan.pinCpu() >= 0 && KernelLibrary.pinCurrentThread(plan.pinCpu());
        Set<ForkPlan.Cell> exclude = new HashSet<>(plan.exclude());
        Set<ForkPlan.Size> skip = new HashSet<>(plan.skipGroups());
        Map<String, KernelLibrary> libs = new LinkedHashMap<>();
        Map<String, String> loadErrors = new LinkedHashMap<>();
        for (ForkPlan.Library l : plan.libraries()) {
            try {
                libs.put(l.profile(), KernelLibrary.open(Path.of(l.path())));
            } catch (HarnessException e) {
                loadErrors.put(l.profile(), e.getMessage());
            }
        }
        int group = -1;
        for (Kernel k : plan.kernels()) {
            for (int n : k.sizes()) {
                group++;
                if (skip.contains(new ForkPlan.Size(k.name(), n))) continue;
                progress("", k.name(), n, "overhead");
                double[] overhead = timeEmpty(n);
                List<ForkResult.Entry> entries = new ArrayList<>();
                loadErrors.forEach((p, e) -> entries.add(ForkResult.Entry.failed(p, e)));
                List<LiveLibrary> live = new ArrayList<>();
                for (var lib : libs.entrySet()) {
                    String p = lib.getKey();
                    if (exclude.contains(new ForkPlan.Cell(p, k.name(), n))) continue;
                    progress(p, k.name(), n, "check");
                    LiveLibrary m = prepare(p, lib.getValue(), k, n);
                    if (m.error != null) entries.add(ForkResult.Entry.failed(p, m.error));
                    else live.add(m);
                }
                timeInterleaved(live, k, n, false);
                if (k.gradient() != null) timeInterleaved(live, k, n, true);
                for (LiveLibrary m : live) entries.add(m.entry());
                // The calls from Java go through one library, the reference's where it is live here.
                LiveLibrary through = plan.callers() == null ? null : live.stream().filter(m -> m.profile.equals(plan.callers()))
                        .findFirst().orElse(live.isEmpty() ? null : live.get(0));
                List<ForkResult.Call> calls = through == null ? null : timeCalls(through, k, n, group);
                ForkResult r = new ForkResult(k.name(), n, overhead, pinned, KernelLibrary.clockResolutionNs(), entries, calls);
                results.write((JSON.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8));
                results.flush();
            }
        }
    }

    private FfmCalls ffm;
    private String noFfm;

    /** The FFM calls of this fork, compiled at the first use; null with {@link #noFfm} saying why where there are none. */
    private FfmCalls ffm() {
        if (ffm != null || noFfm != null) return ffm;
        noFfm = FfmCalls.unavailable();
        if (noFfm != null) return null;
        int slots = 4 * plan.kernels().stream().mapToInt(k -> k.sizes().size()).sum();
        try {
            ffm = FfmCalls.load(Path.of(plan.progressFile()).toAbsolutePath().getParent(), slots);
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            noFfm = "ctime's FFM calls could not be compiled on JDK " + Runtime.version().feature() + ": " + e.getMessage();
        }
        return ffm;
    }

    /** Each function of one library's kernel, called from Java through every binding, beside its C loop. */
    private List<ForkResult.Call> timeCalls(LiveLibrary m, Kernel k, int n, int group) throws IOException {
        Path library = Path.of(plan.libraries().stream().filter(l -> l.profile().equals(m.profile)).findFirst().orElseThrow().path());
        CallerBench bench = new CallerBench(plan);
        double[] xa = Inputs.generate(plan.seed(), n);
        double[] ga = new double[n];
        List<ForkResult.Call> out = new ArrayList<>();
        for (boolean gradient : new boolean[] {false, true}) {
            if (gradient && m.gradient == null) continue;
            double kernelNs = CallerBench.median(gradient ? kept(m.gradientNs, m.gradientDesched) : kept(m.primalNs, m.primalDesched));
            FfmCalls f = ffm();
            List<CallerBench.Variant> variants = bench.variants(library, k, gradient, gradient ? m.gradient : m.primal, m.x, m.g,
                    xa, ga, n, kernelNs, f, noFfm, FfmCalls.slot(group, gradient, false));
            long seed = java.util.Objects.hash(plan.seed(), m.profile, k.name(), n, gradient, "calls");
            out.addAll(bench.time(m.profile, CallerBench.function(gradient), variants, kernelNs, seed,
                    phase -> progress(m.profile, k.name(), n, phase)));
        }
        return out;
    }

    /** One profile's kernel at one size while it is being measured. */
    private static final class LiveLibrary {
        final String profile;
        Pointer primal;
        Pointer gradient;
        Memory x;
        Memory g;
        int n;
        String error;
        double fx;
        GradientCheck check;
        long warmupMs;
        long primalBatch;
        long gradientBatch;
        Double primalDrift;
        Double gradientDrift;
        long primalSteadyCalls;
        long gradientSteadyCalls;
        final List<Double> primalNs = new ArrayList<>();
        final List<Double> primalDesched = new ArrayList<>();
        final List<Double> gradientNs = new ArrayList<>();
        final List<Double> gradientDesched = new ArrayList<>();

        LiveLibrary(String profile) {
            this.profile = profile;
        }

        ForkResult.Entry entry() {
            return new ForkResult.Entry(profile, null, primalBatch, kept(primalNs, primalDesched), array(primalDesched),
                    gradientBatch, gradient == null ? null : kept(gradientNs, gradientDesched),
                    gradient == null ? null : array(gradientDesched), fx, check, warmupMs, primalDrift, gradientDrift,
                    primalSteadyCalls, gradientSteadyCalls);
        }

    }

    /** The undisturbed batches; all of them when too few ran undisturbed to stand alone. */
    static double[] kept(List<Double> clean, List<Double> desched) {
        if (clean.size() >= MIN_UNDISTURBED) return array(clean);
        List<Double> all = new ArrayList<>(clean);
        all.addAll(desched);
        return array(all);
    }

    private LiveLibrary prepare(String profile, KernelLibrary lib, Kernel k, int n) throws IOException {
        LiveLibrary m = new LiveLibrary(profile);
        m.n = n;
        try {
            m.primal = lib.symbol(k.primal());
        } catch (HarnessException e) {
            m.error = e.getMessage();
            return m;
        }
        String missingGradient = null;
        if (k.gradient() != null) {
            try {
                m.gradient = lib.symbol(k.gradient());
            } catch (HarnessException e) {
                // The primal is still timed: a misspelt gradient costs the gradient, not the kernel's other figures.
                missingGradient = e.getMessage();
            }
        }
        double[] xs = Inputs.generate(plan.seed(), n);
        Memory[] buf = buffers(n);
        m.x = buf[0];
        m.x.write(0, xs, 0, n);
        m.g = buf[1];
        long t0 = System.nanoTime();
        m.fx = KernelLibrary.callPrimal(m.primal, m.x, n);
        long firstCallNs = System.nanoTime() - t0;
        // The first call sets this kernel's time limit from now on (see ForkLauncher.limitNs).
        progress.write(("limit\t" + firstCallNs + "\n").getBytes(StandardCharsets.UTF_8));
        progress.flush();
        if (!Double.isFinite(m.fx)) {
            m.error = "the primal " + k.primal() + " returned " + m.fx + " at n = " + n + " on inputs in [-1, 1) (seed "
                    + plan.seed() + "): a kernel must return a finite f(x); fix the kernel or its sizes";
            return m;
        }
        if (m.gradient != null && plan.checkGradients()) {
            m.check = checkGradient(m.primal, m.gradient, xs, m.fx, m.x, m.g, firstCallNs, () -> progress(profile, k.name(), n, "check"));
        }
        else if (missingGradient != null) m.check = new GradientCheck(false, Double.NaN, -1, 0, plan.gradientTolerance(), missingGradient);
        return m;
    }

    /**
     * Warms up and calibrates each library's function, then times {@code samples} rounds in which
     * every library runs one batch, in a new order each round. A library whose late batches are significantly
     * faster than its early ones, beyond what the others did over the same batches (the machine's own drift), was still
     * warming up: every library warms up again and is timed anew,
     * interleaved as before (timing one apart would give it other conditions than the rest, which is what interleaving
     * is there to prevent), at most {@link #RETIMES} times; a drift that remains is recorded.
     */
    private void timeInterleaved(List<LiveLibrary> live, Kernel k, int n, boolean gradient) throws IOException {
        List<LiveLibrary> ms = live.stream().filter(m -> !gradient || m.gradient != null).toList();
        if (ms.isEmpty()) return;
        for (int attempt = 0; ; attempt++) {
            warmAndCalibrate(ms, k, n, gradient);
            sampleRounds(ms, k, n, gradient);
            List<Drift> drifts = new ArrayList<>();
            for (LiveLibrary m : ms) drifts.add(Drift.of(array(gradient ? m.gradientNs : m.primalNs)));
            boolean warming = false;
            for (int i = 0; i < ms.size(); i++) {
                Drift d = drifts.get(i);
                List<Drift> others = new ArrayList<>(drifts);
                others.remove(i);
                double ref = Drift.reference(others);
                boolean still = d != null && d.drifting(ref);
                if (gradient) ms.get(i).gradientDrift = still ? d.ratio() / ref : null;
                else ms.get(i).primalDrift = still ? d.ratio() / ref : null;
                warming |= still && d.warmingUp(ref);
            }
            if (!warming || attempt >= RETIMES) return;
            for (LiveLibrary m : ms) {
                (gradient ? m.gradientNs : m.primalNs).clear();
                (gradient ? m.gradientDesched : m.primalDesched).clear();
            }
        }
    }

    /**
     * Warms every library's function up as long as it needs, then once more briefly, one after the other, right before
     * their batches: a long warm-up of the first library would otherwise end seconds before the last one's, and the
     * libraries would start their batches in different states (which a byte-identical copy, the control, shows).
     */
    private void warmAndCalibrate(List<LiveLibrary> ms, Kernel k, int n, boolean gradient) throws IOException {
        String fn = gradient ? "gradient" : "primal";
        for (LiveLibrary m : ms) {
            progress(m.profile, k.name(), n, fn + " warm-up");
            Pointer f = gradient ? m.gradient : m.primal;
            Long learned = plan.warmupCalls().get(ForkPlan.warmupKey(m.profile, k.name(), n, fn));
            WarmUp w = learned == null ? warmUp(f, gradient, m.x, m.g, n, WARMUP_CALLS, true)
                    : warmUp(f, gradient, m.x, m.g, n, learned, false);
            m.warmupMs += w.ms();
            if (gradient) m.gradientSteadyCalls = Math.max(m.gradientSteadyCalls, w.steadyCalls());
            else m.primalSteadyCalls = Math.max(m.primalSteadyCalls, w.steadyCalls());
        }
        for (LiveLibrary m : ms) {
            progress(m.profile, k.name(), n, fn + " warm-up");
            Pointer f = gradient ? m.gradient : m.primal;
            // One round: the function is steady already, and only has to be the last thing this library ran.
            m.warmupMs += warmUp(f, gradient, m.x, m.g, n, 0, false).ms();
            long b = KernelLibrary.calibrate(f, gradient, m.x, gradient ? m.g : null, n, plan.minSampleNs(), MAX_BATCH);
            if (gradient) m.gradientBatch = b;
            else m.primalBatch = b;
        }
    }

    private void sampleRounds(List<LiveLibrary> ms, Kernel k, int n, boolean gradient) throws IOException {
        String fn = gradient ? "gradient" : "primal";
        long seed = java.util.Objects.hash(plan.seed(), ms.stream().map(m -> m.profile).toList(), k.name(), n, gradient);
        for (List<LiveLibrary> round : rounds(ms, plan.samples(), seed)) {
            for (LiveLibrary m : round) {
                progress(m.profile, k.name(), n, fn);
                long batch = gradient ? m.gradientBatch : m.primalBatch;
                long[][] t = KernelLibrary.timeBatchesWithCpu(gradient ? m.gradient : m.primal, gradient, m.x,
                        gradient ? m.g : null, n, batch, 1);
                boolean desched = Descheduled.flags(t[0], t[1], plan.deschedThreshold())[0];
                double perCall = (double) t[0][0] / batch;
                (desched ? (gradient ? m.gradientDesched : m.primalDesched) : (gradient ? m.gradientNs : m.primalNs)).add(perCall);
            }
        }
    }

    /**
     * The order of every round, each a new one (seeded, so a fork's plan fixes it): every library follows every other
     * about equally often across rounds and forks, where a fixed or rotating order kept each one behind one neighbour.
     */
    static <T> List<List<T>> rounds(List<T> libraries, int rounds, long seed) {
        java.util.Random r = new java.util.Random(seed);
        List<List<T>> out = new ArrayList<>();
        for (int s = 0; s < rounds; s++) {
            List<T> order = new ArrayList<>(libraries);
            java.util.Collections.shuffle(order, r);
            out.add(List.copyOf(order));
        }
        return out;
    }

    private static double[] array(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private double[] timeEmpty(int n) {
        // The empty kernel reads nothing: one element stands for n, so the overhead step costs the same at every size.
        Memory x = new Memory(8);
        x.clear();
        Pointer empty = KernelLibrary.emptyKernel();
        long batch = KernelLibrary.calibrate(empty, false, x, null, n, plan.minSampleNs(), MAX_BATCH);
        return perCall(KernelLibrary.timeBatches(empty, false, x, null, n, batch, plan.samples()), batch);
    }

    /** Offset of the gradient buffer from the input, modulo 4 KiB: as far as can be from 4K aliasing. */
    static final long GRAD_OFFSET_MOD_PAGE = 2048;
    static final long PAGE = 4096;

    /**
     * The input and gradient buffers at a fixed layout, so that every profile, fork and run sees
     * the same one: x page-aligned, grad after it at 2 KiB past a page boundary. Where malloc
     * happens to put two buffers otherwise varies, and a store to grad[i] that aliases a load of
     * x[j] in the low 12 address bits costs some kernels 20% and more.
     */
    static Memory[] buffers(int n) {
        long bytes = Math.max(1, n) * 8L;
        long span = (bytes + PAGE - 1) / PAGE * PAGE;
        Memory block = new Memory(PAGE + span + GRAD_OFFSET_MOD_PAGE + bytes);
        long base = Pointer.nativeValue(block);
        long xOff = (PAGE - base % PAGE) % PAGE;
        Memory x = (Memory) block.share(xOff, bytes);
        Memory g = (Memory) block.share(xOff + span + GRAD_OFFSET_MOD_PAGE, bytes);
        HOLD.add(block);
        return new Memory[] {x, g};
    }

    /** Keeps each block reachable while its shared views are in use (JNA frees on finalisation). */
    private static final List<Memory> HOLD = new ArrayList<>();

    /** The gradient buffer is filled with NaN first: the ABI says the kernel overwrites it. */
    /** A progress line, written where a step has many calls, so the time limit applies to a few of them at a time. */
    @FunctionalInterface
    interface Tick {
        void tick() throws IOException;
    }

    /** Evaluations of the check between two progress lines: the limit allows far more calls than these. */
    static final int CHECK_TICK = 16;

    private GradientCheck checkGradient(Pointer primal, Pointer gradient, double[] xs, double fx, Memory x, Memory g,
                                        double primalNs, Tick tick) throws IOException {
        int n = xs.length;
        // All-ones bytes are a NaN in every element, written without an n-element array on the heap.
        g.setMemory(0, Math.max(1, n) * 8L, (byte) 0xFF);
        double fg = KernelLibrary.callGradient(gradient, x, g, n);
        double[] grad = new double[n];
        g.read(0, grad, 0, n);
        // The input is written once; each evaluation moves one coordinate and puts it back.
        Memory probe = new Memory(Math.max(1, n) * 8L);
        probe.write(0, xs, 0, n);
        int[] evaluations = {0};
        GradientCheck c;
        try {
            c = FiniteDifferences.check((i, v) -> {
                probe.setDouble(8L * i, v);
                double r = KernelLibrary.callPrimal(primal, probe, n);
                probe.setDouble(8L * i, xs[i]);
                if (++evaluations[0] % CHECK_TICK == 0) {
                    try {
                        tick.tick();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return r;
            }, xs, fx, grad, plan.gradientTolerance(), primalNs, plan.seed());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        if (c.problem() == null && !(Math.abs(fg - fx) <= 1e-9 * Math.max(1, Math.abs(fx)))) {
            return new GradientCheck(false, c.maxRelError(), c.worstIndex(), c.checked(), c.tolerance(),
                    "the gradient function returned f = " + fg + " but the primal returns " + fx
                            + ": the ABI requires the gradient function to return f(x)", null, null, c.coordinates(), c.sample());
        }
        return c;
    }

    /** How a warm-up went: its time, and after how many calls its rounds agreed with its last one. */
    record WarmUp(long ms, long steadyCalls) {
    }

    /**
     * Rounds of short batches, each round twice the calls of the one before, until ctime.warmupMaxMs at most. A function
     * seen for the first time ({@code untilSteady}) warms up until two successive medians agree and at least {@code floor}
     * calls have run: agreement alone is not enough, since a kernel slow for its first thousands of calls agrees with
     * itself while still cold. The first fork warms every function up with {@link #WARMUP_CALLS} at least and says after
     * how many calls it was steady; later forks make twice that many calls and stop there, since asking two medians of a
     * busy machine to agree within 2% kept every warm-up to its time limit (most of a fork's time). What outlasts a
     * warm-up shows as drift in the timed batches (see {@link Drift}).
     */
    private WarmUp warmUp(Pointer fn, boolean isGradient, Memory x, Memory g, int n, long floor, boolean untilSteady) {
        long start = System.nanoTime();
        long end = start + plan.warmupMaxMs() * 1_000_000;
        long batch = KernelLibrary.calibrate(fn, isGradient, x, isGradient ? g : null, n, plan.minSampleNs() / 4, MAX_BATCH);
        long calls = 0;
        List<Long> rounds = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        List<Double> spreads = new ArrayList<>();
        while (System.nanoTime() < end) {
            double[] round = perCall(KernelLibrary.timeBatches(fn, isGradient, x, isGradient ? g : null, n, batch, WARMUP_ROUND), batch);
            double m = Statistics.median(round);
            double spread = spread(round);
            rounds.add(calls);
            medians.add(m);
            spreads.add(spread);
            calls += batch * WARMUP_ROUND;
            if (!untilSteady && calls >= floor) break;
            boolean floorMet = calls >= floor || System.nanoTime() - start >= FLOOR_SHARE * plan.warmupMaxMs() * 1_000_000;
            // Two medians agree within 2%, or within the rounds' own spread where the machine's noise is wider than that.
            int r = medians.size();
            if (untilSteady && r > 1 && floorMet) {
                double prev = medians.get(r - 2);
                if (Math.abs(m - prev) <= Math.max(SETTLED * prev, Math.max(spread, spreads.get(r - 2)))) break;
            }
            // Twice the calls, as far as the time left allows: the bound is not overrun by a long last round, nor a
            // counted warm-up by much.
            double left = end - System.nanoTime();
            long next = Math.min(Math.min(MAX_BATCH, batch * 2), (long) (left / (Math.max(m, 1e-3) * WARMUP_ROUND)));
            if (!untilSteady) next = Math.min(next, -Math.floorDiv(-(floor - calls), WARMUP_ROUND));
            batch = Math.max(1, next);
        }
        return new WarmUp((System.nanoTime() - start) / 1_000_000, steadyAfter(rounds, medians, spreads));
    }

    /** A round's own spread, per call: the distance between its second-lowest and second-highest batch. */
    static double spread(double[] perCall) {
        if (perCall.length < 3) return 0;
        double[] s = perCall.clone();
        java.util.Arrays.sort(s);
        return s[s.length - 2] - s[1];
    }

    /**
     * The calls before the first round from which every round's median is within 10% of the last one's, or within the
     * last round's spread where that is wider.
     */
    static long steadyAfter(List<Long> roundStarts, List<Double> medians, List<Double> spreads) {
        if (medians.isEmpty()) return 0;
        double last = medians.get(medians.size() - 1);
        double within = Math.max(STEADY * last, spreads.get(spreads.size() - 1));
        int from = medians.size() - 1;
        while (from > 0 && Math.abs(medians.get(from - 1) - last) <= within) from--;
        return roundStarts.get(from);
    }

    static double[] perCall(long[] batchNs, long batch) {
        double[] d = new double[batchNs.length];
        for (int i = 0; i < d.length; i++) d[i] = (double) batchNs[i] / batch;
        return d;
    }
}
