package dev.ctime.gate;

import dev.ctime.model.FigureKind;
import dev.ctime.model.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The smallest change that counts as a regression, per kind of figure (0.05 = 5%). */
public record GateThresholds(Map<FigureKind, Double> byKind) {
    public GateThresholds {
        byKind = Map.copyOf(byKind);
    }

    public static GateThresholds defaults() {
        Map<FigureKind, Double> m = new EnumMap<>(FigureKind.class);
        for (FigureKind k : FigureKind.values()) m.put(k, k.defaultThreshold);
        return new GateThresholds(m);
    }

    public GateThresholds with(FigureKind k, double threshold) {
        Map<FigureKind, Double> m = new EnumMap<>(byKind);
        m.put(k, threshold);
        return new GateThresholds(m);
    }

    /** Each threshold that is not a share, named as its setting ({@code {compileThreshold}}, …). */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        byKind.forEach((k, v) -> {
            String setting = k.id + "Threshold";
            if (!(v >= 0 && v < 10)) out.add(Problem.of(setting, "{" + setting + "} is " + v + ": use a share, e.g. 0.05 for 5%"));
        });
        return out;
    }

    public double of(FigureKind k) {
        return byKind.getOrDefault(k, k.defaultThreshold);
    }
}
