package dev.ctime.exec;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceTest {
    @TempDir
    Path dir;

    @Test
    void aNearlyFullDiskIsNamedWithItsPathAndWhatIsLeft() {
        // No test machine's disk is nearly full: the threshold is raised above any disk instead.
        String said = DiskSpace.low(dir.resolve("not/yet/made"), Long.MAX_VALUE);
        assertTrue(said != null && said.contains(dir.toString()) && said.contains("MB free"), String.valueOf(said));
        assertNull(DiskSpace.low(dir, 0), "a disk with any room above the threshold says nothing");
    }
}
