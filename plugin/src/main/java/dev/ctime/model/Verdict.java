package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What one comparison says. Better and worse are the two directions of a difference; equivalent
 * means the whole interval lies within the practical threshold; inconclusive means neither, which
 * is never read as "the same": absence of evidence is not evidence of equivalence.
 */
public enum Verdict {
    BETTER, WORSE, EQUIVALENT, INCONCLUSIVE;

    /** The three outcomes a person acts on: different (better or worse), equivalent, inconclusive. */
    public String outcome() {
        return this == BETTER || this == WORSE ? "different" : id();
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads reports of schema 4 and older too, whose "indistinguishable" made no such distinction. */
    @JsonCreator
    public static Verdict of(String id) {
        return id.equals("indistinguishable") ? INCONCLUSIVE : valueOf(id.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return id();
    }
}
