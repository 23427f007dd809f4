package dev.ctime.run;

import dev.ctime.model.Caller;
import dev.ctime.model.Problem;
import dev.ctime.compile.BuildMix;
import dev.ctime.compile.Scenario;
import dev.ctime.gate.HistoryLog;
import dev.ctime.kernel.ForkLauncher;
import dev.ctime.kernel.Kernel;
import dev.ctime.kernel.KernelParser;
import dev.ctime.model.Comparison;
import dev.ctime.model.Thresholds;
import dev.ctime.model.Workload;
import dev.ctime.profile.Matrix;
import dev.ctime.model.Profile;
import dev.ctime.profile.ProfileException;
import dev.ctime.profile.ProfileParser;
import dev.ctime.shard.Shard;
import dev.ctime.verdict.Workloads;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the measure goal's raw settings and builds the run's configuration from them: every
 * problem at once, as data, before any build. Free of Maven: the caller words the problems.
 */
public final class ConfigurationProcessor {
    /**
     * @param config   the configuration, or null where there are problems
     * @param problems what must be fixed before a run, all of them
     * @param advice   what the run will do that the user may not expect (it still runs)
     */
    public record Result(MeasureConfig config, List<Problem> problems, List<Problem> advice) {
    }

    private ConfigurationProcessor() {
    }

