package dev.ctime.site;

import dev.ctime.verdict.CallAdvice;
import dev.ctime.model.FigureId;
import dev.ctime.render.ConsoleTable;
import dev.ctime.render.CargoSnippet;
import dev.ctime.model.ToolchainFacts;
import dev.ctime.verdict.Workloads;
import dev.ctime.text.Units;
import dev.ctime.gate.HistoryLog;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.BuildParts;
import dev.ctime.model.EffectiveSetting;
import dev.ctime.model.BreakEven;
import dev.ctime.model.Comparison;
import dev.ctime.verdict.Decider;
import dev.ctime.model.Decision;
import dev.ctime.verdict.DecisionText;
import dev.ctime.model.Workload;
import dev.ctime.model.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.ctime.site.PageCells.*;

/**
 * The trade-off page: the recommendation first, then the charts (Pareto front, phases, cost
 * against size, history), then every table. Written once, for the site and the standalone file.
 */
public final class ReportPage {
    static final List<String> PHASES = List.of("frontend", "codegen", "llvm", "lto", "autodiff", "link");

    /**
     * @param kernel        a kernel whose own trade-off chart is added beside the workload's, or null
     * @param expectedCalls calls per build for an explicit re-judgement, or null for report.json's decision
     */
    public record Options(String scenario, String kernel, Double expectedCalls) {
    }

    private ReportPage() {
    }

    private static Workload.Item focus(Report r, Decision d, Options o) {
        if (o.kernel() != null) {
            Workload w = Workloads.defaultFor(r.profiles(), 1);
            return w.items().stream().filter(i -> i.kernel().equals(o.kernel())).findFirst().orElse(null);
        }
        if (d == null) return null;
        if (d.byKernel() != null && !d.byKernel().isEmpty()) {
            return d.byKernel().stream().max(java.util.Comparator.comparingDouble(s -> s.share() == null ? 0 : s.share())).orElseThrow().item();
        }
        return d.workload() == null || d.workload().items().isEmpty() ? null : d.workload().items().get(0);
    }

    /** The thresholds the run was judged with, as recorded in its settings; the defaults for older reports. */
    static Thresholds thresholds(Report r) {
        return r.settings() == null || r.settings().thresholds() == null ? Thresholds.DEFAULT : r.settings().thresholds();
    }

    /**
     * The decision the page shows: report.json's, read as it is; only where other calls per build are asked
     * for, the same rule run again on the same runs (and the page says so).
     */
    public static Decision decision(Report r, Options o) {
        Decision d = r.decision();
        if (d == null || d.workload() == null || o.expectedCalls() == null || o.expectedCalls().doubleValue() == d.expectedCalls()) {
            return d;
        }
        return Decider.rejudge(r.profiles(), d, o.expectedCalls(), thresholds(r), r.comparisons());
    }

    /** The toolchains profiles asked for besides the default, each with its Enzyme backend where one was loaded. */
    static String otherToolchains(Report r) {
        if (r.toolchains() == null) return "";
        List<String> out = new ArrayList<>();
        for (ToolchainFacts t : r.toolchains()) {
            if (t.rustcVersion() == null || r.toolchain() != null && t.rustcVersion().equals(r.toolchain().rustcVersion())) continue;
            out.add(t.rustcVersion() + ", LLVM " + t.llvmVersion() + (t.enzyme() == null || t.enzyme().backend() == null ? ""
                    : ", Enzyme backend " + t.enzyme().backend().describe()));
        }
        return out.isEmpty() ? "" : " (and " + String.join("; ", out) + ")";
    }

