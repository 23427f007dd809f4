package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The run's measured false-alarm check: every kernel fork also times a byte-identical copy of the
 * reference's library under another name, and its figures are compared with the reference's by
 * the same rule as every profile's. Any figure called different marks the run's kernel verdicts
 * unreliable: the machine moved more than the statistics allow for.
 *
 * @param copyOf      the profile whose library was copied (the reference)
 * @param figures     how many kernel figures were compared
 * @param differing   how many of them were called different (better or worse)
 * @param comparisons each figure of the copy against the reference's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Control(String copyOf, int figures, int differing, List<Comparison> comparisons) {
    /** The name the copy is timed under: no profile can have it (a profile name starts with a letter or digit). */
    public static final String NAME = "~control";

    @JsonIgnore
    public boolean unreliable() {
        return differing > 0;
    }

    /** "control: 0 of 24 figures differ" as every view prints it. */
    public String describe() {
        String head = "control: " + differing + " of " + figures + " figures differ between " + copyOf + " and a byte-identical copy of"
                + " its library";
        if (!unreliable()) return head + " (as expected)";
        return head + ": the kernel verdicts of this run are unreliable (the machine moved more than the statistics allow for);"
                + " measure again on a quieter machine, or with more forks (ctime.forks)";
    }
}
