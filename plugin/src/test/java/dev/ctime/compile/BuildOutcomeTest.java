package dev.ctime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.profile.ProfileParser;
import dev.ctime.report.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildOutcomeTest {
    @Test
    void aSnapshotKeepsTheScenariosInTheirOrderAndDoesNotMoveWithTheBuild() throws Exception {
        ProfileBuild b = new ProfileBuild(ProfileParser.parse(Map.of("name", "p")), null, Path.of("/w/p"), List.of(),
                CargoCommand.FlagsRoute.BUILD_CONFIG);
        BuildMeasurement m = new BuildMeasurement(1, 1, 1, 1, null, null);
        // Recorded in another order than the scenarios' own.
        b.record(Scenario.INCR_PATCHED, m);
        b.record(Scenario.FULL, m);
        b.record(Scenario.INCR_FULL, m);
        BuildOutcome o = b.outcome();
        assertEquals(List.of(Scenario.FULL, Scenario.INCR_FULL, Scenario.INCR_PATCHED), List.copyOf(o.samples().keySet()));
        b.record(Scenario.FULL, m);
        b.warn("later");
        b.fail("broken");
        assertEquals(1, o.samples().get(Scenario.FULL).size(), "the snapshot does not change with the build");
        assertEquals(List.of(), o.warnings());
        assertEquals(Status.OK, o.status());
        assertEquals(Status.FAILED, b.outcome().status());
        assertThrows(UnsupportedOperationException.class, () -> o.samples().clear());
    }
}
