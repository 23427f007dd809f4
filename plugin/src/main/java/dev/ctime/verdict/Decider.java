package dev.ctime.verdict;

import dev.ctime.model.Status;
import dev.ctime.kernel.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.stats.Shift;
import dev.ctime.stats.Statistics;
import dev.ctime.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one rule behind the Pareto front, the break-evens and the recommendation, used by the
 * report, the console and the page alike. Every step compares runs, never bare medians:
 * a profile dominates another only when it is significantly better on one axis and not
 * significantly worse on the other; a slower-to-build profile is recommended only when the
 * expected calls lie beyond its break-even interval; among run times that cannot be told apart
 * the cheaper build wins.
 */
public final class Decider {
    /** Which scenario's build CPU time against which kernel, size and function. */
    public record Subject(String scenario, String kernel, int n, String function) {
        public String describe() {
            return kernel + " " + function + " at n = " + n + " against " + scenario + " build CPU time";
        }
    }

    /** One profile's two costs, with the runs behind them. */
    public record Point(String profile, Summary build, Summary run) {
        public double compileMs() {
            return build.median();
        }

        public double runNs() {
            return run.median();
        }
    }

    private Decider() {
    }

    /** The requested kernel (or the first), its largest size, its gradient where it has one. */
    public static Subject subject(List<ProfileResult> profiles, String scenario, String kernel) {
        String sc = scenario;
        String k = kernel;
        int n = -1;
        boolean gradient = false;
        for (ProfileResult p : profiles) {
            if (sc == null && p.compile() != null && !p.compile().isEmpty()) sc = p.compile().keySet().iterator().next();
            if (p.kernels() == null) continue;
            for (KernelTiming t : p.kernels()) {
                if (k == null) k = t.name();
                if (t.name().equals(k) && t.primalNs() != null) {
                    n = Math.max(n, t.n());
                    gradient |= t.gradientNs() != null;
                }
            }
        }
        return new Subject(sc == null ? "full" : sc, k, n, gradient ? "gradient" : "primal");
    }

    /** Profiles that passed every check and have both costs measured: a failed profile is never ranked. */
    public static List<Point> points(List<ProfileResult> profiles, Subject s) {
        List<Point> out = new ArrayList<>();
        for (ProfileResult p : profiles) {
            if (p.status() != Status.OK || p.compile() == null || p.kernels() == null) continue;
            ScenarioFigures f = p.compile().get(s.scenario());
            KernelTiming t = p.kernels().stream().filter(k -> k.name().equals(s.kernel()) && k.n() == s.n()).findFirst().orElse(null);
            if (f == null || t == null || t.status() != Status.OK) continue;
            Summary run = s.function().equals("gradient") ? t.gradientNs() : t.primalNs();
            if (run == null) continue;
            // A PGO or BOLT profile pays its pipeline (instrumented build, training, merge, rewrite) with every build it ships.
            out.add(new Point(p.name(), p.pipeline() == null ? f.cpuMs() : f.cpuMs().plus(p.pipeline().cpuMs()), run));
        }
        out.sort(Comparator.comparingDouble(Point::compileMs).thenComparingDouble(Point::runNs));
        return out;
    }

    static Comparison run(Point a, Point b, Thresholds t) {
        return Comparison.of("run", a.profile(), a.run(), b.profile(), b.run(), t.runtime());
    }

    static Comparison build(Point a, Point b, Thresholds t) {
        return Comparison.of("build", a.profile(), a.build(), b.profile(), b.build(), t.compile());
    }

    /** Whether a is significantly better than b on one cost and not significantly worse on the other. */
    public static boolean dominates(Point a, Point b, Thresholds t) {
        String r = run(a, b, t).verdict();
        String c = build(a, b, t).verdict();
        return (r.equals(Comparison.BETTER) && !c.equals(Comparison.WORSE)) || (c.equals(Comparison.BETTER) && !r.equals(Comparison.WORSE));
    }

