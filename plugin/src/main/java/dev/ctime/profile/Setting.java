package dev.ctime.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The settings a profile may carry, with their accepted values: the one place that knows them. */
public enum Setting {
    NAME("name", null),
    INHERITS("inherits", List.of("release", "dev")),
    OPT_LEVEL("optLevel", List.of("0", "1", "2", "3", "s", "z")),
    LTO("lto", List.of("off", "thin-local", "thin", "fat")),
    CODEGEN_UNITS("codegenUnits", null),
    INCREMENTAL("incremental", List.of("true", "false")),
    DEBUG("debug", List.of("none", "line-tables", "limited", "full")),
    PANIC("panic", List.of("unwind", "abort")),
    LINKER("linker", Linker.names()),
    TARGET_CPU("targetCpu", null),
    FRONTEND_THREADS("frontendThreads", null),
    TOOLCHAIN("toolchain", null),
    FEATURES("features", null),
    RUSTFLAGS("rustflags", null),
    AUTODIFF("autodiff", List.of("Enable", "NoPostopt", "NoTT", "Inline", "LooseTypes", "PrintTA", "PrintAA",
            "PrintPerf", "PrintSteps", "PrintModBefore", "PrintModAfter", "PrintModFinal", "PrintPasses", "PrintTAFn")),
    PGO("pgo", List.of("true", "false")),
    BOLT("bolt", List.of("true", "false")),
    /**
     * Package overrides, one to one with Cargo's {@code [profile.NAME.package.SPEC] KEY = VALUE}: comma-separated
     * {@code SPEC:KEY=VALUE}, e.g. {@code *:opt-level=2} (every dependency at 2). Keys are those Cargo allows there.
     */
    PACKAGES("packages", List.of("opt-level", "debug", "debug-assertions", "overflow-checks", "codegen-units", "incremental",
            "strip", "split-debuginfo"));

    public final String key;
    /** Accepted values, or null where any value of the right type goes. */
    public final List<String> values;

    Setting(String key, List<String> values) {
        this.key = key;
        this.values = values;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(s -> s.key).toList();
    }

    /** The known key closest to a misspelt one, for "did you mean" hints. */
    public static Optional<String> closest(String key) {
        return Closest.among(key, keys());
    }

}
