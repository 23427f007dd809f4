package dev.ctime.kernel;

import java.util.List;

/** Opens ForkPool's package-private rule to tests in other packages. */
public final class ForkPoolAccess {
    private ForkPoolAccess() {
    }

    public static String unsteady(List<Double> primal, List<Double> gradient, int forks) {
        return ForkPool.unsteady(primal, gradient, forks);
    }
}
