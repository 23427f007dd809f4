package dev.ctime.judgement;

import dev.ctime.model.Interference;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.stats.Statistics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarningsTest {
    static ProfileResult profile(int runs, boolean capped, List<Interference> interference) {
        double[] v = new double[runs];
        for (int i = 0; i < runs; i++) v[i] = 100 + i;
        var s = Statistics.summarize(v).withCapped(capped);
        return new ProfileResult("p", Status.OK, null, Map.of(), null, "default",
                Map.of("full", new ScenarioFigures(s, s, s, s, null, interference)), null, null, null, null, null, null, null);
    }

    @Test
    void saysWhatMakesFiguresLessReliable() {
        List<String> w = Warnings.of(List.of(profile(3, true, List.of(new Interference(0.4, 0),
                new Interference(0, 0), new Interference(0, 0)))), 0.02);
        assertEquals(3, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("other processes used up to 40% of the CPUs during 1 of 3 builds"), w.get(0));
        assertTrue(w.get(1).startsWith("1 figures stopped at a cap before their interval reached ±2%: p full build"), w.get(1));
        assertTrue(w.get(2).startsWith("1 figures rest on fewer than 6 runs"), w.get(2));
    }

    @Test
    void aQuietPreciseRunHasNothingToSay() {
        Interference quiet = new Interference(0.01, 0);
        assertEquals(List.of(), Warnings.of(List.of(profile(8, false, List.of(quiet, quiet))), 0.02));
    }
}
