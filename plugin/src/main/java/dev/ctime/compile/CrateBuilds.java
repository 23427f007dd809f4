package dev.ctime.compile;

import dev.ctime.autodiff.EnzymeVerdict;

import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.CargoOutput;
import dev.ctime.cargo.CrateInfo;
import dev.ctime.cargo.SourceCopy;
import dev.ctime.exec.Processes;
import dev.ctime.model.BuildUnit;
import dev.ctime.model.PipelineStage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cargo invocations every compile stage shares, on a profile's own copy of the crate: an
 * untimed build of everything, a timed build of the leaf crate (its rustc under wait4 through
 * the ctime-rusage wrapper), a measured pipeline command, and cleaning the leaf. Holds no
 * profile's state: everything about a profile comes in as a {@link PreparedBuild}.
 */
final class CrateBuilds {
    /**
     * What the first build of everything left: the cdylib, the leaf rustc's command line, what to warn about, its
     * figures with every unit, and whether it started from an empty target folder (then it is the first clean sample).
     */
    record Built(Path cdylib, String rustcCommand, String stderr, List<String> warnings, BuildMeasurement measured, boolean clean) {
    }

    final CrateInfo crate;
    final Path rusage;
    private final Path perf;
    final Duration timeout;
    private final Map<String, String> userEnv;

    /** @param perf perf's path where hardware counters are readable, else null */
    CrateBuilds(CrateInfo crate, Path rusage, Path perf, Duration timeout, Map<String, String> userEnv) {
        this.crate = crate;
        this.rusage = rusage;
        this.perf = perf;
        this.timeout = timeout;
        this.userEnv = userEnv;
    }

    /**
     * The first build of everything (dependencies and the crate), cargo -v. With {@code asClean}, from an empty target
     * folder and measured as a clean build is (the first clean sample costs no build of its own); else untimed.
     */
    Built buildOnce(PreparedBuild p, String label, boolean main, boolean asClean) throws IOException, InterruptedException, BuildFailure {
        Boolean incremental = asClean ? Scenario.CLEAN.incrementalFor(p.plan().profile()) : Boolean.FALSE;
        CargoCommand cmd = command(p, incremental);
        List<String> args = new ArrayList<>(cmd.args());
        args.add("-v");
        if (asClean) cleanAll(p);
        GraphRun graph = new GraphRun(p, label);
        Processes.Result r = graph.run(args, env(cmd, null));
        if (r.timedOut()) {
            throw new BuildFailure("the build did not finish within " + timeout.toSeconds() + " s and was killed (whole process"
                    + " tree); raise ctime.buildTimeoutSeconds if it is just slow (a mismatched Enzyme can hang rustc)");
        }
        if (r.exitCode() != 0) {
            String why = FailureReason.fromCompilerOutput(r.stderr());
            if (p.plan().profile().usesBolt() && why.contains("linking with")) {
                why += "\n(BOLT needs the library linked with its relocations kept, " + CargoCommand.BOLT_RELOCATIONS + ", and the"
                        + " link failed with it" + (p.plan().profile().linker() == null ? "" : ": try another <linker> than "
                        + p.plan().profile().linker()) + ")";
            }
            throw new BuildFailure("the " + (main ? "" : label + " ") + "build failed: " + why + "\n(full output: "
                    + p.logs().resolve(label + ".stderr") + ")", EnzymeVerdict.parse(r.stderr()).orElse(null));
        }
        String rustc = CargoOutput.leafRustcCommand(r.stderr(), crate.crateName());
        List<String> warnings = rustc == null ? List.of() : checkApplied(p, cmd, rustc);
        Path so = CargoOutput.cdylib(r.stdout(), crate.crateName());
        if (so == null) {
            throw new BuildFailure("cargo built no cdylib for " + crate.crateName() + ": add crate-type = [\"cdylib\"] to [lib] in "
                    + crate.manifest());
        }
        return new Built(so, rustc, r.stderr(), warnings, graph.measurement(), asClean);
    }