    public static void write(PageWriter w, Report r, List<HistoryLog.Run> history, Options o) {
        String crate = r.crate() == null ? "crate" : r.crate().packageName();
        w.title("ctime: build profiles of " + crate);
        w.paragraph("Measured " + when(r.createdAt()) + (r.label() == null ? "" : " (" + r.label() + ")")
                + (r.toolchain() == null ? "" : " with " + r.toolchain().rustcVersion() + ", LLVM " + r.toolchain().llvmVersion())
                + otherToolchains(r)
                + (r.machine() == null ? "." : ", on " + r.machine().cpus() + " CPUs (" + r.machine().cpuModel()
                + "). Hardware counters: " + r.machine().hardwareCounters() + "."));

        Thresholds th = thresholds(r);
        Decision d = decision(r, o);
        w.section("Recommendation");
        if (d != r.decision()) {
            w.paragraph(String.format(Locale.ROOT, "Re-judged for %s calls per build, as asked (ctime.expectedCalls): report.json's"
                    + " decision is for %s. The same rule on the same runs.", count(d.expectedCalls()), count(r.decision().expectedCalls())));
        }
        if (d == null) {
            w.paragraph("No kernel was measured, so no profile is recommended on run time.");
        } else {
            w.paragraph((d.recommended() != null ? "For " + DecisionText.usage(d) + ", use profile " + d.recommended()
                    + (d.bound() == null ? "" : ": " + DecisionText.bound(d.bound())) + ". "
                    : capitalize(DecisionText.headline(d)) + ". ") + d.reason());
            if (d.recommended() != null) {
                ProfileResult p = r.profiles().stream().filter(x -> x.name().equals(d.recommended())).findFirst().orElseThrow();
                w.code(CargoSnippet.of(p));
            }
            if (DecisionText.next(d) != null) w.paragraph(capitalize(DecisionText.next(d).replaceFirst("^next: ", "")));
            if (d.undecided() != null) {
                List<List<String>> rows = new ArrayList<>();
                for (Decision.Undecided u : d.undecided()) {
                    rows.add(List.of(u.profile(), u.against(), u.build().describe() + " " + u.build().verdict(),
                            u.run().describe() + " " + u.run().verdict(), Integer.toString(u.runsToSettle())));
                }
                w.table("undecided", List.of("profile", "against", "build CPU", "run time", "runs a side to settle this comparison"), rows);
            }
            if (d.byKernel() != null && !d.byKernel().isEmpty()) {
                String who = d.recommended() != null ? d.recommended() : d.undecided() == null ? "" : d.undecided().get(0).against();
                w.paragraph("The workload, kernel by kernel, in " + who + (d.runnerUp() == null ? "" : ", against " + d.runnerUp())
                        + (d.workload().derived() ? " (no workload is configured: every kernel at its largest size, each with"
                        + " ctime.expectedCalls calls)" : "") + ":");
                List<List<String>> rows = new ArrayList<>();
                for (Decision.ItemShare s : d.byKernel()) {
                    rows.add(List.of(s.item().describe(), count(s.item().calls()), s.nsPerCall() == null ? "" : Units.ns(s.nsPerCall()),
                            s.share() == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * s.share()),
                            s.againstRunnerUp() == null ? "" : s.againstRunnerUp().describe() + " " + s.againstRunnerUp().verdict()));
                }
                w.table("workload", List.of("kernel function", "calls per build", "per call", "share of run time",
                        d.runnerUp() == null ? "against the runner-up" : "against " + d.runnerUp()), rows);
            }
            List<String> calls = CallAdvice.calls(d, r.callers());
            if (!calls.isEmpty()) w.paragraph(capitalize(String.join("; ", calls)) + ".");
            if (d == r.decision()) CallAdvice.bindingChange(r).ifPresent(c -> w.paragraph(capitalize(c.sentence()) + "."));
        }
        if (r.interrupted() != null) w.paragraph("This run was " + r.interrupted() + ": profiles it had not finished are marked"
                + " incomplete.");
        if (r.control() != null) {
            w.paragraph(capitalize(r.control().describe()) + ".");
            List<List<String>> rows = new ArrayList<>();
            for (Comparison c : r.control().comparisons()) {
                if (c.significant()) rows.add(List.of(ConsoleTable.figureName(c.figure()), c.describe(), c.verdict().id()));
            }
            if (!rows.isEmpty()) w.table("control", List.of("figure", "copy against original (95% interval)", "verdict"), rows);
        }
        if (r.warnings() != null && !r.warnings().isEmpty()) {
            w.paragraph("How far to trust these figures: " + String.join("; ", r.warnings()) + ".");
        }
        w.endSection();

