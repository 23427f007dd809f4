package dev.ctime.kernel;

import dev.ctime.model.Binding;
import dev.ctime.model.CallerCost;
import dev.ctime.model.Placement;
import dev.ctime.model.Status;
import dev.ctime.model.GradientCheck;
import dev.ctime.model.KernelTiming;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pools what several forks measured into one {@link KernelTiming} per profile, kernel and size.
 * Each fork is one run: its batches are samples inside one process and never count as
 * independent of each other.
 */
public final class ForkPool {
    private ForkPool() {
    }

    /**
     * @param forks   per fork, every kernel and size it measured
     * @param crashes each kernel that crashed or hung, with the reason
     */
    public static List<KernelTiming> pool(String profile, List<List<ForkResult>> forks, Map<ForkPlan.Cell, String> crashes) {
        Map<ForkPlan.Size, List<ForkResult.Entry>> byGroup = new LinkedHashMap<>();
        Map<ForkPlan.Size, List<Integer>> forkOf = new LinkedHashMap<>();
        Map<ForkPlan.Size, ForkResult> firstOf = new LinkedHashMap<>();
        for (int f = 0; f < forks.size(); f++) {
            for (ForkResult r : forks.get(f)) {
                ForkPlan.Size g = new ForkPlan.Size(r.kernel(), r.n());
                firstOf.putIfAbsent(g, r);
                List<ForkResult.Entry> es = byGroup.computeIfAbsent(g, k -> new ArrayList<>());
                List<Integer> fs = forkOf.computeIfAbsent(g, k -> new ArrayList<>());
                for (ForkResult.Entry e : r.entries()) {
                    if (!e.profile().equals(profile)) continue;
                    es.add(e);
                    fs.add(f + 1);
                }
            }
        }
        List<KernelTiming> out = new ArrayList<>();
        for (var e : byGroup.entrySet()) {
            ForkResult r = firstOf.get(e.getKey());
            String crash = crashes.get(new ForkPlan.Cell(profile, r.kernel(), r.n()));
            if (crash != null) out.add(KernelTiming.failed(r.kernel(), r.n(), crash));
            else if (!e.getValue().isEmpty()) out.add(poolOne(r.kernel(), r.n(), e.getValue(), forkOf.get(e.getKey())));
        }
        // A kernel that crashed in the very first fork has no result line at all.
        crashes.forEach((c, why) -> {
            if (c.profile().equals(profile) && out.stream().noneMatch(t -> t.name().equals(c.kernel()) && t.n() == c.n())) {
                out.add(KernelTiming.failed(c.kernel(), c.n(), why));
            }
        });
        return out;
    }

