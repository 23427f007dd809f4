package dev.ctime.model;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The measuring settings a user chooses, in one table: each one's name in report.json, how it is read back from a
 * report, and whether it shapes a result (then a resumed run reuses nothing measured under another value, its
 * profiles' fingerprints include it, and shards measured with different values are told apart). How each is read from
 * a run's configuration is the run's own exhaustive mapping of this table.
 */
public enum MeasuringSetting {
    REPEAT("repeat", MeasuringSettings::repeat, true),
    SCENARIOS("scenarios", MeasuringSettings::scenarios, true),
    FORKS("forks", MeasuringSettings::forks, true),
    /** Exhaustive where an older report does not say. */
    SEARCH("search", m -> m.search() == null ? "exhaustive" : m.search(), true),
    SAMPLES("samples", MeasuringSettings::samples, true),
    MIN_SAMPLE_MS("minSampleMs", MeasuringSettings::minSampleMs, true),
    WARMUP_MAX_MS("warmupMaxMs", MeasuringSettings::warmupMaxMs, true),
    /** The seed decides the inputs, so the figures. */
    SEED("seed", MeasuringSettings::seed, true),
    /** A pinned fork shares its CPU with nothing of ctime's, so its timings differ in kind. */
    PIN_CPU("pinCpu", MeasuringSettings::pinCpu, true),
    /** It decides which kernels pass their check. */
    GRADIENT_TOLERANCE("gradientTolerance", MeasuringSettings::gradientTolerance, true),
    /** It decides which batches are left out. */
    DESCHED_THRESHOLD("deschedThreshold", MeasuringSettings::deschedThreshold, true),
    /** Features build another library. */
    FEATURES("features", m -> m.features() == null ? List.of() : m.features(), true),
    /** Whether the crate's own profile settings reach every profile: another build. */
    INHERIT("inherit", MeasuringSettings::inherit, true),
    /**
     * Counted or off, read from the run's state: a run that could not count, or was cut short while counting, says
     * nothing about what was asked (null), and the report writes the state, not this value.
     */
    INSTRUCTIONS("instructions", m -> m.instructionCountState() == InstructionCountState.COUNTED ? "counted"
            : m.instructionCountState() == InstructionCountState.OFF ? "off" : null, true),
    /** The rest only judge figures that are measured the same way, or cap how many are. */
    TARGET_PRECISION("targetPrecision", MeasuringSettings::targetPrecision, false),
    MAX_REPEAT("maxRepeat", MeasuringSettings::maxRepeat, false),
    MAX_FORKS("maxForks", MeasuringSettings::maxForks, false),
    THRESHOLDS("thresholds", MeasuringSettings::thresholds, false),
    BUILDS("builds", MeasuringSettings::builds, false);

    private final String key;
    private final Function<MeasuringSettings, Object> stored;
    private final boolean shapesResult;

    MeasuringSetting(String key, Function<MeasuringSettings, Object> stored, boolean shapesResult) {
        this.key = key;
        this.stored = stored;
        this.shapesResult = shapesResult;
    }

    /** Its name in report.json's settings. */
    public String key() {
        return key;
    }

    /** Its value as a report recorded it, or null where the report does not say. */
    public Object stored(MeasuringSettings m) {
        return m == null ? null : stored.apply(m);
    }

    public boolean shapesResult() {
        return shapesResult;
    }

    /** Whether the report writes this value as configured (instruction counting is written as what became of it). */
    public boolean recordedAsConfigured() {
        return this != INSTRUCTIONS;
    }

    /** The settings that shape a result, in the table's order. */
    public static List<MeasuringSetting> shapingResults() {
        return Arrays.stream(values()).filter(MeasuringSetting::shapesResult).toList();
    }

    /** Whether two values are the same setting: numbers by value (a stored 5 is a configured 5.0). */
    public static boolean same(Object before, Object now) {
        if (before instanceof Number a && now instanceof Number b) return a.doubleValue() == b.doubleValue();
        return before == null ? now == null : before.equals(now);
    }
}