        w.section("Compile time against run time");
        if (d != null && d.points() != null && d.workload() != null && !d.points().isEmpty()) {
            w.paragraph("Each dot is a profile that measured every kernel of the workload, with its 95% interval as whiskers on"
                    + " both axes: build CPU time of " + (d.scenario().contains("=") ? "the builds a period of the workload pays for ("
                    + d.scenario() + ", ctime.builds: their sum, round by round)" : "a " + d.scenario() + " build") + ", and the"
                    + " workload's run time per call of its mix. The dashed"
                    + " line joins the Pareto front (no other profile is significantly better on one axis and better or"
                    + " equivalent on the other). Hollow dots are equivalent in cost to the recommended profile."
                    + (r.profiles().stream().anyMatch(p -> p.pipeline() != null) ? " The build cost of a PGO or BOLT profile includes"
                    + " its training pipeline, which every build that ships it pays again." : ""));
            w.raw(Svg.pareto("Pareto front: " + DecisionText.workload(d.workload()), d.points(), d.front(), d.recommended(),
                    d.equivalent() == null ? List.of() : d.equivalent(), "build CPU time (ms)", "ns per call"));
            List<List<String>> be = new ArrayList<>();
            for (BreakEven b : d.breakEvens()) {
                be.add(List.of(b.cheaperBuild(), b.fasterRun(), b.calls() == null ? b.note() : count(b.calls()),
                        b.calls() == null ? "" : count(b.ciLow()) + " to " + (b.ciHigh() == null ? "unbounded" : count(b.ciHigh()))));
            }
            if (!be.isEmpty()) {
                w.paragraph("Break-even: after this many calls per build, the slower-to-build neighbour on the front pays for"
                        + " itself; only where it is significantly costlier to build and significantly faster to run.");
                w.table("break-even", List.of("cheaper to build", "faster to run", "break-even calls", "95% interval"), be);
            }
        } else {
            w.paragraph("No profile measured both costs, so there is nothing to chart.");
        }
        if (d != null && d.workload() != null) RunSections.runs(w, r, d.workload());
        if (o.kernel() != null) {
            List<Decision.Point> kp = Decider.kernelPoints(r.profiles(), o.kernel(), d == null ? null : d.scenario());
            w.paragraph("The same chart for " + o.kernel() + " alone, at its largest size (ctime.chartKernel): what it shows is"
                    + " not the decision, which weighs the whole workload.");
            w.raw(Svg.pareto(o.kernel() + " alone", kp, List.of(), null, List.of(), "build CPU time (ms)", "ns per call"));
        }
        w.endSection();

        RunSections.race(w, r.race());

        if (r.comparisons() != null && !r.comparisons().isEmpty()) {
            w.section("Against " + r.reference());
            w.paragraph("Every figure of each profile against " + r.reference() + "'s, as a ratio (below 1 is better): green"
                    + " where it is better and red where it is worse (significant and at least the practical threshold; deeper the"
                    + " further from 1), grey where it is equivalent (the whole 95% interval within the threshold, marked '='),"
                    + " amber where it is inconclusive (neither yet, marked '?'). Each cell's interval is in its tooltip; the"
                    + " table below lists the figures that differ with their intervals.");
            List<List<String>> rows = new ArrayList<>();
            Map<String, String> identical = IdenticalLibraries.timedOnce(r);
            for (Comparison c : r.comparisons()) {
                if (!c.significant()) continue;
                // An identical library's kernels are the other's, row for row: shown once.
                if (identical.containsKey(c.profile()) && FigureId.parse(c.figure()) instanceof FigureId.Kernel) continue;
                rows.add(List.of(c.profile(), ConsoleTable.figureName(c.figure()), c.describe(), c.verdict().id(),
                        Integer.toString(c.runs()) + " / " + c.referenceRuns()));
            }
            w.raw(HeatMap.of(r));
            if (!identical.isEmpty()) w.paragraph("The kernel cells of " + String.join(", ", identical.keySet()) + " are "
                    + String.join(", ", new java.util.LinkedHashSet<>(identical.values())) + "'s: their libraries are identical, byte"
                    + " for byte.");
            if (!rows.isEmpty()) w.raw(HeatMap.folded("The " + rows.size() + " figures that differ, with their intervals",
                    "comparisons", List.of("profile", "figure", "ratio (95% interval)", "verdict", "runs"), rows));
            w.endSection();
        }

