package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
 * @param name the profile's name
 * @param reason why it failed, was skipped or is incomplete; absent when ok
 * @param toolchain the rustup toolchain it built with (absent: the directory's own)
 * @param artifactBytes the built library's size in bytes
 * @param harnessOverheadNs the harness's own cost per call: an empty kernel through the same timing loop
 * @param pinned whether the kernel forks ran pinned to one CPU
 * @param kernels every kernel at every size, as timed and counted
 * @param warnings what makes this profile's figures less reliable, one sentence each
 */
public record ProfileResult(String name, Status status, String reason, Map<String, Object> settings,
                            Applied applied, String toolchain, Map<String, ScenarioFigures> compile,
                            Analysis analysis,
                            Long artifactBytes, Summary harnessOverheadNs, Boolean pinned, List<KernelTiming> kernels,
                            List<String> warnings, Pipeline pipeline) {
    /** The profile typed, from its settings: what every rule reads (not named getX: a report keeps only the settings). */
    @JsonIgnore
    public Profile profile() {
        return Profile.of(name, settings);
    }
}
