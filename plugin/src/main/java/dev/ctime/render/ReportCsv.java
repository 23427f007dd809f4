package dev.ctime.render;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.ctime.store.ReportFiles;
import dev.ctime.model.ProfileResult;
import dev.ctime.model.Report;
import dev.ctime.model.ScenarioFigures;

import dev.ctime.model.KernelTiming;
import dev.ctime.model.Summary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** report.csv: one row per profile, scenario and kernel size, the flat view for spreadsheets. */
public final class ReportCsv {
    private ReportCsv() {
    }


    /** One row per profile, scenario and kernel size: the flat view for spreadsheets. */
    public static String csv(Report r) {
        List<List<String>> rows = new ArrayList<>();
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
                    rows.add(row.stream().map(ReportCsv::cell).toList());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, FORMAT)) {
            out.printRecords(rows);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }

    /** RFC 4180 quoting, one line per record. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader("profile", "status",
            "scenario", "compile_wall_ms_median", "compile_cpu_ms_median", "compile_max_rss_kb_median", "artifact_bytes", "kernel",
            "n", "primal_ns_median", "primal_ns_ci_low", "primal_ns_ci_high", "gradient_ns_median", "gradient_ns_ci_low",
            "gradient_ns_ci_high", "gradient_to_primal", "gradient_check_ok", "gradient_max_rel_error", "primal_instructions",
            "gradient_instructions").build();

    public static void writeCsv(Report r, Path file) throws IOException {
        ReportFiles.atomically(file, csv(r));
    }

    /**
     * A CSV cell before quoting: text that a spreadsheet would run as a formula (a name starting with = + - @ or a
     * control character) gets a leading apostrophe. Numbers stay numbers.
     */
    static String cell(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) return "'" + s;
        return s;
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
}
