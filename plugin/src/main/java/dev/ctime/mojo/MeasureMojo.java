package dev.ctime.mojo;

import dev.ctime.shard.Shard;
import dev.ctime.kernel.ForkLauncher;
import dev.ctime.exec.EnvironmentException;
import dev.ctime.exec.DiskSpace;
import dev.ctime.verdict.Workloads;
import dev.ctime.model.Status;
import dev.ctime.compile.Scenario;
import dev.ctime.kernel.Kernel;
import dev.ctime.kernel.KernelParser;
import dev.ctime.profile.Matrix;
import dev.ctime.profile.Profile;
import dev.ctime.profile.ProfileException;
import dev.ctime.profile.ProfileParser;
import dev.ctime.render.ConsoleTable;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.run.MeasureConfig;
import dev.ctime.run.MeasureRun;
import dev.ctime.gate.HistoryLog;
import dev.ctime.site.SitePluginCheck;
import dev.ctime.site.ReportPage;
import dev.ctime.model.Comparison;
import dev.ctime.model.Thresholds;
import dev.ctime.model.Workload;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Builds the crate in every profile, times the builds and the kernels (every profile to the full counts, or by a
 * race that drops the profiles significantly beaten), and writes target/ctime/report.json with its JSON Schema beside it,
 * report.csv and report.html, appends a line to history.jsonl, and prints its plan, a progress line per build and fork
 * with the time left, two tables, and last the verdict: the profile to use for the workload with the block to paste, or
 * why it is undecided.
 */
@Mojo(name = "measure", threadSafe = false, requiresProject = true)
public class MeasureMojo extends JudgingParameters {
    /** The crate's Cargo.toml; by default ${project.basedir}/Cargo.toml, else src/main/rust/Cargo.toml. */
    @Parameter(property = "ctime.manifestPath")
    File manifestPath;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;


    /**
     * Build profiles, {@code <profile><name>fat</name><lto>fat</lto></profile>}, each with a unique name and any of:
     * inherits (release, dev), optLevel (0, 1, 2, 3, s, z), lto (off, thin-local, thin, fat), codegenUnits, incremental
     * (true, false), debug (none, line-tables, limited, full), panic (unwind, abort), linker (default, lld, mold, bfd),
     * targetCpu, frontendThreads, toolchain, features, rustflags, autodiff (Enable, NoPostopt, NoTT, LooseTypes, Print…),
     * pgo and bolt (true, false: trained by ctime on the kernels). With none, ctime's presets: dev, release, release-thin-lto,
     * release-fat-lto-cgu1, and with an autodiff feature and a nightly toolchain hand-release, hand-fat-lto, enzyme,
     * enzyme-nopostopt, enzyme-nott, enzyme-loosetypes.
     */
    @Parameter
    PlexusConfiguration profiles;

    /** Axes expanded into their cartesian product of profiles, e.g. {@code <lto>thin,fat</lto><codegenUnits>1,16</codegenUnits>}. */
    @Parameter
    PlexusConfiguration matrix;

    /** Kernels: {@code <kernel><name/><primal/><gradient/><sizes><size>64</size></sizes></kernel>}. */
    @Parameter
    PlexusConfiguration kernels;

    /**
     * Comma-separated names of the profiles to run, among those configured (or the presets); all by
     * default. Named apart from {@code profiles}, the list of profile definitions.
     */
    @Parameter(property = "ctime.profiles")
    String selectProfiles;

    /** Comma-separated scenarios: full, incr-full, incr-unchanged, incr-patched. */
    @Parameter(property = "ctime.scenarios", defaultValue = "full")
    String scenarios;

    /**
     * Timed builds per profile and scenario at least; more follow only while the decision is undecided on build cost
     * (without kernels, for figures short of ctime.targetPrecision).
     */
    @Parameter(property = "ctime.repeat", defaultValue = "6")
    int repeat;

    /** Cap on timed builds per profile and scenario, for the decision. */
    @Parameter(property = "ctime.maxRepeat", defaultValue = "12")
    int maxRepeat;

    /**
     * Separate JVMs that each time every kernel of every profile, side by side, at least; each fork is one run.
     * More follow only while the decision is undecided on run time.
     */
    @Parameter(property = "ctime.forks", defaultValue = "6")
    int forks;

