package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a PGO or BOLT profile pays beyond its final build, stage by stage. The timed builds of such
 * a profile are its final build; these stages run once per pipeline (each build that ships the
 * optimised library pays them again), so the break-even adds their CPU time to the build cost.
 *
 * @param trainingSeed the seed of the training inputs; the timed runs use another
 * @param trainedOn    which kernels and sizes the training ran
 * @param stages the stages in order: instrumented build, training, merge, optimised build, BOLT
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pipeline(List<PipelineStage> stages, long trainingSeed, String trainedOn) {
    public Pipeline {
        stages = List.copyOf(stages);
    }

    @JsonIgnore
    public double cpuMs() {
        return stages.stream().mapToDouble(PipelineStage::cpuMs).sum();
    }

    @JsonIgnore
    public double wallMs() {
        return stages.stream().mapToDouble(PipelineStage::wallMs).sum();
    }
}
