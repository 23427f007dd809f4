package dev.ctime.profile;

import dev.ctime.model.Profile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a profile from the POM's key/value form and validates every setting up front, so a
 * typo fails before any build runs, with the accepted values in the message.
 */
public final class ProfileParser {
    private ProfileParser() {
    }

    /** @param raw setting name to text, as written in {@code <profile>} (lists comma-separated) */
    public static Profile parse(Map<String, String> raw) throws ProfileException {
        String name = raw.get("name");
        if (name == null || name.isBlank()) {
            throw new ProfileException("a <profile> has no <name>: give every profile a unique <name>");
        }
        // Shown with control characters escaped: a name with a newline must not break the list of problems.
        String where = "profile '" + name.replace("\n", "\\n").replace("\r", "\\r").replaceAll("\\p{Cntrl}", "?") + "'";
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._+=-]{0,63}")) {
            throw new ProfileException(where + ": a profile name names a folder and a report column: start it with an ASCII letter"
                    + " or digit, then use ASCII letters, digits and . _ + = - only (at most 64), e.g. release-fat");
        }
        // Every problem of the profile at once: six mistakes should not take six runs to find.
        List<String> problems = new ArrayList<>();
        for (String key : raw.keySet()) {
            if (Setting.byKey(key).isEmpty()) {
                problems.add(where + ": unknown setting <" + key + ">"
                        + Setting.closest(key).map(c -> " (did you mean <" + c + ">?)").orElse("")
                        + "; known settings: " + String.join(", ", Setting.keys()));
            }
        }
        Profile p = new Profile(name.strip(),
                collect(problems, () -> choice(raw, Setting.INHERITS, where)),
                collect(problems, () -> choice(raw, Setting.OPT_LEVEL, where)),
                collect(problems, () -> choice(raw, Setting.LTO, where)),
                collect(problems, () -> positive(raw, Setting.CODEGEN_UNITS, where)),
                collect(problems, () -> bool(raw, Setting.INCREMENTAL, where)),
                collect(problems, () -> choice(raw, Setting.DEBUG, where)),
                collect(problems, () -> choice(raw, Setting.PANIC, where)),
                collect(problems, () -> choice(raw, Setting.LINKER, where)),
                text(raw, Setting.TARGET_CPU),
                collect(problems, () -> positive(raw, Setting.FRONTEND_THREADS, where)),
                text(raw, Setting.TOOLCHAIN),
                list(raw, Setting.FEATURES),
                rustflags(raw.get(Setting.RUSTFLAGS.key)),
                java.util.Objects.requireNonNullElse(collect(problems, () -> autodiff(raw, where)), List.<String>of()),
                collect(problems, () -> bool(raw, Setting.PGO, where)),
                collect(problems, () -> bool(raw, Setting.BOLT, where)),
                collect(problems, () -> packages(raw, where)));
        if (!problems.isEmpty()) throw new ProfileException(String.join("\n", problems));
        if (p.isAutodiff() && p.lto() != null && !p.lto().equals("fat")) {
            throw new ProfileException(where + ": autodiff needs fat LTO (rustc refuses #[autodiff] otherwise: Enzyme must"
                    + " see every function the differentiated one calls), but <lto> is '" + p.lto()
                    + "': remove <lto> (ctime sets fat for autodiff profiles) or set <lto>fat</lto>");
        }
        return p;
    }

    private interface Read<T> {
        T get() throws ProfileException;
    }

    private static <T> T collect(List<String> problems, Read<T> read) {
        try {
            return read.get();
        } catch (ProfileException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static String text(Map<String, String> raw, Setting s) {
        String v = raw.get(s.key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String choice(Map<String, String> raw, Setting s, String where) throws ProfileException {
        String v = text(raw, s);
        if (v != null && !s.values.contains(v)) {
            throw new ProfileException(where + ": <" + s.key + "> is '" + v + "'; use one of " + String.join(", ", s.values));
        }
        return v;
    }

    private static Boolean bool(Map<String, String> raw, Setting s, String where) throws ProfileException {
        String v = choice(raw, s, where);
        return v == null ? null : Boolean.valueOf(v);
    }

    private static Integer positive(Map<String, String> raw, Setting s, String where) throws ProfileException {
        String v = text(raw, s);
        if (v == null) return null;
        try {
            int i = Integer.parseInt(v);
            if (i >= 1) return i;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ProfileException(where + ": <" + s.key + "> is '" + v + "'; use a whole number of at least 1");
    }

    private static List<String> list(Map<String, String> raw, Setting s) {
        String v = text(raw, s);
        if (v == null) return List.of();
        return Arrays.stream(v.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Package overrides, {@code SPEC:KEY=VALUE} each, keys those Cargo allows in {@code [profile.*.package.SPEC]}. */
    private static List<String> packages(Map<String, String> raw, String where) throws ProfileException {
        List<String> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String item : list(raw, Setting.PACKAGES)) {
            int colon = item.lastIndexOf(':');
            int eq = item.indexOf('=', Math.max(colon, 0));
            String key = colon > 0 && eq > colon ? item.substring(colon + 1, eq).strip() : null;
            if (key == null || item.substring(0, colon).isBlank() || item.substring(eq + 1).isBlank()
                    || !Setting.PACKAGES.values.contains(key)) {
                bad.add(item);
            } else {
                out.add(item.substring(0, colon).strip() + ":" + key + "=" + item.substring(eq + 1).strip());
            }
        }
        if (!bad.isEmpty()) {
            throw new ProfileException(where + ": <packages> entries " + bad + " are not SPEC:KEY=VALUE with a key Cargo allows in"
                    + " a package override (" + String.join(", ", Setting.PACKAGES.values) + "; lto and panic apply to the whole"
                    + " graph only), e.g. <packages>*:opt-level=2</packages>");
        }
        return out;
    }

    /** Rustflags are whitespace-separated, as in RUSTFLAGS. */
    static List<String> rustflags(String v) {
        if (v == null || v.isBlank()) return List.of();
        return Arrays.asList(v.strip().split("\\s+"));
    }

    private static List<String> autodiff(Map<String, String> raw, String where) throws ProfileException {
        List<String> out = new ArrayList<>();
        for (String item : list(raw, Setting.AUTODIFF)) {
            String key = item.contains("=") ? item.substring(0, item.indexOf('=')) : item;
            if (!Setting.AUTODIFF.values.contains(key)) {
                throw new ProfileException(where + ": <autodiff> setting '" + item + "' is not one rustc knows; use a"
                        + " comma-separated list of " + String.join(", ", Setting.AUTODIFF.values)
                        + " (see rustc -Z autodiff)");
            }
            if (key.equals("PrintTAFn") != item.contains("=")) {
                throw new ProfileException(where + ": <autodiff> setting '" + item + "': only PrintTAFn takes a value,"
                        + " as PrintTAFn=function_name");
            }
            out.add(item);
        }
        return out;
    }
}
