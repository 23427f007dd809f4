package dev.ctime.gate;

import dev.ctime.model.FigureKind;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One figure of one profile, baseline against current.
 *
 * @param ratio     current over baseline (below 1 is better: every figure is a cost)
 * @param verdict   regressed or improved (different), equivalent, inconclusive, missing (in the baseline, gone now), or
 *                  not comparable
 * @param gating    whether this row can fail the check: time figures of a kernel whose instructions
 *                  were counted on both sides are reported, and the counts decide
 * @param decidedBy the metric that decides for this figure (itself, or the instruction count)
 * @param note      why a row is not comparable, or what the noise was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateRow(String profile, String figure, FigureKind kind, String unit, Double baseline, Double current,
                      Double ratio, Double ciLow, Double ciHigh, GateVerdict verdict, double threshold, boolean gating,
                      String decidedBy, String note) {
    /** A regression, or a figure gone since the baseline, where the row gates (a missing one may be lowered to a warning). */
    public boolean fails() {
        return gating && (verdict == GateVerdict.REGRESSED || verdict == GateVerdict.MISSING);
    }

    /** "+12.3% (+8.1% to +16.0%)", or "" where there is no ratio. */
    public String change() {
        if (ratio == null) return "";
        String c = pct(ratio);
        if (ciLow == null || ciHigh == null || (ciLow.equals(ratio) && ciHigh.equals(ratio))) {
            return (c.equals("-0.0%") ? "+0.0%" : c) + (kind.exact ? " (exact)" : "");
        }
        return c + " (" + pct(ciLow) + " to " + pct(ciHigh) + ")";
    }

    private static String pct(double r) {
        return String.format(java.util.Locale.ROOT, "%+.1f%%", (r - 1) * 100);
    }
}
