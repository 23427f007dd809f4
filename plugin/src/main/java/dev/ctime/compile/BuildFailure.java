package dev.ctime.compile;

import dev.ctime.autodiff.EnzymeVerdict;

/**
 * A profile's build went wrong: the reason says what failed and where its output is. Thrown inside a
 * stage and turned into the profile's failed outcome at the stage's edge, so other profiles go on.
 */
final class BuildFailure extends Exception {
    /** Enzyme's verdict where the build failed inside the autodiff pass, else null. */
    private final transient EnzymeVerdict enzyme;

    BuildFailure(String reason) {
        this(reason, null);
    }

    BuildFailure(String reason, EnzymeVerdict enzyme) {
        super(reason, null, false, false);
        this.enzyme = enzyme;
    }

    EnzymeVerdict enzyme() {
        return enzyme;
    }

    String reason() {
        return getMessage();
    }
}
