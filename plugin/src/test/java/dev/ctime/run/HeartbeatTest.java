package dev.ctime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
    @Test
    void aQuietRunIsToldAboutAndABusyOneIsNot() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Heartbeat h = new Heartbeat(Duration.ofMillis(50), () -> "still here", lines::add)) {
            for (int i = 0; i < 200 && lines.isEmpty(); i++) Thread.sleep(10);
        }
        assertTrue(!lines.isEmpty() && lines.stream().allMatch("still here"::equals), lines.toString());

        List<String> busy = new CopyOnWriteArrayList<>();
        try (Heartbeat h = new Heartbeat(Duration.ofSeconds(5), () -> "still here", busy::add)) {
            for (int i = 0; i < 20; i++) {
                h.beat();
                Thread.sleep(10);
            }
        }
        assertEquals(List.of(), busy, "every line the run prints resets the wait");

        List<String> none = new CopyOnWriteArrayList<>();
        try (Heartbeat h = new Heartbeat(Duration.ofMillis(20), () -> null, none::add)) {
            Thread.sleep(200);
        }
        assertEquals(List.of(), none, "nothing to say (the run is done or interrupted): nothing said");
    }
}
