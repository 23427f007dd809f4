package dev.ctime.mojo;

import dev.ctime.gate.Gate;
import dev.ctime.gate.GateFormats;
import dev.ctime.gate.GateThresholds;
import dev.ctime.gate.Measured;
import dev.ctime.gate.HistoryLog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the check's table for any two runs, without failing: each side a report or baseline
 * file, or a label (or creation time) of a run in the history.
 */
@Mojo(name = "compare", threadSafe = true, requiresProject = false)
public class CompareMojo extends AbstractMojo {
    /** ctime's lines within the console's width, as every goal's. */
    @Override
    public org.apache.maven.plugin.logging.Log getLog() {
        return new WrappedLog(super.getLog());
    }

    /** The earlier run: a report or baseline file, or a history label. */
    @Parameter(property = "ctime.compare.from", required = true)
    String from;

    /** The later run: a report or baseline file, or a history label; the last measured report by default. */
    @Parameter(property = "ctime.compare.to", defaultValue = "${project.build.directory}/ctime/report.json")
    String to;

    @Parameter(property = "ctime.historyFile", defaultValue = "${project.build.directory}/ctime/history.jsonl")
    File historyFile;

    @Override
    public void execute() throws MojoExecutionException {
        Measured a = resolve(from);
        Measured b = resolve(to);
        Gate.Result res = Gate.compare(a, b, GateThresholds.defaults(), Gate.OnMismatch.WARN);
        res.mismatches().forEach(m -> getLog().warn("ctime: differs: " + m));
        GateFormats.console(res, from).forEach(l -> getLog().info(l));
    }

    private Measured resolve(String what) throws MojoExecutionException {
        Path p = Path.of(what);
        if (Files.isRegularFile(p)) return Measured.of(ReportInput.read(p, what, ""));
        try {
            List<HistoryLog.Run> runs = HistoryLog.read(historyFile.toPath());
            HistoryLog.Run r = HistoryLog.find(runs, what);
            if (r == null) {
                throw new MojoExecutionException("ctime: '" + what + "' is neither a report file nor a label or time in "
                        + historyFile + " (labels there: " + String.join(", ", runs.stream().map(HistoryLog.Run::label)
                        .filter(java.util.Objects::nonNull).distinct().toList()) + ")");
            }
            if (r.measured() == null) {
                throw new MojoExecutionException("ctime: the history line '" + what + "' was written by an older ctime without"
                        + " intervals and runs; compare report files instead");
            }
            return r.measured();
        } catch (IOException e) {
            throw new MojoExecutionException("ctime: cannot read " + historyFile + ": " + e.getMessage(), e);
        }
    }
}
