package dev.ctime.run;

import dev.ctime.ReportBuilder;

import dev.ctime.stats.EvenRuns;
import dev.ctime.model.Verdict;
import dev.ctime.model.Decision;
import dev.ctime.verdict.Workloads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.GradientCheck;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Race;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;
import dev.ctime.model.Summary;
import dev.ctime.verdict.Decider;
import dev.ctime.model.Thresholds;
import dev.ctime.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RaceTrackTest {
    /** Eight runs spread ±2% around the median. */
    static Summary s(double median) {
        return EvenRuns.around(median, 0.02);
    }

    static ProfileResult profile(String name, double buildMs, double runNs, boolean kernelFails) {
        ScenarioFigures f = new ScenarioFigures(s(buildMs), s(buildMs), s(100_000), s(buildMs), null, null);
        KernelTiming k = kernelFails ? KernelTiming.failed("k", 1000, "crashed: SIGSEGV")
                : new KernelTiming("k", 1000, Status.OK, null, s(runNs / 2), runNs / 2000, s(runNs), runNs / 1000, 2.0,
                new GradientCheck(true, 1e-9, 0, 64, 1e-4, null), 1, 1, 1.0, 0, null, null, null, null, null);
        return new ProfileResult(name, Status.OK, null, Map.of(), null, null, Map.of("full", f), null, 1000L, s(3), false,
                List.of(k), null, null);
    }

    static Report report(List<ProfileResult> ps) {
        return ReportBuilder.report(ps).schemaVersion(7).createdAt("t").reference(ps.get(0).name())
                .decision(Decider.decide(ps, Workloads.defaultFor(ps, 1e6), null, ps.get(0).name(), Thresholds.DEFAULT))
                .build();
    }

    @Test
    void aProfileLeavesOnlyWhenSignificantlyCostlierAndTheEquivalentStay() {
        List<ProfileResult> ps = List.of(profile("fast", 100, 1000, false), profile("twin", 100, 1000, false),
                profile("slow-build", 3000, 1000, false), profile("crashes", 100, 1000, true));
        RaceTrack race = new RaceTrack(ps.stream().map(ProfileResult::name).toList(), 1);
        List<String> log = new ArrayList<>();
        race.judge(report(ps), Thresholds.DEFAULT, "4 builds and 4 forks", java.util.Set.of(), log::add);
        assertEquals(java.util.Set.of("fast", "twin"), race.field(), "equivalent in cost: both stay");
        Race r = race.snapshot(null);
        assertEquals(List.of(4, 2), r.field());
        Race.Left slow = r.left().stream().filter(l -> l.profile().equals("slow-build")).findFirst().orElseThrow();
        assertEquals("fast", slow.beatenBy());
        assertEquals(1, slow.judgement());
        assertTrue(slow.totalLow() > 0 && slow.totalMs() > 2000, slow.toString());
        assertEquals(Verdict.WORSE, slow.build().verdict());
        Race.Left crash = r.left().stream().filter(l -> l.profile().equals("crashes")).findFirst().orElseThrow();
        assertNull(crash.beatenBy(), "barred, not beaten");
        assertTrue(crash.after().contains("barred") && crash.after().contains("crashed: SIGSEGV"), crash.after());
        assertTrue(log.get(0).contains("1 left, significantly costlier per build than fast: slow-build"), log.get(0));
        assertTrue(log.get(0).contains("1 barred by a failed kernel of the workload: crashes"), log.get(0));
    }

    @Test
    void nothingLeavesOnADifferenceThatIsNotSignificant() {
        // 3% apart on the build, within the noise of eight runs at ±2% and the 2% threshold: nobody is beaten.
        List<ProfileResult> ps = List.of(profile("a", 100, 1000, false), profile("b", 101, 1000, false));
        RaceTrack race = new RaceTrack(List.of("a", "b"), 1);
        List<String> log = new ArrayList<>();
        race.judge(report(ps), Thresholds.DEFAULT, "4 builds and 4 forks", java.util.Set.of(), log::add);
        assertEquals(java.util.Set.of("a", "b"), race.field());
        assertTrue(log.get(0).contains("no profile is significantly beaten yet"), log.get(0));
    }

    @Test
    void beforeAnyBuildIsTimedAProfileLeavesOnlyWhereItsRunTimeAloneOutweighsTheFastestsBuildAndRun() {
        // 1e6 calls: 20% slower at 1000 ns a call is +200 ms a build, against the fastest one's 100 ms build; 1% slower is
        // +10 ms, which its unknown build cost could make up: it stays, and so does the one as fast.
        List<ProfileResult> ps = List.of(profile("fast", 100, 1000, false), profile("slow-run", 100, 1200, false),
                profile("a-bit-slower", 100, 1010, false), profile("as-fast", 5000, 1000, false));
        Workload w = Workloads.defaultFor(ps, 1e6);
        List<Workload.Item> items = Decider.measuredItems(ps, w);
        assertEquals("fast", Decider.fastestRun(ps, items));
        List<Decision.Undecided> slower = Decider.slowerOnRunAlone(ps, items, "fast",
                Decider.buildCost(ps.get(0), "full"), Thresholds.DEFAULT, 1);
        assertEquals(List.of("slow-run"), slower.stream().map(Decision.Undecided::profile).toList());
        Decision.Undecided u = slower.get(0);
        assertTrue(u.totalLow() > 0 && u.totalMs() > 90 && u.totalMs() < 110, u.toString());
        assertNull(u.build(), "its build was never compared: it was never timed");
        RaceTrack race = new RaceTrack(ps.stream().map(ProfileResult::name).toList(), 1);
        List<String> log = new ArrayList<>();
        race.screen(slower, "4 forks and fast's builds", log::add);
        assertEquals(java.util.Set.of("fast", "a-bit-slower", "as-fast"), race.field());
        Race.Left l = race.snapshot(null).left().get(0);
        assertTrue(l.after().contains("before its builds were timed"), l.after());
        assertTrue(log.get(0).contains("1 left on run time alone, their builds not timed"), log.get(0));
    }

    @Test
    void aProfileThatLeftOnRunTimeAloneStaysOutWhileItsRunTimeAloneStillLoses() {
        // Its one build (the first, untimed for the race) can never be told from another's, so the decision leaves it
        // undecided; only its run time can bring it back.
        List<ProfileResult> ps = List.of(profile("fast", 100, 1000, false), oneBuild(profile("slow-run", 100, 20_000, false)));
        Report r = report(ps);
        assertTrue(Decision.Undecided.contenders(r.decision().undecided()).contains("slow-run"), r.decision().toString());
        List<Decision.Undecided> slower = Decider.slowerOnRunAlone(ps, Decider.measuredItems(ps, r.decision().workload()), "fast",
                Decider.buildCost(ps.get(0), "full"), Thresholds.DEFAULT, 1);
        assertEquals(List.of("slow-run"), slower.stream().map(Decision.Undecided::profile).toList());

        RaceTrack race = new RaceTrack(List.of("fast", "slow-run"), 3);
        List<String> log = new ArrayList<>();
        race.screen(slower, "4 forks and fast's builds", log::add);
        race.judge(r, Thresholds.DEFAULT, "4 builds and 4 forks", java.util.Set.of("slow-run"), log::add);
        assertEquals(java.util.Set.of("fast"), race.field(), log.toString());
        assertEquals(1, race.snapshot(null).left().size());
        // Where its run time alone no longer loses, the decision has to settle it again.
        race.judge(r, Thresholds.DEFAULT, "4 builds and 5 forks", java.util.Set.of(), log::add);
        assertEquals(java.util.Set.of("fast", "slow-run"), race.field(), log.toString());
        assertTrue(log.get(log.size() - 2).contains("back in the race, no longer significantly costlier than the best: slow-run"),
                log.toString());
    }

    /** The profile with one build only: the first, which a race does not time again for a profile that left. */
    private static ProfileResult oneBuild(ProfileResult p) {
        Summary one = dev.ctime.stats.Statistics.summarize(new double[] {100});
        ScenarioFigures f = new ScenarioFigures(one, one, one, one, null, null);
        return new ProfileResult(p.name(), Status.OK, null, Map.of(), null, null, Map.of("full", f), null, 1000L, s(3), false,
                p.kernels(), null, null);
    }
}
