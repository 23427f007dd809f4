package dev.ctime.gate;

/**
 * Something that differs between the baseline and the current run that a comparison would silently mix.
 *
 * @param kind what differs: a toolchain or the machine (every figure is affected), or one profile's settings
 * @param text the sentence every output prints
 */
public record Mismatch(Kind kind, String text) {
    public enum Kind { TOOLCHAIN, MACHINE, SETTINGS }

    /** A toolchain or the machine: no figure of the run compares with the baseline's. */
    public boolean global() {
        return kind != Kind.SETTINGS;
    }

    @Override
    public String toString() {
        return text;
    }
}
