package dev.ctime;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, held on the compiled classes (what a class really uses, whatever its imports say): the model
 * at the bottom uses nothing else of ctime, the console and the page read a report and measure, merge or judge nothing,
 * packages form no cycle, only the mojos and the site's Doxia writer know
 * Maven (besides the help goal maven-plugin-plugin generates); and, in the sources, no ctime class is named inline (an inline name hides a dependency from the imports a
 * reader scans).
 */
class PackageMapTest {
    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ctime");
    private static final Path SOURCES = Path.of("src/main/java/dev/ctime");
    private static final Pattern CTIME_NAME = Pattern.compile("\\bdev\\.ctime\\.([a-z]+)\\.[A-Z]");

    static final ArchRule MODEL_IS_A_LEAF = noClasses().that().resideInAPackage("dev.ctime.model..")
            .should().dependOnClassesThat(resideInAPackage("dev.ctime..").and(not(resideInAPackage("dev.ctime.model.."))))
            .because("every output reads one model, which knows nothing of how it was measured or shown");
    static final ArchRule NO_CYCLES = slices().matching("dev.ctime.(*)..").should().beFreeOfCycles();
    static final ArchRule MAVEN_AT_THE_EDGE = noClasses().that().resideOutsideOfPackages("dev.ctime.mojo..", "dev.ctime.site..",
                    "dev.ctime.ctime_maven_plugin..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..")
            .because("the core runs and is tested without Maven; only the mojos (and the site's page writer) word it for Maven");

    static final ArchRule OUTPUTS_ONLY_READ = noClasses().that().resideInAnyPackage("dev.ctime.render..", "dev.ctime.site..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ctime.run..", "dev.ctime.compile..", "dev.ctime.kernel..",
                    "dev.ctime.exec..", "dev.ctime.shard..", "dev.ctime.mojo..", "dev.ctime.doctor..", "dev.ctime.symbols..",
                    "dev.ctime.judgement..", "dev.ctime.pgo..")
            .because("the console and the page read a report; measuring, merging and judging it happen before they are called");

    @Test
    void theOutputsReadAReportAndMeasureNothing() {
        OUTPUTS_ONLY_READ.check(MAIN);
    }

    @Test
    void theModelUsesNothingElseOfCtime() {
        assertEquals(true, MAIN.contain("dev.ctime.model.Report"), "the classes were imported");
        MODEL_IS_A_LEAF.check(MAIN);
    }

    @Test
    void packagesFormNoCycle() {
        NO_CYCLES.check(MAIN);
    }

    @Test
    void onlyTheMojosAndTheSiteWriterKnowMaven() {
        MAVEN_AT_THE_EDGE.check(MAIN);
    }

    @Test
    void theRulesSeeWhatTheyGuard() {
        // Guard the guard: the verdict reads the model, so the same rule about the verdict fails; the mojos know Maven.
        assertThrows(AssertionError.class, () -> noClasses().that().resideInAPackage("dev.ctime.verdict..").should()
                .dependOnClassesThat().resideInAPackage("dev.ctime.model..").check(MAIN));
        assertThrows(AssertionError.class, () -> noClasses().that().resideInAPackage("dev.ctime.mojo..").should()
                .dependOnClassesThat().resideInAnyPackage("org.apache.maven..").check(MAIN));
    }

    @Test
    void noCtimeClassIsNamedInline() throws IOException {
        Set<String> inline = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import ") || line.startsWith("package ")) continue;
                    if (CTIME_NAME.matcher(line).find()) inline.add(f.getFileName() + ": " + line.strip());
                }
            }
        }
        assertEquals(Set.of(), inline);
    }
}
