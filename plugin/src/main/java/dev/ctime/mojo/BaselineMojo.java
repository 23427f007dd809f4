package dev.ctime.mojo;

import dev.ctime.gate.BaselineStore;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Saves the last {@code ctime:measure} report as a named baseline, a file to commit (by default
 * {@code src/ctime/NAME.json}, outside {@code target/}), that {@code ctime:check} compares against.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends BaselineParameters {
    @Override
    public void execute() throws MojoExecutionException {
        try {
            Path saved = BaselineStore.save(reportFile.toPath(), namedBaseline().getParent(), baseline);
            getLog().info("ctime: baseline '" + baseline + "' saved to " + saved + " (commit it; ctime:check compares against it)");
        } catch (NoSuchFileException e) {
            throw new MojoExecutionException("ctime: no report at " + reportFile + " to save as a baseline: run ctime:measure first");
        } catch (IOException e) {
            throw new MojoExecutionException("ctime: cannot save the baseline in " + baselineDirectory + ": " + e.getMessage()
                    + " (check that the folder is writable)", e);
        }
    }
}
