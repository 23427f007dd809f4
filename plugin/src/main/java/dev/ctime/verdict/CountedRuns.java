package dev.ctime.verdict;

import dev.ctime.model.Comparison;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Status;
import dev.ctime.model.Thresholds;
import dev.ctime.model.Verdict;
import dev.ctime.model.Workload;
import dev.ctime.stats.Shift;
import dev.ctime.stats.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload's run cost by estimated cycles (Cachegrind's simulated caches), where timing cannot separate two
 * profiles: a count is the same on a busy machine as on an idle one. Cycles become nanoseconds at one scale for every
 * profile, the median over the profiles of their timed run cost over their counted one, so the count decides only
 * which profile runs cheaper and by how much of the measured time, never how long a build is worth. A count is a model:
 * it cannot see code placement or frequency, and on the bench crates the clock found differences of up to 5% where the
 * counts found none, so a counted difference carries that much either way ({@link #MODEL_ERROR}), and it is used only
 * where that is narrower than what timing could say, and agrees with it.
 */
final class CountedRuns {
    /** The share of the run cost a counted difference may be off by either way. */
    static final double MODEL_ERROR = 0.05;
    /** Each profile counted on every item: its estimated cycles per call of the workload's mix. */
    private final Map<String, Double> cycles;
    private final double nsPerCycle;
    private final Thresholds t;

    private CountedRuns(Map<String, Double> cycles, double nsPerCycle, Thresholds t) {
        this.cycles = cycles;
        this.nsPerCycle = nsPerCycle;
        this.t = t;
    }

    static CountedRuns of(List<ProfileResult> profiles, List<Workload.Item> items, List<Decider.Point> points, Thresholds t) {
        Map<String, Double> cycles = new LinkedHashMap<>();
        double total = items.stream().mapToDouble(Workload.Item::calls).sum();
        for (ProfileResult p : profiles) {
            if (!p.status().measured() || p.kernels() == null || items.isEmpty()) continue;
            double mix = 0;
            boolean all = true;
            for (Workload.Item i : items) {
                Double c = cycles(p, i);
                if (c == null) {
                    all = false;
                    break;
                }
                mix += i.calls() / total * c;
            }
            if (all && mix > 0) cycles.put(p.name(), mix);
        }
        List<Double> scales = new ArrayList<>();
        for (Decider.Point p : points) {
            Double c = cycles.get(p.profile());
            if (c != null) scales.add(p.runNs() / c);
        }
        double scale = scales.isEmpty() ? Double.NaN : Statistics.median(scales.stream().mapToDouble(Double::doubleValue).toArray());
        return new CountedRuns(cycles, scale, t);
    }

    private static Double cycles(ProfileResult p, Workload.Item i) {
        KernelTiming k = Decider.timing(p, i);
        if (k == null || k.status() != Status.OK) return null;
        return i.function().equals(Workload.GRADIENT) ? k.gradientCycles() : k.primalCycles();
    }

    /**
     * The counted comparison of a's run cost against b's, where timing could not separate them (the timed comparison
     * inconclusive), both were counted on every item, and the counted difference with its model error is narrower than
     * the timed interval and within it; else null.
     */
    Comparison deciding(Decider.Point a, Decider.Point b, Comparison timed) {
        if (timed.verdict() != Verdict.INCONCLUSIVE || Double.isNaN(nsPerCycle)) return null;
        Double ca = cycles.get(a.profile());
        Double cb = cycles.get(b.profile());
        if (ca == null || cb == null || timed.ciHigh() == null || !(timed.ciLow() > 0)) return null;
        double ratio = ca / cb;
        double low = ratio - MODEL_ERROR;
        double high = ratio + MODEL_ERROR;
        boolean narrower = high - low < timed.ciHigh() - timed.ciLow();
        boolean agrees = low <= timed.ciHigh() && high >= timed.ciLow();
        return narrower && agrees ? Judge.exact("run", a.profile(), ca, b.profile(), cb, t.runtime()) : null;
    }

    /** The run difference per call, a minus b, in ns at the common scale, with its model error either way. */
    Shift differenceNs(Decider.Point a, Decider.Point b) {
        double d = nsPerCycle * (cycles.get(a.profile()) - cycles.get(b.profile()));
        double error = MODEL_ERROR * b.runNs();
        return new Shift(d, d - error, d + error, 0);
    }
}
