package dev.ctime.verdict;

import dev.ctime.model.FigureId;
import dev.ctime.model.Workload;
import dev.ctime.model.BreakEven;
import dev.ctime.model.Decision;
import dev.ctime.model.Comparison;
import dev.ctime.model.Verdict;
import dev.ctime.model.Thresholds;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;
import dev.ctime.stats.PairedShift;
import dev.ctime.stats.Shift;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule behind the recommendation, the Pareto front and the break-evens. A profile's cost per build is its build
 * CPU time plus the workload's run time; two profiles are compared on that total with its interval. Whenever a profile
 * measured the whole workload, one is recommended: the one whose worst case against any other is least (see
 * {@link Choice}), with that worst case as its bound, settled within the tolerance or bounded above it. Not significant
 * never means "the same": what cannot be told apart is listed, and the bound says what choosing wrong can cost.
 */
public final class Decider {
    /** One profile's two costs, with the runs behind them (run: ns per call of the workload's mix, one value per fork). */
    public record Point(String profile, Summary build, Summary run) {
        public double compileMs() {
            return build.median();
        }

        public double runNs() {
            return run.median();
        }

        /** Build plus run cost of one build used for {@code calls} calls, in ms. */
        double totalMs(double calls) {
            return build.median() + calls * run.median() * 1e-6;
        }
    }

    private Decider() {
    }

    /** The scenario the decision reads: the requested one, else the first any profile measured. */
    public static String scenario(List<ProfileResult> profiles, String wanted) {
        if (wanted != null) return wanted;
        for (ProfileResult p : profiles) {
            if (p.compile() != null && !p.compile().isEmpty()) return p.compile().keySet().iterator().next();
        }
        return Decision.DEFAULT_SCENARIO;
    }

    /** The timing of one workload item in one profile, or null where it was not measured or failed. */
    static Summary item(ProfileResult p, Workload.Item i) {
        KernelTiming t = timing(p, i);
        if (t == null || t.status() != Status.OK) return null;
        Summary s = i.function().equals(Workload.GRADIENT) ? t.gradientNs() : t.primalNs();
        // The binding adds the same to every profile's call: the application waits for it on each one.
        return s == null || i.bindingNs() == null ? s : s.plus(i.bindingNs());
    }

    /** The kernel timing a workload item reads in a profile, or null. */
    static KernelTiming timing(ProfileResult p, Workload.Item i) {
        if (p.kernels() == null) return null;
        return p.kernels().stream().filter(k -> k.name().equals(i.kernel()) && k.n() == i.n()).findFirst().orElse(null);
    }

    /**
     * The workload's run cost per call of its mix, run by run: the i-th run of every item, weighted by its
     * calls. Every fork times every profile, so each fork gives one value; where a later fork timed only
     * some items, the runs are paired up to the fewest any item has.
     */
    static Summary mix(List<Summary> items, List<Workload.Item> weights) {
        double total = weights.stream().mapToDouble(Workload.Item::calls).sum();
        List<double[]> units = items.stream().map(Statistics::units).toList();
        if (items.stream().allMatch(s -> s.forks() != null && s.forks().size() == Statistics.units(s).length)) {
            // Fork by fork: each fork's cost of the whole workload, over the forks that timed every item.
            List<Integer> common = new ArrayList<>(items.get(0).forks());
            items.forEach(s -> common.retainAll(s.forks()));
            if (!common.isEmpty()) {
                double[] values = new double[common.size()];
                for (int r = 0; r < common.size(); r++) {
                    for (int j = 0; j < units.size(); j++) {
                        values[r] += weights.get(j).calls() / total * units.get(j)[items.get(j).forks().indexOf(common.get(r))];
                    }
                }
                return Statistics.summarize(values).withForks(common);
            }
        }
        int runs = units.stream().mapToInt(u -> u.length).min().orElse(0);
        double[] values = new double[runs];
        for (int r = 0; r < runs; r++) {
            for (int j = 0; j < units.size(); j++) values[r] += weights.get(j).calls() / total * units.get(j)[r];
        }
        return Statistics.summarize(values);
    }

