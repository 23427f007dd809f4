package dev.ctime.examples;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * How the application uses the Rust kernels: through JNA, in ctime's ABI. Run with
 * {@code -Dkernels.library=/path/to/libdemo_kernels.so}.
 */
public final class Kernels {
    /** The crate's exports (see src/main/rust/src/lib.rs). */
    public interface DemoKernels extends Library {
        double logsumexp(Memory x, long n);

        double logsumexp_grad(Memory x, Memory grad, long n);
    }

    private Kernels() {
    }

    public static void main(String[] args) {
        String path = System.getProperty("kernels.library", "src/main/rust/target/release/libdemo_kernels.so");
        DemoKernels k = Native.load(path, DemoKernels.class);
        double[] xs = {0.5, -1.0, 2.0, 0.25};
        Memory x = new Memory(xs.length * 8L);
        x.write(0, xs, 0, xs.length);
        Memory g = new Memory(xs.length * 8L);
        double f = k.logsumexp_grad(x, g, xs.length);
        double[] grad = new double[xs.length];
        g.read(0, grad, 0, xs.length);
        System.out.printf("logsumexp = %.6f, softmax = %s%n", f, java.util.Arrays.toString(grad));
    }
}
