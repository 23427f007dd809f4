package dev.ctime.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.junit.jupiter.api.Test;

class ConfigElementsTest {
    static DefaultPlexusConfiguration element(String name, String value) {
        return new DefaultPlexusConfiguration(name, value);
    }

    @Test
    void childrenBecomeNameToTextMapsAndListsJoinWithCommas() {
        DefaultPlexusConfiguration kernels = element("kernels", null);
        DefaultPlexusConfiguration k = element("kernel", null);
        k.addChild(element("name", " heat "));
        DefaultPlexusConfiguration sizes = element("sizes", null);
        sizes.addChild(element("size", "64"));
        sizes.addChild(element("size", "4096"));
        k.addChild(sizes);
        kernels.addChild(k);
        assertEquals(List.of(Map.of("name", "heat", "sizes", "64,4096")), ConfigElements.children(kernels, "kernel"));
        assertEquals(List.of(), ConfigElements.children(null, "kernel"));
    }

    @Test
    void aStrayElementOrARepeatedSettingIsNamed() {
        DefaultPlexusConfiguration profiles = element("profiles", null);
        profiles.addChild(element("profle", null));
        IllegalArgumentException stray = assertThrows(IllegalArgumentException.class, () -> ConfigElements.children(profiles, "profile"));
        assertTrue(stray.getMessage().contains("<profiles> may only hold <profile> elements, not <profle>"), stray.getMessage());
        DefaultPlexusConfiguration p = element("profile", null);
        p.addChild(element("lto", "fat"));
        p.addChild(element("lto", "thin"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> ConfigElements.settings(p));
        assertTrue(twice.getMessage().contains("<profile> sets <lto> twice"), twice.getMessage());
    }
}
