package dev.ctime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;

class BufferLayoutTest {
    @Test
    void inputIsPageAlignedAndGradientSitsHalfAPageOffWhateverMallocReturns() {
        for (int n : new int[] {1, 3, 64, 512, 4096, 100_000}) {
            Memory[] b = KernelRunner.buffers(n);
            long x = Pointer.nativeValue(b[0]);
            long g = Pointer.nativeValue(b[1]);
            assertEquals(0, x % 4096, "x page-aligned for n=" + n);
            assertEquals(2048, (g - x) % 4096, "grad 2 KiB off a page for n=" + n);
            assertTrue(g >= x + n * 8L, "buffers overlap for n=" + n);
            assertEquals(n * 8L, b[0].size());
            assertEquals(n * 8L, b[1].size());
            b[1].setDouble((n - 1) * 8L, 1.5);
            assertEquals(1.5, b[1].getDouble((n - 1) * 8L), "the last gradient element is writable");
        }
    }
}
