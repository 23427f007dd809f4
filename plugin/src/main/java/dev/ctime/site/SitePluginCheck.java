package dev.ctime.site;

import org.apache.maven.artifact.versioning.ComparableVersion;
import java.util.Optional;

/**
 * The ctime page is a Doxia 2 report: maven-site-plugin 3.20 or later renders it. Older site
 * plugins fail on it (Maven 3.8's default, 3.3: ClassNotFoundException) or leave it out without a
 * word (3.12.1, Maven 3.9's default), so a project that puts ctime in its reporting hears about it
 * from ctime:measure, before it runs mvn site.
 */
public final class SitePluginCheck {
    /** The first version that renders Doxia 2 reports, and the one to recommend. */
    static final String NEEDED = "3.20";
    static final String RECOMMENDED = "3.21.0";

    private SitePluginCheck() {
    }

    /**
     * @param declared     the maven-site-plugin version the project declares, or null
     * @param mavenVersion the running Maven's version (its default site plugin applies when none is declared)
     * @param ctimeReports whether ctime is among the project's reporting plugins
     */
    public static Optional<String> problem(String declared, String mavenVersion, boolean ctimeReports) {
        if (!ctimeReports) return Optional.empty();
        String version = declared != null ? declared : defaultFor(mavenVersion);
        if (version == null || atLeast(version, NEEDED)) return Optional.empty();
        // The two effects seen: Maven 3.8's default fails, Maven 3.9's default says nothing.
        String effect = !atLeast(version, "3.4") ? "fails on the ctime page with ClassNotFoundException"
                : version.startsWith("3.12.") ? "leaves the ctime page out without a word" : "renders Doxia 1 reports only";
        return Optional.of("the ctime page needs maven-site-plugin 3.20 or later, and this project's `mvn site` uses " + version
                + (declared == null ? " (Maven " + mavenVersion + "'s default)" : "") + ", which " + effect + ": declare"
                + " <plugin><artifactId>maven-site-plugin</artifactId><version>" + RECOMMENDED + "</version></plugin> in"
                + " <build><pluginManagement>; report.html beside report.json needs no site plugin");
    }

    /** What Maven binds when the project declares no site plugin: 3.3 up to Maven 3.8, 3.12.1 from 3.9. */
    static String defaultFor(String mavenVersion) {
        if (mavenVersion == null) return null;
        return atLeast(mavenVersion, "3.9") ? "3.12.1" : "3.3";
    }

    /** Whether a version is this one or later, by Maven's own ordering ("4.0.0-M16" is later than "3.20"). */
    static boolean atLeast(String version, String least) {
        // A property or an unusual version: do not second-guess it.
        if (version.isEmpty() || !Character.isDigit(version.charAt(0))) return true;
        return new ComparableVersion(version).compareTo(new ComparableVersion(least)) >= 0;
    }
}
