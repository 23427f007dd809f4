package dev.ctime.mojo;

import dev.ctime.store.ReportFiles;
import dev.ctime.verdict.DecisionText;
import dev.ctime.model.Report;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.apache.maven.reporting.MavenReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ctime:report through a real Doxia sink: the site's page, report.html beside the JSON, and the data with its schema. */
class ReportMojoTest {
    static final Path REPORT = Path.of("src/test/resources/reports/measure-basic.json");

    @TempDir
    Path dir;

    @Test
    void thePageTheStandaloneHtmlAndTheSchemaAreWritten() throws Exception {
        Path report = dir.resolve("target/ctime/report.json");
        Files.createDirectories(report.getParent());
        Files.copy(REPORT, report);
        ReportMojo m = Descriptor.configured(new ReportMojo(), dir);
        m.setReportOutputDirectory(dir.resolve("site").toFile());
        assertTrue(m.canGenerateReport());
        StringWriter page = new StringWriter();
        m.generate(new Xhtml5BaseSink(page), Locale.ROOT);
        String html = page.toString();
        assertTrue(html.contains("quick"), "the page names the profile");
        // The decision the report holds, in its tables: the workload row of the measured kernel, and its recommendation.
        Report r = ReportFiles.readJson(REPORT);
        assertTrue(html.contains(r.decision().workload().items().get(0).describe()), "the workload's kernel in its table");
        assertTrue(html.contains(DecisionText.headline(r.decision()).substring(1, 30))
                || html.contains("use profile " + r.decision().recommended()), "the report's own verdict");
        assertTrue(Files.readString(dir.resolve("target/ctime/report.html")).contains("<svg"), "report.html draws its charts");
        assertTrue(Files.size(dir.resolve("site/ctime/report.json")) == Files.size(report), "the data beside the page");
        assertTrue(Files.readString(dir.resolve("site/ctime/report.schema.json")).contains("\"$schema\""), "and its schema");
    }

    @Test
    void withoutAReportThePageIsLeftOutAndABrokenOneIsNamed() throws Exception {
        ReportMojo m = Descriptor.configured(new ReportMojo(), dir);
        RecordingLog log = new RecordingLog();
        m.setLog(log);
        assertFalse(m.canGenerateReport());
        assertTrue(log.warn.get(0).contains("run `mvn ctime:measure` first"), log.all());
        Path broken = dir.resolve("target/ctime/report.json");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "{\"schemaVersion\": 99, \"profiles\": []}");
        m.setReportOutputDirectory(dir.resolve("site").toFile());
        MavenReportException e = assertThrows(MavenReportException.class,
                () -> m.generate(new Xhtml5BaseSink(new StringWriter()), Locale.ROOT));
        assertTrue(e.getMessage().contains("schema 99, newer than this ctime's"), e.getMessage());
    }
}
