package dev.ctime.site;

import dev.ctime.ReportBuilder;

import dev.ctime.store.ReportFiles;
import dev.ctime.model.Status;
import dev.ctime.verdict.Comparisons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.gate.Gate;
import dev.ctime.gate.GateFormats;
import dev.ctime.gate.GateThresholds;
import dev.ctime.gate.Measured;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.render.ConsoleTable;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
import dev.ctime.model.Control;
import dev.ctime.model.Decision;
import dev.ctime.verdict.DecisionText;
import dev.ctime.model.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every view tells the story report.json tells: none of them decides again. */
class OneJudgementTest {
    static List<Path> fixtures(String folder) throws Exception {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources", folder))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static String page(Report r, ReportPage.Options o) {
        HtmlPageWriter w = new HtmlPageWriter();
        ReportPage.write(w, r, List.of(), o);
        return w.document();
    }

    @Test
    void thePageAndTheConsoleShowReportJsonsDecisionForEveryFixture() throws Exception {
        List<Path> all = new ArrayList<>(fixtures("reports"));
        all.addAll(fixtures("reports-v4"));
        for (Path f : all) {
            Report r = ReportFiles.readJson(f);
            Decision d = r.decision();
            assertNotNull(d, f.toString());
            String html = page(r, new ReportPage.Options(null, null, null));
            assertTrue(html.contains(Svg.escape(d.reason())), f + ": the page shows report.json's reason, not its own");
            assertSame(d, ReportPage.decision(r, new ReportPage.Options(null, "anything", null)), f);
            String head = d.recommended() != null ? "use profile " + Svg.escape(d.recommended())
                    : Svg.escape(DecisionText.headline(d).substring(1));
            assertTrue(html.contains(head), f + ": " + head);
            assertFalse(html.contains("Re-judged"), f + ": nothing is re-judged unless asked");
            if (d.undecidedNow()) {
                assertTrue(html.contains("<table class=\"undecided\">"), f + ": what cannot be told apart yet is listed");
                assertFalse(d.undecided().isEmpty(), f + ": the undecided comparisons are in report.json");
            }
            // Wrapped to the terminal's width: compared with the line breaks folded.
            String console = String.join(" ", ConsoleTable.render(r)).replaceAll("\\s+", " ");
            assertTrue(console.contains("verdict: " + DecisionText.headline(d).replaceAll("\\s+", " ")), f + ":\n" + console);
            assertTrue(console.contains(d.reason().replaceAll("\\s+", " ").substring(0, 40)), f + ": the reason, as stored");
        }
    }

