package dev.ctime.compile;

import dev.ctime.autodiff.EnzymeTrace;
import dev.ctime.cargo.CargoCommand;
import dev.ctime.cargo.SourceCopy;
import dev.ctime.exec.Processes;
import dev.ctime.kernel.InstructionCounter;
import dev.ctime.model.Analysis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Untimed analysis builds of the leaf crate, after the timed ones so they cannot disturb them:
 * the phase split (-Ztime-passes, nightly only) and the codegen units rustc actually partitioned
 * the crate into (-Csave-temps keeps each unit's files: objects, or the unoptimised bitcode that
 * LTO merges), cargo-llvm-lines' count of unoptimised IR, Enzyme's own time from LLVM's trace,
 * and where asked for the leaf rustc's instructions under Cachegrind.
 */
final class AnalysisRunner {
    private static final Pattern CGU = Pattern.compile("-cgu\\.(\\d+)\\.rcgu\\.");

    private final CrateBuilds builds;
    private final Path valgrind;

    /** @param valgrind where given, the leaf rustc's instructions are counted too (many times the build's time) */
    AnalysisRunner(CrateBuilds builds, Path valgrind) {
        this.builds = builds;
        this.valgrind = valgrind;
    }

    /** The outcome with what the analysis builds found; a build that fails becomes a warning, not a failed profile. */
    BuildOutcome analyse(PreparedBuild p, BuildOutcome o) throws IOException, InterruptedException {
        Analysis.Builder a = Analysis.Builder.from(o.analysis());
        List<String> warnings = new ArrayList<>();
        var profile = p.plan().profile();
        boolean nightly = p.plan().toolchain().isNightly();
        List<String> extra = new ArrayList<>(List.of("-Csave-temps"));
        if (nightly) extra.addAll(List.of("-Ztime-passes", "-Ztime-passes-format=json"));
        // Enzyme's pass has no -Ztime-passes line; LLVM's own trace times it (nightly only). A nightly fat-LTO build
        // without Enzyme (the hand-written baseline) is traced too, for the loop passes set beside the autodiff build's.
        boolean trace = nightly && (profile.isAutodiff() || "fat".equals(profile.lto()));
        if (trace) extra.add("-Zllvm-time-trace");
        builds.cleanLeaf(p, false, "analysis");
        Map<String, String> env = builds.env(builds.command(p, false), null);
        Processes.Result r = Processes.run(builds.rustcCommand(p, extra), builds.crate.dir(), env, builds.timeout, p.logs(), "analysis-phases");
        if (r.ok()) {
            Map<String, Double> phases = PhaseSplit.parse(r.stderr());
            if (phases.isEmpty()) {
                a.phasesUnavailable = "-Ztime-passes needs a nightly toolchain; this profile uses "
                        + p.plan().toolchain().displayName() + " (" + p.plan().toolchain().channel() + ")";
            } else {
                a.phases = phases;
            }
            if (profile.isAutodiff() && !phases.isEmpty() && !phases.containsKey("autodiff")) {
                a.phasesNote = "this rustc names no autodiff pass: Enzyme's differentiation runs inside the"
                        + " LTO phase; its cost is this profile's lto against a hand-written profile's with fat LTO";
            }
            a.codegenUnitsUsed = countCodegenUnits(builds.deps(p));
            if (trace) enzymeTrace(p, a, warnings);
        } else {
            warnings.add("the phase-split build failed: " + FailureReason.fromCompilerOutput(r.stderr()));
        }
        builds.cleanLeaf(p, false, "llvm-lines");
        // Unoptimised IR of the crate alone needs LTO off. An autodiff build refuses to run without fat LTO, and
        // its pipeline must stay as the timed build's: Enzyme fed unoptimised IR rejects the standard library's
        // allocator (a crate that allocates in a differentiated function would fail here and nowhere else). Its
        // count is the whole program as optimised and differentiated, which is what LLVM's code generation works through.
        List<String> irFlags = new ArrayList<>(List.of("--emit=llvm-ir", "-Cpasses=name-anon-globals"));
        if (!profile.isAutodiff()) irFlags.addAll(List.of("-Cno-prepopulate-passes", "-Ccodegen-units=1", "-Clto=off"));
        // Enzyme runs in it as in the timed build: traced, it is a second run of Enzyme's pass.
        else if (trace) irFlags.add("-Zllvm-time-trace");
        a.llvmLinesScope = profile.isAutodiff() ? "the whole program after fat LTO, optimised and differentiated (the"
                + " timed build's own pipeline: Enzyme needs it)" : "the crate alone, unoptimised, one codegen unit, LTO off";
        Processes.Result ir = Processes.run(builds.rustcCommand(p, irFlags), builds.crate.dir(), env, builds.timeout, p.logs(),
                "analysis-llvm-lines");
        Path ll = builds.deps(p).resolve(builds.crate.crateName() + ".ll");
        if (ir.ok() && Files.exists(ll)) {
            a.llvmLines = LlvmLines.top(Files.readString(ll), 15);
            if (profile.isAutodiff() && trace && a.enzymePassRunsMs != null) secondEnzymeRun(p, a);
        } else {
            warnings.add("the llvm-lines build failed: " + FailureReason.fromCompilerOutput(ir.stderr()));
        }
        if (valgrind != null) countRustcInstructions(p, a, warnings);
        // The leaf's objects now differ from the timed builds'; a later build must not reuse them.
        builds.cleanLeaf(p, false, "after-analysis");
        return o.withAnalysis(a.build()).warned(warnings);
    }

