package dev.ctime.gate;

import dev.ctime.model.InstructionCountState;
import dev.ctime.verdict.ProfileFigures;
import dev.ctime.model.FigureKind;
import dev.ctime.profile.SettingsIdentity;
import dev.ctime.model.FigureId;
import dev.ctime.model.MachineFacts;
import dev.ctime.model.Status;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.ProfileResult;
import dev.ctime.store.Json;
import dev.ctime.model.Report;
import dev.ctime.model.ToolchainFacts;
import dev.ctime.stats.Statistics;
import dev.ctime.model.Summary;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's figures as a check compares them, with what must match for a comparison to mean
 * anything: the toolchains, the machine, each profile's settings. Built from a report, and kept
 * per run in the history, so two history entries compare as two reports do.
 *
 * @param commit     the git commit of the measured sources, where they are in a repository
 * @param toolchains toolchain name to its rustc version
 * @param machine    CPU model and count
 * @param unreliable where the run's control (a copy of the reference's library) differed from the original:
 *                   why its timed verdicts are unreliable; null otherwise
 * @param off        what the run did not measure on purpose or could not on this runner, by figure ("compile.full.",
 *                   ":primalInstructions"; a figure id starting or ending with it), and why, the setting named
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measured(String createdAt, String label, String commit, Map<String, String> toolchains,
                       Map<String, String> machine, Map<String, Profile> profiles, String unreliable, Map<String, String> off) {
    public Measured(String createdAt, String label, String commit, Map<String, String> toolchains, Map<String, String> machine,
                    Map<String, Profile> profiles, String unreliable) {
        this(createdAt, label, commit, toolchains, machine, profiles, unreliable, null);
    }

    /** The key of {@link #off} that lists the scenarios the run timed: a build figure of another was not asked for. */
    static final String SCENARIOS = "scenarios";

    /** Why this run did not measure the figure by its own settings or tools (not a loss), or null. */
    public String switchedOff(String figure) {
        if (off == null) return null;
        String timed = off.get(SCENARIOS);
        if (timed != null && FigureId.parse(figure) instanceof FigureId.Build b && !b.scenario().equals("rustc")
                && !b.scenario().contains("=") && !java.util.List.of(timed.split(",")).contains(b.scenario())) {
            return "not timed in this run (ctime.scenarios=" + timed + ")";
        }
        for (Map.Entry<String, String> e : off.entrySet()) {
            if (e.getKey().equals(SCENARIOS)) continue;
            if (figure.startsWith(e.getKey()) || figure.endsWith(e.getKey())) return e.getValue();
        }
        return null;
    }

    /** What a report's settings say it left out: instruction counts switched off or unavailable, scenarios not timed. */
    static Map<String, String> off(Report r) {
        Map<String, String> off = new LinkedHashMap<>();
        if (r.settings() == null) return off;
        InstructionCountState state = r.settings().instructionCountState();
        if (state == InstructionCountState.OFF || state == InstructionCountState.UNAVAILABLE) {
            String why = state == InstructionCountState.OFF ? "switched off in this run (ctime.instructions=off)"
                    : "not available on this runner (" + r.settings().instructionCounts() + ")";
            for (String m : new String[] {FigureId.PRIMAL_INSTRUCTIONS, FigureId.GRADIENT_INSTRUCTIONS, FigureId.PRIMAL_CYCLES,
                    FigureId.GRADIENT_CYCLES}) {
                off.put(":" + m, why);
            }
        }
        if (r.settings().scenarios() != null) off.put(SCENARIOS, String.join(",", r.settings().scenarios()));
        return off;
    }

    /**
     * @param settingsHash a short hash of the settings, to spot a changed profile at a glance
     * @param reason       why the profile is not ok, where it is not
     * @param lost         for each kernel size that failed ("kernel:heat:4096:"), why: what a check names when its
     *                     figures are gone
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Profile(Status status, String toolchain, Map<String, Object> settings, String settingsHash,
                          Map<String, Figure> figures, String reason, Map<String, String> lost) {
        /** Why a figure of this profile is not here: its kernel's failure, else its profile's status. */
        public String whyMissing(String figure) {
            if (lost != null) {
                for (Map.Entry<String, String> e : lost.entrySet()) if (figure.startsWith(e.getKey())) return e.getValue();
            }
            if (!status.measured()) return "the profile is " + status + (reason == null ? "" : ": " + reason);
            return "not measured in this run";
        }
    }

    public static Measured of(Report r) {
        Map<String, String> tcs = new TreeMap<>();
        if (r.toolchains() != null) {
            for (ToolchainFacts t : r.toolchains()) if (t.name() != null && t.rustcVersion() != null) tcs.put(t.name(), t.rustcVersion());
        }
        if (tcs.isEmpty() && r.toolchain() != null && r.toolchain().rustcVersion() != null) {
            tcs.put("default", r.toolchain().rustcVersion());
        }
        Map<String, String> machine = new TreeMap<>();
        Map<String, Object> facts = Json.fields(r.machine());
        for (String k : MachineFacts.IDENTITY) if (facts.get(k) != null) machine.put(k, String.valueOf(facts.get(k)));
        Map<String, Profile> ps = new LinkedHashMap<>();
        for (ProfileResult p : r.profiles()) ps.put(p.name(), profile(p));
        String commit = r.crate() == null ? null : r.crate().gitCommit();
        Map<String, String> off = off(r);
        return new Measured(r.createdAt(), r.label(), commit, tcs, machine, ps,
                r.control() != null && r.control().unreliable() ? r.control().describe() : null, off.isEmpty() ? null : off);
    }

    /** What the gate keeps of one profile: every figure it has, and why each failed kernel has none. */
    public static Profile profile(ProfileResult p) {
        Map<String, Figure> f = new LinkedHashMap<>();
        for (ProfileFigures.Entry e : ProfileFigures.of(p)) {
            if (e.counted() != null) f.put(e.id().id(), Figure.exact(e.kind(), e.unit(), e.counted()));
            else put(f, e.id().id(), e.kind(), e.unit(), e.timed());
        }
        Map<String, String> lost = new LinkedHashMap<>();
        if (p.kernels() != null) {
            for (KernelTiming k : p.kernels()) {
                if (k.status() == Status.OK) continue;
                lost.put(FigureId.Kernel.of(k, "").id(), k.reason() == null ? "the kernel " + k.status() : k.reason());
            }
        }
        Map<String, Object> settings = p.settings() == null ? Map.of() : new TreeMap<>(p.settings());
        return new Profile(p.status(), p.toolchain(), settings, SettingsIdentity.hash(settings), f,
                p.status() == Status.OK ? null : p.reason(), lost.isEmpty() ? null : lost);
    }

    private static void put(Map<String, Figure> f, String key, FigureKind kind, String unit, Summary s) {
        if (s == null) return;
        double[] units = Statistics.units(s);
        f.put(key, new Figure(kind, unit, s.median(), s.ciLow(), s.ciHigh(), s.precision(), Arrays.stream(units).boxed().toList()));
    }
}