    @Test
    void theDecisionsWordsAreTheTablesForEveryFixture() throws Exception {
        int checked = 0;
        for (Path f : fixtures("reports")) {
            Report r = ReportFiles.readJson(f);
            Decision d = r.decision();
            if (d.bound() == null || d.undecided() == null) continue;
            String figure = "compile." + d.scenario() + ".cpuMs";
            for (Decision.Undecided u : d.undecided()) {
                for (dev.ctime.model.Comparison c : r.comparisons()) {
                    if (!c.figure().equals(figure)) continue;
                    boolean same = c.profile().equals(u.profile()) && c.reference().equals(u.against());
                    boolean reversed = c.profile().equals(u.against()) && c.reference().equals(u.profile());
                    if (!same && !reversed) continue;
                    boolean pipeline = r.profiles().stream().anyMatch(p -> (p.name().equals(u.profile()) || p.name().equals(u.against()))
                            && p.pipeline() != null);
                    if (pipeline) continue;
                    assertEquals(same ? c.verdict() : c.reversed().verdict(), u.build().verdict(), f + ": " + d.reason());
                    assertTrue(d.reason().contains(u.build().describe() + " " + u.build().verdict()), f + ": " + d.reason());
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "no fixture compares a decision's words with its table");
    }

    private static void assertSame(Decision expected, Decision actual, Path f) {
        assertTrue(expected == actual, f + ": the stored decision is read as it is");
    }

    @Test
    void anotherCallCountIsAnExplicitRejudgementAndThePageSaysSo() throws Exception {
        Report r = ReportFiles.readJson(Path.of("src/test/resources/reports/measure-basic.json"));
        double other = r.decision().expectedCalls() * 1000;
        Decision again = ReportPage.decision(r, new ReportPage.Options(null, null, other));
        assertEquals(other, again.expectedCalls(), 1e-6);
        assertEquals(r.decision().workload().items().size(), again.workload().items().size(), "the same workload, scaled");
        String html = page(r, new ReportPage.Options(null, null, other));
        assertTrue(html.contains("Re-judged for"), "the page says it re-judged");
        assertTrue(html.contains(Svg.escape(again.reason())));
    }

    static Summary forks(double... medians) {
        List<double[]> groups = new ArrayList<>();
        for (double m : medians) groups.add(new double[] {m, m * 1.001, m * 0.999});
        return Statistics.summarizeGroups(groups);
    }

    static KernelTiming kernel(Summary s) {
        return new KernelTiming("k", 100, Status.OK, null, s, null, s, null, 1.0, null, 1, 1, 1.0, 0, null, null, null, null, null);
    }

    static Report withControl(Summary original, Summary copy) {
        ProfileResult ref = SitePartsTest.profile("release", "ok", 100, 1000, Map.of());
        ref = new ProfileResult(ref.name(), ref.status(), null, ref.settings(), ref.applied(), ref.toolchain(), ref.compile(), null,
                null, null, null, List.of(kernel(original)), null, null);
        Control c = Comparisons.control(ref, List.of(kernel(copy)), Thresholds.DEFAULT);
        Report base = SitePartsTest.report(List.of(ref));
        List<String> warnings = c.unreliable() ? List.of(c.describe()) : List.of();
        return ReportBuilder.report(base.profiles()).schemaVersion(base.schemaVersion()).tool(base.tool())
                .createdAt(base.createdAt()).label(base.label()).crate(base.crate()).machine(base.machine())
                .settings(base.settings()).toolchain(base.toolchain()).toolchains(base.toolchains()).reference(base.reference())
                .comparisons(base.comparisons()).decision(base.decision()).warnings(warnings).control(c).build();
    }

    @Test
    void aControlThatDiffersWarnsEverywhereTheVerdictAppears() {
        // Eight forks each; the copy of the same library ran 20% slower: the machine moved, not the code.
        Report bad = withControl(forks(100, 101, 99, 100, 102, 98, 100, 101), forks(120, 121, 119, 120, 122, 118, 120, 121));
        assertTrue(bad.control().unreliable());
        assertEquals(2, bad.control().figures(), "the primal and the gradient");
        String console = String.join("\n", ConsoleTable.render(bad));
        assertTrue(console.contains("warning: control: 2 of 2 figures differ"), console);
        assertTrue(console.contains("unreliable"), console);
        String html = page(bad, new ReportPage.Options(null, null, null));
        assertTrue(html.contains("Control: 2 of 2 figures differ"), "the page says so");
        assertTrue(html.contains("<table class=\"control\">"), "and lists the figures");
        Measured m = Measured.of(bad);
        Gate.Result res = Gate.compare(m, m, GateThresholds.defaults(), Gate.OnMismatch.FAIL);
        assertTrue(res.warnings().stream().anyMatch(w -> w.startsWith("this run's control: 2 of 2 figures differ")), res.warnings().toString());
        assertTrue(String.join("\n", GateFormats.console(res, "b")).contains("warning: this run's control"));
        assertTrue(GateFormats.markdown(res, "b").contains("**warning**: this run's control"));
        assertTrue(GateFormats.junit(res, "b").contains("<property name=\"warning\""));

        Report good = withControl(forks(100, 101, 99, 100, 102, 98, 100, 101), forks(100, 100.5, 99.5, 101, 101, 99, 100, 100));
        assertFalse(good.control().unreliable());
        assertTrue(String.join("\n", ConsoleTable.render(good)).contains("control: 0 of 2 figures differ"));
        assertTrue(Gate.compare(Measured.of(good), Measured.of(good), GateThresholds.defaults(), Gate.OnMismatch.FAIL).warnings().isEmpty());
    }
}
