package dev.ctime.pgo;

import dev.ctime.model.PipelineStage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the training workload, the configured kernels through ctime's own harness, on an
 * instrumented library, with inputs from {@link #seed()} rather than the timed ones.
 */
public interface Trainer {
    /**
     * @param env variables for the training process (where the instrumented library writes its profile)
     * @param dir folder for the training's plan, progress and logs
     * @throws IOException when the training did not finish: the message says why
     */
    PipelineStage train(String stage, String profile, Path library, Map<String, String> env, Path dir)
            throws IOException, InterruptedException;

    long seed();

    /** The kernels and sizes trained on, in words. */
    String workload();
}
