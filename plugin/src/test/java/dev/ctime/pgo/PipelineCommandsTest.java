package dev.ctime.pgo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineCommandsTest {
    private final Path dir = Path.of("/w/profiles/p/pgo");

    @Test
    void pgoStagesRunAsRustcAndLlvmProfdataExpect() {
        assertEquals(List.of("-Cprofile-generate=/w/profiles/p/pgo/raw"), PipelineCommands.instrumentFlags(dir.resolve("raw")));
        assertEquals("/w/profiles/p/pgo/raw/ctime-%p-%m.profraw", PipelineCommands.rawProfileFile(dir.resolve("raw")),
                "each process and module writes its own file");
        assertEquals(List.of("/usr/bin/llvm-profdata-22", "merge", "-o", "/w/m.profdata", "/w/a.profraw", "/w/b.profraw"),
                PipelineCommands.mergeRaw(Path.of("/usr/bin/llvm-profdata-22"), Path.of("/w/m.profdata"),
                        List.of(Path.of("/w/a.profraw"), Path.of("/w/b.profraw"))));
        assertEquals(List.of("-Cprofile-use=/w/m.profdata", "-Cllvm-args=-pgo-warn-missing-function"),
                PipelineCommands.useFlags(Path.of("/w/m.profdata")));
    }

    @Test
    void boltStagesInstrumentMergeAndRewrite() {
        Path bolt = Path.of("/usr/bin/llvm-bolt-22");
        assertEquals(List.of("/usr/bin/llvm-bolt-22", "/w/lib.so", "-instrument", "--instrumentation-file=/w/fdata/prof",
                        "--instrumentation-file-append-pid", "-o", "/w/inst.so"),
                PipelineCommands.boltInstrument(bolt, Path.of("/w/lib.so"), Path.of("/w/inst.so"), Path.of("/w/fdata")));
        assertEquals(List.of("/usr/bin/merge-fdata-22", "/w/fdata/prof.1.fdata", "/w/fdata/prof.2.fdata", "-o", "/w/m.fdata"),
                PipelineCommands.mergeFdata(Path.of("/usr/bin/merge-fdata-22"), Path.of("/w/m.fdata"),
                        List.of(Path.of("/w/fdata/prof.1.fdata"), Path.of("/w/fdata/prof.2.fdata"))));
        assertEquals(List.of("/usr/bin/llvm-bolt-22", "/w/lib.so", "-o", "/w/out.so", "-data=/w/m.fdata",
                        "-reorder-blocks=ext-tsp", "-reorder-functions=cdsort", "-split-functions", "-split-all-cold", "-dyno-stats"),
                PipelineCommands.boltOptimise(bolt, Path.of("/w/lib.so"), Path.of("/w/out.so"), Path.of("/w/m.fdata")));
    }

    @Test
    void trainingSeedDiffersFromTheTimedSeed() {
        for (long s : new long[] {0, 1, 42, -1, Long.MAX_VALUE}) {
            assertNotEquals(s, PipelineCommands.trainingSeed(s));
            assertEquals(PipelineCommands.trainingSeed(s), PipelineCommands.trainingSeed(s), "reproducible");
        }
    }
}
