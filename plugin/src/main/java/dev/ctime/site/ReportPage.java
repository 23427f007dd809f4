package dev.ctime.site;

import dev.ctime.gate.HistoryLog;
import dev.ctime.kernel.GradientCheck;
import dev.ctime.autodiff.AutodiffBreakdown;
import dev.ctime.kernel.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.stats.Summary;
import dev.ctime.verdict.BreakEven;
import dev.ctime.verdict.Comparison;
import dev.ctime.verdict.Decider;
import dev.ctime.verdict.Decision;
import dev.ctime.verdict.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The trade-off page: the recommendation first, then the charts (Pareto front, phases, cost
 * against size, history), then every table. Written once, for the site and the standalone file.
 */
public final class ReportPage {
    static final List<String> PHASES = List.of("frontend", "codegen", "llvm", "lto", "autodiff", "link");

    /** @param expectedCalls kernel calls expected per build, for the recommendation */
    public record Options(String scenario, String kernel, double expectedCalls) {
    }

    private ReportPage() {
    }

    /** The thresholds the run was judged with, as recorded in its settings; the defaults for older reports. */
    static Thresholds thresholds(Report r) {
        return r.settings() == null || r.settings().thresholds() == null ? Thresholds.DEFAULT : r.settings().thresholds();
    }

