package dev.ctime.gate;

import dev.ctime.store.ReportFiles;
import dev.ctime.store.BaselineStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctime.store.Json;
import dev.ctime.model.Report;
import dev.ctime.stats.Statistics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesTheReportUnderItsNameWithWhenAndLoadsItBack() throws Exception {
        Path report = Path.of("src/test/resources/reports/measure-basic.json");
        Path saved = BaselineStore.save(report, dir.resolve("src/ctime"), "main", true);
        assertEquals(dir.resolve("src/ctime/main.json"), saved);
        JsonNode tree = Json.MAPPER.readTree(saved.toFile());
        assertEquals("main", tree.path("baseline").path("name").asText());
        assertTrue(tree.path("baseline").has("savedAt"));
        assertEquals(Json.MAPPER.readTree(report.toFile()).path("profiles"), tree.path("profiles"), "every sample kept");
        assertEquals(2, BaselineStore.load(saved).profiles().size());
        BaselineStore.Saved own = BaselineStore.saved(saved);
        assertEquals("main", own.name());
        assertEquals(tree.path("baseline").path("savedAt").asText(), own.savedAt());
        assertEquals("every batch", own.samples());
        assertEquals(null, BaselineStore.saved(report), "a plain report has no baseline record");
    }

    @Test
    void byDefaultEachForkIsKeptAsItsMedianWhichIsWhatTheGateCompares() throws Exception {
        Path report = Path.of("src/test/resources/reports/measure-basic.json");
        Path full = BaselineStore.save(report, dir.resolve("full"), "main", true);
        Path compact = BaselineStore.save(report, dir.resolve("compact"), "main", false);
        assertTrue(java.nio.file.Files.size(compact) < java.nio.file.Files.size(full) * 0.8,
                java.nio.file.Files.size(compact) + " bytes against " + java.nio.file.Files.size(full));
        assertEquals("each fork's median", Json.MAPPER.readTree(compact.toFile()).path("baseline").path("samples").asText());
        var a = BaselineStore.load(full).profiles();
        var b = BaselineStore.load(compact).profiles();
        int kernels = 0;
        for (int p = 0; p < a.size(); p++) {
            if (a.get(p).kernels() == null) continue;
            for (int k = 0; k < a.get(p).kernels().size(); k++) {
                var x = a.get(p).kernels().get(k).primalNs();
                var y = b.get(p).kernels().get(k).primalNs();
                if (x == null || x.groups() == null) continue;
                kernels++;
                assertTrue(x.samples().size() > x.groups().size(), "the fixture has several batches a fork");
                assertEquals(x.groups().size(), y.samples().size());
                assertArrayEquals(Statistics.units(x), Statistics.units(y), 1e-12, "the runs the gate compares are the same");
                assertEquals(x.median(), y.median());
            }
        }
        assertTrue(kernels > 0);
        // And the gate reads the compact baseline as it read the full one.
        Report current = ReportFiles.readJson(report);
        assertEquals(Gate.compare(Measured.of(BaselineStore.load(full)), Measured.of(current), GateThresholds.defaults(),
                        Gate.OnMismatch.FAIL).rows(),
                Gate.compare(Measured.of(BaselineStore.load(compact)), Measured.of(current), GateThresholds.defaults(),
                        Gate.OnMismatch.FAIL).rows());
    }

    @Test
    void aNameThatIsNoFileNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BaselineStore.file(dir, "../main"));
        assertThrows(IllegalArgumentException.class, () -> BaselineStore.file(dir, ""));
        assertEquals(dir.resolve("release-1.2.json"), BaselineStore.file(dir, "release-1.2"));
    }
}