    /** The leaf crate's full build under Cachegrind: cargo runs rustc through Valgrind as the workspace wrapper. */
    private void countRustcInstructions(PreparedBuild p, Analysis.Builder a, List<String> warnings)
            throws IOException, InterruptedException {
        builds.cleanLeaf(p, false, "count");
        Path out = p.logs().resolve("cachegrind");
        if (Files.exists(out)) SourceCopy.deleteTree(out);
        Files.createDirectories(out);
        CargoCommand cmd = builds.command(p, false);
        Map<String, String> env = builds.env(cmd, null);
        env.put("RUSTC_WORKSPACE_WRAPPER", cachegrindWrapper(p.plan().dir().getParent().getParent().resolve("bin")).toString());
        env.put("CTIME_VALGRIND", valgrind.toString());
        env.put("CTIME_CG_OUT", out.toString());
        Processes.Result r = Processes.run(cmd.args(), builds.crate.dir(), env, builds.timeout.multipliedBy(50), p.logs(), "analysis-cachegrind");
        if (!r.ok()) {
            warnings.add("the build under Cachegrind failed: " + FailureReason.fromCompilerOutput(r.stderr()));
            return;
        }
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(out, "cg.*")) {
            for (Path f : files) total += InstructionCounter.parseSummary(Files.readAllLines(f));
        } catch (IllegalArgumentException e) {
            warnings.add("Cachegrind wrote an unreadable count in " + out + ": " + e.getMessage());
            return;
        }
        a.rustcInstructions = total;
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
        Files.setPosixFilePermissions(w, PosixFilePermissions.fromString("rwxr-xr-x"));
        return w;
    }

    /** Enzyme's pass, the code generation after it, the per-function work and the loop passes, from -Zllvm-time-trace. */
    private void enzymeTrace(PreparedBuild p, Analysis.Builder a, List<String> warnings) throws IOException {
        Path file = builds.deps(p).resolve(builds.crate.crateName() + ".llvm_timings.json");
        if (!Files.exists(file)) {
            warnings.add("-Zllvm-time-trace wrote no " + file + ": Enzyme's time and the loop passes' are unknown for this profile");
            return;
        }
        EnzymeTrace t;
        try (InputStream in = Files.newInputStream(file)) {
            t = EnzymeTrace.parse(in);
        }
        if (t.enzymePassMs() == null && p.plan().profile().isAutodiff()) {
            warnings.add("the LLVM time trace (" + file + ") has no EnzymeNewPM event: Enzyme did not run in this build");
        } else {
            a.enzymePassMs = t.enzymePassMs();
            if (t.enzymePassMs() != null) a.enzymePassRunsMs = List.of(t.enzymePassMs());
        }
        a.codegenAfterEnzymeMs = t.codegenAfterEnzymeMs();
        a.loopPassesMs = t.loopPassesMs(); // empty, not absent, where the trace has none of them: none ran
        if (!t.perFunctionMs().isEmpty()) a.enzymePerFunctionMs = t.perFunctionMs();
        if (!t.differentiated().isEmpty()) a.differentiated = t.differentiated();
        // Kept for a look in chrome://tracing or Perfetto, compressed: a trace is tens of MB.
        try (InputStream in = Files.newInputStream(file);
             java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(p.logs().resolve("llvm_timings.json.gz")))) {
            in.transferTo(out);
        }
    }

    /** Enzyme's pass in the LLVM-lines build's trace, as one more run of it. */
    private void secondEnzymeRun(PreparedBuild p, Analysis.Builder a) throws IOException {
        Path file = builds.deps(p).resolve(builds.crate.crateName() + ".llvm_timings.json");
        if (!Files.exists(file)) return;
        try (InputStream in = Files.newInputStream(file)) {
            Double ms = EnzymeTrace.parse(in).enzymePassMs();
            if (ms == null) return;
            List<Double> runs = new ArrayList<>(a.enzymePassRunsMs);
            runs.add(ms);
            a.enzymePassRunsMs = List.copyOf(runs);
        }
    }

    static int countCodegenUnits(Path deps) throws IOException {
        Set<String> units = new HashSet<>();
        if (!Files.isDirectory(deps)) return 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(deps, "*-cgu.*.rcgu.*")) {
            for (Path f : ds) {
                Matcher m = CGU.matcher(f.getFileName().toString());
                if (m.find()) units.add(m.group(1));
            }
        }
        return units.size();
    }
}
