package dev.ctime.model;

/**
 * A gradient compared with central finite differences of the primal.
 *
 * @param ok            every checked coordinate within the tolerance, and grad fully overwritten
 * @param maxRelError   the worst relative error |g - fd| / max(|g|, |fd|, floor)
 * @param worstIndex    the coordinate with that error
 * @param checked       how many coordinates were checked (all for small n, a sample for large)
 * @param problem       what went wrong besides the error size (NaN, ABI violation), or null
 * @param wrongZeros    checked coordinates where the gradient is exactly zero and finite differences are not: many of
 *                      them are the mark of a wrong activity (an argument marked Const that the result depends on);
 *                      null where there are none
 * @param wrongZeroAt   the first few of them
 * @param tolerance the largest relative error accepted (ctime.gradientTolerance)
 * @param coordinates   how many coordinates the gradient has (n); absent in reports of schema 7 and older
 * @param sample        how the checked coordinates were chosen: "all", or "random" (a seeded random sample, both ends
 *                      included, where checking all would cost more than its time budget)
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record GradientCheck(boolean ok, double maxRelError, int worstIndex, int checked, double tolerance,
                            String problem, Integer wrongZeros, java.util.List<Integer> wrongZeroAt, Integer coordinates,
                            String sample) {
    public static final String ALL = "all";
    public static final String RANDOM = "random";

    public GradientCheck(boolean ok, double maxRelError, int worstIndex, int checked, double tolerance, String problem) {
        this(ok, maxRelError, worstIndex, checked, tolerance, problem, null, null, null, null);
    }

    /** "all 4096 coordinates", "a random 512 of 1,000,000 coordinates (both ends included)", or "64 coordinates". */
    public String coverage() {
        if (coordinates == null || sample == null) return checked + " coordinates";
        if (ALL.equals(sample)) return "all " + checked + " coordinates";
        return String.format(java.util.Locale.ROOT, "a random %d of %,d coordinates (both ends included)", checked, coordinates);
    }

    /** What is wrong, in one sentence, where the gradient is wrong: the worst error, and the zeros where there are any. */
    public String diagnosis() {
        if (ok) return null;
        if (problem != null) return problem;
        String s = String.format(java.util.Locale.ROOT, "gradient differs from finite differences: max relative error %.3g at"
                + " coordinate %d (tolerance %.1g)", maxRelError, worstIndex, tolerance);
        if (wrongZeros == null) return s;
        return s + "; " + wrongZeros + " of " + checked + " checked components are exactly zero where finite differences are not"
                + " (at " + wrongZeroAt.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                + (wrongZeros > wrongZeroAt.size() ? ", …" : "") + "): the usual mark of a wrong activity, such as Const on an"
                + " argument the result depends on, or a shadow the gradient is never written to; check the #[autodiff]"
                + " annotation (Duplicated for the buffers the derivative flows through)";
    }
}
