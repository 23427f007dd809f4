package dev.ctime.site;

import dev.ctime.ReportBuilder;

import dev.ctime.stats.EvenRuns;
import dev.ctime.render.CargoSnippet;
import dev.ctime.model.Verdict;
import dev.ctime.model.Status;
import dev.ctime.model.Race;
import dev.ctime.model.Comparison;
import dev.ctime.model.Applied;
import dev.ctime.verdict.Workloads;
import dev.ctime.gate.HistoryLog;
import dev.ctime.model.CrateFacts;
import dev.ctime.model.MachineFacts;
import dev.ctime.model.ToolchainFacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.GradientCheck;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Summary;
import dev.ctime.model.BreakEven;
import dev.ctime.verdict.Comparisons;
import dev.ctime.verdict.Decider;
import dev.ctime.model.Decision;
import dev.ctime.model.Workload;
import dev.ctime.model.Thresholds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePartsTest {
    static Summary s(double median) {
        return EvenRuns.around(median, 0.02);
    }

    static Decision.Estimate e(double median) {
        Summary x = s(median);
        return new Decision.Estimate(x.median(), x.ciLow(), x.ciHigh(), x.ciLevel(), x.runs());
    }

    static ProfileResult profile(String name, String status, double compileMs, double runNs, Map<String, Object> settings) {
        ScenarioFigures f = new ScenarioFigures(s(compileMs), s(compileMs), s(100_000), s(compileMs * 1.2), null, null);
        KernelTiming big = new KernelTiming("k<1>", 1000, Status.OK, null, s(runNs / 2), runNs / 2000, s(runNs), runNs / 1000, 2.0,
                new GradientCheck(true, 1e-9, 0, 64, 1e-4, null), 1, 1, 1.0, 0, null, null, null, null, null);
        KernelTiming small = new KernelTiming("k<1>", 10, Status.OK, null, s(runNs / 50), runNs / 500, s(runNs / 25), runNs / 250, 2.0,
                new GradientCheck(true, 1e-9, 0, 10, 1e-4, null), 1, 1, 1.0, 0, null, null, null, null, null);
        Applied.Builder ab = new Applied.Builder();
        ab.rustflagsAdded = List.of("-Ctarget-cpu=native");
        ab.features = List.of();
        Applied applied = ab.build();
        return new ProfileResult(name, Status.of(status), status.equals("ok") ? null : "broken <b>", settings, applied, "default",
                Map.of("full", f), null, 1000L, s(3), false, List.of(small, big), null, null);
    }

    /** A report as ctime:measure writes it: the decision is computed once and stored. */
    static Report report(List<ProfileResult> ps) {
        return ReportBuilder.report(ps).schemaVersion(1).createdAt("2026-11-20T00:00:00Z").label("<label>")
                .crate(new CrateFacts("demo", null, null, null, null, null))
                .machine(new MachineFacts(null, null, 2, "x", "unavailable", null))
                .toolchain(new ToolchainFacts(null, "rustc 1.95.0", "22.1.2", null, null, null, null, null))
                .reference("release")
                .decision(Decider.decide(ps, Workloads.defaultFor(ps, 1e6), null, "release", Thresholds.DEFAULT)).build();
    }

    private static Decision decide(Report r, double calls) {
        return Decider.decide(r.profiles(), Workloads.defaultFor(r.profiles(), calls), null, "release", Thresholds.DEFAULT);
    }

    @Test
    void frontBreakEvenAndRecommendation() {
        Report r = report(List.of(profile("dev", "ok", 100, 5000, Map.of()), profile("release", "ok", 200, 1000, Map.of()),
                profile("slow-and-slow", "ok", 300, 2000, Map.of()), profile("fat", "ok", 2200, 800, Map.of())));
        Decision d = decide(r, 1e6);
        assertEquals(List.of("dev", "release", "fat"), d.front());
        List<BreakEven> be = d.breakEvens();
        // 100 ms more build time, 4000 ns less per call: 25,000 calls.
        assertEquals(25_000, be.get(0).calls(), 1e-6);
        assertEquals(2000e6 / 200, be.get(1).calls(), 1e-6);
        assertEquals("dev", decide(r, 1000).recommended());
        assertEquals("release", d.recommended());
        assertEquals("fat", decide(r, 1e9).recommended());
        assertNull(Decider.decide(List.of(), Workloads.defaultFor(List.of(), 1), null, "release", Thresholds.DEFAULT));
    }

    @Test
    void failedProfilesAreNeverRanked() {
        Report r = report(List.of(profile("ok", "ok", 100, 1000, Map.of("inherits", "release")),
                profile("wrong-gradient", "failed", 50, 10, Map.of("inherits", "release"))));
        Decision d = decide(r, 1e6);
        assertEquals(List.of(new Workload.Item("k<1>", 1000, "gradient", 1e6)), d.workload().items());
        assertEquals(List.of("ok"), d.points().stream().map(Decision.Point::profile).toList());
    }

    @Test
    void cargoSnippetIsWhatToPaste() throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("inherits", "release");
        settings.put("optLevel", "3");
        settings.put("lto", "thin-local");
        settings.put("codegenUnits", 1);
        settings.put("debug", "line-tables");
        settings.put("toolchain", "nightly");
        String snippet = CargoSnippet.of(profile("p", "ok", 1, 1, settings));
        assertEquals("# Cargo.toml\n[profile.release]\nopt-level = 3\nlto = false\ncodegen-units = 1\n"
                + "debug = \"line-tables-only\"\n\n# .cargo/config.toml\n[build]\nrustflags = [\"-Ctarget-cpu=native\"]\n\n"
                + "# rust-toolchain.toml\n[toolchain]\nchannel = \"nightly\"\n", snippet);
        // Every section of the block is TOML that reads back as written, a flag with a quote and a backslash included.
        ProfileResult odd = profile("q", "ok", 1, 1, settings);
        Applied.Builder ab = new Applied.Builder();
        ab.rustflagsAdded = List.of("-Clink-arg=-Wl,-rpath,C:\\lib \"x\"");
        ab.features = List.of();
        odd = new ProfileResult(odd.name(), odd.status(), odd.reason(), odd.settings(), ab.build(), odd.toolchain(), odd.compile(),
                odd.analysis(), odd.artifactBytes(), odd.harnessOverheadNs(), odd.pinned(), odd.kernels(), odd.warnings(), odd.pipeline());
        String toml = CargoSnippet.of(odd);
        String config = toml.substring(toml.indexOf("[build]"), toml.indexOf("# rust-toolchain.toml"));
        com.fasterxml.jackson.databind.JsonNode read = new com.fasterxml.jackson.dataformat.toml.TomlMapper().readTree(config);
        assertEquals("-Clink-arg=-Wl,-rpath,C:\\lib \"x\"", read.path("build").path("rustflags").get(0).asText(), config);
        Map<String, Object> autodiff = Map.of("inherits", "release", "autodiff", List.of("Enable"));
        assertTrue(CargoSnippet.of(profile("e", "ok", 1, 1, autodiff)).contains("lto = \"fat\""));
        // Package overrides paste as Cargo's own tables, and read back as the profile set them.
        Map<String, Object> deps = Map.of("inherits", "release", "packages", List.of("*:opt-level=2", "libm:codegen-units=1",
                "libm:strip=symbols"));
        String withDeps = CargoSnippet.of(profile("d", "ok", 1, 1, deps));
        com.fasterxml.jackson.databind.JsonNode t = new com.fasterxml.jackson.dataformat.toml.TomlMapper()
                .readTree(withDeps.substring(0, withDeps.indexOf("\n\n") < 0 ? withDeps.length() : withDeps.indexOf("\n\n")));
        com.fasterxml.jackson.databind.JsonNode pkg = t.path("profile").path("release").path("package");
        assertEquals(2, pkg.path("*").path("opt-level").asInt(), withDeps);
        assertEquals(1, pkg.path("libm").path("codegen-units").asInt(), withDeps);
        assertEquals("symbols", pkg.path("libm").path("strip").asText(), withDeps);
    }

    @Test
    void chartsAreDeterministicAndEscapeUserStrings() {
        List<Decision.Point> pts = List.of(new Decision.Point("<script>alert(1)</script>", e(100), e(900)),
                new Decision.Point("b&q", e(900), e(100)));
        List<String> front = List.of("<script>alert(1)</script>", "b&q");
        String a = Svg.pareto("t \"x\"", pts, front, "b&q", List.of(), "ms", "ns");
        assertEquals(a, Svg.pareto("t \"x\"", pts, front, "b&q", List.of(), "ms", "ns"));
        assertEquals(2, a.split("class=\"whiskers\"", -1).length - 1, "every point has its interval drawn");
        assertFalse(a.contains("<script>"));
        assertTrue(a.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(a.contains("b&amp;q"));
        assertEquals(2, a.split("<circle class=\"point on-front", -1).length - 1);
        assertTrue(a.contains("<path class=\"front\""));
        assertTrue(Svg.lines("none", Map.of(), "x", "y", true).contains("no data to draw"));
    }

    @Test
    void axisTicksAndLabels() {
        Svg.Axis log = Svg.Axis.of(List.of(90.0, 5000.0), 0, 100, true);
        assertTrue(log.log());
        assertEquals(List.of(10.0, 100.0, 1000.0, 10000.0), log.ticks());
        assertEquals(0, log.map(10), 1e-9);
        assertEquals(100, log.map(10000), 1e-9);
        Svg.Axis lin = Svg.Axis.of(List.of(10.0, 12.0), 0, 100, true);
        assertFalse(lin.log());
        assertTrue(lin.ticks().size() >= 2);
        assertEquals("1.5k", Svg.label(1500));
        assertEquals("2M", Svg.label(2_000_000));
    }

    @Test
    void standalonePageHasEveryPartAndEscapes(@TempDir Path dir) throws Exception {
        Report r = report(List.of(profile("fast<build>", "ok", 100, 5000, Map.of("inherits", "dev")),
                profile("release", "ok", 200, 1000, Map.of("inherits", "release")),
                profile("bad", "failed", 50, 10, Map.of("inherits", "release"))));
        Path history = dir.resolve("h.jsonl");
        HistoryLog.append(history, r);
        HistoryLog.append(history, r);
        java.nio.file.Files.writeString(history, "not json\n", java.nio.file.StandardOpenOption.APPEND);
        List<HistoryLog.Run> runs = HistoryLog.read(history);
        assertEquals(2, runs.size(), "a damaged line is skipped");
        HtmlPageWriter w = new HtmlPageWriter();
        ReportPage.write(w, r, runs, new ReportPage.Options(null, null, null));
        String html = w.document();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("<build>") || html.contains("<b>") || html.contains("<label>") || html.contains("k<1>"));
        assertTrue(html.contains("fast&lt;build&gt;"));
        assertEquals(5, html.split("<svg ", -1).length - 1, "pareto, the runs of the workload's kernel, size, two history"
                + " charts (no phases measured)");
        assertTrue(html.contains("<meta name=\"viewport\""), "a phone shows the page at its own width");
        assertTrue(html.contains("use profile release"));
        assertTrue(html.contains("<table class=\"break-even\">"));
        assertTrue(html.contains("<table class=\"kernels\">"));
        assertTrue(html.contains("broken &lt;b&gt;"));
        assertFalse(html.contains("<script"), "self-contained and static");
    }

    @Test
    void historyTrendsUseTheTimeOfEachRunAndDrawIntervals(@TempDir Path dir) throws Exception {
        Report r = report(List.of(profile("release", "ok", 200, 1000, Map.of())));
        Path history = dir.resolve("h.jsonl");
        HistoryLog.append(history, r);
        java.nio.file.Files.writeString(history, "{\"createdAt\":\"2026-11-19T10:00:00Z\",\"profiles\":{\"release\":{\"compile\":"
                + "{\"full\":{\"cpuMs\":190.0}}}}}\n", java.nio.file.StandardOpenOption.APPEND);
        List<HistoryLog.Run> runs = HistoryLog.read(history);
        Map<String, List<double[]>> t = HistoryTrend.trend(runs, "compile.full.cpuMs");
        List<double[]> pts = t.get("release");
        assertEquals(2, pts.size());
        assertEquals(java.time.Instant.parse("2026-11-19T10:00:00Z").getEpochSecond(), pts.get(0)[0], 0.0, "in time order");
        assertEquals(2, pts.get(0).length, "an older line has its median only");
        assertEquals(java.time.Instant.parse("2026-11-20T00:00:00Z").getEpochSecond(), pts.get(1)[0], 0.0);
        assertEquals(4, pts.get(1).length, "a run with intervals gives a whisker");
        assertTrue(pts.get(1)[2] <= pts.get(1)[1] && pts.get(1)[1] <= pts.get(1)[3]);
        String svg = Svg.lines("t", t, "time of the run", "ms", false, true);
        assertTrue(svg.contains("class=\"whisker\"") && svg.contains("11-20 00:00") && svg.contains("(UTC)"), svg);
        assertEquals("11-19 10:00", Svg.timeLabel(java.time.Instant.parse("2026-11-19T10:00:00Z").getEpochSecond()));
        assertEquals("release", HistoryLog.find(runs, "2026-11-20T00:00:00Z").measured().profiles().keySet().iterator().next());
    }

    @Test
    void thePageListsTheFiguresThatDifferAndNamesTheProfilesThatDoNot() {
        List<ProfileResult> ps = List.of(profile("release", "ok", 200, 1000, Map.of()), profile("twin", "ok", 200, 1000, Map.of()),
                profile("fat", "ok", 2200, 800, Map.of()));
        List<Comparison> cs = Comparisons.all(ps, "release", Thresholds.DEFAULT);
        Report r = ReportBuilder.report(ps).schemaVersion(3).createdAt("2026-11-20T00:00:00Z")
                .crate(new CrateFacts("demo", null, null, null, null, null))
                .toolchain(new ToolchainFacts(null, "rustc 1.95.0", "22", null, null, null, null, null)).reference("release")
                .comparisons(cs)
                .decision(Decider.decide(ps, Workloads.defaultFor(ps, 1e6), null, "release", Thresholds.DEFAULT)).build();
        HtmlPageWriter w = new HtmlPageWriter();
        ReportPage.write(w, r, List.of(), new ReportPage.Options(null, null, null));
        String html = w.document();
        long twinEquivalent = cs.stream().filter(c -> c.profile().equals("twin") && c.verdict() == Verdict.EQUIVALENT).count();
        assertTrue(html.contains("0 / " + twinEquivalent + " / "), "the twin is counted once, not listed");
        int at = html.indexOf("<table class=\"comparisons\">");
        String table = html.substring(at, html.indexOf("</table>", at));
        assertTrue(table.contains("<td>full build cpu</td>") && table.contains("<td>fat</td>"), "figures read as words: " + table);
        assertFalse(table.contains("<td>twin</td>"), "no row for a figure that cannot be told apart");
        // The heat map: every figure, a column per profile, coloured by verdict, the interval in the tooltip.
        int hm = html.indexOf("<table class=\"heatmap\"");
        assertTrue(hm > 0, html);
        String heat = html.substring(hm, html.indexOf("</table>", hm));
        assertTrue(heat.contains("<th style=\"padding:2px 6px\">twin</th>") && heat.contains("<th style=\"padding:2px 6px\">fat</th>"));
        Comparison fatBuild = cs.stream().filter(c -> c.profile().equals("fat") && c.figure().equals("compile.full.cpuMs"))
                .findFirst().orElseThrow();
        assertEquals(Verdict.WORSE, fatBuild.verdict());
        assertTrue(heat.contains("title=\"" + fatBuild.describe() + ", worse\">11.00x</td>"), heat);
        assertTrue(heat.contains("background:#e8e8e8\" title=\""), "equivalent cells are grey: " + heat);
    }

    @Test
    void verdictCellsAreColouredAndOtherCellsAreNot() {
        HtmlPageWriter w = new HtmlPageWriter();
        w.table("t", java.util.List.of("figure", "verdict"), java.util.List.of(java.util.List.of("worse", "worse"),
                java.util.List.of("x", "better"), java.util.List.of("1.02x (0.99–1.05) worse", "inconclusive")));
        String html = w.document();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<td style=\"background:#f6d2d2\">worse</td>"), html);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<td style=\"background:#d7f0d7\">better</td>"), html);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<td>1.02x (0.99–1.05) worse</td>"), "only a cell that is a verdict");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<td style=\"background:#fbecc5\">inconclusive</td>"), html);
    }

    @Test
    void aRaceShowsTheFieldNarrowingAndWhoLeftBeatenByWhom() {
        List<ProfileResult> ps = List.of(profile("release", "ok", 200, 1000, Map.of()), profile("fat", "ok", 2200, 1000, Map.of()));
        Report base = report(ps);
        Comparison build = Comparisons.all(ps, "release", Thresholds.DEFAULT).stream()
                .filter(c -> c.profile().equals("fat") && c.figure().equals("compile.full.cpuMs")).findFirst().orElseThrow();
        Race race = new Race(List.of("release"), List.of(new Race.Left("fat", 1,
                "4 builds and 4 forks", "release", build, null, 2000.0, 1900.0, 2100.0, 20.0)), List.of(2, 1), "the decision is settled",
                new Race.Spent(12, 4, 30_000.0, 20_000.0, 18, null));
        Report r = ReportBuilder.report(ps).schemaVersion(7).tool(base.tool()).createdAt(base.createdAt()).crate(base.crate())
                .machine(base.machine()).toolchain(base.toolchain()).reference("release").decision(base.decision()).race(race)
                .build();
        HtmlPageWriter w = new HtmlPageWriter();
        ReportPage.write(w, r, List.of(), new ReportPage.Options(null, null, null));
        String html = w.document();
        assertTrue(html.contains("<h2>The race</h2>"), html);
        assertTrue(html.contains("The field narrowing"), "the chart of the field");
        int at = html.indexOf("<table class=\"race\">");
        String table = html.substring(at, html.indexOf("</table>", at));
        assertTrue(table.contains("<td>fat</td><td>1</td><td>4 builds and 4 forks</td><td>release</td><td>2.00 s (1.90 s to 2.10 s)</td>"),
                table);
        assertTrue(html.contains("Spent: 12 builds and 4 forks, 30 s of CPU, 20 s in all. An exhaustive search of the same profiles"
                + " runs at least 18 builds."), html);
    }
}
