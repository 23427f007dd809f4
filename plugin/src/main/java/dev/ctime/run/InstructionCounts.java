package dev.ctime.run;

/**
 * What became of the run's instruction counts: the report says it in one sentence, and the run's
 * status and warnings follow the state, never the sentence's wording.
 *
 * @param state  whether counts were taken, and if not, why not
 * @param detail the reason (not run, unavailable, not finished), or the kernels left uncounted; null where there is none
 */
record InstructionCounts(State state, String detail) {
    enum State { NOT_RUN, OFF, UNAVAILABLE, NOT_FINISHED, COUNTED }

    static final InstructionCounts NO_KERNEL = new InstructionCounts(State.NOT_RUN, "no kernel was timed");
    static final InstructionCounts CUT_SHORT = new InstructionCounts(State.NOT_FINISHED, "the run was cut short while counting");

    /** The state a report's sentence says (reports keep only the sentence); null where it says none. */
    static State stateOf(String text) {
        if (text == null) return null;
        for (State s : State.values()) {
            String head = new InstructionCounts(s, "").text();
            String lead = head.contains(":") ? head.substring(0, head.indexOf(':')) : head;
            if (text.startsWith(lead)) return s;
        }
        return null;
    }

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
