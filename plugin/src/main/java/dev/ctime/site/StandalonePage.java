package dev.ctime.site;

import dev.ctime.gate.HistoryLog;
import dev.ctime.model.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** report.html: the same page as the Maven site's, on its own, beside report.json. */
public final class StandalonePage {
    private StandalonePage() {
    }

    public static Path write(Report r, List<HistoryLog.Run> history, ReportPage.Options o, Path html) throws IOException {
        HtmlPageWriter w = new HtmlPageWriter();
        ReportPage.write(w, r, history, o);
        Files.writeString(html, w.document());
        return html;
    }
}