    /** The forks of the groups that hold runs: a summary leaves empty groups out, and its forks must say the same. */
    private static List<Integer> nonEmpty(List<double[]> groups, List<Integer> forks) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) if (groups.get(i).length > 0) out.add(forks.get(i));
        // The same fork twice (a group timed anew) cannot name one run: such a figure does not pair.
        return out.stream().distinct().count() == out.size() ? out : null;
    }

    /**
     * Each kernel function's calls from Java, binding by binding, over the forks that timed them: the call's ns per fork
     * (a run each), and the binding's share, per fork the call's median less the same library's C-loop median there.
     * A binding no fork could time keeps the first fork's reason.
     */
    public static List<CallerCost> callers(List<List<ForkResult>> forks) {
        record Key(String kernel, int n, String function, String binding, String data) {
        }
        Map<Key, String> profile = new LinkedHashMap<>();
        Map<Key, List<double[]>> calls = new LinkedHashMap<>();
        Map<Key, List<Double>> shares = new LinkedHashMap<>();
        Map<Key, String> missing = new LinkedHashMap<>();
        for (List<ForkResult> fork : forks) {
            for (ForkResult r : fork) {
                if (r.calls() == null) continue;
                for (ForkResult.Call c : r.calls()) {
                    Key k = new Key(r.kernel(), r.n(), c.function(), c.binding(), c.data());
                    calls.computeIfAbsent(k, x -> new ArrayList<>());
                    shares.computeIfAbsent(k, x -> new ArrayList<>());
                    profile.merge(k, c.profile(), (a, b) -> List.of(a.split(", ")).contains(b) ? a : a + ", " + b);
                    if (c.ns() == null || c.ns().length == 0) {
                        missing.putIfAbsent(k, c.missing());
                        continue;
                    }
                    calls.get(k).add(c.ns());
                    if (Double.isFinite(c.kernelNs())) shares.get(k).add(Statistics.median(c.ns()) - c.kernelNs());
                }
            }
        }
        List<CallerCost> out = new ArrayList<>();
        for (var e : calls.entrySet()) {
            Key k = e.getKey();
            List<Double> sh = shares.get(k);
            Summary call = e.getValue().isEmpty() ? null : Statistics.summarizeGroups(e.getValue());
            Summary share = sh.isEmpty() ? null : Statistics.summarize(sh.stream().mapToDouble(Double::doubleValue).toArray());
            out.add(new CallerCost(k.kernel(), k.n(), k.function(), Binding.of(k.binding()), Placement.of(k.data()), call, share,
                    profile.get(k), call == null ? missing.getOrDefault(k, "not timed") : null));
        }
        return out;
    }

    /** The harness's own cost per call, over every fork and size. */
    public static Summary overhead(List<List<ForkResult>> forks) {
        List<double[]> perFork = new ArrayList<>();
        for (List<ForkResult> fork : forks) {
            List<double[]> parts = new ArrayList<>();
            fork.forEach(r -> parts.add(r.overheadNsPerCall()));
            if (!parts.isEmpty()) perFork.add(concat(parts));
        }
        return perFork.isEmpty() ? null : Statistics.summarizeGroups(perFork);
    }

    /** @param forks the fork each entry came from, so that profiles timed in the same forks pair up run by run */
    private static KernelTiming poolOne(String kernel, int n, List<ForkResult.Entry> es, List<Integer> forks) {
        for (ForkResult.Entry e : es) {
            if (e.error() != null) return KernelTiming.failed(kernel, n, e.error());
        }
        List<double[]> p = new ArrayList<>();
        List<double[]> g = new ArrayList<>();
        int pDesched = 0;
        int gDesched = 0;
        long warmup = 0;
        GradientCheck worst = null;
        List<Double> primalDrift = new ArrayList<>();
        List<Double> gradientDrift = new ArrayList<>();
        for (ForkResult.Entry e : es) {
            if (e.primalDrift() != null) primalDrift.add(e.primalDrift());
            if (e.gradientDrift() != null) gradientDrift.add(e.gradientDrift());
            p.add(e.primalNs());
            pDesched += e.primalDescheduledNs() == null ? 0 : e.primalDescheduledNs().length;
            if (e.gradientNs() != null) {
                g.add(e.gradientNs());
                gDesched += e.gradientDescheduledNs() == null ? 0 : e.gradientDescheduledNs().length;
            }
            warmup += e.warmupMs();
            if (e.check() != null && (worst == null || worse(e.check(), worst))) worst = e.check();
        }
        Summary ps = Statistics.summarizeGroups(p).withInterference(pDesched).withForks(nonEmpty(p, forks));
        // A gradient timed in every fork the primal was pairs the same way; one missing in some does not pair.
        Summary gs = g.isEmpty() ? null : Statistics.summarizeGroups(g).withInterference(gDesched)
                .withForks(g.size() == forks.size() ? nonEmpty(g, forks) : null);
        Status status = worst == null || worst.ok() ? Status.OK : Status.FAILED;
        String reason = worst == null ? null : worst.diagnosis();
        ForkResult.Entry first = es.get(0);
        return new KernelTiming(kernel, n, status, reason, ps, n > 0 ? ps.median() / n : null, gs,
                gs != null && n > 0 ? gs.median() / n : null, gs != null ? gs.median() / ps.median() : null, worst,
                first.primalBatch(), first.gradientBatch(), first.primalValue(), warmup, null, null,
                unsteady(primalDrift, gradientDrift, es.size()), null, null);
    }

    /**
     * "not steady: the gradient's late batches took 0.01x the time of its early ones (the most of 2 of 6 forks), after
     * it was warmed and timed anew 2 times", or null where every fork was steady.
     */
    static String unsteady(List<Double> primal, List<Double> gradient, int forks) {
        List<String> parts = new ArrayList<>();
        for (var e : java.util.Map.of("primal", primal, "gradient", gradient).entrySet()) {
            if (e.getValue().isEmpty()) continue;
            double most = e.getValue().stream().max(java.util.Comparator.comparingDouble(r -> Math.abs(Math.log(r)))).orElseThrow();
            parts.add(String.format(java.util.Locale.ROOT, "the %s's late batches took %.2fx the time of its early ones, beyond the"
                    + " other libraries' drift (the most of %d of %d forks)", e.getKey(), most, e.getValue().size(), forks));
        }
        if (parts.isEmpty()) return null;
        java.util.Collections.sort(parts);
        return "not steady: " + String.join("; ", parts) + ", after it was warmed and timed anew " + KernelRunner.RETIMES
                + " times";
    }

    private static boolean worse(GradientCheck a, GradientCheck b) {
        if (a.ok() != b.ok()) return !a.ok();
        return Double.isNaN(a.maxRelError()) || a.maxRelError() > b.maxRelError();
    }

    static double[] concat(List<double[]> parts) {
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