    /** Cap on kernel forks. */
    @Parameter(property = "ctime.maxForks", defaultValue = "12")
    int maxForks;

    /** No kernel fork beyond ctime.forks starts after this many seconds of kernel timing. */
    @Parameter(property = "ctime.kernelBudgetSeconds", defaultValue = "300")
    int kernelBudgetSeconds;

    /** Target half-width of a median's 95% interval, relative to the median (0.02 = ±2%), where no decision directs the runs. */
    @Parameter(property = "ctime.targetPrecision", defaultValue = "0.02")
    double targetPrecision;

    /**
     * A kernel step that reports no progress for this long is killed and the kernel named; its
     * neighbours go on. Once a kernel's first call has returned, its limit grows to 400 times
     * that call (the gradient check makes up to 129 calls in one step), never below this floor.
     */
    @Parameter(property = "ctime.kernelTimeoutSeconds", defaultValue = "10")
    int kernelTimeoutSeconds;

    /** A kernel batch whose wall time exceeds the thread's CPU time by this share was descheduled, and is left out. */
    @Parameter(property = "ctime.deschedThreshold", defaultValue = "0.05")
    double deschedThreshold;

    /** The profile every other is compared with (falls back to the first measured one when absent). */
    @Parameter(property = "ctime.reference", defaultValue = "release")
    String reference;


    /** Timed batches per kernel, size and fork (at least 10). */
    @Parameter(property = "ctime.samples", defaultValue = "10")
    int samples;

    /** Minimum duration of one timed batch. */
    @Parameter(property = "ctime.minSampleMs", defaultValue = "1.0")
    double minSampleMs;

    /** Upper bound on the warm-up of each kernel function. */
    @Parameter(property = "ctime.warmupMaxMs", defaultValue = "500")
    long warmupMaxMs;

    /** CPU to pin the measuring thread to; -1 for none. */
    @Parameter(property = "ctime.pinCpu", defaultValue = "-1")
    int pinCpu;

    /** Seed of the pseudo-random inputs. */
    @Parameter(property = "ctime.seed", defaultValue = "42")
    long seed;

    /** Largest relative error between a gradient and finite differences that still passes. */
    @Parameter(property = "ctime.gradientTolerance", defaultValue = "1e-4")
    double gradientTolerance;

    /** A build running longer is killed, with its whole process tree, and its profile failed. */
    @Parameter(property = "ctime.buildTimeoutSeconds", defaultValue = "1800")
    int buildTimeoutSeconds;

    /** A kernel fork running longer is killed and its profile failed. */
    @Parameter(property = "ctime.runTimeoutSeconds", defaultValue = "600")
    int runTimeoutSeconds;

    /** The crate's cargo feature that switches gradients to #[autodiff]. */
    @Parameter(property = "ctime.autodiffFeature", defaultValue = "autodiff")
    String autodiffFeature;

    /**
     * The incr-patched edit: a unified diff against the crate's folder (paths like a/src/lib.rs),
     * applied to ctime's copy with git apply. Default: a harmless function appended to the crate root.
     */
    @Parameter(property = "ctime.patchFile")
    File patchFile;

    /** A name for this run, kept in the report. */
    @Parameter(property = "ctime.label")
    String label;

    /** Fail the build when a profile failed (a build error, a wrong gradient). */
    @Parameter(property = "ctime.failOnFailedProfile", defaultValue = "false")
    boolean failOnFailedProfile;

    /**
     * Count each kernel's instructions per call under Valgrind's Cachegrind, beside its time:
     * {@code auto} (where Valgrind is installed), {@code all} (the leaf build's rustc too, in an
     * extra untimed build under Valgrind, many times a build's time) or {@code off}. The count does not move with the
     * machine's load, so it settles what noisy times cannot.
     */
    @Parameter(property = "ctime.instructions", defaultValue = "auto")
    String instructions;

    /**
     * Continue an interrupted (or extended) run: profiles the last report measured to the end, whose
     * settings, toolchain, sources and measuring settings are unchanged, are reused; the rest are measured.
     */
    @Parameter(property = "ctime.resume", defaultValue = "false")
    boolean resume;

    /**
     * How the profiles are searched: exhaustive (every profile measured to the full counts) or race (every profile
     * built and measured in a first round, then each one significantly beaten on the workload leaves, and only the
     * others are measured further).
     */
    @Parameter(property = "ctime.search", defaultValue = "exhaustive")
    String search;

