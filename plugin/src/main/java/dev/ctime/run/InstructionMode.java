package dev.ctime.run;

import java.util.Arrays;
import java.util.Locale;

/** What ctime.instructions asks to be counted under Valgrind's Cachegrind. */
public enum InstructionMode {
    /** Kernels' instructions, where Valgrind is installed. */
    AUTO,
    /** Kernels' and the leaf build's rustc's too (an extra build under Valgrind, many times a build's time). */
    ALL,
    /** Nothing counted. */
    OFF;

    /** As ctime.instructions spells it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the mode this spelling names, or null where it names none */
    public static InstructionMode of(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return id();
    }
}
