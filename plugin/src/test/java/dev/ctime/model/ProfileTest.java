package dev.ctime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.profile.ProfileParser;
import dev.ctime.store.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A profile read back from a report is the profile that was measured: one mapping, both ways. */
class ProfileTest {
    @Test
    void aReportsSettingsGiveBackTheTypedProfile() throws Exception {
        Profile p = ProfileParser.parse(Map.ofEntries(Map.entry("name", "all"), Map.entry("inherits", "release"),
                Map.entry("optLevel", "3"), Map.entry("lto", "fat"), Map.entry("codegenUnits", "1"), Map.entry("incremental", "false"),
                Map.entry("debug", "limited"), Map.entry("panic", "abort"), Map.entry("targetCpu", "native"),
                Map.entry("features", "simd,fast"), Map.entry("rustflags", "-Cforce-frame-pointers=yes"), Map.entry("pgo", "true")));
        assertEquals(p, Profile.of("all", p.settings()));
        // Through report.json: numbers and booleans come back as JSON gives them.
        Map<String, Object> read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(p.settings()),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        Profile back = new ProfileResult("all", Status.OK, null, read, null, null, null, null, null, null, null, null, null, null).profile();
        assertEquals(p, back);
        assertTrue(back.usesPgo());
        assertEquals(List.of("simd", "fast"), back.features());
    }
}
