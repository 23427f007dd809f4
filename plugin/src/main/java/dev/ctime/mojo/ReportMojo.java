package dev.ctime.mojo;

import dev.ctime.site.ReportOutputs;
import dev.ctime.store.ReportFiles;
import dev.ctime.model.Report;
import dev.ctime.gate.HistoryLog;
import dev.ctime.site.ReportPage;
import dev.ctime.site.SinkPageWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * Renders the latest report.json as a page of the Maven site (in {@code <reporting>}, or
 * standalone with {@code mvn ctime:report}), and as a self-contained report.html next to the JSON.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMavenReport {
    /** The report to render: what ctime:measure wrote. */
    @Parameter(property = "ctime.reportFile")
    File reportFile;

    /**
     * Where ctime:measure writes: its report.json is rendered unless ctime.reportFile names another. Not named
     * outputDirectory: that is the site's folder, a field of the report base class this one would hide (and leave null).
     */
    @Parameter(property = "ctime.outputDirectory", defaultValue = "${project.build.directory}/ctime")
    File measuredDirectory;

    /** One line per run, appended by ctime:measure; may live outside target/ to survive cleans. */
    @Parameter(property = "ctime.historyFile", defaultValue = "${project.build.directory}/ctime/history.jsonl")
    File historyFile;

    /** The scenario whose build time the trade-off chart uses (default: the first measured). */
    @Parameter(property = "ctime.chartScenario")
    String chartScenario;

    /** A kernel whose own trade-off chart the page adds beside the workload's. */
    @Parameter(property = "ctime.chartKernel")
    String chartKernel;

    /**
     * Calls per build of the report's workload mix, where they differ from the report's: the page then shows an
     * explicit re-judgement for that usage, and says so. By default the page shows report.json's decision.
     */
    @Parameter(property = "ctime.expectedCalls")
    Double expectedCalls;

    /** The report's JSON Schema, in the jar (generated from the model and checked by ReportSchemaTest). */
    static final String SCHEMA = "/dev/ctime/report.schema.json";

    @Override
    public String getOutputPath() {
        return "ctime";
    }

    /** The same as {@link #getOutputPath()}, for Maven's older reporting API. */
    @Override
    @Deprecated
    public String getOutputName() {
        return getOutputPath();
    }

    @Override
    public String getName(Locale locale) {
        return "ctime trade-offs";
    }

    @Override
    public String getDescription(Locale locale) {
        return "What each Rust build profile costs at compile time and buys at run time.";
    }

    @Override
    public boolean canGenerateReport() {
        if (ReportInput.file(reportFile, measuredDirectory).toFile().isFile()) return true;
        getLog().warn("ctime: no report at " + ReportInput.file(reportFile, measuredDirectory) + ": run `mvn ctime:measure` first;"
                + " the ctime page is left out");
        return false;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        try {
            Report r = ReportFiles.readJson(ReportInput.file(reportFile, measuredDirectory));
            var history = HistoryLog.read(historyFile.toPath());
            ReportPage.Options o = new ReportPage.Options(chartScenario, chartKernel, expectedCalls);
            SinkPageWriter w = new SinkPageWriter(getSink());
            ReportPage.write(w, r, history, o);
            w.finish();
            ReportOutputs beside = new ReportOutputs(ReportInput.file(reportFile, measuredDirectory).toAbsolutePath().getParent(),
                    historyFile.toPath(), o);
            beside.write(r, java.util.EnumSet.of(ReportOutputs.Output.HTML), w2 -> getLog().warn("ctime: " + w2));
            getLog().info("ctime: standalone page written to " + beside.html());
            // The data behind the page, and its published schema, beside it in the site.
            Path data = getReportOutputDirectory().toPath().resolve(getOutputPath());
            Files.createDirectories(data);
            Files.copy(ReportInput.file(reportFile, measuredDirectory), data.resolve("report.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (java.io.InputStream schema = ReportMojo.class.getResourceAsStream(SCHEMA)) {
                if (schema != null) Files.copy(schema, data.resolve("report.schema.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            getLog().info("ctime: the page's data and its JSON Schema are in " + data);
        } catch (IOException e) {
            throw new MavenReportException("ctime: cannot render " + ReportInput.file(reportFile, measuredDirectory) + ": " + e.getMessage(), e);
        }
    }

}
