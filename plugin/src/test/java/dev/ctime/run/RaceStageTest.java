package dev.ctime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ctime.compile.BuildMeasurement;
import dev.ctime.compile.BuildOutcome;
import dev.ctime.compile.Scenario;
import dev.ctime.model.Analysis;
import dev.ctime.model.Applied;
import dev.ctime.model.Status;
import dev.ctime.profile.ProfileParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RaceStageTest {
    private static BuildOutcome built(String name, Scenario scenario, int samples, boolean analysed) throws Exception {
        List<BuildMeasurement> ms = new ArrayList<>();
        for (int i = 0; i < samples; i++) ms.add(new BuildMeasurement(500 + i, 500 + i, 100_000, 550, null, null));
        return new BuildOutcome(ProfileParser.parse(Map.of("name", name)), "stable", Status.OK, null, new Applied.Builder().build(),
                analysed ? analysis() : null, 1000L, samples == 0 ? Map.of() : Map.of(scenario, ms), List.of(), null, null);
    }

    private static Analysis analysis() {
        Analysis.Builder b = new Analysis.Builder();
        b.codegenUnitsUsed = 16;
        return b.build();
    }

    @Test
    void aFirstBuildThatIsTheFirstCleanSampleIsCountedOnce() throws Exception {
        // Left on run time alone: its first build, also its one clean sample. A finalist: 4 clean samples (the first
        // among them) and 2 analysis builds.
        List<BuildOutcome> race = List.of(built("left", Scenario.CLEAN, 1, false), built("finalist", Scenario.CLEAN, 4, true));
        assertEquals(1 + 4 + 2, RaceStage.buildsRun(race, true));
        // Where clean builds are not timed, the first build is a build of its own beside the timed ones.
        List<BuildOutcome> full = List.of(built("left", Scenario.FULL, 0, false), built("finalist", Scenario.FULL, 4, true));
        assertEquals(1 + (1 + 4 + 2), RaceStage.buildsRun(full, false));
    }
}
