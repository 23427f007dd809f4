package dev.ctime.kernel;

import com.sun.jna.Pointer;

/** JNA direct mapping of a kernel's gradient; see {@link DirectPrimal}. */
public final class DirectGradient {
    private DirectGradient() {
    }

    public static native double gradient(Pointer x, Pointer grad, long n);

    public static native double gradientArray(double[] x, double[] grad, long n);

    public static double off(Pointer x, Pointer g, double[] xa, double[] ga, long n, long calls) {
        double acc = 0;
        for (long i = 0; i < calls; i++) acc += gradient(x, g, n);
        return acc;
    }

    public static double arr(Pointer x, Pointer g, double[] xa, double[] ga, long n, long calls) {
        double acc = 0;
        for (long i = 0; i < calls; i++) acc += gradientArray(xa, ga, n);
        return acc;
    }
}