        AutodiffSections.autodiff(w, r.autodiff());
        AutodiffSections.enzymeWork(w, r);
        AutodiffSections.training(w, r.training());
        RunSections.shards(w, r);

        Map<String, Map<String, Double>> phases = new LinkedHashMap<>();
        for (ProfileResult p : r.profiles()) {
            if (p.analysis() != null && p.analysis().hasPhases()) phases.put(p.name(), p.analysis().phases());
        }
        w.section("Where the build time goes");
        // Each profile without a phase split is named with why, once per reason.
        Map<String, List<String>> noPhases = ConsoleTable.byText(r.profiles(), p -> p.analysis() == null
                || p.analysis().hasPhases() || p.compile() == null ? null : p.analysis().phasesUnavailable() == null
                ? "no phase split was recorded" : p.analysis().phasesUnavailable(), ProfileResult::name);
        if (phases.isEmpty()) {
            w.paragraph("No phase split was measured" + (noPhases.isEmpty() ? ": -Ztime-passes needs a nightly toolchain."
                    : ": " + String.join("; ", noPhases.keySet()) + "."));
        } else {
            noPhases.forEach((why, who) -> w.paragraph("No bar for " + String.join(", ", who) + ": " + why + "."));
            List<String> present = PHASES.stream().filter(k -> phases.values().stream().anyMatch(m -> m.getOrDefault(k, 0.0) > 0))
                    .toList();
            w.raw(Svg.phases("Leaf crate phases per profile", phases, present));
            w.paragraph("The phases come from one extra, untimed build with -Ztime-passes. Passes that run in parallel (LLVM's"
                    + " work on each codegen unit) are added up, so the phases of a profile can exceed its measured build time.");
        }
        // Profiles that made the compiler produce the same are one row, naming them all.
        Map<List<String>, List<String>> sameOutput = new LinkedHashMap<>();
        for (ProfileResult p : r.profiles()) {
            if (p.analysis() == null || (p.analysis().codegenUnitsUsed() == null && p.analysis().llvmLines() == null)) continue;
            var a = p.analysis();
            String top = a.llvmLines() == null ? "" : String.join("; ", a.llvmLines().stream().limit(3)
                    .map(e -> e.function() + " (" + e.lines() + " lines" + (e.copies() > 1 ? ", " + e.copies() + " copies" : "") + ")")
                    .toList());
            sameOutput.computeIfAbsent(List.of(a.codegenUnitsUsed() == null ? "" : Integer.toString(a.codegenUnitsUsed()), top,
                    a.llvmLinesScope() == null ? "" : a.llvmLinesScope()), k -> new ArrayList<>()).add(p.name());
        }
        List<List<String>> produced = new ArrayList<>();
        sameOutput.forEach((cells, who) -> {
            List<String> row = new ArrayList<>();
            row.add(String.join(", ", who));
            row.addAll(cells);
            produced.add(row);
        });
        if (!produced.isEmpty()) {
            w.paragraph("What each profile made the compiler produce: the codegen units rustc really partitioned the crate into,"
                    + " and the functions that produce the most LLVM IR (as cargo-llvm-lines counts them), the usual suspects for"
                    + " build time.");
            w.table("produced", List.of("profile", "codegen units used", "most LLVM IR", "counted over"), produced);
        }
        w.endSection();

