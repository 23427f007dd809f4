package dev.ctime.verdict;

import dev.ctime.model.FigureId;
import dev.ctime.text.Units;
import dev.ctime.model.Workload;
import dev.ctime.model.BreakEven;
import dev.ctime.model.Decision;
import dev.ctime.model.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The decision as sentences, rendered from its structured fields (the console, the page and report.json show this text). */
public final class DecisionText {
    private DecisionText() {
    }

    /** "1.00 million calls per clean build of heat gradient (n = 4096)", or of the workload. */
    public static String usage(Decision d) {
        String per = " calls per " + build(d.scenario());
        if (d.workload() == null) return Units.calls(d.expectedCalls()) + per;
        return Units.calls(d.expectedCalls()) + per + " of " + (d.workload().items().size() == 1
                ? d.workload().items().get(0).describe() : "the workload (" + d.workload().items().size() + " kernel functions)");
    }

    /** The build a decision's cost is per: "clean build" (the whole graph, as CI pays it), "edit and rebuild", or a leaf-only one. */
    static String build(String scenario) {
        if (scenario == null || scenario.equals("clean")) return "clean build";
        if (scenario.equals("edit")) return "edit and rebuild";
        if (scenario.contains("=")) {
            // A mix (ctime.builds): "1 clean build and 20 edits and rebuilds".
            List<String> parts = new java.util.ArrayList<>();
            for (String item : scenario.split(",")) {
                String[] kv = item.split("=", 2);
                boolean one = kv[1].equals("1");
                parts.add(kv[1] + " " + (kv[0].equals("clean") ? (one ? "clean build" : "clean builds")
                        : kv[0].equals("edit") ? (one ? "edit and rebuild" : "edits and rebuilds") : kv[0] + (one ? " build" : " builds")));
            }
            return "period of " + String.join(" and ", parts);
        }
        return scenario + " build (the crate's rustc alone)";
    }

    /** The first line: what to do, and the most it could be wrong by. */
    public static String headline(Decision d) {
        String usage = usage(d);
        // A report of schema 4 or older: its decision is shown as it was recorded.
        if (d.state() == null) return d.recommended() + " for " + usage + " (as recorded by an older ctime)";
        if (d.undecidedNow()) return "undecided for " + usage + ": " + String.join(", ", contenders(d))
                + " cannot be told apart yet (as recorded by an older ctime)";
        if (d.recommended() == null) return "no recommendation: no profile measured every kernel of the workload";
        return d.recommended() + " for " + usage + (d.bound() == null ? "" : ": " + bound(d.bound()));
    }

    /** "at most +912 ms per build (+0.7%) costlier than any other profile, 95%; settled (within the 2% tolerance)". */
    public static String bound(Decision.Bound b) {
        if (b.cheapest()) return b.against() == null ? "the only profile measured; settled" : "significantly the cheapest per build;"
                + " settled";
        if (b.ms() == null) return "the lowest estimated cost per build, unbounded: too few runs to bound how much costlier it"
                + " could be; bounded";
        return (b.ms() == 0 ? "no costlier per build than any other profile, 95%; " : "at most " + signedMs(b.ms()) + " per build"
                + (b.share() == null ? "" : " (" + pct1(b.share()) + " of its cost)") + " costlier than any other profile, 95%; ") + (Decision.Bound.SETTLED.equals(b.status()) ? "settled (within the "
                + pct1(b.tolerance()) + " tolerance)" : "bounded (above the " + pct1(b.tolerance()) + " tolerance, ctime.tolerance)");
    }

