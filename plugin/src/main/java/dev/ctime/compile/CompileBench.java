package dev.ctime.compile;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.CargoOutput;
import dev.ctime.cargo.CrateInfo;
import dev.ctime.exec.Exec;
import dev.ctime.cargo.SourceCopy;
import dev.ctime.autodiff.EnzymeTrace;
import dev.ctime.autodiff.PerfRemarks;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Times the leaf crate's builds as rustc-perf does: dependencies built first (untimed), then
 * each scenario's leaf rustc measured in its own process through the ctime-rusage wrapper,
 * repeated with the profiles interleaved (A B C A B C ...) so that drift hits all alike.
 */
public final class CompileBench {
    private final CrateInfo crate;
    private final Path rusage;
    private final Path perf;
    private final Path patchFile;
    private final Duration buildTimeout;
    private final Map<String, String> userEnv;
    private final Consumer<String> log;
    private int patchCounter;

    /**
     * @param perf      perf's path where hardware counters are readable, else null
     * @param patchFile the incr-patched edit as a unified diff, or null for ctime's default edit
     */
    public CompileBench(CrateInfo crate, Path rusage, Path perf, Path patchFile, Duration buildTimeout,
                        Map<String, String> userEnv, Consumer<String> log) {
        this.crate = crate;
        this.rusage = rusage;
        this.perf = perf;
        this.patchFile = patchFile;
        this.buildTimeout = buildTimeout;
        this.userEnv = userEnv;
        this.log = log;
    }

    private Path valgrind;

    /**
     * With Valgrind given, the analysis also counts the leaf rustc's instructions under Cachegrind
     * (and its children's, the linker's): a deterministic build figure where hardware counters are
     * missing, at many times the build's time, so only when asked for.
     */
    public void countBuildInstructions(Path valgrind) {
        this.valgrind = valgrind;
    }

    private TrainingPipeline pipeline;

    /** PGO and BOLT profiles train with this; without it they fail with the reason. */
    public void trainWith(dev.ctime.pgo.Trainer trainer) {
        this.pipeline = new TrainingPipeline(this, trainer);
    }

