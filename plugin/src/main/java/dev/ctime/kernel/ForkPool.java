package dev.ctime.kernel;

import dev.ctime.stats.Statistics;
import dev.ctime.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pools the raw samples of several forks into one {@link KernelTiming} per kernel and size. */
public final class ForkPool {
    private ForkPool() {
    }

    public static List<KernelTiming> pool(List<ForkResult> forks) {
        Map<String, List<ForkResult.Entry>> byKey = new LinkedHashMap<>();
        for (ForkResult f : forks) {
            for (ForkResult.Entry e : f.entries()) byKey.computeIfAbsent(e.kernel() + "\u0000" + e.n(), k -> new ArrayList<>()).add(e);
        }
        List<KernelTiming> out = new ArrayList<>();
        for (List<ForkResult.Entry> es : byKey.values()) out.add(poolOne(es));
        return out;
    }

    public static Summary overhead(List<ForkResult> forks) {
        List<double[]> all = new ArrayList<>();
        forks.forEach(f -> all.addAll(f.overheadNsPerCall()));
        return all.isEmpty() ? null : Statistics.summarize(concat(all));
    }

    private static KernelTiming poolOne(List<ForkResult.Entry> es) {
        ForkResult.Entry first = es.get(0);
        if (first.error() != null) {
            return new KernelTiming(first.kernel(), first.n(), "failed", first.error(), null, null, null, null, null, null,
                    List.of(), List.of(), 0, 0);
        }
        List<double[]> p = new ArrayList<>();
        List<double[]> g = new ArrayList<>();
        List<Double> pm = new ArrayList<>();
        List<Double> gm = new ArrayList<>();
        GradientCheck worst = null;
        for (ForkResult.Entry e : es) {
            p.add(e.primalNsPerCall());
            pm.add(Statistics.median(e.primalNsPerCall()));
            if (e.gradientNsPerCall() != null) {
                g.add(e.gradientNsPerCall());
                gm.add(Statistics.median(e.gradientNsPerCall()));
            }
            if (e.check() != null && (worst == null || worse(e.check(), worst))) worst = e.check();
        }
        Summary ps = Statistics.summarize(concat(p));
        Summary gs = g.isEmpty() ? null : Statistics.summarize(concat(g));
        int n = first.n();
        String status = worst == null || worst.ok() ? "ok" : "failed";
        String reason = worst == null || worst.ok() ? null : worst.problem() != null ? worst.problem()
                : String.format("gradient differs from finite differences: max relative error %.3g at coordinate %d (tolerance %.1g)",
                worst.maxRelError(), worst.worstIndex(), worst.tolerance());
        return new KernelTiming(first.kernel(), n, status, reason, ps, n > 0 ? ps.median() / n : null, gs,
                gs != null && n > 0 ? gs.median() / n : null, gs != null ? gs.median() / ps.median() : null, worst,
                pm, gm, first.primalBatch(), first.gradientBatch());
    }

    private static boolean worse(GradientCheck a, GradientCheck b) {
        if (a.ok() != b.ok()) return !a.ok();
        return Double.isNaN(a.maxRelError()) || a.maxRelError() > b.maxRelError();
    }

    private static double[] concat(List<double[]> parts) {
        int len = parts.stream().mapToInt(a -> a.length).sum();
        double[] all = new double[len];
        int at = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        return all;
    }
}
