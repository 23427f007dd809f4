package dev.ctime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileParser;
import dev.ctime.model.Analysis;
import dev.ctime.model.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildOutcomeTest {
    static final BuildMeasurement M = new BuildMeasurement(1, 1, 1, 1, null, null);

    static BuildPlan plan(Profile p) {
        return new BuildPlan(p, null, Path.of("/w/p"), List.of(), CargoCommand.FlagsRoute.BUILD_CONFIG, null, "f1");
    }

    @Test
    void everyStepIsANewValueAndEarlierOnesDoNotMove() throws Exception {
        BuildOutcome planned = BuildOutcome.planned(plan(ProfileParser.parse(Map.of("name", "p", "toolchain", "nightly"))));
        assertEquals("f1", planned.applied().fingerprint());
        assertEquals("nightly", planned.toolchain(), "the toolchain asked for, where none was probed");
        // Recorded in another order than the scenarios' own.
        BuildOutcome o = planned.withSample(Scenario.INCR_PATCHED, M).withSample(Scenario.FULL, M).withSample(Scenario.INCR_FULL, M);
        assertEquals(List.of(Scenario.FULL, Scenario.INCR_FULL, Scenario.INCR_PATCHED), List.copyOf(o.samples().keySet()));
        BuildOutcome later = o.withSample(Scenario.FULL, M).warned("later").failed("broken");
        assertEquals(1, o.samples().get(Scenario.FULL).size(), "an outcome does not change with later builds");
        assertEquals(2, later.samples().get(Scenario.FULL).size());
        assertEquals(List.of(), o.warnings());
        assertEquals(List.of("later"), later.warnings());
        assertEquals(Status.OK, o.status());
        assertEquals(Status.FAILED, later.status());
        assertEquals("broken", later.reason());
        assertTrue(planned.samples().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> o.samples().clear());
        assertThrows(UnsupportedOperationException.class, () -> o.samples().get(Scenario.FULL).clear());
    }

    @Test
    void anEmptyAnalysisIsNoneAndNoWarningsChangeNothing() throws Exception {
        BuildOutcome o = BuildOutcome.planned(plan(ProfileParser.parse(Map.of("name", "p"))));
        assertNull(o.withAnalysis(new Analysis.Builder().build()).analysis());
        assertSame(o, o.warned(List.of()));
        Analysis.Builder a = new Analysis.Builder();
        a.codegenUnitsUsed = 4;
        Analysis.Builder again = Analysis.Builder.from(o.withAnalysis(a.build()).analysis());
        again.llvmLinesScope = "crate";
        assertEquals(4, again.build().codegenUnitsUsed(), "a later analysis stage keeps what an earlier one found");
        assertEquals(Status.SKIPPED, o.skipped("no toolchain").status());
    }
}
