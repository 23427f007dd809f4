package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A scenario's figures in one profile, each over all repetitions.
 *
 * @param wallMs       the leaf crate's rustc process, wall time
 * @param cpuMs        its user + system CPU time, children (linker) included
 * @param maxRssKb     the peak resident set of the largest process in that tree
 * @param cargoWallMs  the whole cargo invocation, fingerprinting included
 * @param instructions the leaf rustc's instructions:u, where the machine offers counters (else absent)
 * @param interference per build, in the order of the samples: what else used the machine meanwhile
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioFigures(Summary wallMs, Summary cpuMs, Summary maxRssKb, Summary cargoWallMs, Summary instructions,
                              List<Interference> interference) {
}
