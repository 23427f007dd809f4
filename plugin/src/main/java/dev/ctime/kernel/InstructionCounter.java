package dev.ctime.kernel;

import dev.ctime.exec.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Instructions per kernel call, counted under Valgrind's Cachegrind as iai-callgrind does: the
 * harness's bare caller ({@code ctime-count}, no JVM) runs the kernel {@code base} times and then
 * {@code base + extra} times, and the difference of the two instruction totals over {@code extra}
 * is the cost of one call, with loading and set-up cancelled out. The count is the same whatever
 * else the machine does, which wall time never is; it is reported beside the time, never instead
 * of it (an instruction is not a nanosecond: cache misses and branch mispredictions cost time).
 */
public final class InstructionCounter {
    /** Calls in the first run, whose total is subtracted from the second's. */
    static final long BASE_CALLS = 1;

    /** What to count: one function of one kernel at one size in one profile's library. */
    public record Job(String profile, String library, String kernel, int n, String function, String symbol, double nsPerCall) {
    }

    /**
     * @param perCall       instructions per call, or null where counting failed, with the reason in {@code problem}
     * @param cyclesPerCall estimated cycles per call from Cachegrind's simulated caches (see {@link #estimatedCycles}), or
     *                      null where the cache simulation gave no figures
     */
    public record Count(Job job, Double perCall, long extraCalls, String problem, Double cyclesPerCall) {
        Count(Job job, Double perCall, long extraCalls, String problem) {
            this(job, perCall, extraCalls, problem, null);
        }
    }

    private final Path valgrind;
    private final Path counter;
    private final long seed;
    private final Path logs;
    private final Duration timeout;

    public InstructionCounter(Path valgrind, Path counter, long seed, Path logs, Duration timeout) {
        this.valgrind = valgrind;
        this.counter = counter;
        this.seed = seed;
        this.logs = logs;
        this.timeout = timeout;
    }

    /**
     * Extra calls for the second run: enough that a few instructions of set-up noise vanish in the
     * quotient, few enough that Valgrind's slowdown (about 50x) keeps a run near a second.
     */
    static long extraCalls(double nsPerCall) {
        double calls = 20e6 / Math.max(nsPerCall, 1) / 50;
        return Math.max(4, Math.min(1000, Math.round(calls)));
    }

    /**
     * Every event's total from Cachegrind's output file: the {@code events:} line names the columns of the
     * {@code summary:} line (Ir, and with the cache simulation I1mr ILmr Dr D1mr DLmr Dw D1mw DLmw).
     */
    public static Map<String, Long> parseEvents(List<String> lines) {
        String[] names = null;
        for (String l : lines) {
            if (l.startsWith("events:")) names = l.substring("events:".length()).strip().split("\\s+");
            if (l.startsWith("summary:") && names != null) {
                String[] f = l.substring("summary:".length()).strip().split("\\s+");
                Map<String, Long> out = new java.util.LinkedHashMap<>();
                for (int i = 0; i < names.length && i < f.length; i++) out.put(names[i], Long.parseLong(f[i]));
                return out;
            }
        }
        throw new IllegalArgumentException("no 'events:' and 'summary:' lines in Cachegrind's output");
    }

    /**
     * Estimated cycles, the model iai-callgrind (gungraun) and CodSpeed use: an L1 hit costs 1, a last-level hit 5, a
     * memory access 35. Accesses are instruction fetches and data reads and writes; null where the cache simulation did
     * not run (no miss counts). An estimate of where the time goes, not a measured cycle count: it knows nothing of
     * branch prediction, out-of-order overlap or vector width.
     */
    public static Double estimatedCycles(Map<String, Long> e) {
        if (!e.keySet().containsAll(List.of("Ir", "Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw"))) return null;
        double accesses = e.get("Ir") + e.get("Dr") + e.get("Dw");
        double l1Misses = e.get("I1mr") + e.get("D1mr") + e.get("D1mw");
        double llMisses = e.get("ILmr") + e.get("DLmr") + e.get("DLmw");
        return (accesses - l1Misses) + 5 * (l1Misses - llMisses) + 35 * llMisses;
    }

    /** Cachegrind's total from its output file: the {@code summary:} line's first number (Ir). */
    public static long parseSummary(List<String> lines) {
        for (String l : lines) {
            if (l.startsWith("summary:")) {
                String[] f = l.substring("summary:".length()).strip().split("\\s+");
                return Long.parseLong(f[0]);
            }
        }
        throw new IllegalArgumentException("no 'summary:' line in Cachegrind's output");
    }

    static double perCall(long base, long more, long extra) {
        return (double) (more - base) / extra;
    }

    public Count count(Job j) throws InterruptedException {
        long extra = extraCalls(j.nsPerCall());
        try {
            Map<String, Long> base = totals(j, BASE_CALLS);
            Map<String, Long> more = totals(j, BASE_CALLS + extra);
            Double cb = estimatedCycles(base);
            Double cm = estimatedCycles(more);
            return new Count(j, perCall(base.get("Ir"), more.get("Ir"), extra), extra, null,
                    cb == null || cm == null ? null : (cm - cb) / extra);
        } catch (IOException | IllegalArgumentException e) {
            return new Count(j, null, extra, e.getMessage());
        }
    }

    /** Counts every job, {@code threads} at a time: counts do not depend on what else runs, so cores can be shared. */
    public List<Count> countAll(List<Job> jobs, int threads) throws InterruptedException {
        return countAll(jobs, threads, done -> { });
    }

    /** @param onDone hears how many jobs are counted so far, after each (from the counting threads) */
    public List<Count> countAll(List<Job> jobs, int threads, java.util.function.IntConsumer onDone) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<Count>> fs = new ArrayList<>();
            for (Job j : jobs) fs.add(pool.submit(() -> {
                Count c = count(j);
                onDone.accept(done.incrementAndGet());
                return c;
            }));
            List<Count> out = new ArrayList<>();
            for (Future<Count> f : fs) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Long> totals(Job j, long calls) throws IOException, InterruptedException {
        String label = "count-" + safe(j.profile()) + "-" + safe(j.kernel()) + "-" + j.n() + "-" + j.function() + "-" + calls;
        Files.createDirectories(logs);
        Path out = logs.resolve(label + ".cachegrind");
        Files.deleteIfExists(out);
        List<String> cmd = List.of(valgrind.toString(), "--tool=cachegrind", "--cache-sim=yes", "--cachegrind-out-file=" + out,
                counter.toString(), j.library(), j.symbol(), j.function(), Integer.toString(j.n()), Long.toString(seed),
                Long.toString(calls));
        Processes.Result r = Processes.run(cmd, logs, Map.of(), timeout, logs, label);
        if (r.timedOut()) throw new IOException("Cachegrind did not finish within " + timeout.toSeconds() + " s");
        if (r.exitCode() != 0 || !Files.exists(out)) {
            String err = r.stderr().strip().lines().filter(l -> !l.startsWith("==")).reduce((a, b) -> b).orElse("");
            throw new IOException("Cachegrind exited with " + r.exitCode() + (err.isEmpty() ? "" : ": " + err)
                    + " (see " + logs.resolve(label + ".stderr") + ")");
        }
        Map<String, Long> total = parseEvents(Files.readAllLines(out));
        if (!total.containsKey("Ir")) throw new IOException("Cachegrind's output has no Ir column (see " + out + ")");
        // The per-line profile has been read into the total: only a failed count keeps it, for a person to look at
        // (hundreds of them would fill the output folder). Valgrind's own summary stays in the .stderr log.
        Files.deleteIfExists(out);
        return total;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
