package dev.ctime.report;

import dev.ctime.kernel.KernelTiming;
import dev.ctime.stats.Summary;
import dev.ctime.verdict.Comparison;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The table people read at the end of a run, one block of rows per profile, each figure with its
 * interval and its ratio to the reference; then the verdict: the recommendation, the ties and
 * what makes the figures less reliable. Fits 120 columns for profile names up to 24 characters.
 */
public final class ConsoleTable {
    private static final int COLS = 11;

    private ConsoleTable() {
    }

    public static List<String> render(Report r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"profile", "status", "build cpu", "vs ref", "kernel", "n", "primal", "vs ref", "gradient", "vs ref",
                "grad check"});
        for (ProfileResult p : r.profiles()) {
            ScenarioFigures f = p.compile() == null ? null : p.compile().values().stream().findFirst().orElse(null);
            String sc = p.compile() == null ? null : p.compile().keySet().stream().findFirst().orElse(null);
            String[] head = blank();
            head[0] = clean(p.name());
            head[1] = p.status();
            head[2] = f == null ? "" : ms(f.cpuMs());
            head[3] = f == null ? "" : ratio(r, p.name(), "compile." + sc + ".cpuMs");
            List<KernelTiming> ks = p.kernels() == null ? List.of() : p.kernels();
            if (ks.isEmpty()) rows.add(head);
            for (int i = 0; i < ks.size(); i++) {
                KernelTiming k = ks.get(i);
                String[] row = i == 0 ? head : blank();
                String fig = "kernel:" + k.name() + ":" + k.n() + ":";
                row[4] = clean(k.name());
                row[5] = Integer.toString(k.n());
                row[6] = ns(k.primalNs());
                row[7] = k.primalNs() == null ? "" : ratio(r, p.name(), fig + "primalNs");
                row[8] = ns(k.gradientNs());
                row[9] = k.gradientNs() == null ? "" : ratio(r, p.name(), fig + "gradientNs");
                row[10] = k.gradientCheck() == null ? (k.status().equals("ok") ? "" : "FAILED")
                        : k.gradientCheck().ok() ? String.format(Locale.ROOT, "ok %.0e", k.gradientCheck().maxRelError())
                        : "WRONG " + String.format(Locale.ROOT, "%.1e", k.gradientCheck().maxRelError());
                rows.add(row);
            }
            if (p.reason() != null) {
                String[] note = blank();
                note[1] = "  " + p.status() + ": " + firstLine(clean(p.reason()));
                rows.add(note);
            }
        }
        List<String> out = format(rows);
        out.add("");
        out.add("± is the half-width of the median's 95% interval (a ~ marks fewer than 6 runs, whose interval is [min, max]"
                + " and less sure);");
        out.add("vs ref is the ratio to " + (r.reference() == null ? "the reference" : clean(r.reference()))
                + " (0.80x = 20% less): '=' marks figures that cannot be told apart (not significant, or under the threshold).");
        if (r.decision() != null) {
            out.add("");
            out.add("verdict: " + clean(r.decision().recommended()) + " for " + count(r.decision().expectedCalls()) + " calls of "
                    + clean(r.decision().kernel()) + " " + r.decision().function() + " (n = " + r.decision().n() + ") per build.");
            out.addAll(wrap(clean(r.decision().reason()), 118, "  "));
        }
        if (r.warnings() != null) {
            for (String w : r.warnings()) out.addAll(wrap("warning: " + clean(w), 118, "  "));
        }
        return out;
    }

    private static String[] blank() {
        String[] row = new String[COLS];
        Arrays.fill(row, "");
        return row;
    }

    /** Control characters (a newline in a name) would break the table: shown escaped. */
    static String clean(String s) {
        if (s == null) return "";
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replaceAll("\\p{Cntrl}", "?");
    }

    static String ratio(Report r, String profile, String figure) {
        if (r.comparisons() == null) return "";
        if (profile.equals(r.reference())) return "ref";
        for (Comparison c : r.comparisons()) {
            if (c.profile().equals(profile) && c.figure().equals(figure)) {
                return c.significant() ? String.format(Locale.ROOT, "%.2fx", c.ratio()) : String.format(Locale.ROOT, "=%.2fx", c.ratio());
            }
        }
        return "";
    }

    private static List<String> format(List<String[]> rows) {
        int[] w = new int[COLS];
        for (String[] r : rows) {
            if (r[1].startsWith("  ")) continue;
            for (int c = 0; c < COLS; c++) w[c] = Math.max(w[c], r[c].length());
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            if (r[1].startsWith("  ")) {
                out.add(" ".repeat(w[0]) + r[1]);
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < COLS; c++) {
                String v = r[c];
                boolean right = c >= 2 && c != 4;
                sb.append(right ? " ".repeat(w[c] - v.length()) + v : v + " ".repeat(w[c] - v.length()));
                if (c < COLS - 1) sb.append(' ');
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    static List<String> wrap(String text, int width, String indent) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > 0 && !line.toString().equals(indent)) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) out.add(line.toString());
        return out;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf("\\n");
        String l = nl < 0 ? s : s.substring(0, nl) + " …";
        return l.length() > 100 ? l.substring(0, 99) + "…" : l;
    }

    static String ms(Summary s) {
        if (s == null) return "";
        return (s.median() >= 1000 ? String.format(Locale.ROOT, "%.2f s", s.median() / 1000)
                : String.format(Locale.ROOT, "%.0f ms", s.median())) + pm(s);
    }

    static String ns(Summary s) {
        if (s == null) return "";
        return (s.median() >= 1e6 ? String.format(Locale.ROOT, "%.2f ms", s.median() / 1e6)
                : s.median() >= 1e3 ? String.format(Locale.ROOT, "%.2f µs", s.median() / 1e3)
                : String.format(Locale.ROOT, "%.1f ns", s.median())) + pm(s);
    }

    /** The interval's half-width as a share of the median; marked when it rests on too few runs for 95%. */
    private static String pm(Summary s) {
        return String.format(Locale.ROOT, " %s±%.0f%%", s.ciLevel() < 0.95 ? "~" : "", 100 * s.precision());
    }

    static String count(double v) {
        return v >= 1e9 ? String.format(Locale.ROOT, "%.2f billion", v / 1e9) : v >= 1e6
                ? String.format(Locale.ROOT, "%.2f million", v / 1e6) : String.format(Locale.ROOT, "%,.0f", v);
    }
}
