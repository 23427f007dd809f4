package dev.ctime.kernel;

import dev.ctime.model.Binding;
import dev.ctime.store.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Native;
import dev.ctime.exec.Processes;
import dev.ctime.harness.KernelLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link KernelRunner} in a fresh JVM, as JMH forks do, and watches it: a fork that stops
 * reporting progress for longer than the per-kernel limit is killed, and how a fork ended
 * (exit, signal, hang) is told with the kernel it was running.
 */
public final class ForkLauncher {
    private final Path javaExecutable;
    private final List<String> jvmArgs;
    private final Duration forkTimeout;
    private final Duration kernelTimeout;
    private Duration startup = STARTUP;
    private final String classpath;

    /** @param classpath the fork's classpath: the plugin's own artifacts, or null for where this code was loaded from */
    public ForkLauncher(Path javaExecutable, List<String> jvmArgs, Duration forkTimeout, Duration kernelTimeout, String classpath) {
        this.classpath = classpath == null || classpath.isBlank() ? classpath() : classpath;
        this.javaExecutable = javaExecutable;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.forkTimeout = forkTimeout;
        this.kernelTimeout = kernelTimeout;
    }

    /**
     * A small serial-GC heap keeps GC threads out of the way of the measuring thread; it is sized
     * from the largest kernel size, since the fork holds a few arrays of n doubles on the heap.
     */
    public static ForkLauncher ofCurrentJvm(Duration forkTimeout, Duration kernelTimeout, long largestN, String classpath) {
        return ofJdk(null, forkTimeout, kernelTimeout, largestN, classpath);
    }

    /**
     * Forks on the JDK at {@code home} (ctime.jdk), or on this JVM's where null. On JDK 22 and newer the forks may call
     * native code without a warning (--enable-native-access): JNA and the FFM binding do.
     */
    public static ForkLauncher ofJdk(Path home, Duration forkTimeout, Duration kernelTimeout, long largestN, String classpath) {
        Path java = (home == null ? Path.of(System.getProperty("java.home")) : home).resolve("bin").resolve("java");
        List<String> args = new java.util.ArrayList<>(
                List.of("-XX:+UseSerialGC", "-Xmx" + heapMb(largestN) + "m", "-Xshare:auto", "-XX:-CreateCoredumpOnCrash"));
        int feature = home == null ? Runtime.version().feature() : featureOf(home);
        if (feature >= Binding.FIRST_FFM_JDK) args.add("--enable-native-access=ALL-UNNAMED");
        return new ForkLauncher(java, args, forkTimeout, kernelTimeout, classpath);
    }

    /** The feature release of the JDK at {@code home} (25 for 25.0.3), from its release file; 0 where it does not say. */
    public static int featureOf(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                Matcher m = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)").matcher(line);
                if (m.find()) return Integer.parseInt(m.group(1));
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /**
     * Heap for the inputs, the finite-difference copy and the gradient read back: 3 arrays of n doubles, twice over,
     * since arrays that large go straight to the old generation, which the serial collector gives two thirds of the heap.
     */
    public static long heapMb(long largestN) {
        return Math.max(256, 128 + (2 * 3 * 8 * largestN) / (1024 * 1024));
    }

