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
    private final java.util.function.LongSupplier clock;
    private final Supplier<String> status;
    private final Consumer<String> log;
    private volatile long last;

    /**
     * @param status what to say, or null to say nothing this time
     */
    Heartbeat(Duration quiet, Supplier<String> status, Consumer<String> log) {
        this(quiet, status, log, System::nanoTime);
        long tick = Math.max(1, quiet.toMillis() / 5);
        timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** On a clock of its own and without a timer: {@link #tick} is called by hand (tests). */
    Heartbeat(Duration quiet, Supplier<String> status, Consumer<String> log, java.util.function.LongSupplier clock) {
        this.quietNs = quiet.toNanos();
        this.clock = clock;
        this.status = status;
        this.log = log;
        this.last = clock.getAsLong();
    }

    /** Says the status where the run has been quiet for the whole wait, and starts the wait again. */
    void tick() {
        if (clock.getAsLong() - last < quietNs) return;
        String s = status.get();
        if (s != null) log.accept(s);
        beat();
    }

    /** Something was printed: the wait starts again. */
    void beat() {
        last = clock.getAsLong();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
