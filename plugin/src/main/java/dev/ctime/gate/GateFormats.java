package dev.ctime.gate;

import dev.ctime.model.Status;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctime.render.ConsoleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The check's result in the formats people and CI tools read: a console table, JUnit XML (one
 * test case per figure, a failure per regression), a Markdown summary for pull requests; and the
 * current figures as Bencher Metric Format and github-action-benchmark's customSmallerIsBetter.
 */
public final class GateFormats {
    private static final ObjectMapper JSON = dev.ctime.model.Json.MAPPER;

    private GateFormats() {
    }

    /** A row's figure as the table names it ("heat@4096 primal instructions"), in messages outside the table too. */
    public static String name(GateRow r) {
        return name(r.figure());
    }

    /** A figure as a person reads it: "full build cpu", "heat@4096 gradient", "library size". */
    static String name(String figure) {
        return figure.equals("*") ? "(all figures)" : figure.equals("artifactBytes") ? "library size" : ConsoleTable.figureName(figure);
    }

    static String value(Double v, String unit) {
        if (v == null) return "";
        return switch (unit) {
            case "ms" -> dev.ctime.render.Units.ms(v);
            case "ns" -> dev.ctime.render.Units.ns(v);
            default -> String.format(Locale.ROOT, "%,.0f %s", v, unit);
        };
    }

    private static String decided(GateRow r) {
        return r.decidedBy().equals(r.figure()) ? "itself" : name(r.decidedBy());
    }

