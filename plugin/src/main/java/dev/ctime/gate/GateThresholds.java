package dev.ctime.gate;

import java.util.EnumMap;
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

    public double of(FigureKind k) {
        return byKind.getOrDefault(k, k.defaultThreshold);
    }
}
