package dev.ctime.run;

import dev.ctime.ReportBuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.InstructionCountState;
import dev.ctime.model.MeasuringSetting;
import dev.ctime.model.MeasuringSettings;
import dev.ctime.model.Report;
import dev.ctime.profile.ProfileParser;
import dev.ctime.store.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One table of measuring settings: what the report writes, what resume compares and fingerprints, read from one mapping. */
class ConfiguredSettingsTest {
    @TempDir
    Path out;

    private MeasureConfig config() {
        return withFeatures(MeasureRunTest.config(out.resolve("Cargo.toml"), out, List.of(), null), List.of("kernels"));
    }

    private static MeasureConfig withFeatures(MeasureConfig c, List<String> features) {
        MeasureConfig.Builds b = c.builds();
        return new MeasureConfig(c.manifest(), c.workDir(), c.profiles(), c.only(), c.kernels(), c.autodiffFeature(), c.label(),
                c.userEnv(), new MeasureConfig.Builds(b.scenarios(), b.repeat(), b.timeout(), b.patchFile(), b.seenMs(), b.mix(),
                b.inheritCrate(), b.analysis(), features), c.timing(), c.precision(), c.judging(), c.instructions(), c.resume(),
                c.sharding(), c.forkClasspath(), c.search());
    }

    /** The report's settings as this configuration writes them, counting in the given state. */
    private static Map<String, Object> written(MeasureConfig cfg, InstructionCountState counting) {
        Map<String, Object> m = new LinkedHashMap<>(ConfiguredSettings.recorded(cfg));
        m.put("instructionCountState", counting);
        return m;
    }

    private static Report report(Map<String, Object> settings) {
        return ReportBuilder.report().createdAt("2026-12-06T10:00:00Z").settings(Json.strict(settings, MeasuringSettings.class))
                .build();
    }

    @Test
    void everySettingTheReportWritesReadsBackAsTheSameValue() {
        MeasureConfig cfg = config();
        MeasuringSettings m = Json.strict(written(cfg, InstructionCountState.OFF), MeasuringSettings.class);
        for (MeasuringSetting s : MeasuringSetting.values()) {
            Object now = ConfiguredSettings.of(s, cfg);
            if (now == null) continue;
            assertTrue(MeasuringSetting.same(s.stored(m), now), s + ": wrote " + now + ", read back " + s.stored(m));
        }
        assertEquals(-1, m.pinCpu(), "the CPU forks are pinned to is recorded");
        assertEquals(List.of("kernels"), m.features());
        assertEquals(List.of(), Resume.changedSettings(report(written(cfg, InstructionCountState.OFF)), cfg),
                "the same configuration changed nothing");
    }

    @Test
    void eachSettingThatShapesAResultIsNamedWhenItChangedAndChangesTheFingerprint() throws Exception {
        MeasureConfig cfg = config();
        for (MeasuringSetting s : MeasuringSetting.values()) {
            if (!s.recordedAsConfigured()) continue;
            Map<String, Object> m = written(cfg, InstructionCountState.OFF);
            Object v = m.get(s.key());
            if (v == null) continue;
            m.put(s.key(), other(v));
            List<String> changed = Resume.changedSettings(report(m), cfg);
            if (s.shapesResult()) {
                assertEquals(1, changed.size(), s + ": " + changed);
                assertTrue(changed.get(0).startsWith(s.key() + " " + other(v) + " → "), changed.get(0));
            } else {
                assertEquals(List.of(), changed, s + " only judges figures measured the same way");
            }
        }
        // Counting is compared by what became of it: counted before, off now.
        List<String> counted = Resume.changedSettings(report(written(cfg, InstructionCountState.COUNTED)), cfg);
        assertEquals(List.of("instructions counted → off"), counted);
        assertEquals(List.of(), Resume.changedSettings(report(written(cfg, InstructionCountState.UNAVAILABLE)), cfg),
                "a run that could not count says nothing of what was asked");

        var release = ProfileParser.parse(Map.of("name", "release"));
        String base = Resume.fingerprint(cfg, release, null);
        assertEquals(base, Resume.fingerprint(config(), release, null), "a fingerprint is a function of the settings");
        assertNotEquals(base, Resume.fingerprint(withFeatures(cfg, List.of()), release, null), "features");
        MeasureConfig.Timing t = cfg.timing();
        MeasureConfig pinned = new MeasureConfig(cfg.manifest(), cfg.workDir(), cfg.profiles(), cfg.only(), cfg.kernels(),
                cfg.autodiffFeature(), cfg.label(), cfg.userEnv(), cfg.builds(), new MeasureConfig.Timing(t.forks(), t.minSampleMs(),
                t.samples(), t.warmupMaxMs(), 1, t.seed(), t.gradientTolerance(), t.runTimeout()), cfg.precision(), cfg.judging(),
                cfg.instructions(), cfg.resume(), cfg.sharding(), cfg.forkClasspath(), cfg.search());
        assertNotEquals(base, Resume.fingerprint(pinned, release, null), "pinning to a CPU");
        assertEquals(List.of("pinCpu -1 → 1"), Resume.changedSettings(report(written(cfg, InstructionCountState.OFF)), pinned));
    }

    /** Another value of the same kind. */
    private static Object other(Object v) {
        if (v instanceof Integer i) return i + 1;
        if (v instanceof Long l) return l + 1;
        if (v instanceof Double d) return d * 2 + 1;
        if (v instanceof List<?> l) {
            List<Object> more = new ArrayList<>(l);
            more.add("other");
            return more;
        }
        if (v instanceof String s) return s + "-other";
        return Json.fields(v) == null ? v : otherFields(Json.fields(v));
    }

    private static Map<String, Object> otherFields(Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.replaceAll((k, x) -> other(x));
        return m;
    }
}
