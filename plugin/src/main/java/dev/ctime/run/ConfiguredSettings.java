package dev.ctime.run;

import dev.ctime.model.MeasuringSetting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each measuring setting of the model's table as this run's configuration gives it: the one mapping the report, resume's
 * fingerprint and its changed-settings message read. The switch names every setting, so a new one cannot be missed.
 */
final class ConfiguredSettings {
    private ConfiguredSettings() {
    }

    /** The setting's value in this configuration, as the report stores it (null: the report leaves it out). */
    static Object of(MeasuringSetting s, MeasureConfig cfg) {
        MeasureConfig.Timing t = cfg.timing();
        return switch (s) {
            case REPEAT -> cfg.builds().repeat();
            case SCENARIOS -> cfg.builds().scenarios().stream().map(sc -> sc.id).toList();
            case FORKS -> t.forks();
            case SEARCH -> cfg.search().race() ? "race" : "exhaustive";
            case SAMPLES -> t.samples();
            case MIN_SAMPLE_MS -> t.minSampleMs();
            case WARMUP_MAX_MS -> t.warmupMaxMs();
            case SEED -> t.seed();
            case PIN_CPU -> t.pinCpu();
            case GRADIENT_TOLERANCE -> t.gradientTolerance();
            case DESCHED_THRESHOLD -> cfg.precision().deschedThreshold();
            case FEATURES -> cfg.builds().features();
            case INHERIT -> cfg.builds().inheritCrate() ? "crate" : "none";
            case INSTRUCTIONS -> cfg.instructions() == InstructionMode.OFF ? "off" : "counted";
            case TARGET_PRECISION -> cfg.precision().target();
            case MAX_REPEAT -> Math.max(cfg.builds().repeat(), cfg.precision().maxRepeat());
            case MAX_FORKS -> Math.max(t.forks(), cfg.precision().maxForks());
            case THRESHOLDS -> cfg.judging().thresholds();
            case BUILDS -> cfg.builds().mix().combined() ? cfg.builds().mix().id() : null;
        };
    }

    /** The settings the report writes as configured, by their names there (features only where there are some). */
    static Map<String, Object> recorded(MeasureConfig cfg) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (MeasuringSetting s : MeasuringSetting.values()) {
            Object v = of(s, cfg);
            if (!s.recordedAsConfigured() || v == null || (v instanceof List<?> l && l.isEmpty() && s == MeasuringSetting.FEATURES)) continue;
            out.put(s.key(), v);
        }
        return out;
    }

    /** The settings that shape a result, as "name=value|…": part of every profile's fingerprint. */
    static String shapingResults(MeasureConfig cfg) {
        StringBuilder sb = new StringBuilder();
        for (MeasuringSetting s : MeasuringSetting.shapingResults()) sb.append('|').append(s.key()).append('=').append(of(s, cfg));
        return sb.toString();
    }
}
