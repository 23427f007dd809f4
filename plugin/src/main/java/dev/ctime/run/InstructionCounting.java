package dev.ctime.run;

import dev.ctime.model.InstructionCountState;
import dev.ctime.cargo.SourceCopy;
import dev.ctime.exec.Processes;
import dev.ctime.harness.NativeTools;
import dev.ctime.kernel.ForkPlan;
import dev.ctime.kernel.InstructionCounter;
import dev.ctime.kernel.Kernel;
import dev.ctime.kernel.KernelBench;
import dev.ctime.model.Control;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The run's last stage: every timed kernel function's instructions per call under Cachegrind, where
 * Valgrind is installed and counting is not off. Deterministic, so it uses every core.
 */
final class InstructionCounting {
    /**
     * @param counts  what became of the counts
     * @param outcome the kernels' timings with their counts added
     */
    record Counted(InstructionCounts counts, KernelBench.Outcome outcome, List<InstructionCounter.Count> taken) {
        Counted(InstructionCounts counts, KernelBench.Outcome outcome) {
            this(counts, outcome, List.of());
        }

        /** These counts in another outcome of the same libraries (a later fork's): counts do not move with time. */
        KernelBench.Outcome into(KernelBench.Outcome ko) {
            return taken.isEmpty() ? ko : merged(taken, ko);
        }
    }

    private InstructionCounting() {
    }

    /**
     * Where Valgrind is installed (and counting is not off), every timed kernel's instructions per call: those
     * {@code earlier} has not counted (the kernel sizes timed after it was taken), both together in what it returns;
     * {@code earlier} null for none counted yet.
     */
    static Counted count(MeasureConfig cfg, List<ForkPlan.Library> libs, KernelBench.Outcome ko, Counted earlier,
                         Consumer<String> log, BiConsumer<Integer, Integer> onProgress) throws IOException, InterruptedException {
        if (earlier != null && earlier.counts().state() != InstructionCountState.COUNTED) return new Counted(earlier.counts(), ko);
        if (cfg.instructions() == InstructionMode.OFF) {
            return new Counted(new InstructionCounts(InstructionCountState.OFF, null), ko);
        }
        Path valgrind = Processes.which("valgrind");
        if (valgrind == null) {
            return new Counted(new InstructionCounts(InstructionCountState.UNAVAILABLE, "Valgrind is not installed (Debian:"
                    + " apt-get install valgrind); kernel figures rest on time alone"), ko);
        }
        List<InstructionCounter.Job> jobs = new ArrayList<>();
        for (ForkPlan.Library l : libs) {
            if (l.profile().equals(Control.NAME)) continue;
            for (KernelTiming t : ko.timings().getOrDefault(l.profile(), List.of())) {
                if (t.status() != Status.OK || t.primalNs() == null) continue;
                Kernel k = cfg.kernels().stream().filter(x -> x.name().equals(t.name())).findFirst().orElseThrow();
                jobs.add(new InstructionCounter.Job(l.profile(), l.path(), k.name(), t.n(), "primal", k.primal(), t.primalNs().median()));
                if (k.gradient() != null && t.gradientNs() != null) {
                    jobs.add(new InstructionCounter.Job(l.profile(), l.path(), k.name(), t.n(), "gradient", k.gradient(),
                            t.gradientNs().median()));
                }
            }
        }
        List<InstructionCounter.Count> before = earlier == null ? List.of() : earlier.taken();
        jobs.removeIf(j -> before.stream().anyMatch(c -> c.job().profile().equals(j.profile()) && c.job().kernel().equals(j.kernel())
                && c.job().n() == j.n() && c.job().function().equals(j.function())));
        if (jobs.isEmpty()) {
            return earlier != null ? new Counted(earlier.counts(), merged(before, ko), before) : new Counted(InstructionCounts.NO_KERNEL, ko);
        }
        log.accept("counting instructions per call under Cachegrind (" + jobs.size() + " kernel functions; deterministic, so"
                + " both cores are used)");
        Path counter = NativeTools.install(cfg.workDir().resolve("bin"), NativeTools.COUNT);
        Path countLogs = cfg.workDir().resolve("logs").resolve("count");
        // This run's counts only: an earlier run's logs would pile up (hundreds of files a run) and mislead a reader.
        SourceCopy.deleteTree(countLogs);
        InstructionCounter ic = new InstructionCounter(valgrind, counter, cfg.timing().seed(), countLogs,
                cfg.precision().kernelTimeout().multipliedBy(10));
        List<InstructionCounter.Count> counts = ic.countAll(jobs, Runtime.getRuntime().availableProcessors(), done -> {
            // The heartbeat says how far counting is, and the time left follows its pace.
            onProgress.accept(done, jobs.size());
        });
        List<String> failed = counts.stream().filter(c -> c.perCall() == null)
                .map(c -> c.job().profile() + " " + c.job().kernel() + "@" + c.job().n() + " " + c.job().function() + ": " + c.problem())
                .toList();
        if (!failed.isEmpty()) log.accept("instruction counts failed for " + failed.size() + ": " + failed.get(0));
        String problems = failed.isEmpty() ? null : String.join("; ", failed.stream().limit(5).toList());
        if (earlier != null && earlier.counts().detail() != null) {
            problems = problems == null ? earlier.counts().detail() : earlier.counts().detail() + "; " + problems;
        }
        List<InstructionCounter.Count> all = new ArrayList<>(before);
        all.addAll(counts);
        return new Counted(new InstructionCounts(InstructionCountState.COUNTED, problems), merged(all, ko), List.copyOf(all));
    }

    /** Every timing of the outcome with its counts, where they were taken. */
    private static KernelBench.Outcome merged(List<InstructionCounter.Count> counts, KernelBench.Outcome ko) {
        Map<String, List<KernelTiming>> timings = new LinkedHashMap<>();
        ko.timings().forEach((profile, ts) -> timings.put(profile, ts.stream().map(t -> t.withCounts(
                find(counts, profile, t, "primal", InstructionCounter.Count::perCall),
                find(counts, profile, t, "gradient", InstructionCounter.Count::perCall),
                find(counts, profile, t, "primal", InstructionCounter.Count::cyclesPerCall),
                find(counts, profile, t, "gradient", InstructionCounter.Count::cyclesPerCall))).toList()));
        return ko.withTimings(timings);
    }

    private static Double find(List<InstructionCounter.Count> counts, String profile, KernelTiming t, String function,
                               java.util.function.Function<InstructionCounter.Count, Double> figure) {
        return counts.stream().filter(c -> c.job().profile().equals(profile) && c.job().kernel().equals(t.name())
                && c.job().n() == t.n() && c.job().function().equals(function)).map(figure)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