    /**
     * One timed build of the whole graph, as cargo's process tree (wait4 on cargo: every rustc, build script run,
     * linker and cargo's own work), each rustc also measured on its own as a unit. A clean build empties the
     * profile's target folder first; an edit build rebuilds what the edit made stale, as cargo decides.
     */
    BuildMeasurement timedGraphBuild(PreparedBuild p, Scenario s, String tag) throws IOException, InterruptedException, BuildFailure {
        CargoCommand cmd = command(p, s.incrementalFor(p.plan().profile()));
        if (s == Scenario.CLEAN) cleanAll(p);
        GraphRun graph = new GraphRun(p, "build-" + tag);
        failIfBroken(graph.run(cmd.args(), env(cmd, null)), s);
        BuildMeasurement m = graph.measurement();
        if (m.units().stream().noneMatch(u -> u.crate().equals(crate.crateName()) && !u.buildScript())) {
            throw new BuildFailure("the " + s.id + " build did not compile the leaf crate " + crate.crateName() + " (cargo found"
                    + " it fresh: see " + p.logs().resolve("build-" + tag + ".stderr") + ")");
        }
        return m;
    }

    /** A timed build that timed out or failed stops its profile, with why. */
    private void failIfBroken(Processes.Result r, Scenario s) throws BuildFailure {
        if (r.timedOut()) {
            throw new BuildFailure("a " + s.id + " build did not finish within " + timeout.toSeconds()
                    + " s and was killed (whole process tree); raise ctime.buildTimeoutSeconds if it is just slow");
        }
        if (r.exitCode() != 0) throw new BuildFailure("the " + s.id + " build failed: " + FailureReason.fromCompilerOutput(r.stderr()));
    }

    /** A whole-graph build's two records: cargo's process tree, and each rustc it ran. */
    private final class GraphRun {
        private final PreparedBuild p;
        private final String label;
        final Path cargo;
        final Path units;
        private CpuLoad before;
        private CpuLoad after;

        GraphRun(PreparedBuild p, String label) throws IOException {
            this.p = p;
            this.label = label;
            this.cargo = p.logs().resolve(label + ".cargo.json");
            this.units = p.logs().resolve(label + ".units.jsonl");
            Files.createDirectories(p.logs());
            Files.deleteIfExists(cargo);
            Files.deleteIfExists(units);
        }

        /** Cargo with these arguments under ctime-rusage, every rustc of it logged as a unit, the machine's load around it. */
        Processes.Result run(List<String> args, Map<String, String> cargoEnv) throws IOException, InterruptedException {
            List<String> wrapped = new ArrayList<>(List.of(rusage.toString(), "--out", cargo.toString(), "--"));
            wrapped.addAll(args);
            Map<String, String> env = new HashMap<>(cargoEnv);
            env.put("CTIME_UNITS_LOG", units.toString());
            before = CpuLoad.now();
            Processes.Result r = Processes.run(wrapped, crate.dir(), env, timeout, p.logs(), label);
            after = CpuLoad.now();
            return r;
        }

        BuildMeasurement measurement() throws IOException {
            CargoOutput.Rusage whole = CargoOutput.rusage(Files.readString(cargo));
            List<BuildUnit> us = new ArrayList<>();
            if (Files.exists(units)) {
                for (String l : Files.readAllLines(units)) {
                    if (!l.isBlank()) us.add(CargoOutput.unit(l));
                }
            }
            return new BuildMeasurement(whole.wallMs(), whole.cpuMs(), whole.maxRssKb(), whole.wallMs(), null,
                    CpuLoad.between(before, after, whole.wallMs(), whole.cpuMs(), Runtime.getRuntime().availableProcessors()), us);
        }
    }

    /** Empties the profile's target folder: what a clean build starts from. */
    void cleanAll(PreparedBuild p) throws IOException {
        if (Files.exists(p.target())) SourceCopy.deleteTree(p.target());
    }

