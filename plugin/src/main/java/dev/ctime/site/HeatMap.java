package dev.ctime.site;

import dev.ctime.model.FigureId;
import dev.ctime.model.IdenticalLibraries;
import dev.ctime.model.Report;
import dev.ctime.render.ConsoleTable;
import dev.ctime.model.Comparison;
import dev.ctime.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every figure of every profile against the reference at a glance, as rustc-perf's compare page shows
 * them: one row per figure, one column per profile, the ratio in the cell with the mark the console
 * uses ('=' equivalent, '?' inconclusive), coloured by the verdict (green better, red worse, deeper
 * the further from 1; grey equivalent; amber inconclusive) and the interval in the cell's title. A
 * plain HTML table: it reads without script, and scrolls sideways on a narrow screen.
 */
final class HeatMap {
    private HeatMap() {
    }

    static String of(Report r) {
        if (r.comparisons() == null || r.comparisons().isEmpty()) return "";
        Map<String, String> timedOnce = IdenticalLibraries.timedOnce(r);
        List<String> profiles = new ArrayList<>();
        Map<String, Map<String, Comparison>> byFigure = new LinkedHashMap<>();
        for (Comparison c : r.comparisons()) {
            if (!profiles.contains(c.profile())) profiles.add(c.profile());
            byFigure.computeIfAbsent(c.figure(), k -> new LinkedHashMap<>()).put(c.profile(), c);
        }
        StringBuilder sb = new StringBuilder("<div style=\"overflow-x:auto\"><table class=\"heatmap\" style=\"border-collapse:collapse;"
                + "font-size:90%\">\n<tr><th style=\"text-align:left\">figure</th>");
        for (String p : profiles) sb.append("<th style=\"padding:2px 6px\">").append(Svg.escape(p)).append("</th>");
        sb.append("</tr>\n<tr><td style=\"padding:2px 6px\">different / equivalent / inconclusive</td>");
        for (String p : profiles) {
            int[] t = new int[3];
            byFigure.values().forEach(m -> {
                Comparison c = m.get(p);
                if (c != null) t[c.verdict() == Verdict.EQUIVALENT ? 1 : c.verdict() == Verdict.INCONCLUSIVE ? 2 : 0]++;
            });
            sb.append("<td style=\"padding:2px 6px;text-align:center;white-space:nowrap\">").append(t[0]).append(" / ").append(t[1])
                    .append(" / ").append(t[2]).append("</td>");
        }
        sb.append("</tr>\n");
        for (Map.Entry<String, Map<String, Comparison>> e : byFigure.entrySet()) {
            sb.append("<tr><td style=\"padding:2px 6px;white-space:nowrap\">").append(Svg.escape(ConsoleTable.figureName(e.getKey())))
                    .append("</td>");
            for (String p : profiles) {
                Comparison c = e.getValue().get(p);
                if (c == null) {
                    sb.append("<td></td>");
                } else if (timedOnce.containsKey(p) && FigureId.parse(e.getKey()) instanceof FigureId.Kernel) {
                    // Its library is another profile's, byte for byte: its kernel cells would repeat that column.
                    sb.append("<td style=\"color:#888;text-align:center\" title=\"the same library as ")
                            .append(Svg.escape(timedOnce.get(p))).append("\">as ").append(Svg.escape(timedOnce.get(p))).append("</td>");
                } else {
                    sb.append("<td style=\"padding:2px 6px;text-align:right;background:").append(colour(c)).append("\" title=\"")
                            .append(Svg.escape(c.describe() + ", " + c.verdict().id())).append("\">")
                            .append(Svg.escape(c.mark() + String.format(Locale.ROOT, "%.2fx", c.ratio()))).append("</td>");
                }
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table></div>\n").toString();
    }

    /**
     * A table folded under a summary line (HTML's details element): long lists a reader opens when wanted, and that a
     * page without script still shows when opened. Verdict cells are coloured as in every table.
     */
    static String folded(String summary, String cssClass, List<String> headers, List<List<String>> rows) {
        // The table is written as raw markup in both the Maven site and report.html: the details element holds it.
        return "<details><summary>" + Svg.escape(summary) + "</summary>\n" + HtmlPageWriter.table(cssClass, headers, rows, null)
                + "</details>\n";
    }

    /** Green for better, red for worse, deeper up to a factor of 2; grey for equivalent; amber for inconclusive. */
    static String colour(Comparison c) {
        if (c.verdict() == Verdict.EQUIVALENT) return "#e8e8e8";
        if (c.verdict() == Verdict.INCONCLUSIVE) return "#fbecc5";
        double depth = Math.min(1, Math.abs(Math.log(c.ratio())) / Math.log(2));
        int fade = (int) Math.round(225 - 95 * depth);
        return c.verdict() == Verdict.BETTER ? String.format(Locale.ROOT, "rgb(%d,235,%d)", fade, fade)
                : String.format(Locale.ROOT, "rgb(245,%d,%d)", fade, fade);
    }
}
