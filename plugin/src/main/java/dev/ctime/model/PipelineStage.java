package dev.ctime.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One stage of a profile's training pipeline, measured once (wall time and the CPU time of its
 * whole process tree, by wait4).
 *
 * @param stage  what ran: instrumented build, training, merge, BOLT instrumentation, rewrite
 * @param detail what exactly: the command, the files, the inputs
 * @param wallMs the stage's wall time
 * @param cpuMs its CPU time, children included
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineStage(String stage, double wallMs, double cpuMs, String detail) {
    /** The layout options the BOLT stage optimises a library with: the report's snippet tells a team to use the same. */
    public static final List<String> BOLT_OPTIONS = List.of("-reorder-blocks=ext-tsp", "-reorder-functions=cdsort",
            "-split-functions", "-split-all-cold", "-dyno-stats");
}
