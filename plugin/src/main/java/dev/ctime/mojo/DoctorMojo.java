package dev.ctime.mojo;

import dev.ctime.doctor.Doctor;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reports what this machine offers ctime: each toolchain's rustc, channel and LLVM, whether its
 * Enzyme backend is present and loads, the linkers, hardware counters, and how to get what is missing.
 */
@Mojo(name = "doctor", threadSafe = true, requiresProject = false)
public class DoctorMojo extends AbstractMojo {
    /** ctime's lines within the console's width, as every goal's. */
    @Override
    public org.apache.maven.plugin.logging.Log getLog() {
        return new WrappedLog(super.getLog());
    }

    /** Toolchains to check, comma-separated ("default" is the one rustup picks here). */
    @Parameter(property = "ctime.toolchains", defaultValue = "default,nightly")
    String toolchains;

    /** Where the probes' logs go (rustc -vV, the Enzyme probe build). */
    @Parameter(defaultValue = "${project.build.directory}/ctime/doctor")
    File workDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        try {
            List<String> names = List.of(toolchains.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            for (String line : Doctor.examine(names, workDirectory.toPath()).lines()) getLog().info(line);
        } catch (IOException e) {
            throw new MojoExecutionException("ctime: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("ctime: interrupted", e);
        }
    }
}