        // The kernel the size and history charts follow: the one asked for, else the workload's largest share.
        Workload.Item focus = focus(r, d, o);
        String scenario = d != null ? d.scenario() : Decider.scenario(r.profiles(), o.scenario());
        w.section("Cost against input size");
        if (focus == null) {
            w.paragraph("No kernel was measured.");
        } else {
            Map<String, List<double[]>> perElement = new LinkedHashMap<>();
            Map<String, String> sameLibrary = IdenticalLibraries.timedOnce(r);
            for (ProfileResult p : r.profiles()) {
                if (p.kernels() == null || sameLibrary.containsKey(p.name())) continue;
                List<double[]> pts = p.kernels().stream().filter(k -> k.name().equals(focus.kernel()) && k.primalNs() != null)
                        .map(k -> new double[] {k.n(), (focus.function().equals(Workload.GRADIENT) && k.gradientNs() != null
                                ? k.gradientNs() : k.primalNs()).median() / k.n()})
                        .sorted((a, b) -> Double.compare(a[0], b[0])).toList();
                if (!pts.isEmpty()) perElement.put(p.name(), pts);
            }
            w.raw(Svg.lines(focus.kernel() + " " + focus.function() + ": ns per element against n", perElement, "n",
                    "ns per element", true));
            int sizes = perElement.values().stream().mapToInt(List::size).max().orElse(0);
            if (sizes < 3) w.paragraph("Only " + sizes + " size" + (sizes == 1 ? "" : "s") + " of " + focus.kernel() + " measured, so"
                    + " each line has " + sizes + " point" + (sizes == 1 ? "" : "s") + ": list more sizes in the kernel's <sizes> for a"
                    + " curve that shows where caches stop helping.");
            if (!sameLibrary.isEmpty()) w.paragraph("Left out, as their libraries are identical to another's: "
                    + String.join(", ", sameLibrary.keySet()) + ".");
        }
        w.endSection();

