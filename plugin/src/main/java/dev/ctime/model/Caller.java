package dev.ctime.model;

/**
 * How the application calls a kernel: its binding, and where its data is. Written "jna" or "ffm:array"; the data
 * is off-heap unless said.
 *
 * @param binding how Java calls the kernel: jna, jna-direct, jni, ffm or ffm-critical
 * @param data    where the application's data is: off-heap (an address) or array (a Java double[])
 */
public record Caller(Binding binding, Placement data) {
    public static final Placement DEFAULT_DATA = Placement.OFF_HEAP;

    /** The caller written {@code text}, or null where it names no binding and data ctime knows. */
    public static Caller parse(String text) {
        if (text == null) return null;
        String[] parts = text.trim().split(":", -1);
        if (parts.length > 2) return null;
        Binding b = Binding.of(parts[0]);
        Placement p = parts.length == 2 ? Placement.of(parts[1]) : DEFAULT_DATA;
        return b == null || p == null ? null : new Caller(b, p);
    }

    /** "jna" or "ffm:array": as parse reads it. */
    @Override
    public String toString() {
        return binding.id() + (data == DEFAULT_DATA ? "" : ":" + data.id());
    }

    /** "JNA", "FFM with a Java array": as a sentence says it. */
    public String label() {
        return binding.label() + (data == Placement.ARRAY ? " from a Java array" : "");
    }
}
