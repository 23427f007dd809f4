package dev.ctime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.cargo.CrateInfo;
import dev.ctime.harness.NativeTools;
import dev.ctime.model.PipelineStage;
import dev.ctime.pgo.PipelineCommands;
import dev.ctime.pgo.PipelineTools;
import dev.ctime.pgo.Trainer;
import dev.ctime.profile.ProfileParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BOLT's pipeline end to end through the real process runner and ctime-rusage, with shell scripts standing in
 * for llvm-bolt and merge-fdata and a trainer that writes what an instrumented library would: the edges only.
 */
class TrainingPipelineTest {
    @TempDir
    Path dir;
    private CrateBuilds builds;
    private PreparedBuild build;

    /** A stand-in for llvm-bolt: copies the library, and marks it where it rewrites from a profile (-data=). */
    private static final String BOLT = "#!/bin/sh\nlib=$1; out=; data=; prev=\n"
            + "for a; do [ \"$prev\" = -o ] && out=$a; case $a in -data=*) data=1;; esac; prev=$a; done\n"
            + "cp \"$lib\" \"$out\"\nif [ -n \"$data\" ]; then echo bolted >> \"$out\"; fi\n";

    @BeforeEach
    void setUp() throws Exception {
        Path manifest = Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"k\"\n");
        CrateInfo crate = new CrateInfo(manifest, "k", "0.1.0", "k", List.of(), true, null, Path.of("src/lib.rs"));
        Path rusage = NativeTools.install(dir.resolve("bin"));
        builds = new CrateBuilds(crate, rusage, null, Duration.ofMinutes(1), Map.of());
        Path bolt = script("llvm-bolt", BOLT);
        Path merge = script("merge-fdata", "#!/bin/sh\nout=\nfor a; do [ \"$prev\" = -o ] && out=$a; prev=$a; done\n"
                + "for a; do case $a in *.fdata) [ \"$a\" != \"$out\" ] && cat \"$a\";; esac; done > \"$out\"\nexit 0\n");
        PipelineTools.Set tools = new PipelineTools.Set(null, new PipelineTools.Found(bolt, "stand-in 1", null),
                new PipelineTools.Found(merge, "stand-in 1", null));
        BuildPlan plan = new BuildPlan(ProfileParser.parse(Map.of("name", "bolted", "bolt", "true")), null,
                dir.resolve("profiles/bolted"), List.of(), null, tools, "fp");
        Files.createDirectories(plan.logs());
        Path lib = Files.writeString(Files.createDirectories(plan.dir().resolve("lib")).resolve("libk.so"), "original\n");
        build = new PreparedBuild(plan, manifest, dir.resolve("src/lib.rs"), plan.dir().resolve("target"), List.of(), lib);
    }

    private Path script(String name, String text) throws IOException {
        Path p = Files.writeString(Files.createDirectories(dir.resolve("tools")).resolve(name), text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** Trains by writing one profile per "process", as the instrumented library does, into the folder BOLT was told. */
    private static Trainer trainer(int profiles) {
        return new Trainer() {
            @Override
            public PipelineStage train(String stage, String profile, Path library, Map<String, String> env, Path dir) throws IOException {
                Path fdata = library.resolveSibling("fdata");
                for (int i = 0; i < profiles; i++) {
                    Files.writeString(fdata.resolve(PipelineCommands.BOLT_PROFILE_PREFIX + (100 + i) + ".fdata"), "counts " + i + "\n");
                }
                return new PipelineStage(stage, 5, 4, "stand-in training of " + library.getFileName());
            }

            @Override
            public long seed() {
                return 7;
            }

            @Override
            public String workload() {
                return "k@16";
            }
        };
    }

    @Test
    void boltRewritesTheLibraryTheHarnessTimesAndKeepsTheOneBefore() throws Exception {
        List<PipelineStage> stages = new ArrayList<>();
        Path before = new TrainingPipeline(builds, trainer(2)).bolt(build, stages::add);
        assertEquals(List.of("BOLT instrumentation", "BOLT training", "BOLT profile merge", "BOLT rewrite"),
                stages.stream().map(PipelineStage::stage).toList());
        assertEquals("original\n", Files.readString(before));
        assertEquals("original\nbolted\n", Files.readString(build.artifact()), "the timed library is the rewritten one");
        assertEquals("counts 0\ncounts 1\n", Files.readString(before.resolveSibling("merged.fdata")), "both profiles merged");
        // Each tool ran under ctime-rusage, so its stage carries measured CPU and wall time.
        assertTrue(stages.get(0).wallMs() > 0, stages.get(0).toString());
    }

    @Test
    void aTrainingThatLeavesNoProfileFailsTheProfileAndLeavesTheLibraryAlone() {
        BuildFailure f = assertThrows(BuildFailure.class, () -> new TrainingPipeline(builds, trainer(0)).bolt(build, s -> { }));
        assertTrue(f.reason().contains("wrote no profile to " + build.plan().dir().resolve("bolt/fdata")), f.reason());
        assertEquals("original\n", assertDoesNotThrowRead(build.artifact()));
    }

    @Test
    void aFailingToolIsNamedWithItsExitAndLog() throws Exception {
        script("llvm-bolt", "#!/bin/sh\necho 'BOLT-ERROR: no relocations' >&2\nexit 3\n");
        BuildFailure f = assertThrows(BuildFailure.class, () -> new TrainingPipeline(builds, trainer(1)).bolt(build, s -> { }));
        assertTrue(f.reason().startsWith("BOLT: BOLT instrumentation failed (exit code 3): BOLT-ERROR: no relocations"), f.reason());
        assertTrue(f.reason().contains("bolt-instrument.stderr"), f.reason());
    }

    private static String assertDoesNotThrowRead(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
