package dev.ctime.mojo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.profile.Presets;
import dev.ctime.model.Profile;
import dev.ctime.profile.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ctime:help shows the <profiles> parameter's documentation: it must name every setting and every preset there is. */
class HelpTextTest {
    @Test
    void theProfilesParameterNamesEverySettingAndPreset() throws Exception {
        String src = Files.readString(Path.of("src/main/java/dev/ctime/mojo/MeasureMojo.java"));
        int end = src.indexOf("PlexusConfiguration profiles;");
        String doc = src.substring(src.lastIndexOf("/**", end), end);
        for (Setting s : Setting.values()) {
            if (s != Setting.NAME) assertTrue(doc.contains(s.key), "ctime:help does not name <" + s.key + ">");
            if (s.values != null && s != Setting.AUTODIFF) {
                for (String v : s.values) assertTrue(doc.contains(v), "ctime:help does not name " + s.key + " " + v);
            }
        }
        List<Profile> presets = new ArrayList<>(Presets.standard());
        presets.addAll(Presets.autodiff());
        for (Profile p : presets) assertTrue(doc.contains(p.name()), "ctime:help does not name the preset " + p.name());
    }
}