    /**
     * Copies the crate, builds everything once (untimed) and keeps the cdylib; failures mark the
     * profile. A PGO profile first runs its instrumented build, training and merge, so that this
     * build (and every timed one) is the optimised build; a BOLT profile's library is then
     * instrumented, trained and rewritten, and the rewritten one is what the harness times.
     */
    public void prepare(ProfileBuild b) throws IOException, InterruptedException {
        // b.dir is <output>/profiles/<name>: the whole output folder stays out of the copy.
        b.manifest = SourceCopy.create(crate, b.dir.resolve("src"), b.dir.getParent().getParent());
        b.crateRoot = b.manifest.getParent().resolve(crate.libSource().toString());
        if (b.profile.trained() && pipeline == null) {
            b.fail("PGO and BOLT train on the configured kernels, and none are configured: add <kernels> or drop <pgo>/<bolt>");
            return;
        }
        b.stages.clear();
        if (b.profile.usesPgo()) {
            pipeline.pgo(b);
            if (!b.ok()) return;
        }
        CargoCommand cmd = command(b, false);
        b.applied.cargoArgs = List.copyOf(cmd.args().subList(1, cmd.args().size()));
        b.applied.env = cmd.env();
        b.applied.rustflagsAdded = cmd.rustflags();
        b.applied.rustflagsRoute = b.route.name();
        b.applied.features = b.features;
        Path so = buildOnce(b, "build-initial", true);
        if (so == null) return;
        Files.createDirectories(b.dir.resolve("lib"));
        b.artifact = b.dir.resolve("lib").resolve(so.getFileName());
        Files.copy(so, b.artifact, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        b.artifactBytes = Files.size(b.artifact);
        b.incrementalBaseline = false;
        if (b.profile.usesBolt()) pipeline.bolt(b);
    }

    /**
     * One untimed build of everything (dependencies and the crate), cargo -v; returns the cdylib
     * cargo wrote, or null with the profile marked failed.
     */
    Path buildOnce(ProfileBuild b, String label, boolean main) throws IOException, InterruptedException {
        CargoCommand cmd = command(b, false);
        List<String> args = new ArrayList<>(cmd.args());
        args.add("-v");
        Exec.Result r = Exec.run(args, crate.dir(), env(cmd, null), buildTimeout, b.logs(), label);
        if (r.timedOut()) {
            b.fail("the build did not finish within " + buildTimeout.toSeconds() + " s and was killed (whole process tree);"
                    + " raise ctime.buildTimeoutSeconds if it is just slow (a mismatched Enzyme can hang rustc)");
            return null;
        }
        if (r.exitCode() != 0) {
            String why = FailureReason.fromCompilerOutput(r.stderr());
            if (b.profile.usesBolt() && why.contains("linking with")) {
                why += "\n(BOLT needs the library linked with its relocations kept, " + CargoCommand.BOLT_RELOCATIONS + ", and the"
                        + " link failed with it" + (b.profile.linker() == null ? "" : ": try another <linker> than "
                        + b.profile.linker()) + ")";
            }
            b.fail("the " + (main ? "" : label + " ") + "build failed: " + why + "\n(full output: " + b.logs().resolve(label + ".stderr")
                    + ")");
            return null;
        }
        if (main && b.profile.autodiff().contains("PrintPerf")) b.analysis.enzymePerfRemarks = PerfRemarks.parse(r.stderr());
        String rustc = CargoOutput.leafRustcCommand(r.stderr(), crate.crateName());
        if (rustc != null) {
            if (main) b.applied.rustcCommand = rustc;
            checkApplied(b, cmd, rustc);
            if (!b.ok()) return null;
        }
        Path so = CargoOutput.cdylib(r.stdout(), crate.crateName());
        if (so == null) {
            b.fail("cargo built no cdylib for " + crate.crateName() + ": add crate-type = [\"cdylib\"] to [lib] in "
                    + crate.manifest());
        }
        return so;
    }

    /**
     * One command measured by wait4 in its own process (wall and CPU time of its whole tree), as
     * a pipeline stage; a failure throws with the command's last words.
     */
    dev.ctime.report.PipelineStage measuredStage(ProfileBuild b, String stage, List<String> command, Map<String, String> env,
                                                 String label, String detail) throws IOException, InterruptedException {
        Path out = b.logs().resolve(label + ".rusage.json");
        Files.deleteIfExists(out);
        List<String> args = new ArrayList<>(List.of(rusage.toString(), "--out", out.toString(), "--"));
        args.addAll(command);
        Exec.Result r = Exec.run(args, crate.dir(), env, buildTimeout, b.logs(), label);
        if (!r.ok() || !Files.exists(out)) {
            String said = r.stderr().strip();
            said = said.length() > 600 ? "…" + said.substring(said.length() - 600) : said;
            throw new IOException(stage + " failed" + (r.timedOut() ? " (killed after " + buildTimeout.toSeconds() + " s)"
                    : " (exit code " + r.exitCode() + ")") + ": " + said + " (see " + b.logs().resolve(label + ".stderr") + ")");
        }
        return stageFrom(stage, Files.readString(out), detail);
    }

    /** A stage from ctime-rusage's figures. */
    public static dev.ctime.report.PipelineStage stageFrom(String stage, String rusageJson, String detail) throws IOException {
        CargoOutput.Rusage n = CargoOutput.rusage(rusageJson);
        return new dev.ctime.report.PipelineStage(stage, n.wallMs(), n.cpuMs(), detail);
    }

    /** The leaf crate's build, timed as the scenarios' full builds are (dependencies already built). */
    BuildMeasurement timedLeafBuild(ProfileBuild b, String tag) throws IOException, InterruptedException {
        cleanLeaf(b, false, tag);
        return timedBuild(b, Scenario.FULL, tag);
    }

    Path rusage() {
        return rusage;
    }

    /** The flags ctime asked for must be on the leaf rustc's command line, or the figures would lie. */
    static void checkApplied(ProfileBuild b, CargoCommand cmd, String rustc) {
        for (String f : cmd.rustflags()) {
            if (!rustc.contains(f)) {
                b.fail("rustflag " + f + " did not reach rustc (the leaf crate compiled without it): a RUSTFLAGS or"
                        + " target rustflags setting of yours overrides where ctime put it (" + b.route
                        + "); see the rustc command in " + b.logs().resolve("build-initial.stderr"));
                return;
            }
        }
        String lto = b.profile.isAutodiff() ? "fat" : b.profile.lto();
        if (("fat".equals(lto) || "thin".equals(lto)) && !rustc.contains("-C lto")) {
            b.warnings.add("lto = " + lto + " was set but cargo passed no -C lto to rustc: cargo does not apply LTO to a"
                    + " library whose crate-type also includes rlib or lib; make the kernel crate cdylib-only");
        }
    }

    /**
     * Untimed analysis builds of the leaf crate, after the timed ones so they cannot disturb
     * them: the phase split (-Ztime-passes, nightly only) and the codegen units rustc actually
     * partitioned the crate into (-Csave-temps keeps each unit's files: objects, or the
     * unoptimised bitcode that LTO merges), then cargo-llvm-lines' count of unoptimised IR
     * (with LTO off, or the .ll would hold every crate LTO merged in).
     */
    public void analyse(ProfileBuild b) throws IOException, InterruptedException {
        List<String> extra = new ArrayList<>(List.of("-Csave-temps"));
        if (b.toolchain.isNightly()) extra.addAll(List.of("-Ztime-passes", "-Ztime-passes-format=json"));
        // Enzyme's pass has no -Ztime-passes line; LLVM's own trace times it (nightly only).
        boolean trace = b.toolchain.isNightly() && b.profile.isAutodiff();
        if (trace) extra.add("-Zllvm-time-trace");
        cleanLeaf(b, false, "analysis");
        Exec.Result r = Exec.run(rustcCommand(b, extra), crate.dir(), env(command(b, false), null), buildTimeout, b.logs(),
                "analysis-phases");
        if (r.ok()) {
            Map<String, Double> phases = PhaseSplit.parse(r.stderr());
            if (phases.isEmpty()) {
                b.analysis.phasesUnavailable = "-Ztime-passes needs a nightly toolchain; this profile uses "
                        + b.toolchain.displayName() + " (" + b.toolchain.channel() + ")";
            } else {
                b.analysis.phases = phases;
            }
            if (b.profile.isAutodiff() && !phases.isEmpty() && !phases.containsKey("autodiff")) {
                b.analysis.phasesNote = ("this rustc names no autodiff pass: Enzyme's differentiation runs inside the"
                        + " LTO phase; its cost is this profile's lto against a hand-written profile's with fat LTO");
            }
            b.analysis.codegenUnitsUsed = countCodegenUnits(b.targetDir().resolve(CargoCommand.CARGO_PROFILE).resolve("deps"));
            if (trace) enzymeTrace(b);
        } else {
            b.warnings.add("the phase-split build failed: " + FailureReason.fromCompilerOutput(r.stderr()));
        }
        cleanLeaf(b, false, "llvm-lines");
        // Unoptimised IR of the crate alone needs LTO off; an autodiff build refuses to run without fat
        // LTO, so its count covers what fat LTO merged in (the IR Enzyme and LLVM work through).
        List<String> irFlags = new ArrayList<>(List.of("--emit=llvm-ir", "-Cno-prepopulate-passes", "-Cpasses=name-anon-globals"));
        if (!b.profile.isAutodiff()) irFlags.addAll(List.of("-Ccodegen-units=1", "-Clto=off"));
        b.analysis.llvmLinesScope = (b.profile.isAutodiff() ? "the whole program after fat LTO (autodiff builds need it)"
                : "the crate alone, unoptimised, one codegen unit, LTO off");
        Exec.Result ir = Exec.run(rustcCommand(b, irFlags), crate.dir(), env(command(b, false), null), buildTimeout,
                b.logs(), "analysis-llvm-lines");
        Path ll = b.targetDir().resolve(CargoCommand.CARGO_PROFILE).resolve("deps").resolve(crate.crateName() + ".ll");
        if (ir.ok() && Files.exists(ll)) {
            b.analysis.llvmLines = LlvmLines.top(Files.readString(ll), 15);
        } else {
            b.warnings.add("the llvm-lines build failed: " + FailureReason.fromCompilerOutput(ir.stderr()));
        }
        if (valgrind != null) countRustcInstructions(b);
        // The leaf's objects now differ from the timed builds'; the next build must not reuse them.
        cleanLeaf(b, false, "after-analysis");
        b.incrementalBaseline = false;
    }

    /** The leaf crate's full build under Cachegrind: cargo runs rustc through Valgrind as the workspace wrapper. */
    private void countRustcInstructions(ProfileBuild b) throws IOException, InterruptedException {
        cleanLeaf(b, false, "count");
        Path out = b.logs().resolve("cachegrind");
        if (Files.exists(out)) SourceCopy.deleteTree(out);
        Files.createDirectories(out);
        CargoCommand cmd = command(b, false);
        Map<String, String> env = env(cmd, null);
        env.put("RUSTC_WORKSPACE_WRAPPER", cachegrindWrapper(b.dir.getParent().getParent().resolve("bin")).toString());
        env.put("CTIME_VALGRIND", valgrind.toString());
        env.put("CTIME_CG_OUT", out.toString());
        Exec.Result r = Exec.run(cmd.args(), crate.dir(), env, buildTimeout.multipliedBy(50), b.logs(), "analysis-cachegrind");
        if (!r.ok()) {
            b.warnings.add("the build under Cachegrind failed: " + FailureReason.fromCompilerOutput(r.stderr()));
            return;
        }
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(out, "cg.*")) {
            for (Path f : files) total += dev.ctime.kernel.InstructionCounter.parseSummary(Files.readAllLines(f));
        } catch (IllegalArgumentException e) {
            b.warnings.add("Cachegrind wrote an unreadable count in " + out + ": " + e.getMessage());
            return;
        }
        b.analysis.rustcInstructions = total;
    }

