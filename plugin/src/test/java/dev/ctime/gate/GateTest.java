package dev.ctime.gate;

import dev.ctime.ReportBuilder;

import dev.ctime.model.FigureKind;
import dev.ctime.store.ReportFiles;
import dev.ctime.render.ConsoleTable;
import dev.ctime.model.Status;
import dev.ctime.model.Report;
import dev.ctime.model.InstructionCountState;
import dev.ctime.model.MeasuringSettings;
import dev.ctime.store.Json;
import dev.ctime.model.ProfileResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GateTest {
    static Figure timed(FigureKind kind, String unit, Random rnd, double median, double noise, int runs) {
        double[] v = new double[runs];
        for (int i = 0; i < runs; i++) v[i] = median * Math.exp(noise * rnd.nextGaussian());
        Summary s = Statistics.summarize(v);
        return new Figure(kind, unit, s.median(), s.ciLow(), s.ciHigh(), s.precision(), s.samples());
    }

    static Measured run(String rustc, Map<String, Object> settings, Map<String, Figure> figures) {
        return new Measured("t", null, null, Map.of("default", rustc), Map.of("cpuModel", "x", "cpus", "2"),
                Map.of("release", new Measured.Profile(Status.OK, "default", settings, "h", figures, null, null)), null);
    }

    static Map<String, Figure> figures(Random rnd, double buildMs, double kernelNs, double noise, Double instructions) {
        Map<String, Figure> f = new LinkedHashMap<>();
        f.put("compile.full.cpuMs", timed(FigureKind.COMPILE, "ms", rnd, buildMs, noise, 6));
        f.put("compile.full.wallMs", timed(FigureKind.COMPILE, "ms", rnd, buildMs, noise, 6));
        f.put("compile.full.maxRssKb", timed(FigureKind.MEMORY, "KiB", rnd, 200_000, noise / 5, 6));
        for (String k : List.of("heat", "sum", "dot", "logsumexp")) {
            f.put("kernel:" + k + ":4096:primalNs", timed(FigureKind.RUNTIME, "ns", rnd, kernelNs, noise, 6));
            f.put("kernel:" + k + ":4096:gradientNs", timed(FigureKind.RUNTIME, "ns", rnd, 2 * kernelNs, noise, 6));
        }
        if (instructions != null) f.put("kernel:heat:4096:primalInstructions", Figure.exact(FigureKind.INSTRUCTIONS, "instructions",
                instructions));
        f.put("artifactBytes", Figure.exact(FigureKind.SIZE, "bytes", 400_000));
        return f;
    }

    @Test
    void aFigureTheRunSwitchedOffIsSaidAndPassesUnlessStrict() {
        Random rnd = new Random(5);
        Measured b = run("rustc 1.95.0", Map.of(), figures(rnd, 100, 30_000, 0.01, 1000.0));
        Measured plain = run("rustc 1.95.0", Map.of(), figures(rnd, 100, 30_000, 0.01, null));
        // The same run with instructions off and only the clean scenario timed, as its report's settings say.
        Map<String, Figure> noFull = new LinkedHashMap<>(plain.profiles().get("release").figures());
        noFull.keySet().removeIf(k -> k.startsWith("compile.full."));
        Measured off = new Measured(plain.createdAt(), null, null, plain.toolchains(), plain.machine(), Map.of("release",
                new Measured.Profile(Status.OK, "default", Map.of(), "h", noFull, null, null)), null,
                Map.of(":primalInstructions", "switched off in this run (ctime.instructions=off)", "scenarios", "clean"));

        Gate.Result lost = Gate.compare(b, plain, GateThresholds.defaults(), Gate.OnMismatch.FAIL, Gate.OnMissing.FAIL);
        assertEquals(1, lost.missing().size(), "without the setting named, a gone count is lost and fails");
        Gate.Result said = Gate.compare(b, off, GateThresholds.defaults(), Gate.OnMismatch.FAIL, Gate.OnMissing.FAIL);
        assertTrue(said.regressions().isEmpty(), said.regressions().toString());
        assertEquals(Map.of("switched off in this run (ctime.instructions=off)" + Gate.STRICT_NOTE, 1,
                "not timed in this run (ctime.scenarios=clean)" + Gate.STRICT_NOTE, 3), GateFormats.switchedOff(said));
        assertEquals(3, said.rows().stream().filter(r -> r.note() != null && r.note().startsWith("not timed in this run"
                + " (ctime.scenarios=clean)")).count(), "the full build's figures were not asked for: " + said.rows());
        assertTrue(GateFormats.console(said, "main").stream().anyMatch(l -> l.contains("not compared, 1 figure: switched off in this"
                + " run (ctime.instructions=off)")), GateFormats.console(said, "main").toString());
        Gate.Result strict = Gate.compare(b, off, GateThresholds.defaults(), Gate.OnMismatch.FAIL, Gate.OnMissing.STRICT);
        assertEquals(4, strict.missing().size(), "strict fails on every figure the run did not measure");
        assertTrue(strict.missing().stream().allMatch(GateRow::fails));
    }

    @Test
    void aBaselineAgainstTheSameMachineDoesNotCryWolf() {
        Random rnd = new Random(11);
        int alarms = 0;
        for (int trial = 0; trial < 300; trial++) {
            Measured b = run("rustc 1.95.0", Map.of(), figures(rnd, 100, 30_000, 0.05, null));
            Measured c = run("rustc 1.95.0", Map.of(), figures(rnd, 100, 30_000, 0.05, null));
            if (!Gate.compare(b, c, GateThresholds.defaults(), Gate.OnMismatch.FAIL).regressions().isEmpty()) alarms++;
        }
        assertTrue(alarms <= 3, alarms + " false alarms in 300 checks of 14 noisy figures");
    }

    @Test
    void aKernelTwiceAsSlowFailsNamingItsFigure() {
        Random rnd = new Random(3);
        Measured b = run("rustc 1.95.0", Map.of(), figures(rnd, 100, 30_000, 0.03, null));
        Map<String, Figure> slow = figures(rnd, 100, 30_000, 0.03, null);
        slow.put("kernel:heat:4096:primalNs", timed(FigureKind.RUNTIME, "ns", rnd, 60_000, 0.03, 6));
        Gate.Result r = Gate.compare(b, run("rustc 1.95.0", Map.of(), slow), GateThresholds.defaults(), Gate.OnMismatch.FAIL);
        assertEquals(List.of("kernel:heat:4096:primalNs"), r.regressions().stream().map(GateRow::figure).toList());
        GateRow row = r.regressions().get(0);
        assertEquals(2.0, row.ratio(), 0.15);
        assertTrue(row.ciLow() > 1.5, row.change());
        String junit = GateFormats.junit(r, "main.json");
        assertTrue(junit.contains("failures=\"1\"") && junit.contains("<failure message=\"release heat@4096 primal regressed"), junit);
        String md = GateFormats.markdown(r, "main.json");
        assertTrue(md.startsWith("### ctime: 1 regression against baseline `main.json`\n\n- **regressed**: release heat@4096 primal"), md);
        // The regression first, then a short table of what changed, then every figure folded away.
        int changed = md.indexOf("What changed:");
        int details = md.indexOf("<details><summary>Every figure</summary>");
        assertTrue(changed > 0 && details > changed, md);
        assertEquals(1, md.substring(changed, details).split("\n\\| release").length - 1, "one changed row before the fold: " + md);
        assertTrue(md.stripTrailing().endsWith("</details>"), md);
    }

    @Test
    void aNoisyChangeBelowItsThresholdPasses() {
        Random rnd = new Random(5);
        Measured b = run("rustc 1.95.0", Map.of(), figures(rnd, 100, 30_000, 0.01, null));
        Map<String, Figure> f = figures(rnd, 100, 30_000, 0.01, null);
        f.put("compile.full.cpuMs", timed(FigureKind.COMPILE, "ms", rnd, 103, 0.01, 6));
        Gate.Result r = Gate.compare(b, run("rustc 1.95.0", Map.of(), f), GateThresholds.defaults(), Gate.OnMismatch.FAIL);
        assertTrue(r.regressions().isEmpty(), r.regressions().toString());
        GateRow cpu = r.rows().stream().filter(x -> x.figure().equals("compile.full.cpuMs")).findFirst().orElseThrow();
        assertFalse(cpu.verdict().equals(GateVerdict.REGRESSED));
    }

    @Test
    void aSignificantChangeSmallerThanTheThresholdPassesAndALowerThresholdCatchesIt() {
        // 3% slower with 0.1% noise: significant by any test, and below the default compile threshold. Only the
        // threshold lets it pass; lowered to 1% it fails.
        Random rnd = new Random(9);
        Measured b = run("rustc 1.95.0", Map.of(), figures(rnd, 100, 30_000, 0.001, null));
        Map<String, Figure> f = figures(rnd, 100, 30_000, 0.001, null);
        f.put("compile.full.cpuMs", timed(FigureKind.COMPILE, "ms", rnd, 103, 0.001, 6));
        Measured now = run("rustc 1.95.0", Map.of(), f);
        org.junit.jupiter.api.Assumptions.assumeTrue(FigureKind.COMPILE.defaultThreshold > 0.03, "the default is above 3%");
        Gate.Result passes = Gate.compare(b, now, GateThresholds.defaults(), Gate.OnMismatch.FAIL);
        GateRow cpu = passes.rows().stream().filter(x -> x.figure().equals("compile.full.cpuMs")).findFirst().orElseThrow();
        assertTrue(cpu.ciLow() > 1.0, "significant: " + cpu);
        assertTrue(passes.regressions().isEmpty(), passes.regressions().toString());
        Gate.Result fails = Gate.compare(b, now, GateThresholds.defaults().with(FigureKind.COMPILE, 0.01), Gate.OnMismatch.FAIL);
        assertEquals(List.of("compile.full.cpuMs"), fails.regressions().stream().map(GateRow::figure).toList());
    }

    @Test
    void countedInstructionsDecideForTheirKernel() {
        Random rnd = new Random(9);
        Measured b = run("rustc 1.95.0", Map.of(), figures(rnd, 100, 30_000, 0.02, 50_000.0));
        // The time doubled on a noisy machine, the instructions did not move: no failure, the count decides.
        Map<String, Figure> noisy = figures(rnd, 100, 30_000, 0.02, 50_000.0);
        noisy.put("kernel:heat:4096:primalNs", timed(FigureKind.RUNTIME, "ns", rnd, 60_000, 0.02, 6));
        Gate.Result quiet = Gate.compare(b, run("rustc 1.95.0", Map.of(), noisy), GateThresholds.defaults(), Gate.OnMismatch.FAIL);
        assertTrue(quiet.regressions().isEmpty());
        GateRow time = quiet.rows().stream().filter(x -> x.figure().equals("kernel:heat:4096:primalNs")).findFirst().orElseThrow();
        assertEquals("kernel:heat:4096:primalInstructions", time.decidedBy());
        assertFalse(time.gating());
        // Two per cent more instructions fail at the tight default of 1%.
        Map<String, Figure> more = figures(rnd, 100, 30_000, 0.02, 51_000.0);
        Gate.Result r = Gate.compare(b, run("rustc 1.95.0", Map.of(), more), GateThresholds.defaults(), Gate.OnMismatch.FAIL);
        assertEquals(List.of("kernel:heat:4096:primalInstructions"), r.regressions().stream().map(GateRow::figure).toList());
        assertEquals("+2.0% (exact)", r.regressions().get(0).change());
    }

    @Test
    void anotherToolchainOrChangedSettingsAreNamedAndNotComparedBlindly() {
        Random rnd = new Random(1);
        Measured b = run("rustc 1.95.0 (59807616e 2026-04-14)", Map.of("optLevel", "3"), figures(rnd, 100, 30_000, 0.02, null));
        Measured c = run("rustc 1.96.0 (aaaaaaaaa 2026-05-28)", Map.of("optLevel", "1"), figures(rnd, 100, 60_000, 0.02, null));
        List<String> m = Gate.mismatches(b, c).stream().map(Mismatch::text).toList();
        assertTrue(m.contains("toolchain default: baseline rustc 1.95.0 (59807616e 2026-04-14), now rustc 1.96.0 (aaaaaaaaa 2026-05-28)"),
                m.toString());
        assertTrue(m.contains("profile release: settings changed: optLevel 3 → 1"), m.toString());
        Gate.Result warn = Gate.compare(b, c, GateThresholds.defaults(), Gate.OnMismatch.WARN);
        assertTrue(warn.regressions().isEmpty(), "mismatched figures are not comparable, so not failed");
        assertTrue(warn.rows().stream().allMatch(r -> r.verdict().equals(GateVerdict.NOT_COMPARABLE)));
        Gate.Result ignore = Gate.compare(b, c, GateThresholds.defaults(), Gate.OnMismatch.IGNORE);
        assertFalse(ignore.regressions().isEmpty(), "compared anyway when told to ignore the difference");
    }

    @Test
    void benchmarkFormatsCarryTheCurrentFiguresWithTheirIntervals() throws Exception {
        Measured c = run("rustc", Map.of(), figures(new Random(2), 100, 30_000, 0.02, 50_000.0));
        JsonNode bmf = new ObjectMapper().readTree(GateFormats.bencher(c));
        JsonNode lat = bmf.get("release::heat@4096 primal").get("latency");
        assertTrue(lat.get("lower_value").asDouble() <= lat.get("value").asDouble()
                && lat.get("value").asDouble() <= lat.get("upper_value").asDouble());
        assertEquals(50_000.0, bmf.get("release::heat@4096 primal").get("instructions").get("value").asDouble());
        assertTrue(bmf.get("release::build full").has("cpu-ms"));
        JsonNode gh = new ObjectMapper().readTree(GateFormats.customSmallerIsBetter(c));
        assertTrue(gh.isArray() && gh.get(0).get("name").asText().startsWith("release "));
        assertTrue(gh.get(0).has("unit") && gh.get(0).has("value"));
    }

    @Test
    void aFigureGoneSinceTheBaselineFailsTheCheckNamingItsCause() {
        Random rnd = new Random(9);
        Measured b = run("rustc 1.95.0", Map.of(), figures(rnd, 100, 30_000, 0.02, 50_000.0));
        // Now heat segfaults: its figures are gone, the profile is partial, and the rest is as before.
        Map<String, Figure> now = figures(rnd, 100, 30_000, 0.02, null);
        now.keySet().removeIf(f -> f.startsWith("kernel:heat:"));
        Measured c = new Measured("t", null, null, Map.of("default", "rustc 1.95.0"), Map.of("cpuModel", "x", "cpus", "2"),
                Map.of("release", new Measured.Profile(Status.PARTIAL, "default", Map.of(), "h", now,
                        "kernel checks failed", Map.of("kernel:heat:4096:", "the fork crashed the process with signal 11 (SIGSEGV)"))),
                null);
        Gate.Result r = Gate.compare(b, c, GateThresholds.defaults(), Gate.OnMismatch.FAIL);
        List<GateRow> gone = r.regressions();
        assertEquals(java.util.Set.of("kernel:heat:4096:primalNs", "kernel:heat:4096:gradientNs", "kernel:heat:4096:primalInstructions"),
                gone.stream().map(GateRow::figure).collect(java.util.stream.Collectors.toSet()));
        assertTrue(gone.stream().allMatch(g -> g.verdict().equals(GateVerdict.MISSING) && g.note().contains("SIGSEGV")), gone.toString());
        assertTrue(r.rows().stream().anyMatch(x -> x.figure().equals("kernel:sum:4096:primalNs") && !x.verdict().equals(GateVerdict.MISSING)),
                "the partial profile's other figures are still compared");
        String junit = GateFormats.junit(r, "b");
        assertTrue(junit.contains("type=\"missing\"") && junit.contains("heat@4096 primal is missing: the fork crashed"), junit);
        assertTrue(GateFormats.markdown(r, "b").startsWith("### ctime: 0 regressions, 3 missing"), GateFormats.markdown(r, "b"));
        assertTrue(String.join("\n", GateFormats.console(r, "b")).contains("0 regressions, 3 missing"));
        // Lowered to a warning where asked: named, not failed.
        Gate.Result warned = Gate.compare(b, c, GateThresholds.defaults(), Gate.OnMismatch.FAIL, Gate.OnMissing.WARN);
        assertTrue(warned.regressions().isEmpty());
        assertTrue(String.join("\n", GateFormats.console(warned, "b")).contains("missing (warning only: ctime.check.onMissing=warn)"));
        // A profile that failed outright, or is gone: every figure of it is missing, with the profile's reason.
        Measured failed = new Measured("t", null, null, Map.of("default", "rustc 1.95.0"), Map.of("cpuModel", "x", "cpus", "2"),
                Map.of("release", new Measured.Profile(Status.FAILED, "default", Map.of(), "h", Map.of(),
                        "the build failed: error[E0308]", null)), null);
        Gate.Result f = Gate.compare(b, failed, GateThresholds.defaults(), Gate.OnMismatch.FAIL);
        assertEquals(b.profiles().get("release").figures().size(), f.regressions().size());
        assertTrue(f.regressions().get(0).note().contains("the profile is failed: the build failed: error[E0308]"), f.regressions().toString());
    }

    @Test
    void whereTheMediansAndTheChangePointOppositeWaysTheRowSaysWhy() {
        // Overlapping runs: the medians move one way while the median of the run-by-run ratios points the other.
        Figure b = new Figure(FigureKind.RUNTIME, "ns", 10.39, 8, 12, 0.1, List.of(8.0, 8.5, 9.0, 10.39, 10.5, 11.0, 11.5));
        Figure c = new Figure(FigureKind.RUNTIME, "ns", 8.86, 7, 13, 0.2, List.of(7.0, 8.0, 8.86, 11.2, 11.8, 12.0, 12.5));
        Measured mb = new Measured("t", null, null, Map.of("default", "r"), Map.of(), Map.of("p", new Measured.Profile(
                Status.OK, "default", Map.of(), "h", Map.of("kernel:k:1:primalNs", b), null, null)), null);
        Measured mc = new Measured("t", null, null, Map.of("default", "r"), Map.of(), Map.of("p", new Measured.Profile(
                Status.OK, "default", Map.of(), "h", Map.of("kernel:k:1:primalNs", c), null, null)), null);
        GateRow row = Gate.compare(mb, mc, GateThresholds.defaults(), Gate.OnMismatch.FAIL).rows().get(0);
        assertTrue(row.ratio() > 1 && c.median() < b.median(), row.toString());
        assertTrue(row.note().contains("the medians moved down") && row.note().contains("the runs overlap"), row.note());
    }

    @Test
    void theConsoleTableFitsAHundredColumnsWithEachProfileHeadingItsRows() throws Exception {
        Report r = ReportFiles.readJson(java.nio.file.Path.of("src/test/resources/reports/pgo-bolt.json"));
        Gate.Result res = Gate.compare(Measured.of(r), Measured.of(r), GateThresholds.defaults(), Gate.OnMismatch.FAIL);
        List<String> out = GateFormats.console(res, "main");
        for (String line : out) assertTrue(line.length() <= ConsoleTable.WIDTH, line.length() + ": " + line);
        assertTrue(out.get(0).matches("profile / figure\\s+baseline\\s+current change \\(95% interval\\)\\s+verdict"), out.get(0));
        for (ProfileResult p : r.profiles()) {
            if (res.rows().stream().anyMatch(x -> x.profile().equals(p.name()))) assertTrue(out.contains(p.name()), p.name() + " heads its rows");
        }
        assertTrue(out.stream().anyMatch(l -> l.startsWith("  full build cpu ")), String.join("\n", out));
        // The columns line up under the header: each row's change starts where the header's does.
        String row = out.stream().filter(l -> l.startsWith("  ")).findFirst().orElseThrow();
        GateRow first = res.rows().get(0);
        assertEquals(out.get(0).indexOf("change (95% interval)"), row.indexOf(first.change(), 2 + GateFormats.name(first).length()),
                out.get(0) + "\n" + row);
    }

    private static Report withCounting(InstructionCountState state, String sentence) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("instructionCountState", state);
        m.put("instructionCounts", sentence);
        return ReportBuilder.report().createdAt("2026-11-29T10:00:00Z").settings(Json.strict(m, MeasuringSettings.class)).build();
    }

    @Test
    void countsLeftOutAreReadFromTheirStateNotTheirWords() {
        assertEquals("switched off in this run (ctime.instructions=off)",
                Measured.off(withCounting(InstructionCountState.OFF, "words that say nothing")).get(":primalInstructions"));
        assertEquals("not available on this runner (unavailable: no Valgrind)", Measured.off(withCounting(
                InstructionCountState.UNAVAILABLE, "unavailable: no Valgrind")).get(":gradientCycles"));
        assertEquals(Map.of(), Measured.off(withCounting(InstructionCountState.COUNTED, "off (misleading words)")),
                "counted: nothing is left out");
    }
}
