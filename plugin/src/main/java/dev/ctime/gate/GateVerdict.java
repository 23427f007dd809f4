package dev.ctime.gate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the gate says of one figure, baseline against current: regressed or improved (different),
 * equivalent, inconclusive, missing (in the baseline, gone now), or not comparable.
 */
public enum GateVerdict {
    REGRESSED, IMPROVED, EQUIVALENT, INCONCLUSIVE, NOT_COMPARABLE, MISSING;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @JsonCreator
    public static GateVerdict of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    @Override
    public String toString() {
        return id();
    }
}
