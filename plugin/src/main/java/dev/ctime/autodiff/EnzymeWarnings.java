package dev.ctime.autodiff;

import dev.ctime.symbols.RustDemangler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What Enzyme warns of in a build that succeeds ("failed to deduce type of copy", "Mismatched activity
 * for:", "could not perform minus one for gep'd"): rustc passes these lines through untouched, and they
 * are often the only sign that a gradient may be wrong. Kept once each, with how often, the instruction
 * shortened and mangled names made readable; PrintPerf's remarks about speed are counted elsewhere.
 */
public final class EnzymeWarnings {
    private static final Pattern WARNING = Pattern.compile("^(failed to |could not |cannot |mismatched activity|warning: .*enzyme)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    private static final int LONGEST = 160;

    private EnzymeWarnings() {
    }

    public static List<String> of(String stderr) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String raw : stderr.split("\\R")) {
            String l = ANSI.matcher(raw).replaceAll("").strip();
            // PrintPerf's remark about an allocation it caches is about speed, not about the gradient.
            if (!WARNING.matcher(l).find() || l.startsWith("Could not promote allocation")) continue;
            // "failed to deduce type of copy   tail call …": the sentence, then the instruction it names.
            String[] parts = l.split("\\s{2,}", 2);
            String text = RustDemangler.demangleEmbedded(parts[0].strip().replaceAll(":$", ""))
                    + (parts.length > 1 ? ": " + shorten(RustDemangler.demangleEmbedded(parts[1].strip())) : "");
            seen.merge(text, 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        seen.forEach((text, n) -> out.add("Enzyme warned" + (n > 1 ? " " + n + " times" : "") + ": " + text));
        return out;
    }

    private static String shorten(String s) {
        return s.length() <= LONGEST ? s : s.substring(0, LONGEST - 1) + "…";
    }
}
