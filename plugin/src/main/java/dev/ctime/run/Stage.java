package dev.ctime.run;

/**
 * The stages of a measuring run, by the names the log, an interrupted report ("interrupted while …")
 * and report.json's stage times use: one spelling, since the next run's estimate reads the times back
 * by these names and resume reads the interruption.
 */
final class Stage {
    static final String CHECKING = "checking the configuration";
    static final String BUILDING_ONCE = "building the profiles once";
    static final String TIMING_BUILDS = "timing builds";
    static final String ANALYSIS = "running the analysis builds";
    static final String TIMING_KERNELS = "timing kernels";
    static final String COUNTING = "counting instructions";
    static final String BUILDS_FOR_DECISION = "timing builds for the decision";
    static final String WRITING = "writing the report";

    private Stage() {
    }
}
