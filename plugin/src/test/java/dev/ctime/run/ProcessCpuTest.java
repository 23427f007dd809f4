package dev.ctime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {
    @Test
    void addsTheProcessAndItsReapedChildrenAfterACommandNameWithSpacesAndParentheses() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
        String stat = "4242 (java (mvn) x) S 1 4242 4242 0 -1 4194560 100 200 0 0 120 30 2000 450 20 0 40 0 12345 67890";
        assertEquals((120 + 30 + 2000 + 450) * 10.0, ProcessCpu.parse(stat));
    }

    @Test
    void thisJvmHasUsedSomeCpuAndItGrowsWithWork() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")),
                "Linux's /proc (elsewhere the figure is NaN, never a made-up one)");
        double before = ProcessCpu.totalMs();
        assertTrue(before > 0, "Linux reports it: " + before);
        // About 300 ms of this thread's CPU: /proc counts in 10 ms ticks, so the total must move.
        long end = System.nanoTime() + 300_000_000L;
        double sink = 0;
        while (System.nanoTime() < end) sink += Math.sqrt(sink + 1);
        double after = ProcessCpu.totalMs();
        assertTrue(after > before && sink > 0, before + " ms, then " + after + " ms");
    }
}