    /** The build cost a profile ships with: a PGO or BOLT profile pays its pipeline with every build. */
    public static Summary buildCost(ProfileResult p, String scenario) {
        ScenarioFigures f = p.compile() == null ? null : p.compile().get(scenario);
        if (f == null || f.cpuMs() == null) return null;
        return p.pipeline() == null ? f.cpuMs() : f.cpuMs().plus(p.pipeline().cpuMs());
    }

    /** The workload's run costs compared, timed. */
    static Comparison run(Point a, Point b, Thresholds t) {
        return Judge.of("run", a.profile(), a.run(), b.profile(), b.run(), t.runtime());
    }

    static Comparison build(Point a, Point b, Thresholds t) {
        return Judge.of("build", a.profile(), a.build(), b.profile(), b.build(), t.compile());
    }

    /** Whether a is significantly better than b on one cost and better or equivalent on the other (inconclusive is not). */
    public static boolean dominates(Point a, Point b, Thresholds t) {
        Verdict r = run(a, b, t).verdict();
        Verdict c = build(a, b, t).verdict();
        return (r == Verdict.BETTER && (c == Verdict.BETTER || c == Verdict.EQUIVALENT))
                || (c == Verdict.BETTER && (r == Verdict.BETTER || r == Verdict.EQUIVALENT));
    }