    /** A race's budget: a time (90s, 30min, 2h) or a number of builds (200 builds), after which no round is added. */
    @Parameter(property = "ctime.searchBudget")
    String searchBudget;

    /** This plugin as Maven resolved it: its jar and runtime dependencies are the kernel forks' classpath. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    org.apache.maven.plugin.descriptor.PluginDescriptor plugin;

    @Parameter(defaultValue = "${project}", readonly = true)
    org.apache.maven.project.MavenProject project;

    @Parameter(defaultValue = "${maven.version}", readonly = true)
    String mavenVersion;

    /** Skip measuring altogether (e.g. -Dctime.skip on a quick local build). */
    @Parameter(property = "ctime.skip", defaultValue = "false")
    boolean skip;

    /**
     * Measure one slice of the profiles, I/N (e.g. 2/3), for a CI job matrix; {@code ctime:merge}
     * joins the shards' reports. Every shard also measures the anchor.
     */
    @Parameter(property = "ctime.shard")
    String shard;

    /**
     * The most profiles one run measures: a larger matrix is refused before any build, with its size, so that it is
     * narrowed (ctime.profiles), split (ctime.shard) or allowed on purpose by raising this; 0 for no limit.
     */
    @Parameter(property = "ctime.maxProfiles", defaultValue = "30")
    int maxProfiles;

