package dev.ctime.kernel;

/**
 * A gradient compared with central finite differences of the primal.
 *
 * @param ok            every checked coordinate within the tolerance, and grad fully overwritten
 * @param maxRelError   the worst relative error |g - fd| / max(|g|, |fd|, floor)
 * @param worstIndex    the coordinate with that error
 * @param checked       how many coordinates were checked (all for small n, a sample for large)
 * @param problem       what went wrong besides the error size (NaN, ABI violation), or null
 */
public record GradientCheck(boolean ok, double maxRelError, int worstIndex, int checked, double tolerance,
                            String problem) {
}
