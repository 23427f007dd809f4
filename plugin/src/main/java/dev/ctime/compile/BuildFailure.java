package dev.ctime.compile;

/**
 * A profile's build went wrong: the reason says what failed and where its output is. Thrown inside a
 * stage and turned into the profile's failed outcome at the stage's edge, so other profiles go on.
 */
final class BuildFailure extends Exception {
    BuildFailure(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
