package dev.ctime.profile;

import dev.ctime.model.Profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileParserTest {
    static Map<String, String> raw(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void pgoAndBoltAreSwitches() throws Exception {
        Profile p = ProfileParser.parse(raw("name", "r-pgo", "pgo", "true", "bolt", "false"));
        assertTrue(p.usesPgo());
        assertTrue(p.trained());
        assertEquals(Boolean.FALSE, p.settings().get("bolt"));
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileParser.parse(raw("name", "x", "pgo", "yes", "bolt", "1")));
        assertTrue(e.getMessage().contains("<pgo> is 'yes'; use one of true, false"), e.getMessage());
        assertTrue(e.getMessage().contains("<bolt> is '1'"), e.getMessage());
    }

    @Test
    void readsEverySetting() throws Exception {
        Profile p = ProfileParser.parse(raw("name", "all", "inherits", "release", "optLevel", "s", "lto", "fat",
                "codegenUnits", "4", "incremental", "true", "debug", "line-tables", "panic", "abort", "linker", "mold",
                "targetCpu", "native", "frontendThreads", "8", "toolchain", "nightly", "features", "a, b",
                "rustflags", "-Cforce-frame-pointers=yes  -Zshare-generics", "autodiff", "NoPostopt,PrintTAFn=f"));
        assertEquals("s", p.optLevel());
        assertEquals(4, p.codegenUnits());
        assertEquals(true, p.incremental());
        assertEquals(8, p.frontendThreads());
        assertEquals(List.of("a", "b"), p.features());
        assertEquals(List.of("-Cforce-frame-pointers=yes", "-Zshare-generics"), p.rustflags());
        assertEquals(List.of("NoPostopt", "PrintTAFn=f"), p.autodiff());
        assertTrue(p.isAutodiff());
        assertEquals("all", p.name());
        assertTrue(!p.settings().containsKey("name"), "the name is not a setting");
        assertEquals("mold", p.settings().get("linker"));
    }

    @Test
    void unknownSettingNamesTheClosestOne() {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileParser.parse(raw("name", "x", "optlevel", "3")));
        assertTrue(e.getMessage().contains("unknown setting <optlevel> (did you mean <optLevel>?)"), e.getMessage());
        ProfileException far = assertThrows(ProfileException.class, () -> ProfileParser.parse(raw("name", "x", "zzzzzzzzz", "3")));
        assertTrue(far.getMessage().contains("known settings: name, inherits, optLevel"), far.getMessage());
    }

    @Test
    void invalidValuesListTheAcceptedOnes() {
        ProfileException lto = assertThrows(ProfileException.class, () -> ProfileParser.parse(raw("name", "x", "lto", "full")));
        assertTrue(lto.getMessage().contains("<lto> is 'full'; use one of off, thin-local, thin, fat"), lto.getMessage());
        ProfileException cgu = assertThrows(ProfileException.class, () -> ProfileParser.parse(raw("name", "x", "codegenUnits", "0")));
        assertTrue(cgu.getMessage().contains("at least 1"));
        ProfileException ad = assertThrows(ProfileException.class, () -> ProfileParser.parse(raw("name", "x", "autodiff", "Fast")));
        assertTrue(ad.getMessage().contains("'Fast' is not one rustc knows"), ad.getMessage());
        assertThrows(ProfileException.class, () -> ProfileParser.parse(raw("name", "x", "autodiff", "PrintTAFn")));
        assertThrows(ProfileException.class, () -> ProfileParser.parse(raw("name", "x", "autodiff", "NoTT=1")));
    }

    @Test
    void autodiffWithAnotherLtoIsRejectedWithTheReason() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileParser.parse(raw("name", "ad", "autodiff", "Enable", "lto", "thin")));
        assertTrue(e.getMessage().contains("autodiff needs fat LTO"), e.getMessage());
        assertTrue(e.getMessage().contains("<lto>fat</lto>"));
    }

    @Test
    void nameIsRequiredAndFolderSafe() {
        assertThrows(ProfileException.class, () -> ProfileParser.parse(raw("lto", "fat")));
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileParser.parse(raw("name", "../x")));
        assertTrue(e.getMessage().contains("names a folder"));
    }

    @Test
    void settingDistanceSuggestsOnlyCloseNames() {
        assertEquals("codegenUnits", Setting.closest("codegenunits").orElseThrow());
        assertEquals("lto", Setting.closest("lt").orElseThrow());
        assertTrue(Setting.closest("completelydifferent").isEmpty());
    }
}
