package dev.ctime.compile;

import java.util.Arrays;
import java.util.Optional;

/** rustc-perf's build scenarios, each timed on the leaf crate with its dependencies built. */
public enum Scenario {
    /** Clean, non-incremental build. */
    FULL("full", false),
    /** Clean build with incremental compilation on (fills the incremental cache). */
    INCR_FULL("incr-full", true),
    /** Rebuild after an incremental build with nothing changed (the crate root touched). */
    INCR_UNCHANGED("incr-unchanged", true),
    /** Rebuild after an incremental build and a small edit of the crate root. */
    INCR_PATCHED("incr-patched", true);

    public final String id;
    public final boolean incremental;

    Scenario(String id, boolean incremental) {
        this.id = id;
        this.incremental = incremental;
    }

    /** Scenarios that rebuild on top of an incremental cache left by a previous build. */
    public boolean needsIncrementalBaseline() {
        return this == INCR_UNCHANGED || this == INCR_PATCHED;
    }

    public static Optional<Scenario> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id.strip())).findFirst();
    }
}
