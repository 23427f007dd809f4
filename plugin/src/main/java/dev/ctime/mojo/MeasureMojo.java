package dev.ctime.mojo;

import dev.ctime.model.Comparison;
import dev.ctime.model.Decision;
import dev.ctime.run.RawConfiguration;
import dev.ctime.run.ConfigurationProcessor;
import dev.ctime.exec.EnvironmentException;
import dev.ctime.exec.DiskSpace;
import dev.ctime.model.Status;
import dev.ctime.profile.ProfileException;
import dev.ctime.render.ConsoleTable;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.run.MeasureConfig;
import dev.ctime.run.MeasureRun;
import dev.ctime.run.EmptyRun;
import dev.ctime.site.ReportOutputs;
import java.util.EnumSet;
import dev.ctime.site.SitePluginCheck;
import dev.ctime.site.ReportPage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * pgo and bolt (true, false: trained by ctime on the kernels), packages (Cargo's package overrides as SPEC:KEY=VALUE, e.g.
     * *:opt-level=2 for every dependency at 2; keys opt-level, debug, debug-assertions, overflow-checks, codegen-units,
     * incremental, strip, split-debuginfo). With none, ctime's presets: dev, release, release-thin-lto,
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

    /** Comma-separated scenarios: clean, edit (what a team pays), full, incr-full, incr-unchanged, incr-patched (leaf only). */
    @Parameter(property = "ctime.scenarios", defaultValue = Decision.DEFAULT_SCENARIO)
    String scenarios;

    /**
     * The builds your team pays for per expectedCalls of run time, as scenario=count pairs: clean=1,edit=20 is one CI
     * build and twenty edits; the decision's build cost is their sum. Default: one build of the first scenario.
     */
    @Parameter(property = "ctime.builds")
    String builds;

    /**
     * crate: your crate's own profile settings ([profile.release] in the workspace's Cargo.toml, .cargo/config.toml,
     * CARGO_PROFILE_*) reach every profile unless it sets the key itself, as in your builds; none: Cargo's defaults are
     * pinned for the keys a profile can set instead.
     */
    @Parameter(property = "ctime.inherit", defaultValue = "crate")
    String inherit;

    /**
     * Cargo features every profile's build enables besides its own, comma-separated: the presets' too (e.g. where the
     * crate exports its kernels only behind a feature).
     */
    @Parameter(property = "ctime.features")
    String features;

    /**
     * The untimed analysis builds after the timed ones (phase split, codegen units, LLVM IR lines, Enzyme's own time):
     * false skips them, and the report and page have none of those; the timed figures and the decision are unchanged.
     */
    @Parameter(property = "ctime.analysis", defaultValue = "true")
    boolean analysis;

    /**
     * Timed builds per profile and scenario at least (by default the fewest with which a profile's build figures can
     * be told apart at 95% after Holm's correction); more
     * follow only while the decision is undecided on build cost (without kernels, for figures short of
     * ctime.targetPrecision).
     */
    @Parameter(property = "ctime.repeat", defaultValue = "" + Comparison.FEWEST_BUILDS)
    String repeat;

    /** Cap on timed builds per profile and scenario, for the decision. */
    @Parameter(property = "ctime.maxRepeat", defaultValue = "12")
    String maxRepeat;

    /**
     * Separate JVMs that each time every kernel of every profile, side by side, at least; each fork is one run.
     * More follow only while the decision is undecided on run time.
     */
    @Parameter(property = "ctime.forks", defaultValue = "6")
    String forks;

    /** Cap on kernel forks. */
    @Parameter(property = "ctime.maxForks", defaultValue = "12")
    String maxForks;

    /** No kernel fork beyond ctime.forks starts after this many seconds of kernel timing. */
    @Parameter(property = "ctime.kernelBudgetSeconds", defaultValue = "300")
    String kernelBudgetSeconds;

    /**
     * Seconds a kernel fork may wait for a quieter moment where other processes take more than half of the CPUs; it
     * says when it waited. 0: never waits.
     */
    @Parameter(property = "ctime.quiet", defaultValue = "0")
    String quietSeconds;

    /** Target half-width of a median's 95% interval, relative to the median (0.02 = ±2%), where no decision directs the runs. */
    @Parameter(property = "ctime.targetPrecision", defaultValue = "0.02")
    String targetPrecision;

    /**
     * A kernel step that reports no progress for this long is killed and the kernel named; its
     * neighbours go on. Once a kernel's first call has returned, its limit grows to 400 times
     * that call (the gradient check makes up to 129 calls in one step), never below this floor.
     */
    @Parameter(property = "ctime.kernelTimeoutSeconds", defaultValue = "10")
    String kernelTimeoutSeconds;

    /** A kernel batch whose wall time exceeds the thread's CPU time by this share was descheduled, and is left out. */
    @Parameter(property = "ctime.deschedThreshold", defaultValue = "0.05")
    String deschedThreshold;

    /** The profile every other is compared with (falls back to the first measured one when absent). */
    @Parameter(property = "ctime.reference", defaultValue = "release")
    String reference;


    /** Timed batches per kernel, size and fork (at least 10). */
    @Parameter(property = "ctime.samples", defaultValue = "10")
    String samples;

    /** Minimum duration of one timed batch. */
    @Parameter(property = "ctime.minSampleMs", defaultValue = "1.0")
    String minSampleMs;

    /** Upper bound on the warm-up of each kernel function. */
    @Parameter(property = "ctime.warmupMaxMs", defaultValue = "500")
    String warmupMaxMs;

    /** CPU to pin the measuring thread to; -1 for none. */
    @Parameter(property = "ctime.pinCpu", defaultValue = "-1")
    String pinCpu;

    /** Seed of the pseudo-random inputs. */
    @Parameter(property = "ctime.seed", defaultValue = "42")
    String seed;

    /** Largest relative error between a gradient and finite differences that still passes. */
    @Parameter(property = "ctime.gradientTolerance", defaultValue = "1e-4")
    String gradientTolerance;

    /** A build running longer is killed, with its whole process tree, and its profile failed. */
    @Parameter(property = "ctime.buildTimeoutSeconds", defaultValue = "1800")
    String buildTimeoutSeconds;

    /** A kernel fork running longer is killed and its profile failed. */
    @Parameter(property = "ctime.runTimeoutSeconds", defaultValue = "600")
    String runTimeoutSeconds;

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
    String maxProfiles;

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
        // Every line within the console's width (Maven's prefix aside): a long message goes on indented lines. Interrupted
        // (Ctrl-C, SIGTERM), the run writes report.html from the same state as report.json.
        ReportOutputs outputs = new ReportOutputs(cfg.workDir(), historyFile.toPath(), new ReportPage.Options(chartScenario,
                chartKernel, null));
        MeasureRun run = new MeasureRun(cfg, m -> info("ctime: " + m), outputs);
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
            outputs.write(report, report.shard() == null ? EnumSet.of(ReportOutputs.Output.HISTORY, ReportOutputs.Output.HTML)
                    : EnumSet.of(ReportOutputs.Output.HTML), w -> warn("ctime: " + w));
            info("ctime: report written to " + outputs.json() + ", " + outputs.csv() + " and " + outputs.html());
        } catch (IOException e) {
            throw new MojoExecutionException("ctime: the measurements are in " + run.reportJson() + ", but writing the history"
                    + " or report.html failed: " + e.getMessage(), e);
        }
        List<String> failed = report.profiles().stream().filter(p -> p.status() == Status.FAILED).map(ProfileResult::name).toList();
        java.util.Optional<String> empty = EmptyRun.why(report, !cfg.kernels().isEmpty());
        if (empty.isPresent()) {
            throw new MojoFailureException(WrappedLog.wrapped("ctime: " + empty.get() + "; the reasons and their fixes are above"
                    + " and in " + run.reportJson()));
        }
        if (failOnFailedProfile && !failed.isEmpty()) {
            throw new MojoFailureException("ctime: profiles failed: " + String.join(", ", failed) + " (see " + run.reportJson() + ")");
        }
    }

    /** Hands every parameter to the processor, which checks them all before anything runs; only the wording is Maven's. */
    MeasureConfig config() throws MojoExecutionException {
        RawConfiguration raw = new RawConfiguration();
        ParameterValues values = new ParameterValues();
        // Each element on its own: one that cannot be read does not hide the others' problems.
        raw.profiles = element(() -> ConfigElements.children(profiles, "profile"), List.of(), raw.elementProblems);
        raw.matrix = element(() -> matrix == null ? null : ConfigElements.settings(matrix), null, raw.elementProblems);
        raw.kernels = element(() -> ConfigElements.children(kernels, "kernel"), List.of(), raw.elementProblems);
        raw.workloadItems = element(this::workloadItems, null, raw.elementProblems);
        raw.manifest = manifest();
        // Every other setting by its name: the parameter of the same name, numbers read by ctime (RawMapping).
        RawMapping.copy(this, raw, values);
        raw.workload = workloadProperty;
        raw.forkClasspath = ForkRuntime.classpath(plugin);
        raw.jdk = ForkRuntime.jdk(jdk == null ? null : jdk.toPath(), toolchainManager, session, getLog());
        raw.valueProblems = values.problems();
        raw.env = System.getenv();
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        ConfigurationProcessor.Result r = ConfigurationProcessor.process(raw, memory);
        List<String> problems = new ArrayList<>(r.problems().stream().map(this::spelt).toList());
        if (consoleProblem() != null) problems.add(consoleProblem());
        unknownProperties(problems);
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("ctime: the configuration has problems:\n  - " + String.join("\n  - ", problems));
        }
        r.advice().forEach(a -> warn("ctime: " + spelt(a)));
        return r.config();
    }

    /** An element as the core reads it, or {@code otherwise} with the reader's problem kept. */
    private static <T> T element(java.util.function.Supplier<T> read, T otherwise, List<String> problems) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return otherwise;
        }
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

    /**
     * The JDK the kernel forks run on: its home. They time every binding a Java application may call a kernel through;
     * the FFM binding needs JDK 22 or newer. Default: Maven's own JVM where it is 22 or newer, else a JDK 22+ declared
     * in ~/.m2/toolchains.xml, else the newest JDK 22+ installed beside Maven's (/usr/lib/jvm), else Maven's own (and
     * the FFM rows say why they are missing).
     */
    @Parameter(property = "ctime.jdk")
    File jdk;

    /**
     * Whether the kernel forks (the first ctime.forks of them) also call every kernel function from Java through each
     * binding, with its data off-heap and in an array (report.callers, the page's "Calls from Java"). false: the
     * kernels alone, a few seconds sooner per fork; ctime.binding then has no figure to add.
     */
    @Parameter(property = "ctime.callers", defaultValue = "true")
    boolean callers;

    @org.apache.maven.plugins.annotations.Component
    org.apache.maven.toolchain.ToolchainManager toolchainManager;

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
