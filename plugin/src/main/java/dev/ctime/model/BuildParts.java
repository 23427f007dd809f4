package dev.ctime.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a whole-graph build's CPU time went, in the parts a team can act on: the dependencies, the build scripts'
 * compilation, the crate itself (its link included), and the rest of cargo's process tree (cargo's own work and the
 * build scripts' runs, which no rustc measures).
 */
public final class BuildParts {
    public static final String DEPENDENCIES = "dependencies";
    public static final String BUILD_SCRIPTS = "build scripts (compiling them)";
    public static final String CRATE = "the crate (its link included)";
    public static final String REST = "cargo and build scripts' runs";

    /** @param units how many rustc runs the part is made of (0 for the rest) */
    public record Part(String name, double cpuMs, int units) {
    }

    private BuildParts() {
    }

    /**
     * @param units     a scenario's units (their medians)
     * @param leafCrate the crate's name as rustc sees it
     * @param totalMs   the scenario's whole CPU time (its median); the rest is what the units leave of it, never below 0
     */
    public static List<Part> of(List<BuildUnit> units, String leafCrate, double totalMs) {
        double deps = 0, scripts = 0, leaf = 0;
        int nDeps = 0, nScripts = 0, nLeaf = 0;
        for (BuildUnit u : units) {
            if (u.buildScript()) {
                scripts += u.cpuMs();
                nScripts++;
            } else if (u.crate().equals(leafCrate)) {
                leaf += u.cpuMs();
                nLeaf++;
            } else {
                deps += u.cpuMs();
                nDeps++;
            }
        }
        List<Part> out = new ArrayList<>();
        if (nDeps > 0) out.add(new Part(DEPENDENCIES, deps, nDeps));
        if (nScripts > 0) out.add(new Part(BUILD_SCRIPTS, scripts, nScripts));
        out.add(new Part(CRATE, leaf, nLeaf));
        out.add(new Part(REST, Math.max(0, totalMs - deps - scripts - leaf), 0));
        return out;
    }
}
