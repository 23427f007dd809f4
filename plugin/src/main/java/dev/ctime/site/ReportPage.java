package dev.ctime.site;

import dev.ctime.render.CallerRows;
import dev.ctime.verdict.CallAdvice;
import dev.ctime.model.FigureId;
import dev.ctime.stats.Statistics;
import dev.ctime.render.ConsoleTable;
import dev.ctime.render.CargoSnippet;
import dev.ctime.model.TrainingEffect;
import dev.ctime.model.ToolchainFacts;
import dev.ctime.model.Race;
import dev.ctime.model.MergeInfo;
import dev.ctime.model.Analysis;
import dev.ctime.gate.Figure;
import dev.ctime.verdict.Workloads;
import dev.ctime.autodiff.AutodiffCosts;
import dev.ctime.text.Units;
import dev.ctime.gate.HistoryLog;
import dev.ctime.model.GradientCheck;
import dev.ctime.model.AutodiffBreakdown;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.BuildParts;
import dev.ctime.model.EffectiveSetting;
import dev.ctime.model.Summary;
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
        if (d != null && d.workload() != null) runs(w, r, d.workload());
        if (o.kernel() != null) {
            List<Decision.Point> kp = Decider.kernelPoints(r.profiles(), o.kernel(), d == null ? null : d.scenario());
            w.paragraph("The same chart for " + o.kernel() + " alone, at its largest size (ctime.chartKernel): what it shows is"
                    + " not the decision, which weighs the whole workload.");
            w.raw(Svg.pareto(o.kernel() + " alone", kp, List.of(), null, List.of(), "build CPU time (ms)", "ns per call"));
        }
        w.endSection();

        race(w, r.race());

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

        autodiff(w, r.autodiff());
        enzymeWork(w, r);
        training(w, r.training());
        shards(w, r);

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
        Map<String, List<double[]>> trend = trend(history, buildFigure);
        Map<String, List<double[]>> runTrend = focus == null ? Map.of() : trend(history, focus.figure());
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
                compile.add(List.of(p.name(), e.getKey(), spread(f.cpuMs(), ReportPage::ms), spread(f.wallMs(), ReportPage::ms),
                        spread(f.maxRssKb(), kb -> String.format(Locale.ROOT, "%.0f MiB", kb / 1024)),
                        f.instructions() == null ? "n/a" : spread(f.instructions(), ReportPage::count),
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
        callers(w, r);
    }

    /** "release's": the library the calls went through, as the report records it. */
    private static String profileOf(Report r) {
        return r.callers().stream().map(c -> c.profile()).filter(p -> p != null).findFirst().map(p -> p + "'s").orElse("one profile's");
    }

    /** What a call costs the Java application, binding by binding. */
    static void callers(PageWriter w, Report r) {
        CallerRows t = CallerRows.of(r, true);
        if (t == null) return;
        w.section("Calls from Java");
        w.paragraph("What one call of each kernel function costs Java code, through each binding: what the binding adds over"
                + " the kernel's own C loop, of the whole call (medians over the forks that timed it, each calling "
                + profileOf(r) + " library right after its C loop). jna is an interface mapping (Library), jna-direct"
                + " Native.register, jni a JNI entry point calling the kernel, ffm a downcall handle of java.lang.foreign held in"
                + " a static final field, ffm-critical one made with Linker.Option.critical. Data off-heap is passed as an"
                + " address; data in a Java array is copied in and out (jna, jna-direct, ffm) or pinned (jni, ffm-critical).");
        w.table("callers", t.head(), t.rows());
        for (String n : t.notes()) w.paragraph(n);
        w.endSection();
    }

    /** A race: the field narrowing judgement by judgement, who left beaten by whom with what interval, and the cost. */
    static void race(PageWriter w, Race race) {
        if (race == null) return;
        w.section("The race");
        int all = race.field().isEmpty() ? 0 : race.field().get(0);
        w.paragraph("A race (ctime.search=race) timed the kernels of all " + all + " profiles in a first round of forks, then the"
                + " builds of the one whose workload ran fastest; each profile whose run time alone made it significantly costlier"
                + " per build than that one's build and run left with its builds untimed, and the others' builds were timed. After"
                + " that, and after every fork and round of builds that followed, each profile significantly costlier per build than"
                + " the best one on the workload (the decision's own rule) left, and only the others were measured further, analysed"
                + " and counted. " + race.finalists().size() + " finalists: " + String.join(", ", race.finalists()) + "."
                + (race.stopped() == null ? "" : " The race stopped: " + race.stopped() + "."));
        Race.Spent sp = race.spent();
        if (sp != null) {
            w.paragraph("Spent: " + sp.builds() + " builds and " + sp.forks() + " forks" + (sp.cpuMs() == null ? ""
                    : ", " + Units.duration(sp.cpuMs()) + " of CPU") + ", " + Units.duration(sp.wallMs())
                    + " in all. An exhaustive search of the same profiles runs at least " + sp.exhaustiveBuilds() + " builds"
                    + (sp.exhaustiveEstimateMs() == null ? "" : ", about " + Units.duration(sp.exhaustiveEstimateMs())
                    + " by this run's estimate") + ".");
        }
        List<double[]> steps = new ArrayList<>();
        for (int i = 0; i < race.field().size(); i++) steps.add(new double[] {i, race.field().get(i)});
        if (steps.size() > 1) {
            w.raw(Svg.lines("The field narrowing: profiles in the race at each judgement", Map.of("in the race", steps),
                    "judgement (0: the start)", "profiles", false));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Race.Left l : race.left()) {
            rows.add(List.of(l.profile(), Integer.toString(l.judgement()), l.after(), l.beatenBy() == null ? "" : l.beatenBy(),
                    l.totalMs() == null ? "" : ms(l.totalMs()) + (l.totalLow() == null ? "" : " (" + ms(l.totalLow()) + " to "
                            + (l.totalHigh() == null ? "unbounded" : ms(l.totalHigh())) + ")"),
                    l.build() == null ? "" : l.build().describe(), l.run() == null ? "" : l.run().describe()));
        }
        if (!rows.isEmpty()) {
            w.table("race", List.of("profile", "judgement", "left after", "beaten by", "cost per build, it minus the best (95%)",
                    "build CPU against it", "run time against it"), rows);
        }
        w.endSection();
    }

    /**
     * The runs behind the decision: for each kernel function of the workload, every profile's fork medians as dots
     * beside their median and interval (a profile whose library is another's is that profile's row).
     */
    static void runs(PageWriter w, Report r, Workload workload) {
        Map<String, String> sameLibrary = IdenticalLibraries.timedOnce(r);
        boolean any = false;
        for (Workload.Item item : workload.items()) {
            Map<String, double[]> rows = new LinkedHashMap<>();
            for (ProfileResult p : r.profiles()) {
                if (p.kernels() == null || sameLibrary.containsKey(p.name())) continue;
                p.kernels().stream().filter(k -> k.name().equals(item.kernel()) && k.n() == item.n()).findFirst().ifPresent(k -> {
                    Summary s = item.function().equals(Workload.GRADIENT) ? k.gradientNs() : k.primalNs();
                    if (s == null) return;
                    double[] runs = Statistics.units(s);
                    double[] row = java.util.Arrays.copyOf(runs, runs.length + 3);
                    row[runs.length] = s.median();
                    row[runs.length + 1] = s.ciLow();
                    row[runs.length + 2] = s.ciHigh();
                    rows.put(p.name(), row);
                });
            }
            if (rows.isEmpty()) continue;
            if (!any) {
                w.paragraph("The runs behind it, kernel function by kernel function of the workload: each dot is one fork's median"
                        + " (a fork is one run) placed by how far it lies from its profile's median, the shaded bar the 95%"
                        + " interval of that median. A dot far from its row's others is a run the machine disturbed; a wide bar is"
                        + " a figure the verdicts hold less firmly.");
                any = true;
            }
            w.raw(Svg.strips(item.describe() + ": run by run", rows, ReportPage::ns));
        }
    }

    /** What #[autodiff] costs at build time and buys at run time, against the hand-written gradients. */
    static void autodiff(PageWriter w, AutodiffBreakdown a) {
        if (a == null) return;
        w.section("What #[autodiff] costs");
        w.paragraph("Each Enzyme profile against " + (a.hand() == null ? "no hand-written baseline (none was built with fat LTO on"
                + " the same toolchain)" : "the hand-written gradients built the same way (" + a.hand() + ": same toolchain, fat LTO)")
                + ", as ratios with their 95% intervals. The build cost splits into the fat LTO autodiff forces (" + a.hand()
                + " against " + a.release() + ") and Enzyme on top of it; Enzyme's own pass, LLVM's code generation of the"
                + " differentiated module after it (no optimisation pass runs after Enzyme) and the loop passes the two builds ran"
                + " come from rustc's LLVM time trace." + (a.anchor() == null ? "" : " " + capitalize(a.anchor()) + ".")
                + (a.releaseNote() == null ? "" : " " + capitalize(a.releaseNote()) + ".")
                + a.builds().stream().map(AutodiffCosts::loopPassesMissing).filter(java.util.Objects::nonNull).findFirst()
                        .map(m -> " Loop passes: " + m.replaceFirst("^the autodiff build", "an autodiff build here") + ".").orElse(""));
        List<List<String>> builds = new ArrayList<>();
        for (AutodiffBreakdown.Build b : a.builds()) {
            builds.add(List.of(b.profile(), String.join(", ", b.autodiff()), b.buildCpuMs() == null ? "" : ms(b.buildCpuMs()),
                    desc(b.buildCpuVsRelease()), desc(b.forcedLto()), desc(b.enzymeOverFatLto()),
                    AutodiffCosts.enzymePass(b) == null ? "" : AutodiffCosts.enzymePass(b),
                    b.codegenAfterEnzymeMs() == null ? "" : ms(b.codegenAfterEnzymeMs()),
                    AutodiffCosts.loopPasses(b) == null ? "" : AutodiffCosts.loopPasses(b),
                    (b.settingsEffect() == null ? "" : desc(b.settingsEffect()) + " against " + b.settingsAgainst())
                            + (AutodiffCosts.printingNote(b) == null ? "" : " (" + AutodiffCosts.printingNote(b) + ")")
                            + (b.identicalTo() == null ? "" : (b.settingsEffect() == null ? "" : "; ")
                            + IdenticalLibraries.note(b.identicalTo()))));
        }
        for (AutodiffBreakdown.Rejected x : a.rejected()) {
            builds.add(List.of(x.profile(), String.join(", ", x.autodiff()), "rejected: " + x.reason(), "", "", "", "", "", "", ""));
        }
        w.table("autodiff-builds", List.of("profile", "autodiff", "build CPU", "against " + (a.release() == null ? "release" : a.release()), "forced fat LTO",
                "Enzyme on top", "Enzyme pass", "code generation after it", "loop passes (hand-written)", "settings' effect"), builds);
        List<List<String>> rows = new ArrayList<>();
        for (AutodiffBreakdown.Row row : a.rows()) {
            rows.add(List.of(row.profile(), row.kernel(), Integer.toString(row.n()), desc(row.gradientVsHand()),
                    desc(row.primalVsHand()), desc(row.gradientToPrimal()), desc(row.gradientToHandPrimal()),
                    desc(row.handGradientToPrimal())));
        }
        w.table("autodiff-kernels", List.of("profile", "kernel", "n", "gradient vs hand-written", "primal vs hand-written",
                "gradient/primal (Enzyme's own)", "gradient / hand-written primal", "gradient/primal (hand-written)"), rows);
        w.endSection();
    }

    /**
     * Enzyme's work per differentiated function: its time in the trace and, for PrintPerf builds, the remarks about
     * that function (what it caches and recomputes, where it assumed types), apart from the remarks on functions it did
     * not differentiate (mostly the standard library's "could write … readonly"), which are only counted.
     */
    static void enzymeWork(PageWriter w, Report r) {
        List<List<String>> rows = new ArrayList<>();
        List<String> noise = new ArrayList<>();
        for (ProfileResult p : r.profiles()) {
            Analysis a = p.analysis();
            if (a == null || a.differentiated() == null) continue;
            // The trace times the functions Enzyme created gradients of; its list of names also holds the generated wrappers.
            java.util.Set<String> fns = new java.util.LinkedHashSet<>(a.enzymePerFunctionMs() != null && !a.enzymePerFunctionMs().isEmpty()
                    ? a.enzymePerFunctionMs().keySet() : a.differentiated());
            var remarks = a.enzymePerfRemarks();
            int other = 0;
            if (remarks != null) {
                for (var e : remarks.byFunction().entrySet()) if (!fns.contains(e.getKey())) other += e.getValue().all();
            }
            for (String fn : fns) {
                Double ms = a.enzymePerFunctionMs() == null ? null : a.enzymePerFunctionMs().get(fn);
                var c = remarks == null ? null : remarks.byFunction().get(fn);
                rows.add(List.of(p.name(), fn, ms == null ? "" : ms(ms), c == null ? "" : Integer.toString(c.cached()),
                        c == null ? "" : Integer.toString(c.recomputed()), c == null ? "" : Integer.toString(c.typeAssumptions())));
            }
            if (other > 0) noise.add(p.name() + ": " + other);
        }
        if (rows.isEmpty()) return;
        w.section("Enzyme's work, function by function");
        w.paragraph("Each function Enzyme differentiated, with the time it spent creating its gradient (from the LLVM trace)"
                + " and, where the profile asked for PrintPerf, its remarks: values it caches for the reverse pass, values it"
                + " recomputes, and types it had to assume." + (noise.isEmpty() ? "" : " Remarks on functions it did not"
                + " differentiate, mostly the standard library's \"could write … readonly\", are left out as noise ("
                + String.join(", ", noise) + ")."));
        w.table("enzyme-functions", List.of("profile", "function", "Enzyme's time", "cached", "recomputed", "types assumed"), rows);
        w.endSection();
    }

    /** What PGO and BOLT cost (each pipeline stage) and buy, against the same profiles without them. */
    static void training(PageWriter w, TrainingEffect t) {
        if (t == null) return;
        w.section("What PGO and BOLT cost and buy");
        w.paragraph("Each trained profile against the same profile without PGO and BOLT, as ratios with their 95% intervals"
                + " (= marks an equivalent ratio, ? an inconclusive one). Its timed builds are the final, optimised build; the"
                + " pipeline before or after it (instrumented build, training on the configured kernels with other inputs than"
                + " the timed runs, merge, BOLT's rewrite) ran once and is added to the build cost wherever profiles are"
                + " ranked, since every build that ships the trained library pays it again.");
        List<List<String>> builds = new ArrayList<>();
        for (TrainingEffect.Build b : t.builds()) {
            builds.add(List.of(b.profile(), b.trained(), b.against() == null ? "" : b.against() + (b.twin() ? "" : " (reference)"),
                    String.join("; ", b.pipeline().stages().stream().map(s -> s.stage() + " " + ms(s.cpuMs())).toList()),
                    ms(b.pipeline().cpuMs()), desc(b.buildCpu()), desc(b.withPipeline())));
        }
        w.table("training-builds", List.of("profile", "trained", "against", "pipeline stages (CPU)", "pipeline CPU",
                "final build CPU", "build CPU with the pipeline"), builds);
        List<List<String>> rows = new ArrayList<>();
        for (TrainingEffect.Row row : t.rows()) {
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
        for (MergeInfo.Source s : r.merge().shards()) {
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
        return c == null ? "" : c.describe() + (c.mark().isEmpty() ? "" : " " + c.mark());
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
                    Figure f = prof.figures().get(figure);
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
        FigureId id = FigureId.parse(figure);
        FigureId.Kernel k = id instanceof FigureId.Kernel kf ? kf : null;
        for (Map.Entry<String, HistoryLog.RunProfile> e : h.profiles().entrySet()) {
            Double v = null;
            HistoryLog.RunProfile rp = e.getValue();
            if (k != null && rp.kernels() != null && rp.kernels().get(k.kernel() + "@" + k.n()) != null) {
                HistoryLog.KernelMedians km = rp.kernels().get(k.kernel() + "@" + k.n());
                v = k.measure().equals(FigureId.GRADIENT_NS) ? km.gradientNs() : k.measure().equals(FigureId.PRIMAL_NS) ? km.primalNs() : null;
            } else if (id instanceof FigureId.Build b && rp.compile() != null && rp.compile().get(b.scenario()) != null) {
                v = rp.compile().get(b.scenario()).cpuMs();
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

    /**
     * A median with its 95% interval in the figure's unit, as the console prints them: "2.35 s (2.30 s–2.41 s)"; an
     * interval below 95% (too few runs for one) says its real level.
     */
    static String spread(Summary s, java.util.function.DoubleFunction<String> unit) {
        if (s == null) return "";
        return unit.apply(s.median()) + " (" + unit.apply(s.ciLow()) + "–" + unit.apply(s.ciHigh())
                + (s.ciLevel() < Statistics.LEVEL ? String.format(Locale.ROOT, ", a %.0f%% interval", 100 * s.ciLevel())
                : "") + ")" + (s.noisy() ? " noisy" : "");
    }

    static String ci(Summary s) {
        return s == null ? "" : spread(s, ReportPage::ns) + ", " + s.runs() + " forks" + (s.interference() > 0 ? ", "
                + s.interference() + " descheduled" : "");
    }

    static String check(GradientCheck c) {
        if (c == null) return "";
        return (c.ok() ? "ok" : "WRONG") + String.format(Locale.ROOT, ", max rel. error %.2g over ", c.maxRelError()) + c.coverage();
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.3g", v);
    }

    static String ms(double v) {
        return Units.ms(v);
    }

    static String ns(double v) {
        return Units.ns(v);
    }

    static String count(double v) {
        return Units.calls(v);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
