package dev.ctime.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctime.model.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesTheReportUnderItsNameWithWhenAndLoadsItBack() throws Exception {
        Path report = Path.of("src/test/resources/reports/measure-basic.json");
        Path saved = BaselineStore.save(report, dir.resolve("src/ctime"), "main");
        assertEquals(dir.resolve("src/ctime/main.json"), saved);
        JsonNode tree = Json.MAPPER.readTree(saved.toFile());
        assertEquals("main", tree.path("baseline").path("name").asText());
        assertTrue(tree.path("baseline").has("savedAt"));
        assertEquals(Json.MAPPER.readTree(report.toFile()).path("profiles"), tree.path("profiles"), "every sample kept");
        assertEquals(2, BaselineStore.load(saved).profiles().size());
    }

    @Test
    void aNameThatIsNoFileNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BaselineStore.file(dir, "../main"));
        assertThrows(IllegalArgumentException.class, () -> BaselineStore.file(dir, ""));
        assertEquals(dir.resolve("release-1.2.json"), BaselineStore.file(dir, "release-1.2"));
    }
}
