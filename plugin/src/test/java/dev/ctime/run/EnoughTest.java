package dev.ctime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.model.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When more builds or forks serve the decision, and when the cap is what stops them. */
class EnoughTest {
    private static Decision decision(String status, Integer runsToSettle, boolean open) {
        Decision.Bound b = new Decision.Bound(status, 500.0, 0.05, "b", 0.02, false, "test", runsToSettle, runsToSettle != null);
        List<Decision.Undecided> u = open ? List.of(new Decision.Undecided("b", "a", null, null, 10, -400.0, 500.0, 20, 9)) : null;
        return new Decision(null, null, 1e6, "full", "release", "a", Decision.RECOMMENDED, b, List.of(), u, null, List.of(),
                List.of(), List.of(), List.of(), null, "", null);
    }

    @Test
    void aSettledDecisionWantsNoMoreRuns() {
        Enough e = Enough.of(decision(Decision.Bound.SETTLED, null, false), 12, "ctime.maxForks");
        assertTrue(e.why().startsWith("the decision is settled"), e.why());
        assertFalse(e.capped());
    }

    @Test
    void runsWithinTheCapAreWorthTakingAndRunsBeyondItAreNot() {
        assertNull(Enough.of(decision(Decision.Bound.BOUNDED, 9, true), 12, "ctime.maxForks"));
        Enough beyond = Enough.of(decision(Decision.Bound.BOUNDED, 40, true), 12, "ctime.maxForks");
        assertTrue(beyond.capped());
        assertEquals("the runs that would bring its bound within the tolerance are beyond the cap of 12 (ctime.maxForks): about"
                + " 40; the bound stands as measured", beyond.why());
        assertTrue(Enough.of(decision(Decision.Bound.BOUNDED, null, true), 12, "ctime.maxForks").capped(),
                "no number of runs would settle it");
    }
}
