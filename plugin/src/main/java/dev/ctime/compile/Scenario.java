package dev.ctime.compile;

import dev.ctime.model.Decision;
import dev.ctime.model.Profile;
import java.util.Arrays;
import java.util.Optional;

/**
 * The builds ctime times. Two are what a team pays: {@link #CLEAN}, the whole graph from an empty target folder (a CI
 * build without a cache), and {@link #EDIT}, the rebuild after a small change to the leaf crate (a developer's loop, or
 * CI with a warm cache). The others are rustc-perf's, timed on the leaf crate's rustc with its dependencies built: right
 * for judging the compiler, not the price of a profile (under fat LTO the dependencies' code generation moves into the
 * leaf, so a leaf-only figure charges fat LTO for work release pays in its dependencies).
 */
public enum Scenario {
    /** The whole graph from an empty target folder: dependencies, build scripts, the leaf, the link. */
    CLEAN("clean", false, true),
    /** The rebuild after a small edit of the leaf crate, with incremental compilation as the profile sets it. */
    EDIT("edit", false, true),
    /** Clean, non-incremental build of the leaf crate alone (dependencies built). */
    FULL("full", false, false),
    /** Clean build of the leaf crate with incremental compilation on (fills the incremental cache). */
    INCR_FULL("incr-full", true, false),
    /** Rebuild after an incremental build with nothing changed (the crate root touched). */
    INCR_UNCHANGED("incr-unchanged", true, false),
    /** Rebuild after an incremental build and a small edit of the crate root. */
    INCR_PATCHED("incr-patched", true, false);

    /** What a run times where no scenario is asked for: what a release build in CI costs. */
    public static final Scenario DEFAULT = byId(Decision.DEFAULT_SCENARIO).orElseThrow();

    public final String id;
    public final boolean incremental;
    /** Timed as cargo's whole process tree with every unit of the graph, not as the leaf rustc alone. */
    public final boolean wholeGraph;

    Scenario(String id, boolean incremental, boolean wholeGraph) {
        this.id = id;
        this.incremental = incremental;
        this.wholeGraph = wholeGraph;
    }

    /** Scenarios that rebuild on top of an incremental cache left by a previous build. */
    public boolean needsIncrementalBaseline() {
        return this == INCR_UNCHANGED || this == INCR_PATCHED;
    }

    /** Scenarios that change the leaf's sources before the timed build (and put them back after). */
    public boolean edits() {
        return this == EDIT || this == INCR_PATCHED;
    }

    /**
     * Whether this scenario's build is incremental: the incr-* scenarios always are; full is a clean build with the
     * profile's own incremental setting, off unless the profile turns it on; clean and edit leave it to the profile
     * and, where the profile says nothing, to Cargo (null: on for dev, off for release, as the team gets it).
     */
    public Boolean incrementalFor(Profile p) {
        if (wholeGraph) return p.incremental();
        return this == FULL ? Boolean.TRUE.equals(p.incremental()) : incremental;
    }

    /** What the scenario's figures are, in a few words for the console and the page. */
    public String measures() {
        return wholeGraph ? "cargo's whole build, every unit of the graph" : "the leaf crate's rustc, dependencies built beforehand";
    }

    public static Optional<Scenario> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id.strip())).findFirst();
    }
}
