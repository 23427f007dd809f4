package dev.ctime.mojo;

import dev.ctime.store.BaselineStore;
import dev.ctime.gate.Mismatch;
import dev.ctime.gate.GateVerdict;
import dev.ctime.model.FigureKind;
import dev.ctime.gate.Gate;
import dev.ctime.gate.GateFormats;
import dev.ctime.render.ConsoleTable;
import dev.ctime.verdict.DecisionText;
import dev.ctime.gate.GateThresholds;
import dev.ctime.gate.Measured;
import dev.ctime.model.Report;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the last {@code ctime:measure} regressed against a baseline: a figure
 * significantly worse, beyond its kind's threshold and beyond the noise of both runs. Prints
 * every compared figure and writes JUnit XML, a Markdown summary, and the current figures as
 * Bencher Metric Format and github-action-benchmark JSON into {@code target/ctime/check/}.
 * Improvements are reported, never failed.
 */
@Mojo(name = "check", threadSafe = true)
public class CheckMojo extends BaselineParameters {
    /** A baseline file anywhere, instead of a name (e.g. one downloaded from the main branch's CI). */
    @Parameter(property = "ctime.baselineFile")
    File baselineFile;

    /** When toolchains, the machine or a profile's settings differ from the baseline's: fail, warn or ignore. */
    @Parameter(property = "ctime.check.onMismatch", defaultValue = "fail")
    String onMismatch;

    /**
     * When a figure of the baseline is gone from the current run (a kernel crashed, hung or failed its check, a
     * symbol went missing, a profile failed): fail (the default) or warn.
     */
    @Parameter(property = "ctime.check.onMissing", defaultValue = "fail")
    String onMissing;

    /** Smallest regression of a build's CPU time that fails the check (timed figures drift between runs). */
    @Parameter(property = "ctime.check.compileThreshold", defaultValue = "0.10")
    double compileThreshold;

    /** Smallest regression of a kernel's time that fails the check, where its instructions were not counted. */
    @Parameter(property = "ctime.check.runtimeThreshold", defaultValue = "0.10")
    double runtimeThreshold;

    /** Smallest regression of a counted instruction figure that fails the check. */
    @Parameter(property = "ctime.check.instructionsThreshold", defaultValue = "0.01")
    double instructionsThreshold;

    /** Smallest regression of a build's peak memory that fails the check. */
    @Parameter(property = "ctime.check.memoryThreshold", defaultValue = "0.05")
    double memoryThreshold;

    /** Smallest growth of the library's size that fails the check. */
    @Parameter(property = "ctime.check.sizeThreshold", defaultValue = "0.01")
    double sizeThreshold;

    /** Where the JUnit XML, Markdown summary and benchmark JSON files go. */
    @Parameter(property = "ctime.check.directory", defaultValue = "${project.build.directory}/ctime/check")
    File checkDirectory;

