package dev.ctime.run;

import dev.ctime.model.Interference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.compile.BuildMeasurement;
import dev.ctime.compile.BuildOutcome;
import dev.ctime.compile.BuildPlan;
import dev.ctime.compile.Scenario;
import dev.ctime.store.Json;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;
import dev.ctime.profile.ProfileParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A resumed run completes the timed builds of an interrupted one from what its report.json holds. */
class KeptBuildsTest {
    @Test
    void theBuildsOfAnInterruptedReportComeBackInTheirOrder() throws Exception {
        List<BuildMeasurement> full = List.of(new BuildMeasurement(900, 1500, 300_000, 1000, null, null),
                new BuildMeasurement(700, 1400, 310_000, 800, null, new Interference(0.4, 0)));
        List<BuildMeasurement> incr = List.of(new BuildMeasurement(90, 150, 30_000, 100, 5e8, null));
        Map<String, ScenarioFigures> compile = Map.of("full", ReportAssembler.figures(full, false), "incr-patched",
                ReportAssembler.figures(incr, false), "gone", ReportAssembler.figures(incr, false));
        ProfileResult written = new ProfileResult("release", Status.INCOMPLETE, "interrupted", Map.of(), null, null, compile, null,
                null, null, null, null, null, null);
        ProfileResult read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(written), ProfileResult.class);

        BuildOutcome planned = BuildOutcome.planned(new BuildPlan(ProfileParser.parse(Map.of("name", "release")), null, Path.of("/w"),
                List.of(), CargoCommand.FlagsRoute.BUILD_CONFIG, null, "f"));
        BuildOutcome kept = planned.keeping(read, List.of(Scenario.FULL, Scenario.INCR_PATCHED, Scenario.INCR_FULL));
        assertEquals(full, kept.samples().get(Scenario.FULL), "every figure of every build, in the order built");
        assertEquals(incr, kept.samples().get(Scenario.INCR_PATCHED));
        assertFalse(kept.samples().containsKey(Scenario.INCR_FULL), "a scenario the report lacks has nothing kept");
        // A scenario this run no longer times is not carried into it.
        assertFalse(planned.keeping(read, List.of(Scenario.FULL)).samples().containsKey(Scenario.INCR_PATCHED));
    }
}
