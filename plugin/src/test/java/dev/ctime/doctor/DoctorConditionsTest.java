package dev.ctime.doctor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorConditionsTest {
    @Test
    void aBusyMachineIsCalledBusyAndAQuietOneQuiet() {
        List<String> busy = Doctor.conditions("1.80 0.90 0.36 3/116 8072\n", 2, null, null);
        assertTrue(busy.get(0).startsWith("load: 1.80 over the last minute on 2 CPUs; something else is running"), busy.get(0));
        List<String> quiet = Doctor.conditions("0.05 0.10 0.10 1/100 1\n", 2, null, null);
        assertTrue(quiet.get(0).endsWith(", quiet"), quiet.get(0));
    }

    @Test
    void governorAndValgrindAreNamedWithTheirFix() {
        List<String> l = Doctor.conditions(null, 2, "powersave\n", null);
        assertTrue(l.get(0).equals("CPU frequency governor: powersave; the clock may change during a run: for steadier figures,"
                + " cpupower frequency-set -g performance"), l.get(0));
        assertTrue(l.get(1).contains("apt-get install valgrind"), l.get(1));
        List<String> vm = Doctor.conditions(null, 2, null, Path.of("/usr/bin/valgrind"));
        assertTrue(vm.get(0).contains("not exposed"), vm.get(0));
        assertTrue(vm.get(1).contains("Valgrind found at /usr/bin/valgrind"), vm.get(1));
        assertTrue(Doctor.conditions(null, 2, "performance", null).get(0).equals("CPU frequency governor: performance"));
    }
}
