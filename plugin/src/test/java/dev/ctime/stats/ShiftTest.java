package dev.ctime.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rank interval's least runs: which pairs of sample sizes can bound a shift at 95% at all, and that they then do. */
class ShiftTest {
    @Test
    void fiveAgainstThreeCanBoundAShiftWhereFourAgainstThreeCannot() {
        assertTrue(Shift.canBound(4, 4, 0.95), "2/70");
        assertTrue(Shift.canBound(5, 3, 0.95), "2/56");
        assertTrue(Shift.canBound(3, 5, 0.95), "either way round");
        assertFalse(Shift.canBound(4, 3, 0.95), "2/35");
        assertFalse(Shift.canBound(3, 3, 0.95), "2/20");
        assertTrue(Shift.canBound(8, 2, 0.95), "2/45");
        assertFalse(Shift.canBound(7, 2, 0.95), "2/36");
        assertFalse(Shift.canBound(5, 0, 0.95));
        assertFalse(Shift.canBound(5, 3, 0.99), "not at a stricter level");
    }

    @Test
    void theIntervalIsBoundedExactlyWhereTheSizesCanBoundIt() {
        double[] five = {10.0, 10.4, 9.7, 10.2, 9.9};
        double[] three = {14.1, 13.8, 14.5};
        Shift s = Shift.of(five, three);
        assertNotNull(s.low());
        assertNotNull(s.high());
        assertTrue(s.high() < 0 && s.low() < s.high(), s.toString());
        Shift t = Shift.of(new double[] {10.0, 10.4, 9.7, 10.2}, three);
        assertNull(t.low());
        assertNull(t.high());
        assertEquals(Shift.of(three, five).high(), -s.low(), 1e-9, "the same interval from the other side");
    }
}
