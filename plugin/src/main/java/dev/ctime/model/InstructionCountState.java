package dev.ctime.model;

/**
 * What became of a run's instruction counts, as a field beside the sentence (settings.instructionCounts) that says it
 * to a person: resume, the gate and the warnings follow this, never the sentence's wording.
 */
public enum InstructionCountState {
    /** No kernel was timed, so none was counted. */
    NOT_RUN,
    /** ctime.instructions=off. */
    OFF,
    /** Valgrind is not installed, or cannot run here. */
    UNAVAILABLE,
    /** The run was cut short while counting: a resumed run counts again. */
    NOT_FINISHED,
    /** Counted (some kernels may be left out, as the sentence says). */
    COUNTED
}
