package dev.ctime.mojo;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that write a report and judge it: ctime:measure and ctime:merge. */
abstract class JudgingParameters extends AbstractMojo {
    /** Where reports, logs and each profile's build go. */
    @Parameter(property = "ctime.outputDirectory", defaultValue = "${project.build.directory}/ctime")
    File outputDirectory;

    /** Run-time differences smaller than this share are indistinguishable, however significant. */
    @Parameter(property = "ctime.runtimeThreshold", defaultValue = "0.01")
    double runtimeThreshold;

    /** Build time and memory differences smaller than this share are indistinguishable, however significant. */
    @Parameter(property = "ctime.compileThreshold", defaultValue = "0.02")
    double compileThreshold;

    /** One line per run is appended here; may live outside target/ to survive cleans. */
    @Parameter(property = "ctime.historyFile", defaultValue = "${project.build.directory}/ctime/history.jsonl")
    File historyFile;

    /** The scenario whose build time report.html's trade-off chart uses (default: the first measured). */
    @Parameter(property = "ctime.chartScenario")
    String chartScenario;

    /** The kernel whose run time report.html's trade-off chart uses (default: the first). */
    @Parameter(property = "ctime.chartKernel")
    String chartKernel;

    /** Kernel calls expected per build, for the recommendation. */
    @Parameter(property = "ctime.expectedCalls", defaultValue = "1000000")
    double expectedCalls;
}
