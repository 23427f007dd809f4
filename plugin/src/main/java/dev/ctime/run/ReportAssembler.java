package dev.ctime.run;

import dev.ctime.model.InstructionCountState;
import dev.ctime.autodiff.EnzymeExclusion;
import dev.ctime.compile.Scenario;
import dev.ctime.store.Json;
import dev.ctime.model.Summary;
import dev.ctime.model.Race;
import dev.ctime.exec.Machine;
import dev.ctime.model.CrateFacts;
import dev.ctime.model.MeasuringSettings;
import dev.ctime.model.ToolchainFacts;
import dev.ctime.model.Status;
import dev.ctime.cargo.CrateInfo;
import dev.ctime.cargo.Toolchain;
import dev.ctime.compile.BuildMeasurement;
import dev.ctime.compile.BuildOutcome;
import dev.ctime.model.CallerCost;
import dev.ctime.model.Workload;
import dev.ctime.verdict.Workloads;
import dev.ctime.model.EnzymeStatus;
import dev.ctime.pgo.PipelineCommands;
import dev.ctime.kernel.Inputs;
import dev.ctime.kernel.KernelBench;
import dev.ctime.model.KernelTiming;
import dev.ctime.model.Comparison;
import dev.ctime.verdict.Comparisons;
import dev.ctime.model.Control;
import dev.ctime.verdict.Decider;
import dev.ctime.judgement.Judgement;
import dev.ctime.compile.BuildMix;
import dev.ctime.model.BuildUnit;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;
import dev.ctime.model.ShardInfo;
import dev.ctime.stats.Statistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Turns what the run's stages produced so far into the report: every profile's figures and
 * status, the comparisons, the decision, the autodiff and training breakdowns, the settings and
 * the toolchains. Called after every stage (and by an interruption), so it only reads.
 */
final class ReportAssembler {
    /**
     * The run's facts as they stand.
     *
     * @param cut why the report is not the run's last word (interrupted, or written mid-run), or null
     * @param stagesMs how long each stage took so far
     * @param stagesLoad what other processes used of the CPUs in each stage so far
     * @param race     the race so far, for ctime.search=race; null otherwise
     * @param kernelsTimed whether the kernel forks are all done: before, a profile's kernels have fewer forks than the run
     *                     sets out to make, and a cut leaves it incomplete
     */
    record State(CrateInfo crate, SourceRevision commit, Toolchain defaultToolchain, Map<String, Toolchain> toolchains,
                 Map<String, String> toolchainProblems, Map<String, EnzymeStatus> enzyme, List<BuildOutcome> builds,
                 KernelBench.Outcome kernels, java.util.Set<String> cappedBuilds, InstructionCounts instructionCounts, String resumedFrom,
                 String cut, ShardInfo shard, String extraBuilds, boolean kernelsTimed, Map<String, Double> stagesMs,
                 Race race, Map<String, Double> stagesLoad) {
    }

    private final MeasureConfig cfg;
    /** A stage during which others used more than this share of the CPUs is named in the warnings. */
    static final double BUSY_STAGE = 0.25;

    ReportAssembler(MeasureConfig cfg) {
        this.cfg = cfg;
    }

