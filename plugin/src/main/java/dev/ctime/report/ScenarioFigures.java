package dev.ctime.report;

import dev.ctime.stats.Summary;

/**
 * A scenario's figures in one profile, each over all repetitions.
 *
 * @param wallMs      the leaf crate's rustc process, wall time
 * @param cpuMs       its user + system CPU time, children (linker) included
 * @param maxRssKb    the peak resident set of the largest process in that tree
 * @param cargoWallMs the whole cargo invocation, fingerprinting included
 * @param instructions the leaf rustc's instructions:u, where the machine offers counters (else absent)
 */
public record ScenarioFigures(Summary wallMs, Summary cpuMs, Summary maxRssKb, Summary cargoWallMs, Summary instructions) {
}
