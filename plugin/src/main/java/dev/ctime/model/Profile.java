package dev.ctime.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One build configuration of the user's crate. Every setting is optional: an unset one leaves
 * the user's own Cargo profile (which the ctime profile inherits from) as it is.
 *
 * @param inherits   the Cargo profile the settings are layered on: release (default) or dev
 * @param autodiff   the -Zautodiff= settings; non-empty means an Enzyme profile (Enable implied)
 * @param pgo        profile-guided optimisation, trained by ctime's harness on the configured kernels
 * @param bolt       the cdylib rewritten by BOLT after training the same way
 */
public record Profile(String name, String inherits, String optLevel, String lto, Integer codegenUnits,
                      Boolean incremental, String debug, String panic, String linker, String targetCpu,
                      Integer frontendThreads, String toolchain, List<String> features, List<String> rustflags,
                      List<String> autodiff, Boolean pgo, Boolean bolt, List<String> packages) {

    public Profile {
        features = List.copyOf(features);
        rustflags = List.copyOf(rustflags);
        autodiff = List.copyOf(autodiff);
        packages = packages == null ? List.of() : List.copyOf(packages);
    }

    /** Without package overrides. */
    public Profile(String name, String inherits, String optLevel, String lto, Integer codegenUnits, Boolean incremental, String debug,
                   String panic, String linker, String targetCpu, Integer frontendThreads, String toolchain, List<String> features,
                   List<String> rustflags, List<String> autodiff, Boolean pgo, Boolean bolt) {
        this(name, inherits, optLevel, lto, codegenUnits, incremental, debug, panic, linker, targetCpu, frontendThreads, toolchain,
                features, rustflags, autodiff, pgo, bolt, List.of());
    }

    public boolean isAutodiff() {
        return !autodiff.isEmpty();
    }

    public boolean usesPgo() {
        return Boolean.TRUE.equals(pgo);
    }

    public boolean usesBolt() {
        return Boolean.TRUE.equals(bolt);
    }

    /** Whether the library the harness times comes out of a training pipeline (PGO, BOLT or both). */
    public boolean trained() {
        return usesPgo() || usesBolt();
    }

    public String inheritsOrDefault() {
        return inherits == null ? "release" : inherits;
    }

    /** The settings as the user wrote them (unset ones left out), in a stable order. */
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inherits", inheritsOrDefault());
        put(m, "optLevel", optLevel);
        put(m, "lto", lto);
        put(m, "codegenUnits", codegenUnits);
        put(m, "incremental", incremental);
        put(m, "debug", debug);
        put(m, "panic", panic);
        put(m, "linker", linker);
        put(m, "targetCpu", targetCpu);
        put(m, "frontendThreads", frontendThreads);
        put(m, "toolchain", toolchain);
        if (!features.isEmpty()) m.put("features", features);
        if (!rustflags.isEmpty()) m.put("rustflags", rustflags);
        if (!autodiff.isEmpty()) m.put("autodiff", autodiff);
        put(m, "pgo", pgo);
        put(m, "bolt", bolt);
        if (!packages.isEmpty()) m.put("packages", packages);
        return m;
    }

    /**
     * The profile back from its settings as a report keeps them (the inverse of {@link #settings}): numbers and
     * booleans may come back as text, lists as lists of anything.
     */
    public static Profile of(String name, Map<String, ?> s) {
        Map<String, ?> m = s == null ? Map.of() : s;
        return new Profile(name, text(m.get("inherits")), text(m.get("optLevel")), text(m.get("lto")), whole(m.get("codegenUnits")),
                yesNo(m.get("incremental")), text(m.get("debug")), text(m.get("panic")), text(m.get("linker")),
                text(m.get("targetCpu")), whole(m.get("frontendThreads")), text(m.get("toolchain")), texts(m.get("features")),
                texts(m.get("rustflags")), texts(m.get("autodiff")), yesNo(m.get("pgo")), yesNo(m.get("bolt")),
                texts(m.get("packages")));
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }

    private static Integer whole(Object v) {
        return v == null ? null : v instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(String.valueOf(v).strip());
    }

    private static Boolean yesNo(Object v) {
        return v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(v).strip());
    }

    private static List<String> texts(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : v == null ? List.of() : List.of(String.valueOf(v));
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
