package dev.ctime.mojo;

import dev.ctime.store.BaselineStore;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters ctime:baseline and ctime:check share: which report, which baseline, where baselines live. */
abstract class BaselineParameters extends AbstractMojo {
    /** ctime's lines within the console's width, as every goal's. */
    @Override
    public org.apache.maven.plugin.logging.Log getLog() {
        return new WrappedLog(super.getLog());
    }

    /** The report to read; by default report.json in ctime.outputDirectory, where ctime:measure wrote it. */
    @Parameter(property = "ctime.reportFile")
    File reportFile;

    /** Where ctime:measure writes (the same property): its report.json is the one read unless ctime.reportFile names another. */
    @Parameter(property = "ctime.outputDirectory", defaultValue = "${project.build.directory}/ctime")
    File outputDirectory;

    /** The report this goal reads: ctime.reportFile, else ctime.outputDirectory's report.json. */
    Path report() {
        return ReportInput.file(reportFile, outputDirectory);
    }

    /** The baseline's name: letters, digits, '.', '_' and '-'. */
    @Parameter(property = "ctime.baseline", defaultValue = "main")
    String baseline;

    /** Where baselines live; commit this folder. */
    @Parameter(property = "ctime.baselineDirectory", defaultValue = "${project.basedir}/src/ctime")
    File baselineDirectory;

    Path namedBaseline() throws MojoExecutionException {
        try {
            return BaselineStore.file(baselineDirectory.toPath(), baseline);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ctime.baseline: " + e.getMessage());
        }
    }
}
