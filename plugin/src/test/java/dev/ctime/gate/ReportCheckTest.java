package dev.ctime.gate;

import dev.ctime.model.Report;
import dev.ctime.store.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A baseline edited by hand is named before any comparison: a renamed figure, a NaN, a value of the wrong type. */
class ReportCheckTest {
    private static String real() throws IOException {
        try (var in = ReportCheckTest.class.getResourceAsStream("/reports/measure-basic.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Report read(Path dir, String json) throws IOException {
        return ReportFiles.readJson(Files.writeString(dir.resolve("report.json"), json));
    }

    @Test
    void aRealReportHasNoProblem(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), ReportCheck.problems(read(dir, real())));
    }

    @Test
    void aRenamedTimedFigureIsAProblemNotAFigureTheBaselineLacks(@TempDir Path dir) throws Exception {
        String json = real();
        assertTrue(json.contains("\"primalNs\""));
        List<String> p = ReportCheck.problems(read(dir, json.replace("\"primalNs\"", "\"primalNsOld\"")));
        assertTrue(p.stream().anyMatch(s -> s.contains(".primalNs is missing though the kernel's status is ok")), p.toString());
        List<String> g = ReportCheck.problems(read(dir, json.replace("\"gradientNs\"", "\"gradNs\"")));
        assertTrue(g.stream().anyMatch(s -> s.contains(".gradientNs is missing though its gradient was timed")), g.toString());
    }

    @Test
    void aNanOrAWrongTypeIsNamedWithItsPlaceAndTheFix(@TempDir Path dir) throws Exception {
        String json = real();
        IOException nan = assertThrows(IOException.class, () -> read(dir, json.replaceFirst("\"median\" ?: ?[0-9.eE+-]+", "\"median\": NaN")));
        assertTrue(nan.getMessage().contains("is not a report ctime can read at line "), nan.getMessage());
        assertTrue(nan.getMessage().contains("a NaN or Infinity, which is no JSON number"), nan.getMessage());
        assertTrue(nan.getMessage().contains("restore the file ctime wrote"), nan.getMessage());
        IOException type = assertThrows(IOException.class, () -> read(dir, json.replaceFirst("\"schemaVersion\" ?: ?[0-9]+",
                "\"schemaVersion\": {\"x\": 1}")));
        assertTrue(type.getMessage().contains("a value of the wrong type for schemaVersion"), type.getMessage());
        assertTrue(!type.getMessage().contains("[Source:"), "no parser internals: " + type.getMessage());
    }
}
