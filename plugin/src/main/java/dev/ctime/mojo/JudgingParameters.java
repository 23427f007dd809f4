package dev.ctime.mojo;

import dev.ctime.model.Problem;
import dev.ctime.verdict.Workloads;
import dev.ctime.render.ConsoleTable;
import dev.ctime.model.Workload;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/** The parameters of the goals that write a report and judge it: ctime:measure and ctime:merge. */
abstract class JudgingParameters extends AbstractMojo {
    /** ctime's lines within the console's width, as every goal's. */
    @Override
    public org.apache.maven.plugin.logging.Log getLog() {
        return new WrappedLog(super.getLog());
    }

    /** Where reports, logs and each profile's build go. */
    @Parameter(property = "ctime.outputDirectory", defaultValue = "${project.build.directory}/ctime")
    File outputDirectory;

    /** Run-time differences smaller than this share never count as different; intervals within it are equivalent. */
    @Parameter(property = "ctime.runtimeThreshold", defaultValue = "0.01")
    String runtimeThreshold;

    /** Build time and memory differences smaller than this share never count as different; intervals within it are equivalent. */
    @Parameter(property = "ctime.compileThreshold", defaultValue = "0.02")
    String compileThreshold;

    /**
     * How far a recommendation may be from the best profile, as a share of the workload's cost per build (build plus
     * run), and still count as settled; above it the recommendation is bounded and says by how much it could be wrong.
     */
    @Parameter(property = "ctime.tolerance", defaultValue = "0.02")
    String tolerance;

    /** One line per run is appended here; may live outside target/ to survive cleans. */
    @Parameter(property = "ctime.historyFile", defaultValue = "${project.build.directory}/ctime/history.jsonl")
    File historyFile;

    /** The scenario whose build time report.html's trade-off chart uses (default: the first measured). */
    @Parameter(property = "ctime.chartScenario")
    String chartScenario;

    /**
     * A kernel whose own trade-off chart report.html adds beside the workload's (the decision always weighs the
     * whole workload).
     */
    @Parameter(property = "ctime.chartKernel")
    String chartKernel;

    /** Kernel calls expected per build: with no workload, each kernel at its largest size is called this often. */
    @Parameter(property = "ctime.expectedCalls", defaultValue = "1000000")
    String expectedCalls;

    /**
     * What one build is used for, weighed by the decision:
     * {@code <workload><item><kernel>heat</kernel><n>4096</n><function>gradient</function><calls>1e6</calls></item></workload>}.
     * Default: every kernel at its largest size (its gradient where it has one), each with ctime.expectedCalls calls.
     */
    @Parameter
    PlexusConfiguration workload;

    /** The workload on the command line, {@code kernel@n:function=calls,…} (e.g. heat@4096:gradient=1e6); replaces {@code <workload>}. */
    @Parameter(property = "ctime.workload")
    String workloadProperty;

    /**
     * How the application calls its kernels, for every workload item that does not say: jna (an interface mapping),
     * jna-direct (Native.register), jni, ffm or ffm-critical (java.lang.foreign, JDK 22+), with :array where the data
     * is in a Java double[] (off-heap by default), e.g. jna:array. The workload's run cost then includes what the
     * binding adds to each call. Not set: the kernels alone.
     */
    @Parameter(property = "ctime.binding")
    String binding;

    /**
     * What the console prints after a run: compact (the tables, the warnings and the verdict) or full (also every
     * ratio with its interval, the instruction counts, and the autodiff and PGO details kernel by kernel).
     */
    @Parameter(property = "ctime.console", defaultValue = ConsoleTable.COMPACT)
    String console;

    /** The problem with ctime.console, or null. */
    String consoleProblem() {
        return List.of(ConsoleTable.COMPACT, ConsoleTable.FULL).contains(console) ? null : "ctime.console is '" + console
                + "': use " + ConsoleTable.COMPACT + " (the tables, the warnings and the verdict) or " + ConsoleTable.FULL
                + " (every ratio, the instruction counts, the details kernel by kernel)";
    }

    boolean fullConsole() {
        return ConsoleTable.FULL.equals(console);
    }

    @Parameter(defaultValue = "${session}", readonly = true)
    org.apache.maven.execution.MavenSession session;

    /** The -D properties of this Maven run. */
    java.util.Properties userProperties() {
        return session == null ? new java.util.Properties() : session.getUserProperties();
    }

    /** Every -Dctime.* property no goal of ctime reads (a misspelt one would be ignored silently), added to {@code problems}. */
    void unknownProperties(List<String> problems) {
        problems.addAll(PropertyNames.unknown(userProperties().stringPropertyNames(),
                PropertyNames.known(getClass().getClassLoader())));
    }

    /** The configured workload, null for the default; every malformed item is added to {@code problems}, spelt for Maven. */
    Workload workload(List<String> problems) {
        List<String> said = new ArrayList<>();
        Workload w;
        try {
            w = Workloads.configured(workloadProperty, workloadItems(), said);
        } catch (IllegalArgumentException e) {
            said.add(e.getMessage());
            w = null;
        }
        said.forEach(s -> problems.add(spelt(Problem.of("workload", s))));
        return w;
    }

    /** Items of {@code <workload>} as the core reads them, or null where there is no such element. */
    List<Map<String, String>> workloadItems() {
        return workload == null ? null : ConfigElements.children(workload, "item");
    }

    /** A problem's sentence with every setting spelt as a Maven user writes it: -D property where it has one, else element. */
    String spelt(Problem p) {
        return Spelling.of(getClass(), p);
    }
}
