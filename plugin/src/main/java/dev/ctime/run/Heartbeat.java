package dev.ctime.run;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A line whenever a run has been quiet for a while (a long build, Cachegrind counting, a slow fork):
 * what it is doing and how long is left, so that a run can be followed in a CI log as well as at a
 * terminal. Every other line the run prints resets the wait.
 */
final class Heartbeat implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ctime-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final long quietNs;
    private volatile long last = System.nanoTime();

    /**
     * @param status what to say, or null to say nothing this time
     */
    Heartbeat(Duration quiet, Supplier<String> status, Consumer<String> log) {
        this.quietNs = quiet.toNanos();
        long tick = Math.max(1, quiet.toMillis() / 5);
        timer.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - last < quietNs) return;
            String s = status.get();
            if (s != null) log.accept(s);
            beat();
        }, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Something was printed: the wait starts again. */
    void beat() {
        last = System.nanoTime();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
