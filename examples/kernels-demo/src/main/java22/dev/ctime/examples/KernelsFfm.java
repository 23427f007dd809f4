package dev.ctime.examples;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * The same kernels called through the foreign function API (JDK 22 and newer) instead of JNA: a downcall handle per
 * export, held in a static final field. Run with {@code --enable-native-access=ALL-UNNAMED
 * -Dkernels.library=/path/to/libdemo_kernels.so}; ctime's callers table (ffm) times exactly this kind of call.
 */
public final class KernelsFfm {
    private static final SymbolLookup LIB = SymbolLookup.libraryLookup(
            Path.of(System.getProperty("kernels.library", "src/main/rust/target/release/libdemo_kernels.so")), Arena.global());
    private static final MethodHandle LOGSUMEXP_GRAD = Linker.nativeLinker().downcallHandle(
            LIB.find("logsumexp_grad").orElseThrow(), FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_LONG));

    private KernelsFfm() {
    }

    public static void main(String[] args) throws Throwable {
        double[] xs = {0.5, -1.0, 2.0, 0.25};
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment x = arena.allocateFrom(JAVA_DOUBLE, xs);
            MemorySegment g = arena.allocate(JAVA_DOUBLE, xs.length);
            double f = (double) LOGSUMEXP_GRAD.invokeExact(x, g, (long) xs.length);
            System.out.printf("logsumexp = %.6f, softmax = %s%n", f, java.util.Arrays.toString(g.toArray(JAVA_DOUBLE)));
        }
    }
}
