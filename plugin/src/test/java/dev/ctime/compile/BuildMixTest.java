package dev.ctime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builds a team pays for per period: read, named, and summed round by round into one cost. */
class BuildMixTest {
    private static BuildMeasurement build(double cpu, double rss) {
        return new BuildMeasurement(cpu / 2, cpu, rss, cpu / 2, null, null);
    }

    @Test
    void aPeriodsCostIsTheRoundsWeightedSum() {
        List<String> problems = new ArrayList<>();
        BuildMix mix = BuildMix.parse("clean=1, edit=20", problems);
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(mix.combined());
        assertEquals("clean=1,edit=20", mix.id());
        assertEquals(List.of(Scenario.CLEAN, Scenario.EDIT), mix.scenariosFor("clean=1,edit=20"));
        assertEquals(List.of(Scenario.FULL), mix.scenariosFor("full"));

        List<BuildMeasurement> period = mix.combine(Map.of(
                Scenario.CLEAN, List.of(build(1000, 50), build(1100, 60), build(1200, 70)),
                Scenario.EDIT, List.of(build(10, 80), build(20, 40))));
        assertEquals(2, period.size(), "only the rounds that timed every scenario of the mix");
        assertEquals(1000 + 20 * 10, period.get(0).cpuMs(), 1e-9);
        assertEquals(1100 + 20 * 20, period.get(1).cpuMs(), 1e-9);
        assertEquals(80, period.get(0).maxRssKb(), 1e-9, "the peak is the largest build's");
        assertNull(period.get(0).units());
    }

    @Test
    void oneBuildOfOneScenarioIsThatScenariosOwnFigure() {
        BuildMix one = BuildMix.of(Scenario.CLEAN);
        assertFalse(one.combined());
        assertEquals("clean", one.id());
        assertNull(one.combine(Map.of(Scenario.CLEAN, List.of(build(1, 1)))));
        List<String> problems = new ArrayList<>();
        assertTrue(BuildMix.parse("edit=2", problems).combined(), "two edits a period are a mix of their own");
    }

    @Test
    void everyProblemOfAMixIsSaidAtOnce() {
        List<String> problems = new ArrayList<>();
        BuildMix.parse("clena=1,edit=many,full=-2", problems);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("no scenario 'clena'"), problems.get(0));
        assertTrue(problems.get(1).contains("'edit=many'"), problems.get(1));
        problems.clear();
        BuildMix.parse("clean=0", problems);
        assertEquals(List.of("no scenario with a count above 0"), problems);
    }
}
