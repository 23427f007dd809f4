package dev.ctime.run;

import dev.ctime.compile.Scenario;
import dev.ctime.kernel.Kernel;
import dev.ctime.profile.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A validated measuring job: everything the mojo read, checked, with defaults applied.
 *
 * @param profiles        explicit profiles, or empty for ctime's presets
 * @param only            profile names selected with ctime.profiles, or empty for all
 * @param workDir         target/ctime
 * @param userEnv         the environment cargo would see (RUSTFLAGS and friends are respected)
 * @param patchFile       the incr-patched edit as a unified diff against the crate folder, or null
 * @param resume          reuse the finished profiles of the last report whose settings, toolchain, sources and
 *                        measuring settings are unchanged
 * @param instructions    "auto": count kernels' instructions under Cachegrind where Valgrind is installed; "all":
 *                        the leaf build's rustc too; "off"
 * @param sharding        the slice of the matrix this run measures (ctime.shard), or null for all of it
 * @param forkClasspath   the kernel forks' classpath (the plugin's runtime artifacts), or null for this code's own
 */
public record MeasureConfig(Path manifest, Path workDir, List<Profile> profiles, List<String> only, List<Kernel> kernels,
                            List<Scenario> scenarios, int repeat, int forks, double minSampleMs, int samples,
                            long warmupMaxMs, int pinCpu, long seed, double gradientTolerance, Duration buildTimeout,
                            Duration runTimeout, String autodiffFeature, String label, Map<String, String> userEnv, Path patchFile,
                            Precision precision, Judging judging, String instructions,
                            boolean resume, Sharding sharding, String forkClasspath) {
    /**
     * @param anchor     the profile every shard measures, so shards on different runners compare
     * @param knownCosts an earlier run's build CPU time per profile, to balance the shards (may be empty)
     */
    public record Sharding(dev.ctime.shard.Shard shard, String anchor, Map<String, Double> knownCosts) {
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
     */
    public record Precision(double target, int maxRepeat, int maxForks, Duration kernelBudget, Duration kernelTimeout,
                            double deschedThreshold) {
    }

    /**
     * How to decide: the reference every profile is compared with, the practical thresholds, and
     * the recommendation's subject.
     *
     * @param scenario null for the first measured; @param kernel null for the first configured
     */
    public record Judging(String reference, dev.ctime.verdict.Thresholds thresholds, double expectedCalls, String scenario,
                          String kernel) {
    }
}
