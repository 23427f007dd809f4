package dev.ctime.render;

import dev.ctime.text.Units;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void timesReadAsPeopleWriteThem() {
        assertEquals("999 ms", Units.ms(999.4));
        assertEquals("1.00 s", Units.ms(1000));
        assertEquals("27.50 s", Units.ms(27_500));
        assertEquals("38.1 ns", Units.ns(38.12));
        assertEquals("2.44 µs", Units.ns(2440));
        assertEquals("1.20 ms", Units.ns(1_200_000));
    }
}
