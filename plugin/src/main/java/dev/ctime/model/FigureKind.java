package dev.ctime.model;

/**
 * What a figure measures, which decides its unit, its default regression threshold and whether
 * it is counted (exact) or timed (noisy). Counted figures get tight thresholds; timed ones wider
 * defaults: a check compares two runs made at different times, and shared machines drift between
 * runs by more than either run's own interval shows.
 */
public enum FigureKind {
    COMPILE("compile", 0.10, false),
    RUNTIME("runtime", 0.10, false),
    INSTRUCTIONS("instructions", 0.01, true),
    MEMORY("memory", 0.05, false),
    SIZE("size", 0.01, true);

    public final String id;
    public final double defaultThreshold;
    public final boolean exact;

    FigureKind(String id, double defaultThreshold, boolean exact) {
        this.id = id;
        this.defaultThreshold = defaultThreshold;
        this.exact = exact;
    }
}
