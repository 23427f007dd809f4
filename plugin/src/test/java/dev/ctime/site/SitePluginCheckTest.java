package dev.ctime.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SitePluginCheckTest {
    @Test
    void recentSitePluginsRenderThePage() {
        assertEquals(Optional.empty(), SitePluginCheck.problem("3.21.0", "3.8.7", true));
        assertEquals(Optional.empty(), SitePluginCheck.problem("3.20.0", "3.8.7", true));
        assertEquals(Optional.empty(), SitePluginCheck.problem("4.0.0-M16", "3.9.9", true));
        assertEquals(Optional.empty(), SitePluginCheck.problem("${site.version}", "3.9.9", true), "a property is not guessed at");
    }

    @Test
    void maven38sDefaultFailsAndMaven39sSaysNothing() {
        String m38 = SitePluginCheck.problem(null, "3.8.7", true).orElseThrow();
        assertTrue(m38.contains("uses 3.3 (Maven 3.8.7's default)") && m38.contains("ClassNotFoundException"), m38);
        assertTrue(m38.contains("<version>3.21.0</version>"), m38);
        String m39 = SitePluginCheck.problem(null, "3.9.9", true).orElseThrow();
        assertTrue(m39.contains("uses 3.12.1 (Maven 3.9.9's default)") && m39.contains("without a word"), m39);
        String declared = SitePluginCheck.problem("3.12.1", "3.9.9", true).orElseThrow();
        assertTrue(declared.contains("uses 3.12.1, which"), declared);
    }

    @Test
    void noWordWithoutCtimeInTheReporting() {
        assertEquals(Optional.empty(), SitePluginCheck.problem("3.3", "3.8.7", false));
    }
}