    Report assemble(State s) {
        List<BuildOutcome> builds = s.builds();
        KernelBench.Outcome ko = s.kernels();
        List<ProfileResult> results = new ArrayList<>();
        for (BuildOutcome b : builds) {
            if (b.reused() != null) {
                results.add(b.reused());
                continue;
            }
            Map<String, ScenarioFigures> compile = new LinkedHashMap<>();
            b.samples().forEach((sc, ms) -> compile.put(sc.id, figures(ms, s.cappedBuilds().contains(b.profile().name() + "/" + sc.id))));
            // The decision's build cost where the team pays for several builds a period: their sum, round by round.
            BuildMix mix = cfg.builds().mix();
            List<BuildMeasurement> period = mix.combine(b.samples());
            if (period != null && !period.isEmpty()) {
                boolean capped = mix.scenarios().stream().anyMatch(sc -> s.cappedBuilds().contains(b.profile().name() + "/" + sc.id));
                compile.put(mix.id(), figures(period, capped));
            }
            List<KernelTiming> kt = ko == null ? null : ko.timings().get(b.profile().name());
            if (b.applied() != null) kt = EnzymeExclusion.withoutDerivatives(kt, b.applied().autodiffWithout());
            Status status = b.status();
            String reason = b.reason();
            // Cut short while counting: the figures are there, but not the counts the run set out to take.
            boolean counting = s.instructionCounts().state() == InstructionCountState.NOT_FINISHED;
            if (s.cut() != null && (status == Status.OK || status == Status.PARTIAL) && (!finished(b, kt, s.kernelsTimed()) || counting)) {
                status = Status.INCOMPLETE;
                reason = s.cut();
            } else if (kt != null && status == Status.OK && kt.stream().anyMatch(k -> k.status() != Status.OK)) {
                // A failing kernel costs only itself: the profile's other figures are still compared.
                status = kt.stream().anyMatch(k -> k.status() == Status.OK) ? Status.PARTIAL : Status.FAILED;
                reason = "kernel checks failed: " + String.join("; ", kt.stream().filter(k -> k.status() != Status.OK)
                        .map(k -> k.name() + " n=" + k.n() + ": " + k.reason()).distinct().limit(5).toList());
            }
            results.add(new ProfileResult(b.profile().name(), status, reason, b.profile().settings(), b.applied(), b.toolchain(),
                    compile, b.analysis(), b.artifactBytes(),
                    kt == null ? null : ko.overheadNs(), kt == null ? null : ko.pinned(),
                    kt == null || kt.isEmpty() ? null : kt, b.warnings().isEmpty() ? null : b.warnings(), b.pipeline()));
        }
        CrateFacts crateFacts = new CrateFacts(s.crate().packageName(), s.crate().version(), s.crate().crateName(),
                s.crate().manifest().toString(), s.commit().gitCommit(), s.commit().gitDirty());
        // What the user chose, by the one table of measuring settings; then what the run found.
        Map<String, Object> settings = new LinkedHashMap<>(ConfiguredSettings.recorded(cfg));
        if (builds.stream().anyMatch(b -> b.profile().trained())) settings.put("trainingSeed", PipelineCommands.trainingSeed(cfg.timing().seed()));
        settings.put("inputGenerator", Inputs.GENERATOR);
        settings.put("inputRange", List.of(-1.0, 1.0));
        settings.put("hardwareCounters", Machine.hardwareCounters());
        settings.put("instructionCounts", s.instructionCounts().text());
        settings.put("instructionCountState", s.instructionCounts().state());
        settings.put("incrPatchedEdit", cfg.builds().patchFile() == null ? "a harmless function appended to the crate root"
                : "the patch " + cfg.builds().patchFile());
        settings.put("compileTimeMeasures", String.join("; ", cfg.builds().scenarios().stream().map(sc -> sc.id + ": " + (sc.wholeGraph
                ? "cargo's whole process tree (every rustc, build script run and link, and cargo's own work), at cargo's default"
                + " parallelism, measured with wait4 in its own process, each rustc also as a unit"
                + (sc == Scenario.CLEAN ? ", from an empty target folder" : ", after a small edit of the leaf crate")
                : "the leaf crate's rustc process (and its children, e.g. the linker), measured with wait4 in its own process;"
                + " dependencies built beforehand")).toList()));
        Toolchain d = s.defaultToolchain();
        ToolchainFacts tcDefault = new ToolchainFacts(null, d.rustcVersion(), d.llvmVersion(), d.host(), d.channel(), null, null, null);
        List<ToolchainFacts> tcs = new ArrayList<>();
        s.toolchains().forEach((k, t) -> tcs.add(new ToolchainFacts(k, t.rustcVersion(), t.llvmVersion(), null, t.channel(),
                t.sysroot() == null ? null : t.sysroot().toString(), s.enzyme().get(t.displayName()), null)));
        s.toolchainProblems().forEach((k, why) -> tcs.add(ToolchainFacts.missing(k, why)));
        MeasureConfig.Judging j = cfg.judging();
        String reference = Comparisons.reference(results, j.reference());
        List<Comparison> comparisons = reference == null ? List.of() : Comparisons.all(results, reference, j.thresholds());
        String scenario = Decider.scenario(results, j.scenario());
        List<CallerCost> callers = ko == null || ko.callers() == null || ko.callers().isEmpty() ? null : ko.callers();
        List<String> untimedBindings = new ArrayList<>();
        Workload work = Workloads.withBindingCosts(j.workloadFor(results), callers, untimedBindings);
        settings.put("forksRun", ko == null ? 0 : ko.forks());
        if (ko != null && ko.extraForks() != null) settings.put("extraForks", ko.extraForks());
        if (s.extraBuilds() != null) settings.put("extraBuilds", s.extraBuilds());
        if (ko != null && ko.clockResolutionNs() != null) settings.put("clockResolutionNs", ko.clockResolutionNs());
        settings.put("statistics", "medians with distribution-free sign-test intervals (95%; fewer than 6 runs cannot reach it and"
                + " report their real level); comparisons as the Hodges-Lehmann ratio with the interval inverting the exact"
                + " Mann-Whitney test on log values; runs are builds, and forks for kernels");
        Control control = control(results, reference, ko, j);
        Judgement judged = Judgement.of(results, reference, comparisons, work, scenario, j.thresholds(), cfg.precision().target(), control);
        List<String> warnings = new ArrayList<>(judged.warnings());
        warnings.addAll(runWarnings(s));
        if (ko != null) warnings.addAll(untimedBindings);
        return new Report(Report.SCHEMA_VERSION, Report.currentTool(), Instant.now().toString(), cfg.label(), crateFacts,
                Machine.describe(), Json.strict(settings, MeasuringSettings.class), tcDefault, tcs, results, reference, comparisons,
                judged.decision(), judged.autodiff(), judged.training(), warnings, s.cut(), s.shard(), null,
                control, s.stagesMs().isEmpty() ? null : s.stagesMs(), s.race(),
                s.stagesLoad() == null || s.stagesLoad().isEmpty() ? null : s.stagesLoad(), callers);
    }

