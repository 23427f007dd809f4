package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Whether a toolchain can build #[autodiff] code.
 *
 * @param state         present (rustc loaded the backend), missing, or broken (a file is there
 *                      but rustc cannot load it)
 * @param expectedFiles where rustc looks for the Enzyme library in this sysroot
 * @param rustcSays     rustc's own answer to an empty crate built with -Zautodiff=Enable
 * @param backend       the library rustc loads, where it is there: which build of Enzyme the figures are from
 * @param foundFiles the Enzyme libraries present there
 * @param howToFix what to do where the backend is missing or broken
 */
public record EnzymeStatus(State state, List<String> expectedFiles, List<String> foundFiles, String rustcSays,
                           String howToFix, Backend backend) {
    public EnzymeStatus(State state, List<String> expectedFiles, List<String> foundFiles, String rustcSays, String howToFix) {
        this(state, expectedFiles, foundFiles, rustcSays, howToFix, null);
    }

    /** Present (rustc loaded the backend), missing, or broken (a file is there but rustc cannot load it). */
    public enum State {
        PRESENT, MISSING, BROKEN;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static State of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /**
     * The backend's file as found: an Enzyme library says nothing of its version, so its hash and date tell two apart.
     *
     * @param modified the file's modification time (its build or install date, as far as the file tells)
     * @param path the library's path
     * @param bytes its size in bytes
     * @param sha256 its SHA-256
     */
    public record Backend(String path, long bytes, String sha256, String modified) {
        public String describe() {
            return path + ", " + String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6) + ", sha256 " + sha256.substring(0, 12)
                    + "…, modified " + modified.substring(0, Math.min(10, modified.length()));
        }
    }

    public EnzymeStatus withBackend(Backend b) {
        return new EnzymeStatus(state, expectedFiles, foundFiles, rustcSays, howToFix, b);
    }

    public boolean present() {
        return state == State.PRESENT;
    }
}