    /**
     * Outside Maven (tests, tools), the fork's classpath: wherever this code, the harness binding,
     * JNA, Jackson and the statistics library were loaded from.
     */
    static String classpath() {
        LinkedHashSet<String> cp = new LinkedHashSet<>();
        for (Class<?> c : List.of(KernelRunner.class, KernelLibrary.class, Native.class, ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class, com.fasterxml.jackson.annotation.JsonProperty.class,
                org.apache.commons.statistics.distribution.BinomialDistribution.class,
                org.apache.commons.statistics.inference.MannWhitneyUTest.class,
                // The rank test's whole closure: one class of every library it loads, under one load or another.
                org.apache.commons.statistics.ranking.RankingAlgorithm.class,
                org.apache.commons.statistics.descriptive.Mean.class,
                org.apache.commons.numbers.arrays.Selection.class,
                org.apache.commons.numbers.combinatorics.BinomialCoefficientDouble.class,
                org.apache.commons.numbers.core.Precision.class,
                org.apache.commons.numbers.fraction.Fraction.class,
                org.apache.commons.numbers.gamma.Erf.class,
                org.apache.commons.numbers.rootfinder.BrentSolver.class,
                org.apache.commons.rng.UniformRandomProvider.class,
                org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler.class)) {
            try {
                cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (Exception e) {
                throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
            }
        }
        return String.join(java.io.File.pathSeparator, cp);
    }

    /**
     * How one attempt of a fork ended.
     *
     * @param results  every kernel and size it finished, read back from its results file
     * @param culprit  the progress line it was on when it died or hung (profile, kernel, size, phase), or null
     * @param problem  why it ended early, naming the signal, the panic message and the crash log; null when it finished
     */
    public record Attempt(List<ForkResult> results, Step culprit, String problem, boolean hung) {
        public boolean finished() {
            return problem == null;
        }
    }

    public Attempt run(ForkPlan plan, Path dir, String label) throws IOException, InterruptedException {
        return run(plan, dir, label, java.util.Map.of(), List.of());
    }

    /**
     * @param env     variables added to the fork's environment
     * @param wrapper a command the fork runs under (ctime-rusage --out FILE --), or empty
     */
    public Attempt run(ForkPlan plan, Path dir, String label, java.util.Map<String, String> env, List<String> wrapper)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        ObjectMapper json = Json.MAPPER;
        Path planFile = dir.resolve(label + ".plan.json");
        json.writeValue(planFile.toFile(), plan);
        Path progress = Path.of(plan.progressFile());
        Files.deleteIfExists(progress);
        Files.deleteIfExists(Path.of(plan.resultsFile()));
        Path out = dir.resolve(label + ".stdout");
        Path err = dir.resolve(label + ".stderr");
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(javaExecutable.toString());
        cmd.addAll(jvmArgs);
        cmd.add("-XX:ErrorFile=" + dir.resolve(label + "-hs_err_pid%p.log"));
        cmd.addAll(List.of("-cp", classpath, KernelRunner.class.getName(), planFile.toString()));
        Process p = Processes.start(cmd, dir, env, out, err);
        long start = System.nanoTime();
        long lastSize = -1;
        long lastChange = start;
        // Until its first progress line the fork is starting (the JVM, the libraries): no kernel runs yet, and a busy
        // machine may slow that beyond a kernel's limit, which must not fail the kernel it would have run first.
        long limit = Math.max(kernelTimeout.toNanos(), startup.toNanos());
        boolean hung = false;
        boolean timedOut = false;
        try {
            while (!p.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                long size = Files.exists(progress) ? Files.size(progress) : 0;
                if (size != lastSize) {
                    lastSize = size;
                    lastChange = now;
                    if (size > 0) limit = limitNs(progress, kernelTimeout.toNanos());
                }
                if (now - lastChange > limit) {
                    hung = true;
                    break;
                }
                if (now - start > forkTimeout.toNanos()) {
                    timedOut = true;
                    break;
                }
            }
        } catch (InterruptedException e) {
            Processes.killTree(p);
            throw e;
        }
        if (hung || timedOut) Processes.killTree(p);
        else Processes.stoppedByUser(p.exitValue(), "the kernel fork");
        List<ForkResult> results = readResults(json, Path.of(plan.resultsFile()));
        Step culprit = lastProgress(progress);
        boolean done = finishedAll(progress);
        if (!hung && !timedOut && p.exitValue() == 0 && done) return new Attempt(results, null, null, false);
        String stderr = Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
        String what = culprit == null ? "the fork" : culprit.describe();
        String problem;
        if (hung && culprit == null) {
            problem = "the kernel fork wrote no progress for " + String.format(java.util.Locale.ROOT, "%.0f", limit / 1e9) + " s after"
                    + " it started (starting its JVM and loading the libraries; no kernel had run) and was killed: the machine"
                    + " may be too busy, or a library's initialiser hangs when loaded";
        } else if (hung) {
            problem = what + " ran for more than " + String.format(java.util.Locale.ROOT, "%.0f", limit / 1e9) + " s without"
                    + " finishing a step and was killed (the limit is " + FIRST_CALLS + " times its first call, and at least"
                    + " ctime.kernelTimeoutSeconds = " + kernelTimeout.toSeconds() + " s); if it is just slow, reduce its sizes or"
                    + " raise ctime.kernelTimeoutSeconds";
        } else if (timedOut) {
            problem = "the kernel fork did not finish within " + forkTimeout.toSeconds() + " s and was killed while "
                    + what + " ran; raise ctime.runTimeoutSeconds or reduce the sizes";
        } else if (p.exitValue() == 0) {
            // Exit code 0 without the last line: something in the fork called exit() while it ran.
            problem = what + " ended the process (exit code 0) before its work was done: a kernel that calls exit() ends the"
                    + " fork; see " + err;
        } else {
            problem = crashReason(what, p.exitValue(), stderr, crashLog(dir, label), err);
        }
        return new Attempt(results, culprit, problem, hung);
    }

    /**
     * The step a fork wrote it was about to run, as its progress file has it.
     *
     * @param profile the profile whose library it ran, empty for the harness's own step (its overhead loop)
     * @param kernel  the kernel
     * @param n       its size
     * @param phase   check, warm-up, primal, gradient, overhead...
     */
    public record Step(String profile, String kernel, int n, String phase) {
        public boolean inHarness() {
            return profile.isEmpty();
        }

        public ForkPlan.Cell cell() {
            return new ForkPlan.Cell(profile, kernel, n);
        }

        String describe() {
            return inHarness() ? "the harness (" + phase + ", n = " + n + ")"
                    : "kernel " + kernel + " (n = " + n + ", " + phase + ") of profile " + profile;
        }
    }

