package dev.ctime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureIdTest {
    @Test
    void everyKindReadsBackAsItWasWritten() {
        for (String id : List.of("compile.full.cpuMs", "compile.incremental.maxRssKb", "compile.rustc.instructions",
                "compile.full.cpuMs+pipeline", "kernel:heat:4096:gradientNs", "kernel:dot_f64:16:primalInstructions",
                "artifactBytes", "something.new")) {
            assertEquals(id, FigureId.parse(id).id(), id);
        }
        assertInstanceOf(FigureId.Other.class, FigureId.parse("kernel:heat:many:primalNs"), "a size that is not a number");
        assertInstanceOf(FigureId.Other.class, FigureId.parse("compile.cpuMs"), "a build figure without a scenario");
    }

    @Test
    void labelsAreWhatEveryViewPrints() {
        assertEquals("full build cpu", FigureId.parse("compile.full.cpuMs").label());
        assertEquals("incremental build peak RSS", FigureId.parse("compile.incremental.maxRssKb").label());
        assertEquals("heat@4096 gradient", FigureId.parse("kernel:heat:4096:gradientNs").label());
        assertEquals("heat@4096 primal instructions", FigureId.parse("kernel:heat:4096:primalInstructions").label());
        assertEquals("library size", FigureId.parse("artifactBytes").label());
    }

    @Test
    void aKernelFigureKnowsItsFunctionAndItsCountedTwin() {
        FigureId.Kernel k = (FigureId.Kernel) FigureId.parse("kernel:heat:4096:gradientNs");
        assertEquals(Workload.GRADIENT, k.function());
        assertFalse(k.counted());
        assertEquals("kernel:heat:4096:gradientInstructions", k.counterpart().id());
        assertTrue(k.counterpart().counted());
        assertEquals(k, k.counterpart().counterpart());
        assertEquals("kernel:heat:4096:primalNs", new Workload.Item("heat", 4096, Workload.PRIMAL, 1).figure());
    }
}
