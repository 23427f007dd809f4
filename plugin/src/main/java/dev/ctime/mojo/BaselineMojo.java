package dev.ctime.mojo;

import dev.ctime.store.BaselineStore;
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
    /**
     * Keep every kernel batch in the baseline. By default each fork is kept as its median, which is what ctime:check
     * compares (a fork is one run), and the file to commit is a fraction of the size.
     */
    @org.apache.maven.plugins.annotations.Parameter(property = "ctime.baselineSamples", defaultValue = "false")
    boolean baselineSamples;

    @Override
    public void execute() throws MojoExecutionException {
        try {
            Path saved = BaselineStore.save(report(), namedBaseline().getParent(), baseline, baselineSamples);
            getLog().info("ctime: baseline '" + baseline + "' saved to " + saved + " (" + java.nio.file.Files.size(saved) / 1024
                    + " KB" + (baselineSamples ? ", every kernel batch" : ", each kernel fork as its median: -Dctime.baselineSamples=true"
                    + " keeps every batch") + "; commit it: ctime:check compares against it)");
        } catch (NoSuchFileException e) {
            throw new MojoExecutionException("ctime: no report at " + report() + " to save as a baseline: run ctime:measure first");
        } catch (IOException e) {
            throw new MojoExecutionException("ctime: cannot save the baseline in " + baselineDirectory + ": " + e.getMessage()
                    + " (check that the folder is writable)", e);
        }
    }
}
