package dev.ctime.compile;

import dev.ctime.model.BuildUnit;
import dev.ctime.model.Summary;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Interference;

/**
 * One timed build. For the leaf-only scenarios: the leaf crate's rustc process (wall, user+system CPU of it and its children
 * such as the linker, peak RSS of the largest of them), the whole cargo invocation's wall time,
 * the leaf rustc's user-space instructions where hardware counters are readable (else null), and
 * what else used the machine meanwhile (null where it cannot be read). For the whole-graph scenarios (clean, edit):
 * cargo's whole process tree, with every rustc it ran as a unit.
 */
public record BuildMeasurement(double wallMs, double cpuMs, double maxRssKb, double cargoWallMs, Double instructions,
                               Interference interference, java.util.List<BuildUnit> units) {
    public BuildMeasurement {
        units = units == null ? null : java.util.List.copyOf(units);
    }

    /** A leaf-only build: no units of its graph. */
    public BuildMeasurement(double wallMs, double cpuMs, double maxRssKb, double cargoWallMs, Double instructions,
                            Interference interference) {
        this(wallMs, cpuMs, maxRssKb, cargoWallMs, instructions, interference, null);
    }

    /** A scenario's builds as a report holds them (one raw value per build in each figure), back in build order. */
    static java.util.List<BuildMeasurement> of(ScenarioFigures f) {
        java.util.List<BuildMeasurement> out = new java.util.ArrayList<>();
        if (f.wallMs() == null || f.cpuMs() == null || f.wallMs().samples() == null || f.cpuMs().samples() == null) return out;
        int n = Math.min(f.wallMs().samples().size(), f.cpuMs().samples().size());
        for (int i = 0; i < n; i++) {
            out.add(new BuildMeasurement(f.wallMs().samples().get(i), f.cpuMs().samples().get(i), at(f.maxRssKb(), i, Double.NaN),
                    at(f.cargoWallMs(), i, Double.NaN), f.instructions() == null ? null : at(f.instructions(), i, Double.NaN),
                    f.interference() == null || f.interference().size() <= i ? null : f.interference().get(i)));
        }
        return out;
    }

    private static double at(Summary s, int i, double missing) {
        return s == null || s.samples() == null || s.samples().size() <= i ? missing : s.samples().get(i);
    }

    public boolean disturbed() {
        return interference != null && interference.disturbed();
    }
}
