package dev.ctime.gate;

import dev.ctime.model.FigureKind;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One figure of one profile, as a check compares it: its median and interval, and the runs
 * behind it (builds, or per-fork medians) so that a significance test can be run against another
 * report's; a counted figure has one exact value and no runs.
 *
 * @param runs the independent runs' values; empty for an exact figure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(FigureKind kind, String unit, double median, double ciLow, double ciHigh, double precision,
                     List<Double> runs) {
    public Figure {
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    public static Figure exact(FigureKind kind, String unit, double value) {
        return new Figure(kind, unit, value, value, value, 0, List.of());
    }

    double[] values() {
        return runs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
