package dev.ctime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrateBuildsTest {
    static PreparedBuild prepared(Profile p) {
        BuildPlan plan = new BuildPlan(p, null, Path.of("/w/p"), List.of(), CargoCommand.FlagsRoute.BUILD_CONFIG, null, "f");
        return new PreparedBuild(plan, Path.of("/w/p/src/Cargo.toml"), Path.of("/w/p/src/src/lib.rs"), plan.target(), List.of(), null);
    }

    static CargoCommand cmd(Profile p) {
        return CargoCommand.build(p, List.of(), Path.of("/w/p/src/Cargo.toml"), Path.of("/w/p/target"), null, List.of(),
                CargoCommand.FlagsRoute.BUILD_CONFIG, "x86_64-unknown-linux-gnu", Map.of());
    }

    @Test
    void aFlagThatDidNotReachRustcFailsTheProfileNamingTheRoute() throws Exception {
        Profile p = ProfileParser.parse(Map.of("name", "p", "targetCpu", "native"));
        BuildFailure f = assertThrows(BuildFailure.class,
                () -> CrateBuilds.checkApplied(prepared(p), cmd(p), "rustc --crate-name k -C opt-level=3"));
        assertTrue(f.reason().contains("-Ctarget-cpu=native did not reach rustc"), f.reason());
        assertTrue(f.reason().contains("BUILD_CONFIG"), f.reason());
        assertEquals(List.of(), CrateBuilds.checkApplied(prepared(p), cmd(p), "rustc --crate-name k -Ctarget-cpu=native"));
    }

    @Test
    void fatLtoThatCargoDroppedIsAWarningNotAFailure() throws Exception {
        Profile p = ProfileParser.parse(Map.of("name", "p", "lto", "fat"));
        List<String> w = CrateBuilds.checkApplied(prepared(p), cmd(p), "rustc --crate-name k --crate-type cdylib --crate-type rlib");
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("cdylib-only"), w.get(0));
        assertEquals(List.of(), CrateBuilds.checkApplied(prepared(p), cmd(p), "rustc --crate-name k -C lto=fat"));
    }

    @Test
    void fullIsIncrementalOnlyWhereTheProfileSaysSoAndTheIncrScenariosAlwaysAre() throws Exception {
        assertFalse(Scenario.FULL.incrementalFor(ProfileParser.parse(Map.of("name", "p"))));
        assertTrue(Scenario.FULL.incrementalFor(ProfileParser.parse(Map.of("name", "p", "incremental", "true"))));
        assertTrue(Scenario.INCR_PATCHED.incrementalFor(ProfileParser.parse(Map.of("name", "p", "incremental", "false"))));
    }

    @Test
    void aFigureIsPreciseOnlyOnceItsIntervalIsNarrowEnough() {
        // A 95% interval of the median needs six runs at least (order statistics).
        List<BuildMeasurement> tight = List.of(m(1000), m(1001), m(999), m(1000), m(1002), m(998), m(1000), m(1001));
        assertFalse(ScenarioRunner.precise(tight.subList(0, 5), 0.05), "five runs give no 95% interval");
        List<BuildMeasurement> wide = List.of(m(500), m(1500), m(900));
        assertFalse(ScenarioRunner.precise(List.of(), 0.05));
        assertTrue(ScenarioRunner.precise(tight, 0.05));
        assertFalse(ScenarioRunner.precise(wide, 0.05));
    }

    private static BuildMeasurement m(double cpuMs) {
        return new BuildMeasurement(cpuMs, cpuMs, 1, cpuMs, null, null);
    }
}