    /** The profile every shard measures, through which shards on different runners are compared. */
    @Parameter(property = "ctime.anchor", defaultValue = "release")
    String anchor;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            info("ctime: skipped (ctime.skip)");
            return;
        }
        MeasureConfig cfg = config();
        sitePluginProblem().ifPresent(p -> warn("ctime: " + p));
        // Every line within the console's width (Maven's prefix aside): a long message goes on indented lines.
        MeasureRun run = new MeasureRun(cfg, m -> info("ctime: " + m));
        // Interrupted (Ctrl-C, SIGTERM): report.html is written from the same state as report.json.
        run.onInterrupt(r -> {
            try {
                ReportMojo.writeStandalone(r, HistoryLog.read(historyFile.toPath()), new ReportPage.Options(chartScenario,
                        chartKernel, null), run.reportJson().resolveSibling("report.html"));
            } catch (IOException e) {
                System.err.println("ctime: report.html could not be written: " + e.getMessage());
            }
        });
        Report report;
        try {
            report = run.run();
        } catch (ProfileException | EnvironmentException e) {
            // The configuration or the environment as it is: the message names the problem and its fix.
            throw new MojoExecutionException("ctime: " + e.getMessage(), e);
        } catch (IOException e) {
            String disk = DiskSpace.low(outputDirectory.toPath());
            throw new MojoExecutionException("ctime: an I/O failure while measuring: " + e.getMessage()
                    + (disk == null ? "" : "; " + disk)
                    + (java.nio.file.Files.exists(run.reportJson()) ? " (what was measured is in " + run.reportJson() + ")" : ""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("ctime: interrupted", e);
        }
        // Each text once, with every profile it applies to: a missing backend skips every Enzyme profile alike.
        List<String[]> said = new ArrayList<>();
        for (ProfileResult p : report.profiles()) {
            if (p.warnings() != null) p.warnings().forEach(w -> said.add(new String[] {p.name(), ": " + w}));
            if (p.status() != Status.OK) said.add(new String[] {p.name(), " " + p.status() + ": " + p.reason()});
        }
        ConsoleTable.byText(said, x -> x[1], x -> x[0]).forEach((text, names) -> warn("ctime: profile"
                + (names.size() == 1 ? " " : "s ") + String.join(", ", names) + text));
        getLog().info("");
        ConsoleTable.render(report, fullConsole()).forEach(l -> getLog().info(l));
        getLog().info("");
        try {
            // A shard's report is a slice: the merged report goes into the history (ctime:merge), and every shard of a
            // matrix reads the same history to balance its slice.
            if (report.shard() == null) {
                String mended = HistoryLog.append(historyFile.toPath(), report);
                if (mended != null) warn("ctime: " + mended);
            }
            Path html = ReportMojo.writeStandalone(report, HistoryLog.read(historyFile.toPath(), w -> warn("ctime: " + w)),
                    new ReportPage.Options(chartScenario, chartKernel, null), run.reportJson().resolveSibling("report.html"));
            info("ctime: report written to " + run.reportJson() + ", " + run.reportCsv() + " and " + html);
        } catch (IOException e) {
            throw new MojoExecutionException("ctime: the measurements are in " + run.reportJson() + ", but writing the history"
                    + " or report.html failed: " + e.getMessage(), e);
        }
        List<String> failed = report.profiles().stream().filter(p -> p.status() == Status.FAILED).map(ProfileResult::name).toList();
        if (failOnFailedProfile && !failed.isEmpty()) {
            throw new MojoFailureException("ctime: profiles failed: " + String.join(", ", failed) + " (see " + run.reportJson() + ")");
        }
    }

    /** Reads and checks every parameter before anything runs. */
    MeasureConfig config() throws MojoExecutionException {
        List<String> problems = new ArrayList<>();
        List<Profile> ps = new ArrayList<>();
        // Every problem at once, before any build.
        try {
            for (Map<String, String> raw : ConfigElements.children(profiles, "profile")) {
                try {
                    ps.add(ProfileParser.parse(raw));
                } catch (ProfileException e) {
                    problems.addAll(List.of(e.getMessage().split("\n")));
                }
            }
            if (matrix != null) ps.addAll(Matrix.expand(ConfigElements.settings(matrix)));
        } catch (ProfileException | IllegalArgumentException e) {
            problems.addAll(List.of(e.getMessage().split("\n")));
        }
        List<Kernel> ks = new ArrayList<>();
        // Every kernel's name, parsed or not: a duplicate name is named in the same pass as the kernel's other mistakes.
        List<String> kernelNames = new ArrayList<>();
        try {
            for (Map<String, String> raw : ConfigElements.children(kernels, "kernel")) {
                String named = raw.get("name") == null || raw.get("name").isBlank() ? raw.get("primal") : raw.get("name");
                if (named != null && !named.isBlank()) kernelNames.add(named.strip());
                try {
                    ks.add(KernelParser.parse(raw));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        for (Kernel k : ks) {
            for (int n : k.sizes()) {
                long heap = ForkLauncher.heapMb(n) * 1024 * 1024;
                if (heap > memory * 3 / 4) {
                    problems.add(String.format(java.util.Locale.ROOT, "kernel '%s': size %d needs about %.1f GiB of heap in each kernel"
                            + " fork (the inputs, the gradient and the finite-difference copies), more than this machine's %.1f GiB"
                            + " allow: use smaller sizes", k.name(), n, heap / 1073741824.0, memory / 1073741824.0));
                }
            }
        }
        java.util.Set<String> seenKernels = new java.util.HashSet<>();
        for (String k : kernelNames) {
            if (!seenKernels.add(k)) {
                problems.add("two kernels are named '" + k.replaceAll("\\p{Cntrl}", "?") + "': their samples would be merged into"
                        + " one figure; give each <kernel> its own <name>");
            }
        }
        java.util.Set<String> profileNames = new java.util.HashSet<>();
        for (Profile p : ps) {
            if (!profileNames.add(p.name())) problems.add("two profiles are named '" + p.name() + "': names must be unique");
        }
        List<Scenario> sc = new ArrayList<>();
        for (String s : scenarios.split(",")) {
            if (s.isBlank()) continue;
            Scenario.byId(s).ifPresentOrElse(sc::add, () -> problems.add("ctime.scenarios: unknown scenario '" + s.strip()
                    + "'; use full, incr-full, incr-unchanged or incr-patched"));
        }
        if (sc.isEmpty() && problems.isEmpty()) problems.add("ctime.scenarios is empty: name at least one scenario, e.g. full");
        if (repeat < 1) problems.add("ctime.repeat is " + repeat + ": use at least 1");
        if (forks < 1) problems.add("ctime.forks is " + forks + ": use at least 1");
        if (!(targetPrecision > 0 && targetPrecision < 1)) {
            problems.add("ctime.targetPrecision is " + targetPrecision + ": use a share between 0 and 1, e.g. 0.02 for ±2%");
        }
        if (!(runtimeThreshold >= 0 && runtimeThreshold < 1) || !(compileThreshold >= 0 && compileThreshold < 1)) {
            problems.add("ctime.runtimeThreshold and ctime.compileThreshold are shares between 0 and 1, e.g. 0.01 for 1%");
        }
        if (!(deschedThreshold > 0 && deschedThreshold < 1)) problems.add("ctime.deschedThreshold must be between 0 and 1");
        if (kernelTimeoutSeconds < 1 || kernelBudgetSeconds < 0) {
            problems.add("ctime.kernelTimeoutSeconds must be at least 1 and ctime.kernelBudgetSeconds not negative");
        }
        if (samples < 10) problems.add("ctime.samples is " + samples + ": use at least 10, or the confidence interval means little");
        if (!(minSampleMs > 0)) problems.add("ctime.minSampleMs must be positive");
        if (buildTimeoutSeconds < 1 || runTimeoutSeconds < 1) problems.add("timeouts must be at least 1 second");
        if (!(gradientTolerance > 0)) problems.add("ctime.gradientTolerance must be positive");
        if (consoleProblem() != null) problems.add(consoleProblem());
        MeasureConfig.Search searching = MeasureConfig.Search.of(search, searchBudget, problems);
        if (!List.of("auto", "all", "off").contains(instructions)) {
            problems.add("ctime.instructions is '" + instructions + "': use auto (count kernels under Cachegrind where Valgrind"
                    + " is installed), all (builds too: an extra build under Valgrind, many times a build's time) or off");
        }
        if (patchFile != null && !patchFile.isFile()) {
            problems.add("ctime.patchFile " + patchFile + " does not exist: give a unified diff against the crate's folder");
        }
        Shard slice = null;
        if (shard != null && !shard.isBlank()) {
            try {
                slice = Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (searching.race() && slice != null) {
            problems.add("ctime.search=race runs on one machine (its rounds judge every profile together): drop ctime.shard, or"
                    + " shard an exhaustive search");
        }
        if (searching.race() && ks.isEmpty()) {
            problems.add("ctime.search=race needs <kernels>: a race is decided on the workload's cost, build and run together");
        }
        unknownProperties(problems);
        Workload work = workload(problems);
        if (work != null) {
            if (work.items().isEmpty()) problems.add("the workload is empty: name at least one kernel@n:function=calls, or leave it out");
            problems.addAll(Workloads.problems(work, ks));
        }
        if (!(expectedCalls > 0)) problems.add("ctime.expectedCalls is " + expectedCalls + ": give the calls per build, e.g. 1e6");
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("ctime: the configuration has problems:\n  - " + String.join("\n  - ", problems));
        }
        if (repeat < Comparison.FEWEST_RUNS || forks < Comparison.FEWEST_RUNS) {
            warn("ctime: with ctime.repeat=" + repeat + " and ctime.forks=" + forks + ", no comparison "
                    + (repeat < Comparison.FEWEST_RUNS && forks < Comparison.FEWEST_RUNS ? "" : "of " + (repeat < forks ? "builds" : "kernels") + " ")
                    + "can ever be significant (the Mann-Whitney test at 5% needs " + Comparison.FEWEST_RUNS + " runs a side): the"
                    + " verdict will be undecided. Use at least -Dctime.repeat=" + Comparison.FEWEST_RUNS + " -Dctime.forks="
                    + Comparison.FEWEST_RUNS + " for an answer");
        }
        if (ks.isEmpty()) warn("ctime: no <kernels> configured: compile times are measured, run times are not");
        List<String> selected = selectProfiles == null ? List.of()
                : Arrays.stream(selectProfiles.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return MeasureConfig.builder().manifest(manifest()).workDir(outputDirectory.toPath()).profiles(ps).only(selected).kernels(ks)
                .scenarios(sc).repeat(repeat).forks(forks).minSampleMs(minSampleMs).samples(samples).warmupMaxMs(warmupMaxMs)
                .pinCpu(pinCpu).seed(seed).gradientTolerance(gradientTolerance)
                .buildTimeout(Duration.ofSeconds(buildTimeoutSeconds)).runTimeout(Duration.ofSeconds(runTimeoutSeconds))
                .autodiffFeature(autodiffFeature).label(label).userEnv(System.getenv())
                .patchFile(patchFile == null ? null : patchFile.toPath().toAbsolutePath())
                .precision(new MeasureConfig.Precision(targetPrecision, maxRepeat, maxForks, Duration.ofSeconds(kernelBudgetSeconds),
                        Duration.ofSeconds(kernelTimeoutSeconds), deschedThreshold))
                .judging(new MeasureConfig.Judging(reference, new Thresholds(runtimeThreshold, compileThreshold), expectedCalls,
                        chartScenario, work))
                .instructions(instructions).resume(resume)
                .sharding(new MeasureConfig.Sharding(slice, anchor, slice == null ? Map.of() : lastRun(HistoryLog.BuildMedians::cpuMs, true),
                        maxProfiles))
                .seenMs(lastRun(HistoryLog.BuildMedians::wallMs, false))
                .search(searching).forkClasspath(forkClasspath()).build();
    }

    /** Where this project puts ctime in its reporting: whether its site plugin can render the page. */
    private java.util.Optional<String> sitePluginProblem() {
        if (project == null || project.getModel().getReporting() == null) return java.util.Optional.empty();
        boolean ctime = project.getModel().getReporting().getPlugins().stream()
                .anyMatch(p -> "ctime-maven-plugin".equals(p.getArtifactId()));
        String key = "org.apache.maven.plugins:maven-site-plugin";
        org.apache.maven.model.Plugin site = project.getPlugin(key);
        if ((site == null || site.getVersion() == null) && project.getPluginManagement() != null) {
            site = project.getPluginManagement().getPluginsAsMap().get(key);
        }
        return SitePluginCheck.problem(site == null ? null : site.getVersion(), mavenVersion, ctime);
    }

    /** The plugin's runtime artifacts (this plugin, the harness binding, JNA, Jackson, …), as a classpath. */
    private String forkClasspath() {
        if (plugin == null || plugin.getPluginArtifact() == null || plugin.getPluginArtifact().getFile() == null) return null;
        List<org.apache.maven.artifact.Artifact> all = new ArrayList<>();
        all.add(plugin.getPluginArtifact());
        all.addAll(plugin.getArtifacts());
        return all.stream().filter(a -> a.getFile() != null && ("jar".equals(a.getType()) || "maven-plugin".equals(a.getType())))
                .filter(a -> !"provided".equals(a.getScope()) && !"test".equals(a.getScope()))
                .map(a -> a.getFile().getAbsolutePath()).distinct().collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Each profile's build CPU time (all scenarios) in the last history run: what balances the shards best. */
    /**
     * Per profile of the last run in the history, its builds' medians over the scenarios: summed (a profile's whole
     * build cost, to balance shards) or averaged (one build, for the estimate of this run's time).
     */
    private Map<String, Double> lastRun(java.util.function.Function<HistoryLog.BuildMedians, Double> figure, boolean sum) {
        Map<String, Double> out = new java.util.HashMap<>();
        try {
            List<HistoryLog.Run> runs = HistoryLog.read(historyFile.toPath());
            if (runs.isEmpty()) return out;
            runs.get(runs.size() - 1).profiles().forEach((name, m) -> {
                if (m.compile() == null) return;
                var stats = m.compile().values().stream().map(figure).filter(java.util.Objects::nonNull)
                        .mapToDouble(Double::doubleValue).summaryStatistics();
                if (stats.getCount() > 0 && stats.getSum() > 0) out.put(name, sum ? stats.getSum() : stats.getAverage());
            });
        } catch (IOException e) {
            warn("ctime: the history " + historyFile + " cannot be read (" + e.getMessage() + "): shards are balanced,"
                    + " and the run's time estimated, by a cost model of the settings");
        }
        return out;
    }

    /** One message, within the console's width (Maven's prefix aside): a long one goes on indented lines. */
    private void info(String message) {
        ConsoleTable.wrap(message, ConsoleTable.WIDTH, "  ").forEach(getLog()::info);
    }

    private void warn(String message) {
        ConsoleTable.wrap(message, ConsoleTable.WIDTH, "  ").forEach(getLog()::warn);
    }

    Path manifest() {
        if (manifestPath != null) return manifestPath.toPath().toAbsolutePath();
        Path top = basedir.toPath().resolve("Cargo.toml");
        Path conventional = basedir.toPath().resolve("src/main/rust/Cargo.toml");
        return java.nio.file.Files.exists(top) || !java.nio.file.Files.exists(conventional) ? top : conventional;
    }
}
