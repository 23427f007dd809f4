package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The whole run, as written to report.json.
 *
 * @param crate       the measured package and the commit of its sources
 * @param machine     the machine that measured
 * @param settings    how the run measured
 * @param toolchain   the default toolchain's rustc and LLVM versions
 * @param toolchains  every toolchain the profiles used, with what was detected of it
 * @param reference   the profile every other is compared with
 * @param comparisons every figure of every profile against the reference's, as a ratio with its interval
 * @param decision    the one judgement: the recommendation or why it is undecided, with the workload, the front and the
 *                    comparisons behind it
 * @param autodiff    what Enzyme costs and buys per profile and kernel, where Enzyme profiles built
 * @param training    what PGO and BOLT cost (their pipelines) and buy, against the same profiles without them
 * @param warnings    what makes figures of this run less reliable (interference, caps), one sentence each
 * @param interrupted how the run was cut short (signal, stage, time), absent for a run that finished; the
 *                    profiles it had not finished are marked {@code incomplete}, never {@code ok}
 * @param shard       for a shard run (ctime.shard), which slice of the matrix it measured
 * @param merge       for a report merged from shards (ctime:merge), where each part came from
 * @param control     a byte-identical copy of the reference's library timed beside it: the run's false-alarm check
 * @param stagesMs    how long each stage of the run took (wall time, in the order run): what the next run's estimate scales
 * @param race        for a race (ctime.search=race), who left when and beaten by whom, and what it spent; absent for an
 *                    exhaustive search
 * @param stagesLoad  the share of the machine's CPUs that other processes used during each stage (from /proc/stat, less
 *                    this run's own processes), in the order run: how busy the machine was while it measured
 * @param schemaVersion the version of this schema the report follows
 * @param tool the plugin that wrote it, with its version
 * @param createdAt when the report was written (ISO-8601, UTC; a run rewrites it after each stage)
 * @param label ctime.label: the user's name for the run
 * @param profiles every profile of the run, measured or not, in the order given
 * @param callers     each kernel function at each size called from Java through each binding, with its data off-heap or
 *                    in an array: the call's ns and the binding's own share (see {@link CallerCost})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(int schemaVersion, String tool, String createdAt, String label, CrateFacts crate, MachineFacts machine,
                     MeasuringSettings settings, ToolchainFacts toolchain, List<ToolchainFacts> toolchains,
                     List<ProfileResult> profiles, String reference, List<Comparison> comparisons, Decision decision,
                     AutodiffBreakdown autodiff, TrainingEffect training, List<String> warnings, String interrupted,
                     ShardInfo shard, MergeInfo merge, Control control, Map<String, Double> stagesMs, Race race,
                     Map<String, Double> stagesLoad, List<CallerCost> callers) {
    public Report(int schemaVersion, String tool, String createdAt, String label, CrateFacts crate, MachineFacts machine,
                  MeasuringSettings settings, ToolchainFacts toolchain, List<ToolchainFacts> toolchains,
                  List<ProfileResult> profiles, String reference, List<Comparison> comparisons, Decision decision,
                  AutodiffBreakdown autodiff, TrainingEffect training, List<String> warnings, String interrupted,
                  ShardInfo shard, MergeInfo merge, Control control, Map<String, Double> stagesMs, Race race,
                  Map<String, Double> stagesLoad) {
        this(schemaVersion, tool, createdAt, label, crate, machine, settings, toolchain, toolchains, profiles, reference,
                comparisons, decision, autodiff, training, warnings, interrupted, shard, merge, control, stagesMs, race,
                stagesLoad, null);
    }

    /** A report without stage times (merged shards, tests). */
    public Report(int schemaVersion, String tool, String createdAt, String label, CrateFacts crate, MachineFacts machine,
                  MeasuringSettings settings, ToolchainFacts toolchain, List<ToolchainFacts> toolchains, List<ProfileResult> profiles,
                  String reference, List<Comparison> comparisons, Decision decision, AutodiffBreakdown autodiff,
                  TrainingEffect training, List<String> warnings, String interrupted, ShardInfo shard, MergeInfo merge,
                  Control control) {
        this(schemaVersion, tool, createdAt, label, crate, machine, settings, toolchain, toolchains, profiles, reference, comparisons,
                decision, autodiff, training, warnings, interrupted, shard, merge, control, null, null, null);
    }

    /**
     * 3 added instruction counts, the autodiff breakdown, {@code interrupted} and fingerprints; 4 PGO/BOLT
     * pipelines, shards and merges; 5 three verdicts (better/worse, equivalent, inconclusive) with each comparison's
     * basis, the decision on the whole workload, stored whole, the partial status and the control; 6 what a build
     * read and the library it made (applied.sources, applied.librarySha256), the code generation after Enzyme named as
     * such (codegenAfterEnzymeMs, was postDifferentiationOptMs) with the loop passes, gradient over the hand-written
     * primal, rejected Enzyme presets, the Enzyme backend's file, and wrong gradients' exact zeros; 7 the race
     * (ctime.search=race) and the run's stage times, with every field described; 8 a decision that always names a profile
     * with its bound (decision.bound: minimax regret, settled or bounded), undecided no longer a state; 9 the build a team
     * pays (clean and edit scenarios, their units, the effective settings, the builds mix); 10 the fork each kernel run
     * came from (summary.forks), so that profiles timed side by side pair fork by fork; 11 each kernel
     * function's calls from Java binding by binding (callers), and the binding a workload item is called through; 12 the
     * instruction counts' state as a field (settings.instructionCountState) beside its sentence; 13 the CPU forks were
     * pinned to and the features every profile enabled (settings.pinCpu, settings.features), and the derivatives a
     * library was built without where Enzyme rejected them (applied.autodiffWithout, autodiff.rejected[].without). Older reports still
     * load: their "indistinguishable" reads as inconclusive, and their decision as far as its fields match.
     */
    public static final int SCHEMA_VERSION = 13;

    /** What a report names as its tool: "ctime" and the plugin's version (from its jar; "dev" where run from classes). */
    public static String currentTool() {
        String v = Report.class.getPackage().getImplementationVersion();
        return "ctime " + (v == null ? "dev" : v);
    }
}
