package dev.ctime.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every goal's lines within 100 columns: long ones broken at spaces, short ones (tables, continuations) as they are. */
class WrappedLogTest {
    @Test
    void longLinesAreBrokenAndShortOnesPassAsTheyAre() {
        RecordingLog rec = new RecordingLog();
        WrappedLog log = new WrappedLog(rec);
        String longLine = "ctime: " + "word ".repeat(60).strip();
        log.info(longLine);
        log.warn("  an indented continuation that fits");
        log.info("a | table | row");
        assertTrue(rec.info.size() > 1, rec.info.toString());
        assertTrue(rec.info.stream().allMatch(l -> l.length() <= 100), rec.info.toString());
        assertEquals(longLine, String.join(" ", rec.info.subList(0, rec.info.size() - 1)).replaceAll(" {2,}", " "));
        assertEquals("a | table | row", rec.info.get(rec.info.size() - 1));
        assertEquals(List.of("  an indented continuation that fits"), rec.warn);
        rec.info.clear();
        log.info("  PGO: " + "x ".repeat(70).strip());
        assertTrue(rec.info.get(0).startsWith("  PGO: x") && rec.info.get(1).startsWith("    x"), rec.info.toString());
        assertTrue(rec.info.stream().allMatch(l -> l.length() <= 100), rec.info.toString());
        String failure = WrappedLog.wrapped("ctime: 3 regressions: " + "a; ".repeat(80) + "\nsecond line");
        assertTrue(failure.lines().allMatch(l -> l.length() <= 100) && failure.endsWith("\nsecond line"), failure);
    }
}
