package dev.ctime.model;

import dev.ctime.kernel.KernelTiming;
import dev.ctime.stats.Summary;
import java.util.List;
import java.util.Map;

/**
 * Everything measured for one profile. Whatever was measured before a failure stays.
 *
 * @param status   ok, failed or skipped
 * @param settings the profile as the user wrote it
 * @param applied  what ctime actually ran: cargo arguments, environment, rustflags and their
 *                 route, the leaf rustc command line
 * @param compile  scenario id to figures
 * @param analysis from untimed builds: phase split, codegen units used, top LLVM IR producers
 * @param pipeline for PGO and BOLT profiles, the training pipeline's stages (absent otherwise)
 */
public record ProfileResult(String name, Status status, String reason, Map<String, Object> settings,
                            Applied applied, String toolchain, Map<String, ScenarioFigures> compile,
                            Analysis analysis,
                            Long artifactBytes, Summary harnessOverheadNs, Boolean pinned, List<KernelTiming> kernels,
                            List<String> warnings, Pipeline pipeline) {
}
