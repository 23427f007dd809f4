package dev.ctime.stats;

import dev.ctime.model.Summary;

/** Test fixtures: a summary of eight runs spread evenly around a median, enough for a 95% interval. */
public final class EvenRuns {
    private EvenRuns() {
    }

    /** @param spread the runs' relative distance from the median either side (0.02: ±2%) */
    public static Summary around(double median, double spread) {
        double[] runs = new double[8];
        for (int i = 0; i < runs.length; i++) runs[i] = median * (1 - spread + 2 * spread * i / 7.0);
        return Statistics.summarize(runs);
    }
}
