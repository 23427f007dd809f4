package dev.ctime.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What doctor says about the FFM bindings: which JDK the forks would run on, or how to get one. */
class DoctorFfmTest {
    @TempDir
    Path jvm;

    private Path jdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(jvm.resolve(name).resolve("bin"));
        Files.writeString(home.getParent().resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Files.writeString(home.resolve("javac"), "").toFile().setExecutable(true);
        return home.getParent();
    }

    @Test
    void itNamesTheJdkTheForksWouldRunOnOrTheFix() throws Exception {
        Path mine = jdk("java-17", "17.0.15");
        String none = Doctor.ffm(mine);
        assertTrue(none.startsWith("FFM bindings: unavailable: this JVM is JDK 17 and no JDK 22 or newer is installed beside it")
                && none.contains("set ctime.jdk"), none);
        Path jdk25 = jdk("jdk-25", "25.0.3");
        assertEquals("FFM bindings: the kernel forks run on " + jdk25 + " (JDK 25), installed beside this JVM (JDK 17)",
                Doctor.ffm(mine));
        assertEquals("FFM bindings: on this JVM (JDK 25)", Doctor.ffm(jdk25));
    }
}
