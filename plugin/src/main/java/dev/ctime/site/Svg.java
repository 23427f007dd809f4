package dev.ctime.site;

import org.apache.commons.text.StringEscapeUtils;

import dev.ctime.model.Decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small SVG charts written as text: no AWT, no chart library, the same bytes for the same data.
 * Every string that came from the user is escaped.
 */
public final class Svg {
    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
            "#7f7f7f", "#bcbd22"};
    private static final int W = 720;
    private static final int H = 400;
    private static final int LEFT = 80;
    private static final int RIGHT = 190;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final int TITLE_X = 12;
    private static final int TITLE_LINE = 18;
    /** Characters of the bold 14 px title a line holds (about 8 px each across the chart's width). */
    private static final int TITLE_CHARS = (W - TITLE_X - 12) / 8;
    /** Below this width the chart keeps its size and scrolls: its 12 px text would shrink under 11 px on a phone. */
    static final int MIN_WIDTH = 640;
    /** A 12 px label: about 6.6 px a character, 10 px above its baseline and 3 below; lines 14 px apart. */
    static final double CHAR_W = 6.6;
    /** A 10 px name under a bar: about 5.6 px a character. */
    private static final double SMALL_CHAR_W = 5.6;

    private Svg() {
    }

    /** Text for the page and its charts, escaped as XML 1.0 (the charts are SVG, inline and standalone). */
    public static String escape(String s) {
        return s == null ? "" : StringEscapeUtils.escapeXml10(s);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A linear or logarithmic axis over [min, max] mapped to pixels [p0, p1]. */
    record Axis(double min, double max, boolean log, double p0, double p1, boolean time) {
        Axis(double min, double max, boolean log, double p0, double p1) {
            this(min, max, log, p0, p1, false);
        }

        /** Seconds since the epoch, ticked at whole minutes, hours or days and labelled as UTC times. */
        static Axis time(List<Double> values, double p0, double p1) {
            double lo = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double hi = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            double pad = Math.max(30, (hi - lo) * 0.05);
            return new Axis(lo - pad, hi + pad, false, p0, p1, true);
        }

        static Axis of(List<Double> values, double p0, double p1, boolean allowLog) {
            double lo = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double hi = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            boolean log = allowLog && lo > 0 && hi / lo > 20;
            if (log) return new Axis(Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi))), true, p0, p1);
            if (hi == lo) {
                lo -= 1;
                hi += 1;
            }
            double pad = (hi - lo) * 0.08;
            return new Axis(lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad, false, p0, p1);
        }

        double map(double v) {
            double t = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
            return p0 + t * (p1 - p0);
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            if (time) {
                double step = 60;
                for (double s : new double[] {60, 300, 600, 1800, 3600, 4 * 3600, 12 * 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400}) {
                    step = s;
                    if ((max - min) / s <= 6) break;
                }
                for (double v = Math.ceil(min / step) * step; v <= max; v += step) t.add(v);
                return t;
            }
            if (log) {
                for (double v = min; v <= max * 1.0001; v *= 10) t.add(v);
                return t;
            }
            double step = Math.pow(10, Math.floor(Math.log10((max - min) / 5)));
            for (double m : new double[] {1, 2, 5, 10}) {
                if ((max - min) / (step * m) <= 6) {
                    step *= m;
                    break;
                }
            }
            for (double v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) t.add(v);
            return t;
        }
    }

    static String label(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return trim(v / 1e9) + "G";
        if (a >= 1e6) return trim(v / 1e6) + "M";
        if (a >= 1e3) return trim(v / 1e3) + "k";
        return trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static StringBuilder open(String cssClass, String title) {
        return open(cssClass, title, H);
    }

    /**
     * An SVG of the page's width and this height (more where its title takes more than one line: titles wrap, never
     * clip), which keeps a legible size on a narrow screen (the page scrolls it sideways); closed by {@link #close}.
     */
    private static StringBuilder open(String cssClass, String title, int H) {
        List<String> lines = wrap(title, TITLE_CHARS);
        int extra = (lines.size() - 1) * TITLE_LINE;
        int h = H + extra;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ctime-chart ").append(cssClass)
                .append("\" width=\"").append(W).append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(W)
                .append(' ').append(h).append("\" style=\"width:100%;min-width:").append(MIN_WIDTH).append("px;height:auto\"")
                .append(" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n");
        sb.append("<title>").append(escape(title)).append("</title>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(W).append("\" height=\"").append(h).append("\" fill=\"#ffffff\"/>\n");
        sb.append("<text class=\"chart-title\" x=\"").append(TITLE_X).append("\" y=\"22\" font-size=\"14\" font-weight=\"bold\">");
        for (int i = 0; i < lines.size(); i++) {
            sb.append("<tspan x=\"").append(TITLE_X).append(i == 0 ? "\">" : "\" dy=\"" + TITLE_LINE + "\">").append(escape(lines.get(i)))
                    .append("</tspan>");
        }
        sb.append("</text>\n<g transform=\"translate(0,").append(extra).append(")\">\n");
        return sb;
    }

    private static String close(StringBuilder sb) {
        return sb.append("</g>\n</svg>\n").toString();
    }

    /** Words in lines of at most {@code width} characters (a longer word gets a line of its own). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static void axes(StringBuilder sb, Axis x, Axis y, String xLabel, String yLabel) {
        for (double t : x.ticks()) {
            double px = x.map(t);
            sb.append("<line class=\"grid\" x1=\"").append(num(px)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(num(px))
                    .append("\" y2=\"").append(H - BOTTOM).append("\" stroke=\"#e5e5e5\"/>\n");
            sb.append("<text x=\"").append(num(px)).append("\" y=\"").append(H - BOTTOM + 16).append("\" text-anchor=\"middle\">")
                    .append(x.time() ? timeLabel(t) : label(t)).append("</text>\n");
        }
        axesY(sb, y, yLabel + (y.log() ? " (log scale)" : truncated(y)));
        sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(W - LEFT - RIGHT)
                .append("\" height=\"").append(H - TOP - BOTTOM).append("\" fill=\"none\" stroke=\"#444\"/>\n");
        sb.append("<text x=\"").append((LEFT + W - RIGHT) / 2).append("\" y=\"").append(H - 18).append("\" text-anchor=\"middle\">")
                .append(escape(xLabel)).append(x.log() ? " (log scale)" : x.time() ? " (UTC)" : truncated(x)).append("</text>\n");
    }

    static String timeLabel(double epochSeconds) {
        return java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.ofEpochSecond((long) epochSeconds));
    }

    /** A linear axis that does not start at zero says so: differences look larger than they are. */
    static String truncated(Axis a) {
        return !a.log() && a.min() > 0 ? " (axis starts at " + label(a.min()) + ", not 0)" : "";
    }

    private static void legend(StringBuilder sb, List<String> names) {
        legend(sb, names, false);
    }

    /** @param numbered each name after its number, which a dot with no room for its name carries instead */
    private static void legend(StringBuilder sb, List<String> names, boolean numbered) {
        for (int i = 0; i < names.size(); i++) {
            int y = TOP + 8 + i * 18;
            sb.append("<rect class=\"legend\" x=\"").append(W - RIGHT + 12).append("\" y=\"").append(y - 9)
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(PALETTE[i % PALETTE.length]).append("\"/>\n");
            // Cut to the legend's width (the full name is in the text's tooltip and beside each point).
            String name = (numbered ? (i + 1) + " " : "") + names.get(i);
            String shown = name.length() > 24 ? name.substring(0, 23) + "…" : name;
            sb.append("<text x=\"").append(W - RIGHT + 28).append("\" y=\"").append(y).append("\">").append(escape(shown))
                    .append(shown.equals(name) ? "" : "<title>" + escape(name) + "</title>").append("</text>\n");
        }
    }

    /**
     * Compile time against run time, one dot per profile with its 95% interval as whiskers on both
     * axes, the Pareto front drawn and labelled; profiles whose cost is equivalent to the
     * recommended one's are drawn hollow and named as equivalent.
     */
    public static String pareto(String title, List<Decision.Point> points, List<String> front, String recommended,
                                List<String> tied, String xLabel, String yLabel) {
        StringBuilder sb = open("pareto", title);
        if (points.isEmpty()) return empty(sb);
        List<Double> xs = new java.util.ArrayList<>();
        List<Double> ys = new java.util.ArrayList<>();
        for (Decision.Point p : points) {
            xs.addAll(List.of(p.buildMs().ciLow(), p.buildMs().ciHigh()));
            ys.addAll(List.of(p.runNs().ciLow(), p.runNs().ciHigh()));
        }
        Axis x = Axis.of(xs, LEFT, W - RIGHT, true);
        Axis y = Axis.of(ys, H - BOTTOM, TOP, true);
        axes(sb, x, y, xLabel, yLabel);
        StringBuilder path = new StringBuilder();
        List<Decision.Point> onFrontPoints = points.stream().filter(p -> front.contains(p.profile()))
                .sorted(java.util.Comparator.comparingDouble(p -> p.buildMs().median())).toList();
        for (Decision.Point p : onFrontPoints) path.append(path.length() == 0 ? "M" : " L").append(num(x.map(p.buildMs().median()))).append(' ')
                .append(num(y.map(p.runNs().median())));
        if (onFrontPoints.size() > 1) {
            sb.append("<path class=\"front\" d=\"").append(path).append("\" fill=\"none\" stroke=\"#333\" stroke-dasharray=\"5 3\"/>\n");
        }
        List<String> names = points.stream().map(Decision.Point::profile).toList();
        // Every dot is an obstacle for every label, so no name covers a dot (its own or another's).
        Labels placed = new Labels(LEFT, TOP, H - BOTTOM);
        for (Decision.Point p : points) {
            double r = front.contains(p.profile()) || tied.contains(p.profile()) ? 6 : 4;
            placed.dot(x.map(p.buildMs().median()), y.map(p.runNs().median()), r);
        }
        for (int i = 0; i < points.size(); i++) {
            Decision.Point p = points.get(i);
            boolean onFront = front.contains(p.profile());
            boolean tie = tied.contains(p.profile());
            String colour = PALETTE[i % PALETTE.length];
            double cx = x.map(p.buildMs().median());
            double cy = y.map(p.runNs().median());
            sb.append("<g class=\"whiskers\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\">")
                    .append("<line x1=\"").append(num(x.map(p.buildMs().ciLow()))).append("\" y1=\"").append(num(cy))
                    .append("\" x2=\"").append(num(x.map(p.buildMs().ciHigh()))).append("\" y2=\"").append(num(cy)).append("\"/>")
                    .append("<line x1=\"").append(num(cx)).append("\" y1=\"").append(num(y.map(p.runNs().ciLow())))
                    .append("\" x2=\"").append(num(cx)).append("\" y2=\"").append(num(y.map(p.runNs().ciHigh()))).append("\"/></g>\n");
            sb.append("<circle class=\"point").append(onFront ? " on-front" : "").append(tie ? " tied" : "")
                    .append(p.profile().equals(recommended) ? " recommended" : "").append("\" cx=\"").append(num(cx))
                    .append("\" cy=\"").append(num(cy)).append("\" r=\"").append(onFront || tie ? 6 : 4).append("\" fill=\"")
                    .append(tie ? "#fff" : colour).append("\" stroke=\"").append(tie ? colour : "#000").append("\" stroke-width=\"")
                    .append(tie ? 2.5 : 1).append("\"><title>").append(escape(p.profile())).append(": ")
                    .append(label(p.buildMs().median())).append(" ms (").append(label(p.buildMs().ciLow())).append("–")
                    .append(label(p.buildMs().ciHigh())).append("), ").append(label(p.runNs().median())).append(" ns (")
                    .append(label(p.runNs().ciLow())).append("–").append(label(p.runNs().ciHigh())).append(")")
                    .append(tie ? ", equivalent in cost to " + escape(recommended) : "").append("</title></circle>\n");
            String text = p.profile() + (p.profile().equals(recommended) ? " (recommended)" : tie ? " (equivalent)" : "");
            double[] at = placed.place(cx, cy, text.length() * CHAR_W, W - RIGHT);
            if (at == null) {
                // No free line near it: its legend number, which the legend beside the chart names.
                text = String.valueOf(i + 1);
                at = placed.place(cx, cy, text.length() * CHAR_W, W - RIGHT);
                if (at == null) at = new double[] {cx + 8, cy - 8};
            }
            if (Math.abs(at[1] - (cy - 8)) > 1 || (at[0] != cx + 8 && at[0] + text.length() * CHAR_W != cx - 8)) {
                // Moved off its dot to stay readable beside a neighbour: a thin line leads back to it.
                double toX = at[0] > cx ? at[0] - 2 : Math.min(cx, at[0] + text.length() * CHAR_W + 2);
                sb.append("<line class=\"leader\" x1=\"").append(num(cx)).append("\" y1=\"").append(num(cy)).append("\" x2=\"")
                        .append(num(toX)).append("\" y2=\"").append(num(at[1] - 4)).append("\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"0.75\"/>\n");
            }
            sb.append("<text class=\"").append(onFront || p.profile().equals(recommended) ? "front-label" : "point-label")
                    .append("\" x=\"").append(num(at[0])).append("\" y=\"").append(num(at[1])).append("\" fill=\"")
                    .append(onFront || p.profile().equals(recommended) ? "#000" : "#444").append("\">").append(escape(text))
                    .append("</text>\n");
        }
        legend(sb, names, true);
        return close(sb);
    }

    /**
     * The runs behind a figure, criterion-style: one row per profile, each fork's median a dot placed by how far it lies
     * from that profile's median (in %), the profile's interval a shaded bar and its median written at the right; so a
     * reader sees the spread the verdicts rest on, and a fork that stands apart, whatever the profiles' speeds.
     *
     * @param rows  profile to {runs..., median, low, high}: the runs first, the last three the summary
     * @param value how the median is written at the right of its row
     */
    public static String strips(String title, Map<String, double[]> rows, java.util.function.DoubleFunction<String> value) {
        int rowH = 22;
        int h = TOP + 10 + rows.size() * rowH + BOTTOM;
        StringBuilder sb = open("strips", title, h);
        if (rows.isEmpty()) return empty(sb);
        double reach = 0.01;
        for (double[] v : rows.values()) {
            for (double d : v) reach = Math.max(reach, Math.abs(d / v[v.length - 3] - 1));
        }
        reach *= 1.1;
        // Room for the longest name (at about 6.5 px a character), up to half the chart.
        int left = (int) Math.min(W / 2.0, Math.max(160, 16 + 6.5 * rows.keySet().stream().mapToInt(String::length).max().orElse(0)));
        int right = W - 110;
        Axis x = new Axis(-100 * reach, 100 * reach, false, left, right);
        for (double t : x.ticks()) {
            double px = x.map(t);
            sb.append("<line class=\"grid\" x1=\"").append(num(px)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(num(px))
                    .append("\" y2=\"").append(h - BOTTOM).append("\" stroke=\"").append(Math.abs(t) < 1e-9 ? "#999" : "#e5e5e5")
                    .append("\"/>\n");
            sb.append("<text x=\"").append(num(px)).append("\" y=\"").append(h - BOTTOM + 16).append("\" text-anchor=\"middle\">")
                    .append(t > 0 ? "+" : "").append(label(t)).append("%</text>\n");
        }
        sb.append("<text x=\"").append((left + right) / 2).append("\" y=\"").append(h - 18).append("\" text-anchor=\"middle\">")
                .append("each run against its profile's median</text>\n");
        sb.append("<text x=\"").append(right + 10).append("\" y=\"").append(TOP).append("\" font-weight=\"bold\">median</text>\n");
        int i = 0;
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            double[] v = e.getValue();
            int runs = v.length - 3;
            double median = v[runs];
            double cy = TOP + 10 + i * rowH + rowH / 2.0;
            String colour = PALETTE[i % PALETTE.length];
            sb.append("<text class=\"strip-label\" x=\"").append(left - 8).append("\" y=\"").append(num(cy + 4))
                    .append("\" text-anchor=\"end\">").append(escape(e.getKey())).append("</text>\n");
            sb.append("<line class=\"interval\" x1=\"").append(num(x.map(100 * (v[runs + 1] / median - 1)))).append("\" y1=\"")
                    .append(num(cy)).append("\" x2=\"").append(num(x.map(100 * (v[runs + 2] / median - 1)))).append("\" y2=\"")
                    .append(num(cy)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"8\" stroke-opacity=\"0.25\"><title>")
                    .append(escape(e.getKey())).append(": 95% interval ").append(escape(value.apply(v[runs + 1]))).append("–")
                    .append(escape(value.apply(v[runs + 2]))).append("</title></line>\n");
            for (int k = 0; k < runs; k++) {
                // Spread over the row's height in a fixed pattern, so equal runs do not hide each other.
                double jitter = ((k * 7) % 5 - 2) * 2.5;
                sb.append("<circle class=\"run\" cx=\"").append(num(x.map(100 * (v[k] / median - 1)))).append("\" cy=\"")
                        .append(num(cy + jitter)).append("\" r=\"3.5\" fill=\"").append(colour).append("\" fill-opacity=\"0.8\"><title>")
                        .append(escape(e.getKey())).append(", run ").append(k + 1).append(": ").append(escape(value.apply(v[k])))
                        .append("</title></circle>\n");
            }
            sb.append("<text x=\"").append(right + 10).append("\" y=\"").append(num(cy + 4)).append("\">")
                    .append(escape(value.apply(median))).append("</text>\n");
            i++;
        }
        return close(sb);
    }

    /** One stacked bar per profile: seconds per phase. */
    public static String phases(String title, Map<String, Map<String, Double>> byProfile, List<String> phaseOrder) {
        double bw = (W - LEFT - RIGHT) / (double) Math.max(1, byProfile.size());
        // Names wider than their bar are written aslant, with the room below the plot they need.
        double longest = byProfile.keySet().stream().mapToInt(String::length).max().orElse(0) * SMALL_CHAR_W;
        boolean aslant = longest > bw * 0.95;
        int below = aslant ? (int) Math.ceil(Math.max(0, longest * Math.sin(Math.toRadians(40)) + 18 - BOTTOM)) : 0;
        StringBuilder sb = open("phases", title, H + below);
        if (byProfile.isEmpty()) return empty(sb);
        double max = byProfile.values().stream().mapToDouble(m -> phaseOrder.stream().mapToDouble(k -> m.getOrDefault(k, 0.0)).sum())
                .max().orElse(1);
        Axis y = Axis.of(List.of(0.0, max), H - BOTTOM, TOP, false);
        Axis x = new Axis(0, byProfile.size(), false, LEFT, W - RIGHT);
        axesY(sb, y, "seconds of the leaf rustc (untimed -Ztime-passes build)");
        int i = 0;
        for (Map.Entry<String, Map<String, Double>> e : byProfile.entrySet()) {
            double base = 0;
            double px = x.map(i) + bw * 0.15;
            for (int k = 0; k < phaseOrder.size(); k++) {
                double v = e.getValue().getOrDefault(phaseOrder.get(k), 0.0);
                if (v <= 0) continue;
                double y0 = y.map(base);
                double y1 = y.map(base + v);
                sb.append("<rect class=\"bar\" x=\"").append(num(px)).append("\" y=\"").append(num(y1)).append("\" width=\"")
                        .append(num(bw * 0.7)).append("\" height=\"").append(num(y0 - y1)).append("\" fill=\"")
                        .append(PALETTE[k % PALETTE.length]).append("\"><title>").append(escape(e.getKey())).append(' ')
                        .append(escape(phaseOrder.get(k))).append(": ").append(String.format(Locale.ROOT, "%.3f s", v))
                        .append("</title></rect>\n");
                base += v;
            }
            double lx = px + bw * 0.35;
            sb.append("<text class=\"bar-label\" x=\"").append(num(lx)).append("\" y=\"").append(H - BOTTOM + 14).append(aslant
                    ? "\" text-anchor=\"end\" transform=\"rotate(-40 " + num(lx) + " " + (H - BOTTOM + 14) + ")\"" : "\" text-anchor=\"middle\"")
                    .append(" font-size=\"10\">").append(escape(e.getKey())).append("</text>\n");
            i++;
        }
        legend(sb, phaseOrder);
        return close(sb);
    }

    /** The y axis's grid lines, tick labels and title. */
    private static void axesY(StringBuilder sb, Axis y, String yLabel) {
        for (double t : y.ticks()) {
            double py = y.map(t);
            sb.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(num(py)).append("\" x2=\"")
                    .append(W - RIGHT).append("\" y2=\"").append(num(py)).append("\" stroke=\"#e5e5e5\"/>\n");
            sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(py + 4)).append("\" text-anchor=\"end\">")
                    .append(label(t)).append("</text>\n");
        }
        sb.append("<text transform=\"translate(18,").append((TOP + H - BOTTOM) / 2).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(escape(yLabel)).append("</text>\n");
    }

    /** One line per series over shared x values (e.g. ns per element against n). */
    public static String lines(String title, Map<String, List<double[]>> series, String xLabel, String yLabel, boolean logX) {
        return lines(title, series, xLabel, yLabel, logX, false);
    }

    /**
     * One line per series; a point {x, y, low, high} gets its interval as a whisker. With
     * {@code timeX}, x is seconds since the epoch (a figure across runs, at the time of each run).
     */
    public static String lines(String title, Map<String, List<double[]>> series, String xLabel, String yLabel, boolean logX,
                               boolean timeX) {
        StringBuilder sb = open("lines", title);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        series.values().forEach(l -> l.forEach(p -> {
            xs.add(p[0]);
            ys.add(p[1]);
            if (p.length == 4) {
                ys.add(p[2]);
                ys.add(p[3]);
            }
        }));
        if (xs.isEmpty()) return empty(sb);
        Axis x = timeX ? Axis.time(xs, LEFT, W - RIGHT) : Axis.of(xs, LEFT, W - RIGHT, logX);
        Axis y = Axis.of(ys, H - BOTTOM, TOP, true);
        axes(sb, x, y, xLabel, yLabel);
        int i = 0;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            String color = PALETTE[i % PALETTE.length];
            StringBuilder d = new StringBuilder();
            for (double[] p : e.getValue()) d.append(d.length() == 0 ? "M" : " L").append(num(x.map(p[0]))).append(' ').append(num(y.map(p[1])));
            sb.append("<path class=\"series\" d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2\"><title>").append(escape(e.getKey())).append("</title></path>\n");
            for (double[] p : e.getValue()) {
                if (p.length == 4) {
                    sb.append("<line class=\"whisker\" x1=\"").append(num(x.map(p[0]))).append("\" y1=\"").append(num(y.map(p[2])))
                            .append("\" x2=\"").append(num(x.map(p[0]))).append("\" y2=\"").append(num(y.map(p[3])))
                            .append("\" stroke=\"").append(color).append("\" stroke-width=\"1.5\"/>\n");
                }
                sb.append("<circle class=\"series-point\" cx=\"").append(num(x.map(p[0]))).append("\" cy=\"").append(num(y.map(p[1])))
                        .append("\" r=\"3\" fill=\"").append(color).append("\"/>\n");
            }
            i++;
        }
        legend(sb, new ArrayList<>(series.keySet()));
        return close(sb);
    }

    private static String empty(StringBuilder sb) {
        sb.append("<text class=\"no-data\" x=\"").append(W / 2).append("\" y=\"").append(H / 2)
                .append("\" text-anchor=\"middle\">no data to draw</text>\n");
        return close(sb);
    }
}
