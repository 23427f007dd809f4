package dev.ctime.compile;

import dev.ctime.model.Profile;
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

    /**
     * Whether this scenario's build is incremental: the incr-* scenarios always are; full is a clean
     * build with the profile's own incremental setting, off unless the profile turns it on.
     */
    public boolean incrementalFor(Profile p) {
        return this == FULL ? Boolean.TRUE.equals(p.incremental()) : incremental;
    }

    public static Optional<Scenario> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id.strip())).findFirst();
    }
}