    /** What to do next, in one sentence: the same on the console and the page. */
    public static String next(Decision d) {
        if (d.state() == null) return null;
        if (d.undecidedNow()) return "next: run again: this ctime always names a profile, with the most it could be wrong by.";
        if (d.recommended() == null) return "next: fix the kernels named above (or leave them out of the workload) and run again.";
        String paste = "paste the block into your crate; then mvn ctime:baseline once and mvn ctime:check in CI keep it from"
                + " regressing (mvn ctime:report renders the page).";
        Decision.Bound b = d.bound();
        if (b == null || d.settledNow()) return "next: " + paste;
        if (b.ms() == null) return "next: take " + d.recommended() + " for now; at least " + Comparison.FEWEST_RUNS + " builds and "
                + Comparison.FEWEST_RUNS + " forks a profile (ctime.repeat, ctime.forks) bound how much it could cost.";
        String worst = "at worst " + signedMs(b.ms()) + " per build";
        if (b.reachable() && b.runsToSettle() != null) {
            return "next: take " + d.recommended() + " (" + worst + "), or settle it within the " + pct1(b.tolerance())
                    + " tolerance with about " + b.runsToSettle() + " builds and forks a profile (-Dctime.maxRepeat="
                    + b.runsToSettle() + " -Dctime.maxForks=" + b.runsToSettle() + "); then " + paste;
        }
        List<String> alike = new ArrayList<>();
        alike.add(d.recommended());
        alike.addAll(contenders(d).stream().filter(c -> !c.equals(d.recommended())).toList());
        return "next: take " + d.recommended() + " (" + worst + "): on this machine " + (alike.size() > 1 ? String.join(", ", alike)
                + " are" : "it is") + " practically equivalent at the precision its noise allows"
                + (b.runsToSettle() == null ? "" : " (within the " + pct1(b.tolerance()) + " tolerance only after about "
                + b.runsToSettle() + " builds and forks a profile)") + "; " + paste;
    }


    static List<String> contenders(Decision d) {
        return d.undecided() == null ? List.of() : Decision.Undecided.contenders(d.undecided());
    }

    public static String reason(Decision d) {
        StringBuilder sb = new StringBuilder();
        if (d.undecidedNow()) {
            Decision.Undecided first = d.undecided().get(0);
            sb.append(first.against()).append(" had the lowest estimated cost per build, but ")
                    .append(d.undecided().size() == 1 ? "one profile" : d.undecided().size() + " profiles")
                    .append(" could not be told from it (as recorded by an older ctime).");
        } else if (d.recommended() != null && d.bound() != null) {
            recommendation(sb, d);
        } else if (d.recommended() == null) {
            sb.append("No profile measured every kernel of the workload.");
        } else {
            sb.append(d.recommended()).append(" has the lowest cost per build for ").append(Units.calls(d.expectedCalls()))
                    .append(" calls of ").append(workload(d.workload())).append(" (as recorded by an older ctime).");
        }
        if (d.primalCost() != null) {
            sb.append(' ').append(d.primalCost().get(0).profile())
                    .append(" is an #[autodiff] build, which can slow the whole crate down; its primal against the fastest build"
                            + " without Enzyme:");
            for (Comparison c : d.primalCost()) {
                FigureId.Kernel f = (FigureId.Kernel) FigureId.parse(c.figure());
                sb.append(' ').append(f.kernel()).append(" (n = ").append(f.n()).append(") ").append(c.describe()).append(" of ")
                        .append(c.reference()).append("'s, ").append(c.verdict()).append(';');
            }
            sb.setLength(sb.length() - 1);
            sb.append(d.workload().items().stream().anyMatch(i -> i.function().equals(Workload.PRIMAL)) ? " (the workload's primal"
                    + " calls count it)." : " (the workload has no primal calls: add them with ctime.workload if the program"
                    + " calls the primal too).");
        }
        if (d.barred() != null) {
            for (Decision.Barred b : d.barred()) sb.append(" Barred: ").append(b.profile()).append(", since ").append(b.reason()).append('.');
        }
        if (d.excluded() != null) sb.append(" Left out of the workload (failed in every profile): ").append(String.join("; ", d.excluded()))
                .append('.');
        return sb.toString().strip();
    }

