package dev.ctime.render;

import dev.ctime.ReportBuilder;

import dev.ctime.stats.EvenRuns;
import dev.ctime.model.Race;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.GradientCheck;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.Summary;
import dev.ctime.model.Comparison;
import dev.ctime.verdict.Comparisons;
import dev.ctime.model.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {
    static Summary s(double median) {
        return EvenRuns.around(median, 0.01);
    }

    static ProfileResult profile(String name, double buildMs, double runNs, Double instructions) {
        ScenarioFigures f = new ScenarioFigures(s(buildMs), s(buildMs), s(100_000), s(buildMs), null, null);
        KernelTiming k = new KernelTiming("heat\nwave", 4096, Status.OK, null, s(runNs), null, s(2 * runNs), null, 2.0,
                new GradientCheck(true, 1e-9, 0, 64, 1e-4, null), 1, 1, 1.0, 0, instructions,
                instructions == null ? null : 2 * instructions, null, null, null);
        return new ProfileResult(name, Status.OK, null, Map.of(), null, "default", Map.of("full", f), null, 1000L, null, false,
                List.of(k), null, null);
    }

    static Report report(List<ProfileResult> ps) {
        List<Comparison> cs = Comparisons.all(ps, "release", Thresholds.DEFAULT);
        return ReportBuilder.report(ps).schemaVersion(2).createdAt("2026-11-21T00:00:00Z").reference("release").comparisons(cs)
                .build();
    }

    @Test
    void differencesCarryIntervalsAndTiesAreSaidOnce() {
        Report r = report(List.of(profile("release", 100, 1000, 5000.0), profile("twin", 100, 1000, 5000.0),
                profile("release-fat-lto-cgu1-with-a-long-name", 2300, 700, 3500.0)));
        assertFalse(String.join(" ", ConsoleTable.render(r)).contains("twin: equivalent on every figure"),
                "every ratio with its interval is a detail of ctime.console=full");
        List<String> out = ConsoleTable.render(r, true);
        String all = String.join(" ", out).replaceAll("\\s+", " ");
        assertTrue(out.contains("  twin: equivalent on every figure"), all);
        assertTrue(out.contains(""), "blank lines part the blocks");
        assertTrue(all.matches("(?s).*release-fat-lto-cgu1-with-a-long-name: full build cpu 23\\.00x \\(\\d+\\.\\d\\d–\\d+\\.\\d\\d\\).*"), all);
        assertTrue(all.contains("heat\\nwave@4096 primal 0.70x"), all);
        assertTrue(all.contains("heat\\nwave@4096 primal instructions 0.70x (counted, exact)"), all);
        assertTrue(all.contains("instructions per call (Cachegrind"), all);
        for (String l : out) {
            assertTrue(l.length() <= 100, "wider than 100 columns: " + l);
            assertFalse(l.contains("\n"), "a raw newline breaks the table: " + l);
        }
    }

    @Test
    void withoutCountsThereIsNoInstructionBlock() {
        Report r = report(List.of(profile("release", 100, 1000, null), profile("dev", 50, 5000, null)));
        assertTrue(ConsoleTable.instructions(r).isEmpty());
        assertEquals("full build peak RSS", ConsoleTable.figureName("compile.full.maxRssKb"));
        assertEquals("k@64 gradient", ConsoleTable.figureName("kernel:k:64:gradientNs"));
    }

    @Test
    void aReasonSeveralProfilesShareIsSaidOnceNamingThemAll() {
        String why = "no Enzyme backend in toolchain nightly: to fix: rustup component add enzyme --toolchain nightly";
        List<ProfileResult> ps = List.of(profile("release", 100, 1000, null),
                new ProfileResult("enzyme", Status.SKIPPED, why, Map.of(), null, null, null, null, null, null, null,
                        null, null, null),
                new ProfileResult("enzyme-nott", Status.SKIPPED, why, Map.of(), null, null, null, null, null, null,
                        null, null, null, null));
        String out = String.join("\n", ConsoleTable.render(report(ps))).replaceAll("\\s+", " ");
        assertEquals(1, out.split("rustup component add enzyme", -1).length - 1, out);
        assertTrue(out.contains("skipped (enzyme, enzyme-nott): no Enzyme backend"), out);
    }

    @Test
    void namesCutToFitStayTellableApart() {
        String a = ConsoleTable.clip("matrix-lto=fat-codegenUnits=1-opt=3", 24);
        String b = ConsoleTable.clip("matrix-lto=fat-codegenUnits=16-opt=3", 24);
        assertEquals(24, a.length());
        assertTrue(!a.equals(b), a + " and " + b);
        assertEquals("short", ConsoleTable.clip("short", 24));
        // Names that differ only where the cut falls are not cut: they would read the same.
        List<String> twins = List.of("release-with-a-long-AAAAAAA-middle-then-same-end", "release-with-a-long-BBBBBBB-middle-then-same-end");
        assertEquals(ConsoleTable.clip(twins.get(0), 24), ConsoleTable.clip(twins.get(1), 24), "the case this guards against");
        assertEquals(twins.get(0), ConsoleTable.fit(twins.get(0), twins, 24));
        assertEquals(24, ConsoleTable.fit(a, List.of(a, b, "short"), 24).length());
    }

    @Test
    void aMatrixsLongNamesHeadTheirKernelRowsAndARaceIsSummedUp() {
        List<ProfileResult> ps = List.of(profile("release", 100, 1000, null),
                profile("lto-thin+codegenUnits-16+optLevel-3+panic-abort", 2300, 700, null),
                profile("lto-thin+codegenUnits-16+optLevel-2+panic-abort", 2300, 900, null),
                profile("lto-fat+codegenUnits-1+optLevel-3+panic-unwind", 2500, 990, null));
        Report base = report(ps);
        Comparison build = base.comparisons().stream().filter(c -> c.profile().equals("lto-fat+codegenUnits-1+optLevel-3+panic-unwind")
                && c.figure().equals("compile.full.cpuMs")).findFirst().orElseThrow();
        Race race = new Race(List.of("release", "lto-thin+codegenUnits-16+optLevel-3+panic-abort",
                "lto-thin+codegenUnits-16+optLevel-2+panic-abort"), List.of(new Race.Left(
                "lto-fat+codegenUnits-1+optLevel-3+panic-unwind", 1, "4 builds and 4 forks", "release", build, null, 2400.0, 2300.0,
                2500.0, 10.0)), List.of(4, 3), "the decision is settled",
                new Race.Spent(20, 5, 60_000.0, 50_000.0, 28, 90_000.0));
        Report r = ReportBuilder.report(ps).schemaVersion(7).createdAt("t").reference("release").comparisons(base.comparisons())
                .race(race).build();
        List<String> out = ConsoleTable.render(r);
        for (String line : out) assertTrue(line.length() <= ConsoleTable.WIDTH, line.length() + ": " + line);
        assertTrue(out.contains("lto-thin+codegenUnits-16+optLevel-3+panic-abort"), "the name heads its kernel rows: " + out);
        assertFalse(out.contains("lto-fat+codegenUnits-1+optLevel-3+panic-unwind"), "a profile that left has no kernel rows");
        String all = String.join(" ", out).replaceAll("\\s+", " ");
        assertTrue(all.contains("race: 4 profiles, 1 left, 3 finalists"), all);
        assertTrue(all.contains("after 4 builds and 4 forks, significantly costlier per build than release:"
                + " lto-fat+codegenUnits-1+optLevel-3+panic-unwind (+2.40 s a build, +2.30 s to +2.50 s)"), all);
        assertTrue(all.contains("spent: 20 builds and 5 forks, 1 min 0 s of CPU, 50 s in all; an exhaustive search runs at least 28"
                + " builds, about 1 min 30 s by the estimate"), all);
        assertTrue(all.contains("(the kernels of the profile that left the race: report.html)"), all);
    }
}
