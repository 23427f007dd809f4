package dev.ctime.site;

import dev.ctime.render.AutodiffLines;
import dev.ctime.model.TrainingEffect;
import dev.ctime.model.Analysis;
import dev.ctime.autodiff.AutodiffCosts;
import dev.ctime.model.AutodiffBreakdown;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import java.util.ArrayList;
import java.util.List;

import static dev.ctime.site.PageCells.*;

/** The page's sections on #[autodiff] and on PGO and BOLT: what each costs at build time and buys at run time. */
final class AutodiffSections {
    private AutodiffSections() {
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
            builds.add(List.of(x.profile(), String.join(", ", x.autodiff()), AutodiffLines.what(x) + ": " + x.reason(), "", "", "", "", "", "", ""));
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
}
