package dev.ctime.render;

import dev.ctime.model.TrainingEffect;
import dev.ctime.autodiff.AutodiffCosts;
import dev.ctime.text.Units;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.AutodiffBreakdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The console's lines on #[autodiff] and on PGO and BOLT: what each costs at build time and buys at run time. */
public final class AutodiffLines {
    private AutodiffLines() {
    }

    /**
     * One line per distinct failure: presets rejected with the same words (the same kernel, the same verdict) are
     * named together, the reason said once.
     */
    static List<String> rejected(AutodiffBreakdown a, boolean brief) {
        // Keyed by the words and by what was left out: the first line is what a person reads for the group.
        Map<List<Object>, List<AutodiffBreakdown.Rejected>> byReason = new java.util.LinkedHashMap<>();
        for (AutodiffBreakdown.Rejected x : a.rejected()) {
            String why = ConsoleTable.clean(x.reason() == null ? "" : x.reason().replace('\n', ' '));
            byReason.computeIfAbsent(java.util.Arrays.asList(brief ? ConsoleTable.firstLine(why) : why, x.without()),
                    k -> new ArrayList<>()).add(x);
        }
        List<String> out = new ArrayList<>();
        byReason.forEach((key, xs) -> out.add(String.join(", ", xs.stream().map(x -> ConsoleTable.clean(x.profile()) + " ["
                + String.join(",", x.autodiff()) + "]").toList()) + ": " + (xs.size() == 1 ? "" : "all " + xs.size() + " ")
                + what(xs.get(0)) + (xs.size() == 1 ? ", " : " the same way, ") + key.get(0)));
        return out;
    }

    /** "rejected", or where the library was built again without the rejected derivatives, which kernels that cost. */
    public static String what(AutodiffBreakdown.Rejected x) {
        if (x.without() == null || x.without().isEmpty()) return "rejected";
        return "rejected " + String.join(", ", x.without()) + " (built again without " + (x.without().size() == 1 ? "it" : "them")
                + "; the other kernels are timed)";
    }

    /** The autodiff breakdown: what Enzyme costs per profile at build time, and per kernel against the hand-written code. */
    static List<String> autodiff(AutodiffBreakdown a, boolean full) {
        List<String> out = new ArrayList<>();
        if (a == null) return out;
        if (!full) return autodiffBrief(a);
        out.add("");
        out.add("autodiff (Enzyme) against " + (a.hand() == null ? "no hand-written baseline (add a fat-LTO profile without"
                + " autodiff on the same toolchain, as the hand-fat-lto preset is)" : "the hand-written gradients of " + ConsoleTable.clean(a.hand()))
                + ", 95% intervals:");
        for (AutodiffBreakdown.Build b : a.builds()) {
            StringBuilder sb = new StringBuilder(ConsoleTable.clean(b.profile())).append(" [").append(String.join(",", b.autodiff())).append("]: ");
            sb.append("build CPU ").append(b.buildCpuMs() == null ? "?" : Units.ms(b.buildCpuMs()));
            if (b.buildCpuVsRelease() != null) sb.append(", ").append(b.buildCpuVsRelease().describe()).append(" of ").append(ConsoleTable.clean(a.release()));
            if (b.forcedLto() != null) sb.append("; the fat LTO it forces: ").append(b.forcedLto().describe());
            if (b.enzymeOverFatLto() != null) sb.append(", then Enzyme: ").append(b.enzymeOverFatLto().describe());
            if (AutodiffCosts.enzymePass(b) != null) sb.append("; Enzyme's pass ").append(AutodiffCosts.enzymePass(b));
            if (b.codegenAfterEnzymeMs() != null) sb.append(", code generation after it ").append(Units.ms(b.codegenAfterEnzymeMs()));
            if (AutodiffCosts.loopPasses(b) != null) sb.append("; loop passes: ").append(AutodiffCosts.loopPasses(b));
            if (AutodiffCosts.loopPassesMissing(b) != null) sb.append("; ").append(AutodiffCosts.loopPassesMissing(b));
            if (b.identicalTo() != null) sb.append("; ").append(IdenticalLibraries.note(ConsoleTable.clean(b.identicalTo())));
            if (b.settingsEffect() != null) sb.append("; against ").append(ConsoleTable.clean(b.settingsAgainst())).append(": ")
                    .append(b.settingsEffect().describe());
            if (AutodiffCosts.printingNote(b) != null) sb.append(" (").append(AutodiffCosts.printingNote(b)).append(')');
            ConsoleTable.wrap(sb.toString(), ConsoleTable.WIDTH - 2, "  ").forEach(l -> out.add("  " + l));
            for (AutodiffBreakdown.Row row : a.rows()) {
                if (!row.profile().equals(b.profile())) continue;
                StringBuilder k = new StringBuilder(ConsoleTable.clean(row.kernel())).append('@').append(row.n()).append(": ");
                k.append(row.gradientVsHand() == null ? "no hand-written figures to compare" : "gradient "
                        + row.gradientVsHand().describe() + " of hand-written, primal " + row.primalVsHand().describe());
                if (row.gradientToPrimal() != null) {
                    k.append(", gradient/primal ").append(row.gradientToPrimal().describe());
                    if (row.gradientToHandPrimal() != null) k.append(" (over the hand-written primal ")
                            .append(row.gradientToHandPrimal().describe()).append(")");
                    if (row.handGradientToPrimal() != null) k.append(" against ").append(row.handGradientToPrimal().describe())
                            .append(" hand-written");
                }
                ConsoleTable.wrap(k.toString(), ConsoleTable.WIDTH - 4, "  ").forEach(l -> out.add("    " + l));
            }
        }
        rejected(a, false).forEach(r -> ConsoleTable.wrap(r, ConsoleTable.WIDTH - 2, "  ").forEach(l -> out.add("  " + l)));
        if (a.releaseNote() != null) ConsoleTable.wrap(a.releaseNote(), ConsoleTable.WIDTH - 2, "  ").forEach(l -> out.add("  " + l));
        if (a.anchor() != null) ConsoleTable.wrap(a.anchor(), ConsoleTable.WIDTH - 2, "  ").forEach(l -> out.add("  " + l));
        return out;
    }

