package dev.ctime.mojo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.exec.Processes;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ctime:doctor on this machine's real toolchains: one answer per toolchain, including one that is not installed. */
class DoctorMojoTest {
    @TempDir
    Path dir;

    @Test
    void everyToolchainAskedForGetsAnAnswerAndAMissingOneItsFix() throws Exception {
        Assumptions.assumeTrue(Processes.which("rustup") != null, "toolchains are named through rustup");
        DoctorMojo m = Descriptor.configured(new DoctorMojo(), dir);
        m.workDirectory = dir.resolve("doctor").toFile();
        m.toolchains = "default, ctime-no-such-toolchain";
        RecordingLog log = new RecordingLog();
        m.setLog(log);
        m.execute();
        String all = log.all();
        assertTrue(all.contains("rustc "), all);
        assertTrue(all.contains("ctime-no-such-toolchain") && all.contains("rustup toolchain install ctime-no-such-toolchain"), all);
        assertTrue(all.toLowerCase(java.util.Locale.ROOT).contains("enzyme"), all);
    }
}
