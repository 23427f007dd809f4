package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where the application keeps a kernel's data when it calls: what the binding must do with it on every call. */
public enum Placement {
    /** Already in native memory (JNA {@code Memory}, a {@code MemorySegment}, a direct buffer): passed as an address. */
    OFF_HEAP("off-heap"),
    /** In a Java {@code double[]}: copied to native memory and back, or pinned, on every call. */
    ARRAY("array");

    private final String id;

    Placement(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Placement of(String id) {
        String s = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(s)).findFirst().orElse(null);
    }
}
