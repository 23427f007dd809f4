package dev.ctime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerivativeGatesTest {
    @Test
    void readsTheGatedNamesAndTheCratesOwnFunctionsButNotItsBuildOutput(@TempDir Path crate) throws Exception {
        Files.createDirectories(crate.resolve("src/inner"));
        Files.writeString(crate.resolve("src/lib.rs"), "#[cfg_attr(all(feature = \"autodiff\", not(ctime_no_autodiff = \"half_sq\")),"
                + " autodiff_reverse(d_half_sq, Duplicated, Active))]\nfn half_sq(x: &[f64]) -> f64 { 0.0 }\n");
        Files.writeString(crate.resolve("src/inner/mod.rs"), "pub fn centred_sq() {}\n#[cfg(not(ctime_no_autodiff=\"centred_sq\"))]\n");
        Files.createDirectories(crate.resolve("target/debug/build"));
        Files.writeString(crate.resolve("target/debug/build/out.rs"), "fn generated() {} // ctime_no_autodiff = \"nope\"");
        DerivativeGates g = DerivativeGates.scan(crate);
        assertEquals(Set.of("half_sq", "centred_sq"), g.gated());
        assertTrue(g.functions().containsAll(Set.of("half_sq", "centred_sq")));
        assertTrue(!g.functions().contains("generated"), "the build's output is not the crate's source");
    }
}
