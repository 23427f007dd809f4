package dev.ctime.mojo;

import dev.ctime.profile.Closest;
import java.io.IOException;
import java.io.InputStream;
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
    /** A goal's parameter with its property, as the descriptor's configuration writes it: {@code <repeat ...>${ctime.repeat}</repeat>}. */
    private static final Pattern PARAMETER = Pattern.compile("<([A-Za-z0-9]+)(?: [^>]*)?>\\$\\{(ctime\\.[A-Za-z0-9.]+)}</\\1>");

    private PropertyNames() {
    }

    /** Every ctime.* property named in ctime's plugin.xml; empty where the descriptor cannot be found. */
    public static Set<String> known(ClassLoader loader) {
        Set<String> out = new TreeSet<>();
        for (String xml : descriptors(loader)) {
            Matcher m = PROPERTY.matcher(xml);
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    /**
     * Each parameter of one goal that has a property, with its property (workloadProperty → ctime.workload): per goal,
     * since two goals can give one parameter name different properties (compileThreshold, ctime.check.compileThreshold).
     */
    public static java.util.Map<String, String> byParameter(Class<?> mojo) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String xml : descriptors(mojo.getClassLoader())) {
            for (String block : xml.split("<mojo>")) {
                if (!block.contains("<implementation>" + mojo.getName() + "</implementation>")) continue;
                Matcher m = PARAMETER.matcher(block);
                while (m.find()) out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }

    /** ctime's plugin.xml as the class loader finds it; none where it cannot be found (outside a packaged plugin). */
    private static List<String> descriptors(ClassLoader loader) {
        List<String> out = new ArrayList<>();
        try {
            Enumeration<URL> all = loader.getResources("META-INF/maven/plugin.xml");
            while (all.hasMoreElements()) {
                try (InputStream in = all.nextElement().openStream()) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (xml.contains("<artifactId>ctime-maven-plugin</artifactId>")) out.add(xml);
                }
            }
        } catch (IOException e) {
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
