package dev.ctime.site;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a chart's point labels go: each beside its dot, never over a dot or a label placed before, inside the plot.
 * Boxes are {left, top, right, bottom} in the chart's pixels.
 */
final class Labels {
    private static final double HEIGHT = 10;
    private static final double DESCENT = 3;
    private static final double LINE = 14;
    private final double left;
    private final double top;
    private final double bottom;
    private final List<double[]> placed = new ArrayList<>();

    /** The plot's left edge, top and bottom, which labels stay within. */
    Labels(double left, double top, double bottom) {
        this.left = left;
        this.top = top;
        this.bottom = bottom;
    }

    /** A dot at (cx, cy) of radius r: no label may cover it. */
    void dot(double cx, double cy, double r) {
        placed.add(new double[] {cx - r, cy - r, cx + r, cy + r});
    }

    /**
     * Where a label of a dot at (cx, cy) goes: right of it and just above, else left of it, else the nearest free line
     * below or above (kept inside the plot and left of {@code right}), never over a box placed before (labels and dots);
     * null where no line near it is free.
     *
     * @return {x, y} of the label's baseline start, or null
     */
    double[] place(double cx, double cy, double width, double right) {
        List<Double> xs = new ArrayList<>();
        if (cx + 8 + width <= right) xs.add(cx + 8);
        if (cx - 8 - width >= left + 2) xs.add(cx - 8 - width);
        if (xs.isEmpty()) xs.add(Math.max(left + 2, right - width));
        for (int step = 0; step < 40; step++) {
            double ty = cy - 8 + (step % 2 == 0 ? 1 : -1) * LINE * ((step + 1) / 2);
            if (ty < top + HEIGHT + 2 || ty > bottom - DESCENT - 2) continue;
            for (double x : xs) {
                double[] box = {x, ty - HEIGHT, x + width, ty + DESCENT};
                if (placed.stream().noneMatch(b -> b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) {
                    placed.add(box);
                    return new double[] {x, ty};
                }
            }
        }
        return null;
    }
}
