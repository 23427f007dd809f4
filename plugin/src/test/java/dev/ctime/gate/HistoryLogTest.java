package dev.ctime.gate;

import dev.ctime.store.ReportFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history survives a torn write: the broken line is named and skipped, and the next run is not lost with it. */
class HistoryLogTest {
    @TempDir
    Path dir;

    @Test
    void aLineCutShortIsSkippedByNameAndTheNextRunStartsOnItsOwnLine() throws Exception {
        Report r = ReportFiles.readJson(Path.of("src/test/resources/reports/measure-basic.json"));
        Path h = dir.resolve("history.jsonl");
        assertNull(HistoryLog.append(h, r));
        assertNull(HistoryLog.append(h, r));
        // A run killed while writing its line: the third line stops half-way, with no newline.
        String line = Files.readAllLines(h).get(0);
        Files.writeString(h, line.substring(0, line.length() / 2), java.nio.file.StandardOpenOption.APPEND);
        String mended = HistoryLog.append(h, r);
        assertTrue(mended != null && mended.contains("cut short"), String.valueOf(mended));
        List<String> skipped = new ArrayList<>();
        List<HistoryLog.Run> runs = HistoryLog.read(h, skipped::add);
        assertEquals(3, runs.size(), "the runs before and the run after the broken line");
        assertEquals(1, skipped.size());
        assertTrue(skipped.get(0).contains("history.jsonl line 3 is not a ctime run"), skipped.get(0));
    }
}
