package dev.ctime.kernel;

import dev.ctime.model.GradientCheck;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Checks a gradient against central finite differences, coordinate by coordinate. */
public final class FiniteDifferences {
    /** The fewest coordinates a sample checks, whatever the budget. */
    static final int MAX_CHECKED = 64;
    /** What a check may spend on the primal's evaluations (two a coordinate) before it samples instead of checking all. */
    static final double BUDGET_NS = 200e6;
    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    private FiniteDifferences() {
    }

    /**
     * The coordinates to check: all of them where two primal calls a coordinate fit in the budget; else as many as fit
     * (at least {@link #MAX_CHECKED}), drawn at random with the seed, the two ends always among them. A random sample
     * reaches interior coordinates an even spread would step over every time (a wrong stride, an off-by-one in a stencil).
     *
     * @param primalNs what one primal call costs (its first call, timed)
     */
    public static int[] coordinates(int n, double primalNs, long seed) {
        double each = 2 * Math.max(primalNs, 1);
        if (n * each <= BUDGET_NS) return java.util.stream.IntStream.range(0, n).toArray();
        int k = (int) Math.max(Math.min(n, MAX_CHECKED), Math.min(n, BUDGET_NS / each));
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        java.util.TreeSet<Integer> picked = new java.util.TreeSet<>(List.of(0, n - 1));
        while (picked.size() < k) picked.add(r.nextInt(n));
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The primal with one coordinate moved, the others at x: what a finite difference evaluates. */
    @FunctionalInterface
    public interface Probe {
        /** f(x with x[i] = value); x[i] is back to its own value afterwards. */
        double at(int i, double value);
    }

    /**
     * @param f    the primal, evaluated on a copy of x that this method perturbs
     * @param fx   f(x)
     * @param grad the gradient the kernel produced
     */
    public static GradientCheck check(ToDoubleFunction<double[]> f, double[] x, double fx, double[] grad, double tolerance,
                                      double primalNs, long seed) {
        double[] xp = x.clone();
        return check((i, v) -> {
            xp[i] = v;
            double r = f.applyAsDouble(xp);
            xp[i] = x[i];
            return r;
        }, x, fx, grad, tolerance, primalNs, seed);
    }

    /**
     * The check with the primal probed one coordinate at a time: the caller moves only that coordinate of an input it
     * keeps, so the check's own work a coordinate is one store, whatever n (copying the input at each evaluation made a
     * check at n = 50,000,000 outlast the kernel's time limit, and blamed the kernel).
     *
     * @param f    the primal with one coordinate moved
     * @param fx   f(x)
     * @param grad the gradient the kernel produced
     */
    public static GradientCheck check(Probe f, double[] x, double fx, double[] grad, double tolerance, double primalNs, long seed) {
        for (int i = 0; i < grad.length; i++) {
            if (Double.isNaN(grad[i]) && !Double.isNaN(fx)) {
                return new GradientCheck(false, Double.NaN, i, 0, tolerance, "grad[" + i + "] is NaN after the call:"
                        + " the ABI requires the gradient function to overwrite every element of grad (does it accumulate"
                        + " into grad, as an Enzyme shadow does, without zeroing it first?)");
            }
        }
        double floor = 1e-6 * (1 + Math.abs(fx));
        double worst = 0;
        int worstAt = -1;
        java.util.List<Integer> zeros = new java.util.ArrayList<>();
        int[] coords = coordinates(x.length, primalNs, seed);
        for (int i : coords) {
            double h = STEP * Math.max(1.0, Math.abs(x[i]));
            double up = f.at(i, x[i] + h);
            double down = f.at(i, x[i] - h);
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
                zeros.isEmpty() ? null : zeros.size(), zeros.isEmpty() ? null : List.copyOf(zeros.subList(0, Math.min(5, zeros.size()))),
                x.length, coords.length == x.length ? GradientCheck.ALL : GradientCheck.RANDOM);
    }
}
