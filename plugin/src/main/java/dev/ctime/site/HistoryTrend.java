package dev.ctime.site;

import dev.ctime.model.FigureId;
import dev.ctime.gate.Figure;
import dev.ctime.gate.HistoryLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ctime.site.PageCells.*;

/** The history as the page charts it: per profile, one point per run that measured a figure. */
final class HistoryTrend {
    private HistoryTrend() {
    }

    /** Per profile, one point per run that measured the figure: {time, median, ciLow, ciHigh}, or {time, median} from older lines. */
    static Map<String, List<double[]>> trend(List<HistoryLog.Run> history, String figure) {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        for (HistoryLog.Run h : history) {
            double t;
            try {
                t = java.time.Instant.parse(h.createdAt()).getEpochSecond();
            } catch (RuntimeException e) {
                continue;
            }
            if (h.measured() != null) {
                h.measured().profiles().forEach((p, prof) -> {
                    Figure f = prof.figures().get(figure);
                    if (f != null) out.computeIfAbsent(p, k -> new ArrayList<>()).add(new double[] {t, f.median(), f.ciLow(), f.ciHigh()});
                });
            } else {
                legacyPoint(h, figure).forEach((p, v) -> out.computeIfAbsent(p, k -> new ArrayList<>()).add(new double[] {t, v}));
            }
        }
        // The file is in the order runs were appended; a merged or edited history need not be in time order.
        out.values().forEach(l -> l.sort(java.util.Comparator.comparingDouble(a -> a[0])));
        return out;
    }

    /** The medians that history lines of earlier versions kept. */
    static Map<String, Double> legacyPoint(HistoryLog.Run h, String figure) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (h.profiles() == null) return out;
        FigureId id = FigureId.parse(figure);
        FigureId.Kernel k = id instanceof FigureId.Kernel kf ? kf : null;
        for (Map.Entry<String, HistoryLog.RunProfile> e : h.profiles().entrySet()) {
            Double v = null;
            HistoryLog.RunProfile rp = e.getValue();
            if (k != null && rp.kernels() != null && rp.kernels().get(k.kernel() + "@" + k.n()) != null) {
                HistoryLog.KernelMedians km = rp.kernels().get(k.kernel() + "@" + k.n());
                v = k.measure().equals(FigureId.GRADIENT_NS) ? km.gradientNs() : k.measure().equals(FigureId.PRIMAL_NS) ? km.primalNs() : null;
            } else if (id instanceof FigureId.Build b && rp.compile() != null && rp.compile().get(b.scenario()) != null) {
                v = rp.compile().get(b.scenario()).cpuMs();
            }
            if (v != null) out.put(e.getKey(), v);
        }
        return out;
    }
}
