package dev.ctime.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One build configuration of the user's crate. Every setting is optional: an unset one leaves
 * the user's own Cargo profile (which the ctime profile inherits from) as it is.
 *
 * @param inherits   the Cargo profile the settings are layered on: release (default) or dev
 * @param autodiff   the -Zautodiff= settings; non-empty means an Enzyme profile (Enable implied)
 */
public record Profile(String name, String inherits, String optLevel, String lto, Integer codegenUnits,
                      Boolean incremental, String debug, String panic, String linker, String targetCpu,
                      Integer frontendThreads, String toolchain, List<String> features, List<String> rustflags,
                      List<String> autodiff) {

    public Profile {
        features = List.copyOf(features);
        rustflags = List.copyOf(rustflags);
        autodiff = List.copyOf(autodiff);
    }

    public boolean isAutodiff() {
        return !autodiff.isEmpty();
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
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
