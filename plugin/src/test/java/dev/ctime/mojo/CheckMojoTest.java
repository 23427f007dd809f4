package dev.ctime.mojo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctime.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check goal on real reports: a verdict (a regression, a baseline that does not match) fails the
 * build as a MojoFailureException; a broken environment (no report, a wrong parameter) is a
 * MojoExecutionException that says how to fix it.
 */
class CheckMojoTest {
    static final Path REPORT = Path.of("src/test/resources/reports/measure-basic.json");

    @TempDir
    Path dir;

    CheckMojo mojo(Path baseline, Path current) throws Exception {
        CheckMojo m = Descriptor.configured(new CheckMojo(), dir);
        m.baselineFile = baseline.toFile();
        m.reportFile = current.toFile();
        return m;
    }

    @Test
    void aRunAgainstItselfPassesAndWritesWhatCiToolsRead() throws Exception {
        CheckMojo m = mojo(REPORT, REPORT);
        m.execute();
        Path out = dir.resolve("target/ctime/check");
        // JUnit: one passing test case per figure, no failure; Markdown leads with the verdict; the two benchmark formats
        // carry every figure with its interval.
        String junit = Files.readString(out.resolve("TEST-ctime-check.xml"));
        int cases = junit.split("<testcase ", -1).length - 1;
        assertTrue(cases > 5 && !junit.contains("<failure"), junit);
        assertTrue(junit.contains("failures=\"0\""), junit);
        assertTrue(Files.readString(out.resolve("summary.md")).startsWith("### ctime: no regression against baseline"));
        com.fasterxml.jackson.databind.JsonNode bmf = Json.MAPPER.readTree(out.resolve("bencher.json").toFile());
        assertTrue(bmf.size() > 0);
        bmf.fields().forEachRemaining(e -> e.getValue().fields().forEachRemaining(m2 -> {
            com.fasterxml.jackson.databind.JsonNode v = m2.getValue();
            assertTrue(v.get("lower_value").asDouble() <= v.get("value").asDouble()
                    && v.get("value").asDouble() <= v.get("upper_value").asDouble(), e.getKey() + " " + v);
        }));
        com.fasterxml.jackson.databind.JsonNode action = Json.MAPPER.readTree(out.resolve("benchmark-action.json").toFile());
        assertEquals(cases, action.size(), "a figure each, as in JUnit");
    }

    @Test
    void aLargerLibraryIsARegressionAndARegressionIsAFailureNotAnError() throws Exception {
        ObjectNode r = (ObjectNode) Json.MAPPER.readTree(REPORT.toFile());
        ObjectNode first = (ObjectNode) r.get("profiles").get(0);
        first.put("artifactBytes", first.get("artifactBytes").asLong() * 11 / 10);
        Path grown = dir.resolve("grown.json");
        Json.MAPPER.writeValue(grown.toFile(), r);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo(REPORT, grown).execute());
        assertTrue(e.getMessage().contains("1 regression") && e.getMessage().contains("quick library size +10.0%"), "named as the table names it: " + e.getMessage());
        assertTrue(Files.readString(dir.resolve("target/ctime/check/TEST-ctime-check.xml")).contains("<failure"),
                "the JUnit file records the regression too");
    }

    @Test
    void aMissingReportOrAWrongParameterIsAnErrorThatSaysTheFix() throws Exception {
        MojoExecutionException missing = assertThrows(MojoExecutionException.class,
                () -> mojo(REPORT, dir.resolve("absent.json")).execute());
        assertTrue(missing.getMessage().contains("run ctime:measure first"), missing.getMessage());
        CheckMojo m = mojo(REPORT, REPORT);
        m.onMismatch = "sometimes";
        MojoExecutionException mode = assertThrows(MojoExecutionException.class, m::execute);
        assertTrue(mode.getMessage().contains("use fail, warn or ignore"), mode.getMessage());
        CheckMojo t = mojo(REPORT, REPORT);
        t.sizeThreshold = -0.1;
        t.memoryThreshold = 12;
        MojoExecutionException both = assertThrows(MojoExecutionException.class, t::execute);
        assertTrue(both.getMessage().contains("sizeThreshold is -0.1") && both.getMessage().contains("memoryThreshold is 12.0"),
                both.getMessage());
    }

    @Test
    void aBaselineEditedByHandIsRefusedNamingEveryField() throws Exception {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{}");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> mojo(empty, REPORT).execute());
        assertTrue(e.getMessage().contains("schemaVersion is missing") && e.getMessage().contains("profiles is missing or empty")
                && e.getMessage().contains(empty.toString()), e.getMessage());
        ObjectNode r = (ObjectNode) Json.MAPPER.readTree(REPORT.toFile());
        ObjectNode first = (ObjectNode) r.get("profiles").get(0);
        ((ObjectNode) first.get("compile").get("full").get("cpuMs")).put("median", -5);
        ((ObjectNode) first.get("kernels").get(0)).put("primalInstructions", Double.NaN);
        Path edited = dir.resolve("edited.json");
        Json.MAPPER.writeValue(edited.toFile(), r);
        e = assertThrows(MojoExecutionException.class, () -> mojo(edited, REPORT).execute());
        assertTrue(e.getMessage().contains("profiles[0] (quick).compile.full.cpuMs.median is -5.0"), e.getMessage());
        assertTrue(e.getMessage().contains("primalInstructions is NaN"), e.getMessage());
    }
}
