package dev.ctime.autodiff;

import dev.ctime.ReportBuilder;

import dev.ctime.site.ReportPage;
import dev.ctime.site.HtmlPageWriter;
import dev.ctime.model.Status;
import dev.ctime.model.Analysis;
import dev.ctime.model.AutodiffBreakdown;
import dev.ctime.model.CrateFacts;
import dev.ctime.model.ToolchainFacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.GradientCheck;
import dev.ctime.model.KernelTiming;
import dev.ctime.render.ConsoleTable;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
import dev.ctime.model.Thresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutodiffBreakdownTest {
    private final Random rnd = new Random(7);

    Summary runs(double median) {
        double[] v = new double[8];
        for (int i = 0; i < v.length; i++) v[i] = median * (1 + 0.01 * rnd.nextGaussian());
        return Statistics.summarize(v);
    }

    ProfileResult profile(String name, String toolchain, Map<String, Object> settings, double buildMs, double primalNs,
                          double gradientNs, Analysis analysis) {
        KernelTiming k = new KernelTiming("heat", 4096, Status.OK, null, runs(primalNs), null, runs(gradientNs), null, null,
                new GradientCheck(true, 1e-9, 0, 64, 1e-4, null), 1, 1, 1.0, 0, null, null, null, null, null);
        return new ProfileResult(name, Status.OK, null, settings, null, toolchain,
                Map.of("full", new ScenarioFigures(runs(buildMs), runs(buildMs), runs(1e5), runs(buildMs), null, null)),
                analysis, 1L, null, false, List.of(k), null, null);
    }

    @Test
    void buildCostSplitsIntoForcedLtoAndEnzymeAndKernelsCompareWithTheHandWrittenOnes() {
        Map<String, Object> enable = new LinkedHashMap<>(Map.of("toolchain", "nightly", "autodiff", List.of("Enable")));
        Analysis.Builder ab = new Analysis.Builder();
        ab.enzymePassMs = 104.0;
        ab.enzymePassRunsMs = List.of(104.0, 96.0);
        ab.codegenAfterEnzymeMs = 2045.0;
        ab.loopPassesMs = Map.of("LoopVectorizePass", 0.2, "LoopUnrollPass", 0.1);
        ab.differentiated = List.of("heat", "d_heat");
        ab.enzymePerFunctionMs = Map.of("heat", 12.5);
        ab.enzymePerfRemarks = PerfRemarksParser.parse("Load may need caching   %1 = load double in reverse_heat\n"
                + "Instruction could write forcing _ZN3std2io5stdio6_print17h0123456789abcdefE to not be marked readonly_or_throw\n");
        Analysis analysis = ab.build();
        Analysis.Builder hb = new Analysis.Builder();
        hb.loopPassesMs = Map.of("LoopVectorizePass", 3.3, "SLPVectorizerPass", 1.2, "LoopUnrollPass", 2.7);
        List<ProfileResult> ps = List.of(
                profile("release", "default", Map.of(), 100, 30_000, 40_000, null),
                profile("hand-fat-lto", "nightly", Map.of("toolchain", "nightly", "lto", "fat"), 2200, 30_000, 40_000, hb.build()),
                profile("enzyme", "nightly", enable, 2600, 45_000, 92_000, analysis),
                profile("enzyme-nopostopt", "nightly", Map.of("toolchain", "nightly", "autodiff", List.of("NoPostopt")), 1900,
                        50_000, 120_000, null));
        AutodiffBreakdown a = AutodiffCosts.of(ps, null, Thresholds.DEFAULT);
        assertEquals("hand-fat-lto", a.hand());
        assertEquals("release", a.release());
        assertEquals(2, a.builds().size());
        AutodiffBreakdown.Build e = a.builds().get(0);
        assertEquals(22.0, e.forcedLto().ratio(), 0.5);
        assertEquals(2600 / 2200.0, e.enzymeOverFatLto().ratio(), 0.03);
        assertEquals(26.0, e.buildCpuVsRelease().ratio(), 0.6);
        assertEquals(104.0, e.enzymePassMs());
        assertNull(e.settingsEffect(), "the plain Enable profile is the one the others are set against");
        AutodiffBreakdown.Build noPostopt = a.builds().get(1);
        assertEquals("enzyme", noPostopt.settingsAgainst());
        assertEquals(1900 / 2600.0, noPostopt.settingsEffect().ratio(), 0.02);
        assertTrue(noPostopt.settingsEffect().significant());

        AutodiffBreakdown.Row row = a.rows().get(0);
        assertEquals("enzyme", row.profile());
        assertEquals(2.3, row.gradientVsHand().ratio(), 0.05);
        assertTrue(row.gradientVsHand().ciLow() > 2.2 && row.gradientVsHand().ciHigh() < 2.4, row.gradientVsHand().describe());
        assertEquals(1.5, row.primalVsHand().ratio(), 0.03);
        assertEquals(92 / 45.0, row.gradientToPrimal().ratio(), 0.04);
        assertEquals(40 / 30.0, row.handGradientToPrimal().ratio(), 0.03);
        // The autodiff build's primal is 1.5x slower, which flatters its own ratio; against the hand-written primal it is 3x.
        assertEquals(92 / 30.0, row.gradientToHandPrimal().ratio(), 0.06);
        assertEquals("loop vectoriser 0 ms (hand-written 3 ms), SLP vectoriser not run (hand-written 1 ms), unroller 0 ms"
                + " (hand-written 3 ms)", AutodiffCosts.loopPasses(e));
        assertEquals("the autodiff build did not run the SLP vectoriser, which the hand-written build did: its code, the primal's"
                + " included, goes without that vectorisation (rust-lang/rust#160450)", AutodiffCosts.loopPassesMissing(e));
        assertNull(AutodiffCosts.loopPassesMissing(a.builds().get(1)), "no trace, nothing said");

        Report r = ReportBuilder.report(ps).schemaVersion(2).createdAt("t").reference("release").autodiff(a).build();
        String console = String.join("\n", ConsoleTable.render(r, true));
        String brief = String.join(" ", ConsoleTable.render(r)).replaceAll("\\s+", " ");
        assertTrue(brief.matches(".*enzyme \\[Enable\\]: build 2\\d\\.\\d\\dx of release \\(fat LTO 2\\d\\.\\d\\dx, then Enzyme 1\\.\\d\\dx\\).*"), brief);
        assertTrue(brief.contains("; gradients 2.3"), "the compact console gives the gradients' range: " + brief);
        assertFalse(brief.contains("Enzyme's pass"), "the details are for ctime.console=full: " + brief);
        assertTrue(console.contains("autodiff (Enzyme) against the hand-written gradients of hand-fat-lto"), console);
        String flat = console.replaceAll("\\s+", " ");
        assertTrue(flat.contains("Enzyme's pass 100 ms (96 ms–104 ms, 2 runs, 50% interval), code generation after it 2.05 s"), console);
        assertTrue(flat.contains("(over the hand-written primal 3."), console);
        assertTrue(console.contains("heat@4096: gradient 2.3"), console);
        assertTrue(console.contains("ADBench"), console);
        for (String l : ConsoleTable.render(r)) assertTrue(l.length() <= 100, "wider than 100 columns: " + l);

        HtmlPageWriter w = new HtmlPageWriter();
        ReportPage.write(w, ReportBuilder.report(ps).schemaVersion(2).createdAt("t")
                .crate(new CrateFacts("k", null, null, null, null, null))
                .toolchain(new ToolchainFacts(null, "rustc", "22", null, null, null, null, null)).reference("release")
                .autodiff(a).build(),
                List.of(), new ReportPage.Options(null, null, 1e6));
        String html = w.document();
        assertTrue(html.contains("What #[autodiff] costs"), "the page has the breakdown");
        assertTrue(html.contains("<table class=\"autodiff-kernels\">") && html.contains("<table class=\"autodiff-builds\">"));
        assertTrue(html.contains("104 ms") && html.contains("2.05 s"), "Enzyme's pass and the code generation after it");
        assertTrue(html.contains("code generation after it") && !html.contains("optimisation rerun"));
        assertTrue(html.contains("SLP vectoriser not run (hand-written 1 ms)"), "the loop passes side by side");
        assertTrue(html.contains("Loop passes: an autodiff build here did not run the SLP vectoriser"), "explained once");
        assertTrue(html.contains("Enzyme&apos;s work, function by function")
                && html.contains("<td>heat</td><td>13 ms</td><td>1</td><td>0</td><td>0</td>"), html);
        assertTrue(!html.contains("<td>d_heat</td>"), "the generated wrapper is not a row of its own");
        assertTrue(html.contains("are left out as noise (enzyme: 1)"), "the standard library's remarks only counted");
    }

    @Test
    void rejectedPresetsAreListedWithEnzymesVerdictEvenWhenNoneBuilt() {
        ProfileResult rejected = new ProfileResult("enzyme-nott", Status.FAILED, "Enzyme: cannot handle (reverse)"
                + " unknown intrinsic (in k::f)", Map.of("toolchain", "nightly", "autodiff", List.of("NoTT")), null, "nightly", null,
                null, null, null, null, null, null, null);
        AutodiffBreakdown alone = AutodiffCosts.of(List.of(profile("release", "default", Map.of(), 100, 1, 2, null), rejected),
                null, Thresholds.DEFAULT);
        assertEquals(List.of(new AutodiffBreakdown.Rejected("enzyme-nott", List.of("NoTT"), rejected.reason())), alone.rejected());
        Report r = ReportBuilder.report(List.of(rejected)).schemaVersion(2).createdAt("t").reference("release").autodiff(alone)
                .build();
        assertTrue(String.join("\n", ConsoleTable.render(r)).contains("enzyme-nott [NoTT]: rejected, Enzyme: cannot handle"));
        assertEquals(null, alone.hand(), "no fat-LTO build without autodiff: none to name");

        // The hand-written baseline was measured: it is named, not asked for (a failed profile may lack its toolchain).
        ProfileResult hand = profile("hand-fat-lto", "nightly", Map.of("toolchain", "nightly", "lto", "fat"), 300, 1, 2, null);
        for (String tc : new String[] {"nightly", null}) {
            ProfileResult failed = new ProfileResult("enzyme", Status.FAILED, "Enzyme: Illegal updateAnalysis",
                    Map.of("toolchain", "nightly", "autodiff", List.of("Enable")), null, tc, null, null, null, null, null, null, null, null);
            AutodiffBreakdown withHand = AutodiffCosts.of(List.of(profile("release", "default", Map.of(), 100, 1, 2, null), hand, failed),
                    null, Thresholds.DEFAULT);
            assertEquals("hand-fat-lto", withHand.hand(), "toolchain " + tc);
            Report rh = ReportBuilder.report(List.of(hand, failed)).schemaVersion(2).createdAt("t").reference("release")
                    .autodiff(withHand).build();
            String console = String.join("\n", ConsoleTable.render(rh));
            assertFalse(console.contains("no hand-written baseline"), console);
            assertTrue(console.contains("against the hand-written gradients of hand-fat-lto"), console);
        }
    }

    @Test
    void presetsRejectedTheSameWayAreNamedTogetherAndTheReasonSaidOnce() {
        String why = "Enzyme: Illegal updateAnalysis prev:{[-1]:Float@double} new: {[-1]:Integer} (in libm::math::exp::exp)";
        List<ProfileResult> failed = new java.util.ArrayList<>();
        for (String[] p : new String[][] {{"enzyme", "Enable"}, {"enzyme-nott", "NoTT"}, {"enzyme-loosetypes", "LooseTypes"}}) {
            failed.add(new ProfileResult(p[0], Status.FAILED, p[0].equals("enzyme-loosetypes") ? "Enzyme: cannot handle x" : why,
                    Map.of("toolchain", "nightly", "autodiff", List.of(p[1])), null, "nightly", null, null, null, null, null, null,
                    null, null));
        }
        AutodiffBreakdown a = AutodiffCosts.of(failed, null, Thresholds.DEFAULT);
        Report r = ReportBuilder.report(failed).schemaVersion(2).createdAt("t").reference("release").autodiff(a).build();
        String all = String.join("\n", ConsoleTable.render(r));
        String console = all.substring(all.indexOf("autodiff (Enzyme)"));
        assertEquals(1, console.split("Illegal updateAnalysis", -1).length - 1, console);
        assertTrue(console.contains("enzyme [Enable], enzyme-nott [NoTT]: all 2 rejected the same way, Enzyme: Illegal"), console);
        assertTrue(console.contains("enzyme-loosetypes [LooseTypes]: rejected, Enzyme: cannot handle x"), console);
    }

    @Test
    void theForcedFatLtoIsMeasuredOnOneToolchainWhereThereIsABuildWithoutLtoOnIt() {
        Map<String, Object> enable = Map.of("toolchain", "nightly", "autodiff", List.of("Enable"));
        List<ProfileResult> ps = List.of(profile("release", "default", Map.of(), 100, 30_000, 40_000, null),
                profile("opt1", "nightly", Map.of("toolchain", "nightly", "optLevel", "1"), 90, 50_000, 60_000, null),
                profile("hand-fat-lto", "nightly", Map.of("toolchain", "nightly", "lto", "fat"), 2200, 30_000, 40_000, null),
                profile("enzyme", "nightly", enable, 2600, 45_000, 92_000, null));
        AutodiffBreakdown without = AutodiffCosts.of(ps, null, Thresholds.DEFAULT);
        assertEquals("release", without.release(), "opt-level 1 is no release build: not the one to read LTO against");
        assertTrue(without.releaseNote().contains("toolchain nightly") && without.releaseNote().contains("toolchain default"));
        List<ProfileResult> with = new java.util.ArrayList<>(ps);
        with.add(profile("hand-release", "nightly", Map.of("toolchain", "nightly"), 105, 30_000, 40_000, null));
        AutodiffBreakdown same = AutodiffCosts.of(with, null, Thresholds.DEFAULT);
        assertEquals("hand-release", same.release());
        assertNull(same.releaseNote());
        assertEquals(2200 / 105.0, same.builds().get(0).forcedLto().ratio(), 0.6);
    }

    @Test
    void aProfileThatPrintsIsNotChargedThePrintingAsASettingsCost() {
        var printing = new AutodiffBreakdown.Build("enzyme-perf", List.of("Enable", "PrintPerf"), 2900.0, null, null, null, 2920.0,
                null, "enzyme", null, null, null, null, null);
        assertTrue(AutodiffCosts.printingNote(printing).contains("Enzyme printing PrintPerf"), AutodiffCosts.printingNote(printing));
        assertNull(AutodiffCosts.printingNote(new AutodiffBreakdown.Build("enzyme", List.of("Enable"), 1.0, null, null, null,
                null, null, null, null, null, null, null, null)));
    }

    @Test
    void noEnzymeProfileNoBreakdown() {
        assertNull(AutodiffCosts.of(List.of(profile("release", "default", Map.of(), 100, 1, 2, null)), null, Thresholds.DEFAULT));
    }
}
