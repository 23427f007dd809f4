package dev.ctime.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks one {@code <kernel>} from the POM. */
public final class KernelParser {
    private static final Set<String> KEYS = Set.of("name", "primal", "gradient", "sizes");

    private KernelParser() {
    }

    /** @param raw element name to text; {@code sizes} comma-separated */
    public static Kernel parse(Map<String, String> raw) throws IllegalArgumentException {
        for (String k : raw.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("<kernel> has an unknown element <" + k + ">; a kernel takes <name>,"
                        + " <primal>, <gradient> and <sizes><size>…</size></sizes>");
            }
        }
        String name = blankToNull(raw.get("name"));
        String primal = blankToNull(raw.get("primal"));
        if (name == null && primal == null) throw new IllegalArgumentException("a <kernel> needs at least <name> or <primal>");
        if (name == null) name = primal;
        if (primal == null) primal = name;
        String where = "kernel '" + name.replaceAll("\\p{Cntrl}", "?") + "'";
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.+-]{0,63}")) {
            throw new IllegalArgumentException(where + ": a kernel name appears in reports, file names and spreadsheets: start it"
                    + " with an ASCII letter, digit or _, then use ASCII letters, digits and _ . + - only (at most 64)");
        }
        String sizesText = blankToNull(raw.get("sizes"));
        if (sizesText == null) {
            throw new IllegalArgumentException(where + " has no <sizes>: list the input sizes to time, e.g."
                    + " <sizes><size>64</size><size>4096</size></sizes>");
        }
        List<Integer> sizes = new ArrayList<>();
        for (String s : sizesText.split(",")) {
            try {
                int n = Integer.parseInt(s.strip());
                if (n < 1) throw new NumberFormatException();
                if (sizes.contains(n)) throw new IllegalArgumentException(where + ": size " + n + " is listed twice; list each size once");
                sizes.add(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": size '" + s.strip() + "' is not a whole number of at least 1");
            }
        }
        for (String sym : new String[] {primal, blankToNull(raw.get("gradient"))}) {
            if (sym != null && !sym.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException(where + ": '" + sym + "' is not a C symbol name; use the name of the"
                        + " #[no_mangle] extern \"C\" function");
            }
        }
        return new Kernel(name, primal, blankToNull(raw.get("gradient")), sizes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
