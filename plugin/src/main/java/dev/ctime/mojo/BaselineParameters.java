package dev.ctime.mojo;

import dev.ctime.store.BaselineStore;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters ctime:baseline and ctime:check share: which report, which baseline, where baselines live. */
abstract class BaselineParameters extends AbstractMojo {
    /** The report of the last ctime:measure. */
    @Parameter(property = "ctime.reportFile", defaultValue = "${project.build.directory}/ctime/report.json")
    File reportFile;

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
