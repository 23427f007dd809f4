package dev.ctime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JDK for the FFM binding, found beside Maven's as Debian installs them: the newest with a compiler. */
class ForkJdkTest {
    @TempDir
    Path jvm;

    private Path jdk(String name, String version, boolean javac) throws Exception {
        Path home = Files.createDirectories(jvm.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.createDirectories(home.resolve("bin"));
        Path c = Files.writeString(home.resolve("bin/" + (javac ? "javac" : "java")), "");
        c.toFile().setExecutable(true);
        return home;
    }

    @Test
    void theNewestJdkOf22OrMoreWithACompilerBesideMavensIsTaken() throws Exception {
        Path maven = jdk("java-17", "17.0.15", true);
        jdk("jdk-22", "22.0.1", true);
        Path newest = jdk("jdk-25", "25.0.3", true);
        jdk("jre-26", "26", false);
        jdk("java-1.8", "1.8.0_400", true);
        assertEquals(newest, ForkJdk.beside(maven));
    }

    @Test
    void noneWhereMavensIsNewEnoughOrNoneIsBesideIt() throws Exception {
        assertNull(ForkJdk.beside(jdk("jdk-23", "23", true)), "Maven's own JVM has FFM");
        jvm = Files.createDirectories(jvm.resolve("elsewhere"));
        jdk("java-11", "11.0.2", true);
        assertNull(ForkJdk.beside(jdk("java-17", "17.0.15", true)), "only older ones and itself");
    }
}