        w.section("History");
        String buildFigure = FigureId.Build.cpu(scenario).id();
        Map<String, List<double[]>> trend = HistoryTrend.trend(history, buildFigure);
        Map<String, List<double[]>> runTrend = focus == null ? Map.of() : HistoryTrend.trend(history, focus.figure());
        if (history.size() < 2) {
            w.paragraph("One run so far: the trends appear from the second run on (history file: one line per run).");
        } else {
            w.paragraph("Each point is a run at the time it was measured, with its 95% interval as a whisker (runs recorded by an"
                    + " older ctime have no interval).");
            w.raw(Svg.lines("Build CPU time (" + scenario + ") across runs", trend, "time of the run", "ms", false, true));
            if (focus != null) w.raw(Svg.lines(focus.describe() + " across runs", runTrend, "time of the run", "ns per call", false, true));
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
        Map<String, String> identical = IdenticalLibraries.of(r);
        Map<String, String> timedOnce = IdenticalLibraries.timedOnce(r);
        for (ProfileResult p : r.profiles()) {
            String settings = p.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            List<EffectiveSetting> eff = p.applied() == null || p.applied().effective() == null ? List.of() : p.applied().effective();
            String reaches = eff.stream().filter(e -> List.of("opt-level", "lto", "codegen-units").contains(e.key())
                    || !e.source().startsWith(EffectiveSetting.CARGO_DEFAULT)).map(e -> e.key() + " = " + e.value()
                    + (e.team() ? " (" + e.source().replaceFirst("^your ", "yours: ") + ")" : "")).collect(Collectors.joining(", "));
            rows.add(List.of(p.name(), p.status().id(), p.toolchain() == null ? "" : p.toolchain(), settings, reaches,
                    (p.artifactBytes() == null ? "" : String.format(Locale.ROOT, "%.0f KiB", p.artifactBytes() / 1024.0))
                            + (identical.containsKey(p.name()) ? ", " + IdenticalLibraries.note(identical.get(p.name()),
                            timedOnce.containsKey(p.name())) : ""),
                    p.reason() == null ? "" : p.reason()));
        }
        w.paragraph("settings are the profile's as configured; what reaches the build is every key that shapes it, with"
                + " where the crate's own settings (its Cargo.toml, a .cargo/config.toml, CARGO_PROFILE_* variables) decide it:"
                + " ctime's profiles inherit the crate's, as the team's builds do.");
        w.table("profiles", List.of("profile", "status", "toolchain", "settings", "what reaches the build", "artifact", "reason"), rows);
        w.endSection();

        w.section("Compile time");
        List<List<String>> compile = new ArrayList<>();
        for (ProfileResult p : r.profiles()) {
            if (p.compile() == null) continue;
            for (Map.Entry<String, ScenarioFigures> e : new TreeMap<>(p.compile()).entrySet()) {
                ScenarioFigures f = e.getValue();
                compile.add(List.of(p.name(), e.getKey(), spread(f.cpuMs(), PageCells::ms), spread(f.wallMs(), PageCells::ms),
                        spread(f.maxRssKb(), kb -> String.format(Locale.ROOT, "%.0f MiB", kb / 1024)),
                        f.instructions() == null ? "n/a" : spread(f.instructions(), PageCells::count),
                        f.cpuMs().runs() + (f.cpuMs().capped() ? " (capped)" : "")
                                + (f.cpuMs().interference() > 0 ? ", " + f.cpuMs().interference() + " disturbed" : "")));
            }
        }
        w.paragraph("clean is the whole graph from an empty target folder (a CI build without a cache) and edit the rebuild after"
                + " a small change to the crate: both are cargo's whole build, every unit, at cargo's default parallelism. full"
                + " and incr-* are the leaf crate's rustc alone with its dependencies built beforehand (rustc-perf's scenarios,"
                + " for judging the compiler). Each figure is the median of the builds with its 95% interval; noisy where the"
                + " interval is wider than 10% of the median, disturbed where another process used the CPUs during a build.");
        w.table("compile", List.of("profile", "scenario", "CPU", "wall", "peak RSS", "instructions", "runs"), compile);
        List<List<String>> units = new ArrayList<>();
        for (ProfileResult p : r.profiles()) {
            ScenarioFigures clean = p.compile() == null ? null : p.compile().get(Decision.DEFAULT_SCENARIO);
            if (clean == null || clean.units() == null || clean.units().isEmpty()) continue;
            for (BuildParts.Part part : BuildParts.of(clean.units(), r.crate().crateName(), clean.cpuMs().median())) {
                units.add(List.of(p.name(), part.name(), ms(part.cpuMs()), String.format(Locale.ROOT, "%.0f%%",
                        100 * part.cpuMs() / clean.cpuMs().median()), Integer.toString(part.units())));
            }
        }
        if (!units.isEmpty()) {
            w.paragraph("Where a clean build's CPU time goes (medians over the clean builds): the dependencies, their build"
                    + " scripts' compilation, the crate itself (with its link), and the rest, which is cargo's own work and the"
                    + " build scripts' runs.");
            w.table("clean-units", List.of("profile", "part", "CPU", "share of the clean build", "units"), units);
        }
        w.endSection();

        w.section("Kernel timings");
        List<List<String>> ks = new ArrayList<>();
        for (ProfileResult p : r.profiles()) {
            if (p.kernels() == null) continue;
            for (KernelTiming k : p.kernels()) {
                ks.add(List.of(p.name(), k.name(), Integer.toString(k.n()), ci(k.primalNs()), ci(k.gradientNs()),
                        instructions(k.primalInstructions(), k.gradientInstructions()),
                        instructions(k.primalCycles(), k.gradientCycles()),
                        k.gradientToPrimal() == null ? "" : String.format(Locale.ROOT, "%.2f", k.gradientToPrimal()),
                        check(k.gradientCheck()), k.reason() == null ? "" : k.reason()));
            }
        }
        w.paragraph("Time per call: the median of the forks' medians (each fork is one run) with its 95% interval;"
                + " batches descheduled by another process are left out and counted. Instructions per call"
                + " (primal / gradient) are counted under Valgrind's Cachegrind where it is installed: they do not move with the"
                + " machine's load, but an instruction is not a nanosecond. Estimated cycles weigh them by Cachegrind's"
                + " simulated caches (an L1 hit 1, a last-level hit 5, memory 35, as iai-callgrind and CodSpeed do): where timing"
                + " cannot separate two profiles' run costs, the decision reads these instead, and says so.");
        w.table("kernels", List.of("profile", "kernel", "n", "primal", "gradient", "instructions", "estimated cycles",
                "gradient/primal",
                "gradient check",
                "problem"), ks);
        w.endSection();
        RunSections.callers(w, r);
    }
}
