package dev.ctime.kernel;

import com.sun.jna.Pointer;

/**
 * JNA direct mapping of a kernel's primal: native methods that {@code Native.register} binds to its symbol. Each
 * library's kernel gets this class from a loader of its own (a class registers with one library), and the loops live
 * here so that each has its own JIT profile, as in an application.
 */
public final class DirectPrimal {
    private DirectPrimal() {
    }

    public static native double primal(Pointer x, long n);

    public static native double primalArray(double[] x, long n);

    public static double off(Pointer x, Pointer g, double[] xa, double[] ga, long n, long calls) {
        double acc = 0;
        for (long i = 0; i < calls; i++) acc += primal(x, n);
        return acc;
    }

    public static double arr(Pointer x, Pointer g, double[] xa, double[] ga, long n, long calls) {
        double acc = 0;
        for (long i = 0; i < calls; i++) acc += primalArray(xa, n);
        return acc;
    }
}
