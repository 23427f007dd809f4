package dev.ctime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
    private static final long MS = 1_000_000;

    @Test
    void aQuietRunIsToldAboutOncePerWaitAndEveryLineStartsTheWaitAgain() {
        AtomicLong now = new AtomicLong();
        List<String> lines = new ArrayList<>();
        Heartbeat h = new Heartbeat(Duration.ofMillis(100), () -> "still here", lines::add, now::get);
        now.set(99 * MS);
        h.tick();
        assertEquals(List.of(), lines, "not yet quiet for the whole wait");
        now.set(100 * MS);
        h.tick();
        assertEquals(List.of("still here"), lines);
        now.set(150 * MS);
        h.tick();
        assertEquals(1, lines.size(), "its own line starts the wait again");
        // A busy run: a line every 60 ms, never a heartbeat.
        for (int t = 160; t < 1000; t += 60) {
            now.set(t * MS);
            h.beat();
            now.set((t + 59) * MS);
            h.tick();
        }
        assertEquals(1, lines.size(), "every line the run prints resets the wait: " + lines);
        now.addAndGet(100 * MS);
        h.tick();
        assertEquals(2, lines.size(), "quiet again for a whole wait");
    }

    @Test
    void nothingToSayIsNotSaid() {
        AtomicLong now = new AtomicLong();
        List<String> none = new ArrayList<>();
        Heartbeat h = new Heartbeat(Duration.ofMillis(20), () -> null, none::add, now::get);
        now.set(500 * MS);
        h.tick();
        assertEquals(List.of(), none, "nothing to say (the run is done or interrupted): nothing said");
    }

    @Test
    void theTimerTicksByItself() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Heartbeat h = new Heartbeat(Duration.ofMillis(50), () -> "still here", lines::add)) {
            for (int i = 0; i < 500 && lines.isEmpty(); i++) Thread.sleep(10);
        }
        assertTrue(!lines.isEmpty() && lines.stream().allMatch("still here"::equals), lines.toString());
    }
}
