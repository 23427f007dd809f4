package dev.ctime.report;

import dev.ctime.kernel.KernelTiming;
import dev.ctime.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table people read at the end of a run: one block of rows per profile. */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    public static List<String> render(Report r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"profile", "status", "build cpu (full)", "build wall", "peak rss", "artifact", "kernel", "n",
                "primal ns", "gradient ns", "grad/primal", "grad check"});
        for (ProfileResult p : r.profiles()) {
            ScenarioFigures f = p.compile() == null ? null : p.compile().values().stream().findFirst().orElse(null);
            String[] head = {p.name(), p.status(), f == null ? "" : ms(f.cpuMs()), f == null ? "" : ms(f.wallMs()),
                    f == null ? "" : mib(f.maxRssKb()), p.artifactBytes() == null ? "" : kib(p.artifactBytes()), "", "", "", "",
                    "", ""};
            List<KernelTiming> ks = p.kernels() == null ? List.of() : p.kernels();
            if (ks.isEmpty()) {
                rows.add(head);
            }
            for (int i = 0; i < ks.size(); i++) {
                KernelTiming k = ks.get(i);
                String[] row = i == 0 ? head : new String[12];
                if (i > 0) java.util.Arrays.fill(row, "");
                row[6] = k.name();
                row[7] = Integer.toString(k.n());
                row[8] = ns(k.primalNs());
                row[9] = ns(k.gradientNs());
                row[10] = k.gradientToPrimal() == null ? "" : String.format(Locale.ROOT, "%.2fx", k.gradientToPrimal());
                row[11] = k.gradientCheck() == null ? (k.status().equals("ok") ? "" : "FAILED")
                        : k.gradientCheck().ok() ? String.format(Locale.ROOT, "ok %.0e", k.gradientCheck().maxRelError())
                        : "WRONG " + String.format(Locale.ROOT, "%.1e", k.gradientCheck().maxRelError());
                rows.add(row);
            }
            if (p.reason() != null) {
                rows.add(new String[] {"", "  " + p.status() + ": " + firstLine(p.reason()), "", "", "", "", "", "", "", "", "", ""});
            }
        }
        return format(rows);
    }

    private static List<String> format(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            if (r[1].startsWith("  ")) continue;
            for (int c = 0; c < cols; c++) w[c] = Math.max(w[c], r[c] == null ? 0 : r[c].length());
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            if (r[1].startsWith("  ")) {
                out.add(" ".repeat(w[0]) + r[1]);
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String v = r[c] == null ? "" : r[c];
                boolean right = c >= 2 && c != 6;
                sb.append(right ? " ".repeat(w[c] - v.length()) + v : v + " ".repeat(w[c] - v.length()));
                if (c < cols - 1) sb.append("  ");
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }

    static String ms(Summary s) {
        if (s == null) return "";
        return s.median() >= 1000 ? String.format(Locale.ROOT, "%.2f s", s.median() / 1000)
                : String.format(Locale.ROOT, "%.0f ms", s.median());
    }

    static String mib(Summary s) {
        return s == null ? "" : String.format(Locale.ROOT, "%.0f MiB", s.median() / 1024);
    }

    static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
    }

    static String ns(Summary s) {
        if (s == null) return "";
        String ci = String.format(Locale.ROOT, " ±%.0f%%", 50 * (s.ciHigh() - s.ciLow()) / s.median());
        return (s.median() >= 1e6 ? String.format(Locale.ROOT, "%.2f ms", s.median() / 1e6)
                : s.median() >= 1e3 ? String.format(Locale.ROOT, "%.2f µs", s.median() / 1e3)
                : String.format(Locale.ROOT, "%.1f ns", s.median())) + ci;
    }
}
