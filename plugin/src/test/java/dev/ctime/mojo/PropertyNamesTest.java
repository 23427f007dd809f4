package dev.ctime.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.Problem;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings spelt from each goal's own descriptor: the same parameter name can be two properties in two goals. */
class PropertyNamesTest {
    @Test
    void eachGoalSpellsItsOwnParameters() {
        Map<String, String> measure = PropertyNames.byParameter(MeasureMojo.class);
        Map<String, String> check = PropertyNames.byParameter(CheckMojo.class);
        assertEquals("ctime.compileThreshold", measure.get("compileThreshold"));
        assertEquals("ctime.check.compileThreshold", check.get("compileThreshold"));
        assertEquals("ctime.workload", measure.get("workloadProperty"));
        assertEquals("<kernels>", PropertyNames.spelling("kernels", measure), "an element without a property");
        assertEquals("ctime.repeat is 0: use at least 1", Spelling.of(MeasureMojo.class, Problem.of("repeat", "{repeat} is 0: use at least 1")));
        assertTrue(PropertyNames.known(getClass().getClassLoader()).contains("ctime.check.onMismatch"));
    }
}
