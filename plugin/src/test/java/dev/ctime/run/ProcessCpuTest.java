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
    void thisJvmHasUsedSomeCpu() {
        double ms = ProcessCpu.totalMs();
        assertTrue(Double.isNaN(ms) || ms > 0, "Linux reports it; elsewhere NaN, never a made-up figure: " + ms);
    }
}