    public static List<String> console(Gate.Result res, String baselineName) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-24s %-34s %12s %12s %-30s %-17s %s", "profile", "figure", "baseline", "current",
                "change (95% interval)", "verdict", "decided by"));
        for (GateRow r : res.rows()) {
            out.add(String.format(Locale.ROOT, "%-24s %-34s %12s %12s %-30s %-17s %s", clip(r.profile(), 24), clip(name(r), 34),
                    value(r.baseline(), r.unit()), value(r.current(), r.unit()), r.change(), r.verdict(), decided(r)).stripTrailing());
        }
        out.add("");
        List<GateRow> reg = res.regressed();
        List<GateRow> gone = res.missing();
        long improved = res.rows().stream().filter(r -> r.verdict().equals(GateRow.IMPROVED)).count();
        out.add(reg.size() + " regression" + (reg.size() == 1 ? "" : "s") + ", " + gone.size() + " missing, " + improved
                + " improvement" + (improved == 1 ? "" : "s") + " against baseline " + baselineName + " (" + res.rows().size()
                + " figures compared)");
        for (GateRow r : reg) out.add("  regressed: " + r.profile() + " " + name(r) + " " + r.change() + ", threshold "
                + pct(r.threshold()) + (r.note() == null ? "" : "; " + r.note()));
        for (GateRow r : gone) out.add("  missing" + (r.fails() ? "" : " (warning only: ctime.check.onMissing=warn)") + ": "
                + r.profile() + " " + name(r) + ": " + r.note());
        for (String w : res.warnings()) out.add("warning: " + w);
        return out;
    }

    public static String markdown(Gate.Result res, String baselineName) {
        StringBuilder sb = new StringBuilder();
        List<GateRow> reg = res.regressed();
        long gone = res.missing().size();
        sb.append(reg.isEmpty() && gone == 0 ? "### ctime: no regression" : "### ctime: " + reg.size() + " regression"
                + (reg.size() == 1 ? "" : "s") + (gone == 0 ? "" : ", " + gone + " missing"))
                .append(" against baseline `").append(md(baselineName)).append("`\n\n");
        // The regressions and what is gone first, then what changed, then everything folded: a pull request shows the top.
        for (GateRow r : reg) sb.append("- **regressed**: ").append(md(r.profile() + " " + name(r))).append(' ').append(r.change())
                .append(", threshold ").append(pct(r.threshold())).append(r.note() == null ? "" : "; " + md(r.note())).append('\n');
        res.missing().forEach(r -> sb.append("- **missing**: ")
                .append(md(r.profile() + " " + name(r))).append(": ").append(md(r.note())).append('\n'));
        for (String m : res.mismatches()) sb.append("- differs from the baseline: ").append(md(m)).append('\n');
        for (String w : res.warnings()) sb.append("- **warning**: ").append(md(w)).append('\n');
        List<GateRow> changed = res.rows().stream().filter(r -> r.verdict().equals(GateRow.REGRESSED) || r.verdict().equals(GateRow.IMPROVED)
                || r.verdict().equals(GateRow.MISSING)).toList();
        long same = res.rows().stream().filter(r -> r.verdict().equals(GateRow.EQUIVALENT)).count();
        long open = res.rows().size() - changed.size() - same;
        sb.append('\n').append(changed.isEmpty() ? "Nothing changed beyond its threshold" : "What changed:").append(" (")
                .append(res.rows().size()).append(" figures: ").append(same).append(" equivalent, ").append(open)
                .append(" inconclusive or not comparable)").append(changed.isEmpty() ? ".\n" : "\n\n");
        if (!changed.isEmpty()) table(sb, changed);
        sb.append("\n<details><summary>Every figure</summary>\n\n");
        table(sb, res.rows());
        sb.append("\n</details>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, List<GateRow> rows) {
        sb.append("| profile | figure | baseline | current | change (95% interval) | verdict |\n| --- | --- | ---: | ---: | --- | --- |\n");
        for (GateRow r : rows) {
            String v = r.fails() ? "**" + r.verdict() + "**" : r.verdict();
            sb.append("| ").append(md(r.profile())).append(" | ").append(md(name(r))).append(" | ").append(value(r.baseline(), r.unit()))
                    .append(" | ").append(value(r.current(), r.unit())).append(" | ").append(r.change()).append(" | ").append(v)
                    .append(r.gating() || r.verdict().equals(GateRow.NOT_COMPARABLE) ? "" : " (decided by " + md(decided(r)) + ")")
                    .append(" |\n");
        }
    }

    /** JUnit XML as Surefire writes it, so CI systems list each compared figure as a test. */
    public static String junit(Gate.Result res, String baselineName) {
        List<GateRow> rows = res.rows();
        long failures = rows.stream().filter(GateRow::fails).count();
        long skipped = rows.stream().filter(r -> r.verdict().equals(GateRow.NOT_COMPARABLE)).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"ctime.check\" tests=\"").append(rows.size()).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n");
        sb.append("  <properties><property name=\"baseline\" value=\"").append(xml(baselineName)).append("\"/>");
        for (String w : res.warnings()) sb.append("<property name=\"warning\" value=\"").append(xml(w)).append("\"/>");
        sb.append("</properties>\n");
        for (GateRow r : rows) {
            sb.append("  <testcase classname=\"ctime.").append(xml(r.profile())).append("\" name=\"").append(xml(name(r))).append("\"");
            String detail = "baseline " + value(r.baseline(), r.unit()) + ", current " + value(r.current(), r.unit()) + ", change "
                    + r.change() + ", verdict " + r.verdict() + (r.note() == null ? "" : "; " + r.note());
            if (r.fails() && r.verdict().equals(GateRow.MISSING)) {
                sb.append(">\n    <failure message=\"").append(xml(r.profile() + " " + name(r) + " is missing: " + r.note()))
                        .append("\" type=\"missing\">").append(xml(detail)).append("</failure>\n  </testcase>\n");
            } else if (r.fails()) {
                sb.append(">\n    <failure message=\"").append(xml(r.profile() + " " + name(r) + " regressed " + r.change()
                        + " (threshold " + pct(r.threshold()) + ")")).append("\" type=\"regression\">").append(xml(detail))
                        .append("</failure>\n  </testcase>\n");
            } else if (r.verdict().equals(GateRow.NOT_COMPARABLE)) {
                sb.append(">\n    <skipped message=\"").append(xml(r.note() == null ? "not comparable" : r.note())).append("\"/>\n  </testcase>\n");
            } else {
                sb.append(">\n    <system-out>").append(xml(detail)).append("</system-out>\n  </testcase>\n");
            }
        }
        return sb.append("</testsuite>\n").toString();
    }

    /** A check that refused to compare: one failing test case naming every difference. */
    public static String refusalJunit(List<String> mismatches, String baselineName) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"ctime.check\" tests=\"1\" failures=\"1\" errors=\"0\""
                + " skipped=\"0\">\n  <testcase classname=\"ctime.check\" name=\"comparable with baseline " + xml(baselineName) + "\">\n"
                + "    <failure message=\"" + xml("not compared: " + String.join("; ", mismatches)) + "\" type=\"mismatch\"/>\n"
                + "  </testcase>\n</testsuite>\n";
    }

    public static String refusalMarkdown(List<String> mismatches, String baselineName) {
        StringBuilder sb = new StringBuilder("### ctime: not compared with baseline `").append(md(baselineName)).append("`\n\n");
        for (String m : mismatches) sb.append("- ").append(md(m)).append('\n');
        return sb.append("\nSave a new baseline (`ctime:baseline`), or set `ctime.check.onMismatch=warn`.\n").toString();
    }

    private interface FigureVisitor {
        void visit(String profile, String figure, Figure f);
    }

    /** Every figure of every profile that measured to the end: what the benchmark formats publish. */
    private static void eachFigure(Measured m, FigureVisitor v) {
        m.profiles().forEach((p, prof) -> {
            if (prof.status().measured()) prof.figures().forEach((figure, f) -> v.visit(p, figure, f));
        });
    }

    /** Bencher Metric Format: benchmark name to measure to value with its interval. */
    public static String bencher(Measured current) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        eachFigure(current, (p, figure, f) -> {
            String bench = p + "::" + benchmark(figure);
            ObjectNode b = root.has(bench) ? (ObjectNode) root.get(bench) : root.putObject(bench);
            ObjectNode m = b.putObject(measure(figure, f));
            m.put("value", f.median());
            m.put("lower_value", f.ciLow());
            m.put("upper_value", f.ciHigh());
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** github-action-benchmark's customSmallerIsBetter: name, unit, value and a range. */
    public static String customSmallerIsBetter(Measured current) throws com.fasterxml.jackson.core.JsonProcessingException {
        ArrayNode arr = JSON.createArrayNode();
        eachFigure(current, (p, figure, f) -> {
            ObjectNode o = arr.addObject();
            o.put("name", p + " " + name(figure));
            o.put("unit", f.unit());
            o.put("value", f.median());
            if (f.ciHigh() > f.ciLow()) o.put("range", String.format(Locale.ROOT, "%.6g to %.6g (95%%)", f.ciLow(), f.ciHigh()));
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(arr);
    }

    /** "kernel:heat:4096:gradientNs" is benchmark "heat@4096 gradient"; builds are "build full". */
    static String benchmark(String figure) {
        if (figure.startsWith("compile.")) return "build " + figure.split("\\.")[1];
        if (figure.equals("artifactBytes")) return "library";
        String[] f = figure.split(":");
        String fn = f[3].replace("Ns", "").replace("Instructions", "");
        return f[1] + "@" + f[2] + " " + fn;
    }

    static String measure(String figure, Figure f) {
        if (figure.startsWith("compile.")) return switch (figure.substring(figure.lastIndexOf('.') + 1)) {
            case "cpuMs" -> "cpu-ms";
            case "wallMs" -> "wall-ms";
            case "maxRssKb" -> "peak-rss-kib";
            default -> "instructions";
        };
        if (figure.equals("artifactBytes")) return "file-size";
        return f.kind() == FigureKind.INSTRUCTIONS ? "instructions" : "latency";
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("\n", "&#10;")
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
    }
}