    private static final Pattern HS_SIGNAL = Pattern.compile("#\\s+(SIG[A-Z]+) \\(0x[0-9a-f]+\\)");
    private static final Pattern PANIC = Pattern.compile("panicked at ([^\\n]*?):?\\n([^\\n]*)");

    /** Names the signal (from the JVM's crash log, where the JVM caught it), the panic message and the log's path. */
    static String crashReason(String what, int exit, String stderr, Path hsErr, Path stderrFile) throws IOException {
        StringBuilder sb = new StringBuilder(what).append(" crashed the process");
        String signal = null;
        if (hsErr != null) {
            Matcher m = HS_SIGNAL.matcher(Files.readString(hsErr, StandardCharsets.ISO_8859_1));
            if (m.find()) signal = m.group(1);
        }
        if (signal == null && exit > 128) signal = signalName(exit - 128);
        if (signal != null) sb.append(" with ").append(signal);
        else sb.append(" (exit code ").append(exit).append(')');
        if ("SIGSEGV".equals(signal) && hsErr == null && stderr.isBlank()) {
            // The JVM writes a crash log for any fault in native code it can handle; one it could not even report on
            // had no stack left to report with.
            sb.append(" and the JVM wrote no crash log: the fault left it no stack to report on, as a stack overflow does"
                    + " (recursion too deep, or a large array on the stack); make the kernel iterative or keep large arrays"
                    + " on the heap");
        }
        Matcher pm = PANIC.matcher(stderr);
        if (pm.find()) sb.append(": Rust panic '").append(pm.group(2).strip()).append("' at ").append(pm.group(1).strip());
        if (stderr.contains("panic in a function that cannot unwind")) {
            sb.append(" (a panic cannot unwind across extern \"C\": catch it in the kernel, or return NaN)");
        }
        sb.append("; see ").append(hsErr != null ? hsErr : stderrFile);
        return sb.toString();
    }

    static String signalName(int sig) {
        return switch (sig) {
            case 4 -> "SIGILL";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> "signal " + sig;
        };
    }

    private static Path crashLog(Path dir, String label) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, label + "-hs_err_pid*.log")) {
            for (Path p : ds) return p;
        }
        return null;
    }

    static List<ForkResult> readResults(ObjectMapper json, Path file) throws IOException {
        List<ForkResult> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            // A line cut short by the crash is not a result.
            if (!l.isBlank() && l.endsWith("}")) {
                try {
                    out.add(json.readValue(l, ForkResult.class));
                } catch (IOException e) {
                    // torn last line
                }
            }
        }
        return out;
    }

    /**
     * A kernel step may take at most this many times the kernel's first call: the gradient check,
     * the longest step without a progress line, makes up to 2 x 64 + 1 calls.
     */
    static final int FIRST_CALLS = 400;

    /** How long a fork may take to start (its JVM, the libraries) before its first progress line. */
    static final Duration STARTUP = Duration.ofSeconds(60);

    /** The same launcher with another start-up allowance (tests). */
    ForkLauncher startingWithin(Duration d) {
        this.startup = d;
        return this;
    }

    /**
     * The limit for the step now running: {@link #FIRST_CALLS} times the first call of the kernel
     * and size it belongs to (the "limit" line the fork writes after that call), never below the
     * configured floor; the floor alone until that first call has returned.
     */
    static long limitNs(Path progress, long floorNs) throws IOException {
        if (!Files.exists(progress)) return floorNs;
        java.util.Map<String, Long> firstCall = new java.util.HashMap<>();
        String current = null;
        for (String line : Files.readAllLines(progress, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length == 4) {
                current = f[1] + "\t" + f[2];
            } else if (f.length == 2 && f[0].equals("limit") && current != null) {
                try {
                    firstCall.put(current, Long.parseLong(f[1]));
                } catch (NumberFormatException e) {
                    // a line cut short by a crash: no limit from it
                }
            }
        }
        Long first = current == null ? null : firstCall.get(current);
        if (first == null) return floorNs;
        return first > Long.MAX_VALUE / FIRST_CALLS ? Long.MAX_VALUE : Math.max(floorNs, FIRST_CALLS * first);
    }

    /** Whether the fork wrote its last line, which it does only after all its work. */
    static boolean finishedAll(Path progress) throws IOException {
        if (!Files.exists(progress)) return false;
        List<String> lines = Files.readAllLines(progress, StandardCharsets.UTF_8);
        return !lines.isEmpty() && lines.get(lines.size() - 1).equals(KernelRunner.DONE);
    }

    static Step lastProgress(Path progress) throws IOException {
        if (!Files.exists(progress)) return null;
        List<String> lines = Files.readAllLines(progress, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length != 4) continue;
            try {
                return new Step(f[0], f[1], Integer.parseInt(f[2]), f[3]);
            } catch (NumberFormatException e) {
                // A line cut off mid-write by the crash: the one before it names the step.
            }
        }
        return null;
    }
}
