package dev.ctime.kernel;

import dev.ctime.model.GradientCheck;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Checks a gradient against central finite differences, coordinate by coordinate. */
public final class FiniteDifferences {
    /** All coordinates up to this n; above it, an evenly spread sample of this many. */
    static final int MAX_CHECKED = 64;
    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    private FiniteDifferences() {
    }

    /** The coordinates to check: all of them for small n, else an even spread including both ends. */
    public static int[] coordinates(int n) {
        int k = Math.min(n, MAX_CHECKED);
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) idx[i] = k == 1 ? 0 : (int) Math.round((double) i * (n - 1) / (k - 1));
        return idx;
    }

    /**
     * @param f    the primal, evaluated on a copy of x that this method perturbs
     * @param fx   f(x)
     * @param grad the gradient the kernel produced
     */
    public static GradientCheck check(ToDoubleFunction<double[]> f, double[] x, double fx, double[] grad, double tolerance) {
        for (int i = 0; i < grad.length; i++) {
            if (Double.isNaN(grad[i]) && !Double.isNaN(fx)) {
                return new GradientCheck(false, Double.NaN, i, 0, tolerance, "grad[" + i + "] is NaN after the call:"
                        + " the ABI requires the gradient function to overwrite every element of grad (does it accumulate"
                        + " into grad, as an Enzyme shadow does, without zeroing it first?)");
            }
        }
        double[] xp = x.clone();
        double floor = 1e-6 * (1 + Math.abs(fx));
        double worst = 0;
        int worstAt = -1;
        java.util.List<Integer> zeros = new java.util.ArrayList<>();
        int[] coords = coordinates(x.length);
        for (int i : coords) {
            double h = STEP * Math.max(1.0, Math.abs(x[i]));
            xp[i] = x[i] + h;
            double up = f.applyAsDouble(xp);
            xp[i] = x[i] - h;
            double down = f.applyAsDouble(xp);
            xp[i] = x[i];
            double fd = (up - down) / (2 * h);
            double err = Math.abs(grad[i] - fd) / Math.max(floor, Math.max(Math.abs(grad[i]), Math.abs(fd)));
            if (Double.isNaN(err)) err = Double.POSITIVE_INFINITY;
            if (grad[i] == 0 && Math.abs(fd) > floor && err > tolerance) zeros.add(i);
            if (err > worst || worstAt < 0) {
                worst = err;
                worstAt = i;
            }
        }
        return new GradientCheck(worst <= tolerance, worst, worstAt, coords.length, tolerance, null,
                zeros.isEmpty() ? null : zeros.size(), zeros.isEmpty() ? null : List.copyOf(zeros.subList(0, Math.min(5, zeros.size()))));
    }
}
