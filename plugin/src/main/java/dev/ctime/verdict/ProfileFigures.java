package dev.ctime.verdict;

import dev.ctime.model.FigureId;
import dev.ctime.model.FigureKind;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.Status;
import dev.ctime.model.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every figure a profile has, in one list and one order: the run's comparisons and the gate both
 * read it, so the two never disagree on what a profile measured.
 */
public final class ProfileFigures {
    /**
     * One figure of a profile: timed (its runs) or counted (one exact value).
     *
     * @param id      which figure
     * @param kind    what it measures
     * @param unit    its unit as the CI formats print it
     * @param timed   its runs, for a timed figure (builds' instruction counts too: one per build)
     * @param counted its value, for a figure counted once
     */
    public record Entry(FigureId id, FigureKind kind, String unit, Summary timed, Double counted) {
        /**
         * Whether the run's own comparisons weigh it: every build's time and peak memory and every kernel's time and count.
         * The library's size, the builds' instruction counts and the leaf rustc's are the gate's alone: each is one
         * deterministic value the verdict's costs (CPU time, run time) already stand for.
         */
        public boolean judgedInRun() {
            return id instanceof FigureId.Kernel || (id instanceof FigureId.Build b && !b.measure().equals(FigureId.INSTRUCTIONS));
        }
    }

    private ProfileFigures() {
    }

    /** The profile's figures: per scenario, then the library, then each kernel that ran (a failed one has none). */
    public static List<Entry> of(ProfileResult p) {
        List<Entry> out = new ArrayList<>();
        if (p.compile() != null) {
            for (Map.Entry<String, ScenarioFigures> e : p.compile().entrySet()) {
                FigureId.Build b = FigureId.Build.cpu(e.getKey());
                ScenarioFigures f = e.getValue();
                timed(out, b, FigureKind.COMPILE, "ms", f.cpuMs());
                timed(out, b.with(FigureId.WALL_MS), FigureKind.COMPILE, "ms", f.wallMs());
                timed(out, b.with(FigureId.MAX_RSS_KB), FigureKind.MEMORY, "KiB", f.maxRssKb());
                timed(out, b.with(FigureId.INSTRUCTIONS), FigureKind.INSTRUCTIONS, "instructions", f.instructions());
            }
        }
        counted(out, new FigureId.Size(), FigureKind.SIZE, "bytes", p.artifactBytes() == null ? null : p.artifactBytes().doubleValue());
        if (p.analysis() != null && p.analysis().rustcInstructions() != null) {
            // The leaf rustc counted under Cachegrind (ctime.instructions=all): exact, like the kernels' counts.
            counted(out, new FigureId.Build("rustc", FigureId.INSTRUCTIONS), FigureKind.INSTRUCTIONS, "instructions",
                    p.analysis().rustcInstructions().doubleValue());
        }
        if (p.kernels() != null) {
            for (KernelTiming k : p.kernels()) {
                if (k.status() != Status.OK) continue;
                FigureId.Kernel f = FigureId.Kernel.of(k, FigureId.PRIMAL_NS);
                timed(out, f, FigureKind.RUNTIME, "ns", k.primalNs());
                timed(out, f.with(FigureId.GRADIENT_NS), FigureKind.RUNTIME, "ns", k.gradientNs());
                counted(out, f.with(FigureId.PRIMAL_INSTRUCTIONS), FigureKind.INSTRUCTIONS, "instructions", k.primalInstructions());
                counted(out, f.with(FigureId.GRADIENT_INSTRUCTIONS), FigureKind.INSTRUCTIONS, "instructions", k.gradientInstructions());
                counted(out, f.with(FigureId.PRIMAL_CYCLES), FigureKind.INSTRUCTIONS, "estimated cycles", k.primalCycles());
                counted(out, f.with(FigureId.GRADIENT_CYCLES), FigureKind.INSTRUCTIONS, "estimated cycles", k.gradientCycles());
            }
        }
        return out;
    }

    private static void timed(List<Entry> out, FigureId id, FigureKind kind, String unit, Summary s) {
        if (s != null) out.add(new Entry(id, kind, unit, s, null));
    }

    private static void counted(List<Entry> out, FigureId id, FigureKind kind, String unit, Double v) {
        if (v != null) out.add(new Entry(id, kind, unit, null, v));
    }
}
