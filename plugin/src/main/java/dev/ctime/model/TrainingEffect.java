package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What PGO and BOLT buy and cost, per trained profile, against the same profile without them
 * (its settings minus pgo and bolt): the pipeline's cost measured once, the final build against
 * the untrained build, the two together, and each kernel's primal and gradient, as ratios with
 * their 95% intervals by the rule every other comparison uses.
 *
 * @param builds one per trained profile that built
 * @param rows   one per trained profile, kernel and size measured on both sides
 * @param scenario the build scenario whose figures are compared
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingEffect(String scenario, List<Build> builds, List<Row> rows) {

    /**
     * @param against         the untrained twin, or the reference where the run has no twin
     * @param twin            whether {@code against} is the same profile without pgo and bolt
     * @param buildCpu        the final (timed) build's CPU time against the untrained build's
     * @param withPipeline    the final build plus the pipeline, against the untrained build: what each shipped build costs
     * @param profile the trained profile's name
     * @param trained PGO, BOLT or PGO+BOLT
     * @param pipeline the training pipeline, stage by stage
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Build(String profile, String trained, String against, boolean twin, Pipeline pipeline, Comparison buildCpu,
                        Comparison withPipeline) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * @param profile the trained profile's name
     * @param against the profile it is compared with
     * @param kernel the kernel's name
     * @param n its input size
     * @param primal the trained build's primal against the other's
     * @param gradient likewise for the gradient
     */
    public record Row(String profile, String against, String kernel, int n, Comparison primal, Comparison gradient) {
    }
}
