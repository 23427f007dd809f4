package dev.ctime.compile;

import dev.ctime.model.Interference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuLoadTest {
    @Test
    void readsBusyAndStolenTimeFromTheAggregateLine() {
        // user nice system idle iowait irq softirq steal: busy = user + nice + system + irq + softirq.
        CpuLoad l = CpuLoad.parse("cpu  100 10 50 9000 40 5 5 20 0 0", 123);
        assertEquals(1700, l.busyMs(), 1e-9);
        assertEquals(200, l.stealMs(), 1e-9);
        assertEquals(123, l.selfCpuMs(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> CpuLoad.parse("cpu0 1 2 3 4 5 6 7 8", 0));
    }

    @Test
    void whatElseRanIsTheBusyTimeNeitherTheBuildNorCtimeUsed() {
        CpuLoad before = new CpuLoad(0, 0, 0);
        // 1 s of wall time on 2 CPUs: 2000 ms of capacity. The build used 900 ms, ctime 100 ms, and the machine was busy
        // 1800 ms: 800 ms were someone else's, less the 40 ms a tick's resolution cannot tell apart.
        Interference i = CpuLoad.between(before, new CpuLoad(1800, 0, 100), 1000, 900, 2);
        assertEquals(0.38, i.otherCpuShare(), 1e-9);
        assertTrue(i.disturbed());
        Interference quiet = CpuLoad.between(before, new CpuLoad(1030, 0, 100), 1000, 900, 2);
        assertEquals(0, quiet.otherCpuShare(), 1e-9);
        assertFalse(quiet.disturbed());
        Interference stolen = CpuLoad.between(before, new CpuLoad(1000, 200, 100), 1000, 900, 2);
        assertEquals(0.1, stolen.stealShare(), 1e-9);
        assertTrue(stolen.disturbed(), "the hypervisor took a tenth");
        assertNull(CpuLoad.between(null, before, 1000, 900, 2), "no /proc/stat, no verdict");
    }
}