    /** The recommended profile, why, what it was not told apart from, and what it shares with others by construction. */
    private static void recommendation(StringBuilder sb, Decision d) {
        Decision.Bound b = d.bound();
        String use = " for " + Units.calls(d.expectedCalls()) + " calls of " + workload(d.workload());
        sb.append(d.recommended());
        if (b.against() == null) sb.append(" is the only profile measured").append(use).append('.');
        else if (b.cheapest()) sb.append(" costs least per build").append(use).append(": significantly less than every other"
                + " profile, beyond the margin.");
        else if (b.ms() == null) sb.append(" has the lowest estimated cost per build").append(use).append("; too few runs to bound"
                + " how much more it could cost.");
        else sb.append(" has the smallest worst case").append(use).append(": it costs ").append(b.ms() == 0 ? "no more per build than"
                : "at most " + signedMs(b.ms()) + " per build more than").append(" any other profile (the worst against ").append(b.against())
                .append("; upper ends of the 95% intervals of ").append(b.basis()).append(").");
        if (d.undecided() != null) {
            sb.append(" Not told apart from it:");
            for (Decision.Undecided u : d.undecided()) {
                sb.append(' ').append(u.profile()).append(": build CPU ").append(u.build().describe()).append(' ')
                        .append(u.build().verdict()).append(", run time ").append(u.run().describe()).append(' ')
                        .append(u.run().verdict()).append(u.counted() == null ? "" : ", by estimated cycles " + u.counted().describe()
                                + " " + u.counted().verdict() + " (timing on this machine could not separate them; the cost"
                                + " below counts)").append("; cost per build ").append(signedMs(u.totalMs())).append(" (")
                        .append(u.totalLow() == null ? "unbounded" : signedMs(u.totalLow()) + " to " + signedMs(u.totalHigh()))
                        .append("; equivalent only if within ±").append(ms(u.marginMs())).append(");");
            }
            sb.setLength(sb.length() - 1);
            sb.append('.');
        }
        Decision.ItemShare any = d.byKernel() == null || d.byKernel().isEmpty() ? null : d.byKernel().get(0);
        if (d.runnerUp() != null && any != null && any.againstRunnerUp() != null) {
            sb.append(" Against ").append(d.runnerUp()).append(", by kernel:");
            for (Decision.ItemShare s : d.byKernel()) {
                if (s.againstRunnerUp() == null) continue;
                sb.append(' ').append(s.item().describe()).append(' ').append(s.againstRunnerUp().describe()).append(' ')
                        .append(s.againstRunnerUp().verdict()).append(';');
            }
            sb.setLength(sb.length() - 1);
            sb.append('.');
        }
        breakEvens(sb, d);
        if (d.equivalent() != null && !d.equivalent().isEmpty()) {
            sb.append(" Equivalent in cost (interchangeable): ").append(String.join(", ", d.equivalent()))
                    .append("; the one whose worst case is least is named.");
        }
    }

    private static void breakEvens(StringBuilder sb, Decision d) {
        List<String> mine = new ArrayList<>(List.of(d.recommended()));
        if (d.equivalent() != null) mine.addAll(d.equivalent());
        for (BreakEven b : d.breakEvens()) {
            if (b.calls() == null || !(mine.contains(b.cheaperBuild()) || mine.contains(b.fasterRun()))) continue;
            sb.append(' ').append(b.fasterRun()).append(" runs faster than ").append(b.cheaperBuild()).append(" and pays for its")
                    .append(" build after ").append(Units.calls(b.calls())).append(" calls (")
                    .append(Units.calls(b.ciLow())).append('–').append(b.ciHigh() == null ? "unbounded" : Units.calls(b.ciHigh()))
                    .append(").");
        }
    }

    /** "0.7%", "12%", or "<0.1%" for a share too small to print with one decimal. */
    static String pct1(double v) {
        if (v > 0 && v < 0.0005) return "<0.1%";
        return v * 100 < 10 ? String.format(Locale.ROOT, "%.1f%%", v * 100) : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    static String ms(double v) {
        return Units.ms(v);
    }

    private static String signedMs(double v) {
        return (v < 0 ? "-" : "+") + ms(Math.abs(v));
    }

    static String pct(double v) {
        return Units.percent(v);
    }

    /** "heat gradient (n = 4096) ×1,000,000 + …" */
    public static String workload(Workload w) {
        List<String> parts = new ArrayList<>();
        for (Workload.Item i : w.items()) parts.add(i.describe() + " ×" + Units.calls(i.calls()));
        return String.join(" + ", parts);
    }
}