    /** Points no other point dominates, by increasing build cost. */
    public static List<Point> front(List<Point> points, Thresholds t) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            if (points.stream().noneMatch(q -> q != p && dominates(q, p, t))) out.add(p);
        }
        return out;
    }

    /**
     * Break-even of {@code fast} against {@code cheap}: extra build time over run time saved per call.
     * Only where the one is significantly cheaper to build and the other significantly faster to run;
     * otherwise the note names the comparison that does not allow it.
     */
    public static BreakEven breakEven(Point cheap, Point fast, Thresholds t) {
        Comparison r = run(fast, cheap, t);
        Comparison b = build(fast, cheap, t);
        if (r.verdict() != Verdict.BETTER || b.verdict() != Verdict.WORSE) {
            String why = r.verdict() != Verdict.BETTER ? "run time " + r.describe() + " " + r.verdict()
                    : "build CPU " + b.describe() + " " + b.verdict();
            return new BreakEven(cheap.profile(), fast.profile(), null, null, null, "no break-even: " + why, b, r);
        }
        Shift extraBuild = Shift.of(Statistics.units(fast.build()), Statistics.units(cheap.build()));
        Shift saved = Shift.of(Statistics.units(cheap.run()), Statistics.units(fast.run()));
        double calls = Math.max(0, extraBuild.estimate()) * 1e6 / saved.estimate();
        double low = extraBuild.low() == null ? 0 : Math.max(0, extraBuild.low()) * 1e6 / (saved.high() == null
                ? Double.POSITIVE_INFINITY : saved.high());
        Double high = extraBuild.high() == null || saved.low() == null || saved.low() <= 0 ? null
                : Math.max(0, extraBuild.high()) * 1e6 / saved.low();
        return new BreakEven(cheap.profile(), fast.profile(), calls, low, high, null, b, r);
    }

    public static List<BreakEven> breakEvens(List<Point> front, Thresholds t) {
        List<BreakEven> out = new ArrayList<>();
        for (int i = 0; i + 1 < front.size(); i++) out.add(breakEven(front.get(i), front.get(i + 1), t));
        return out;
    }

    /**
     * The decision for a workload: null where no kernel was measured at all. Profiles in which a
     * workload item failed are barred, named with why; items that failed everywhere are left out.
     */
    public static Decision decide(List<ProfileResult> profiles, Workload workload, String scenario, String reference, Thresholds t) {
        return decide(profiles, workload, scenario, reference, t, List.of());
    }

    /**
     * The same, its words agreeing with the comparisons a table shows: where the decision compares the same figure of
     * the same two profiles as {@code table} does, it takes the table's comparison (corrected for multiplicity).
     */
    public static Decision decide(List<ProfileResult> profiles, Workload workload, String scenario, String reference, Thresholds t,
                                  List<Comparison> table) {
        if (workload == null || workload.items().isEmpty()) return null;
        String sc = scenario(profiles, scenario);
        List<String> excluded = new ArrayList<>();
        List<Workload.Item> items = new ArrayList<>();
        for (Workload.Item i : workload.items()) {
            boolean anywhere = profiles.stream().anyMatch(p -> p.status().measured() && item(p, i) != null);
            if (anywhere) {
                items.add(i);
            } else {
                String why = profiles.stream().map(p -> timing(p, i)).filter(k -> k != null && k.reason() != null)
                        .map(KernelTiming::reason).findFirst().orElse("not measured in any profile");
                excluded.add(i.describe() + ": " + firstLine(why));
            }
        }
        List<Decision.Barred> barred = new ArrayList<>();
        List<Point> all = points(profiles, items, sc, barred);
        double calls = items.stream().mapToDouble(Workload.Item::calls).sum();
        if (all.isEmpty()) {
            Decision d = new Decision(workload, excluded.isEmpty() ? null : excluded, calls, sc, reference, null, Decision.NONE, null,
                    null, null, barred.isEmpty() ? null : barred, List.of(), List.of(), List.of(), List.of(), null, null, null);
            return withReason(d);
        }
        all.sort(Comparator.comparingDouble(Point::compileMs).thenComparingDouble(Point::runNs));
        IdenticalBuilds same = IdenticalBuilds.of(profiles, reference);
        List<Point> pts = same.judgedAsOne(all);
        List<Point> front = front(pts, t);
        PairCosts costs = new PairCosts(calls, t, same, CountedRuns.of(profiles, items, pts, t));
        Choice choice = Choice.of(pts, costs);
        Point chosen = choice.chosen();
        List<String> eq = new ArrayList<>(same.buildsLike(chosen.profile()));
        List<Decision.Undecided> open = new ArrayList<>();
        for (Point q : pts) {
            if (q == chosen) continue;
            TotalCost d = costs.total(q, chosen);
            if (d.equivalent()) {
                eq.add(q.profile());
            } else if (!d.costlier()) {
                boolean plain = find(profiles, q.profile()).pipeline() == null && find(profiles, chosen.profile()).pipeline() == null;
                open.add(new Decision.Undecided(q.profile(), chosen.profile(), plain ? agreeing(build(q, chosen, t), table, sc)
                        : build(q, chosen, t),
                        run(q, chosen, t), d.estimate(), d.low(), d.high(), d.margin(),
                        d.runsToSettle(Math.min(q.build().runs(), q.run().runs())), costs.counting(q, chosen)));
            }
        }
        Point runnerUp = pts.stream().filter(p -> p != chosen && !eq.contains(p.profile()))
                .min(Comparator.comparingDouble(p -> p.totalMs(calls))).orElse(pts.stream().filter(p -> p != chosen)
                        .min(Comparator.comparingDouble(p -> p.totalMs(calls))).orElse(null));
        List<Decision.ItemShare> byKernel = byKernel(profiles, items, chosen, runnerUp, t);
        Decision d = new Decision(workload, excluded.isEmpty() ? null : excluded, calls, sc, reference, chosen.profile(),
                Decision.RECOMMENDED, choice.bound(), eq, open.isEmpty() ? null : open, barred.isEmpty() ? null : barred,
                all.stream().map(p -> new Decision.Point(p.profile(), Decision.Estimate.of(p.build()), Decision.Estimate.of(p.run())))
                        .toList(),
                front.stream().map(Point::profile).toList(), breakEvens(front, t), byKernel,
                runnerUp == null ? null : runnerUp.profile(), null, primalCost(profiles, items, chosen.profile(), t));
        return withReason(d);
    }

    /**
     * The table's comparison of the same figure between the same two profiles, in the decision's order, where the table
     * has one; else the decision's own. One pair, one figure, one word.
     */
    static Comparison agreeing(Comparison mine, List<Comparison> table, String scenario) {
        String figure = mine.figure().equals("build") ? new FigureId.Build(scenario, FigureId.CPU_MS).id() : null;
        if (figure == null || table == null) return mine;
        for (Comparison c : table) {
            if (!c.figure().equals(figure) || !Comparison.TIMED.equals(c.basis())) continue;
            if (c.profile().equals(mine.profile()) && c.reference().equals(mine.reference())) return c;
            if (c.profile().equals(mine.reference()) && c.reference().equals(mine.profile())) return c.reversed();
        }
        return mine;
    }

    /** Every measured profile's two costs on these items; a profile missing one of them is barred, with why. */
    private static List<Point> points(List<ProfileResult> profiles, List<Workload.Item> items, String sc, List<Decision.Barred> barred) {
        List<Point> pts = new ArrayList<>();
        for (ProfileResult p : profiles) {
            if (!p.status().measured() || p.kernels() == null || items.isEmpty()) continue;
            Summary b = buildCost(p, sc);
            List<String> missing = new ArrayList<>();
            List<Summary> runs = new ArrayList<>();
            for (Workload.Item i : items) {
                Summary s = item(p, i);
                if (s == null) {
                    KernelTiming k = timing(p, i);
                    missing.add(i.describe() + (k == null || k.reason() == null ? " not measured" : " failed: " + firstLine(k.reason())));
                }
                runs.add(s);
            }
            if (!missing.isEmpty()) {
                barred.add(new Decision.Barred(p.name(), String.join("; ", missing)));
            } else if (b != null) {
                pts.add(new Point(p.name(), b, mix(runs, items)));
            }
        }
        return pts;
    }

    /**
     * Before any build is timed: the profiles whose workload run time alone makes them significantly costlier per build
     * than {@code leader}, whatever their own build costs (a build costs at least nothing). The difference in cost per
     * build is at least the calls times the run-time difference minus the leader's build cost; its interval's lower end
     * uses the upper end of the leader's build interval, and the run difference, fork by fork, is bounded at the race's
     * corrected confidence (see {@link #raceLevel}). It must lie beyond the decision's margin. What a race skips the
     * builds of, as its cost model allows, naming why.
     *
     * @param items       the workload's items measured in the profiles
     * @param leaderBuild the leader's build cost, timed
     */
    public static List<Decision.Undecided> slowerOnRunAlone(List<ProfileResult> profiles, List<Workload.Item> items, String leader,
                                                          Summary leaderBuild, Thresholds t, int looks) {
        Map<String, Summary> runs = runCosts(profiles, items);
        Summary best = runs.get(leader);
        if (best == null || leaderBuild == null) return List.of();
        double k = items.stream().mapToDouble(Workload.Item::calls).sum() * 1e-6;
        double margin = t.compile() * leaderBuild.median() + k * t.runtime() * best.median();
        Point lead = new Point(leader, leaderBuild, best);
        List<Decision.Undecided> out = new ArrayList<>();
        double level = raceLevel(runs.size() - 1, looks);
        runs.forEach((name, run) -> {
            if (name.equals(leader)) return;
            Shift r = PairedShift.of(Statistics.units(run), Statistics.units(best), level);
            if (r.low() == null) return;
            double low = k * r.low() - leaderBuild.ciHigh();
            double estimate = k * r.estimate() - leaderBuild.median();
            if (low > margin) {
                out.add(new Decision.Undecided(name, leader, null, run(new Point(name, leaderBuild, run), lead, t), estimate, low,
                        r.high() == null ? null : k * r.high(), margin, 0));
            }
        });
        return out;
    }

    /** The workload's items that some profile measured: what its costs can be weighed on. */
    public static List<Workload.Item> measuredItems(List<ProfileResult> profiles, Workload workload) {
        return workload.items().stream().filter(i -> profiles.stream().anyMatch(p -> p.status().measured() && item(p, i) != null))
                .toList();
    }

    /** The profile whose workload runs fastest (the lowest median run cost per call of the mix), or null. */
    public static String fastestRun(List<ProfileResult> profiles, List<Workload.Item> items) {
        return runCosts(profiles, items).entrySet().stream().min(Comparator.comparingDouble(e -> e.getValue().median()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** Each measured profile's run cost per call of the workload's mix, where it measured every item. */
    private static Map<String, Summary> runCosts(List<ProfileResult> profiles, List<Workload.Item> items) {
        Map<String, Summary> runs = new java.util.LinkedHashMap<>();
        for (ProfileResult p : profiles) {
            if (!p.status().measured() || p.kernels() == null || items.isEmpty()) continue;
            List<Summary> ss = new ArrayList<>();
            for (Workload.Item i : items) ss.add(item(p, i));
            if (ss.stream().allMatch(java.util.Objects::nonNull)) runs.put(p.name(), mix(ss, items));
        }
        return runs;
    }

    /**
     * The profiles of a decision that are significantly costlier per build than its best one, beyond the margin: what a
     * race drops. A race compares the whole field with a leader picked from the same runs, round after round, so each
     * comparison is bounded at a stricter confidence (see {@link #raceLevel}), on runs paired round by round and fork by
     * fork. Each with its comparisons against the best and the difference in cost.
     *
     * @param looks the most judgements the race can make
     */
    public static List<Decision.Undecided> costlier(List<ProfileResult> profiles, Decision d, Thresholds t, int looks) {
        if (d == null || d.points() == null || d.points().isEmpty() || d.workload() == null) return List.of();
        List<Workload.Item> items = d.workload().items().stream()
                .filter(i -> profiles.stream().anyMatch(p -> p.status().measured() && item(p, i) != null)).toList();
        List<Point> all = points(profiles, items, d.scenario(), new ArrayList<>());
        IdenticalBuilds same = IdenticalBuilds.of(profiles, d.reference());
        List<Point> pts = same.judgedAsOne(all);
        double calls = items.stream().mapToDouble(Workload.Item::calls).sum();
        Point best = pts.stream().min(Comparator.comparingDouble(p -> p.totalMs(calls))).orElse(null);
        double level = raceLevel(pts.size() - 1, looks);
        List<Decision.Undecided> out = new ArrayList<>();
        for (Point q : pts) {
            if (q == best) continue;
            TotalCost x = TotalCost.paired(q, best, calls, t, level, same.between(q.profile(), best.profile()));
            if (!x.costlier()) continue;
            out.add(new Decision.Undecided(q.profile(), best.profile(), build(q, best, t), run(q, best, t), x.estimate(), x.low(),
                    x.high(), x.margin(), 0));
            // Its group of the same build leaves with it.
            for (String twin : same.buildsLike(q.profile())) {
                out.add(new Decision.Undecided(twin, best.profile(), build(q, best, t), run(q, best, t), x.estimate(), x.low(),
                        x.high(), x.margin(), 0));
            }
        }
        return out;
    }

    /**
     * The confidence of each of a total's two intervals when a race judges {@code rivals} profiles against its leader, at
     * most {@code looks} times: 5% shared out over the rivals (Bonferroni: the best profile is wrongly dropped only if its
     * comparison with whichever profile leads goes wrong), over the looks alike, and over the two intervals, so that the
     * whole race drops the best profile with at most 5% probability.
     */
    public static double raceLevel(int rivals, int looks) {
        return 1 - (1 - Statistics.LEVEL) / (2.0 * Math.max(1, rivals) * Math.max(1, looks));
    }

    /** One kernel's points at its largest size (for a chart of that kernel alone; no judgement is made). */
    public static List<Decision.Point> kernelPoints(List<ProfileResult> profiles, String kernel, String scenario) {
        String sc = scenario(profiles, scenario);
        Workload.Item i = Workloads.defaultFor(profiles, 1).items().stream().filter(x -> x.kernel().equals(kernel)).findFirst()
                .orElse(null);
        List<Decision.Point> out = new ArrayList<>();
        if (i == null) return out;
        for (ProfileResult p : profiles) {
            Summary b = p.status().measured() ? buildCost(p, sc) : null;
            Summary run = p.status().measured() ? item(p, i) : null;
            if (b != null && run != null) out.add(new Decision.Point(p.name(), Decision.Estimate.of(b), Decision.Estimate.of(run)));
        }
        return out;
    }

    /** The decision of a report for another number of calls per build: the same rule on the same runs. */
    public static Decision rejudge(List<ProfileResult> profiles, Decision d, double calls, Thresholds t, List<Comparison> table) {
        return decide(profiles, d.workload().scaledTo(calls), d.scenario(), d.reference(), t, table);
    }

    private static Decision withReason(Decision d) {
        return new Decision(d.workload(), d.excluded(), d.expectedCalls(), d.scenario(), d.reference(), d.recommended(), d.state(),
                d.bound(), d.equivalent(), d.undecided(), d.barred(), d.points(), d.front(), d.breakEvens(), d.byKernel(), d.runnerUp(),
                DecisionText.reason(d), d.primalCost());
    }

    /**
     * What an #[autodiff] profile costs the primal: each kernel of the workload (once per kernel and size) against the
     * fastest primal among the profiles built without Enzyme. Null where the profile is no autodiff build, or there is
     * nothing to compare with.
     */
    private static List<Comparison> primalCost(List<ProfileResult> profiles, List<Workload.Item> items, String chosen, Thresholds t) {
        ProfileResult c = find(profiles, chosen);
        if (!c.profile().isAutodiff()) return null;
        List<Comparison> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Workload.Item i : items) {
            if (!seen.add(i.kernel() + "@" + i.n())) continue;
            Workload.Item primal = new Workload.Item(i.kernel(), i.n(), Workload.PRIMAL, i.calls());
            Summary mine = item(c, primal);
            if (mine == null) continue;
            ProfileResult fastest = null;
            Summary best = null;
            for (ProfileResult p : profiles) {
                if (!p.status().measured() || p.profile().isAutodiff()) continue;
                Summary s = item(p, primal);
                if (s != null && (best == null || s.median() < best.median())) {
                    best = s;
                    fastest = p;
                }
            }
            if (fastest != null) {
                out.add(Judge.of(new FigureId.Kernel(i.kernel(), i.n(), FigureId.PRIMAL_NS).id(), c.name(), mine, fastest.name(), best,
                        t.runtime()));
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static List<Decision.ItemShare> byKernel(List<ProfileResult> profiles, List<Workload.Item> items, Point chosen,
                                                     Point runnerUp, Thresholds t) {
        ProfileResult c = find(profiles, chosen.profile());
        ProfileResult r = runnerUp == null ? null : find(profiles, runnerUp.profile());
        double total = 0;
        Map<Workload.Item, Double> cost = new LinkedHashMap<>();
        for (Workload.Item i : items) {
            double v = i.calls() * item(c, i).median();
            cost.put(i, v);
            total += v;
        }
        List<Decision.ItemShare> out = new ArrayList<>();
        for (Workload.Item i : items) {
            Summary mine = item(c, i);
            Summary theirs = r == null ? null : item(r, i);
            out.add(new Decision.ItemShare(i, mine.median(), total > 0 ? cost.get(i) / total : null, theirs == null ? null
                    : Judge.of(i.figure(), chosen.profile(), mine, runnerUp.profile(), theirs, t.runtime())));
        }
        return out;
    }

    private static ProfileResult find(List<ProfileResult> profiles, String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
