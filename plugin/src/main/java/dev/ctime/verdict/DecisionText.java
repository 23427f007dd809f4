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

    /** "1.00 million calls per build of heat gradient (n = 4096)", or of the workload. */
    public static String usage(Decision d) {
        if (d.workload() == null) return Units.calls(d.expectedCalls()) + " calls per build";
        return Units.calls(d.expectedCalls()) + " calls per build of " + (d.workload().items().size() == 1
                ? d.workload().items().get(0).describe() : "the workload (" + d.workload().items().size() + " kernel functions)");
    }

    /** The first line: what to do. */
    public static String headline(Decision d) {
        String usage = usage(d);
        // A report of schema 4 or older: its decision is shown as it was recorded.
        if (d.state() == null) return d.recommended() + " for " + usage + " (as recorded by an older ctime)";
        if (d.undecidedNow()) return "undecided for " + usage + ": " + String.join(", ", contenders(d))
                + " cannot be told apart yet";
        if (d.recommended() == null) return "no recommendation: no profile measured every kernel of the workload";
        return d.recommended() + " for " + usage;
    }

    /** What to do next, in one sentence: the same on the console and the page. */
    public static String next(Decision d) {
        if (d.state() == null) return null;
        if (d.undecidedNow()) {
            int most = d.undecided().stream().mapToInt(Decision.Undecided::runsToSettle).max().orElse(0);
            return "next: run again with more builds and forks (-Dctime.repeat=" + most + " -Dctime.forks=" + most + ", or raise"
                    + " ctime.maxRepeat and ctime.maxForks), on an idle machine; or take either of " + String.join(", ", contenders(d))
                    + ": the comparisons above bound what choosing wrong can cost.";
        }
        if (d.recommended() == null) return "next: fix the kernels named above (or leave them out of the workload) and run again.";
        return "next: paste the block into your crate; then mvn ctime:baseline once and mvn ctime:check in CI keep it from"
                + " regressing (mvn ctime:report renders the page).";
    }


    static List<String> contenders(Decision d) {
        return d.undecided() == null ? List.of() : Decision.Undecided.contenders(d.undecided());
    }

    public static String reason(Decision d) {
        StringBuilder sb = new StringBuilder();
        if (d.undecidedNow()) {
            Decision.Undecided first = d.undecided().get(0);
            sb.append(first.against()).append(" has the lowest estimated cost per build, but ")
                    .append(d.undecided().size() == 1 ? "one profile" : d.undecided().size() + " profiles")
                    .append(" cannot be told from it yet. ");
            int most = 0;
            for (Decision.Undecided u : d.undecided()) {
                sb.append(u.profile()).append(": build CPU ").append(u.build().describe()).append(' ').append(u.build().verdict())
                        .append(", run time ").append(u.run().describe()).append(' ').append(u.run().verdict())
                        .append("; cost per build ").append(signedMs(u.totalMs())).append(" (")
                        .append(u.totalLow() == null ? "unbounded" : signedMs(u.totalLow()) + " to " + signedMs(u.totalHigh()))
                        .append(", equivalent within ±").append(ms(u.marginMs())).append("). ");
                most = Math.max(most, u.runsToSettle());
            }
            sb.append("About ").append(most).append(" builds and ").append(most).append(" forks a profile (ctime.repeat, ctime.forks)"
                    + " would settle ").append(d.undecided().size() == 1 ? "it" : "them").append(" at the spread seen so far.");
            if (d.equivalent() != null && !d.equivalent().isEmpty()) {
                sb.append(" Equivalent in cost to ").append(first.against()).append(" (interchangeable with it): ")
                        .append(String.join(", ", d.equivalent())).append('.');
            }
        } else if (d.recommended() == null) {
            sb.append("No profile measured every kernel of the workload.");
        } else {
            sb.append(d.recommended()).append(" has the lowest cost per build for ").append(Units.calls(d.expectedCalls()))
                    .append(" calls of ").append(workload(d.workload())).append('.');
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
            for (BreakEven b : d.breakEvens()) {
                if (b.calls() == null || !(b.cheaperBuild().equals(d.recommended()) || b.fasterRun().equals(d.recommended()))) continue;
                sb.append(' ').append(b.fasterRun()).append(" runs faster than ").append(b.cheaperBuild()).append(" and pays for its")
                        .append(" build after ").append(Units.calls(b.calls())).append(" calls (")
                        .append(Units.calls(b.ciLow())).append('–').append(b.ciHigh() == null ? "unbounded" : Units.calls(b.ciHigh()))
                        .append(").");
            }
            if (d.equivalent() != null && !d.equivalent().isEmpty()) {
                sb.append(" Equivalent in cost (interchangeable): ").append(String.join(", ", d.equivalent()))
                        .append("; the cheaper build is named.");
            }
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

    static String ms(double v) {
        return Units.ms(v);
    }

    private static String signedMs(double v) {
        return (v < 0 ? "-" : "+") + ms(Math.abs(v));
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    /** "heat gradient (n = 4096) ×1,000,000 + …" */
    public static String workload(Workload w) {
        List<String> parts = new ArrayList<>();
        for (Workload.Item i : w.items()) parts.add(i.describe() + " ×" + Units.calls(i.calls()));
        return String.join(" + ", parts);
    }
}
