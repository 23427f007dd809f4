package dev.ctime.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.ctime.harness.JniCalls;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One call of a kernel's primal from Java, per binding and data placement, as an application writes it. The library is
 * -Dbench.library; the kernel and size are parameters. JMH forks a JVM per parameter set, so each fork binds one symbol:
 * the FFM handles are static finals (constants to the JIT, as in an application), and the direct mapping is registered
 * once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallBench {
    @Param({"logsumexp", "rosenbrock"})
    public String kernel;

    @Param({"64", "4096"})
    public long n;

    /** The symbol this fork binds: set before the holders below are first used. */
    static volatile String symbol;

    static MemorySegment target() {
        return SymbolLookup.libraryLookup(Path.of(System.getProperty("bench.library")), Arena.global()).find(symbol).orElseThrow();
    }

    static final FunctionDescriptor PRIMAL = FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG);

    static final class Plain {
        static final MethodHandle MH = Linker.nativeLinker().downcallHandle(target(), PRIMAL);
    }

    static final class Critical {
        static final MethodHandle MH = Linker.nativeLinker().downcallHandle(target(), PRIMAL, Linker.Option.critical(true));
    }

    public interface Jna extends Library {
        double primal(Pointer x, long n);

        double primalArray(double[] x, long n);
    }

    public static final class Direct {
        public static native double primal(Pointer x, long n);

        public static native double primalArray(double[] x, long n);
    }

    Jna jna;
    Memory x;
    double[] xa;
    MemorySegment xs;
    long fn;
    long xp;

    @Setup
    public void setup() {
        symbol = kernel;
        String lib = System.getProperty("bench.library");
        Map<String, Object> options = Map.of(Library.OPTION_FUNCTION_MAPPER, (com.sun.jna.FunctionMapper) (l, m) -> kernel);
        jna = Native.load(lib, Jna.class, options);
        Native.register(Direct.class, NativeLibrary.getInstance(lib, options));
        xa = new double[(int) n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        for (int i = 0; i < n; i++) xa[i] = r.nextDouble(-1, 1);
        x = new Memory(8 * n);
        x.write(0, xa, 0, (int) n);
        xs = MemorySegment.ofAddress(Pointer.nativeValue(x)).reinterpret(8 * n);
        xp = Pointer.nativeValue(x);
        fn = target().address();
        try {
            JniCalls.load();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public double jnaOffHeap() {
        return jna.primal(x, n);
    }

    @Benchmark
    public double jnaArray() {
        return jna.primalArray(xa, n);
    }

    @Benchmark
    public double jnaDirectOffHeap() {
        return Direct.primal(x, n);
    }

    @Benchmark
    public double jnaDirectArray() {
        return Direct.primalArray(xa, n);
    }

    @Benchmark
    public double jniOffHeap() {
        return JniCalls.primal(fn, xp, n);
    }

    @Benchmark
    public double jniArray() {
        return JniCalls.primalArray(fn, xa, n);
    }

    @Benchmark
    public double ffmOffHeap() throws Throwable {
        return (double) Plain.MH.invokeExact(xs, n);
    }

    @Benchmark
    public double ffmArray() throws Throwable {
        MemorySegment.copy(xa, 0, xs, JAVA_DOUBLE, 0, (int) n);
        return (double) Plain.MH.invokeExact(xs, n);
    }

    @Benchmark
    public double ffmCriticalOffHeap() throws Throwable {
        return (double) Critical.MH.invokeExact(xs, n);
    }

    @Benchmark
    public double ffmCriticalArray() throws Throwable {
        return (double) Critical.MH.invokeExact(MemorySegment.ofArray(xa), n);
    }
}
