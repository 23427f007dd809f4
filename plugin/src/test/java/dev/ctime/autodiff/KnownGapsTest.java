package dev.ctime.autodiff;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownGapsTest {
    @Test
    void namesTheIntrinsicTheMethodAndBothWaysOut() {
        String a = KnownGaps.advice("cannot handle (reverse) unknown intrinsic", List.of("llvm.maximumnum",
                "%7 = call double @llvm.maximumnum.f64(double %5, double %6)"));
        assertTrue(a.contains("llvm.maximumnum") && a.contains("f64::max") && a.contains("update the Enzyme backend")
                && a.contains("if v > m"), a);
        String other = KnownGaps.advice("cannot handle (reverse) unknown intrinsic", List.of("llvm.frobnicate"));
        assertTrue(other.startsWith("this Enzyme backend has no derivative rule"), other);
    }

    @Test
    void typeAnalysisFailuresPointAtLooseTypesAndTheGradientCheck() {
        assertTrue(KnownGaps.advice("Cannot deduce type of phi", List.of()).contains("LooseTypes"));
        String copy = KnownGaps.advice("Cannot deduce type of copy", List.of());
        assertTrue(copy.contains("to_vec") && copy.contains("LooseTypes"), copy);
        assertTrue(KnownGaps.looseTypes().contains("gradient check"));
        assertNull(KnownGaps.advice("some other failure", List.of()));
    }
}
