package dev.ctime.mojo;

import dev.ctime.shard.ShardReports;
import dev.ctime.store.ReportFiles;
import dev.ctime.model.Workload;
import dev.ctime.render.ConsoleTable;
import dev.ctime.model.Report;
import dev.ctime.shard.ShardMerge;
import dev.ctime.site.ReportPage;
import dev.ctime.site.ReportOutputs;
import dev.ctime.model.Thresholds;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Joins the reports of a matrix measured in shards ({@code ctime:measure -Dctime.shard=I/N} on
 * each CI runner) into one report, CSV, page and history entry in the output folder, which
 * {@code ctime:check} and the site page then read like any other.
 */
@Mojo(name = "merge", threadSafe = true)
public class MergeMojo extends JudgingParameters {
    /**
     * Each shard's report.json, comma-separated, relative to the project folder; an item may be a
     * glob ({@code shards/*}{@code /report.json}), as artifact downloads lay out one folder per shard.
     */
    @Parameter(property = "ctime.mergeReports", required = true)
    String mergeReports;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** The profile the others are compared with; the shards' anchor by default. */
    @Parameter(property = "ctime.reference")
    String reference;

    @Override
    public void execute() throws MojoExecutionException {
        // Ctrl-C or a CI cancel mid-merge: said, never a silent exit; the files are each written whole or not at all.
        String cut = "ctime: ctime:merge was interrupted before the merged report.json, report.csv and report.html were all"
                + " written to " + outputDirectory + ": run ctime:merge again (the shards' reports are unchanged)";
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (!finished.get()) System.err.println(cut);
        }, "ctime-merge-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            merge();
            finished.set(true);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook says what was not written
            }
        }
    }

    private void merge() throws MojoExecutionException {
        List<ShardMerge.Part> parts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : ShardReports.expand(basedir.toPath(), mergeReports, problems)) {
            if (!Files.isRegularFile(file)) {
                problems.add(file + " does not exist: give each shard's report.json (download the shards' artifacts first)");
                continue;
            }
            try {
                parts.add(new ShardMerge.Part(file.toString(), ReportFiles.readJson(file)));
            } catch (IOException e) {
                problems.add(file + " cannot be read as a ctime report: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("ctime: cannot merge:\n  - " + String.join("\n  - ", problems));
        }
        unknownProperties(problems);
        Workload work = workload(problems);
        ParameterValues values = new ParameterValues();
        Thresholds thresholds = new Thresholds(values.decimal("runtimeThreshold", runtimeThreshold),
                values.decimal("compileThreshold", compileThreshold), values.decimal("tolerance", tolerance));
        double calls = values.decimal("expectedCalls", expectedCalls);
        values.problems().forEach(p -> problems.add(spelt(p)));
        if (consoleProblem() != null) problems.add(consoleProblem());
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("ctime: cannot merge:\n  - " + String.join("\n  - ", problems));
        }
        Report merged;
        try {
            merged = ShardMerge.merge(parts, reference, thresholds, calls,
                    chartScenario, work, Report.currentTool());
        } catch (ShardMerge.Refused e) {
            throw new MojoExecutionException("ctime: the shards cannot be merged:\n  - " + e.getMessage().replace("\n", "\n  - "));
        }
        ReportOutputs outputs = new ReportOutputs(outputDirectory.toPath(), historyFile.toPath(),
                new ReportPage.Options(chartScenario, chartKernel, null));
        try {
            outputs.write(merged, ReportOutputs.ALL, w -> getLog().warn("ctime: " + w));
        } catch (IOException e) {
            throw new MojoExecutionException("ctime: cannot write the merged report to " + outputDirectory + ": " + e.getMessage(), e);
        }
        getLog().info("");
        ConsoleTable.render(merged, fullConsole()).forEach(l -> getLog().info(l));
        getLog().info("");
        for (String f : merged.merge().findings()) getLog().warn("ctime: " + f);
        getLog().info("ctime: merged " + parts.size() + " shard reports into " + outputs.json() + ", report.csv and report.html");
    }

}
