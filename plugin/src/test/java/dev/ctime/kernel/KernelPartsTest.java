package dev.ctime.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelPartsTest {
    @Test
    void inputsMatchTheRustGeneratorBitForBit() {
        // The first values of the same SplitMix64 mapping in Rust (the fidelity benchmark's loop), seed 42.
        assertArrayEquals(new double[] {0.4831297575436466, -0.6801792142461598, -0.4427977394897227}, Inputs.generate(42, 3));
        for (double v : Inputs.generate(1, 10_000)) assertTrue(v >= -1 && v < 1);
    }

    @Test
    void finiteDifferencesAcceptACorrectGradientAndCatchAWrongOne() {
        double[] x = Inputs.generate(3, 50);
        double fx = sumCubes(x);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) g[i] = 3 * x[i] * x[i];
        GradientCheck ok = FiniteDifferences.check(KernelPartsTest::sumCubes, x, fx, g, 1e-4);
        assertTrue(ok.ok(), "max error " + ok.maxRelError());
        assertEquals(50, ok.checked());
        g[7] *= 1.01;
        GradientCheck bad = FiniteDifferences.check(KernelPartsTest::sumCubes, x, fx, g, 1e-4);
        assertFalse(bad.ok());
        assertEquals(7, bad.worstIndex());
        assertEquals(0.01 / 1.01, bad.maxRelError(), 1e-5);
    }

    @Test
    void nanInTheGradientIsAnAbiViolation() {
        double[] x = {1, 2};
        GradientCheck c = FiniteDifferences.check(KernelPartsTest::sumCubes, x, sumCubes(x), new double[] {3, Double.NaN}, 1e-4);
        assertFalse(c.ok());
        assertTrue(c.problem().contains("overwrite every element"));
    }

    @Test
    void largeInputsAreSampledEvenlyIncludingBothEnds() {
        int[] idx = FiniteDifferences.coordinates(100_000);
        assertEquals(FiniteDifferences.MAX_CHECKED, idx.length);
        assertEquals(0, idx[0]);
        assertEquals(99_999, idx[idx.length - 1]);
        assertArrayEquals(new int[] {0, 1, 2}, FiniteDifferences.coordinates(3));
    }

    @Test
    void kernelParserChecksSizesAndSymbols() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("name", "lse");
        raw.put("gradient", "lse_grad");
        raw.put("sizes", "64, 4096");
        Kernel k = KernelParser.parse(raw);
        assertEquals("lse", k.primal(), "the primal symbol defaults to the name");
        assertEquals(List.of(64, 4096), k.sizes());
        raw.put("sizes", "64,x");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelParser.parse(raw)).getMessage().contains("'x'"));
        raw.put("sizes", "8");
        raw.put("gradient", "bad-name");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelParser.parse(raw)).getMessage()
                .contains("not a C symbol"));
        raw.remove("sizes");
        raw.put("gradient", "g");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelParser.parse(raw)).getMessage().contains("<sizes>"));
        raw.put("sizes", "8");
        raw.put("size", "8");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelParser.parse(raw)).getMessage().contains("<size>"));
    }

    @Test
    void forksArePooledAndTheWorstGradientCheckWins() {
        GradientCheck good = new GradientCheck(true, 1e-9, 0, 4, 1e-4, null);
        GradientCheck bad = new GradientCheck(false, 0.5, 2, 4, 1e-4, null);
        ForkResult f1 = new ForkResult(List.of(new double[] {1, 1}), false, 1, List.of(
                new ForkResult.Entry("k", 4, null, 8, new double[] {10, 12}, 4, new double[] {20, 22}, 1.0, good, 5)));
        ForkResult f2 = new ForkResult(List.of(new double[] {2, 2}), false, 1, List.of(
                new ForkResult.Entry("k", 4, null, 8, new double[] {14, 16}, 4, new double[] {30, 34}, 1.0, bad, 5)));
        KernelTiming t = ForkPool.pool(List.of(f1, f2)).get(0);
        assertEquals(4, t.primalNs().samples());
        assertEquals(13, t.primalNs().median());
        assertEquals(List.of(11.0, 15.0), t.forkPrimalMedians());
        assertEquals(26, t.gradientNs().median());
        assertEquals(2.0, t.gradientToPrimal());
        assertEquals(13 / 4.0, t.primalNsPerElement());
        assertEquals("failed", t.status());
        assertTrue(t.reason().contains("coordinate 2"));
        assertEquals(1.5, ForkPool.overhead(List.of(f1, f2)).median());
    }

    static double sumCubes(double[] x) {
        double s = 0;
        for (double v : x) s += v * v * v;
        return s;
    }
}
