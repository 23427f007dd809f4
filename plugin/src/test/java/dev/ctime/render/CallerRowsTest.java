package dev.ctime.render;

import dev.ctime.ReportBuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ctime.model.Binding;
import dev.ctime.model.CallerCost;
import dev.ctime.model.Placement;
import dev.ctime.model.Report;
import dev.ctime.stats.Statistics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calls from Java as the console and the page print them: a row per function and placement, a column per binding. */
class CallerRowsTest {
    private static Report report(List<CallerCost> callers) {
        return ReportBuilder.report().createdAt("t").callers(callers).build();
    }

    @Test
    void aRowPerFunctionAndPlacementACellPerBindingAndEachMissingReasonOnce() {
        List<CallerCost> cs = new ArrayList<>();
        for (Placement p : Placement.values()) {
            cs.add(new CallerCost("heat", 64, "primal", Binding.JNA, p, Statistics.summarize(new double[] {700, 710, 690}),
                    Statistics.summarize(new double[] {p == Placement.ARRAY ? 840 : 390, 400, 380}), "release", null));
            cs.add(new CallerCost("heat", 64, "primal", Binding.JNI, p, Statistics.summarize(new double[] {300}),
                    Statistics.summarize(new double[] {-2.5}), "release", null));
            for (Binding b : List.of(Binding.FFM, Binding.FFM_CRITICAL)) {
                cs.add(new CallerCost("heat", 64, "primal", b, p, null, null, "release", "the forks run on JDK 17"));
            }
        }
        CallerRows t = CallerRows.of(report(cs), true);
        assertEquals(List.of("kernel", "n", "function", "data", "jna", "jna-direct", "jni", "ffm", "ffm-critical"), t.head());
        assertEquals(List.of(List.of("heat", "64", "primal", "off-heap", "+390.0 ns of 700.0 ns", "-", "-2.5 ns of 300.0 ns", "-", "-"),
                List.of("heat", "64", "primal", "array", "+400.0 ns of 700.0 ns", "-", "-2.5 ns of 300.0 ns", "-", "-")), t.rows());
        assertEquals(List.of("ffm, ffm-critical: the forks run on JDK 17"), t.notes());
        assertEquals("+390.0 ns", CallerRows.of(report(cs), false).rows().get(0).get(4), "the console's cells: the share alone");
        assertNull(CallerRows.of(report(List.of()), false), "no calls timed: no table");
    }
}
