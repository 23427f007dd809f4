package dev.ctime.render;

import dev.ctime.model.Json;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;

import dev.ctime.model.KernelTiming;
import dev.ctime.model.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes report.json and report.csv atomically, so a crash never leaves half a report. */
public final class ReportWriter {
    private ReportWriter() {
    }


    /** The schema's file name, written beside every report that points to it. */
    public static final String SCHEMA = "report.schema.json";

    /** report.json, pointing to its schema ($schema), with the schema written beside it so editors and CI can validate it. */
    public static void writeJson(Report r, Path file) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("$schema", SCHEMA);
        out.setAll((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(r));
        atomically(file, Json.pretty().writeValueAsString(out));
        Path schema = file.resolveSibling(SCHEMA);
        try (java.io.InputStream in = ReportWriter.class.getResourceAsStream("/dev/ctime/" + SCHEMA)) {
            if (in == null) return; // a build without the generated schema (tests before it exists)
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!java.nio.file.Files.exists(schema) || !java.nio.file.Files.readString(schema).equals(text)) atomically(schema, text);
        }
    }

    /** Reads a report of this version or an older one; a newer one is refused with the fix. */
    public static Report readJson(Path file) throws IOException {
        Report r;
        // Through NIO, so a missing report is a NoSuchFileException as everywhere else.
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            r = Json.MAPPER.readValue(in, Report.class);
        }
        if (r.schemaVersion() > Report.SCHEMA_VERSION) {
            throw new IOException(file + " has report schema " + r.schemaVersion() + ", newer than this ctime's "
                    + Report.SCHEMA_VERSION + ": read it with the ctime that wrote it (" + r.tool() + ") or a later one");
        }
        return r;
    }

    /** One row per profile, scenario and kernel size: the flat view for spreadsheets. */
    public static String csv(Report r) {
        StringBuilder sb = new StringBuilder("profile,status,scenario,compile_wall_ms_median,compile_cpu_ms_median,"
                + "compile_max_rss_kb_median,artifact_bytes,kernel,n,primal_ns_median,primal_ns_ci_low,primal_ns_ci_high,"
                + "gradient_ns_median,gradient_ns_ci_low,gradient_ns_ci_high,gradient_to_primal,gradient_check_ok,"
                + "gradient_max_rel_error,primal_instructions,gradient_instructions\n");
        for (ProfileResult p : r.profiles()) {
            List<String> scenarios = p.compile() == null || p.compile().isEmpty() ? List.of("")
                    : new ArrayList<>(p.compile().keySet());
            List<KernelTiming> ks = p.kernels() == null || p.kernels().isEmpty() ? java.util.Collections.singletonList(null)
                    : p.kernels();
            for (String s : scenarios) {
                ScenarioFigures f = s.isEmpty() ? null : p.compile().get(s);
                for (KernelTiming k : ks) {
                    List<String> row = new ArrayList<>(List.of(p.name(), p.status().id(), s,
                            med(f == null ? null : f.wallMs()), med(f == null ? null : f.cpuMs()),
                            med(f == null ? null : f.maxRssKb()), p.artifactBytes() == null ? "" : p.artifactBytes().toString()));
                    if (k == null) {
                        for (int i = 0; i < 13; i++) row.add("");
                    } else {
                        row.addAll(List.of(k.name(), Integer.toString(k.n()), med(k.primalNs()), lo(k.primalNs()),
                                hi(k.primalNs()), med(k.gradientNs()), lo(k.gradientNs()), hi(k.gradientNs()),
                                num(k.gradientToPrimal()), k.gradientCheck() == null ? "" : Boolean.toString(k.gradientCheck().ok()),
                                k.gradientCheck() == null ? "" : num(k.gradientCheck().maxRelError()),
                                count(k.primalInstructions()), count(k.gradientInstructions())));
                    }
                    sb.append(String.join(",", row.stream().map(ReportWriter::cell).toList())).append('\n');
                }
            }
        }
        return sb.toString();
    }

    public static void writeCsv(Report r, Path file) throws IOException {
        atomically(file, csv(r));
    }

    /**
     * A CSV cell, quoted where needed; text that a spreadsheet would run as a formula (a name
     * starting with = + - @ or a control character) gets a leading apostrophe. Numbers stay numbers.
     */
    static String cell(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) v = "'" + v;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String med(Summary s) {
        return s == null ? "" : num(s.median());
    }

    private static String lo(Summary s) {
        return s == null ? "" : num(s.ciLow());
    }

    private static String hi(Summary s) {
        return s == null ? "" : num(s.ciHigh());
    }

    static String num(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.6g", d);
    }

    /** A count (instructions per call): a whole number, never in exponent notation. */
    static String count(Double d) {
        return d == null ? "" : Long.toString(Math.round(d));
    }

    /**
     * Writes a temporary file and moves it over the target, so a crash or a full disk never leaves
     * half a report; readable by all (0644), as report.html always was.
     */
    static void atomically(Path file, String content) throws IOException {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, content);
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (tmp != null) Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + file + ": " + e + " (free space on that disk or make the folder writable,"
                    + " or write elsewhere with ctime.outputDirectory)", e);
        }
    }
}
