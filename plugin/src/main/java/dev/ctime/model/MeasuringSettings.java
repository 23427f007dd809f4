package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a run measured: what a reader needs to judge its figures and to repeat the run. Older
 * reports lack some of these (they are then absent), so every figure is boxed.
 *
 * @param trainingSeed        the seed of PGO/BOLT training inputs, where a profile trained
 * @param inputRange          kernel inputs are drawn uniformly from this range
 * @param hardwareCounters    whether perf could count instructions, and why not
 * @param instructionCounts   how kernels' instructions were counted, or why not, as a sentence
 * @param instructionCountState the same as a state, which resume and the gate read (absent before schema 12)
 * @param incrPatchedEdit     what the incr-patched scenario changes
 * @param compileTimeMeasures which process the build figures are of
 * @param maxRepeat           the cap on builds per profile and scenario
 * @param forksRun            kernel forks actually run
 * @param extraForks          what the forks beyond ctime.forks were for (the decision they hung on) and why they stopped
 * @param extraBuilds         likewise for the builds beyond ctime.repeat
 * @param clockResolutionNs   the harness clock's resolution
 * @param statistics          which statistics the figures and comparisons use
 * @param mergedShards        in a report merged from shards, how many
 * @param search              exhaustive, or race (ctime.search): in a race, the profiles that left have fewer runs
 * @param repeat timed builds per profile and scenario before adaptive ones (ctime.repeat)
 * @param scenarios the build scenarios timed
 * @param forks kernel forks before adaptive ones (ctime.forks)
 * @param samples timed batches per kernel and fork, at least
 * @param minSampleMs the shortest timed batch (ms)
 * @param warmupMaxMs the most warm-up per kernel and fork (ms)
 * @param seed the seed of the timing inputs
 * @param inputGenerator how kernel inputs are drawn
 * @param gradientTolerance the largest relative error a gradient check accepts
 * @param targetPrecision the relative half-width of a median's interval at which extra runs stop
 * @param maxForks the cap on kernel forks
 * @param thresholds the practical thresholds of the comparisons, by kind of figure
 * @param deschedThreshold a batch whose wall time exceeds its CPU time by this share is left out
 * @param builds the builds a period of the workload pays for, where more than one build of one scenario
 *               (ctime.builds, e.g. clean=1,edit=20): the decision's build cost is their sum
 * @param inherit whether the crate's own profile settings reached every profile (crate) or Cargo's defaults were
 *                pinned instead (none)
 * @param pinCpu the CPU kernel forks were pinned to, or -1 for none (ctime.pinCpu; absent before schema 13)
 * @param features the crate features every profile enabled (ctime.features), absent where none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasuringSettings(Integer repeat, List<String> scenarios, Integer forks, Integer samples, Double minSampleMs,
                                Long warmupMaxMs, Long seed, Long trainingSeed, String inputGenerator, List<Double> inputRange,
                                Double gradientTolerance, String hardwareCounters, String instructionCounts,
                                String incrPatchedEdit, String compileTimeMeasures, Double targetPrecision, Integer maxRepeat,
                                Integer maxForks, Integer forksRun, String extraForks, String extraBuilds, Long clockResolutionNs,
                                Thresholds thresholds, Double deschedThreshold, String statistics, Integer mergedShards,
                                String search, String builds, String inherit, InstructionCountState instructionCountState,
                                Integer pinCpu, List<String> features) {

    public MeasuringSettings withMergedShards(int n) {
        return new MeasuringSettings(repeat, scenarios, forks, samples, minSampleMs, warmupMaxMs, seed, trainingSeed, inputGenerator,
                inputRange, gradientTolerance, hardwareCounters, instructionCounts, incrPatchedEdit, compileTimeMeasures,
                targetPrecision, maxRepeat, maxForks, forksRun, extraForks, extraBuilds, clockResolutionNs, thresholds, deschedThreshold, statistics,
                n, search, builds, inherit, instructionCountState, pinCpu, features);
    }
}
