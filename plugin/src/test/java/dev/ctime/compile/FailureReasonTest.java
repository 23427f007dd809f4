package dev.ctime.compile;

import dev.ctime.text.Units;
import dev.ctime.cargo.CargoOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FailureReasonTest {
    @Test
    void aFailedLinkIsExplainedByTheLinkersOwnNoteNotItsCommandLine() {
        String stderr = "   Compiling k v0.1.0\n"
                + "error: linking with `cc` failed: exit status: 1\n"
                + "  |\n"
                + "  = note:  \"cc\" \"-m64\" \"/t/symbols.o\" \"-fuse-ld=mold\" \"-Wl,-q\"\n"
                + "  = note: some arguments are omitted. use `--verbose` to show all linker arguments\n"
                + "  = note: collect2: fatal error: ld terminated with signal 11 [Segmentation fault]\n"
                + "error: could not compile `k` (build script) due to 1 previous error\n";
        String r = FailureReason.fromCompilerOutput(stderr);
        assertTrue(r.startsWith("error: linking with `cc` failed: exit status: 1"), r);
        assertTrue(r.contains("ld terminated with signal 11"), r);
        assertTrue(!r.contains("-m64") && !r.contains("some arguments are omitted"), r);
    }

    @Test
    void keepsRustcErrorsAndWhereTheyPoint() {
        String err = "   Compiling k v0.1.0\nwarning: unused\nerror[E0425]: cannot find value `y` in this scope\n"
                + " --> src/lib.rs:3:5\n  |\n3 |     y\n\nerror: could not compile `k` (lib) due to 1 previous error\n";
        assertEquals("error[E0425]: cannot find value `y` in this scope\n  --> src/lib.rs:3:5", FailureReason.fromCompilerOutput(err));
    }

    @Test
    void enzymeVerdictWithTheFunctionAndWithoutTheTypeDump() {
        StringBuilder err = new StringBuilder("   Compiling stencil v0.1.0\n");
        err.append("define internal void @preprocess__ZN7stencil4heat17h0123456789abcdefE(ptr %0, i64 %1) {\n");
        for (int i = 0; i < 30; i++) err.append("  %").append(i).append(" = load double, ptr %x: {[-1]:Pointer, [-1,0]:Float@double}\n");
        err.append("Enzyme: Cannot deduce type of copy   call void @llvm.memcpy.p0.p0.i64(ptr %a, ptr %b, i64 %n, i1 false)\n");
        err.append("error: could not compile `stencil` (lib)\n");
        String r = FailureReason.fromCompilerOutput(err.toString());
        assertTrue(r.startsWith("Enzyme: Cannot deduce type of copy"), r);
        assertTrue(r.contains("(in stencil::heat)"), r);
        assertFalse(r.contains("Pointer, [-1,0]"), "no type-analysis dump: " + r);
    }

    @Test
    void nestedErrorsFromCargoAreKept() {
        String err = "error: failed to run `rustc` to learn about target-specific information\n\nCaused by:\n  process didn't"
                + " exit successfully\n  --- stderr\n  error: unknown codegen option: `no-such-option`\n";
        String r = FailureReason.fromCompilerOutput(err);
        assertTrue(r.contains("error: unknown codegen option: `no-such-option`"), r);
    }

    @Test
    void longOutputIsCapped() {
        String r = FailureReason.fromCompilerOutput("error: x\n".repeat(1) + ("error: " + "y".repeat(100) + "\n").repeat(0)
                + "error: " + "z".repeat(5000));
        assertTrue(r.length() <= 1502);
    }

    @Test
    void cargoOutputParsing() throws Exception {
        String stderr = "   Compiling dep v1\n     Running `/bin/wrap /bin/rustc --crate-name dep --edition=2021`\n"
                + "     Running `/bin/wrap /bin/rustc --crate-name demo_kernels --edition=2021 src/lib.rs -C lto=fat`\n";
        assertEquals("/bin/wrap /bin/rustc --crate-name demo_kernels --edition=2021 src/lib.rs -C lto=fat",
                CargoOutput.leafRustcCommand(stderr, "demo_kernels"));
        String stdout = "{\"reason\":\"compiler-artifact\",\"target\":{\"name\":\"dep\"},\"filenames\":[\"/t/libdep.rlib\"]}\n"
                + "{\"reason\":\"compiler-artifact\",\"target\":{\"name\":\"demo-kernels\"},\"filenames\":[\"/t/ctime/libdemo_kernels.so\"]}\n"
                + "{\"reason\":\"build-finished\",\"success\":true}\n";
        assertEquals(Path.of("/t/ctime/libdemo_kernels.so"), CargoOutput.cdylib(stdout, "demo_kernels"));
        assertEquals(null, CargoOutput.cdylib(stdout, "other"));
    }

    @Test
    void patchIsAHarmlessNewItem() {
        assertTrue(ScenarioRunner.patch(3).contains("fn ctime_incr_patched_3() -> u64 { 3 }"));
        assertEquals("1 min 5 s", Units.duration(65_000));
    }
}
