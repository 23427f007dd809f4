package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a Java application calls a kernel in a native library. */
public enum Binding {
    /** A JNA interface mapping ({@code Library}): the proxy, argument conversion and libffi on every call. */
    JNA("jna", "JNA"),
    /** JNA direct mapping ({@code Native.register}): native methods bound to the symbol, still converted by JNA. */
    JNA_DIRECT("jna-direct", "JNA direct"),
    /** A hand-written JNI entry point calling the kernel. */
    JNI("jni", "JNI"),
    /** A downcall handle of the foreign function API (java.lang.foreign, JDK 22 and newer). */
    FFM("ffm", "FFM"),
    /** A critical downcall: no thread-state change, heap arrays passed in place; for short calls only. */
    FFM_CRITICAL("ffm-critical", "FFM critical");

    /** The first JDK whose foreign function API is final: what the FFM bindings need. */
    public static final int FIRST_FFM_JDK = 22;

    private final String id;
    private final String label;

    Binding(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** As a sentence names it: "JNA direct". */
    public String label() {
        return label;
    }

    /** Whether it needs a JVM of JDK 22 or newer. */
    public boolean foreign() {
        return this == FFM || this == FFM_CRITICAL;
    }

    /** The binding named {@code id} ("jna", "jna-direct", ...), or null where none is. */
    @JsonCreator
    public static Binding of(String id) {
        String s = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(b -> b.id.equals(s)).findFirst().orElse(null);
    }

    /** "jna, jna-direct, jni, ffm, ffm-critical": what a message lists as the choices. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Binding::id).toList());
    }
}
