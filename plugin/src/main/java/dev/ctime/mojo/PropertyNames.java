package dev.ctime.mojo;

import dev.ctime.profile.Closest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.configuration.PlexusConfigurationException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ctime.* properties the plugin's goals read, from its own descriptor, so a misspelt
 * {@code -Dctime.profles} stops the run with "did you mean" instead of being silently ignored.
 */
public final class PropertyNames {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(ctime\\.[A-Za-z0-9.]+)}");

    private PropertyNames() {
    }

    /** Every ctime.* property a goal of ctime's plugin.xml reads; empty where the descriptor cannot be found. */
    public static Set<String> known(ClassLoader loader) {
        Set<String> out = new TreeSet<>();
        for (PluginDescriptor d : descriptors(loader)) {
            for (MojoDescriptor goal : d.getMojos()) out.addAll(byParameter(goal).values());
        }
        return out;
    }

    /**
     * Each parameter of one goal that has a property, with its property (workloadProperty → ctime.workload): per goal,
     * since two goals can give one parameter name different properties (compileThreshold, ctime.check.compileThreshold).
     */
    public static java.util.Map<String, String> byParameter(Class<?> mojo) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (PluginDescriptor d : descriptors(mojo.getClassLoader())) {
            for (MojoDescriptor goal : d.getMojos()) {
                if (mojo.getName().equals(goal.getImplementation())) out.putAll(byParameter(goal));
            }
        }
        return out;
    }

    /** A goal's parameters with the ctime.* property each reads, as Maven's descriptor has them (${ctime.repeat}). */
    private static java.util.Map<String, String> byParameter(MojoDescriptor goal) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        if (goal.getParameters() == null) return out;
        for (Parameter p : goal.getParameters()) {
            Matcher m = p.getExpression() == null ? null : PROPERTY.matcher(p.getExpression());
            if (m != null && m.matches()) out.put(p.getName(), m.group(1));
        }
        return out;
    }

    /**
     * ctime's plugin.xml as the class loader finds it, read by Maven's own descriptor builder; none where it cannot be
     * found or read (outside a packaged plugin).
     */
    private static List<PluginDescriptor> descriptors(ClassLoader loader) {
        List<PluginDescriptor> out = new ArrayList<>();
        try {
            Enumeration<URL> all = loader.getResources("META-INF/maven/plugin.xml");
            while (all.hasMoreElements()) {
                try (InputStream in = all.nextElement().openStream()) {
                    PluginDescriptor d = new PluginDescriptorBuilder().build(new InputStreamReader(in, StandardCharsets.UTF_8));
                    if ("ctime-maven-plugin".equals(d.getArtifactId())) out.add(d);
                }
            }
        } catch (IOException | PlexusConfigurationException e) {
            // Without the descriptor nothing can be checked; the run goes on as Maven configured it.
        }
        return out;
    }

    /**
     * How a setting is written in Maven: its property where it has one (ctime.repeat), else its POM element
     * ({@code <profiles>}).
     */
    public static String spelling(String setting, java.util.Map<String, String> byParameter) {
        String property = byParameter.get(setting);
        return property != null ? property : "<" + setting + ">";
    }

    /** One problem per given ctime.* property that no goal reads, with the closest known one. */
    public static List<String> unknown(Collection<String> given, Set<String> known) {
        List<String> out = new ArrayList<>();
        if (known.isEmpty()) return out;
        for (String p : new TreeSet<>(given)) {
            if (!p.startsWith("ctime.") || known.contains(p)) continue;
            out.add("-D" + p + " is not a ctime property" + Closest.among(p, known).map(c -> ": did you mean -D" + c + "?")
                    .orElse("; mvn ctime:help -Ddetail lists them"));
        }
        return out;
    }
}
