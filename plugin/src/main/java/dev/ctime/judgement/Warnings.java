package dev.ctime.judgement;

import dev.ctime.model.Interference;
import dev.ctime.model.ProfileResult;

import dev.ctime.model.KernelTiming;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** What makes a run's figures less reliable, one sentence each, for the console, the report and the page. */
public final class Warnings {
    private Warnings() {
    }

    public static List<String> of(List<ProfileResult> profiles, double target) {
        List<String> out = new ArrayList<>();
        int builds = 0;
        int disturbed = 0;
        double worst = 0;
        double steal = 0;
        int batches = 0;
        int desched = 0;
        List<String> capped = new ArrayList<>();
        List<String> unsteady = new ArrayList<>();
        int lowLevel = 0;
        double level = 1;
        for (ProfileResult p : profiles) {
            if (p.compile() != null) {
                for (var e : p.compile().entrySet()) {
                    List<Interference> in = e.getValue().interference() == null ? List.of() : e.getValue().interference();
                    for (Interference i : in.stream().filter(Objects::nonNull).toList()) {
                        builds++;
                        if (i.disturbed()) {
                            disturbed++;
                            worst = Math.max(worst, i.otherCpuShare());
                            steal = Math.max(steal, i.stealShare());
                        }
                    }
                    Summary c = e.getValue().cpuMs();
                    if (c.capped()) capped.add(p.name() + " " + e.getKey() + " build");
                    if (c.ciLevel() < Statistics.LEVEL) {
                        lowLevel++;
                        level = Math.min(level, c.ciLevel());
                    }
                }
            }
            if (p.kernels() != null) {
                for (KernelTiming k : p.kernels()) {
                    if (k.unsteady() != null) unsteady.add(p.name() + " " + k.name() + " (n = " + k.n() + ") " + k.unsteady());
                    Summary[] figs = {k.primalNs(), k.gradientNs()};
                    for (int i = 0; i < figs.length; i++) {
                        Summary s = figs[i];
                        if (s == null) continue;
                        batches += (s.samples() == null ? 0 : s.samples().size());
                        desched += s.interference();
                        if (s.capped()) capped.add(p.name() + " " + k.name() + "@" + k.n() + (i == 0 ? " primal" : " gradient"));
                        if (s.ciLevel() < Statistics.LEVEL) {
                            lowLevel++;
                            level = Math.min(level, s.ciLevel());
                        }
                    }
                }
            }
        }
        if (disturbed > 0) {
            out.add(String.format(Locale.ROOT, "other processes used up to %.0f%% of the CPUs%s during %d of %d builds: those"
                            + " figures are unreliable (the builds are marked in report.json); measure on an idle machine"
                            + " (ctime:doctor shows its load), or raise ctime.repeat so that a few disturbed builds weigh less", 100 * worst,
                    steal > 0.05 ? String.format(Locale.ROOT, " (the hypervisor stole up to %.0f%%)", 100 * steal) : "",
                    disturbed, builds));
        }
        if (desched > 0) {
            out.add(String.format(Locale.ROOT, "%d kernel batches were descheduled (wall time above the thread's CPU time) and"
                    + " left out, beside %d kept: something else ran on the machine; measure on an idle machine, or pin the"
                    + " forks to a CPU nothing else uses (ctime.pinCpu)", desched, batches));
        }
        for (String u : unsteady) {
            out.add("kernel " + u + ": its figure mixes a warm-up phase with the steady state; raise ctime.warmupMaxMs so that"
                    + " warming outlasts it, or give it inputs it is steady on");
        }
        if (!capped.isEmpty()) {
            out.add(String.format(Locale.ROOT, "%d figures stopped at a cap before their interval reached ±%.0f%%: %s%s; raise"
                    + " ctime.maxRepeat and ctime.maxForks for them, or ctime.targetPrecision if ±%.0f%% is more than you need",
                    capped.size(), 100 * target, String.join(", ", capped.subList(0, Math.min(5, capped.size()))),
                    capped.size() > 5 ? ", …" : "", 100 * target));
        }
        if (lowLevel > 0) {
            // Four runs a side are enough for a comparison at 95% (the decision reads those); a median's own interval
            // needs six.
            out.add(String.format(Locale.ROOT, "%d figures rest on fewer than 6 runs: their own intervals are [min, max] and hold"
                    + " the median with probability %.0f%% or less, not 95%%%s; ctime.repeat=6 and ctime.forks=6 give each figure a"
                    + " 95%% interval", lowLevel, 100 * level, level >= 0.875 ? " (the comparisons and the decision hold at 95%:"
                    + " they need 4 runs a side)" : ""));
        }
        return out;
    }
}