    /** The copy of the reference's library against the reference, where both were timed in this run's forks. */
    private static Control control(List<ProfileResult> results, String reference, KernelBench.Outcome ko, MeasureConfig.Judging j) {
        if (ko == null || reference == null || ko.timings().get(Control.NAME) == null) return null;
        ProfileResult ref = results.stream().filter(p -> p.name().equals(reference) && p.kernels() != null).findFirst().orElse(null);
        return ref == null ? null : Comparisons.control(ref, ko.timings().get(Control.NAME), j.thresholds());
    }

    /** Every scenario timed and, where kernels are configured, every kernel size measured. */
    private boolean finished(BuildOutcome b, List<KernelTiming> kt, boolean kernelsTimed) {
        if (cfg.builds().scenarios().stream().anyMatch(sc -> b.samples().get(sc) == null || b.samples().get(sc).size() < cfg.builds().repeat())) return false;
        int wanted = cfg.kernels().stream().mapToInt(k -> k.sizes().size()).sum();
        return wanted == 0 || (kt != null && kt.size() >= wanted && kernelsTimed);
    }

    /** What this run met beside its figures: counting unavailable, busy stages, profiles reused from another session. */
    private static List<String> runWarnings(State s) {
        List<String> w = new ArrayList<>();
        if (s.instructionCounts().state() == InstructionCountState.UNAVAILABLE) w.add("no instruction counts: " + s.instructionCounts().detail());
        if (s.stagesLoad() != null) {
            s.stagesLoad().forEach((stage, share) -> {
                if (share > BUSY_STAGE) w.add(String.format(java.util.Locale.ROOT, "other processes used %.0f%% of the CPUs while %s:"
                        + " its figures are noisier and the decision's bound wider; measure on a quieter machine, or let kernel"
                        + " forks wait for a quieter moment (-Dctime.quiet=SECONDS)", 100 * share, stage));
            });
        }
        if (s.resumedFrom() != null) {
            w.add("resumed: " + s.builds().stream().filter(b -> b.reused() != null).map(b -> b.profile().name()).toList() + " were measured in"
                    + " the run of " + s.resumedFrom() + " and reused; comparisons between them and the profiles measured now span two"
                    + " sessions, and this machine drifts between sessions");
        }
        return w;
    }

    static ScenarioFigures figures(List<BuildMeasurement> ms, boolean capped) {
        boolean counted = ms.stream().allMatch(m -> m.instructions() != null);
        int disturbed = (int) ms.stream().filter(BuildMeasurement::disturbed).count();
        return new ScenarioFigures(summary(ms, BuildMeasurement::wallMs, capped, disturbed),
                summary(ms, BuildMeasurement::cpuMs, capped, disturbed), summary(ms, BuildMeasurement::maxRssKb, capped, disturbed),
                summary(ms, BuildMeasurement::cargoWallMs, capped, disturbed),
                counted ? summary(ms, BuildMeasurement::instructions, capped, disturbed) : null,
                ms.stream().map(BuildMeasurement::interference).toList(), units(ms));
    }

    /** Each unit's medians over the builds that ran it, costliest first; null for leaf-only builds. */
    static List<BuildUnit> units(List<BuildMeasurement> ms) {
        Map<String, List<BuildUnit>> byUnit = new LinkedHashMap<>();
        boolean any = false;
        for (BuildMeasurement m : ms) {
            if (m.units() == null) continue;
            any = true;
            for (BuildUnit u : m.units()) byUnit.computeIfAbsent(u.key(), k -> new ArrayList<>()).add(u);
        }
        if (!any) return null;
        List<BuildUnit> out = new ArrayList<>();
        byUnit.values().forEach(us -> out.add(new BuildUnit(us.get(0).pkg(), us.get(0).crate(), us.get(0).crateType(),
                Statistics.median(us.stream().mapToDouble(BuildUnit::cpuMs).toArray()),
                Statistics.median(us.stream().mapToDouble(BuildUnit::wallMs).toArray()),
                Statistics.median(us.stream().mapToDouble(BuildUnit::maxRssKb).toArray()), us.size())));
        out.sort(java.util.Comparator.comparingDouble(BuildUnit::cpuMs).reversed());
        return out;
    }

    private static Summary summary(List<BuildMeasurement> ms, ToDoubleFunction<BuildMeasurement> f, boolean capped,
                                                   int disturbed) {
        return Statistics.summarize(ms.stream().mapToDouble(f).toArray()).withCapped(capped).withInterference(disturbed);
    }
}
