package dev.ctime.run;

import dev.ctime.model.Problem;
import dev.ctime.model.Decision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The measure goal's settings as a build tool hands them over, nothing checked yet: the mojo fills
 * it field by field and {@link ConfigurationProcessor} turns it into a {@link MeasureConfig} or
 * into every problem at once. Elements are their children's text (a profile as name → value).
 */
public final class RawConfiguration {
    public Path manifest;
    public Path outputDirectory;
    public Path historyFile;
    public List<Map<String, String>> profiles = List.of();
    public Map<String, String> matrix;
    public List<Map<String, String>> kernels = List.of();
    /** What went wrong reading the elements themselves (a child that is not a profile, say), as the reader said it. */
    public List<String> elementProblems = new ArrayList<>();
    /** Values that could not be read as what their setting takes (a number), each as its setting's problem. */
    public List<Problem> valueProblems = new ArrayList<>();
    public String selectProfiles;
    /** Cargo features every profile enables, comma-separated (ctime.features), or null. */
    public String features;
    public String scenarios = Decision.DEFAULT_SCENARIO;
    public int repeat;
    public int maxRepeat;
    public int forks;
    public int maxForks;
    public int kernelBudgetSeconds;
    public int quietSeconds;
    public double targetPrecision;
    public int kernelTimeoutSeconds;
    public double deschedThreshold;
    public String reference;
    public int samples;
    public double minSampleMs;
    public long warmupMaxMs;
    public int pinCpu;
    public long seed;
    public double gradientTolerance;
    public int buildTimeoutSeconds;
    public int runTimeoutSeconds;
    public String autodiffFeature;
    public Path patchFile;
    public String label;
    public String instructions;
    public boolean resume;
    public String search;
    public String searchBudget;
    public String shard;
    public int maxProfiles;
    public String anchor;
    public double runtimeThreshold;
    public double compileThreshold;
    public double tolerance;
    public String chartScenario;
    /** ctime.builds: the builds per period of the workload, e.g. clean=1,edit=20; null for one of the first scenario. */
    public String builds;
    /** ctime.inherit: crate (the crate's own profile settings reach ctime's profiles) or none (Cargo's defaults). */
    public String inherit = "crate";
    /** ctime.analysis: the untimed analysis builds (phases, codegen units, LLVM IR lines, Enzyme's trace). */
    public boolean analysis = true;
    public double expectedCalls;
    /** The workload as one line (kernel@n:function=calls, …); replaces {@link #workloadItems} where given. */
    public String workload;
    /** The workload as items (kernel, n, function, calls); null where none is configured. */
    public List<Map<String, String>> workloadItems;
    /** ctime.binding: how the application calls the kernels (jna, jna-direct, jni, ffm, ffm-critical[:array]); null for none. */
    public String binding;
    /** ctime.jdk: the JDK home the kernel forks run on (22 or newer for the FFM binding); null for Maven's own. */
    public Path jdk;
    /** ctime.callers: whether the kernel forks also call every function from Java, binding by binding. */
    public boolean callers = true;
    public String forkClasspath;
    public Map<String, String> env = Map.of();
}
