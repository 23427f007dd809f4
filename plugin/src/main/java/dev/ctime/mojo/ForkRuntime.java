package dev.ctime.mojo;

import dev.ctime.kernel.ForkJdk;
import dev.ctime.kernel.ForkLauncher;
import dev.ctime.model.Binding;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

/** What the kernel forks run on, as Maven knows it: the JDK (ctime.jdk, a toolchain, or one beside Maven's) and the classpath. */
final class ForkRuntime {
    private ForkRuntime() {
    }

    /**
     * The JDK home the forks run on: the one named; Maven's own where it has the FFM binding; else a JDK 22+ declared in
     * ~/.m2/toolchains.xml; else the newest JDK 22+ beside Maven's; else null (Maven's own, the FFM rows say why missing).
     */
    static Path jdk(Path named, ToolchainManager toolchains, MavenSession session, Log log) {
        if (named != null) return named;
        if (Runtime.version().feature() >= Binding.FIRST_FFM_JDK) return null;
        if (toolchains != null && session != null) {
            for (Toolchain tc : toolchains.getToolchains(session, "jdk", Map.of("version", "[" + Binding.FIRST_FFM_JDK + ",)"))) {
                String java = tc.findTool("java");
                if (java != null) {
                    Path home = Path.of(java).getParent().getParent();
                    log.info("ctime: the kernel forks run on the toolchain " + tc + " (" + home + "), for the FFM binding");
                    return home;
                }
            }
        }
        Path beside = ForkJdk.beside(Path.of(System.getProperty("java.home")));
        if (beside != null) {
            log.info("ctime: the kernel forks run on " + beside + " (JDK " + ForkLauncher.featureOf(beside)
                    + ", installed beside Maven's), for the FFM binding; -Dctime.jdk chooses another");
        }
        return beside;
    }

    /** The plugin's runtime artifacts (this plugin, the harness binding, JNA, Jackson, …), as a classpath; null outside Maven. */
    static String classpath(PluginDescriptor plugin) {
        if (plugin == null || plugin.getPluginArtifact() == null || plugin.getPluginArtifact().getFile() == null) return null;
        List<Artifact> all = new ArrayList<>();
        all.add(plugin.getPluginArtifact());
        all.addAll(plugin.getArtifacts());
        return all.stream().filter(a -> a.getFile() != null && ("jar".equals(a.getType()) || "maven-plugin".equals(a.getType())))
                .filter(a -> !"provided".equals(a.getScope()) && !"test".equals(a.getScope()))
                .map(a -> a.getFile().getAbsolutePath()).distinct().collect(Collectors.joining(File.pathSeparator));
    }
}
