package dev.ctime.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ctime.run.RawConfiguration;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The measure goal hands its parameters over by name: none is forgotten, numbers are read by ctime. */
class RawMappingTest {
    @TempDir
    Path dir;

    @Test
    void everyRawFieldHasAParameterOfItsNameOrIsFilledByHand() {
        for (Field f : RawConfiguration.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) || RawMapping.BY_HAND.contains(f.getName())) continue;
            assertEquals(f.getName(), RawMapping.parameter(MeasureMojo.class, f.getName()).getName());
        }
        assertThrows(IllegalStateException.class, () -> RawMapping.parameter(MeasureMojo.class, "noSuchSetting"));
    }

    @Test
    void numbersAreReadByCtimeFilesBecomePathsTheRestIsCopied() throws Exception {
        MeasureMojo m = Descriptor.configured(new MeasureMojo(), dir);
        m.forks = "7";
        m.minSampleMs = "0.5";
        m.seed = "99";
        m.samples = "ten";
        m.patchFile = new File("/tmp/edit.patch");
        m.features = "kernels";
        m.analysis = false;
        RawConfiguration raw = new RawConfiguration();
        ParameterValues values = new ParameterValues();
        RawMapping.copy(m, raw, values);
        assertEquals(7, raw.forks);
        assertEquals(0.5, raw.minSampleMs);
        assertEquals(99L, raw.seed);
        assertEquals(Path.of("/tmp/edit.patch"), raw.patchFile);
        assertEquals("kernels", raw.features);
        assertEquals(false, raw.analysis);
        assertEquals(m.outputDirectory.toPath(), raw.outputDirectory, "a parameter of the superclass too");
        assertEquals(1, values.problems().size(), values.problems().toString());
        assertTrue(values.problems().get(0).text().contains("'ten', which is not a number"), values.problems().toString());
    }
}
