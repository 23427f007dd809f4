package dev.ctime.run;

import dev.ctime.model.Caller;
import dev.ctime.stats.Shift;
import dev.ctime.stats.Statistics;
import dev.ctime.shard.Shard;
import dev.ctime.model.Workload;
import dev.ctime.model.Thresholds;
import dev.ctime.model.ProfileResult;
import dev.ctime.verdict.Workloads;
import dev.ctime.compile.BuildMix;
import dev.ctime.compile.Scenario;
import dev.ctime.kernel.Kernel;
import dev.ctime.model.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A validated measuring job: everything the mojo read, checked, with defaults applied.
 *
 * @param profiles      explicit profiles, or empty for ctime's presets
 * @param only          profile names selected with ctime.profiles, or empty for all
 * @param workDir       target/ctime
 * @param userEnv       the environment cargo would see (RUSTFLAGS and friends are respected)
 * @param builds        how the builds are timed
 * @param timing        how the kernels are timed
 * @param resume        reuse the finished profiles of the last report whose settings, toolchain, sources and
 *                      measuring settings are unchanged
 * @param instructions  "auto": count kernels' instructions under Cachegrind where Valgrind is installed; "all":
 *                      the leaf build's rustc too; "off"
 * @param sharding      the slice of the matrix this run measures (ctime.shard), or null for all of it
 * @param forkClasspath the kernel forks' classpath (the plugin's runtime artifacts), or null for this code's own
 * @param search        exhaustive (every profile to the full counts) or a race (profiles leave once beaten)
 */
