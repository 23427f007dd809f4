package dev.ctime.run;

import dev.ctime.model.InstructionCountState;

/**
 * What became of the run's instruction counts: the report says it in one sentence, and the run's
 * status and warnings follow the state, never the sentence's wording.
 *
 * @param state  whether counts were taken, and if not, why not
 * @param detail the reason (not run, unavailable, not finished), or the kernels left uncounted; null where there is none
 */
record InstructionCounts(InstructionCountState state, String detail) {

    static final InstructionCounts NO_KERNEL = new InstructionCounts(InstructionCountState.NOT_RUN, "no kernel was timed");
    static final InstructionCounts CUT_SHORT = new InstructionCounts(InstructionCountState.NOT_FINISHED, "the run was cut short while counting");

    /** The sentence the report keeps under settings.instructionCounts. */
    String text() {
        return switch (state) {
            case NOT_RUN -> "not run: " + detail;
            case OFF -> "off (ctime.instructions=off)";
            case UNAVAILABLE -> "unavailable: " + detail;
            case NOT_FINISHED -> "not finished: " + detail;
            case COUNTED -> "instructions per call under Valgrind's Cachegrind: (total of 1 + k calls - total of 1 call) / k,"
                    + " counted outside the JVM by ctime-count on the timing inputs" + (detail == null ? "" : "; not counted: " + detail);
        };
    }
}
