package dev.ctime.site;

import dev.ctime.kernel.KernelTiming;
import dev.ctime.report.ProfileResult;
import dev.ctime.report.Report;
import dev.ctime.report.ScenarioFigures;
import dev.ctime.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The trade-off between what a profile costs to build and what its kernel costs to run: the
 * points, the Pareto front, the break-even number of calls between neighbours on the front, and
 * the profile to use for an expected number of calls. Only profiles whose status is ok count:
 * a failed profile (a wrong gradient among them) is never ranked.
 */
public final class TradeOff {
    /** One profile's cost pair. @param compileMs build CPU time; @param runNs ns per call of the chosen kernel */
    public record Point(String profile, double compileMs, double runNs) {
    }

    /** Between two neighbours on the front: calls after which the slower-to-build one pays for itself. */
    public record BreakEven(String cheaperBuild, String fasterRun, double calls) {
    }

    /** The chart's subject: which scenario's build time against which kernel, size and function. */
    public record Subject(String scenario, String kernel, int n, String function) {
        public String describe() {
            return kernel + " " + function + " at n = " + n + " against " + scenario + " build CPU time";
        }
    }

    private TradeOff() {
    }

    /** Picks the chart's subject: the requested kernel (or the first), its largest size, its gradient where it has one. */
    public static Subject subject(Report r, String scenario, String kernel) {
        String sc = scenario;
        String k = kernel;
        int n = -1;
        boolean gradient = false;
        for (ProfileResult p : r.profiles()) {
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

    public static List<Point> points(Report r, Subject s) {
        List<Point> out = new ArrayList<>();
        for (ProfileResult p : r.profiles()) {
            if (!"ok".equals(p.status()) || p.compile() == null || p.kernels() == null) continue;
            ScenarioFigures f = p.compile().get(s.scenario());
            KernelTiming t = p.kernels().stream().filter(k -> k.name().equals(s.kernel()) && k.n() == s.n()).findFirst().orElse(null);
            if (f == null || t == null) continue;
            Summary run = s.function().equals("gradient") ? t.gradientNs() : t.primalNs();
            if (run == null) continue;
            out.add(new Point(p.name(), f.cpuMs().median(), run.median()));
        }
        return out;
    }

    /** Points no other point beats on both costs, by increasing build time. */
    public static List<Point> front(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::compileMs).thenComparingDouble(Point::runNs));
        List<Point> front = new ArrayList<>();
        double bestRun = Double.POSITIVE_INFINITY;
        for (Point p : sorted) {
            if (p.runNs() < bestRun) {
                front.add(p);
                bestRun = p.runNs();
            }
        }
        return front;
    }

    public static List<BreakEven> breakEvens(List<Point> front) {
        List<BreakEven> out = new ArrayList<>();
        for (int i = 0; i + 1 < front.size(); i++) {
            Point a = front.get(i);
            Point b = front.get(i + 1);
            out.add(new BreakEven(a.profile(), b.profile(), (b.compileMs() - a.compileMs()) * 1e6 / (a.runNs() - b.runNs())));
        }
        return out;
    }

    /** The front's profile with the least build plus run time for {@code calls} calls per build. */
    public static Point recommend(List<Point> front, double calls) {
        return front.stream().min(Comparator.comparingDouble(p -> p.compileMs() * 1e6 + calls * p.runNs())).orElse(null);
    }

    /**
     * What to paste: the Cargo profile keys the ctime profile set on top of the one it inherits,
     * and its rustflags and toolchain, as cargo-wizard would hand them over.
     */
    public static String cargoSnippet(ProfileResult p) {
        Map<String, Object> s = p.settings();
        String inherits = String.valueOf(s.getOrDefault("inherits", "release"));
        StringBuilder sb = new StringBuilder("# Cargo.toml\n[profile.").append(inherits).append("]\n");
        int keys = 0;
        if (s.containsKey("optLevel")) {
            String o = String.valueOf(s.get("optLevel"));
            sb.append("opt-level = ").append(o.matches("\\d") ? o : "\"" + o + "\"").append('\n');
            keys++;
        }
        boolean autodiff = s.containsKey("autodiff");
        Object lto = autodiff ? "fat" : s.get("lto");
        if (lto != null) {
            sb.append("lto = ").append("thin-local".equals(lto) ? "false" : "\"" + lto + "\"").append('\n');
            keys++;
        }
        if (s.containsKey("codegenUnits")) {
            sb.append("codegen-units = ").append(s.get("codegenUnits")).append('\n');
            keys++;
        }
        if (s.containsKey("debug")) {
            Object d = s.get("debug");
            sb.append("debug = \"").append("line-tables".equals(d) ? "line-tables-only" : d).append("\"\n");
            keys++;
        }
        if (s.containsKey("panic")) {
            sb.append("panic = \"").append(s.get("panic")).append("\"\n");
            keys++;
        }
        if (s.containsKey("incremental")) {
            sb.append("incremental = ").append(s.get("incremental")).append('\n');
            keys++;
        }
        if (keys == 0) sb.append("# nothing to change: your ").append(inherits).append(" profile as it is\n");
        Object flags = p.applied() == null ? null : p.applied().get("rustflagsAdded");
        if (flags instanceof List<?> l && !l.isEmpty()) {
            sb.append("\n# .cargo/config.toml\n[build]\nrustflags = [");
            for (int i = 0; i < l.size(); i++) sb.append(i == 0 ? "" : ", ").append('"').append(l.get(i)).append('"');
            sb.append("]\n");
        }
        if (s.containsKey("toolchain")) {
            sb.append("\n# rust-toolchain.toml\n[toolchain]\nchannel = \"").append(s.get("toolchain")).append("\"\n");
        }
        Object features = p.applied() == null ? null : p.applied().get("features");
        if (features instanceof List<?> l && !l.isEmpty()) {
            List<String> f = l.stream().map(String::valueOf).toList();
            sb.append("\n# build with: cargo build --profile ").append(inherits).append(" --features ")
                    .append(String.join(",", f)).append('\n');
        }
        return sb.toString();
    }
}