public record MeasureConfig(Path manifest, Path workDir, List<Profile> profiles, List<String> only, List<Kernel> kernels,
                            String autodiffFeature, String label, Map<String, String> userEnv, Builds builds, Timing timing,
                            Precision precision, Judging judging, InstructionMode instructions, boolean resume, Sharding sharding,
                            String forkClasspath, Search search) {
    /** The job as before races: an exhaustive search. */
    public MeasureConfig(Path manifest, Path workDir, List<Profile> profiles, List<String> only, List<Kernel> kernels,
                         String autodiffFeature, String label, Map<String, String> userEnv, Builds builds, Timing timing,
                         Precision precision, Judging judging, InstructionMode instructions, boolean resume, Sharding sharding,
                         String forkClasspath) {
        this(manifest, workDir, profiles, only, kernels, autodiffFeature, label, userEnv, builds, timing, precision, judging,
                instructions, resume, sharding, forkClasspath, Search.EXHAUSTIVE);
    }

    /**
     * How the matrix is searched. Exhaustive: every profile is measured to the full counts. A race: every profile is
     * built and measured in a first round of {@link #SCREEN} builds and forks, the fewest with which a difference can
     * be significant, then each profile the decision finds significantly costlier on the workload than the best one
     * leaves, and only the others are measured further (and analysed, and counted).
     *
     * @param budgetTime   the race stops adding rounds after this long (null: no limit)
     * @param budgetBuilds the race stops adding rounds after this many builds (null: no limit)
     */
    public record Search(boolean race, Duration budgetTime, Integer budgetBuilds) {
        public static final Search EXHAUSTIVE = new Search(false, null, null);
        /** Runs a side before a race judges: the fewest with which the Mann-Whitney test can reject at 5%. */
        public static final int SCREEN = 4;
        private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("(\\d+)\\s*(s|min|m|h)");
        private static final java.util.regex.Pattern BUILDS = java.util.regex.Pattern.compile("(\\d+)\\s*builds?");

        /**
         * The search as ctime.search and ctime.searchBudget give it; each problem is added with its fix.
         *
         * @param budget "30min", "90s", "2h" (time) or "200 builds"; null or blank for none
         */
        public static Search of(String mode, String budget, List<String> problems) {
            String m = mode == null ? "exhaustive" : mode.strip();
            if (!m.equals("exhaustive") && !m.equals("race")) {
                problems.add("ctime.search is '" + mode + "': use exhaustive (every profile to the full counts) or race"
                        + " (profiles leave as soon as they are significantly beaten on the workload)");
                return EXHAUSTIVE;
            }
            Duration time = null;
            Integer builds = null;
            if (budget != null && !budget.isBlank()) {
                String b = budget.strip().toLowerCase(java.util.Locale.ROOT);
                java.util.regex.Matcher t = TIME.matcher(b);
                java.util.regex.Matcher n = BUILDS.matcher(b);
                if (t.matches() && Long.parseLong(t.group(1)) > 0) {
                    long v = Long.parseLong(t.group(1));
                    time = switch (t.group(2)) {
                        case "s" -> Duration.ofSeconds(v);
                        case "h" -> Duration.ofHours(v);
                        default -> Duration.ofMinutes(v);
                    };
                } else if (n.matches() && Integer.parseInt(n.group(1)) > 0) {
                    builds = Integer.parseInt(n.group(1));
                } else {
                    problems.add("ctime.searchBudget is '" + budget + "': give a time (90s, 30min, 2h) or a number of builds"
                            + " (200 builds)");
                }
                if (!m.equals("race")) problems.add("ctime.searchBudget applies to a race: add ctime.search=race, or drop it");
            }
            return m.equals("race") ? new Search(true, time, builds) : EXHAUSTIVE;
        }
    }
    /**
     * How the builds are timed.
     *
     * @param repeat    builds per profile and scenario at least
     * @param timeout   a build that runs longer is killed with its whole process tree
     * @param patchFile the incr-patched edit as a unified diff against the crate folder, or null for ctime's own
     * @param seenMs    one build's wall time per profile in the last run (any subset, may be empty): what the
     *                  estimate before the first build starts from
     * @param mix       the builds a team pays for per period of its workload (ctime.builds): the decision's build cost
     * @param features     Cargo features every profile's build enables besides its own (ctime.features), presets too
     * @param inheritCrate the crate's own profile settings reach ctime's profiles (ctime.inherit=crate, the default), or
     *                  Cargo's defaults are pinned instead (none)
     * @param analysis  the untimed analysis builds run (ctime.analysis, on by default)
     */
    public record Builds(List<Scenario> scenarios, int repeat, Duration timeout, Path patchFile, Map<String, Double> seenMs,
                         BuildMix mix, boolean inheritCrate, boolean analysis, List<String> features) {
        public Builds {
            seenMs = Map.copyOf(seenMs);
            features = features == null ? List.of() : List.copyOf(features);
            if (mix == null) mix = BuildMix.of(scenarios.isEmpty() ? Scenario.DEFAULT : scenarios.get(0));
        }

        /** Whether each profile's first build starts from an empty target folder and is its first clean sample. */
        public boolean firstAsClean() {
            return scenarios.contains(Scenario.CLEAN);
        }

        /**
         * The rounds of timed builds of every profile before the answer: the fewest against which the profile the answer
         * names, built ctime.repeat times, bounds its build difference with each at 95% (3 against 5; ctime.repeat where
         * no fewer can). The rest of ctime.repeat follows the answer, for the report: every build figure then has the
         * runs to be called different after Holm's correction among a profile's three.
         */
        public int beforeAnswer() {
            for (int m = 1; m < repeat; m++) if (Shift.canBound(repeat, m, Statistics.LEVEL)) return m;
            return repeat;
        }
    }

    /**
     * How the kernels are timed, in forked JVMs.
     *
     * @param forks             forks per profile at least
     * @param minSampleMs       a batch of calls lasts at least this long
     * @param samples           batches per fork
     * @param warmupMaxMs       warm-up of a fork at most
     * @param pinCpu            the CPU the forks are pinned to, or -1
     * @param seed              the inputs' seed
     * @param gradientTolerance how far a gradient may stray from central differences
     * @param runTimeout        a fork that runs longer is killed
     * @param jdk               the JDK home the forks run on (ctime.jdk, or a toolchain of JDK 22 or newer), null for
     *                          the JVM running Maven
     * @param callers           whether the first forks also call every kernel function from Java, binding by binding
     *                          (ctime.callers)
     */
    public record Timing(int forks, double minSampleMs, int samples, long warmupMaxMs, int pinCpu, long seed,
                         double gradientTolerance, Duration runTimeout, Path jdk, boolean callers) {
        public Timing(int forks, double minSampleMs, int samples, long warmupMaxMs, int pinCpu, long seed,
                      double gradientTolerance, Duration runTimeout) {
            this(forks, minSampleMs, samples, warmupMaxMs, pinCpu, seed, gradientTolerance, runTimeout, null, true);
        }

        /** The same timing with this many forks (a race's first round). */
        public Timing withForks(int n) {
            return new Timing(n, minSampleMs, samples, warmupMaxMs, pinCpu, seed, gradientTolerance, runTimeout, jdk, callers);
        }
    }

    /**
     * @param anchor     the profile every shard measures, so shards on different runners compare
     * @param knownCosts  an earlier run's build CPU time per profile, to balance the shards (may be empty)
     * @param maxProfiles the most profiles one run (or one shard) measures before it refuses and points to shards
     *                    and selection; 0 for no limit
     */
    public record Sharding(Shard shard, String anchor, Map<String, Double> knownCosts, int maxProfiles) {
        public Sharding(Shard shard, String anchor, Map<String, Double> knownCosts) {
            this(shard, anchor, knownCosts, 0);
        }
    }

    /**
     * How long to keep measuring: runs continue, interleaved, only for the figures whose median's
     * 95% interval is still wider than {@code target} (a half-width relative to the median).
     *
     * @param maxRepeat        cap on builds per profile and scenario
     * @param maxForks         cap on kernel forks
     * @param kernelBudget     no kernel fork beyond the minimum starts after this long
     * @param kernelTimeout    a kernel that finishes no batch for this long is killed
     * @param deschedThreshold a kernel batch whose wall time exceeds its CPU time by this share is left out
     * @param quiet            how long a kernel fork may wait for a quieter moment while other processes take more than
     *                         half of the CPUs (ctime.quiet; zero: never waits)
     */
    public record Precision(double target, int maxRepeat, int maxForks, Duration kernelBudget, Duration kernelTimeout,
                            double deschedThreshold, Duration quiet) {
        public Precision(double target, int maxRepeat, int maxForks, Duration kernelBudget, Duration kernelTimeout,
                         double deschedThreshold) {
            this(target, maxRepeat, maxForks, kernelBudget, kernelTimeout, deschedThreshold, Duration.ZERO);
        }
    }

    /**
     * How to decide: the reference every profile is compared with, the practical thresholds, and
     * the recommendation's subject.
     *
     * @param scenario null for the first measured
     * @param workload calls per build of each kernel function, or null for every kernel at its largest size with
     *                 {@code expectedCalls} calls
     * @param binding  how the application calls the kernels (ctime.binding), where an item does not say; null for the
     *                 kernels alone
     */
    public record Judging(String reference, Thresholds thresholds, double expectedCalls, String scenario,
                          Workload workload, Caller binding) {
        public Judging(String reference, Thresholds thresholds, double expectedCalls, String scenario, Workload workload) {
            this(reference, thresholds, expectedCalls, scenario, workload, null);
        }

        /** The workload the decision weighs, given the profiles' kernels: its items without a binding of their own go through ctime.binding. */
        public Workload workloadFor(List<ProfileResult> profiles) {
            return Workloads.calledThrough(workload != null ? workload : Workloads.defaultFor(profiles, expectedCalls), binding);
        }
    }

    /**
     * The job by name rather than by position: the mojo (and tests) set what they read; lists default
     * to empty, scenarios to full, instructions to auto.
     */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Path manifest;
        private Path workDir;
        private List<Profile> profiles = List.of();
        private List<String> only = List.of();
        private List<Kernel> kernels = List.of();
        private List<Scenario> scenarios = List.of(Scenario.DEFAULT);
        private int repeat;
        private int forks;
        private double minSampleMs;
        private int samples;
        private long warmupMaxMs;
        private int pinCpu;
        private long seed;
        private double gradientTolerance;
        private Duration buildTimeout;
        private Duration runTimeout;
        private Path jdk;
        private boolean callers = true;
        private String autodiffFeature = "autodiff";
        private String label;
        private Map<String, String> userEnv = Map.of();
        private Path patchFile;
        private Precision precision;
        private Judging judging;
        private InstructionMode instructions = InstructionMode.AUTO;
        private boolean resume;
        private Sharding sharding;
        private Map<String, Double> seenMs = Map.of();
        private BuildMix mix;
        private boolean inheritCrate = true;
        private List<String> features = List.of();
        private boolean analysis = true;
        private String forkClasspath;
        private Search search = Search.EXHAUSTIVE;

        public Builder search(Search v) {
            this.search = v;
            return this;
        }

        public Builder manifest(Path v) {
            this.manifest = v;
            return this;
        }

        public Builder workDir(Path v) {
            this.workDir = v;
            return this;
        }

        public Builder profiles(List<Profile> v) {
            this.profiles = v;
            return this;
        }

        public Builder only(List<String> v) {
            this.only = v;
            return this;
        }

        public Builder kernels(List<Kernel> v) {
            this.kernels = v;
            return this;
        }

        public Builder analysis(boolean v) {
            this.analysis = v;
            return this;
        }

        public Builder inheritCrate(boolean v) {
            this.inheritCrate = v;
            return this;
        }

        public Builder features(List<String> v) {
            this.features = v;
            return this;
        }

        public Builder mix(BuildMix v) {
            this.mix = v;
            return this;
        }

        public Builder scenarios(List<Scenario> v) {
            this.scenarios = v;
            return this;
        }

        public Builder repeat(int v) {
            this.repeat = v;
            return this;
        }

        public Builder forks(int v) {
            this.forks = v;
            return this;
        }

        public Builder minSampleMs(double v) {
            this.minSampleMs = v;
            return this;
        }

        public Builder samples(int v) {
            this.samples = v;
            return this;
        }

        public Builder warmupMaxMs(long v) {
            this.warmupMaxMs = v;
            return this;
        }

        public Builder pinCpu(int v) {
            this.pinCpu = v;
            return this;
        }

        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        public Builder gradientTolerance(double v) {
            this.gradientTolerance = v;
            return this;
        }

        public Builder buildTimeout(Duration v) {
            this.buildTimeout = v;
            return this;
        }

        public Builder runTimeout(Duration v) {
            this.runTimeout = v;
            return this;
        }

        public Builder jdk(Path v) {
            this.jdk = v;
            return this;
        }

        public Builder callers(boolean v) {
            this.callers = v;
            return this;
        }

        public Builder autodiffFeature(String v) {
            this.autodiffFeature = v;
            return this;
        }

        public Builder label(String v) {
            this.label = v;
            return this;
        }

        public Builder userEnv(Map<String, String> v) {
            this.userEnv = v;
            return this;
        }

        public Builder patchFile(Path v) {
            this.patchFile = v;
            return this;
        }

        public Builder precision(Precision v) {
            this.precision = v;
            return this;
        }

        public Builder judging(Judging v) {
            this.judging = v;
            return this;
        }

        public Builder instructions(InstructionMode v) {
            this.instructions = v;
            return this;
        }

        public Builder resume(boolean v) {
            this.resume = v;
            return this;
        }

        public Builder seenMs(Map<String, Double> v) {
            this.seenMs = v;
            return this;
        }

        public Builder sharding(Sharding v) {
            this.sharding = v;
            return this;
        }

        public Builder forkClasspath(String v) {
            this.forkClasspath = v;
            return this;
        }

        public MeasureConfig build() {
            java.util.Objects.requireNonNull(manifest, "manifest");
            java.util.Objects.requireNonNull(workDir, "workDir");
            java.util.Objects.requireNonNull(precision, "precision");
            java.util.Objects.requireNonNull(judging, "judging");
            java.util.Objects.requireNonNull(buildTimeout, "buildTimeout");
            java.util.Objects.requireNonNull(runTimeout, "runTimeout");
            return new MeasureConfig(manifest, workDir, profiles, only, kernels, autodiffFeature, label, userEnv,
                    new Builds(scenarios, repeat, buildTimeout, patchFile, seenMs, mix, inheritCrate, analysis, features),
                    new Timing(forks, minSampleMs, samples, warmupMaxMs, pinCpu, seed, gradientTolerance, runTimeout, jdk, callers),
                    precision, judging, instructions, resume, sharding, forkClasspath, search);
        }
    }
}