    public static void write(PageWriter w, Report r, List<HistoryLog.Run> history, Options o) {
        String crate = r.crate() == null ? "crate" : r.crate().packageName();
        w.title("ctime: build profiles of " + crate);
        w.paragraph("Measured " + when(r.createdAt()) + (r.label() == null ? "" : " (" + r.label() + ")")
                + (r.toolchain() == null ? "" : " with " + r.toolchain().rustcVersion() + ", LLVM " + r.toolchain().llvmVersion())
                + (r.machine() == null ? "." : ", on " + r.machine().cpus() + " CPUs (" + r.machine().cpuModel()
                + "). Hardware counters: " + r.machine().hardwareCounters() + "."));

        Decider.Subject subject = Decider.subject(r.profiles(), o.scenario(), o.kernel());
        Thresholds th = thresholds(r);
        List<Decider.Point> points = Decider.points(r.profiles(), subject);
        List<Decider.Point> front = Decider.front(points, th);
        Decision d = subject.kernel() == null ? null
                : Decider.decide(r.profiles(), subject, o.expectedCalls(), r.reference(), th);

        w.section("Recommendation");
        if (d == null) {
            w.paragraph("No profile passed every check with " + subject.describe() + " measured, so none is recommended.");
        } else {
            w.paragraph(String.format(Locale.ROOT, "For %s calls of %s per build, use profile %s. %s", count(o.expectedCalls()),
                    subject.kernel() + " (" + subject.function() + ", n = " + subject.n() + ")", d.recommended(), d.reason()));
            ProfileResult p = r.profiles().stream().filter(x -> x.name().equals(d.recommended())).findFirst().orElseThrow();
            w.code(TradeOff.cargoSnippet(p));
        }
        if (r.interrupted() != null) w.paragraph("This run was " + r.interrupted() + ": profiles it had not finished are marked"
                + " incomplete.");
        if (r.warnings() != null && !r.warnings().isEmpty()) {
            w.paragraph("How far to trust these figures: " + String.join("; ", r.warnings()) + ".");
        }
        w.endSection();

        w.section("Compile time against run time");
        w.paragraph("Each dot is a profile that passed every check, with its 95% interval as whiskers on both axes; the dashed"
                + " line joins the Pareto front (no other profile is significantly better on one axis without being significantly"
                + " worse on the other). Hollow dots run as fast as the recommended profile: the difference is below "
                + String.format(Locale.ROOT, "%.0f%%", 100 * th.runtime()) + " or not significant. " + capitalize(subject.describe()) + "."
                + (r.profiles().stream().anyMatch(p -> p.pipeline() != null) ? " The build cost of a PGO or BOLT profile includes its"
                + " training pipeline, which every build that ships it pays again." : ""));
        w.raw(Svg.pareto("Pareto front: " + subject.describe(), points, front, d == null ? null : d.recommended(),
                d == null ? List.of() : d.indistinguishable(), "build CPU time (ms)", "ns per call"));
        List<List<String>> be = new ArrayList<>();
        for (BreakEven b : Decider.breakEvens(front, th)) {
            be.add(List.of(b.cheaperBuild(), b.fasterRun(), b.calls() == null ? b.note() : count(b.calls()),
                    b.calls() == null ? "" : count(b.ciLow()) + " to " + (b.ciHigh() == null ? "unbounded" : count(b.ciHigh()))));
        }
        if (!be.isEmpty()) {
            w.paragraph("Break-even: after this many calls per build, the slower-to-build neighbour on the front pays for itself.");
            w.table("break-even", List.of("cheaper to build", "faster to run", "break-even calls", "95% interval"), be);
        }
        w.endSection();

        if (r.comparisons() != null && !r.comparisons().isEmpty()) {
            w.section("Against " + r.reference());
            w.paragraph("The figures of each profile that differ from " + r.reference() + "'s, as ratios (below 1 is better)"
                    + " with their 95% intervals: a difference counts only when it is significant and at least the practical"
                    + " threshold. Every other figure cannot be told apart; all " + r.comparisons().size() + " comparisons are in"
                    + " report.json.");
            List<List<String>> rows = new ArrayList<>();
            java.util.Set<String> differing = new java.util.LinkedHashSet<>();
            java.util.Set<String> compared = new java.util.LinkedHashSet<>();
            for (Comparison c : r.comparisons()) {
                compared.add(c.profile());
                if (!c.significant()) continue;
                differing.add(c.profile());
                rows.add(List.of(c.profile(), dev.ctime.render.ConsoleTable.figureName(c.figure()), c.describe(), c.verdict(),
                        Integer.toString(c.runs()) + " / " + c.referenceRuns()));
            }
            compared.removeAll(differing);
            if (!compared.isEmpty()) {
                w.paragraph("Indistinguishable from " + r.reference() + " on every figure: " + String.join(", ", compared) + ".");
            }
            if (!rows.isEmpty()) w.table("comparisons", List.of("profile", "figure", "ratio (95% interval)", "verdict", "runs"), rows);
            w.endSection();
        }

        autodiff(w, r.autodiff());
        training(w, r.training());
        shards(w, r);

        Map<String, Map<String, Double>> phases = new LinkedHashMap<>();
        for (ProfileResult p : r.profiles()) {
            if (p.analysis() != null && p.analysis().hasPhases()) phases.put(p.name(), p.analysis().phases());
        }
        w.section("Where the build time goes");
        if (phases.isEmpty()) {
            w.paragraph("No phase split was measured: -Ztime-passes needs a nightly toolchain.");
        } else {
            List<String> present = PHASES.stream().filter(k -> phases.values().stream().anyMatch(m -> m.getOrDefault(k, 0.0) > 0))
                    .toList();
            w.raw(Svg.phases("Leaf crate phases per profile", phases, present));
            w.paragraph("The phases come from one extra, untimed build with -Ztime-passes. Passes that run in parallel (LLVM's"
                    + " work on each codegen unit) are added up, so the phases of a profile can exceed its measured build time.");
        }
        List<List<String>> produced = new ArrayList<>();
        for (ProfileResult p : r.profiles()) {
            if (p.analysis() == null || (p.analysis().codegenUnitsUsed() == null && p.analysis().llvmLines() == null)) continue;
            var a = p.analysis();
            String top = a.llvmLines() == null ? "" : String.join("; ", a.llvmLines().stream().limit(3)
                    .map(e -> e.function() + " (" + e.lines() + " lines" + (e.copies() > 1 ? ", " + e.copies() + " copies" : "") + ")")
                    .toList());
            produced.add(List.of(p.name(), a.codegenUnitsUsed() == null ? "" : Integer.toString(a.codegenUnitsUsed()), top,
                    a.llvmLinesScope() == null ? "" : a.llvmLinesScope()));
        }
        if (!produced.isEmpty()) {
            w.paragraph("What each profile made the compiler produce: the codegen units rustc really partitioned the crate into,"
                    + " and the functions that produce the most LLVM IR (as cargo-llvm-lines counts them), the usual suspects for"
                    + " build time.");
            w.table("produced", List.of("profile", "codegen units used", "most LLVM IR", "counted over"), produced);
        }
        w.endSection();

        w.section("Cost against input size");
        Map<String, List<double[]>> perElement = new LinkedHashMap<>();
        for (ProfileResult p : r.profiles()) {
            if (p.kernels() == null) continue;
            List<double[]> pts = p.kernels().stream().filter(k -> k.name().equals(subject.kernel()) && k.primalNs() != null)
                    .map(k -> new double[] {k.n(), (subject.function().equals("gradient") && k.gradientNs() != null
                            ? k.gradientNs() : k.primalNs()).median() / k.n()})
                    .sorted((a, b) -> Double.compare(a[0], b[0])).toList();
            if (!pts.isEmpty()) perElement.put(p.name(), pts);
        }
        w.raw(Svg.lines(subject.kernel() + " " + subject.function() + ": ns per element against n", perElement, "n",
                "ns per element", true));
        w.endSection();

        w.section("History");
        String buildFigure = "compile." + subject.scenario() + ".cpuMs";
        String runFigure = "kernel:" + subject.kernel() + ":" + subject.n() + ":" + (subject.function().equals("gradient")
                ? "gradientNs" : "primalNs");
        Map<String, List<double[]>> trend = trend(history, buildFigure);
        Map<String, List<double[]>> runTrend = trend(history, runFigure);
        if (history.size() < 2) {
            w.paragraph("One run so far: the trends appear from the second run on (history file: one line per run).");
        } else {
            w.paragraph("Each point is a run at the time it was measured, with its 95% interval as a whisker (runs recorded by an"
                    + " older ctime have no interval).");
            w.raw(Svg.lines("Build CPU time (" + subject.scenario() + ") across runs", trend, "time of the run", "ms", false, true));
            w.raw(Svg.lines(subject.kernel() + " " + subject.function() + " at n = " + subject.n() + " across runs", runTrend,
                    "time of the run", "ns per call", false, true));
        }
        List<List<String>> runs = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            HistoryLog.Run h = history.get(i);
            runs.add(List.of(Integer.toString(i + 1), when(h.createdAt()), h.label() == null ? "" : h.label(),
                    Integer.toString(h.profiles().size())));
        }
        w.table("history", List.of("run", "when", "label", "profiles"), runs);
        w.endSection();

