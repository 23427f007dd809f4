package dev.ctime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @Test
    void csvCellsCannotRunAsFormulasAndNumbersStayNumbers() {
        assertEquals("'=HYPERLINK(\"x\")", ReportWriter.cell("=HYPERLINK(\"x\")").replace("\"\"", "\"").replaceAll("^\"|\"$", ""));
        assertEquals("'+cmd", ReportWriter.cell("+cmd"));
        assertEquals("'@sum", ReportWriter.cell("@sum"));
        assertEquals("'-x", ReportWriter.cell("-x"));
        assertEquals("-11", ReportWriter.cell("-11"));
        assertEquals("-1.5e-3", ReportWriter.cell("-1.5e-3"));
        assertEquals("\"a,b\"", ReportWriter.cell("a,b"));
        assertEquals("\"two\nlines\"", ReportWriter.cell("two\nlines"));
    }

    @Test
    void reportsAreWrittenWholeAndReadableByAll(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.json");
        ReportWriter.atomically(f, "{}");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
        Path blocked = Files.writeString(dir.resolve("file"), "x").resolve("report.json");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ReportWriter.atomically(blocked, "{}"));
        assertTrue(e.getMessage().startsWith("cannot write " + blocked), e.getMessage());
    }
}