    /**
     * The flags ctime asked for must be on the leaf rustc's command line, or the figures would lie.
     *
     * @return what the report should warn about
     */
    static List<String> checkApplied(PreparedBuild p, CargoCommand cmd, String rustc) throws BuildFailure {
        for (String f : cmd.rustflags()) {
            if (!rustc.contains(f)) {
                throw new BuildFailure("rustflag " + f + " did not reach rustc (the leaf crate compiled without it): a RUSTFLAGS or"
                        + " target rustflags setting of yours overrides where ctime put it (" + p.plan().route()
                        + "); see the rustc command in " + p.logs().resolve("build-initial.stderr"));
            }
        }
        String lto = p.plan().profile().isAutodiff() ? "fat" : p.plan().profile().lto();
        if (("fat".equals(lto) || "thin".equals(lto)) && !rustc.contains("-C lto")) {
            return List.of("lto = " + lto + " was set but cargo passed no -C lto to rustc: cargo does not apply LTO to a"
                    + " library whose crate-type also includes rlib or lib; make the kernel crate cdylib-only");
        }
        return List.of();
    }

    /** One timed build of the leaf crate (dependencies already built): its rustc's figures and cargo's wall time. */
    BuildMeasurement timedBuild(PreparedBuild p, Scenario s, Boolean incremental, String tag)
            throws IOException, InterruptedException, BuildFailure {
        CargoCommand cmd = command(p, incremental);
        Path rustcLog = p.logs().resolve("rustc-" + tag + ".jsonl");
        Path cargoOut = p.logs().resolve("cargo-" + tag + ".json");
        Files.deleteIfExists(rustcLog);
        List<String> args = new ArrayList<>(List.of(rusage.toString(), "--out", cargoOut.toString(), "--"));
        args.addAll(cmd.args());
        CpuLoad before = CpuLoad.now();
        Processes.Result r = Processes.run(args, crate.dir(), env(cmd, rustcLog), timeout, p.logs(), "build-" + tag);
        CpuLoad after = CpuLoad.now();
        failIfBroken(r, s);
        List<String> lines = Files.exists(rustcLog) ? Files.readAllLines(rustcLog).stream().filter(l -> !l.isBlank()).toList()
                : List.of();
        if (lines.size() != 1) {
            throw new BuildFailure("expected one rustc run of the leaf crate " + crate.crateName() + " in the " + s.id + " build, saw "
                    + lines.size() + " (see " + p.logs().resolve("build-" + tag + ".stderr") + ")");
        }
        CargoOutput.Rusage leaf = CargoOutput.rusage(lines.get(0));
        CargoOutput.Rusage whole = CargoOutput.rusage(Files.readString(cargoOut));
        Path perfOut = Path.of(rustcLog + ".perf");
        Double instructions = Files.exists(perfOut) ? CargoOutput.perfInstructions(Files.readString(perfOut)) : null;
        return new BuildMeasurement(leaf.wallMs(), leaf.cpuMs(), leaf.maxRssKb(), whole.wallMs(), instructions,
                CpuLoad.between(before, after, whole.wallMs(), whole.cpuMs(), Runtime.getRuntime().availableProcessors()));
    }

    /** The leaf crate's clean build, timed as the scenarios' full builds are (dependencies already built). */
    BuildMeasurement timedLeafBuild(PreparedBuild p, String tag) throws IOException, InterruptedException, BuildFailure {
        cleanLeaf(p, false, tag);
        return timedBuild(p, Scenario.FULL, Scenario.FULL.incrementalFor(p.plan().profile()), tag);
    }

