package dev.ctime.mojo;

import dev.ctime.gate.ReportCheck;
import dev.ctime.model.Report;
import dev.ctime.store.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/** A report a goal compares against (the current run, a baseline), read and checked, its problems worded for Maven. */
final class ReportInput {
    private ReportInput() {
    }

    /** The report a goal reads: the one named (ctime.reportFile), else report.json in ctime:measure's output folder. */
    static Path file(java.io.File named, java.io.File outputDirectory) {
        return named != null ? named.toPath() : outputDirectory.toPath().resolve("report.json");
    }

    /**
     * @param what the report as the message names it
     * @param fix  what to do where it is missing
     */
    static Report read(Path p, String what, String fix) throws MojoExecutionException {
        // Checked up front: the reader's own "not found" comes as one of several exception types.
        if (!Files.isRegularFile(p)) throw new MojoExecutionException("ctime: " + what + " is missing: no " + p + "; " + fix);
        Report r;
        try {
            r = ReportFiles.readJson(p);
        } catch (IOException e) {
            throw new MojoExecutionException("ctime: " + what + " (" + p + ") cannot be read: " + e.getMessage(), e);
        }
        List<String> problems = ReportCheck.problems(r);
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("ctime: " + what + " (" + p + ") cannot be compared against:\n  - "
                    + String.join("\n  - ", problems) + "\n" + (fix.isEmpty() ? "Restore the file ctime wrote"
                    : fix.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + fix.substring(1) + ", or restore the file ctime wrote"));
        }
        return r;
    }
}
