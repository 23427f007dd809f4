package dev.ctime.profile;

import dev.ctime.model.Profile;
import static dev.ctime.profile.ProfileParserTest.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixTest {
    @Test
    void cartesianProductWithGeneratedNames() throws Exception {
        List<Profile> ps = Matrix.expand(raw("lto", "thin,fat", "codegenUnits", "1, 16", "optLevel", "3"));
        assertEquals(List.of("lto-thin+codegenUnits-1", "lto-thin+codegenUnits-16", "lto-fat+codegenUnits-1",
                "lto-fat+codegenUnits-16"), ps.stream().map(Profile::name).toList());
        Profile last = ps.get(3);
        assertEquals("fat", last.lto());
        assertEquals(16, last.codegenUnits());
        assertEquals("3", last.optLevel(), "a single value is fixed on every profile");
    }

    @Test
    void listSettingsSplitOnBarsOnly() throws Exception {
        List<Profile> ps = Matrix.expand(raw("namePrefix", "ad-", "toolchain", "nightly", "autodiff", "Enable|NoTT,Inline"));
        assertEquals(2, ps.size());
        assertEquals(List.of("Enable"), ps.get(0).autodiff());
        assertEquals(List.of("NoTT", "Inline"), ps.get(1).autodiff());
        assertEquals("ad-autodiff-NoTT_Inline", ps.get(1).name());
        List<Profile> one = Matrix.expand(raw("features", "a,b", "lto", "thin,fat"));
        assertEquals(List.of("a", "b"), one.get(0).features());
    }

    @Test
    void invalidAxesAreReported() {
        assertThrows(ProfileException.class, () -> Matrix.expand(raw("name", "x", "lto", "thin")));
        assertThrows(ProfileException.class, () -> Matrix.expand(raw()));
        ProfileException e = assertThrows(ProfileException.class, () -> Matrix.expand(raw("lto", "thin,full")));
        assertTrue(e.getMessage().contains("'full'"));
    }

    @Test
    void presetsAreValidAndDistinct() throws Exception {
        List<Profile> std = Presets.standard();
        assertTrue(std.size() >= 4);
        assertEquals(std.size(), std.stream().map(Profile::name).distinct().count());
        List<Profile> ad = Presets.autodiff();
        assertTrue(ad.stream().filter(Profile::isAutodiff).map(p -> p.autodiff().get(0)).toList()
                .containsAll(List.of("Enable", "NoPostopt", "NoTT", "LooseTypes")));
        assertTrue(ad.stream().anyMatch(p -> !p.isAutodiff() && "fat".equals(p.lto())), "a hand-written baseline");
    }
}
