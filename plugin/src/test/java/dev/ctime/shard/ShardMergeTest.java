package dev.ctime.shard;

import dev.ctime.ReportBuilder;

import dev.ctime.store.Json;
import dev.ctime.model.Status;
import dev.ctime.model.CrateFacts;
import dev.ctime.model.MachineFacts;
import dev.ctime.model.ToolchainFacts;
import dev.ctime.model.MeasuringSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.GradientCheck;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.ShardInfo;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
import dev.ctime.model.Comparison;
import dev.ctime.model.Thresholds;
import dev.ctime.model.Control;
import dev.ctime.judgement.Judgement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardMergeTest {
    private final Random rnd = new Random(5);
    static final List<String> ALL = List.of("release", "a", "b", "c");

    Summary runs(double median) {
        double[] v = new double[8];
        for (int i = 0; i < v.length; i++) v[i] = median * (1 + 0.01 * rnd.nextGaussian());
        return Statistics.summarize(v);
    }

    ProfileResult profile(String name, double buildMs, double primalNs) {
        KernelTiming k = new KernelTiming("heat", 64, Status.OK, null, runs(primalNs), null, null, null, null,
                new GradientCheck(true, 1e-9, 0, 64, 1e-4, null), 1, 1, 1.0, 0, null, null, null, null, null);
        return new ProfileResult(name, Status.OK, null, Map.of("inherits", "release"), null, "default",
                Map.of("full", new ScenarioFigures(runs(buildMs), runs(buildMs), runs(1e5), runs(buildMs), null, null)), null, 1L,
                null, false, List.of(k), null, null);
    }

    /** A shard on a runner {@code speed} times as slow, with its profiles at the given true ratios to release. */
    Report shard(int index, int count, String rustc, String cpu, double speed, Object... nameRatio) {
        List<ProfileResult> ps = new ArrayList<>(List.of(profile("release", 1000 * speed, 100 * speed)));
        List<String> measured = new ArrayList<>(List.of("release"));
        for (int i = 0; i < nameRatio.length; i += 2) {
            double r = (Double) nameRatio[i + 1];
            ps.add(profile((String) nameRatio[i], 1000 * speed * r, 100 * speed * r));
            measured.add((String) nameRatio[i]);
        }
        return ReportBuilder.report(ps).schemaVersion(4).createdAt("2026-11-21T00:00:0" + index + "Z")
                .crate(new CrateFacts("k", null, null, null, null, null))
                .machine(new MachineFacts(null, null, 2, cpu, null, null))
                .toolchain(new ToolchainFacts(null, rustc, null, null, null, null, null, null))
                .toolchains(List.of(new ToolchainFacts("default", rustc, null, null, null, null, null, null)))
                .reference("release").shard(new ShardInfo(index, count, "release", ALL, measured, "cost model", Map.of()))
                .build();
    }

    Report merge(Report... shards) throws ShardMerge.Refused {
        List<ShardMerge.Part> parts = new ArrayList<>();
        for (Report r : shards) parts.add(new ShardMerge.Part("shard-" + r.shard().index() + ".json", r));
        return ShardMerge.merge(parts, null, Thresholds.DEFAULT, 1e6, null, null, "ctime test");
    }

    @Test
    void ratiosGoThroughEachShardsAnchorSoASlowRunnerDoesNotBiasThem() throws Exception {
        // Shard 2 runs on a machine 1.5x as slow; b is truly 0.8x release there.
        Report m = merge(shard(1, 2, "rustc 1.95.0", "x", 1.0, "a", 1.2), shard(2, 2, "rustc 1.95.0", "x", 1.5, "b", 0.8, "c", 1.0));
        assertEquals(List.of("release", "a", "b", "c"), m.profiles().stream().map(ProfileResult::name).toList());
        Comparison b = m.comparisons().stream().filter(c -> c.profile().equals("b") && c.figure().equals("compile.full.cpuMs"))
                .findFirst().orElseThrow();
        assertEquals(0.8, b.ratio(), 0.02);
        assertEquals("release", b.reference());
        assertEquals(Comparison.BETTER, b.verdict());
        // The absolute figure shown for b is rescaled to shard 1's anchor: about 800 ms, not 1200.
        ProfileResult pb = m.profiles().get(2);
        assertEquals(800, pb.compile().get("full").cpuMs().median(), 20);
        assertEquals(2, m.merge().shards().size());
        assertTrue(m.merge().shards().get(1).anchorDrift().significant(), "the slow runner is flagged");
        assertTrue(m.merge().findings().stream().anyMatch(f -> f.startsWith("shard 2's runner is slower")), m.merge().findings().toString());
        assertTrue(m.merge().anchorRatios().stream().anyMatch(c -> c.profile().equals("b") && c.reference().equals("release@2")));
    }

    @Test
    void aReferenceOnAnotherShardChainsBothAnchorsAndWidensTheInterval() throws Exception {
        List<ShardMerge.Part> parts = List.of(new ShardMerge.Part("1", shard(1, 2, "r", "x", 1.0, "a", 1.2)),
                new ShardMerge.Part("2", shard(2, 2, "r", "x", 1.0, "b", 0.6, "c", 1.0)));
        Report m = ShardMerge.merge(parts, "a", Thresholds.DEFAULT, 1e6, null, null, "t");
        assertEquals("a", m.reference());
        Comparison b = m.comparisons().stream().filter(c -> c.profile().equals("b") && c.figure().equals("compile.full.cpuMs"))
                .findFirst().orElseThrow();
        assertEquals(0.5, b.ratio(), 0.02);
        Comparison direct = m.merge().anchorRatios().stream().filter(c -> c.profile().equals("b") && c.figure().equals(b.figure()))
                .findFirst().orElseThrow();
        assertTrue(Math.log(b.ciHigh() / b.ciLow()) > Math.log(direct.ciHigh() / direct.ciLow()),
                "both anchors' uncertainty is in the chained interval");
        assertTrue(b.ciLow() < 0.5 && b.ciHigh() > 0.5);
        Comparison anchor = m.comparisons().stream().filter(c -> c.profile().equals("release") && c.figure().equals(b.figure()))
                .findFirst().orElseThrow();
        assertEquals(1 / 1.2, anchor.ratio(), 0.02);
    }

    @Test
    void refusesWhatCannotBeComparedAllAtOnce() {
        Report one = shard(1, 3, "rustc 1.95.0", "x", 1, "a", 1.0);
        Report twoOtherRustc = shard(2, 3, "rustc 1.96.0", "x", 1, "a", 1.0);
        Report otherSplit = shard(3, 2, "rustc 1.95.0", "x", 1, "c", 1.0);
        ShardMerge.Refused e = assertThrows(ShardMerge.Refused.class, () -> merge(one, twoOtherRustc, otherSplit));
        String m = e.getMessage();
        assertTrue(m.contains("toolchain default differs between shards: rustc 1.95.0 (shard 1, shard 3) against rustc 1.96.0 (shard 2)"), m);
        assertTrue(m.contains("profile a was measured by shard 1 (shard-1.json) and by shard 2 (shard-2.json)"), m);
        assertTrue(m.contains("split the matrix differently (into [2, 3] shards)"), m);
        assertEquals(3, m.split("\n").length, m);
    }

    @Test
    void aShardWhoseAnchorFailedCannotBeRelated() {
        Report two = shard(2, 2, "r", "x", 1, "b", 1.0);
        List<ProfileResult> ps = new ArrayList<>(two.profiles());
        ProfileResult a = ps.get(0);
        ps.set(0, new ProfileResult(a.name(), Status.FAILED, "the full build failed: linker not found",
                a.settings(), a.applied(), a.toolchain(), a.compile(), a.analysis(), a.artifactBytes(), a.harnessOverheadNs(),
                a.pinned(), a.kernels(), a.warnings(), a.pipeline()));
        Report broken = ReportBuilder.report(ps).schemaVersion(4).createdAt(two.createdAt()).crate(two.crate())
                .machine(two.machine()).settings(two.settings()).toolchain(two.toolchain()).toolchains(two.toolchains())
                .reference("release").shard(two.shard()).build();
        ShardMerge.Refused e = assertThrows(ShardMerge.Refused.class, () -> merge(shard(1, 2, "r", "x", 1, "a", 1.0), broken));
        assertTrue(e.getMessage().contains("shard 2's anchor release is failed (the full build failed: linker not found)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Dctime.shard=2/2"), e.getMessage());
    }

    @Test
    void refusesAReportThatWasNoShard() {
        Report plain = ReportBuilder.report(List.of(profile("release", 1000, 100))).schemaVersion(4).createdAt("t")
                .reference("release").build();
        ShardMerge.Refused e = assertThrows(ShardMerge.Refused.class,
                () -> ShardMerge.merge(List.of(new ShardMerge.Part("plain.json", plain)), null, Thresholds.DEFAULT, 1e6, null, null, "t"));
        assertTrue(e.getMessage().contains("plain.json is not a shard's report"), e.getMessage());
        assertTrue(assertThrows(ShardMerge.Refused.class, () -> ShardMerge.merge(List.of(), null, Thresholds.DEFAULT, 1e6, null,
                null, "t")).getMessage().contains("no reports to merge"));
    }

    @Test
    void namesOtherMachinesAndProfilesNoShardMeasured() throws Exception {
        Report m = merge(shard(1, 3, "r", "EPYC 7763", 1.0, "a", 1.0), shard(2, 3, "r", "Xeon 8370C", 1.0, "b", 1.0));
        List<String> f = m.merge().findings();
        assertTrue(f.stream().anyMatch(s -> s.contains("different machines: cpuModel EPYC 7763 (shard 1) against Xeon 8370C (shard 2)")),
                f.toString());
        assertTrue(f.stream().anyMatch(s -> s.startsWith("no shard measured c")), f.toString());
        // Another seed on one runner: other inputs, said.
        Report seeded = shard(2, 2, "r", "x", 1.0, "b", 1.0);
        Report other = ReportBuilder.report(seeded.profiles()).schemaVersion(4).createdAt(seeded.createdAt())
                .crate(seeded.crate()).machine(seeded.machine())
                .settings(Json.strict(Map.of("seed", 7), MeasuringSettings.class)).toolchain(seeded.toolchain())
                .toolchains(seeded.toolchains()).reference("release").shard(seeded.shard()).build();
        Report withSeed = shard(1, 2, "r", "x", 1.0, "a", 1.0);
        withSeed = ReportBuilder.report(withSeed.profiles()).schemaVersion(4).createdAt(withSeed.createdAt())
                .crate(withSeed.crate()).machine(withSeed.machine())
                .settings(Json.strict(Map.of("seed", 42), MeasuringSettings.class)).toolchain(withSeed.toolchain())
                .toolchains(withSeed.toolchains()).reference("release").shard(withSeed.shard()).build();
        List<String> g = merge(withSeed, other).merge().findings();
        assertTrue(g.contains("the shards measured with different settings: seed 42 (shard 1) against 7 (shard 2); run every"
                + " shard from the same POM and properties"), g.toString());
        assertFalse(m.merge().shards().get(0).anchorDrift().significant(), "same speed: no drift");
        assertNull(m.shard());
    }

    @Test
    void theMergedFiguresAreJudgedAgainAndEachShardKeepsOnlyWhatItMetBesideThem() throws Exception {
        Report one = shard(1, 2, "r", "x", 1.0, "a", 1.2);
        // Shard 1's a drifts: a warning its own figures call for, which the merged figures call for again.
        ProfileResult a = one.profiles().get(1);
        KernelTiming k = a.kernels().get(0);
        KernelTiming drifting = new KernelTiming(k.name(), k.n(), k.status(), k.reason(), k.primalNs(), null, null, null, null,
                k.gradientCheck(), 1, 1, 1.0, 0, null, null, "drifted 40% from its early batches to its late ones", null, null);
        ProfileResult a2 = new ProfileResult(a.name(), a.status(), a.reason(), a.settings(), a.applied(), a.toolchain(), a.compile(),
                null, a.artifactBytes(), null, false, List.of(drifting), null, null);
        List<ProfileResult> ps = List.of(one.profiles().get(0), a2);
        Control control = new Control("release", 2, 1, List.of());
        List<String> own = new ArrayList<>(Judgement.warnings(ps, "release", 0.02, control));
        assertTrue(own.stream().anyMatch(w -> w.startsWith("kernel a heat (n = 64) drifted")), own.toString());
        own.add("other processes used 60% of the CPUs while timing builds: its figures are noisier");
        Report withWarnings = ReportBuilder.report(ps).schemaVersion(one.schemaVersion()).tool(one.tool())
                .createdAt(one.createdAt()).crate(one.crate()).machine(one.machine()).toolchain(one.toolchain())
                .toolchains(one.toolchains()).reference("release").warnings(own).shard(one.shard()).control(control).build();

        Report m = merge(withWarnings, shard(2, 2, "r", "x", 1.0, "b", 1.0));
        List<String> w = m.warnings();
        assertEquals(1, w.stream().filter(x -> x.contains("kernel a heat (n = 64) drifted")).count(), w.toString());
        assertTrue(w.stream().noneMatch(x -> x.startsWith("shard 1: kernel a")), "judged again, not copied: " + w);
        assertTrue(w.contains("shard 1: other processes used 60% of the CPUs while timing builds: its figures are noisier"), w.toString());
        assertEquals(control, m.control(), "the control of the shard that measured the reference");
        assertEquals(control.describe(), w.get(0), "a failed control comes first, as in a measured report");
    }
}
