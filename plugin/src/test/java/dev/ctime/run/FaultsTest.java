package dev.ctime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.ctime.kernel.Kernel;
import dev.ctime.kernel.KernelParser;
import dev.ctime.profile.ProfileException;
import dev.ctime.profile.ProfileParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults that must end in a clear message: a busy or unwritable output folder, unsafe names, many mistakes at once. */
class FaultsTest {
    @TempDir
    Path dir;

    @Test
    void aSecondRunOnTheSameOutputFolderIsRefusedNamingTheFirst() throws Exception {
        try (OutputLock first = OutputLock.acquire(dir.resolve("ctime"))) {
            IOException e = assertThrows(IOException.class, () -> OutputLock.acquire(dir.resolve("ctime")));
            assertTrue(e.getMessage().startsWith("another ctime run is measuring into " + dir.resolve("ctime")), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        }
        try (OutputLock again = OutputLock.acquire(dir.resolve("ctime"))) {
            assertTrue(Files.exists(dir.resolve("ctime").resolve(OutputLock.FILE)), "free again once the first run is done");
        }
    }

    @Test
    void anUnwritableOutputFolderIsNamedWithTheFix() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes anywhere: nothing to refuse");
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        IOException e = assertThrows(IOException.class, () -> OutputLock.acquire(ro.resolve("ctime")));
        assertTrue(e.getMessage().contains(ro.resolve("ctime").toString()) && e.getMessage().contains("ctime.outputDirectory"),
                e.getMessage());
        assertFalse(e.getMessage().contains("cargo"), "not reported as a missing cargo");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        IOException e = assertThrows(IOException.class, () -> OutputLock.acquire(file.resolve("ctime")));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("ctime.outputDirectory"), e.getMessage());
    }

    @Test
    void everyMistakeOfAProfileIsReportedAtOnce() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("name", "p");
        raw.put("optlevel", "3");
        raw.put("lto", "fatt");
        raw.put("codegenUnits", "0");
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileParser.parse(raw));
        List<String> lines = List.of(e.getMessage().split("\n"));
        assertEquals(3, lines.size(), e.getMessage());
        assertTrue(lines.get(0).contains("did you mean <optLevel>?"));
        assertTrue(lines.get(1).contains("<lto> is 'fatt'"));
        assertTrue(lines.get(2).contains("codegenUnits"));
    }

    @Test
    void namesThatWouldEscapeAFolderOrRunAsAFormulaAreRefused() {
        for (String bad : List.of(".", "..", "-rf", "=cmd", "+x", "@x", "a/b", "a\nb")) {
            assertThrows(ProfileException.class, () -> ProfileParser.parse(Map.of("name", bad)), bad);
            assertThrows(IllegalArgumentException.class, () -> KernelParser.parse(Map.of("name", bad, "primal", "f", "sizes", "8")), bad);
        }
        Kernel ok = KernelParser.parse(Map.of("name", "heat_2d", "sizes", "8,64"));
        assertEquals(List.of(8, 64), ok.sizes());
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> KernelParser.parse(Map.of("name", "k", "sizes", "8,64,8")));
        assertTrue(dup.getMessage().contains("size 8 is listed twice"), dup.getMessage());
    }
}
