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
 */
public record MeasureConfig(Path manifest, Path workDir, List<Profile> profiles, List<String> only, List<Kernel> kernels,
                            List<Scenario> scenarios, int repeat, int forks, double minSampleMs, int samples,
                            long warmupMaxMs, int pinCpu, long seed, double gradientTolerance, Duration buildTimeout,
                            Duration runTimeout, String autodiffFeature, String label, Map<String, String> userEnv, Path patchFile) {
}
