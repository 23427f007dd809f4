package dev.ctime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What other processes use of the machine, told apart from ctime's own work, and the wait for a quieter moment. */
class MachineLoadTest {
    @Test
    void withoutALimitNothingWaitsAndNothingIsSaid() throws Exception {
        List<String> log = new ArrayList<>();
        assertTrue(Double.isNaN(new MachineLoad().waitForQuiet(Duration.ZERO, log::add)));
        assertEquals(List.of(), log);
    }

    @Test
    void otherProcessesSpinningOnEveryCpuMakeABusyMomentThatIsWaitedForAndSaid() throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        List<Process> spinners = new ArrayList<>();
        try {
            for (int i = 0; i < cpus; i++) spinners.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            Thread.sleep(200);
            MachineLoad load = new MachineLoad();
            double now = load.othersNow();
            assertTrue(now > MachineLoad.BUSY, "spinners on every CPU: " + now);
            List<String> log = new ArrayList<>();
            double first = load.waitForQuiet(Duration.ofSeconds(1), log::add);
            assertTrue(first > MachineLoad.BUSY, Double.toString(first));
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.get(0).startsWith("other processes used ") && log.get(0).contains("ctime.quiet, at most 1 s")
                    && log.get(0).contains("timing anyway"), log.get(0));
            // Stage by stage: a stage that ran beside the spinners is charged with them, ctime's own work is not.
            load.stageEnded(null);
            Thread.sleep(500);
            load.stageEnded("timing kernels");
            assertTrue(load.shares().get("timing kernels") > MachineLoad.BUSY, load.shares().toString());
        } finally {
            spinners.forEach(Process::destroyForcibly);
        }
    }
}
