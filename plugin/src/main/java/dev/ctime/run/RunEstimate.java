package dev.ctime.run;

import dev.ctime.kernel.Kernel;
import dev.ctime.profile.Profile;
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
 */
public record RunEstimate(double buildsMs, double forksLeastMs, double forksMostMs, String basis) {
    /** Builds each profile makes besides the timed ones: the preparation build and the two analysis builds. */
    static final int UNTIMED_BUILDS = 3;

    /**
     * @param seenMs one build's wall time per profile where known (any subset)
     * @return empty when no build time is known, so there is nothing to scale
     */
    public static Optional<RunEstimate> of(List<Profile> profiles, Map<String, Double> seenMs, String basis, int builds,
                                           List<Kernel> kernels, MeasureConfig.Timing timing, int libraries) {
        double[] ratios = profiles.stream().filter(p -> seenMs.get(p.name()) != null)
                .mapToDouble(p -> seenMs.get(p.name()) / ShardPlan.buildCost(p)).sorted().toArray();
        if (ratios.length == 0) return Optional.empty();
        double scale = ratios[ratios.length / 2];
        double buildsMs = 0;
        for (Profile p : profiles) {
            double one = seenMs.getOrDefault(p.name(), scale * ShardPlan.buildCost(p));
            buildsMs += one * (builds + UNTIMED_BUILDS + ShardPlan.pipelineCost(p) / ShardPlan.buildCost(p));
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
        return Optional.of(new RunEstimate(buildsMs, least * timing.forks(), most * timing.forks(), basis));
    }

    public String text() {
        double least = buildsMs + forksLeastMs;
        double most = buildsMs + forksMostMs;
        return "about " + minutes(least) + (minutes(most).equals(minutes(least)) ? "" : " to " + minutes(most))
                + " (builds " + minutes(buildsMs) + " from " + basis + (forksLeastMs > 0 ? "; kernel forks " + minutes(forksLeastMs)
                + (forksMostMs > forksLeastMs ? " to " + minutes(forksMostMs) : "") + " from the timing settings" : "")
                + "; more if the decision asks for more builds or forks)";
    }

    private static String minutes(double ms) {
        return ms < 60_000 ? Math.max(1, Math.round(ms / 1000)) + " s" : Math.round(ms / 60_000) + " min";
    }
}
