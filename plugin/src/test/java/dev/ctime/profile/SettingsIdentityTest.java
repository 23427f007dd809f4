package dev.ctime.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsIdentityTest {
    @Test
    void aReportReadBackHasTheSameSettingsAsThePom() {
        Map<String, Object> pom = new LinkedHashMap<>();
        pom.put("lto", "fat");
        pom.put("codegenUnits", "1");
        Map<String, Object> read = new HashMap<>();
        read.put("codegenUnits", 1);
        read.put("lto", "fat");
        read.put("debug", null);
        assertTrue(SettingsIdentity.same(pom, read));
        assertEquals(SettingsIdentity.hash(pom), SettingsIdentity.hash(read));
        assertEquals(List.of(), SettingsIdentity.differences(pom, read));
    }

    @Test
    void aChangedOrUnsetSettingIsNamed() {
        Map<String, Object> before = Map.of("lto", "fat", "codegenUnits", 1);
        Map<String, Object> now = Map.of("lto", "thin");
        assertFalse(SettingsIdentity.same(before, now));
        assertNotEquals(SettingsIdentity.hash(before), SettingsIdentity.hash(now));
        assertEquals(List.of("codegenUnits 1 → (unset)", "lto fat → thin"), SettingsIdentity.differences(before, now));
        assertEquals(12, SettingsIdentity.hash(now).length());
    }
}