        writeTables(w, r);
        w.endSection();
    }

    private static void writeTables(PageWriter w, Report r) {
        w.section("Profiles");
        List<List<String>> rows = new ArrayList<>();
        for (ProfileResult p : r.profiles()) {
            String settings = p.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            rows.add(List.of(p.name(), p.status().id(), p.toolchain() == null ? "" : p.toolchain(), settings,
                    p.artifactBytes() == null ? "" : String.format(Locale.ROOT, "%.0f KiB", p.artifactBytes() / 1024.0),
                    p.reason() == null ? "" : p.reason()));
        }
        w.table("profiles", List.of("profile", "status", "toolchain", "settings", "artifact", "reason"), rows);
        w.endSection();

        w.section("Compile time");
        List<List<String>> compile = new ArrayList<>();
        for (ProfileResult p : r.profiles()) {
            if (p.compile() == null) continue;
            for (Map.Entry<String, ScenarioFigures> e : new TreeMap<>(p.compile()).entrySet()) {
                ScenarioFigures f = e.getValue();
                compile.add(List.of(p.name(), e.getKey(), spread(f.cpuMs(), "ms"), spread(f.wallMs(), "ms"),
                        spread(f.maxRssKb(), "kB"), f.instructions() == null ? "n/a" : spread(f.instructions(), ""),
                        f.cpuMs().runs() + (f.cpuMs().capped() ? " (capped)" : "")
                                + (f.cpuMs().interference() > 0 ? ", " + f.cpuMs().interference() + " disturbed" : "")));
            }
        }
        w.paragraph("The leaf crate's rustc (dependencies built beforehand): median and its interval, the interval's level,"
                + " runs; noisy where the interval is wider than 10% of the median, disturbed where another process used the"
                + " CPUs during a build.");
        w.table("compile", List.of("profile", "scenario", "CPU", "wall", "peak RSS", "instructions", "runs"), compile);
        w.endSection();

        w.section("Kernel timings");
        List<List<String>> ks = new ArrayList<>();
        for (ProfileResult p : r.profiles()) {
            if (p.kernels() == null) continue;
            for (KernelTiming k : p.kernels()) {
                ks.add(List.of(p.name(), k.name(), Integer.toString(k.n()), ci(k.primalNs()), ci(k.gradientNs()),
                        instructions(k.primalInstructions(), k.gradientInstructions()),
                        k.gradientToPrimal() == null ? "" : String.format(Locale.ROOT, "%.2f", k.gradientToPrimal()),
                        check(k.gradientCheck()), k.reason() == null ? "" : k.reason()));
            }
        }
        w.paragraph("ns per call: the median of the forks' medians (each fork is one run) and its interval with the"
                + " interval's level; batches descheduled by another process are left out and counted. Instructions per call"
                + " (primal / gradient) are counted under Valgrind's Cachegrind where it is installed: they do not move with the"
                + " machine's load, but an instruction is not a nanosecond.");
        w.table("kernels", List.of("profile", "kernel", "n", "primal ns", "gradient ns", "instructions", "gradient/primal",
                "gradient check",
                "problem"), ks);
        w.endSection();
    }

    /** What #[autodiff] costs at build time and buys at run time, against the hand-written gradients. */
    static void autodiff(PageWriter w, AutodiffBreakdown a) {
        if (a == null) return;
        w.section("What #[autodiff] costs");
        w.paragraph("Each Enzyme profile against " + (a.hand() == null ? "no hand-written baseline (none was built with fat LTO on"
                + " the same toolchain)" : "the hand-written gradients built the same way (" + a.hand() + ": same toolchain, fat LTO)")
                + ", as ratios with their 95% intervals. The build cost splits into the fat LTO autodiff forces (" + a.hand()
                + " against " + a.release() + ") and Enzyme on top of it; Enzyme's own pass and the optimisation LLVM reruns on the"
                + " differentiated module come from rustc's LLVM time trace. " + capitalize(a.anchor()) + ".");
        List<List<String>> builds = new ArrayList<>();
        for (AutodiffBreakdown.Build b : a.builds()) {
            builds.add(List.of(b.profile(), String.join(", ", b.autodiff()), b.buildCpuMs() == null ? "" : ms(b.buildCpuMs()),
                    desc(b.buildCpuVsRelease()), desc(b.forcedLto()), desc(b.enzymeOverFatLto()),
                    b.enzymePassMs() == null ? "" : ms(b.enzymePassMs()),
                    b.postDifferentiationOptMs() == null ? "" : ms(b.postDifferentiationOptMs()),
                    b.settingsEffect() == null ? "" : desc(b.settingsEffect()) + " against " + b.settingsAgainst()));
        }
        w.table("autodiff-builds", List.of("profile", "autodiff", "build CPU", "against " + a.release(), "forced fat LTO",
                "Enzyme on top", "Enzyme pass", "optimisation rerun", "settings' effect"), builds);
        List<List<String>> rows = new ArrayList<>();
        for (AutodiffBreakdown.Row row : a.rows()) {
            rows.add(List.of(row.profile(), row.kernel(), Integer.toString(row.n()), desc(row.gradientVsHand()),
                    desc(row.primalVsHand()), desc(row.gradientToPrimal()), desc(row.handGradientToPrimal())));
        }
        w.table("autodiff-kernels", List.of("profile", "kernel", "n", "gradient vs hand-written", "primal vs hand-written",
                "gradient/primal (Enzyme)", "gradient/primal (hand-written)"), rows);
        w.endSection();
    }

    /** What PGO and BOLT cost (each pipeline stage) and buy, against the same profiles without them. */
    static void training(PageWriter w, dev.ctime.pgo.TrainingEffect t) {
        if (t == null) return;
        w.section("What PGO and BOLT cost and buy");
        w.paragraph("Each trained profile against the same profile without PGO and BOLT, as ratios with their 95% intervals"
                + " (= marks ratios that cannot be told apart). Its timed builds are the final, optimised build; the"
                + " pipeline before or after it (instrumented build, training on the configured kernels with other inputs than"
                + " the timed runs, merge, BOLT's rewrite) ran once and is added to the build cost wherever profiles are"
                + " ranked, since every build that ships the trained library pays it again.");
        List<List<String>> builds = new ArrayList<>();
        for (dev.ctime.pgo.TrainingEffect.Build b : t.builds()) {
            builds.add(List.of(b.profile(), b.trained(), b.against() == null ? "" : b.against() + (b.twin() ? "" : " (reference)"),
                    String.join("; ", b.pipeline().stages().stream().map(s -> s.stage() + " " + ms(s.cpuMs())).toList()),
                    ms(b.pipeline().cpuMs()), desc(b.buildCpu()), desc(b.withPipeline())));
        }
        w.table("training-builds", List.of("profile", "trained", "against", "pipeline stages (CPU)", "pipeline CPU",
                "final build CPU", "build CPU with the pipeline"), builds);
        List<List<String>> rows = new ArrayList<>();
        for (dev.ctime.pgo.TrainingEffect.Row row : t.rows()) {
            rows.add(List.of(row.profile(), row.kernel(), Integer.toString(row.n()), desc(row.primal()), desc(row.gradient())));
        }
        w.table("training-kernels", List.of("profile", "kernel", "n", "primal", "gradient"), rows);
        if (!t.builds().isEmpty() && t.builds().get(0).pipeline().trainedOn() != null) {
            w.paragraph("Trained on " + t.builds().get(0).pipeline().trainedOn() + ".");
        }
        w.endSection();
    }

    /** A merged report: where each part was measured, and whether the runners' anchors agree. */
    static void shards(PageWriter w, Report r) {
        if (r.merge() == null) return;
        w.section("Shards");
        w.paragraph("Measured in " + r.merge().shards().size() + " shards, each on its own runner, each with the anchor "
                + r.merge().anchor() + ". Every profile is compared through its own shard's anchor, so a faster or slower runner"
                + " does not bias the ratios; the absolute figures of later shards are rescaled to the first shard's anchor."
                + " The anchor column compares each shard's anchor build CPU with the other shards' (= marks no significant"
                + " difference).");
        List<List<String>> rows = new ArrayList<>();
        for (dev.ctime.model.MergeInfo.Source s : r.merge().shards()) {
            String cpu = s.machine() == null ? null : s.machine().cpuModel();
            rows.add(List.of(s.index() + "/" + s.count(), String.join(", ", s.profiles()), cpu == null ? "" : String.valueOf(cpu),
                    s.createdAt() == null ? "" : s.createdAt().replaceAll(":\\d\\d(\\.\\d+)?Z$", "Z").replace('T', ' '),
                    desc(s.anchorDrift())));
        }
        w.table("shards", List.of("shard", "profiles", "CPU", "measured", "anchor against the others"), rows);
        for (String f : r.merge().findings()) w.paragraph(Character.toUpperCase(f.charAt(0)) + f.substring(1) + (f.endsWith(".") ? "" : "."));
        w.endSection();
    }

    private static String desc(Comparison c) {
        return c == null ? "" : c.describe() + (c.significant() ? "" : " =");
    }

    /** Per profile, one point per run that measured the figure: {time, median, ciLow, ciHigh}, or {time, median} from older lines. */
    static Map<String, List<double[]>> trend(List<HistoryLog.Run> history, String figure) {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        for (HistoryLog.Run h : history) {
            double t;
            try {
                t = java.time.Instant.parse(h.createdAt()).getEpochSecond();
            } catch (RuntimeException e) {
                continue;
            }
            if (h.measured() != null) {
                h.measured().profiles().forEach((p, prof) -> {
                    dev.ctime.gate.Figure f = prof.figures().get(figure);
                    if (f != null) out.computeIfAbsent(p, k -> new ArrayList<>()).add(new double[] {t, f.median(), f.ciLow(), f.ciHigh()});
                });
            } else {
                legacyPoint(h, figure).forEach((p, v) -> out.computeIfAbsent(p, k -> new ArrayList<>()).add(new double[] {t, v}));
            }
        }
        // The file is in the order runs were appended; a merged or edited history need not be in time order.
        out.values().forEach(l -> l.sort(java.util.Comparator.comparingDouble(a -> a[0])));
        return out;
    }

    /** The medians that history lines of earlier versions kept. */
    private static Map<String, Double> legacyPoint(HistoryLog.Run h, String figure) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (h.profiles() == null) return out;
        String[] k = figure.startsWith("kernel:") ? figure.split(":") : null;
        for (Map.Entry<String, HistoryLog.RunProfile> e : h.profiles().entrySet()) {
            Double v = null;
            HistoryLog.RunProfile rp = e.getValue();
            if (k != null && rp.kernels() != null && rp.kernels().get(k[1] + "@" + k[2]) != null) {
                HistoryLog.KernelMedians km = rp.kernels().get(k[1] + "@" + k[2]);
                v = k[3].equals("gradientNs") ? km.gradientNs() : k[3].equals("primalNs") ? km.primalNs() : null;
            } else if (k == null && rp.compile() != null && rp.compile().get(figure.split("\\.")[1]) != null) {
                v = rp.compile().get(figure.split("\\.")[1]).cpuMs();
            }
            if (v != null) out.put(e.getKey(), v);
        }
        return out;
    }

    /** "2026-11-21 21:18 UTC" rather than an instant to the nanosecond. */
    static String when(String instant) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC)
                    .format(java.time.Instant.parse(instant));
        } catch (RuntimeException e) {
            return String.valueOf(instant);
        }
    }

    static String instructions(Double primal, Double gradient) {
        if (primal == null) return "";
        return String.format(Locale.ROOT, "%,.0f", primal) + (gradient == null ? "" : String.format(Locale.ROOT, " / %,.0f", gradient));
    }

    static String spread(Summary s, String unit) {
        if (s == null) return "";
        return String.format(Locale.ROOT, "%s %s [%s, %s] %.0f%%%s", g(s.median()), unit, g(s.ciLow()), g(s.ciHigh()),
                100 * s.ciLevel(), s.noisy() ? " (noisy)" : "").replace("  ", " ");
    }

    static String ci(Summary s) {
        return s == null ? "" : String.format(Locale.ROOT, "%s [%s, %s] %.0f%%, %d forks%s", g(s.median()), g(s.ciLow()),
                g(s.ciHigh()), 100 * s.ciLevel(), s.runs(), s.interference() > 0 ? ", " + s.interference() + " descheduled" : "");
    }

    static String check(GradientCheck c) {
        if (c == null) return "";
        return (c.ok() ? "ok" : "WRONG") + String.format(Locale.ROOT, ", max rel. error %.2g over %d coordinates", c.maxRelError(),
                c.checked());
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.3g", v);
    }

    static String ms(double v) {
        return dev.ctime.render.Units.ms(v);
    }

    static String ns(double v) {
        return dev.ctime.render.Units.ns(v);
    }

    static String count(double v) {
        if (Double.isInfinite(v) || Double.isNaN(v)) return "never";
        return v >= 1e9 ? String.format(Locale.ROOT, "%.2f billion", v / 1e9) : v >= 1e6
                ? String.format(Locale.ROOT, "%.2f million", v / 1e6) : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
