package dev.ctime.pgo;

import dev.ctime.model.PipelineStage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of a training pipeline's stages, as rustc's own PGO and BOLT build does
 * them: instrumented build, training, merge, optimised build; BOLT instrumentation, training,
 * merge, rewrite. Pure, so every stage's command line is tested as it will run.
 */
public final class PipelineCommands {
    /** Raw profile names: one per process (%p) and per instrumented module (%m), so forks never share a file. */
    public static final String RAW_PROFILE_PATTERN = "ctime-%p-%m.profraw";
    /** The prefix BOLT's instrumented library writes to, with its pid appended. */
    public static final String BOLT_PROFILE_PREFIX = "prof";

    private PipelineCommands() {
    }

    /** rustflags of the instrumented build; its raw profiles go to {@code rawDir}. */
    public static List<String> instrumentFlags(Path rawDir) {
        return List.of("-Cprofile-generate=" + rawDir);
    }

    /** rustflags of the optimised build; functions the training never ran are named in the build log. */
    public static List<String> useFlags(Path profdata) {
        return List.of("-Cprofile-use=" + profdata, "-Cllvm-args=-pgo-warn-missing-function");
    }

    /** The instrumented library's environment: LLVM_PROFILE_FILE keeps each process's profile apart. */
    public static String rawProfileFile(Path rawDir) {
        return rawDir.resolve(RAW_PROFILE_PATTERN).toString();
    }

    public static List<String> mergeRaw(Path profdata, Path out, List<Path> raw) {
        List<String> c = new ArrayList<>(List.of(profdata.toString(), "merge", "-o", out.toString()));
        raw.forEach(r -> c.add(r.toString()));
        return c;
    }

    /** BOLT's instrumented copy of the library; each process appends its pid to the profile's name. */
    public static List<String> boltInstrument(Path bolt, Path library, Path out, Path profileDir) {
        return List.of(bolt.toString(), library.toString(), "-instrument",
                "--instrumentation-file=" + profileDir.resolve(BOLT_PROFILE_PREFIX), "--instrumentation-file-append-pid",
                "-o", out.toString());
    }

    public static List<String> mergeFdata(Path mergeFdata, Path out, List<Path> fdata) {
        List<String> c = new ArrayList<>(List.of(mergeFdata.toString()));
        fdata.forEach(f -> c.add(f.toString()));
        c.addAll(List.of("-o", out.toString()));
        return c;
    }

    /**
     * The rewrite with the options rustc's and LLVM's own BOLT builds use: basic blocks laid out
     * by ext-tsp, functions by cache-directed sort (hfsort's successor), cold code split off.
     */
    public static List<String> boltOptimise(Path bolt, Path library, Path out, Path fdata) {
        List<String> c = new ArrayList<>(List.of(bolt.toString(), library.toString(), "-o", out.toString(), "-data=" + fdata));
        c.addAll(PipelineStage.BOLT_OPTIONS);
        return c;
    }

    /** Inputs for training come from another seed than the timed ones: a profile trained on its test inputs flatters itself. */
    public static long trainingSeed(long timingSeed) {
        return timingSeed ^ 0x5DEECE66DL;
    }
}
