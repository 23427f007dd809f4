package dev.ctime.run;

import dev.ctime.profile.ProfileParser;
import dev.ctime.profile.ProfileException;
import dev.ctime.model.Report;
import dev.ctime.model.ProfileResult;
import dev.ctime.kernel.Kernel;
import dev.ctime.model.Profile;
import dev.ctime.shard.ShardPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long a run will take, said before it starts: its builds from build times already seen (the
 * last run's, or this run's first build), scaled by the cost model for profiles not seen yet; its
 * kernel forks from the timing settings, which fix how long each sample lasts.
 *
 * @param buildsMs       the timed builds, the untimed ones and the training pipelines
 * @param forksLeastMs   the kernel forks' samples alone
 * @param forksMostMs    with every warm-up running to its bound
 * @param basis          where the build times come from, as the log says it
 * @param stagesMs       the same, stage by stage (by {@link Stage}'s names, in the order run): what the time left of a
 *                       run adds up after the stage it is in
 */
public record RunEstimate(double buildsMs, double forksLeastMs, double forksMostMs, String basis, Map<String, Double> stagesMs) {
    /** The stages a run goes through, in order, as far as the estimate tells them apart. */
    static final List<String> ORDER = List.of(Stage.CHECKING, Stage.BUILDING_ONCE, Stage.TIMING_BUILDS, Stage.TIMING_KERNELS,
            Stage.COUNTING, Stage.ANALYSIS);

    public RunEstimate {
        stagesMs = Map.copyOf(stagesMs);
    }

    /** The estimate of one stage, 0 where it has none. */
    double stage(String name) {
        return stagesMs.getOrDefault(name, 0.0);
    }

    /** What the stages after this one will take by the estimate; 0 after a stage it does not know (a decision's extra builds). */
    double after(String name) {
        int i = ORDER.indexOf(name);
        if (i < 0) return 0;
        double sum = 0;
        for (int j = i + 1; j < ORDER.size(); j++) sum += stage(ORDER.get(j));
        return sum;
    }

    /**
     * The forks' likely time: warm-up and calibration before each function's samples usually take about twice the
     * samples themselves (a warm-up ends as soon as the median settles), so three times the samples' least, never
     * beyond the bound with every warm-up at its limit.
     */
    static double likelyForks(double least, double most) {
        return Math.min(most, 3 * least);
    }

    /** The whole run by the estimate. */
    double totalMs() {
        return buildsMs + likelyForks(forksLeastMs, forksMostMs) + stage(Stage.COUNTING);
    }

    /** Builds each profile makes besides the timed ones: the preparation build and the two analysis builds. */
    static final int UNTIMED_BUILDS = 3;

    /**
     * @param seenMs one build's wall time per profile where known (any subset)
     * @return empty when no build time is known, so there is nothing to scale
     */
    public static Optional<RunEstimate> of(List<Profile> profiles, Map<String, Double> seenMs, String basis, int builds,
                                           List<Kernel> kernels, MeasureConfig.Timing timing, int libraries) {
        return of(profiles, seenMs, basis, builds, 0, 1, kernels, timing, libraries, false);
    }

    /**
     * Cachegrind's time for one kernel function: two runs (a base and one with more calls), each Valgrind's start and
     * the inputs of n generated under it, two at a time on two cores. Measured here: 84 functions at n up to 4096 in
     * 23 to 25 s.
     */
    static double countingMs(int n) {
        return 2 * (250 + n * 0.0012);
    }

    /**
     * @param seenMs     one whole build's wall time per profile where known (any subset): the first build, or a clean one
     * @param wholeBuilds timed builds of the whole graph (or of what a whole build costs) per profile
     * @param leafBuilds timed builds of the crate alone per profile (the leaf-only scenarios)
     * @param leafShare  the crate's own rustc's share of a whole build's wall time (1 where unknown): what a leaf-only
     *                   build or an analysis build costs, so that a crate with heavy dependencies is not estimated as if
     *                   every build rebuilt them
     * @return empty when no build time is known, so there is nothing to scale
     */
    public static Optional<RunEstimate> of(List<Profile> profiles, Map<String, Double> seenMs, String basis, int wholeBuilds,
                                           int leafBuilds, double leafShare, List<Kernel> kernels, MeasureConfig.Timing timing,
                                           int libraries, boolean counting) {
        double[] ratios = profiles.stream().filter(p -> seenMs.get(p.name()) != null)
                .mapToDouble(p -> seenMs.get(p.name()) / ShardPlan.buildCost(p)).sorted().toArray();
        if (ratios.length == 0) return Optional.empty();
        double scale = ratios[ratios.length / 2];
        double once = 0;
        double timed = 0;
        double analysis = 0;
        for (Profile p : profiles) {
            double one = seenMs.getOrDefault(p.name(), scale * ShardPlan.buildCost(p));
            once += one * (1 + ShardPlan.pipelineCost(p) / ShardPlan.buildCost(p));
            timed += one * (wholeBuilds + leafShare * leafBuilds);
            analysis += one * leafShare * (UNTIMED_BUILDS - 1);
        }
        double sampleMs = timing.samples() * timing.minSampleMs();
        double least = 0;
        double most = 0;
        for (Kernel k : kernels) {
            int functions = k.gradient() == null ? 1 : 2;
            for (int ignored : k.sizes()) {
                // Every library's functions, and the empty kernel that measures the timer's overhead.
                least += (libraries * functions + 1) * sampleMs;
                most += (libraries * functions + 1) * sampleMs + libraries * functions * timing.warmupMaxMs();
            }
        }
        // Each profile's kernel functions are counted once (the control is not), on every core.
        double counts = 0;
        if (counting) {
            for (Kernel k : kernels) {
                for (int n : k.sizes()) counts += (libraries - 1) * (k.gradient() == null ? 1 : 2) * countingMs(n);
            }
            counts /= Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        return Optional.of(new RunEstimate(once + timed + analysis, least * timing.forks(), most * timing.forks(), basis, Map.of(Stage.BUILDING_ONCE, once, Stage.TIMING_BUILDS, timed, Stage.ANALYSIS, analysis,
                        Stage.TIMING_KERNELS, likelyForks(least, most) * timing.forks(), Stage.COUNTING, counts)));
    }

    /**
     * From the stage times of the last run in this output folder, each scaled by how much more or less work this run's
     * stage has: builds by the cost model of the profiles built, forks by libraries, kernel functions and forks.
     *
     * @return empty where the last report has no stage times or did no work to scale from
     */
    public static Optional<RunEstimate> fromLastRun(Report last, List<Profile> building, int builds,
                                                    List<Kernel> kernels, MeasureConfig.Timing timing, int libraries) {
        if (last == null || last.stagesMs() == null || last.profiles() == null) return Optional.empty();
        List<ProfileResult> built = last.profiles().stream()
                .filter(p -> p.compile() != null && !p.compile().isEmpty()).toList();
        double lastCost = 0;
        double lastPipeline = 0;
        double lastTimed = 0;
        for (ProfileResult p : built) {
            Profile q = profileOf(p);
            double c = q == null ? 1 : ShardPlan.buildCost(q);
            lastCost += c;
            lastPipeline += c + (q == null ? 0 : ShardPlan.pipelineCost(q));
            lastTimed += c * p.compile().values().stream().mapToInt(f -> f.cpuMs() == null ? 0 : f.cpuMs().runs()).sum();
        }
        int lastForks = 0;
        double lastKernelWork = 0;
        int lastCounted = 0;
        for (ProfileResult p : built) {
            if (p.kernels() == null) continue;
            for (var k : p.kernels()) {
                int fns = k.gradientNs() == null ? 1 : 2;
                if (k.primalNs() != null) lastForks = Math.max(lastForks, k.primalNs().runs());
                lastKernelWork += fns;
                if (k.primalInstructions() != null) lastCounted += fns;
            }
        }
        double cost = building.stream().mapToDouble(ShardPlan::buildCost).sum();
        double pipeline = building.stream().mapToDouble(p -> ShardPlan.buildCost(p) + ShardPlan.pipelineCost(p)).sum();
        double kernelWork = kernels.stream().mapToDouble(k -> (k.gradient() == null ? 1 : 2) * k.sizes().size()).sum();
        // Per library: the last run's kernel work counts each profile once; the control adds one library to this run's.
        double forkUnitsNow = libraries * kernelWork * timing.forks();
        double forkUnitsThen = (lastKernelWork + (lastKernelWork / Math.max(1, built.stream().filter(p -> p.kernels() != null).count())))
                * lastForks;
        Map<String, Double> st = last.stagesMs();
        Map<String, Double> stages = new java.util.LinkedHashMap<>();
        stages.put(Stage.BUILDING_ONCE, scale(st.get(Stage.BUILDING_ONCE), pipeline, lastPipeline));
        stages.put(Stage.TIMING_BUILDS, scale(st.get(Stage.TIMING_BUILDS), cost * builds, lastTimed));
        stages.put(Stage.ANALYSIS, scale(st.get(Stage.ANALYSIS), cost, lastCost));
        stages.put(Stage.TIMING_KERNELS, scale(st.get(Stage.TIMING_KERNELS), forkUnitsNow, forkUnitsThen));
        stages.put(Stage.COUNTING, scale(st.get(Stage.COUNTING), (libraries - 1) * kernelWork, lastCounted));
        double buildsMs = stages.get(Stage.BUILDING_ONCE) + stages.get(Stage.TIMING_BUILDS) + stages.get(Stage.ANALYSIS);
        double forksMs = stages.get(Stage.TIMING_KERNELS);
        if (buildsMs <= 0 && forksMs <= 0 && stages.get(Stage.COUNTING) <= 0) return Optional.empty();
        return Optional.of(new RunEstimate(buildsMs, forksMs, forksMs, "the last run's stage times, scaled to this run's"
                + " profiles and builds", stages));
    }

    private static double scale(Double ms, double now, double then) {
        return ms == null || then <= 0 ? 0 : ms * now / then;
    }

    /** The profile as the report keeps its settings, for the cost model; null where they no longer parse. */
    private static Profile profileOf(ProfileResult p) {
        Map<String, String> raw = new java.util.LinkedHashMap<>();
        raw.put("name", p.name());
        p.settings().forEach((k, v) -> raw.put(k, v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                : String.valueOf(v)));
        try {
            return ProfileParser.parse(raw);
        } catch (ProfileException | RuntimeException e) {
            return null;
        }
    }

    public String text() {
        double forks = likelyForks(forksLeastMs, forksMostMs);
        double counts = stage(Stage.COUNTING);
        return "about " + minutes(buildsMs + forks + counts) + " (builds " + minutes(buildsMs) + (forksLeastMs > 0 ? ", kernel forks "
                + minutes(forks) + (forksMostMs > forks * 1.5 ? ", at most " + minutes(forksMostMs) + " with every warm-up at its"
                + " bound" : "") : "") + (counts > 0 ? ", instruction counts " + minutes(counts) : "") + ", from " + basis
                + "; more if the decision asks for more builds or forks)";
    }

    private static String minutes(double ms) {
        return ms < 60_000 ? Math.max(1, Math.round(ms / 1000)) + " s" : Math.round(ms / 60_000) + " min";
    }
}
