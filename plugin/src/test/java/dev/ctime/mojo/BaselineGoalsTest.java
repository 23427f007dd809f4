package dev.ctime.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ctime:baseline saves a named baseline that ctime:check then finds by name; ctime:compare reads either side. */
class BaselineGoalsTest {
    static final Path REPORT = Path.of("src/test/resources/reports/measure-basic.json");
    static final Path OTHER = Path.of("src/test/resources/reports/pgo-bolt.json");

    @TempDir
    Path dir;

    @Test
    void aSavedBaselineIsWhatCheckComparesWithByName() throws Exception {
        BaselineMojo save = Descriptor.configured(new BaselineMojo(), dir);
        save.reportFile = REPORT.toFile();
        save.baseline = "nightly-2026";
        save.execute();
        Path saved = dir.resolve("src/ctime/nightly-2026.json");
        assertTrue(Files.isRegularFile(saved), "saved outside target/, under src/ctime");
        CheckMojo check = Descriptor.configured(new CheckMojo(), dir);
        check.reportFile = REPORT.toFile();
        check.baseline = "nightly-2026";
        RecordingLog log = new RecordingLog();
        check.setLog(log);
        check.execute();
        assertTrue(log.all().contains("nightly-2026.json"), log.all());
    }

    @Test
    void baselineAndCheckReadTheReportInCtimesOutputFolderAndSayWhichOne() throws Exception {
        // ctime:measure -Dctime.outputDirectory=target/ct-new writes there; baseline and check read the same folder.
        Path out = Files.createDirectories(dir.resolve("target/ct-new"));
        Files.copy(REPORT, out.resolve("report.json"));
        Files.createDirectories(dir.resolve("target/ctime"));
        Files.copy(OTHER, dir.resolve("target/ctime/report.json"));
        BaselineMojo save = Descriptor.configured(new BaselineMojo(), dir);
        save.outputDirectory = out.toFile();
        save.execute();
        CheckMojo check = Descriptor.configured(new CheckMojo(), dir);
        check.outputDirectory = out.toFile();
        RecordingLog log = new RecordingLog();
        check.setLog(log);
        check.execute();
        assertTrue(log.all().contains("ctime: checking " + out.resolve("report.json")), log.all());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(json.readTree(REPORT.toFile()).path("createdAt"), json.readTree(dir.resolve("src/ctime/main.json").toFile())
                .path("createdAt"), "the baseline is the new folder's run, not target/ctime's");
    }

    @Test
    void aBaselineNeedsAReportAndASafeName() throws Exception {
        BaselineMojo save = Descriptor.configured(new BaselineMojo(), dir);
        MojoExecutionException none = assertThrows(MojoExecutionException.class, save::execute);
        assertTrue(none.getMessage().contains("run ctime:measure first"), none.getMessage());
        save.reportFile = REPORT.toFile();
        save.baseline = "../escape";
        MojoExecutionException name = assertThrows(MojoExecutionException.class, save::execute);
        assertTrue(name.getMessage().startsWith("ctime.baseline: "), name.getMessage());
        assertEquals(0, Files.exists(dir.resolve("src/ctime")) ? Files.list(dir.resolve("src/ctime")).count() : 0);
    }

    @Test
    void compareMarksWhatTwoReportsDoNotShareAndNeverFails() throws Exception {
        CompareMojo c = Descriptor.configured(new CompareMojo(), dir);
        c.from = REPORT.toString();
        c.to = OTHER.toString();
        RecordingLog log = new RecordingLog();
        c.setLog(log);
        c.execute();
        // The two runs measured other profiles: nothing is compared blindly, and nothing fails.
        // Each profile heads its rows; the rows of one the other run did not measure are not comparable.
        int at = log.info.indexOf("release-pgo");
        assertTrue(at >= 0 && log.info.get(at + 1).contains("not comparable"), log.all());
        assertTrue(log.info.stream().anyMatch(l -> l.startsWith("0 regressions")), log.all());
        c.from = "no-such-label";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, c::execute);
        assertTrue(e.getMessage().contains("neither a report file nor a label"), e.getMessage());
    }
}
