package dev.ctime.site;

import dev.ctime.gate.HistoryLog;
import dev.ctime.model.Report;
import dev.ctime.render.ReportCsv;
import dev.ctime.store.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every file a report is written to, by one writer, in one order (as JaCoCo's list of visitors): report.json,
 * report.csv, the history line, report.html beside them. Measuring, merging, an interruption and the report goal each
 * say which of them they write; none spells the files itself.
 */
public final class ReportOutputs {
    /** The outputs, in the order they are written: the page reads the history the line was just appended to. */
    public enum Output { JSON, CSV, HISTORY, HTML }

    /** What a finished run leaves: all of them. */
    public static final Set<Output> ALL = EnumSet.allOf(Output.class);

    private final Path dir;
    private final Path history;
    private final ReportPage.Options options;

    /**
     * @param dir     where report.json, report.csv and report.html go
     * @param history history.jsonl, which the line goes to and the page's trend charts read
     */
    public ReportOutputs(Path dir, Path history, ReportPage.Options options) {
        this.dir = dir;
        this.history = history;
        this.options = options;
    }

    public Path json() {
        return dir.resolve("report.json");
    }

    public Path csv() {
        return dir.resolve("report.csv");
    }

    public Path html() {
        return dir.resolve("report.html");
    }

    /**
     * Writes these outputs of the report, each whole or not at all.
     *
     * @param said what the history had to mend (a line cut short by a killed run), for the console
     */
    public void write(Report r, Set<Output> which, Consumer<String> said) throws IOException {
        if (which.isEmpty()) return;
        Files.createDirectories(dir);
        for (Output o : Output.values()) {
            if (!which.contains(o)) continue;
            switch (o) {
                case JSON -> ReportFiles.writeJson(r, json());
                case CSV -> ReportCsv.writeCsv(r, csv());
                case HISTORY -> {
                    String mended = history == null ? null : HistoryLog.append(history, r);
                    if (mended != null) said.accept(mended);
                }
                case HTML -> StandalonePage.write(r, history == null ? List.of() : HistoryLog.read(history, said),
                        options == null ? new ReportPage.Options(null, null, null) : options, html());
            }
        }
    }
}
