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
 * @param units        for the scenarios that time the whole graph (clean, edit): each unit's medians, costliest first;
 *                     the scenario's own wall and CPU are then cargo's whole process tree (build scripts' runs and
 *                     cargo's own work included), and the units say where it went
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioFigures(Summary wallMs, Summary cpuMs, Summary maxRssKb, Summary cargoWallMs, Summary instructions,
                              List<Interference> interference, List<BuildUnit> units) {
    public ScenarioFigures(Summary wallMs, Summary cpuMs, Summary maxRssKb, Summary cargoWallMs, Summary instructions,
                           List<Interference> interference) {
        this(wallMs, cpuMs, maxRssKb, cargoWallMs, instructions, interference, null);
    }
}