    /**
     * The autodiff breakdown in a line per Enzyme profile: its build against release and what makes it up, and the range
     * of its gradients against the hand-written ones; a rejected preset with Enzyme's verdict.
     */
    static List<String> autodiffBrief(AutodiffBreakdown a) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("autodiff (Enzyme) against " + (a.hand() == null ? "no hand-written baseline (add a fat-LTO profile without"
                + " autodiff on the same toolchain, as the hand-fat-lto preset is)" : "the hand-written gradients of "
                + ConsoleTable.clean(a.hand())) + ":");
        for (AutodiffBreakdown.Build b : a.builds()) {
            StringBuilder sb = new StringBuilder(ConsoleTable.clean(b.profile())).append(" [").append(String.join(",", b.autodiff())).append("]: ");
            if (b.identicalTo() != null) {
                sb.append(IdenticalLibraries.note(ConsoleTable.clean(b.identicalTo())));
            } else {
                sb.append("build ").append(b.buildCpuVsRelease() == null ? "?" : ConsoleTable.brief(b.buildCpuVsRelease())).append(" of ")
                        .append(ConsoleTable.clean(a.release()));
                if (b.forcedLto() != null && b.enzymeOverFatLto() != null) sb.append(" (fat LTO ").append(ConsoleTable.brief(b.forcedLto()))
                        .append(", then Enzyme ").append(ConsoleTable.brief(b.enzymeOverFatLto())).append(')');
                double[] g = a.rows().stream().filter(x -> x.profile().equals(b.profile()) && x.gradientVsHand() != null)
                        .mapToDouble(x -> x.gradientVsHand().ratio()).sorted().toArray();
                if (g.length > 0) sb.append("; gradients ").append(g.length == 1 || g[0] == g[g.length - 1] ? String.format(Locale.ROOT,
                        "%.2fx", g[0]) : String.format(Locale.ROOT, "%.2fx to %.2fx", g[0], g[g.length - 1])).append(" the hand-written");
                if (AutodiffCosts.loopPassesMissing(b) != null) sb.append("; skipped loop passes the hand-written build ran");
            }
            ConsoleTable.wrap(sb.toString(), ConsoleTable.WIDTH - 2, "  ").forEach(l -> out.add("  " + l));
        }
        rejected(a, true).forEach(r -> ConsoleTable.wrap(r, ConsoleTable.WIDTH - 2, "  ").forEach(l -> out.add("  " + l)));
        return out;
    }

    /** PGO and BOLT: each pipeline's cost, and what the trained library buys against the same profile untrained. */
    static List<String> training(TrainingEffect t, boolean full) {
        List<String> out = new ArrayList<>();
        if (t == null) return out;
        out.add("");
        out.add("PGO/BOLT against the same profiles without them, 95% intervals (each pipeline stage measured once):");
        for (TrainingEffect.Build b : t.builds()) {
            StringBuilder sb = new StringBuilder(ConsoleTable.clean(b.profile())).append(" [").append(b.trained()).append("] against ")
                    .append(b.against() == null ? "nothing measured" : ConsoleTable.clean(b.against()) + (b.twin() ? "" : " (no untrained twin"
                            + " in this run: the reference)")).append(": pipeline ").append(Units.ms(b.pipeline().cpuMs()))
                    .append(" CPU, ").append(Units.ms(b.pipeline().wallMs())).append(" wall (");
            sb.append(String.join(", ", b.pipeline().stages().stream().map(s -> s.stage() + " " + Units.ms(s.cpuMs())).toList()))
                    .append(')');
            if (b.buildCpu() != null) sb.append("; final build ").append(b.buildCpu().describe());
            if (b.withPipeline() != null) sb.append(", with the pipeline ").append(b.withPipeline().describe());
            ConsoleTable.wrap(sb.toString(), ConsoleTable.WIDTH - 2, "  ").forEach(l -> out.add("  " + l));
            for (TrainingEffect.Row row : t.rows()) {
                if (!full || !row.profile().equals(b.profile())) continue;
                StringBuilder k = new StringBuilder(ConsoleTable.clean(row.kernel())).append('@').append(row.n()).append(": ");
                k.append("primal ").append(row.primal() == null ? "?" : row.primal().describe() + ConsoleTable.mark(row.primal()));
                if (row.gradient() != null) k.append(", gradient ").append(row.gradient().describe()).append(ConsoleTable.mark(row.gradient()));
                ConsoleTable.wrap(k.toString(), ConsoleTable.WIDTH - 4, "  ").forEach(l -> out.add("    " + l));
            }
        }
        return out;
    }
}
