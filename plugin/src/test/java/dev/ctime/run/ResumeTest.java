package dev.ctime.run;

import dev.ctime.ReportBuilder;

import dev.ctime.model.InstructionCountState;
import dev.ctime.model.MeasuringSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.compile.BuildMeasurement;
import dev.ctime.compile.BuildOutcome;
import dev.ctime.compile.Scenario;
import dev.ctime.model.Applied;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;
import dev.ctime.profile.ProfileParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ctime.resume reuses, decided from the last report and this run's plan alone: no cargo. */
class ResumeTest {
    @TempDir
    Path out;

    private static final Map<String, String> SOURCES = Map.of("src/lib.rs", "aa");

    private static Applied applied(String fingerprint) {
        Applied.Builder a = new Applied.Builder();
        a.fingerprint = fingerprint;
        a.sources = SOURCES;
        return a.build();
    }

    private static BuildOutcome planned(String name, String fingerprint) throws Exception {
        return new BuildOutcome(ProfileParser.parse(Map.of("name", name)), "stable", Status.OK, null, applied(fingerprint), null, null,
                Map.of(), List.of(), null, null);
    }

    private static ProfileResult measured(String name, Status status, String fingerprint, int builds) {
        List<BuildMeasurement> ms = new java.util.ArrayList<>();
        for (int i = 0; i < builds; i++) ms.add(new BuildMeasurement(1000 + i, 1000 + i, 1000, 1100, null, null));
        Map<String, ScenarioFigures> compile = builds == 0 ? null : Map.of("full", ReportAssembler.figures(ms, false));
        return new ProfileResult(name, status, status == Status.OK ? null : "why", Map.of(), applied(fingerprint), "stable", compile,
                null, null, null, null, null, null, null);
    }

    private static ProfileResult edited(ProfileResult p) {
        Applied.Builder a = new Applied.Builder();
        a.fingerprint = p.applied().fingerprint();
        a.sources = Map.of("src/lib.rs", "old");
        return new ProfileResult(p.name(), p.status(), p.reason(), p.settings(), a.build(), p.toolchain(), p.compile(), null, null, null,
                null, null, null, null);
    }

    private static Report last(List<ProfileResult> profiles) {
        return ReportBuilder.report(profiles).createdAt("2026-11-29T10:00:00Z").build();
    }

    @Test
    void onlyWhatIsUnchangedAndFinishedIsReusedAndEveryOtherProfileSaysWhy() throws Exception {
        Report last = last(List.of(measured("same", Status.OK, "f1", 2), measured("retuned", Status.OK, "old", 2),
                measured("cut", Status.INCOMPLETE, "f3", 1), measured("broke", Status.FAILED, "f4", 0),
                edited(measured("edited", Status.OK, "f6", 2))));
        List<BuildOutcome> planned = List.of(planned("same", "f1"), planned("retuned", "f2"), planned("cut", "f3"),
                planned("broke", "f4"), planned("fresh", "f5"), planned("edited", "f6"));
        MeasureConfig cfg = MeasureRunTest.config(out.resolve("Cargo.toml"), out, List.of(), null);
        // The edited profile's build read the crate root before its last edit: its recorded hash is an older one.
        Resume.Plan p = Resume.plan(last, planned, cfg, then -> then.get("src/lib.rs").equals("old") ? List.of("src/lib.rs") : List.of());

        assertEquals(List.of("same"), p.reused());
        assertEquals("2026-11-29T10:00:00Z", p.resumedFrom());
        assertEquals(List.of("retuned (its settings, toolchain or measuring settings changed)",
                "cut (interrupted; keeping its 1 timed build)", "broke (failed)", "fresh (new)", "edited (changed: src/lib.rs)"),
                p.again());
        assertSame(last.profiles().get(0), p.outcomes().get(0).reused(), "reused whole");
        BuildOutcome kept = p.outcomes().get(1);
        assertEquals("cut", kept.name());
        assertEquals(1, kept.samples().get(Scenario.FULL).size(), "the finished build is kept, the run completes the rest");
        assertTrue(p.interrupted().containsKey("cut"));
        assertTrue(p.describe().startsWith("resume: reusing 1 finished profile (same, measured 2026-11-29T10:00:00Z); measuring"),
                p.describe());
    }

    private static Report counting(InstructionCountState state, String sentence, String interrupted) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        if (state != null) m.put("instructionCountState", state);
        m.put("instructionCounts", sentence);
        m.put("seed", 1L);
        MeasuringSettings settings = dev.ctime.store.Json.strict(m, MeasuringSettings.class);
        return ReportBuilder.report().createdAt("2026-11-29T10:00:00Z").settings(settings).interrupted(interrupted).build();
    }

    @Test
    void aRunCutShortWhileCountingIsToldByItsStateNotByItsWords() {
        String cut = "not finished: written while timing kernels; a run that was killed stopped here";
        assertTrue(Resume.cutWhileCounting(counting(InstructionCountState.NOT_FINISHED, "whatever it says", cut)));
        assertFalse(Resume.cutWhileCounting(counting(InstructionCountState.COUNTED, "not finished: counting", cut)),
                "counted, whatever the sentence or the stage it was cut in");
        assertFalse(Resume.cutWhileCounting(counting(InstructionCountState.OFF, "off", null)));
        assertTrue(Resume.cutWhileCounting(counting(null, "instructions per call …", cut)),
                "a report older than the state, cut short, cannot say: its counts are not trusted");
        assertFalse(Resume.cutWhileCounting(counting(null, "instructions per call …", null)));
    }

    @Test
    void countingSwitchedOnOrOffIsAChangedSettingByItsState() {
        MeasureConfig off = MeasureRunTest.config(out.resolve("Cargo.toml"), out, List.of(), null);
        assertEquals(InstructionMode.OFF, off.instructions(), "the test's configuration counts nothing");
        List<String> changed = Resume.changedSettings(counting(InstructionCountState.COUNTED, "off (these words mislead)", null), off);
        assertTrue(changed.contains("instructions counted → off"), changed.toString());
        assertFalse(Resume.changedSettings(counting(InstructionCountState.OFF, "instructions per call", null), off).stream()
                .anyMatch(c -> c.startsWith("instructions")));
        assertFalse(Resume.changedSettings(counting(InstructionCountState.UNAVAILABLE, "unavailable: no valgrind", null), off)
                .stream().anyMatch(c -> c.startsWith("instructions")), "nothing was counted before either");
    }
}