    /** Points no other point dominates, by increasing build cost. */
    public static List<Point> front(List<Point> points, Thresholds t) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            if (points.stream().noneMatch(q -> q != p && dominates(q, p, t))) out.add(p);
        }
        return out;
    }

    /** Break-even of {@code fast} against {@code cheap}: extra build time over run time saved per call. */
    public static BreakEven breakEven(Point cheap, Point fast, Thresholds t) {
        Comparison r = run(fast, cheap, t);
        if (!r.verdict().equals(Comparison.BETTER)) {
            return new BreakEven(cheap.profile(), fast.profile(), null, null, null, "no significant run-time difference");
        }
        Shift extraBuild = Shift.of(Statistics.units(fast.build()), Statistics.units(cheap.build()));
        Shift saved = Shift.of(Statistics.units(cheap.run()), Statistics.units(fast.run()));
        double calls = Math.max(0, extraBuild.estimate()) * 1e6 / saved.estimate();
        double low = extraBuild.low() == null ? 0 : Math.max(0, extraBuild.low()) * 1e6 / (saved.high() == null
                ? Double.POSITIVE_INFINITY : saved.high());
        Double high = extraBuild.high() == null || saved.low() == null || saved.low() <= 0 ? null
                : Math.max(0, extraBuild.high()) * 1e6 / saved.low();
        String note = high != null && high == 0 ? "at least as cheap to build and faster to run: pays off at once" : null;
        return new BreakEven(cheap.profile(), fast.profile(), calls, low, high, note);
    }

    public static List<BreakEven> breakEvens(List<Point> front, Thresholds t) {
        List<BreakEven> out = new ArrayList<>();
        for (int i = 0; i + 1 < front.size(); i++) out.add(breakEven(front.get(i), front.get(i + 1), t));
        return out;
    }

    /** The decision for {@code calls} calls per build; null where no profile has both costs measured. */
    public static Decision decide(List<ProfileResult> profiles, Subject s, double calls, String reference, Thresholds t) {
        List<Point> pts = points(profiles, s);
        if (pts.isEmpty()) return null;
        List<Point> front = front(pts, t);
        // Walk from the cheapest build towards costlier ones; switch only when the faster run pays off for sure.
        Point rec = pts.get(0);
        List<String> contenders = new ArrayList<>();
        for (Point q : pts.subList(1, pts.size())) {
            if (!run(q, rec, t).verdict().equals(Comparison.BETTER)) continue;
            BreakEven be = breakEven(rec, q, t);
            if (be.ciHigh() != null && calls > be.ciHigh()) {
                rec = q;
                contenders.clear();
            } else if (be.calls() != null && (be.ciHigh() == null || calls > be.ciLow())) {
                contenders.add(q.profile());
            }
        }
        final Point chosen = rec;
        contenders.removeIf(c -> !run(pts.stream().filter(p -> p.profile().equals(c)).findFirst().orElseThrow(), chosen, t)
                .verdict().equals(Comparison.BETTER));
        List<String> ties = pts.stream().filter(p -> p != chosen && run(p, chosen, t).verdict().equals(Comparison.INDISTINGUISHABLE))
                .map(Point::profile).toList();
        Point base = pts.stream().filter(p -> p.profile().equals(reference)).findFirst().orElse(pts.get(0));
        String reason = reason(s, calls, chosen, base, ties, contenders, pts, t);
        return new Decision(s.kernel(), s.n(), s.function(), s.scenario(), calls, base.profile(), chosen.profile(), ties,
                front.stream().map(Point::profile).toList(), contenders, breakEvens(front, t), reason);
    }

    private static String reason(Subject s, double calls, Point rec, Point base, List<String> ties, List<String> contenders,
                                 List<Point> pts, Thresholds t) {
        String what = s.kernel() + "'s " + s.function() + " (n = " + s.n() + ")";
        StringBuilder sb = new StringBuilder();
        if (rec != base) {
            Comparison faster = run(base, rec, t);
            sb.append(rec.profile()).append(" runs ").append(what).append(' ').append(faster.describe()).append(' ')
                    .append(faster.verdict().equals(Comparison.WORSE) ? "faster than " : "as fast as ").append(base.profile());
            sb.append(buildDelta(rec, base, t));
            BreakEven be = breakEven(base, rec, t);
            if (be.calls() != null) sb.append("; break-even after ").append(calls(be.calls())).append(" calls (")
                    .append(calls(be.ciLow())).append('–').append(be.ciHigh() == null ? "unbounded" : calls(be.ciHigh())).append(')');
            sb.append(", below the expected ").append(calls(calls));
        } else {
            sb.append(rec.profile()).append(": the cheapest build among the profiles that run ").append(what)
                    .append(" as fast, for ").append(calls(calls)).append(" calls per build");
            List<String> faster = pts.stream().filter(p -> p != rec && run(p, rec, t).verdict().equals(Comparison.BETTER))
                    .map(p -> p.profile() + " " + run(rec, p, t).describe() + " faster").toList();
            if (faster.isEmpty()) sb.append("; no profile runs it significantly faster (by at least ")
                    .append(pct(t.runtime())).append(')');
            else sb.append("; faster but not paying off at this many calls: ").append(String.join(", ", faster));
        }
        if (!contenders.isEmpty()) {
            sb.append(". May pay off (the expected calls lie inside their break-even interval): ").append(String.join(", ", contenders));
        }
        if (!ties.isEmpty()) {
            sb.append(". Indistinguishable on run time (within ").append(pct(t.runtime())).append(" or not significant): ")
                    .append(String.join(", ", ties)).append("; the cheaper build wins");
        }
        return sb.append('.').toString();
    }

    private static String buildDelta(Point rec, Point base, Thresholds t) {
        Shift d = Shift.of(Statistics.units(rec.build()), Statistics.units(base.build()));
        Comparison c = build(rec, base, t);
        if (c.verdict().equals(Comparison.INDISTINGUISHABLE)) return " at a build CPU cost that cannot be told apart";
        return " and costs " + ms(Math.abs(d.estimate())) + (d.estimate() >= 0 ? " more" : " less") + " build CPU ("
                + (d.low() == null ? "?" : ms(d.low())) + " to " + (d.high() == null ? "?" : ms(d.high())) + ")";
    }

    static String calls(double v) {
        if (Double.isInfinite(v) || Double.isNaN(v)) return "never";
        return v >= 1e9 ? String.format(Locale.ROOT, "%.2f billion", v / 1e9) : v >= 1e6
                ? String.format(Locale.ROOT, "%.2f million", v / 1e6) : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String ms(double v) {
        return dev.ctime.render.Units.ms(v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }
}
