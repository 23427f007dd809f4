package dev.ctime.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestTest {
    @Test
    void suggestsOnlyWhatIsCloseEnough() {
        List<String> keys = List.of("optLevel", "lto", "codegenUnits", "incremental");
        assertEquals(Optional.of("optLevel"), Closest.among("optlevel", keys), "case does not count");
        assertEquals(Optional.of("codegenUnits"), Closest.among("codegenUnit", keys));
        assertEquals(Optional.of("lto"), Closest.among("lt", keys));
        assertEquals(Optional.empty(), Closest.among("zzzzzzzzz", keys), "nothing is close: no guess");
        assertEquals(3, Closest.distance("kitten", "sitting"));
    }
}
