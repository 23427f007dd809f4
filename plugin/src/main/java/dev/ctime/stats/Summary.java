package dev.ctime.stats;

/**
 * One figure measured several times: order statistics, a 95% bootstrap confidence interval of
 * the median, Tukey outliers (counted, never dropped) and a noise flag.
 *
 * @param noisy the interval is wider than {@link Statistics#NOISY_RELATIVE_WIDTH} of the median
 */
public record Summary(double median, double min, double max, int samples, double ciLow, double ciHigh,
                      int outliers, boolean noisy) {
}
