package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a profile, or one kernel size of it, ended; written in lower case ("ok", "failed", …). */
public enum Status {
    /** Measured to the end and every check passed. */
    OK,
    /** Measured, but some kernel sizes failed (the reason names them): the other figures count and are compared. */
    PARTIAL,
    /** A build failed, or every kernel failed; the reason says which. */
    FAILED,
    /** Not attempted: something it needs is missing (a toolchain, Enzyme, a tool); the reason says how to get it. */
    SKIPPED,
    /** Cut short by an interruption or a killed run; what was measured is kept. */
    INCOMPLETE;

    /** Whether the profile's figures may be read and compared: measured to the end, or with only some kernels failed. */
    public boolean measured() {
        return this == OK || this == PARTIAL;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Status of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return id();
    }
}