    /**
     * cargo's workspace wrapper for the count: the leaf crate's rustc runs under Cachegrind (tool
     * options go on Valgrind's command line, where the tool is chosen); cargo's own rustc probes and
     * everything else run untouched, so only the leaf's compilation is counted.
     */
    static Path cachegrindWrapper(Path bin) throws IOException {
        Files.createDirectories(bin);
        Path w = bin.resolve("ctime-cachegrind-rustc");
        Files.writeString(w, """
                #!/bin/sh
                case " $* " in
                  *" --crate-name $CTIME_LEAF_CRATE "*)
                    exec "$CTIME_VALGRIND" --tool=cachegrind --cache-sim=no --trace-children=yes \\
                      --cachegrind-out-file="$CTIME_CG_OUT/cg.%p" "$@" ;;
                esac
                exec "$@"
                """);
        Files.setPosixFilePermissions(w, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return w;
    }

    /** Enzyme's pass, the optimisation rerun after it, and the per-function work, from -Zllvm-time-trace. */
    private void enzymeTrace(ProfileBuild b) throws IOException {
        Path file = b.targetDir().resolve(CargoCommand.CARGO_PROFILE).resolve("deps").resolve(crate.crateName() + ".llvm_timings.json");
        if (!Files.exists(file)) {
            b.warnings.add("-Zllvm-time-trace wrote no " + file + ": Enzyme's own time is unknown for this profile");
            return;
        }
        EnzymeTrace t;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            t = EnzymeTrace.parse(in);
        }
        if (t.enzymePassMs() == null) {
            b.warnings.add("the LLVM time trace (" + file + ") has no EnzymeNewPM event: Enzyme did not run in this build");
        } else {
            b.analysis.enzymePassMs = t.enzymePassMs();
        }
        b.analysis.postDifferentiationOptMs = t.postDifferentiationOptMs();
        if (!t.perFunctionMs().isEmpty()) b.analysis.enzymePerFunctionMs = t.perFunctionMs();
        if (!t.differentiated().isEmpty()) b.analysis.differentiated = t.differentiated();
        Files.copy(file, b.logs().resolve("llvm_timings.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> rustcCommand(ProfileBuild b, List<String> extra) {
        List<String> args = new ArrayList<>(command(b, false).args());
        args.set(1, "rustc");
        args.add("--");
        args.addAll(extra);
        return args;
    }

    static int countCodegenUnits(Path deps) throws IOException {
        java.util.Set<String> units = new java.util.HashSet<>();
        if (!Files.isDirectory(deps)) return 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(deps, "*-cgu.*.rcgu.*")) {
            for (Path p : ds) {
                java.util.regex.Matcher m = CGU.matcher(p.getFileName().toString());
                if (m.find()) units.add(m.group(1));
            }
        }
        return units.size();
    }

    private static final java.util.regex.Pattern CGU = java.util.regex.Pattern.compile("-cgu\\.(\\d+)\\.rcgu\\.");

    /**
     * Runs at least {@code minRepeat} rounds of every scenario over every profile, interleaved,
     * then more rounds only for the figures whose build CPU time has not reached the target
     * precision, up to {@code maxRepeat}.
     *
     * @return the (profile, scenario) figures a cap stopped short of the target
     */
    public java.util.Set<String> run(List<ProfileBuild> builds, List<Scenario> scenarios, int minRepeat, int maxRepeat,
                                     double targetPrecision) throws InterruptedException {
        List<ProfileBuild> live = builds.stream().filter(ProfileBuild::ok).toList();
        int done = 0;
        long start = System.nanoTime();
        java.util.Set<String> capped = new java.util.HashSet<>();
        for (int rep = 1; rep <= maxRepeat; rep++) {
            List<Object[]> round = new ArrayList<>();
            for (ProfileBuild b : live) {
                for (Scenario s : scenarios) {
                    if (!b.ok()) continue;
                    List<BuildMeasurement> ms = b.samples.getOrDefault(s, List.of());
                    if (rep > minRepeat && precise(ms, targetPrecision)) continue;
                    round.add(new Object[] {b, s});
                }
            }
            if (round.isEmpty()) break;
            int expected = done + round.size() * (rep <= minRepeat ? minRepeat - rep + 1 : 1);
            for (Object[] bs : round) {
                ProfileBuild b = (ProfileBuild) bs[0];
                Scenario s = (Scenario) bs[1];
                if (!b.ok()) continue;
                String what = String.format("repetition %d%s, profile %s, scenario %s", rep,
                        rep <= minRepeat ? "/" + minRepeat : " (for precision)", b.profile.name(), s.id);
                try {
                    BuildMeasurement m = measure(b, s, rep);
                    if (m != null) b.record(s, m);
                    done++;
                    long elapsed = System.nanoTime() - start;
                    long left = elapsed / done * Math.max(0, expected - done) / 1_000_000_000L;
                    log.accept(m == null ? what + ": failed, " + b.reason() : String.format(
                            "%s: leaf rustc %.0f ms wall, %.0f ms cpu%s (%s)", what, m.wallMs(),
                            m.cpuMs(), m.disturbed() ? String.format(", other processes used %.0f%% of the CPUs",
                                    100 * m.interference().otherCpuShare()) : "", rep <= minRepeat ? "about " + duration(left)
                                    + " left before the figures short of the target get more runs" : round.size()
                                    + " figures still short of the target, at most " + (maxRepeat - rep) + " more rounds"));
                } catch (IOException e) {
                    b.fail(what + ": " + e.getMessage());
                    log.accept(what + ": failed, " + e.getMessage());
                }
            }
        }
        for (ProfileBuild b : live) {
            for (Scenario s : scenarios) {
                if (b.ok() && !precise(b.samples.getOrDefault(s, List.of()), targetPrecision)) capped.add(b.profile.name() + "/" + s.id);
            }
        }
        return capped;
    }

    /** Whether the build CPU time of these runs is known to the target precision. */
    static boolean precise(List<BuildMeasurement> ms, double target) {
        if (ms.isEmpty()) return false;
        return dev.ctime.stats.Statistics.summarize(ms.stream().mapToDouble(BuildMeasurement::cpuMs).toArray()).reached(target);
    }

    /** One timed build of one scenario; null when the build failed (the profile is then marked). */
    BuildMeasurement measure(ProfileBuild b, Scenario s, int rep) throws IOException, InterruptedException {
        String tag = s.id + "-" + rep;
        if (!s.needsIncrementalBaseline()) {
            cleanLeaf(b, incremental(b, s), tag);
        } else if (!b.incrementalBaseline) {
            cleanLeaf(b, true, tag + "-baseline");
            CargoCommand baseline = command(b, true);
            Exec.Result r = Exec.run(baseline.args(), crate.dir(), env(baseline, null), buildTimeout, b.logs(),
                    "build-" + tag + "-baseline");
            if (!r.ok()) {
                b.fail("the incremental baseline build failed: " + FailureReason.fromCompilerOutput(r.stderr()));
                return null;
            }
        }
        String original = null;
        if (s == Scenario.INCR_UNCHANGED) {
            touch(b.crateRoot);
        } else if (s == Scenario.INCR_PATCHED && patchFile == null) {
            original = Files.readString(b.crateRoot);
            Files.writeString(b.crateRoot, original + patch(++patchCounter));
        } else if (s == Scenario.INCR_PATCHED) {
            gitApply(b, false, tag);
        }
        try {
            return timedBuild(b, s, tag);
        } finally {
            if (original != null) Files.writeString(b.crateRoot, original);
            if (s == Scenario.INCR_PATCHED && patchFile != null) gitApply(b, true, tag + "-revert");
            b.incrementalBaseline = incremental(b, s) && s != Scenario.INCR_PATCHED && b.ok();
        }
    }

    /** Applies (or reverts) the user's patch to the profile's copy of the crate; never to the user's tree. */
    private void gitApply(ProfileBuild b, boolean reverse, String tag) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "apply"));
        if (reverse) cmd.add("-R");
        cmd.add(patchFile.toString());
        Exec.Result r = Exec.run(cmd, b.manifest.getParent(), Map.of(), Duration.ofMinutes(2), b.logs(), "patch-" + tag);
        if (!r.ok()) {
            throw new IOException("the incr-patched patch " + patchFile + " does not apply to the crate" + (reverse ? " (revert)" : "")
                    + ": " + r.stderr().strip() + "; make it a unified diff against the crate's folder (a/src/lib.rs)");
        }
    }

    /**
     * Whether a scenario's build is incremental: the incr-* scenarios always are; full is a clean
     * build with the profile's own incremental setting, off unless the profile turns it on.
     */
    static boolean incremental(ProfileBuild b, Scenario s) {
        return s == Scenario.FULL ? Boolean.TRUE.equals(b.profile.incremental()) : s.incremental;
    }

    /** The default incr-patched edit: a harmless new item at the end of the crate root. */
    static String patch(int i) {
        return "\n#[allow(dead_code)]\nfn ctime_incr_patched_" + i + "() -> u64 { " + i + " }\n";
    }

    private BuildMeasurement timedBuild(ProfileBuild b, Scenario s, String tag) throws IOException, InterruptedException {
        CargoCommand cmd = command(b, incremental(b, s));
        Path rustcLog = b.logs().resolve("rustc-" + tag + ".jsonl");
        Path cargoOut = b.logs().resolve("cargo-" + tag + ".json");
        Files.deleteIfExists(rustcLog);
        List<String> args = new ArrayList<>(List.of(rusage.toString(), "--out", cargoOut.toString(), "--"));
        args.addAll(cmd.args());
        CpuLoad before = CpuLoad.now();
        Exec.Result r = Exec.run(args, crate.dir(), env(cmd, rustcLog), buildTimeout, b.logs(), "build-" + tag);
        CpuLoad after = CpuLoad.now();
        if (r.timedOut()) {
            b.fail("a " + s.id + " build did not finish within " + buildTimeout.toSeconds()
                    + " s and was killed (whole process tree); raise ctime.buildTimeoutSeconds if it is just slow");
            return null;
        }
        if (r.exitCode() != 0) {
            b.fail("the " + s.id + " build failed: " + FailureReason.fromCompilerOutput(r.stderr()));
            return null;
        }
        List<String> lines = Files.exists(rustcLog) ? Files.readAllLines(rustcLog).stream().filter(l -> !l.isBlank()).toList()
                : List.of();
        if (lines.size() != 1) {
            b.fail("expected one rustc run of the leaf crate " + crate.crateName() + " in the " + s.id + " build, saw "
                    + lines.size() + " (see " + b.logs().resolve("build-" + tag + ".stderr") + ")");
            return null;
        }
        CargoOutput.Rusage leaf = CargoOutput.rusage(lines.get(0));
        CargoOutput.Rusage whole = CargoOutput.rusage(Files.readString(cargoOut));
        Path perfOut = Path.of(rustcLog + ".perf");
        Double instructions = Files.exists(perfOut) ? CargoOutput.perfInstructions(Files.readString(perfOut)) : null;
        return new BuildMeasurement(leaf.wallMs(), leaf.cpuMs(), leaf.maxRssKb(), whole.wallMs(), instructions,
                CpuLoad.between(before, after, whole.wallMs(), whole.cpuMs(), Runtime.getRuntime().availableProcessors()));
    }


    /** Removes the leaf crate's artifacts and incremental cache; dependencies stay built. */
    private void cleanLeaf(ProfileBuild b, boolean incremental, String tag) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("cargo", "clean", "-p", crate.packageName(), "--manifest-path",
                b.manifest.toString(), "--target-dir", b.targetDir().toString(), "--profile", CargoCommand.CARGO_PROFILE));
        args.addAll(CargoCommand.profileConfig(b.profile));
        Exec.Result r = Exec.run(args, crate.dir(), env(command(b, incremental), null), buildTimeout, b.logs(), "clean-" + tag);
        if (!r.ok()) throw new IOException("`cargo clean -p " + crate.packageName() + "` failed: " + r.stderr().strip());
        Path inc = b.targetDir().resolve(CargoCommand.CARGO_PROFILE).resolve("incremental");
        if (Files.isDirectory(inc)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(inc, crate.crateName() + "-*")) {
                for (Path p : ds) SourceCopy.deleteTree(p);
            }
        }
    }

    private CargoCommand command(ProfileBuild b, boolean incremental) {
        return CargoCommand.build(b.profile, b.features, b.manifest, b.targetDir(), incremental, b.stageFlags, b.route,
                b.toolchain.host(), userEnv);
    }

    /** cargo's environment: ctime's wrapper in place of any caching wrapper (sccache would time cache hits). */
    private Map<String, String> env(CargoCommand cmd, Path rustcLog) {
        Map<String, String> env = new HashMap<>(cmd.env());
        env.put("RUSTC_WRAPPER", rusage.toString());
        env.put("RUSTC_WORKSPACE_WRAPPER", null);
        env.put("CTIME_LEAF_CRATE", crate.crateName());
        env.put("CTIME_RUSTC_LOG", rustcLog == null ? null : rustcLog.toString());
        env.put("CARGO_TERM_COLOR", "never");
        env.put("CTIME_PERF", perf == null || rustcLog == null ? null : perf.toString());
        return env;
    }

    static void touch(Path f) throws IOException {
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 1000));
    }



    static String duration(long seconds) {
        return seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
    }
}
