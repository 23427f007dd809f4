package dev.ctime.gate;

import dev.ctime.model.FigureKind;
import dev.ctime.model.FigureId;
import dev.ctime.text.Units;
import dev.ctime.store.Json;
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
    private static final ObjectMapper JSON = Json.MAPPER;

    private GateFormats() {
    }

    /** A row's figure as the table names it ("heat@4096 primal instructions"), in messages outside the table too. */
    public static String name(GateRow r) {
        return name(r.figure());
    }

    /** A figure as a person reads it: "full build cpu", "heat@4096 gradient", "library size". */
    static String name(String figure) {
        return figure.equals("*") ? "(all figures)" : ConsoleTable.clean(FigureId.parse(figure).label());
    }

    static String value(Double v, String unit) {
        if (v == null) return "";
        return switch (unit) {
            case "ms" -> Units.ms(v);
            case "ns" -> Units.ns(v);
            default -> String.format(Locale.ROOT, "%,.0f %s", v, unit);
        };
    }

    private static String decided(GateRow r) {
        return r.decidedBy().equals(r.figure()) ? "itself" : name(r.decidedBy());
    }

    /**
     * The check as a table within the console's 100 columns: each profile's name heads its rows, and a row decided by
     * another figure (a kernel's time by its instruction count, a build's wall time by its CPU time) is marked, the
     * mark explained below the table.
     */
    public static List<String> console(Gate.Result res, String baselineName) {
        List<String> out = new ArrayList<>();
        List<String[]> cells = new ArrayList<>();
        for (GateRow r : res.rows()) {
            cells.add(new String[] {name(r), value(r.baseline(), r.unit()), value(r.current(), r.unit()), r.change(),
                    r.verdict() + (r.decidedBy().equals(r.figure()) ? "" : "*")});
        }
        String[] head = {"figure", "baseline", "current", "change (95% interval)", "verdict"};
        int[] width = new int[head.length];
        for (int c = 0; c < width.length; c++) width[c] = head[c].length();
        for (String[] row : cells) for (int c = 1; c < width.length; c++) width[c] = Math.max(width[c], row[c].length());
        // The figure's name takes what the other columns leave of the 100, and is cut only where it must be.
        int others = 2 + width[1] + width[2] + width[3] + width[4] + 4;
        width[0] = Math.max(head[0].length(), Math.min(ConsoleTable.WIDTH - others, cells.stream().mapToInt(x -> x[0].length()).max()
                .orElse(0)));
        // The header's first cell spans the rows' indent and their figure column, so every column lines up below it.
        width[0] = Math.max(width[0], "profile / figure".length() - 2);
        String rest = " %" + width[1] + "s %" + width[2] + "s %-" + width[3] + "s %s";
        out.add(String.format(Locale.ROOT, "%-" + (width[0] + 2) + "s" + rest, "profile / figure", head[1], head[2], head[3], head[4])
                .stripTrailing());
        String profile = null;
        boolean marked = false;
        for (int i = 0; i < cells.size(); i++) {
            GateRow r = res.rows().get(i);
            if (!r.profile().equals(profile)) {
                profile = r.profile();
                out.add(ConsoleTable.clean(profile));
            }
            String[] c = cells.get(i);
            marked |= c[4].endsWith("*");
            out.add(String.format(Locale.ROOT, "  %-" + width[0] + "s" + rest, Units.clip(c[0], width[0]), c[1], c[2], c[3], c[4])
                    .stripTrailing());
        }
        if (marked) {
            out.addAll(ConsoleTable.wrap("* decided by another figure of the same kernel function or build: a time by its"
                    + " instruction count (exact), a build's wall time by its CPU time; the row shows its own change",
                    ConsoleTable.WIDTH, "  "));
        }
        out.add("");
        List<GateRow> reg = res.regressed();
        List<GateRow> gone = res.missing();
        long improved = res.rows().stream().filter(r -> r.verdict().equals(GateVerdict.IMPROVED)).count();
        out.add(reg.size() + " regression" + (reg.size() == 1 ? "" : "s") + ", " + gone.size() + " missing, " + improved
                + " improvement" + (improved == 1 ? "" : "s") + " against baseline " + baselineName + " (" + res.rows().size()
                + " figures compared)");
        for (GateRow r : reg) out.add("  regressed: " + r.profile() + " " + name(r) + " " + r.change() + ", threshold "
                + Units.percent(r.threshold()) + (r.note() == null ? "" : "; " + r.note()));
        for (GateRow r : gone) out.add("  missing" + (r.fails() ? "" : " (warning only: ctime.check.onMissing=warn)") + ": "
                + r.profile() + " " + name(r) + ": " + r.note());
        switchedOff(res).forEach((why, n) -> out.addAll(ConsoleTable.wrap("  not compared, " + n + (n == 1 ? " figure: " : " figures: ")
                + why, ConsoleTable.WIDTH, "    ")));
        for (String w : res.warnings()) out.add("warning: " + w);
        return out;
    }

    /** The figures this run switched off (a setting, a tool missing on the runner), counted by why: said, never failed. */
    static java.util.Map<String, Integer> switchedOff(Gate.Result res) {
        java.util.Map<String, Integer> by = new java.util.LinkedHashMap<>();
        for (GateRow r : res.rows()) {
            if (r.verdict().equals(GateVerdict.NOT_COMPARABLE) && r.note() != null && r.note().endsWith(Gate.STRICT_NOTE)) {
                by.merge(r.note(), 1, Integer::sum);
            }
        }
        return by;
    }

    public static String markdown(Gate.Result res, String baselineName) {
        return markdown(res, baselineName, null);
    }

    /** @param verdict the current run's verdict as its console says it, or null */
    public static String markdown(Gate.Result res, String baselineName, String verdict) {
        StringBuilder sb = new StringBuilder();
        List<GateRow> reg = res.regressed();
        long gone = res.missing().size();
        sb.append(reg.isEmpty() && gone == 0 ? "### ctime: no regression" : "### ctime: " + reg.size() + " regression"
                + (reg.size() == 1 ? "" : "s") + (gone == 0 ? "" : ", " + gone + " missing"))
                .append(" against baseline `").append(md(baselineName)).append("`\n\n");
        // The regressions and what is gone first, then what changed, then everything folded: a pull request shows the top.
        for (GateRow r : reg) sb.append("- **regressed**: ").append(md(r.profile() + " " + name(r))).append(' ').append(r.change())
                .append(", threshold ").append(Units.percent(r.threshold())).append(r.note() == null ? "" : "; " + md(r.note())).append('\n');
        res.missing().forEach(r -> sb.append("- **missing**: ")
                .append(md(r.profile() + " " + name(r))).append(": ").append(md(r.note())).append('\n'));
        for (Mismatch m : res.mismatches()) sb.append("- differs from the baseline: ").append(md(m.text())).append('\n');
        switchedOff(res).forEach((why, n) -> sb.append("- not compared, ").append(n).append(n == 1 ? " figure: " : " figures: ")
                .append(md(why)).append('\n'));
        for (String w : res.warnings()) sb.append("- **warning**: ").append(md(w)).append('\n');
        if (verdict != null) sb.append("\n**This run's verdict**: ").append(md(verdict)).append('\n');
        List<GateRow> changed = res.rows().stream().filter(r -> r.verdict().equals(GateVerdict.REGRESSED) || r.verdict().equals(GateVerdict.IMPROVED)
                || r.verdict().equals(GateVerdict.MISSING)).toList();
        long same = res.rows().stream().filter(r -> r.verdict().equals(GateVerdict.EQUIVALENT)).count();
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
            String v = r.fails() ? "**" + r.verdict() + "**" : r.verdict().id();
            sb.append("| ").append(md(r.profile())).append(" | ").append(md(name(r))).append(" | ").append(value(r.baseline(), r.unit()))
                    .append(" | ").append(value(r.current(), r.unit())).append(" | ").append(r.change()).append(" | ").append(v)
                    .append(r.gating() || r.verdict().equals(GateVerdict.NOT_COMPARABLE) ? "" : " (decided by " + md(decided(r)) + ")")
                    .append(" |\n");
        }
    }

    /** JUnit XML as Surefire writes it, so CI systems list each compared figure as a test. */
    public static String junit(Gate.Result res, String baselineName) {
        List<GateRow> rows = res.rows();
        long failures = rows.stream().filter(GateRow::fails).count();
        long skipped = rows.stream().filter(r -> r.verdict().equals(GateVerdict.NOT_COMPARABLE)).count();
        return xml(x -> {
            suite(x, rows.size(), failures, skipped);
            x.writeStartElement("properties");
            property(x, "baseline", baselineName);
            for (String w : res.warnings()) property(x, "warning", w);
            x.writeEndElement();
            for (GateRow r : rows) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "ctime." + printable(r.profile()));
                x.writeAttribute("name", printable(name(r)));
                String detail = "baseline " + value(r.baseline(), r.unit()) + ", current " + value(r.current(), r.unit()) + ", change "
                        + r.change() + ", verdict " + r.verdict() + (r.note() == null ? "" : "; " + r.note());
                x.writeCharacters("\n    ");
                if (r.fails()) {
                    boolean missing = r.verdict().equals(GateVerdict.MISSING);
                    x.writeStartElement("failure");
                    x.writeAttribute("message", printable(r.profile() + " " + name(r) + (missing ? " is missing: " + r.note()
                            : " regressed " + r.change() + " (threshold " + Units.percent(r.threshold()) + ")")));
                    x.writeAttribute("type", missing ? "missing" : "regression");
                    x.writeCharacters(printable(detail));
                    x.writeEndElement();
                } else if (r.verdict().equals(GateVerdict.NOT_COMPARABLE)) {
                    x.writeEmptyElement("skipped");
                    x.writeAttribute("message", printable(r.note() == null ? "not comparable" : r.note()));
                } else {
                    x.writeStartElement("system-out");
                    x.writeCharacters(printable(detail));
                    x.writeEndElement();
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
        });
    }

    /** A check that refused to compare: one failing test case naming every difference. */
    public static String refusalJunit(List<Mismatch> mismatches, String baselineName) {
        return xml(x -> {
            suite(x, 1, 1, 0);
            x.writeStartElement("testcase");
            x.writeAttribute("classname", "ctime.check");
            x.writeAttribute("name", printable("comparable with baseline " + baselineName));
            x.writeCharacters("\n    ");
            x.writeEmptyElement("failure");
            x.writeAttribute("message", printable("not compared: " + String.join("; ", mismatches.stream().map(Mismatch::text).toList())));
            x.writeAttribute("type", "mismatch");
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
        });
    }

    private interface XmlBody {
        void write(javax.xml.stream.XMLStreamWriter x) throws javax.xml.stream.XMLStreamException;
    }

    /** An XML document written by the JDK's writer, which escapes what it must. */
    private static String xml(XmlBody body) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            javax.xml.stream.XMLStreamWriter x = javax.xml.stream.XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            body.write(x);
            x.writeEndDocument();
            x.close();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IllegalStateException("JUnit XML: " + e.getMessage(), e);
        }
        return out + "\n";
    }

    /** Opens the test suite as Surefire writes it: its name and counts. */
    private static void suite(javax.xml.stream.XMLStreamWriter x, long tests, long failures, long skipped)
            throws javax.xml.stream.XMLStreamException {
        x.writeStartElement("testsuite");
        x.writeAttribute("name", "ctime.check");
        x.writeAttribute("tests", Long.toString(tests));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(skipped));
        x.writeCharacters("\n  ");
    }

    private static void property(javax.xml.stream.XMLStreamWriter x, String name, String value) throws javax.xml.stream.XMLStreamException {
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", printable(value));
    }

    public static String refusalMarkdown(List<Mismatch> mismatches, String baselineName) {
        StringBuilder sb = new StringBuilder("### ctime: not compared with baseline `").append(md(baselineName)).append("`\n\n");
        for (Mismatch m : mismatches) sb.append("- ").append(md(m.text())).append('\n');
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
        FigureId id = FigureId.parse(figure);
        if (id instanceof FigureId.Build b) return "build " + b.scenario();
        if (id instanceof FigureId.Kernel k) return k.benchmark();
        return id instanceof FigureId.Size ? "library" : figure;
    }

    static String measure(String figure, Figure f) {
        FigureId id = FigureId.parse(figure);
        if (id instanceof FigureId.Build b) return switch (b.measure()) {
            case FigureId.CPU_MS -> "cpu-ms";
            case FigureId.WALL_MS -> "wall-ms";
            case FigureId.MAX_RSS_KB -> "peak-rss-kib";
            default -> "instructions";
        };
        if (id instanceof FigureId.Size) return "file-size";
        return f.kind() == FigureKind.INSTRUCTIONS ? "instructions" : "latency";
    }


    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** XML 1.0 cannot hold most control characters, even escaped: shown as '?'. */
    static String printable(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
    }
}