    @Parameter(property = "ctime.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ctime: skipped (ctime.skip)");
            return;
        }
        Gate.OnMismatch mode = mode(onMismatch);
        Gate.OnMissing missing;
        try {
            missing = Gate.OnMissing.valueOf(onMissing.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ctime.check.onMissing is '" + onMissing + "': use fail, warn or strict (switched-off figures fail too)");
        }
        GateThresholds t = thresholds();
        Path basePath = baselineFile != null ? baselineFile.toPath() : namedBaseline();
        Report base = ReportInput.read(basePath, "the baseline", "save one with ctime:baseline (-Dctime.baseline=" + baseline + ")");
        Report now = ReportInput.read(report(), "the current report", "run ctime:measure first");
        // Which run is gated, said first: a report from an older run in another output folder must not pass unnoticed.
        ConsoleTable.wrap("ctime: checking " + report() + " (written " + now.createdAt() + (now.label() == null ? "" : ", label "
                + now.label()) + ")", ConsoleTable.WIDTH, "  ").forEach(getLog()::info);
        BaselineStore.Saved saved = savedRecord(basePath);
        if (saved != null) {
            getLog().info("ctime: against baseline " + saved.name() + ", saved " + saved.savedAt()
                    + (saved.samples() == null ? "" : " (" + saved.samples() + ")"));
        }
        Measured b = Measured.of(base);
        Measured c = Measured.of(now);
        List<Mismatch> mismatches = Gate.mismatches(b, c);
        if (!mismatches.isEmpty()) {
            String what = "the current run differs from baseline " + basePath.getFileName() + ": " + String.join("; ", mismatches.stream().map(Mismatch::text).toList());
            if (mode == Gate.OnMismatch.FAIL) {
                String msg = "ctime: " + what + ". Figures from other toolchains, machines or settings are not compared blindly:"
                        + " save a new baseline (ctime:baseline), or set ctime.check.onMismatch=warn to compare what still matches";
                write(GateFormats.refusalJunit(mismatches, basePath.getFileName().toString()),
                        GateFormats.refusalMarkdown(mismatches, basePath.getFileName().toString()), null);
                throw new MojoFailureException(WrappedLog.wrapped(msg));
            }
            if (mode == Gate.OnMismatch.WARN) getLog().warn("ctime: " + what + " (those figures are marked not comparable)");
        }
        Gate.Result res = Gate.compare(b, c, t, mode, missing);
        String name = basePath.getFileName().toString();
        GateFormats.console(res, name).forEach(l -> getLog().info(l));
        String verdict = now.decision() == null ? null : "verdict: " + DecisionText.headline(now.decision());
        if (verdict != null) ConsoleTable.wrap("ctime: this run's " + verdict, ConsoleTable.WIDTH, "  ").forEach(getLog()::info);
        write(GateFormats.junit(res, name), GateFormats.markdown(res, name, verdict), c);
        getLog().info("ctime: check results in " + checkDirectory + " (TEST-ctime-check.xml, summary.md, bencher.json,"
                + " benchmark-action.json)");
        if (!res.regressions().isEmpty()) {
            List<String> what = new ArrayList<>();
            res.regressions().forEach(r -> what.add(r.profile() + " " + GateFormats.name(r) + (r.verdict().equals(GateVerdict.MISSING)
                    ? " missing (" + r.note() + ")" : " " + r.change())));
            long gone = what.size() - res.regressed().size();
            throw new MojoFailureException(WrappedLog.wrapped("ctime: " + (what.size() - gone) + " regression" + (what.size() - gone == 1 ? "" : "s")
                    + (gone == 0 ? "" : " and " + gone + " missing figure" + (gone == 1 ? "" : "s")) + " against " + name + ": "
                    + String.join("; ", what) + (gone == 0 ? "" : ". A figure the baseline has is gone now: fix the kernel, or save"
                    + " a new baseline (ctime:baseline) if it was removed on purpose; ctime.check.onMissing=warn only warns")));
        }
    }

    private void write(String junit, String markdown, Measured current) throws MojoExecutionException {
        try {
            Path dir = checkDirectory.toPath();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("TEST-ctime-check.xml"), junit);
            Files.writeString(dir.resolve("summary.md"), markdown);
            if (current != null) {
                Files.writeString(dir.resolve("bencher.json"), GateFormats.bencher(current));
                Files.writeString(dir.resolve("benchmark-action.json"), GateFormats.customSmallerIsBetter(current));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("ctime: cannot write the check results to " + checkDirectory + ": " + e.getMessage()
                    + " (check that the folder is writable)", e);
        }
    }


    static Gate.OnMismatch mode(String s) throws MojoExecutionException {
        try {
            return Gate.OnMismatch.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ctime.check.onMismatch is '" + s + "': use fail, warn or ignore");
        }
    }

    GateThresholds thresholds() throws MojoExecutionException {
        GateThresholds t = GateThresholds.defaults().with(FigureKind.COMPILE, compileThreshold).with(FigureKind.RUNTIME, runtimeThreshold)
                .with(FigureKind.INSTRUCTIONS, instructionsThreshold).with(FigureKind.MEMORY, memoryThreshold)
                .with(FigureKind.SIZE, sizeThreshold);
        List<String> bad = t.problems().stream().map(p -> Spelling.of(getClass(), p)).toList();
        if (!bad.isEmpty()) throw new MojoExecutionException("ctime: " + String.join("; ", bad));
        return t;
    }

    /** The baseline's own record, where it has one; a baseline that cannot say it is still compared. */
    private BaselineStore.Saved savedRecord(Path basePath) {
        try {
            return BaselineStore.saved(basePath);
        } catch (IOException e) {
            return null;
        }
    }
}