    /**
     * One command measured by wait4 in its own process (wall and CPU time of its whole tree), as
     * a pipeline stage; a failure throws with the command's last words.
     */
    PipelineStage measuredStage(PreparedBuild p, String stage, List<String> command, String label, String detail)
            throws IOException, InterruptedException {
        Path out = p.logs().resolve(label + ".rusage.json");
        Files.deleteIfExists(out);
        List<String> args = new ArrayList<>(List.of(rusage.toString(), "--out", out.toString(), "--"));
        args.addAll(command);
        Processes.Result r = Processes.run(args, crate.dir(), Map.of(), timeout, p.logs(), label);
        if (!r.ok() || !Files.exists(out)) {
            String said = r.stderr().strip();
            said = said.length() > 600 ? "…" + said.substring(said.length() - 600) : said;
            throw new IOException(stage + " failed" + (r.timedOut() ? " (killed after " + timeout.toSeconds() + " s)"
                    : " (exit code " + r.exitCode() + ")") + ": " + said + " (see " + p.logs().resolve(label + ".stderr") + ")");
        }
        CargoOutput.Rusage n = CargoOutput.rusage(Files.readString(out));
        return new PipelineStage(stage, n.wallMs(), n.cpuMs(), detail);
    }

    /** Removes the leaf crate's artifacts and incremental cache; dependencies stay built. */
    void cleanLeaf(PreparedBuild p, boolean incremental, String tag) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("cargo", "clean", "-p", crate.packageName(), "--manifest-path",
                p.manifest().toString(), "--target-dir", p.target().toString(), "--profile", CargoCommand.CARGO_PROFILE));
        args.addAll(CargoCommand.profileConfig(p.plan().profile()));
        Processes.Result r = Processes.run(args, crate.dir(), env(command(p, incremental), null), timeout, p.logs(), "clean-" + tag);
        if (!r.ok()) throw new IOException("`cargo clean -p " + crate.packageName() + "` failed: " + r.stderr().strip());
        // What the analysis builds leave beside cargo's artefacts (-Csave-temps bitcode, the IR, the LLVM trace: tens of MB
        // a profile) is not cargo's to clean: named after the crate with a dot, unlike cargo's own (name-hash).
        Path deps = deps(p);
        if (Files.isDirectory(deps)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(deps, crate.crateName() + ".*")) {
                for (Path f : ds) Files.deleteIfExists(f);
            }
        }
        Path inc = p.target().resolve(CargoCommand.CARGO_PROFILE).resolve("incremental");
        if (Files.isDirectory(inc)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(inc, crate.crateName() + "-*")) {
                for (Path d : ds) SourceCopy.deleteTree(d);
            }
        }
    }

    /** The leaf crate's rustc alone (cargo rustc), with extra flags for it only. */
    List<String> rustcCommand(PreparedBuild p, List<String> extra) {
        List<String> args = new ArrayList<>(command(p, false).args());
        args.set(1, "rustc");
        args.add("--");
        args.addAll(extra);
        return args;
    }

    /** Where rustc writes the leaf crate's outputs in this build's target folder. */
    Path deps(PreparedBuild p) {
        return p.target().resolve(CargoCommand.CARGO_PROFILE).resolve("deps");
    }

    /** @param incremental null leaves it to the profile and Cargo */
    CargoCommand command(PreparedBuild p, Boolean incremental) {
        BuildPlan plan = p.plan();
        return CargoCommand.build(plan.profile(), plan.features(), p.manifest(), p.target(), incremental, p.stageFlags(),
                plan.route(), plan.toolchain().host(), userEnv);
    }

    /** cargo's environment: ctime's wrapper in place of any caching wrapper (sccache would time cache hits). */
    Map<String, String> env(CargoCommand cmd, Path rustcLog) {
        Map<String, String> env = new HashMap<>(cmd.env());
        env.put("RUSTC_WRAPPER", rusage.toString());
        env.put("RUSTC_WORKSPACE_WRAPPER", null);
        env.put("CTIME_LEAF_CRATE", crate.crateName());
        env.put("CTIME_RUSTC_LOG", rustcLog == null ? null : rustcLog.toString());
        env.put("CARGO_TERM_COLOR", "never");
        env.put("CTIME_PERF", perf == null || rustcLog == null ? null : perf.toString());
        return env;
    }
}
