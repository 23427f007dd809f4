package dev.ctime.mojo;

import dev.ctime.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Numeric parameters read by ctime rather than by Maven's converter: Maven stops at the first value it cannot convert
 * and names nothing else, so a misspelt number hid every other problem. Each unreadable value becomes a problem of
 * its setting, said together with all the others.
 */
final class ParameterValues {
    private final List<Problem> problems = new ArrayList<>();

    /** A whole number (int), or 0 with the problem kept. */
    int integer(String name, String text) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, whole(name, text, "a whole number such as 5")));
    }

    /** A whole number (long), or 0 with the problem kept. */
    long whole(String name, String text) {
        return whole(name, text, "a whole number such as 42");
    }

    private long whole(String name, String text, String example) {
        if (text == null) return 0;
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.add(unreadable(name, text, example));
            return 0;
        }
    }

    /** A number (0.02, 1e-4, 1000000), or NaN with the problem kept. */
    double decimal(String name, String text) {
        if (text == null) return Double.NaN;
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(unreadable(name, text, "a number such as 0.02 or 1e-4"));
        return Double.NaN;
    }

    private static Problem unreadable(String name, String text, String example) {
        return Problem.of(name, "{" + name + "} is '" + text + "', which is not a number: give " + example);
    }

    /** Every value that could not be read, in the order read. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }
}