    /** @param memoryBytes the machine's memory, which bounds the kernel forks' heaps */
    public static Result process(RawConfiguration raw, long memoryBytes) {
        List<Problem> problems = new ArrayList<>();
        List<Problem> advice = new ArrayList<>();
        raw.elementProblems.forEach(p -> problems.add(Problem.said(p)));
        problems.addAll(raw.valueProblems);
        List<Profile> ps = profiles(raw, problems);
        List<Kernel> ks = kernels(raw, memoryBytes, problems);
        List<Scenario> sc = new ArrayList<>(scenarios(raw, problems));
        BuildMix mix = null;
        if (raw.builds != null && !raw.builds.isBlank()) {
            List<String> said = new ArrayList<>();
            mix = BuildMix.parse(raw.builds, said);
            said.forEach(s -> problems.add(Problem.of("builds", "{builds}: " + s + "; write scenario=count pairs, e.g."
                    + " clean=1,edit=20 (one CI build and twenty edits per expectedCalls of run time)")));
            // The mix's scenarios are timed whether or not ctime.scenarios names them.
            if (said.isEmpty()) mix.scenarios().stream().filter(s -> !sc.contains(s)).forEach(sc::add);
        }
        numbers(raw, problems);
        if (!List.of("crate", "none").contains(raw.inherit)) {
            problems.add(Problem.of("inherit", "{inherit} is '" + raw.inherit + "': use crate (your crate's own [profile.release]"
                    + " and its config reach every profile, as in your builds) or none (Cargo's defaults instead)"));
        }
        List<String> searchSaid = new ArrayList<>();
        MeasureConfig.Search searching = MeasureConfig.Search.of(raw.search, raw.searchBudget, searchSaid);
        searchSaid.forEach(s -> problems.add(Problem.of("search", s)));
        if (InstructionMode.of(raw.instructions) == null) {
            problems.add(Problem.of("instructions", "{instructions} is '" + raw.instructions + "': use auto (count kernels under"
                    + " Cachegrind where Valgrind is installed), all (builds too: an extra build under Valgrind, many times a build's"
                    + " time) or off"));
        }
        if (raw.patchFile != null && !raw.patchFile.toFile().isFile()) {
            problems.add(Problem.of("patchFile", "{patchFile} " + raw.patchFile + " does not exist: give a unified diff against the"
                    + " crate's folder"));
        }
        Shard slice = null;
        if (raw.shard != null && !raw.shard.isBlank()) {
            try {
                slice = Shard.parse(raw.shard);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("shard", e.getMessage()));
            }
        }
        if (searching.race() && slice != null) {
            problems.add(Problem.of("search", "{search}=race runs on one machine (its rounds judge every profile together): drop"
                    + " {shard}, or shard an exhaustive search"));
        }
        if (searching.race() && ks.isEmpty()) {
            problems.add(Problem.of("search", "{search}=race needs {kernels}: a race is decided on the workload's cost, build and"
                    + " run together"));
        }
        Workload work = workload(raw, ks, problems);
        Caller binding = binding(raw, problems);
        Path jdk = jdk(raw, problems);
        if (!(raw.expectedCalls > 0)) {
            problems.add(Problem.of("expectedCalls", "{expectedCalls} is " + raw.expectedCalls + ": give the calls per build, e.g. 1e6"));
        }
        if (!problems.isEmpty()) return new Result(null, unreadFirst(problems, raw.valueProblems), List.copyOf(advice));
        int fewest = Comparison.FEWEST_RUNS;
        if (raw.repeat < fewest || raw.forks < fewest) {
            advice.add(Problem.of("repeat", "with {repeat}=" + raw.repeat + " and {forks}=" + raw.forks + ", no comparison "
                    + (raw.repeat < fewest && raw.forks < fewest ? "" : "of " + (raw.repeat < raw.forks ? "builds" : "kernels") + " ")
                    + "can ever be significant (the Mann-Whitney test at 5% needs " + fewest + " runs a side): the verdict still"
                    + " names a profile, but cannot bound how much costlier it could be. Use at least {repeat}=" + fewest
                    + " and {forks}=" + fewest + " for a bound"));
        }
        if (ks.isEmpty()) advice.add(Problem.of("kernels", "no {kernels} configured: compile times are measured, run times are not"));
        List<String> selected = raw.selectProfiles == null ? List.of()
                : Arrays.stream(raw.selectProfiles.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<HistoryLog.Run> history = history(raw, advice);
        MeasureConfig config = MeasureConfig.builder().manifest(raw.manifest).workDir(raw.outputDirectory).profiles(ps).only(selected)
                .kernels(ks).scenarios(sc).mix(mix).inheritCrate(!"none".equals(raw.inherit)).features(raw.features == null ? List.of()
                        : java.util.Arrays.stream(raw.features.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList()).analysis(raw.analysis).repeat(raw.repeat).forks(raw.forks).minSampleMs(raw.minSampleMs).samples(raw.samples)
                .warmupMaxMs(raw.warmupMaxMs).pinCpu(raw.pinCpu).seed(raw.seed).gradientTolerance(raw.gradientTolerance)
                .buildTimeout(Duration.ofSeconds(raw.buildTimeoutSeconds)).runTimeout(Duration.ofSeconds(raw.runTimeoutSeconds)).jdk(jdk).callers(raw.callers)
                .autodiffFeature(raw.autodiffFeature).label(raw.label).userEnv(raw.env)
                .patchFile(raw.patchFile == null ? null : raw.patchFile.toAbsolutePath())
                .precision(new MeasureConfig.Precision(raw.targetPrecision, raw.maxRepeat, raw.maxForks,
                        Duration.ofSeconds(raw.kernelBudgetSeconds), Duration.ofSeconds(raw.kernelTimeoutSeconds), raw.deschedThreshold,
                        Duration.ofSeconds(Math.max(0, raw.quietSeconds))))
                .judging(new MeasureConfig.Judging(raw.reference, new Thresholds(raw.runtimeThreshold, raw.compileThreshold, raw.tolerance),
                        raw.expectedCalls, raw.chartScenario != null ? raw.chartScenario : mix != null && mix.combined() ? mix.id()
                        : null, work, binding))
                .instructions(InstructionMode.of(raw.instructions)).resume(raw.resume)
                .sharding(new MeasureConfig.Sharding(slice, raw.anchor, slice == null ? Map.of()
                        : lastRun(history, HistoryLog.BuildMedians::cpuMs, true), raw.maxProfiles))
                .seenMs(lastRun(history, HistoryLog.BuildMedians::wallMs, false))
                .search(searching).forkClasspath(raw.forkClasspath).build();
        return new Result(config, List.of(), List.copyOf(advice));
    }

    private static List<Profile> profiles(RawConfiguration raw, List<Problem> problems) {
        List<Profile> ps = new ArrayList<>();
        for (Map<String, String> p : raw.profiles) {
            try {
                ps.add(ProfileParser.parse(p));
            } catch (ProfileException e) {
                Arrays.stream(e.getMessage().split("\n")).forEach(m -> problems.add(Problem.said(m)));
            }
        }
        if (raw.matrix != null) {
            try {
                ps.addAll(Matrix.expand(raw.matrix));
            } catch (ProfileException | IllegalArgumentException e) {
                Arrays.stream(e.getMessage().split("\n")).forEach(m -> problems.add(Problem.said(m)));
            }
        }
        Set<String> names = new HashSet<>();
        for (Profile p : ps) {
            if (!names.add(p.name())) problems.add(Problem.of("profiles", "two profiles are named '" + p.name() + "': names must be unique"));
        }
        return ps;
    }

    private static List<Kernel> kernels(RawConfiguration raw, long memoryBytes, List<Problem> problems) {
        List<Kernel> ks = new ArrayList<>();
        // Every kernel's name, parsed or not: a duplicate name is named in the same pass as the kernel's other mistakes.
        List<String> names = new ArrayList<>();
        for (Map<String, String> k : raw.kernels) {
            String named = k.get("name") == null || k.get("name").isBlank() ? k.get("primal") : k.get("name");
            if (named != null && !named.isBlank()) names.add(named.strip());
            try {
                ks.add(KernelParser.parse(k));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.said(e.getMessage()));
            }
        }
        for (Kernel k : ks) {
            for (int n : k.sizes()) {
                long heap = ForkLauncher.heapMb(n) * 1024 * 1024;
                if (heap > memoryBytes * 3 / 4) {
                    problems.add(Problem.of("kernels", String.format(Locale.ROOT, "kernel '%s': size %d needs about %.1f GiB of heap in"
                            + " each kernel fork (the inputs, the gradient and the finite-difference copies), more than this"
                            + " machine's %.1f GiB allow: use smaller sizes", k.name(), n, heap / 1073741824.0,
                            memoryBytes / 1073741824.0)));
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (String k : names) {
            if (!seen.add(k)) {
                problems.add(Problem.of("kernels", "two kernels are named '" + k.replaceAll("\\p{Cntrl}", "?") + "': their samples"
                        + " would be merged into one figure; give each kernel its own name"));
            }
        }
        return ks;
    }

    private static List<Scenario> scenarios(RawConfiguration raw, List<Problem> problems) {
        List<Scenario> sc = new ArrayList<>();
        for (String s : raw.scenarios.split(",")) {
            if (s.isBlank()) continue;
            Scenario.byId(s).ifPresentOrElse(sc::add, () -> problems.add(Problem.of("scenarios", "{scenarios}: unknown scenario '"
                    + s.strip() + "'; use " + java.util.Arrays.stream(Scenario.values()).map(x -> x.id).collect(java.util.stream.Collectors.joining(", "))
                    + " (clean and edit are what a team pays; the others time the leaf crate's rustc alone)")));
        }
        if (sc.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of("scenarios", "{scenarios} is empty: name at least one scenario, e.g. clean"));
        }
        return sc;
    }

    private static void numbers(RawConfiguration raw, List<Problem> problems) {
        if (raw.repeat < 1) problems.add(Problem.of("repeat", "{repeat} is " + raw.repeat + ": use at least 1"));
        if (raw.forks < 1) problems.add(Problem.of("forks", "{forks} is " + raw.forks + ": use at least 1"));
        if (!(raw.targetPrecision > 0 && raw.targetPrecision < 1)) {
            problems.add(Problem.of("targetPrecision", "{targetPrecision} is " + raw.targetPrecision + ": use a share between 0 and 1,"
                    + " e.g. 0.02 for ±2%"));
        }
        if (!(raw.runtimeThreshold >= 0 && raw.runtimeThreshold < 1) || !(raw.compileThreshold >= 0 && raw.compileThreshold < 1)) {
            problems.add(Problem.of("runtimeThreshold", "{runtimeThreshold} and {compileThreshold} are shares between 0 and 1, e.g."
                    + " 0.01 for 1%"));
        }
        if (!(raw.tolerance > 0 && raw.tolerance < 1)) {
            problems.add(Problem.of("tolerance", "{tolerance} is " + raw.tolerance + ": use a share of the workload's cost per build"
                    + " between 0 and 1, e.g. 0.02 for 2%"));
        }
        if (!(raw.deschedThreshold > 0 && raw.deschedThreshold < 1)) {
            problems.add(Problem.of("deschedThreshold", "{deschedThreshold} must be between 0 and 1"));
        }
        if (raw.quietSeconds < 0) {
            problems.add(Problem.of("quietSeconds", "{quietSeconds} is " + raw.quietSeconds + ": use 0 (never wait) or the"
                    + " seconds a kernel fork may wait for a quieter moment"));
        }
        if (raw.kernelTimeoutSeconds < 1 || raw.kernelBudgetSeconds < 0) {
            problems.add(Problem.of("kernelTimeoutSeconds", "{kernelTimeoutSeconds} must be at least 1 and {kernelBudgetSeconds} not"
                    + " negative"));
        }
        if (raw.samples < 10) {
            problems.add(Problem.of("samples", "{samples} is " + raw.samples + ": use at least 10, or the confidence interval means"
                    + " little"));
        }
        if (!(raw.minSampleMs > 0)) problems.add(Problem.of("minSampleMs", "{minSampleMs} must be positive"));
        if (raw.buildTimeoutSeconds < 1 || raw.runTimeoutSeconds < 1) {
            problems.add(Problem.of("buildTimeoutSeconds", "{buildTimeoutSeconds} and {runTimeoutSeconds} must be at least 1 second"));
        }
        if (!(raw.gradientTolerance > 0)) problems.add(Problem.of("gradientTolerance", "{gradientTolerance} must be positive"));
    }

    /** The forks' JDK home, checked: one with bin/java. */
    private static Path jdk(RawConfiguration raw, List<Problem> problems) {
        if (raw.jdk == null) return null;
        if (!java.nio.file.Files.isExecutable(raw.jdk.resolve("bin").resolve("java"))) {
            problems.add(Problem.of("jdk", "{jdk} is " + raw.jdk + ", which has no bin/java: set it to a JDK's home (the folder"
                    + " holding bin/ and release), e.g. /usr/lib/jvm/jdk-25"));
            return null;
        }
        return raw.jdk;
    }

    private static Caller binding(RawConfiguration raw, List<Problem> problems) {
        List<String> said = new ArrayList<>();
        Caller c = Workloads.caller(raw.binding, "{binding}", said);
        said.forEach(s -> problems.add(Problem.of("binding", s)));
        return c;
    }

    private static Workload workload(RawConfiguration raw, List<Kernel> ks, List<Problem> problems) {
        List<String> said = new ArrayList<>();
        Workload work = Workloads.configured(raw.workload, raw.workloadItems, said);
        said.forEach(s -> problems.add(Problem.of("workload", s)));
        if (work == null) return null;
        if (work.items().isEmpty()) {
            problems.add(Problem.of("workload", "the workload is empty: name at least one kernel@n:function=calls, or leave it out"));
        }
        Workloads.problems(work, ks).forEach(s -> problems.add(Problem.of("workload", s)));
        return work;
    }

    private static List<HistoryLog.Run> history(RawConfiguration raw, List<Problem> advice) {
        if (raw.historyFile == null) return List.of();
        try {
            return HistoryLog.read(raw.historyFile);
        } catch (IOException e) {
            advice.add(Problem.of("historyFile", "the history " + raw.historyFile + " cannot be read (" + e.getMessage() + "): shards"
                    + " are balanced, and the run's time estimated, by a cost model of the settings"));
            return List.of();
        }
    }

    /**
     * Per profile of the last run in the history, its builds' medians over the scenarios: summed (a profile's whole
     * build cost, to balance shards) or averaged (one build, for the estimate of this run's time).
     */
    private static Map<String, Double> lastRun(List<HistoryLog.Run> runs, Function<HistoryLog.BuildMedians, Double> figure, boolean sum) {
        Map<String, Double> out = new HashMap<>();
        if (runs.isEmpty()) return out;
        runs.get(runs.size() - 1).profiles().forEach((name, m) -> {
            if (m.compile() == null) return;
            var stats = m.compile().values().stream().map(figure).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                    .summaryStatistics();
            if (stats.getCount() > 0 && stats.getSum() > 0) out.put(name, sum ? stats.getSum() : stats.getAverage());
        });
        return out;
    }

    /** The problems, without those that only follow from a value that could not be read (its problem says it). */
    private static List<Problem> unreadFirst(List<Problem> problems, List<Problem> unread) {
        java.util.Set<String> settings = new java.util.HashSet<>();
        unread.forEach(p -> settings.add(p.setting()));
        return problems.stream().filter(p -> unread.contains(p) || p.setting() == null || !settings.contains(p.setting())).toList();
    }
}
